"""Hypothesis strategies for every model class, published by :mod:`opsmodel.testing`.

Needs hypothesis (the ``testing`` extra); only :mod:`opsmodel.testing` imports this module, and
importing it registers each strategy for ``st.from_type`` (see :data:`STRATEGIES`).
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

import attrs
import pycountry
from hypothesis import strategies as st

from .actors import Actor, ActorKind, Attribution, AttributionRole, ClaimStatus, Designation
from .claims import (
    LEVEL_WORDINGS,
    LIKELIHOOD_WORDINGS,
    AttributionStance,
    Awareness,
    ConfidenceLevel,
    DateBasis,
    DateClaim,
    DatedEvent,
    Likelihood,
    Voice,
)
from .conduct import (
    AIAccess,
    AIPurpose,
    AIToolKind,
    AIUse,
    Disruption,
    DisruptionAction,
    Impact,
    ImpactQualifier,
    Narrative,
)
from .count_wording import MAX_COUNT
from .counts import Count, CountKind, Money
from .dates import Anchor, Bound, FuzzyDate, Part, Period, Precision, RelativeDate, ends_contradict
from .durations import MAX_AMOUNTS, Duration, TimeUnit
from .languages import Language, LanguageExtent, LanguageRole, LanguageUse
from .measures import PER_ITEM_SCOPES, Counted, Measure, MeasureBasis, MeasureScope, MeasureStage, Share
from .operations import ActivityKind, Operation, OperationKind, Report
from .personas import (
    Artefact,
    ArtefactKind,
    Front,
    FrontKind,
    ImpersonatedKind,
    Impersonation,
    ImpersonationMethod,
    Persona,
    PersonaKind,
)
from .places import (
    Audience,
    Country,
    EventKind,
    Locality,
    MembersBasis,
    OrganisationKind,
    PlaceRole,
    Region,
    Subdivision,
    Target,
    TargetEvent,
    TargetOrganisation,
    TargetStatus,
)
from .platforms import KNOWN_PLATFORMS, Asset, AssetKind, Platform
from .provenance import PublicationStatus, SourceAccess, SourceRole
from .relations import Alias, AliasKind, Relation, RelationKind
from .sources import Source
from .techniques import ESTIMATIVE_RANGES, ID_GRAMMARS, LLM_TTP, Confidence, Tactic, TechniqueRef, TechniqueUse
from .venues import PlatformFeature, Venue, VenueKind, VenueRole

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


def _cached(func: F) -> F:
    """Build a strategy once per distinct hashable arguments.

    Hypothesis validates each strategy object once; building fresh strategies inside every draw
    would repeat that work thousands of times per test. Unhashable arguments (lists) skip the cache.
    """
    memo = functools.lru_cache(maxsize=512)(func)

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return memo(*args, **kwargs)
        except TypeError:
            return func(*args, **kwargs)

    return cast(F, wrapper)


# ---------------------------------------------------------------------------------------------
# Building blocks

_REALISTIC_TEXT = (
    "Bad Grammar",
    "Doppelganger",
    "Spamouflage",
    "Zero Zeno",
    "IUVM",
    "Secondary Infektion",
    "an unnamed network",
    "the Sahel",
    "the Baltic States",
    "Russian-speaking diaspora",
    "fact-checkers",
    "readers of pro-Kremlin Telegram channels",
    "Война в Украине",
    "台湾选举",
    "الانتخابات",
    "Gaza 🇵🇸 / Israel 🇮🇱",
    "As an AI language model, I cannot",
    "likely",
    "with moderate confidence",
    "STOIC, a political marketing firm in Tel Aviv",
    "since at least 2017",
    "three to five accounts",
    "upper end of Category 3",
    "Straße",
    "  leading and trailing spaces  ",
    "line one\nline two",
)


@_cached
def texts(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank strings, as every text field of the model requires.

    Mixes realistic phrases from threat reports (several scripts, emoji, line breaks, surrounding
    spaces) with arbitrary unicode text of at most ``max_size`` characters (no surrogates, no
    unassigned code points, and no control characters other than line breaks and tabs).
    """
    arbitrary = st.text(
        # No surrogates or control characters; no unassigned code points either, whose properties
        # change between the Unicode versions of the Python releases we support.
        alphabet=st.characters(exclude_categories=("Cs", "Cc", "Cn"), include_characters="\n\t"),
        min_size=1,
        max_size=max_size,
    ).filter(lambda text: text.strip() != "")
    return st.one_of(st.sampled_from(_REALISTIC_TEXT), arbitrary)


@_cached
def _phrases(samples: tuple[str, ...], max_size: int = 40) -> st.SearchStrategy[str]:
    """One of ``samples`` or any text."""
    return st.one_of(st.sampled_from(samples), texts(max_size=max_size))


@_cached
def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


def _rarely(draw: st.DrawFn, strategy: st.SearchStrategy[T], otherwise: T) -> T:
    """A value of ``strategy`` one time in four, else ``otherwise``: nested facts that cost much to draw
    (an AI use's output measures and period) stay common enough to test without slowing every report."""
    return draw(strategy) if draw(_ONE_IN_FOUR) else otherwise


_ONE_IN_FOUR = st.integers(0, 3).map(lambda drawn: drawn == 0)


@_cached
def _tuples(strategy: st.SearchStrategy[T], max_size: int, unique: bool = False) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size, unique=unique).map(tuple)


def _text_tuples(*, max_size: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
    return _tuples(texts(), max_size)


_SLUG_WORDS = ("bad", "grammar", "doppelganger", "spamouflage", "zero", "zeno", "iuvm", "stoic", "openai", "meta", "2024")


@_cached
def identifiers() -> st.SearchStrategy[str]:
    """Identifiers as the model's ``id`` fields accept: lowercase letters, digits, ``.``, ``_``, ``-``.

    Mixes readable ones (``"bad-grammar"``, ``"openai-2024"``) with arbitrary ones.
    """
    readable = st.lists(st.sampled_from(_SLUG_WORDS), min_size=1, max_size=3).map("-".join)
    # Built piece by piece rather than with st.from_regex, which is several times slower to draw.
    segment = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=6)
    arbitrary = st.tuples(segment, st.lists(st.tuples(st.sampled_from("._-"), segment), max_size=2)).map(
        lambda parts: parts[0] + "".join(separator + piece for separator, piece in parts[1])
    )
    return st.one_of(readable, arbitrary)


@_cached
def _unique_identifiers(*, max_size: int = 3) -> st.SearchStrategy[list[str]]:
    return st.lists(identifiers(), max_size=max_size, unique=True)


@_cached
def _cited(source_ids: tuple[str, ...] | None, *, max_size: int = 2) -> st.SearchStrategy[tuple[str, ...]]:
    """Source ids a fact cites: any ids, or only some of ``source_ids`` when given."""
    if source_ids is None:
        return _tuples(identifiers(), max_size, unique=True)
    if not source_ids:
        return st.just(())
    return _tuples(st.sampled_from(source_ids), max_size, unique=True)


def _ids(values: Sequence[str] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(values)


@_cached
def _urls() -> st.SearchStrategy[str]:
    host = st.sampled_from(("openai.com", "about.fb.com", "graphika.com", "example.org", "t.me", "ria-news.example"))
    path = st.lists(st.text(alphabet=string.ascii_lowercase + string.digits + "-_", min_size=1, max_size=12), max_size=3)
    return st.builds(lambda h, p: f"https://{h}/{'/'.join(p)}", host, path)


# ---------------------------------------------------------------------------------------------
# Places


@functools.cache
def _country_codes() -> tuple[str, ...]:
    return (*sorted(str(c.alpha_2) for c in pycountry.countries), "XK")


@functools.cache
def _subdivision_codes() -> tuple[str, ...]:
    return tuple(sorted(str(s.code) for s in pycountry.subdivisions))


_COUNTRY_SPELLINGS = ("Russia", "RUS", "ru", "China", "CHN", "Iran", "Israel", "ISR", "United States", "Moldova", "Kosovo")


@_cached
def countries() -> st.SearchStrategy[Country]:
    """Any ISO 3166-1 country (and Kosovo, ``XK``), built from codes, alpha-3 codes or common names."""
    return st.one_of(st.sampled_from(_country_codes()), st.sampled_from(_COUNTRY_SPELLINGS)).map(lambda code: Country(code=code))


@_cached
def subdivisions() -> st.SearchStrategy[Subdivision]:
    """Any ISO 3166-2 subdivision (Gagauzia ``MD-GA``, Crimea ``UA-43``...)."""
    return st.one_of(st.sampled_from(("MD-GA", "UA-43", "US-CA", "IN-JK")), st.sampled_from(_subdivision_codes())).map(
        lambda code: Subdivision(code=code)
    )


_REGION_NAMES = ("the Sahel", "the Baltic States", "the Middle East", "Latin America", "the South Caucasus", "Western Europe")


@_cached
def regions(*, max_members: int = 4) -> st.SearchStrategy[Region]:
    """Named regions no code list has, with none or up to ``max_members`` distinct member countries."""
    return st.builds(
        Region,
        name=_phrases(_REGION_NAMES),
        members=_tuples(countries(), max_members, unique=True),
        members_basis=_optional(st.sampled_from(MembersBasis)),
    )


_LOCALITY_NAMES = ("Marseille", "Comrat", "Kharkiv", "Minneapolis", "Saint-Denis", "Zürich", "Тирасполь", "Goma")


@st.composite
def _localities(draw: st.DrawFn) -> Locality:
    subdivision = draw(_optional(subdivisions()))
    country = subdivision.country if subdivision is not None else draw(countries())
    return Locality(name=draw(_phrases(_LOCALITY_NAMES)), country=country, subdivision=subdivision)


@_cached
def localities() -> st.SearchStrategy[Locality]:
    """Cities and towns below ISO 3166-2, in a country and sometimes in one of its subdivisions."""
    return _localities()


@_cached
def places() -> st.SearchStrategy[Country | Subdivision | Region | Locality]:
    """A country, a subdivision, a named region or a locality."""
    return st.one_of(countries(), subdivisions(), regions(), localities())


@_cached
def audiences() -> st.SearchStrategy[Audience]:
    """Audiences that are not places, with or without a description."""
    return st.builds(Audience, name=texts(), description=_optional(texts()))


_EVENT_NAMES = ("the 2024 European Parliament election", "the Paris Olympics", "the Moldovan referendum", "a NATO summit")
_ORGANISATION_NAMES = ("NATO", "the Ministry of Defence", "Party of Example", "The Daily Example", "USAID")


@_cached
def target_events() -> st.SearchStrategy[TargetEvent]:
    """Events aimed at (elections, referendums, summits...), with or without a date."""
    return st.builds(
        TargetEvent,
        name=_phrases(_EVENT_NAMES),
        kind=st.sampled_from(EventKind),
        date=_optional(fuzzy_dates(min_year=2010)),
    )


@_cached
def target_organisations() -> st.SearchStrategy[TargetOrganisation]:
    """Organisations aimed at, of every kind."""
    return st.builds(TargetOrganisation, name=_phrases(_ORGANISATION_NAMES), kind=st.sampled_from(OrganisationKind))


@st.composite
def _targets(draw: st.DrawFn, source_ids: tuple[str, ...] | None) -> Target:
    place = draw(_optional(places()))
    event = draw(_optional(target_events()))
    organisation = draw(_optional(target_organisations()))
    alone = place is None and event is None and organisation is None
    audience = draw(audiences()) if alone else draw(_optional(audiences()))
    return Target(
        place=place,
        audience=audience,
        note=draw(_optional(texts())),
        sources=draw(_cited(source_ids)),
        role=draw(st.sampled_from(PlaceRole)),
        status=draw(st.sampled_from(TargetStatus)),
        event=event,
        organisation=organisation,
        since=draw(_optional(fuzzy_dates(min_year=2010))),
    )


@_cached
def targets(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Target]:
    """A place, an audience, an event, an organisation or several, in every role and status; citing some of ``source_ids``."""
    return _targets(_ids(source_ids))


# ---------------------------------------------------------------------------------------------
# Languages


@functools.cache
def _language_codes() -> tuple[str, ...]:
    return tuple(sorted({str(getattr(lang, "alpha_2", None) or lang.alpha_3) for lang in pycountry.languages}))


@functools.cache
def _script_codes() -> tuple[str, ...]:
    return tuple(sorted(str(s.alpha_4) for s in pycountry.scripts))


_LANGUAGE_SPELLINGS = ("ru", "rus", "Russian", "zh", "Chinese", "en", "fr", "fre", "he", "Hebrew", "ar", "fa", "uk", "ja")
_NAMED_ONLY = ("Gagauz dialect", "Surzhyk", "Arabizi", "Lingala-French mix", "Ukrainian-Russian mix")


@_cached
def _language_parts() -> tuple[st.SearchStrategy[str], st.SearchStrategy[str | None], st.SearchStrategy[str | None]]:
    code = st.one_of(st.sampled_from(_LANGUAGE_SPELLINGS), st.sampled_from(_language_codes()))
    script = _optional(st.one_of(st.sampled_from(("Hant", "Hans", "Cyrl", "Latn", "Arab")), st.sampled_from(_script_codes())))
    region = _optional(st.one_of(st.sampled_from(_country_codes()), st.sampled_from(("419", "150", "Taiwan"))))
    return code, script, region


@st.composite
def _languages(draw: st.DrawFn, named_only: bool) -> Language:
    if named_only or draw(st.integers(0, 9)) == 0:
        return Language(name=draw(_phrases(_NAMED_ONLY)))
    code, script, region = _language_parts()
    name = draw(texts()) if draw(st.integers(0, 4)) == 0 else None
    return Language(code=draw(code), script=draw(script), region=draw(region), name=name)


@_cached
def languages(*, named_only: bool = False) -> st.SearchStrategy[Language]:
    """ISO 639 languages with optional script and region, and sometimes languages with only a name.

    Codes are given in every accepted spelling (639-1, 639-3, 639-2/B, English names) and stored
    canonically. With ``named_only=True``, only languages that no code list has (``Language(name=...)``).
    """
    return _languages(named_only)


# ---------------------------------------------------------------------------------------------
# Counts and money

_COUNT_WORDINGS = {
    CountKind.EXACT: "{v} accounts",
    CountKind.APPROXIMATE: "about {v}",
    CountKind.AT_LEAST: "at least {v}",
    CountKind.MORE_THAN: "over {v}",
    CountKind.AT_MOST: "up to {v}",
    CountKind.LESS_THAN: "less than {v}",
    CountKind.RANGE: "{v} to {u}",
    CountKind.UNKNOWN: "an unknown number of accounts",
}


@st.composite
def _counts(draw: st.DrawFn, kinds: tuple[CountKind, ...], max_value: int) -> Count:
    kind = draw(st.sampled_from(kinds))
    value = upper = None
    if kind is not CountKind.UNKNOWN:
        value = draw(st.one_of(st.integers(0, min(20, max_value)), st.integers(0, max_value)))
        if kind is CountKind.RANGE:
            upper = draw(st.integers(value, max_value))
    wording: str | None = None
    style = draw(st.integers(0, 2))
    if style == 1:
        wording = _COUNT_WORDINGS[kind].format(v=f"{value:,}" if value is not None else "", u=upper)
    elif style == 2:
        wording = draw(texts())
    return Count(kind=kind, value=value, upper=upper, wording=wording)


@_cached
def _counts_of(kinds: tuple[CountKind, ...], max_value: int) -> st.SearchStrategy[Count]:
    return _counts(kinds, max_value)


def counts(*, kinds: Sequence[CountKind | str] | None = None, max_value: int = 10_000_000) -> st.SearchStrategy[Count]:
    """Counts of every kind (exact, approximate, bounds, ranges, unknown), zero included, with or without wording.

    ``kinds`` limits the kinds generated; values stay within ``0..max_value``.
    """
    chosen = tuple(CountKind) if kinds is None else tuple(CountKind(kind) for kind in kinds)
    if not chosen:
        raise ValueError("counts(kinds=...) needs at least one kind")
    if not 0 <= max_value <= MAX_COUNT:
        raise ValueError(f"counts(max_value={max_value!r}) must be zero or more and at most {MAX_COUNT:,}, the largest count")
    return _counts_of(chosen, max_value)


_CURRENCIES = ("USD", "EUR", "RUB", "GBP", "ILS", "CNY", "IRR")


@functools.cache
def _currency_codes() -> tuple[str, ...]:
    return tuple(sorted(str(c.alpha_3) for c in pycountry.currencies))


@_cached
def moneys() -> st.SearchStrategy[Money]:
    """Sums of money (ad spend): a count of whole units of any ISO 4217 currency."""
    currency = st.one_of(st.sampled_from(_CURRENCIES), st.sampled_from(_currency_codes()))
    stated = st.builds(
        Money,
        amount=counts(kinds=tuple(k for k in CountKind if k is not CountKind.UNKNOWN), max_value=5_000_000),
        currency=currency,
        paid_in=_tuples(currency, 2, unique=True),
        wording=_optional(_phrases(("less than $100", "about $1.2 million", "€5,000", "$1,000, paid in roubles"))),
    )
    # a stated zero names no currency
    nothing = st.builds(Money, amount=st.just(Count.exact(0)), currency=st.none(), wording=_optional(_phrases(("nothing",))))
    return st.one_of(stated, nothing)


# ---------------------------------------------------------------------------------------------
# Platforms and assets


@_cached
def platforms(*, custom: bool | None = None) -> st.SearchStrategy[Platform]:
    """Known platforms (``x``, ``telegram``, ``9gag``...) and custom ones with a display name.

    ``custom=True`` gives only custom platforms, ``custom=False`` only known ones.
    """
    known = st.one_of(
        st.sampled_from(sorted(KNOWN_PLATFORMS)).map(lambda pid: Platform(id=pid)),
        st.sampled_from(("Twitter", "X (Twitter)", "Telegram", "9GAG", "vkontakte", "Blogger")).map(Platform.named),
    )
    custom_platforms = st.one_of(
        st.sampled_from(("Gab TV", "Naver Blog", "Kwai", "Parler", "Одноклассники.ру", "微博国际版", "Ok.ru clone")).map(
            Platform.named
        ),
        st.builds(Platform, id=identifiers().filter(lambda i: i not in KNOWN_PLATFORMS), name=_optional(texts())),
    )
    if custom is None:
        return st.one_of(known, custom_platforms)
    return custom_platforms if custom else known


@_cached
def assets(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Asset]:
    """Accounts, pages, channels, websites... on one platform, with optional counts and followers."""
    return st.builds(
        Asset,
        platform=platforms(),
        kind=st.sampled_from(AssetKind),
        count=_optional(counts(max_value=100_000)),
        followers=_optional(counts(max_value=10_000_000)),
        identifiers=_text_tuples(max_size=2),
        note=_optional(texts()),
        sources=_cited(_ids(source_ids)),
    )


# ---------------------------------------------------------------------------------------------
# Dates


_ZONES = (dt.timezone.utc, dt.timezone(dt.timedelta(hours=3)), dt.timezone(dt.timedelta(hours=-5, minutes=-30)))
_FIRST_MONTHS = {Precision.YEAR: (1,), Precision.HALF: (1, 7), Precision.QUARTER: (1, 4, 7, 10)}
_DATE_WORDINGS = ("since at least February 2022", "early 2023", "May 2024", "before 2019", "2024-Q1")


@_cached
def _moments(min_year: int, max_year: int) -> tuple[st.SearchStrategy[dt.datetime], st.SearchStrategy[dt.date]]:
    instants = st.datetimes(
        min_value=dt.datetime(min_year, 1, 1),
        max_value=dt.datetime(max_year, 12, 31, 23, 59, 59),
        timezones=st.sampled_from(_ZONES),
    )
    days = st.dates(min_value=dt.date(min_year, 1, 1), max_value=dt.date(max_year, 12, 31))
    return instants, days


@st.composite
def _fuzzy_dates(draw: st.DrawFn, min_year: int, max_year: int, precisions: tuple[Precision, ...]) -> FuzzyDate:
    precision = draw(st.sampled_from(precisions))
    instants, days = _moments(min_year, max_year)
    value: dt.date
    if precision is Precision.INSTANT:
        value = draw(instants)
    elif precision is Precision.DAY:
        value = draw(days)
    else:
        month = draw(st.sampled_from(_FIRST_MONTHS.get(precision, tuple(range(1, 13)))))
        value = dt.date(draw(st.integers(min_year, max_year)), month, 1)
    coarse = precision not in (Precision.DAY, Precision.INSTANT)
    return FuzzyDate(
        value=value,
        precision=precision,
        part=draw(_optional(st.sampled_from(Part))) if coarse else None,
        approximate=draw(st.booleans()),
        bound=draw(st.sampled_from(Bound)),
        wording=draw(_optional(_phrases(_DATE_WORDINGS))),
    )


@_cached
def _fuzzy_dates_of(min_year: int, max_year: int, precisions: tuple[Precision, ...]) -> st.SearchStrategy[FuzzyDate]:
    return _fuzzy_dates(min_year, max_year, precisions)


def fuzzy_dates(
    *, min_year: int = 1990, max_year: int = 2030, precisions: Sequence[Precision | str] | None = None
) -> st.SearchStrategy[FuzzyDate]:
    """Dates of every precision (year to instant) with parts, approximation, bounds and wordings.

    Instants are built from aware datetimes in several time zones (stored in UTC). Years lie in
    ``min_year..max_year`` (within 2..9998); ``precisions`` limits the precisions generated.
    "early", "mid" and "late" only qualify years, halves, quarters and months.
    """
    chosen = tuple(Precision) if precisions is None else tuple(Precision(p) for p in precisions)
    if not chosen:
        raise ValueError("fuzzy_dates(precisions=...) needs at least one precision")
    if not 2 <= min_year <= max_year <= 9998:
        raise ValueError(f"fuzzy_dates needs 2 <= min_year <= max_year <= 9998, got {min_year} and {max_year}")
    return _fuzzy_dates_of(min_year, max_year, chosen)


@_cached
def relative_dates(*, max_amount: int = 36) -> st.SearchStrategy[RelativeDate]:
    """Dates relative to the report: "three months before the report", "the last year"..."""
    if not 0 <= max_amount <= 1_000:
        raise ValueError(
            f"relative_dates(max_amount={max_amount!r}) must be 0 to 1,000: a relative date reaches back 1,000 years"
        )
    return st.builds(
        RelativeDate,
        amount=st.integers(0, max_amount),
        unit=st.sampled_from(TimeUnit),
        anchor=st.sampled_from(Anchor),
        approximate=st.booleans(),
        bound=st.sampled_from(Bound),
        wording=_optional(_phrases(("over the last three months", "two years ago"))),
    )


def _in_order(start: Any, end: Any) -> tuple[Any, Any]:
    if not ends_contradict(start, end):
        return start, end
    if not ends_contradict(end, start):
        return end, start
    return start, None  # bounds that contradict either way round ("after 2020", "before 2019")


_DURATION_KINDS = tuple(kind for kind in CountKind if kind is not CountKind.UNKNOWN)


@st.composite
def _durations(draw: st.DrawFn) -> Duration:
    unit = draw(st.sampled_from(TimeUnit))
    # The amount's own wording is the duration's: a count's strategy words other nouns.
    amount = attrs.evolve(draw(counts(kinds=_DURATION_KINDS, max_value=MAX_AMOUNTS[unit])), wording=None)
    wording = draw(_optional(_phrases(("almost three years", "for six months", "over a weekend"))))
    return Duration(amount=amount, unit=unit, wording=wording)


@_cached
def durations() -> st.SearchStrategy[Duration]:
    """How long a span lasted: an amount of any kind but unknown (up to 1,000 years) of days, weeks, months or years."""
    return _durations()


@st.composite
def _periods(
    draw: st.DrawFn, ends: st.SearchStrategy[FuzzyDate | RelativeDate | None], source_ids: tuple[str, ...] | None
) -> Period:
    start, end = _in_order(draw(ends), draw(ends))
    return Period(
        start=start,
        end=end,
        ongoing=end is None and draw(st.booleans()),
        length=draw(_optional(durations())),
        wording=draw(_optional(_phrases(("since at least 2017", "May 2023 to March 2024", "over the last three months")))),
        sources=draw(_cited(source_ids)),
    )


@_cached
def periods(*, relative: bool = True, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Period]:
    """Spans with open, fuzzy, bounded or relative ends, ongoing or not; the end never precedes the start.

    ``relative=False`` gives only absolute (:class:`~opsmodel.FuzzyDate`) ends.
    """
    ends = st.one_of(fuzzy_dates(), relative_dates()) if relative else fuzzy_dates()
    return _periods(_optional(ends), _ids(source_ids))


# ---------------------------------------------------------------------------------------------
# Techniques and confidence

_CUSTOM_FRAMEWORKS = ("internal", "graphika-ttp", "eeas-fimi")


@_cached
def _technique_ids(framework: str, which: int) -> st.SearchStrategy[str]:
    grammar = ID_GRAMMARS.get(framework)
    if grammar is None:
        return _phrases(("T-17", "amplification", "X.1"), max_size=12)
    built = _ID_BUILDERS.get((framework, which))
    # Builders are faster to draw than st.from_regex; the regex covers grammars added later.
    return built if built is not None else st.from_regex(grammar[which])


def _numbered(prefix: str, digits: int, sub_digits: int | None = None) -> st.SearchStrategy[str]:
    top = st.integers(0, 10**digits - 1).map(lambda n: f"{prefix}{n:0{digits}d}")
    if sub_digits is None:
        return top
    sub = _optional(st.integers(0, 10**sub_digits - 1).map(lambda n: f".{n:0{sub_digits}d}"))
    return st.builds(lambda head, tail: head + (tail or ""), top, sub)


_KILL_CHAIN = st.builds(
    lambda phase, step, sub: f"{phase}.{step}" + ("" if sub is None else f".{sub}"),
    st.integers(0, 9),
    st.integers(0, 99),
    _optional(st.integers(0, 99)),
)
_ID_BUILDERS: dict[tuple[str, int], st.SearchStrategy[str]] = {
    ("disarm", 0): _numbered("T", 4, 3),
    ("disarm", 1): _numbered("TA", 2),
    ("attack", 0): _numbered("T", 4, 3),
    ("attack", 1): _numbered("TA", 4),
    ("meta-ookc", 0): _KILL_CHAIN,
    ("meta-ookc", 1): st.integers(0, 9).map(str),
}


@_cached
def _frameworks() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(sorted(ID_GRAMMARS)), st.sampled_from(_CUSTOM_FRAMEWORKS))


@st.composite
def _technique_refs(draw: st.DrawFn, framework: str | None) -> TechniqueRef:
    chosen = draw(_frameworks()) if framework is None else framework
    return TechniqueRef(
        framework=chosen,
        id=draw(_technique_ids(chosen, 0)),
        version=draw(_optional(st.sampled_from(("v1.5", "1.6", "14.1", "2024")))),
        name=draw(_optional(_phrases(("Create Inauthentic Accounts", "Develop AI-Generated Text")))),
    )


@_cached
def technique_refs(*, framework: str | None = None) -> st.SearchStrategy[TechniqueRef]:
    """Technique references (DISARM, ATT&CK, Meta kill chain, custom frameworks) with well-formed ids.

    ``framework`` fixes the framework (its id grammar is followed when opsmodel knows it).
    """
    return _technique_refs(framework)


@st.composite
def _tactics(draw: st.DrawFn, framework: str | None) -> Tactic:
    chosen = draw(_frameworks()) if framework is None else framework
    return Tactic(
        framework=chosen,
        id=draw(_technique_ids(chosen, 1)),
        name=draw(_optional(_phrases(("Develop Content", "Establish Assets")))),
        version=draw(_optional(st.sampled_from(("v1.5", "1.6")))),
    )


@_cached
def tactics(*, framework: str | None = None) -> st.SearchStrategy[Tactic]:
    """Tactics of known and custom frameworks with well-formed ids; ``framework`` fixes the framework."""
    return _tactics(framework)


_WORDS = tuple(sorted({*ESTIMATIVE_RANGES, *LIKELIHOOD_WORDINGS, *LEVEL_WORDINGS}))


@st.composite
def _confidences(draw: st.DrawFn) -> Confidence:
    score = draw(_optional(st.integers(0, 100)))
    likelihood = draw(_optional(st.sampled_from(Likelihood)))
    level = draw(_optional(st.sampled_from(ConfidenceLevel)))
    words_strategy = _phrases(_WORDS)
    given = (score, likelihood, level) != (None, None, None)
    words = draw(_optional(words_strategy)) if given else draw(words_strategy)
    return Confidence(score=score, words=words, likelihood=likelihood, level=level)


@_cached
def confidences() -> st.SearchStrategy[Confidence]:
    """A 0-100 score, the source's estimative words ("almost certainly"), a likelihood and a level, or some of them."""
    return _confidences()


@st.composite
def _technique_uses(draw: st.DrawFn, source_ids: tuple[str, ...] | None) -> TechniqueUse:
    technique = draw(technique_refs())
    tactic = draw(_optional(tactics(framework=technique.framework)))
    # a tactic mapped alone, without a technique (model 1.1)
    alone = tactic is not None and draw(st.booleans())
    return TechniqueUse(
        technique=None if alone else technique,
        tactic=tactic,
        procedure=draw(_optional(texts())),
        evidence=draw(_text_tuples(max_size=2)),
        confidence=draw(_optional(confidences())),
        sources=draw(_cited(source_ids)),
        claimant=draw(_optional(st.sampled_from(_MAPPERS))),
        voice=draw(st.sampled_from(Voice)),
    )


_MAPPERS = ("DISARM Foundation", "EU DisinfoLab", "Graphika")


@_cached
def technique_uses(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[TechniqueUse]:
    """An operation's use of a technique, with an optional tactic of the same framework, or of a tactic
    alone; mapped by the sources, a third party or the analyst."""
    return _technique_uses(_ids(source_ids))


# ---------------------------------------------------------------------------------------------
# Sources, actors, claims

_CLAIMANTS = ("OpenAI", "Meta", "Microsoft", "Google TAG", "US Department of Justice", "Graphika")


@st.composite
def _sources(draw: st.DrawFn, source_id: str | None) -> Source:
    source_id = draw(identifiers()) if source_id is None else source_id
    access = draw(st.sampled_from(SourceAccess))
    return Source(
        id=source_id,
        publisher=draw(_optional(_phrases(("OpenAI", "Meta", "Graphika", "DFRLab", "EU DisinfoLab")))),
        title=draw(_optional(texts())),
        url=draw(_optional(_urls())),
        published=draw(_optional(fuzzy_dates(min_year=2010, precisions=(Precision.YEAR, Precision.MONTH, Precision.DAY)))),
        authors=draw(_text_tuples(max_size=2)),
        language=draw(_optional(languages())),
        quotes=draw(_text_tuples(max_size=2)),
        role=draw(st.sampled_from(SourceRole)),
        covers=draw(_optional(identifiers().filter(lambda other: other != source_id))),
        access=access,
        via=None if access is SourceAccess.DIRECT else draw(_optional(_phrases(("a transcription by the BBC",)))),
        status=draw(st.sampled_from(PublicationStatus)),
    )


@_cached
def sources(*, id: str | None = None) -> st.SearchStrategy[Source]:
    """Sources (reports, summaries, coverage, competing claims...), read directly or through an intermediary.

    ``id`` fixes the id; ``covers`` (the source it summarises or contests) is any other id.
    """
    return _sources(id)


@_cached
def _parents(parent_ids: tuple[str, ...] | None) -> st.SearchStrategy[str | None]:
    if parent_ids is None:
        return _optional(identifiers())
    return _optional(st.sampled_from(parent_ids)) if parent_ids else st.none()


@st.composite
def _actors(
    draw: st.DrawFn, actor_id: str | None, parent_ids: tuple[str, ...] | None, source_ids: tuple[str, ...] | None
) -> Actor:
    name = draw(_optional(_phrases(("STOIC", "Social Design Agency", "GRU Unit 54777"))))
    description = draw(texts()) if name is None else draw(_optional(texts()))
    return Actor(
        id=draw(identifiers()) if actor_id is None else actor_id,
        name=name,
        kind=draw(st.sampled_from(ActorKind)),
        nationality=draw(_optional(countries())),
        location=draw(_optional(countries())),
        aliases=draw(_text_tuples(max_size=2)),
        parent=draw(_parents(parent_ids)),
        description=description,
        sources=draw(_cited(source_ids)),
        other_locations=draw(_tuples(countries(), 2, unique=True)),
        designations=_rarely(draw, _tuples(designations(source_ids=source_ids), 2), ()),
    )


@_cached
def designations(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Designation]:
    """Names vendors and governments give the actors they track, with who gave each."""
    return st.builds(
        Designation,
        name=_phrases(("Storm-1099", "Storm-1679", "APT28", "UNC1151")),
        by=_phrases(("Microsoft", "Google TAG", "Mandiant", "US Department of Justice")),
        sources=_cited(_ids(source_ids)),
    )


@_cached
def actors(
    *, id: str | None = None, parent_ids: Sequence[str] | None = None, source_ids: Sequence[str] | None = None
) -> st.SearchStrategy[Actor]:
    """Named or described-only actors of every kind, nationality and location possibly differing, in one
    country or several, with vendors' designations.

    ``id`` fixes the actor's id; ``parent`` is absent or one of ``parent_ids`` when given (always
    absent when it is empty), else any id or none.
    """
    return _actors(id, _ids(parent_ids), _ids(source_ids))


@_cached
def _actor_refs(actor_ids: tuple[str, ...] | None) -> st.SearchStrategy[str | None]:
    if actor_ids is None:
        return _optional(identifiers())
    return _optional(st.sampled_from(actor_ids)) if actor_ids else st.none()


@st.composite
def _attributions(draw: st.DrawFn, actor_ids: tuple[str, ...] | None, source_ids: tuple[str, ...] | None) -> Attribution:
    actor = draw(_actor_refs(actor_ids))
    stance = draw(st.sampled_from(AttributionStance))
    anyone = actor is not None or stance is AttributionStance.DECLINES
    claimed_countries = draw(st.lists(countries(), min_size=0 if anyone else 1, max_size=2, unique=True))
    return Attribution(
        claimant=draw(_phrases(_CLAIMANTS)),
        role=draw(st.sampled_from(AttributionRole)),
        actor=actor,
        countries=claimed_countries,
        client=draw(_actor_refs(actor_ids)),
        confidence=draw(_optional(confidences())),
        wording=draw(_optional(_phrases(("likely", "almost certainly", "we assess with moderate confidence")))),
        claimed=draw(_optional(fuzzy_dates(min_year=2010))),
        status=draw(st.sampled_from(ClaimStatus)),
        sources=draw(_cited(source_ids)),
        stance=stance,
        voice=draw(st.sampled_from(Voice)),
        awareness=draw(_optional(st.sampled_from(Awareness))),
    )


@_cached
def attributions(
    *, actor_ids: Sequence[str] | None = None, source_ids: Sequence[str] | None = None
) -> st.SearchStrategy[Attribution]:
    """Attribution claims in every role, stance, voice and status, naming an actor, countries or both
    (or no one, when the claimant declines to attribute).

    With ``actor_ids``, the claim's ``actor`` and ``client`` are among them or absent (always
    absent when it is empty).
    """
    return _attributions(_ids(actor_ids), _ids(source_ids))


@st.composite
def _ai_uses(draw: st.DrawFn, source_ids: tuple[str, ...] | None) -> AIUse:
    access = draw(_optional(st.sampled_from(AIAccess)))
    return AIUse(
        service=draw(_optional(_phrases(("ChatGPT", "Claude", "Gemini", "Midjourney")))),
        provider=draw(_optional(st.sampled_from(("OpenAI", "Anthropic", "Google")))),
        model=draw(_optional(st.sampled_from(("gpt-3.5-turbo", "gpt-4", "DALL-E 3")))),
        purposes=draw(_tuples(st.sampled_from(AIPurpose), 3, unique=True)),
        languages=draw(_tuples(languages(), 2)),
        wording=draw(_optional(texts())),
        llm_ttps=draw(_tuples(st.sampled_from(LLM_TTP), 2, unique=True)),
        failures=draw(_tuples(_phrases(("As an AI language model, I cannot",)), 2)),
        sources=draw(_cited(source_ids)),
        tool_kind=draw(_optional(st.sampled_from(AIToolKind))),
        confidence=draw(_optional(confidences())),
        access=access,
        via=draw(_optional(_phrases(("an API reseller", "a Telegram bot")))) if access is not None else None,
        period=_rarely(draw, periods(source_ids=()), None),
        platforms=draw(_tuples(platforms(), 1)),
        output=_rarely(draw, _tuples(measures(source_ids=()), 1), ()),
        claimant=draw(_optional(st.sampled_from(_CLAIMANTS))),
        voice=draw(st.sampled_from(Voice)),
    )


@_cached
def ai_uses(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[AIUse]:
    """Uses of AI tools for any purposes, named or hedged ("probably a commercial chatbot"), with languages,
    LLM-themed TTPs, noted failures, access, period, platforms and output measures."""
    return _ai_uses(_ids(source_ids))


@st.composite
def _impacts(draw: st.DrawFn, source_ids: tuple[str, ...] | None) -> Impact:
    qualifier = draw(st.sampled_from(ImpactQualifier))
    condition_text = _phrases(("if the content reached mainstream media",))
    condition = draw(condition_text) if qualifier is ImpactQualifier.CONDITIONAL else draw(_optional(condition_text))
    return Impact(
        category=draw(st.integers(1, 6)),
        qualifier=qualifier,
        condition=condition,
        scope=draw(_optional(texts())),
        rationale=draw(_optional(texts())),
        rated_by=draw(_optional(st.sampled_from(_CLAIMANTS))),
        rated=draw(_optional(fuzzy_dates(min_year=2010))),
        sources=draw(_cited(source_ids)),
    )


@_cached
def impacts(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Impact]:
    """Breakout Scale ratings, category 1 to 6, with every qualifier (conditional ones have a condition)."""
    return _impacts(_ids(source_ids))


@_cached
def disruptions(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Disruption]:
    """Actions against an operation, by whom, when, how many, on which platforms, under which policy, once
    or repeated over a period."""
    return st.builds(
        Disruption,
        by=_phrases(_CLAIMANTS),
        action=st.sampled_from(DisruptionAction),
        date=_optional(fuzzy_dates(min_year=2010)),
        count=_optional(counts(max_value=100_000)),
        platform=_optional(platforms()),
        description=_optional(texts()),
        sources=_cited(_ids(source_ids)),
        other_platforms=_tuples(platforms(), 1),
        policy=_optional(_phrases(("coordinated inauthentic behaviour", "platform manipulation and spam"))),
        party=_optional(_phrases(("an API reseller", "Example Media LLC", "industry peers"))),
        # one action in four spans a period (drawing one is costly)
        period=st.one_of(st.none(), st.none(), st.none(), periods(relative=False, source_ids=())),
        times=_optional(counts(max_value=100)),
    )


@_cached
def narratives(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Narrative]:
    """Narratives with topics and languages."""
    return st.builds(
        Narrative,
        summary=texts(),
        topics=_text_tuples(max_size=3),
        languages=_tuples(languages(), 2),
        sources=_cited(_ids(source_ids)),
    )


@_cached
def aliases(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Alias]:
    """Other names of an operation of every kind, with or without who uses them."""
    return st.builds(
        Alias,
        name=texts(),
        kind=st.sampled_from(AliasKind),
        used_by=_optional(st.sampled_from(_CLAIMANTS)),
        sources=_cited(_ids(source_ids)),
        claimant=_optional(st.sampled_from(_CLAIMANTS)),
    )


@_cached
def relations(*, other_ids: Sequence[str] | None = None, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Relation]:
    """Relations to another operation, of every kind; ``other`` is one of ``other_ids`` when given."""
    if other_ids is not None and not other_ids:
        raise ValueError("relations(other_ids=...) needs at least one id (or None for any)")
    return st.builds(
        Relation,
        kind=st.sampled_from(RelationKind),
        other=identifiers() if other_ids is None else st.sampled_from(tuple(other_ids)),
        other_name=_optional(texts()),
        note=_optional(texts()),
        sources=_cited(_ids(source_ids)),
        described_in=st.none() if source_ids is not None and not source_ids else _optional(_cited_one(_ids(source_ids))),
        claimant=_optional(st.sampled_from(_CLAIMANTS)),
        voice=st.sampled_from(Voice),
        confidence=_optional(confidences()),
        claimed=_optional(fuzzy_dates(min_year=2010)),
    )


def _cited_one(source_ids: tuple[str, ...] | None) -> st.SearchStrategy[str]:
    return identifiers() if source_ids is None else st.sampled_from(source_ids)


@_cached
def date_claims(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[DateClaim]:
    """Claimed dates of an operation's events, with what they were inferred from and whose claim they are."""
    return st.builds(
        DateClaim,
        event=st.sampled_from(DatedEvent),
        date=st.one_of(fuzzy_dates(min_year=2010), relative_dates()),
        basis=st.sampled_from(DateBasis),
        claimant=_optional(st.sampled_from(_CLAIMANTS)),
        voice=st.sampled_from(Voice),
        note=_optional(texts()),
        sources=_cited(_ids(source_ids)),
    )


# ---------------------------------------------------------------------------------------------
# Shares and measures

_SHARE_WORDINGS = ("three quarters", "nearly 40 percent", "80%", "over 60%", "a third", "one in five", "30 to 40%")
_STATED_KINDS = tuple(kind for kind in CountKind if kind is not CountKind.UNKNOWN)


@st.composite
def _shares(draw: st.DrawFn) -> Share:
    kind = draw(st.sampled_from(_STATED_KINDS))
    denominator = draw(st.one_of(st.just(100), st.sampled_from((2, 3, 4, 5, 10, 1000)), st.integers(1, 10_000)))
    # mostly within the whole; sometimes over it, which validation (not construction) points out
    numerator = draw(st.one_of(st.integers(0, denominator), st.integers(0, 3 * denominator)))
    upper = draw(st.integers(numerator, max(numerator, denominator))) if kind is CountKind.RANGE else None
    wording = draw(_optional(_phrases(_SHARE_WORDINGS)))
    return Share(kind=kind, numerator=numerator, denominator=denominator, upper=upper, wording=wording)


@_cached
def shares() -> st.SearchStrategy[Share]:
    """Shares of a whole: percentages, fractions in any denominator, bounds and ranges, with or without wording."""
    return _shares()


_SUBSETS = ("new sites", "channels with no subscribers", "over a weekend", "English-language accounts")
_MEASURE_WORDINGS = (
    "the largest page had 40,000 followers",
    "posts typically got 3 to 8 upvotes",
    "more than 8,000 articles a month",
)


@st.composite
def _measures(draw: st.DrawFn, source_ids: tuple[str, ...] | None) -> Measure:
    scope = draw(st.sampled_from(MeasureScope))
    of = draw(st.sampled_from(Counted))
    item = draw(_optional(st.sampled_from(Counted))) if scope in PER_ITEM_SCOPES else None
    on_assets = Counted.ASSETS in (of, item)
    figure = draw(st.booleans())
    return Measure(
        of=of,
        scope=scope,
        item=item,
        asset_kind=draw(_optional(st.sampled_from(AssetKind))) if on_assets else None,
        count=draw(counts(max_value=10_000_000)) if figure else None,
        share=None if figure else draw(shares()),
        per=draw(st.sampled_from(TimeUnit)) if scope is MeasureScope.RATE else None,
        stage=draw(_optional(st.sampled_from(MeasureStage))),
        platform=draw(_optional(platforms())),
        as_of=draw(_optional(st.one_of(fuzzy_dates(min_year=2010), relative_dates()))),
        period=draw(_optional(periods(source_ids=()))),
        subset=draw(_optional(_phrases(_SUBSETS))),
        basis=draw(st.sampled_from(MeasureBasis)),
        wording=draw(_optional(_phrases(_MEASURE_WORDINGS))),
        sources=draw(_cited(source_ids)),
    )


@_cached
def measures(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Measure]:
    """Figures that are not asset totals: every scope (per item, rates, unions), counts or shares, metrics and non-assets."""
    return _measures(_ids(source_ids))


# ---------------------------------------------------------------------------------------------
# Venues, personas, fronts, impersonations, artefacts and language uses (model 1.1)

_VENUE_NAMES = ("The Daily Example", "Example Hosting", "RT", "the Example Times comment section")
_VENUE_DESCRIPTIONS = ("other social media platforms", "an online forum", "encrypted messaging apps", "platforms and forums")


@st.composite
def _venues(draw: st.DrawFn, source_ids: tuple[str, ...] | None) -> Venue:
    platform = draw(_optional(platforms()))
    name = draw(_optional(_phrases(_VENUE_NAMES)))
    unnamed = platform is None and name is None
    description = draw(_phrases(_VENUE_DESCRIPTIONS)) if unnamed else draw(_optional(_phrases(_VENUE_DESCRIPTIONS)))
    return Venue(
        kind=draw(st.sampled_from(VenueKind)),
        role=draw(st.sampled_from(VenueRole)),
        platform=platform,
        name=name,
        description=description,
        count=draw(_optional(counts(max_value=1000))),
        features=draw(_tuples(st.sampled_from(PlatformFeature), 3, unique=True)),
        period=draw(_optional(periods(source_ids=()))),
        identifiers=draw(_text_tuples(max_size=2)),
        note=draw(_optional(texts())),
        sources=draw(_cited(source_ids)),
    )


@_cached
def venues(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Venue]:
    """Venues named, described or counted, the operation's own or third parties', with features and periods."""
    return _venues(_ids(source_ids))


_POSED_AS = ("nurses", "retirees", "shop owners", "Jewish students", "concerned citizens", "American veterans")


@_cached
def personas(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Persona]:
    """Who accounts pretended to be, with a place, a count and platforms or not."""
    return st.builds(
        Persona,
        posed_as=_phrases(_POSED_AS),
        kind=st.sampled_from(PersonaKind),
        place=_optional(places()),
        count=_optional(counts(max_value=10_000)),
        platforms=_tuples(platforms(), 2, unique=True),
        wording=_optional(texts()),
        sources=_cited(_ids(source_ids)),
    )


_FRONT_NAMES = ("Example Institute", "Reliable Recent News", "Peace Data", "The Example Observer")


@_cached
def fronts(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Front]:
    """Brands an operation ran under, presenting themselves as outlets, think tanks, NGOs..."""
    return st.builds(
        Front,
        name=_phrases(_FRONT_NAMES),
        presents_as=st.sampled_from(FrontKind),
        self_description=_optional(_phrases(("an independent think tank", "a news outlet", "a grassroots movement"))),
        place=_optional(places()),
        identifiers=_text_tuples(max_size=2),
        sources=_cited(_ids(source_ids)),
    )


_IMPERSONATED = ("Der Spiegel", "Le Monde", "the Washington Post", "NATO", "the Ministry of Health", "Bild")


@_cached
def impersonations(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Impersonation]:
    """Real outlets, bodies, brands or people impersonated, by any methods."""
    return st.builds(
        Impersonation,
        name=_phrases(_IMPERSONATED),
        kind=st.sampled_from(ImpersonatedKind),
        methods=_tuples(st.sampled_from(ImpersonationMethod), 2, unique=True),
        place=_optional(places()),
        identifiers=_text_tuples(max_size=2),
        note=_optional(texts()),
        sources=_cited(_ids(source_ids)),
    )


@st.composite
def _artefacts(draw: st.DrawFn, source_ids: tuple[str, ...] | None) -> Artefact:
    title = draw(_optional(texts()))
    return Artefact(
        kind=draw(st.sampled_from(ArtefactKind)),
        title=title,
        description=draw(texts()) if title is None else draw(_optional(texts())),
        published=draw(_optional(fuzzy_dates(min_year=2010))),
        platforms=draw(_tuples(platforms(), 2, unique=True)),
        reach=draw(_tuples(measures(source_ids=()), 2)),
        sources=draw(_cited(source_ids)),
    )


@_cached
def artefacts(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[Artefact]:
    """Films, documentaries, videos, books... titled or described, with their reach as measures."""
    return _artefacts(_ids(source_ids))


@st.composite
def _language_uses(draw: st.DrawFn, source_ids: tuple[str, ...] | None) -> LanguageUse:
    language = draw(_optional(languages()))
    script = draw(st.sampled_from(("Cyrl", "Hant", "Arab", "Latin", "Cyrillic")))
    return LanguageUse(
        language=language,
        script=script if language is None else draw(_optional(st.just(script))),
        roles=draw(_tuples(st.sampled_from(LanguageRole), 2, unique=True)),
        extent=draw(_optional(st.sampled_from(LanguageExtent))),
        share=draw(_optional(shares())),
        since=draw(_optional(fuzzy_dates(min_year=2010))),
        wording=draw(_optional(_phrases(("mostly in Russian", "a small amount of German", "prompts in Chinese")))),
        sources=draw(_cited(source_ids)),
    )


@_cached
def language_uses(*, source_ids: Sequence[str] | None = None) -> st.SearchStrategy[LanguageUse]:
    """What languages and scripts were used for, how much (in words or as a share) and since when."""
    return _language_uses(_ids(source_ids))


# ---------------------------------------------------------------------------------------------
# Operations and reports
#
# Facts are drawn from cached strategies that cite nothing and name no actor; the ids that tie
# them together (cited sources, claimed actors, related operations) are filled in afterwards,
# from small strategies built once per generated operation.


@_cached
def _uncited(max_facts: int) -> dict[str, st.SearchStrategy[tuple[Any, ...]]]:
    none: tuple[str, ...] = ()
    return {
        "aliases": _tuples(aliases(source_ids=none), 2),
        "targets": _tuples(targets(source_ids=none), max_facts),
        "narratives": _tuples(narratives(source_ids=none), 2),
        "assets": _tuples(assets(source_ids=none), max_facts),
        "techniques": _tuples(technique_uses(source_ids=none), max_facts),
        "ai_uses": _tuples(ai_uses(source_ids=none), 2),
        "impacts": _tuples(impacts(source_ids=none), 2),
        "disruptions": _tuples(disruptions(source_ids=none), 2),
        "sources": _tuples(sources(), max_facts),
        "actors": _tuples(actors(parent_ids=none, source_ids=none), max_facts),
        "attributions": _tuples(attributions(actor_ids=none, source_ids=none), max_facts),
        "relations": _tuples(relations(source_ids=none), 2),
        "date_claims": _tuples(date_claims(source_ids=none), 2),
        "measures": _tuples(measures(source_ids=none), 2),
        "venues": _tuples(venues(source_ids=none), 2),
        "personas": _tuples(personas(source_ids=none), 1),
        "fronts": _tuples(fronts(source_ids=none), 1),
        "impersonations": _tuples(impersonations(source_ids=none), 1),
        "artefacts": _tuples(artefacts(source_ids=none), 1),
        "language_uses": _tuples(language_uses(source_ids=none), 2),
    }


def _tied_to_sources(
    draw: st.DrawFn, sources_: list[Source], relations_: tuple[Relation, ...]
) -> tuple[list[Source], tuple[Relation, ...]]:
    """The sources covering others of the operation, and relations naming the source that describes their operation."""
    source_ids = [source.id for source in sources_]
    if source_ids:
        # a relation to an operation described elsewhere names the source describing it
        described = _optional(st.sampled_from(source_ids))
        relations_ = tuple(attrs.evolve(relation, described_in=draw(described)) for relation in relations_)
    if len(source_ids) > 1:
        # a summary, coverage or competing claim names another source of the operation
        covered = [draw(_optional(st.sampled_from([i for i in source_ids if i != s.id]))) for s in sources_]
        sources_ = [attrs.evolve(s, covers=other) for s, other in zip(sources_, covered, strict=True)]
    return sources_, relations_


@st.composite
def _operations(draw: st.DrawFn, operation_id: str | None, related_ids: tuple[str, ...] | None, max_facts: int) -> Operation:
    facts = _uncited(max_facts)
    source_ids = tuple(draw(_unique_identifiers(max_size=max_facts)))
    sources_ = [
        attrs.evolve(source, id=source_id, covers=None)
        for source, source_id in zip(draw(facts["sources"]), source_ids, strict=False)
    ]
    source_ids = source_ids[: len(sources_)]
    citing = _cited(source_ids)

    def cite(values: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(attrs.evolve(value, sources=draw(citing)) for value in values)

    actor_ids = tuple(draw(_unique_identifiers(max_size=max_facts)))
    actors_ = []
    for index, (actor, actor_id) in enumerate(zip(draw(facts["actors"]), actor_ids, strict=False)):
        parent = draw(_parents(actor_ids[:index]))
        actors_.append(attrs.evolve(actor, id=actor_id, parent=parent, sources=draw(citing)))
    actor_ids = actor_ids[: len(actors_)]

    attributions_ = []
    for claim in cite(draw(facts["attributions"])):
        actor = draw(_actor_refs(actor_ids))
        keep_countries = actor is None or draw(st.booleans())
        attributions_.append(
            attrs.evolve(
                claim, actor=actor, client=draw(_actor_refs(actor_ids)), countries=claim.countries if keep_countries else ()
            )
        )
    conflicting: bool = draw(st.booleans())
    if attributions_ and conflicting:
        # Another publisher blames other countries, or the first claim was revised or disputed.
        attributions_.append(
            attrs.evolve(
                attributions_[0],
                claimant=draw(_phrases(_CLAIMANTS)),
                countries=draw(st.lists(countries(), min_size=1, max_size=2, unique=True)),
                status=draw(st.sampled_from(ClaimStatus)),
                confidence=draw(_optional(confidences())),
            )
        )

    relations_: tuple[Relation, ...] = ()
    if related_ids is None or related_ids:
        relations_ = cite(draw(facts["relations"]))
        if related_ids:
            others = st.sampled_from(related_ids)
            relations_ = tuple(attrs.evolve(relation, other=draw(others)) for relation in relations_)
    sources_, relations_ = _tied_to_sources(draw, sources_, relations_)

    def period(relative: bool) -> Period | None:
        value = draw(_optional(periods(relative=relative, source_ids=())))
        return None if value is None else attrs.evolve(value, sources=draw(citing))

    name = draw(_optional(_phrases(("Bad Grammar", "Doppelganger", "Spamouflage", "Zero Zeno"))))
    summary_text = texts(max_size=80)
    return Operation(
        id=draw(identifiers()) if operation_id is None else operation_id,
        name=name,
        kind=draw(st.sampled_from(OperationKind)),
        summary=draw(summary_text) if name is None else draw(_optional(summary_text)),
        aliases=cite(draw(facts["aliases"])),
        activity=period(True),
        detected=period(False),
        date_claims=cite(draw(facts["date_claims"])),
        actors=actors_,
        attributions=attributions_,
        targets=cite(draw(facts["targets"])),
        topics=draw(_text_tuples(max_size=max_facts)),
        narratives=cite(draw(facts["narratives"])),
        languages=draw(_tuples(languages(), max_facts)),
        language_uses=cite(draw(facts["language_uses"])),
        other_languages=draw(st.booleans()),
        assets=cite(draw(facts["assets"])),
        venues=cite(draw(facts["venues"])),
        personas=cite(draw(facts["personas"])),
        fronts=cite(draw(facts["fronts"])),
        impersonations=cite(draw(facts["impersonations"])),
        artefacts=cite(draw(facts["artefacts"])),
        measures=cite(draw(facts["measures"])),
        techniques=cite(draw(facts["techniques"])),
        ai_uses=cite(draw(facts["ai_uses"])),
        impacts=cite(draw(facts["impacts"])),
        disruptions=cite(draw(facts["disruptions"])),
        ad_spend=draw(_tuples(moneys(), 1)),
        relations=relations_,
        sources=sources_,
        notes=draw(_optional(texts())),
        combined_with=draw(_tuples(st.sampled_from(ActivityKind), 2, unique=True)),
    )


@_cached
def operations(
    *,
    id: str | None = None,
    related_ids: Sequence[str] | None = None,
    max_facts: int = 3,
) -> st.SearchStrategy[Operation]:
    """Internally consistent operations, named or not, with every kind of fact.

    Facts cite only sources the operation defines, attributions and actor parents name only its
    actors, and source and actor ids are unique. ``id`` fixes the operation's id; relations point
    at ``related_ids`` when given (none when it is empty) and at any id when it is None. Each
    list of facts has at most ``max_facts`` items (some at most two) so that tests stay fast.
    """
    return _operations(id, _ids(related_ids), max_facts)


@st.composite
def _reports(draw: st.DrawFn, max_operations: int, max_facts: int) -> Report:
    operation_ids = tuple(draw(_unique_identifiers(max_size=max_operations)))
    operations_ = []
    for operation_id in operation_ids:
        others = tuple(other for other in operation_ids if other != operation_id)
        operations_.append(draw(operations(id=operation_id, related_ids=others, max_facts=max_facts)))
    return Report(
        id=draw(identifiers()),
        title=draw(_phrases(("AI and Covert Influence Operations: Latest Trends",))),
        publisher=draw(_phrases(_CLAIMANTS)),
        published=draw(_optional(fuzzy_dates(min_year=2010, precisions=(Precision.YEAR, Precision.MONTH, Precision.DAY)))),
        period=draw(_optional(periods(relative=False, source_ids=()))),
        url=draw(_optional(_urls())),
        authors=draw(_text_tuples(max_size=2)),
        summary=draw(_optional(texts(max_size=80))),
        findings=draw(_text_tuples(max_size=3)),
        operations=operations_,
    )


@_cached
def reports(*, max_operations: int = 3, max_facts: int = 2) -> st.SearchStrategy[Report]:
    """Reports of up to ``max_operations`` operations with unique ids, related only to each other."""
    return _reports(max_operations, max_facts)


# ---------------------------------------------------------------------------------------------
# Registration: st.from_type(Operation) and friends use the strategies above.

#: The strategy function registered for each model class (``st.from_type(cls)`` draws from ``STRATEGIES[cls]()``).
STRATEGIES: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Actor: actors,
    Duration: durations,
    AIUse: ai_uses,
    Alias: aliases,
    Asset: assets,
    Attribution: attributions,
    Audience: audiences,
    Confidence: confidences,
    Count: counts,
    Country: countries,
    DateClaim: date_claims,
    Designation: designations,
    Disruption: disruptions,
    FuzzyDate: fuzzy_dates,
    Impact: impacts,
    Language: languages,
    Measure: measures,
    Venue: venues,
    Persona: personas,
    Front: fronts,
    Impersonation: impersonations,
    Artefact: artefacts,
    LanguageUse: language_uses,
    Locality: localities,
    TargetEvent: target_events,
    TargetOrganisation: target_organisations,
    Money: moneys,
    Narrative: narratives,
    Operation: operations,
    Period: periods,
    Platform: platforms,
    Region: regions,
    Relation: relations,
    RelativeDate: relative_dates,
    Report: reports,
    Share: shares,
    Source: sources,
    Subdivision: subdivisions,
    Tactic: tactics,
    Target: targets,
    TechniqueRef: technique_refs,
    TechniqueUse: technique_uses,
}
for _cls, _factory in STRATEGIES.items():
    st.register_type_strategy(_cls, st.deferred(_factory))
