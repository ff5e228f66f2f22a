"""Small local strategies for the JSON tests, until ``opsmodel.testing`` lands on main."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

import opsmodel as om

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12).filter(lambda s: bool(s.strip()))
slugs = st.builds(lambda a, b: a + b, st.sampled_from(["a", "op", "zero-zeno", "s.1", "x_2"]), st.sampled_from(["", "1", "-b"]))
maybe_text = st.none() | text
source_ids = st.lists(slugs, max_size=2).map(tuple)
countries = st.sampled_from(["RU", "CN", "IR", "US", "XK", "MD", "GB"]).map(lambda code: om.Country(code=code))
subdivisions = st.sampled_from(["MD-GA", "US-CA", "GB-SCT"]).map(lambda code: om.Subdivision(code=code))
regions = st.builds(om.Region, name=text, members=st.lists(countries, max_size=2).map(tuple))
languages = st.builds(
    om.Language,
    code=st.sampled_from(["ru", "zh", "en", "fa", "yue"]),
    script=st.none() | st.just("Hant"),
    region=st.none() | st.sampled_from(["TW", "419"]),
) | st.builds(om.Language, name=text)


def _vocab(cls: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from(list(cls))


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> om.FuzzyDate:
    precision = draw(_vocab(om.Precision))
    year = draw(st.integers(1, 9999))
    if precision is om.Precision.INSTANT:
        moment = draw(st.datetimes(dt.datetime(1, 1, 2), dt.datetime(9999, 12, 30), timezones=st.just(dt.timezone.utc)))
        return om.FuzzyDate.instant(moment, wording=draw(maybe_text))
    value = {
        om.Precision.YEAR: lambda: dt.date(year, 1, 1),
        om.Precision.HALF: lambda: dt.date(year, draw(st.sampled_from([1, 7])), 1),
        om.Precision.QUARTER: lambda: dt.date(year, draw(st.sampled_from([1, 4, 7, 10])), 1),
        om.Precision.MONTH: lambda: dt.date(year, draw(st.integers(1, 12)), 1),
        om.Precision.DAY: lambda: draw(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))),
    }[precision]()
    part = draw(st.none() | _vocab(om.Part)) if precision not in (om.Precision.DAY,) else None
    return om.FuzzyDate(
        value=value,
        precision=precision,
        part=part,
        approximate=draw(st.booleans()),
        bound=draw(_vocab(om.Bound)),
        wording=draw(maybe_text),
    )


relative_dates = st.builds(
    om.RelativeDate,
    amount=st.integers(0, 100),
    unit=_vocab(om.TimeUnit),
    approximate=st.booleans(),
    bound=_vocab(om.Bound),
    wording=maybe_text,
)


@st.composite
def periods(draw: st.DrawFn) -> om.Period:
    start = draw(st.none() | fuzzy_dates() | relative_dates)
    ongoing = draw(st.booleans())
    end = None if ongoing else draw(st.none() | fuzzy_dates() | relative_dates)
    if isinstance(start, om.FuzzyDate) and isinstance(end, om.FuzzyDate) and end.last_day < start.first_day:
        start, end = end, start
    if (
        isinstance(start, om.RelativeDate)
        and isinstance(end, om.RelativeDate)
        and start.unit is end.unit
        and end.amount > start.amount
    ):
        start, end = end, start
    return om.Period(start=start, end=end, ongoing=ongoing, wording=draw(maybe_text))


@st.composite
def counts(draw: st.DrawFn) -> om.Count:
    kind = draw(_vocab(om.CountKind))
    wording = draw(maybe_text)
    if kind is om.CountKind.UNKNOWN:
        return om.Count.unknown(wording=wording)
    value = draw(st.integers(0, 10**6))
    upper = value + draw(st.integers(0, 1000)) if kind is om.CountKind.RANGE else None
    return om.Count(kind=kind, value=value, upper=upper, wording=wording)


confidences = st.builds(om.Confidence, score=st.integers(0, 100), words=maybe_text) | st.builds(om.Confidence, words=text)
platforms = st.sampled_from(["telegram", "x", "facebook"]).map(lambda i: om.Platform(id=i)) | st.builds(
    om.Platform, id=slugs, name=maybe_text
)
sources = st.builds(
    om.Source,
    id=slugs,
    publisher=maybe_text,
    title=maybe_text,
    url=maybe_text,
    published=st.none() | fuzzy_dates(),
    authors=st.lists(text, max_size=2).map(tuple),
    language=st.none() | languages,
    quotes=st.lists(text, max_size=2).map(tuple),
)
actors = st.builds(
    om.Actor,
    id=slugs,
    name=text,
    kind=_vocab(om.ActorKind),
    nationality=st.none() | countries,
    location=st.none() | countries,
    aliases=st.lists(text, max_size=2).map(tuple),
    parent=st.none() | slugs,
    description=maybe_text,
    sources=source_ids,
)
attributions = st.builds(
    om.Attribution,
    claimant=text,
    role=_vocab(om.AttributionRole),
    actor=slugs,
    countries=st.lists(countries, max_size=2).map(tuple),
    client=st.none() | slugs,
    confidence=st.none() | confidences,
    wording=maybe_text,
    claimed=st.none() | fuzzy_dates(),
    status=_vocab(om.ClaimStatus),
    sources=source_ids,
)
targets = st.builds(
    om.Target,
    place=countries | subdivisions | regions,
    audience=st.none() | st.builds(om.Audience, name=text, description=maybe_text),
    note=maybe_text,
    sources=source_ids,
)
assets = st.builds(
    om.Asset,
    platform=platforms,
    kind=_vocab(om.AssetKind),
    count=st.none() | counts(),
    followers=st.none() | counts(),
    identifiers=st.lists(text, max_size=2).map(tuple),
    note=maybe_text,
    sources=source_ids,
)
technique_uses = st.builds(
    om.TechniqueUse,
    technique=st.builds(
        om.TechniqueRef,
        framework=st.just("disarm"),
        id=st.integers(0, 9999).map(lambda n: f"T{n:04d}") | st.integers(0, 9999).map(lambda n: f"T0085.{n % 1000:03d}"),
        version=maybe_text,
        name=maybe_text,
    )
    | st.builds(om.TechniqueRef, framework=st.just("other-framework"), id=text),
    tactic=st.none()
    | st.builds(om.Tactic, framework=st.just("disarm"), id=st.integers(0, 99).map(lambda n: f"TA{n:02d}"), name=maybe_text),
    procedure=maybe_text,
    evidence=st.lists(text, max_size=2).map(tuple),
    confidence=st.none() | confidences,
    sources=source_ids,
)
ai_uses = st.builds(
    om.AIUse,
    service=maybe_text,
    provider=maybe_text,
    model=maybe_text,
    purposes=st.lists(_vocab(om.AIPurpose), max_size=2).map(tuple),
    languages=st.lists(languages, max_size=2).map(tuple),
    llm_ttps=st.lists(_vocab(om.LLM_TTP), max_size=2).map(tuple),
    failures=st.lists(text, max_size=2).map(tuple),
    sources=source_ids,
)
impacts = st.builds(
    om.Impact,
    category=st.integers(1, 6),
    qualifier=_vocab(om.ImpactQualifier).filter(lambda q: q is not om.ImpactQualifier.CONDITIONAL),
    rated_by=maybe_text,
    rated=st.none() | fuzzy_dates(),
    sources=source_ids,
) | st.builds(om.Impact, category=st.integers(1, 6), qualifier=st.just(om.ImpactQualifier.CONDITIONAL), condition=text)
disruptions = st.builds(
    om.Disruption,
    by=text,
    action=_vocab(om.DisruptionAction),
    date=st.none() | fuzzy_dates(),
    count=st.none() | counts(),
    platform=st.none() | platforms,
    description=maybe_text,
    sources=source_ids,
)
moneys = st.builds(
    om.Money,
    amount=counts().filter(lambda c: c.kind is not om.CountKind.UNKNOWN),
    currency=st.sampled_from(["USD", "EUR", "RUB"]),
    wording=maybe_text,
)
aliases = st.builds(om.Alias, name=text, kind=_vocab(om.AliasKind), used_by=maybe_text, sources=source_ids)
relations = st.builds(
    om.Relation, kind=_vocab(om.RelationKind), other=slugs, other_name=maybe_text, note=maybe_text, sources=source_ids
)
narratives = st.builds(
    om.Narrative,
    summary=text,
    topics=st.lists(text, max_size=2).map(tuple),
    languages=st.lists(languages, max_size=1).map(tuple),
    sources=source_ids,
)


def _few(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=2).map(tuple)


operations = st.builds(
    om.Operation,
    id=slugs,
    name=maybe_text,
    kind=_vocab(om.OperationKind),
    summary=text,
    aliases=_few(aliases),
    activity=st.none() | periods(),
    detected=st.none() | periods(),
    actors=_few(actors),
    attributions=_few(attributions),
    targets=_few(targets),
    topics=_few(text),
    narratives=_few(narratives),
    languages=_few(languages),
    assets=_few(assets),
    techniques=_few(technique_uses),
    ai_uses=_few(ai_uses),
    impacts=_few(impacts),
    disruptions=_few(disruptions),
    ad_spend=_few(moneys),
    relations=_few(relations),
    sources=_few(sources),
    notes=maybe_text,
)
reports = st.builds(
    om.Report,
    id=slugs,
    title=text,
    publisher=text,
    published=st.none() | fuzzy_dates(),
    url=maybe_text,
    authors=_few(text),
    summary=maybe_text,
    findings=_few(text),
    operations=st.lists(operations, max_size=3).map(tuple),
)
values = st.one_of(
    reports, operations, fuzzy_dates(), periods(), targets, counts(), moneys, languages, technique_uses, attributions
)
