"""Properties: consistent generated data yields no errors; one injected defect yields its code at its path.

opsmodel.testing generates operations that are valid field by field and whose references resolve,
but whose dates, clients and counts are drawn independently. :func:`consistent` puts those in
order (dates on one increasing time line, no actor as its own client, identifiers within counts),
without looking at the rules, so that every remaining error would be a false positive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import Actor, Asset, Attribution, FuzzyDate, Measure, Operation, Period, Relation, Report, Source, Target
from opsmodel.testing import operations, reports
from opsmodel.validation import Finding, iter_errors

_START = dt.date(2015, 1, 1)


def _day(offset: int) -> FuzzyDate:
    return FuzzyDate(value=_START + dt.timedelta(days=offset), precision="day")


@st.composite
def consistent_operations(draw: st.DrawFn, *, strategy: st.SearchStrategy[Operation] | None = None) -> Operation:
    operation = draw(strategy if strategy is not None else operations(max_facts=2))
    # one time line: activity starts, then detection, then disruptions; claims and ratings after the start
    offsets = sorted(draw(st.lists(st.integers(0, 3000), min_size=3 + 2 * len(operation.disruptions), max_size=12)))
    activity = Period(start=_day(offsets[0]), end=_day(offsets[-1]) if draw(st.booleans()) else None)
    detected = Period(start=_day(offsets[1])) if draw(st.booleans()) else None
    # a repeated disruption's period and an AI use's period (model 1.1) span the activity's days
    span = Period(start=_day(offsets[0]), end=_day(offsets[-1]))
    disruptions = tuple(
        attrs.evolve(d, date=_day(offsets[2 + i]) if d.date is not None else None, period=span if d.period else None)
        for i, d in enumerate(operation.disruptions)
    )
    ai_uses = tuple(attrs.evolve(use, period=span if use.period else None) for use in operation.ai_uses)
    attributions = tuple(
        attrs.evolve(
            a,
            client=None if a.client == a.actor else a.client,
            claimed=_day(draw(st.integers(offsets[0], offsets[-1]))) if a.claimed is not None else None,
        )
        for a in operation.attributions
    )
    impacts = tuple(
        attrs.evolve(i, rated=_day(draw(st.integers(offsets[0], offsets[-1]))) if i.rated is not None else None)
        for i in operation.impacts
    )
    assets = tuple(_counted(asset) for asset in operation.assets)
    relations = tuple(
        attrs.evolve(r, claimed=_day(draw(st.integers(offsets[0], offsets[-1]))) if r.claimed is not None else None)
        for r in operation.relations
        if r.other != operation.id
    )
    date_claims = tuple(attrs.evolve(c, date=_day(draw(st.integers(offsets[0], offsets[-1])))) for c in operation.date_claims)
    measures = tuple(_within(m, [_day(draw(st.integers(offsets[0], offsets[-1]))) for _ in range(3)]) for m in operation.measures)
    return attrs.evolve(
        operation,
        activity=activity,
        detected=detected,
        disruptions=disruptions,
        attributions=attributions,
        impacts=impacts,
        assets=assets,
        relations=relations,
        date_claims=date_claims,
        measures=measures,
        **_presence_on_the_time_line(draw, operation, offsets),
        ai_uses=ai_uses,
    )


def _presence_on_the_time_line(draw: st.DrawFn, operation: Operation, offsets: list[int]) -> dict[str, Any]:
    """Model 1.1's dates on the time line (since when a target or language, venues' periods, artefacts), and
    language uses whose extent in words and share agree (no share beside an extent)."""

    def day() -> FuzzyDate:
        return _day(draw(st.integers(offsets[0], offsets[-1])))

    def period(value: Period | None) -> Period | None:
        if value is None:
            return None
        first, second = sorted((day(), day()), key=lambda found: found.value)
        return Period(start=first, end=second)

    return {
        "targets": tuple(attrs.evolve(t, since=day() if t.since is not None else None) for t in operation.targets),
        "language_uses": tuple(
            attrs.evolve(u, since=day() if u.since is not None else None, share=None if u.extent else u.share)
            for u in operation.language_uses
        ),
        "venues": tuple(attrs.evolve(v, period=period(v.period)) for v in operation.venues),
        "artefacts": tuple(attrs.evolve(a, published=day() if a.published is not None else None) for a in operation.artefacts),
    }


def _within(measure: Measure, days: list[FuzzyDate]) -> Measure:
    """The measure taken on the time line, with a share no more than the whole."""
    first, second = sorted(days[1:], key=lambda day: day.value)
    share = measure.share
    if share is not None:
        upper = None if share.upper is None else min(share.upper, share.denominator)
        share = attrs.evolve(share, numerator=min(share.numerator, share.denominator), upper=upper)
    return attrs.evolve(
        measure,
        as_of=days[0] if measure.as_of is not None else None,
        period=Period(start=first, end=second) if measure.period is not None else None,
        share=share,
    )


def _counted(asset: Asset) -> Asset:
    maximum = asset.count.maximum if asset.count is not None else None
    identifiers = asset.identifiers if maximum is None or len(set(asset.identifiers)) <= maximum else ()
    followers = None if maximum == 0 else asset.followers
    return attrs.evolve(asset, identifiers=identifiers, followers=followers)


@st.composite
def consistent_reports(draw: st.DrawFn) -> Report:
    report = draw(reports(max_operations=3, max_facts=2))
    fixed = tuple(draw(consistent_operations(strategy=st.just(op))) for op in report.operations)
    latest = max(
        (_latest_date(op) for op in fixed),
        default=_START,
    )
    published = FuzzyDate(value=latest + dt.timedelta(days=draw(st.integers(0, 400))), precision="day")
    return attrs.evolve(report, published=published, operations=fixed)


def _latest_date(operation: Operation) -> dt.date:
    dates = [_START]
    for period in (operation.activity, operation.detected):
        for end in (period.start, period.end) if period is not None else ():
            if isinstance(end, FuzzyDate):
                dates.append(end.last_day)
    dates += [d.date.last_day for d in operation.disruptions if d.date is not None]
    dates += [a.claimed.last_day for a in operation.attributions if a.claimed is not None]
    dates += [i.rated.last_day for i in operation.impacts if i.rated is not None]
    dates += [r.claimed.last_day for r in operation.relations if r.claimed is not None]
    dates += [c.date.last_day for c in operation.date_claims if isinstance(c.date, FuzzyDate)]
    dates += [m.as_of.last_day for m in operation.measures if isinstance(m.as_of, FuzzyDate)]
    dates += [m.period.end.last_day for m in operation.measures if m.period is not None and isinstance(m.period.end, FuzzyDate)]
    dates += [t.since.last_day for t in operation.targets if t.since is not None]
    dates += [u.since.last_day for u in operation.language_uses if u.since is not None]
    dates += [a.published.last_day for a in operation.artefacts if a.published is not None]
    dates += [v.period.end.last_day for v in operation.venues if v.period is not None and isinstance(v.period.end, FuzzyDate)]
    spans = [use.period for use in operation.ai_uses if use.period is not None]
    spans += [action.period for action in operation.disruptions if action.period is not None]
    dates += [span.end.last_day for span in spans if isinstance(span.end, FuzzyDate)]
    return max(dates)


def _errors(obj: Report | Operation) -> list[Finding]:
    return [f for f in iter_errors(obj) if f.is_error]


@settings(max_examples=30)
@given(consistent_operations())
def test_consistent_operations_have_no_errors(operation: Operation) -> None:
    assert [str(f) for f in _errors(operation)] == []


@settings(max_examples=15)
@given(consistent_reports())
def test_consistent_reports_have_no_errors(report: Report) -> None:
    assert [str(f) for f in _errors(report)] == []


# --- one injected defect -------------------------------------------------------------------


def _fresh(taken: set[str], stem: str) -> str:
    candidate = stem
    while candidate in taken:
        candidate += "-x"
    return candidate


def _detected_too_early(op: Operation) -> tuple[Operation, str, str]:
    start = op.activity.start if op.activity is not None else None
    assert isinstance(start, FuzzyDate)
    early = FuzzyDate(value=start.first_day - dt.timedelta(days=400), precision="day")
    detected = Period(start=early)
    # detection now starts 400 days before the activity: nothing else may move
    fixed = attrs.evolve(op, detected=detected, disruptions=tuple(attrs.evolve(d, date=None) for d in op.disruptions))
    return fixed, "OPS101", "$.detected.start"


def _self_relation(op: Operation) -> tuple[Operation, str, str]:
    relation = Relation(kind="same_as", other=op.id)
    return attrs.evolve(op, relations=(*op.relations, relation)), "OPS203", f"$.relations[{len(op.relations)}].other"


def _unknown_actor(op: Operation) -> tuple[Operation, str, str]:
    ghost = _fresh({a.id for a in op.actors}, "ghost-actor")
    claim = Attribution(claimant="Meta", actor=ghost)
    return attrs.evolve(op, attributions=(*op.attributions, claim)), "OPS204", f"$.attributions[{len(op.attributions)}].actor"


def _unknown_source(op: Operation) -> tuple[Operation, str, str]:
    ghost = _fresh({s.id for s in op.sources}, "ghost-source")
    target = Target(place="FR", sources=[ghost])
    return attrs.evolve(op, targets=(*op.targets, target)), "OPS210", f"$.targets[{len(op.targets)}].sources[0]"


def _duplicate_source(op: Operation) -> tuple[Operation, str, str]:
    source = op.sources[0] if op.sources else Source(id="only")
    existing = op.sources if op.sources else (source,)
    fixed = attrs.evolve(op, sources=(*existing, attrs.evolve(source, title="A second source with the same id")))
    return fixed, "OPS302", f"$.sources[{len(existing)}].id"


def _duplicate_actor(op: Operation) -> tuple[Operation, str, str]:
    actor = Actor(id=op.actors[0].id if op.actors else "lonely", name="Twin")
    existing = op.actors if op.actors else (Actor(id="lonely", name="Lonely"),)
    return attrs.evolve(op, actors=(*existing, actor)), "OPS303", f"$.actors[{len(existing)}].id"


def _too_many_identifiers(op: Operation) -> tuple[Operation, str, str]:
    asset = Asset(platform="Telegram", kind="channel", count=1, identifiers=["@one", "@two"])
    return attrs.evolve(op, assets=(*op.assets, asset)), "OPS502", f"$.assets[{len(op.assets)}].count"


def _own_client(op: Operation) -> tuple[Operation, str, str]:
    firm = _fresh({a.id for a in op.actors}, "firm")
    claim = Attribution(claimant="Meta", role="contractor", actor=firm, client=firm)
    fixed = attrs.evolve(op, actors=(*op.actors, Actor(id=firm, name="Firm")), attributions=(*op.attributions, claim))
    return fixed, "OPS206", f"$.attributions[{len(op.attributions)}].client"


DEFECTS: list[Callable[[Operation], tuple[Operation, str, str]]] = [
    _detected_too_early,
    _self_relation,
    _unknown_actor,
    _unknown_source,
    _duplicate_source,
    _duplicate_actor,
    _too_many_identifiers,
    _own_client,
]


@settings(max_examples=40)
@given(consistent_operations(), st.sampled_from(DEFECTS))
def test_one_injected_defect_is_found_at_its_path(operation: Operation, inject: Any) -> None:
    broken, code, path = inject(operation)
    errors = _errors(broken)
    assert (code, path) in [(f.code, f.path) for f in errors]
    assert {f.code for f in errors} == {code}


@settings(max_examples=10)
@given(consistent_reports(), st.data())
def test_a_duplicate_operation_in_a_report_is_found_at_its_path(report: Report, data: st.DataObject) -> None:
    if not report.operations:
        return
    copy = data.draw(st.sampled_from(report.operations))
    broken = attrs.evolve(report, operations=(*report.operations, copy))
    errors = _errors(broken)
    assert [(f.code, f.path) for f in errors] == [("OPS301", f"$.operations[{len(report.operations)}].id")]


@settings(max_examples=15)
@given(reports(max_operations=3, max_facts=2))
def test_a_report_as_a_json_document_has_the_findings_of_the_report(report: Report) -> None:
    from opsmodel import json as codec
    from opsmodel.validation import iter_document_errors

    expected = [(f.code, f.path, f.message) for f in iter_errors(report)]
    assert [(f.code, f.path, f.message) for f in iter_document_errors(codec.dumps(report))] == expected


@settings(max_examples=15)
@given(st.lists(operations(max_facts=2), max_size=4))
def test_a_json_lines_corpus_has_the_findings_of_its_operations(operations_: list[Operation]) -> None:
    import io

    from opsmodel import json as codec
    from opsmodel.validation import iter_document_errors

    stream = io.StringIO()
    codec.dump_lines(operations_, stream)
    found = list(iter_document_errors(stream.getvalue(), format="jsonl"))
    assert not [f for f in found if f.code.startswith("OPS0")]
    assert {f.line for f in found} <= set(range(2, len(operations_) + 2))
    alone = [(f.code, f.path) for op in operations_ for f in iter_errors(op) if f.code not in ("OPS202", "OPS301")]
    assert [(f.code, f.path) for f in found if f.code not in ("OPS202", "OPS301")] == alone
