"""Example tables for the model: real-report wordings, bad input, normalisation, and regressions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import opsmodel as om
from opsmodel import (
    Actor,
    AIUse,
    Asset,
    Attribution,
    Bound,
    Confidence,
    Count,
    CountKind,
    Country,
    FieldError,
    FuzzyDate,
    Impact,
    Language,
    Money,
    Operation,
    OpsmodelError,
    ParseError,
    Part,
    Period,
    Platform,
    Precision,
    Region,
    RelativeDate,
    Report,
    Source,
    Subdivision,
    Tactic,
    Target,
    TechniqueRef,
    TechniqueUse,
    TimeUnit,
    parse_count,
    parse_date,
    parse_period,
)

UTC = dt.timezone.utc
PLUS_3 = dt.timezone(dt.timedelta(hours=3))
NAIVE = dt.datetime(2024, 5, 30, 12, 0)

# ---------------------------------------------------------------------------------------------
# Bad input: a FieldError (also a ValueError) naming class, field, value and expectation.

BAD_INPUT: list[tuple[str, Callable[[], object], str, str, object, str]] = [
    # (case, build, owner, field, value, a phrase of the expectation)
    ("unknown country", lambda: Country(code="Narnia"), "Country", "code", "Narnia", "ISO 3166-1"),
    ("unknown country in a list", lambda: Attribution(claimant="OpenAI", countries=["RU", "Narnia"]), "Attribution",
     "countries[1]", "Narnia", "ISO 3166-1"),
    ("unknown country as a place", lambda: Target(place="Narnia"), "Target", "place.code", "Narnia", "ISO 3166-1"),
    ("unknown nationality", lambda: Actor(id="a", name="A", nationality="Narnia"), "Actor", "nationality", "Narnia",
     "ISO 3166-1"),
    ("unknown subdivision", lambda: Subdivision(code="MD-XX"), "Subdivision", "code", "MD-XX", "ISO 3166-2"),
    ("naive datetime", lambda: FuzzyDate.instant(NAIVE), "FuzzyDate", "value", NAIVE, "timezone-aware"),
    ("naive datetime in a period", lambda: Period(start=NAIVE), "Period", "start.value", NAIVE, "timezone-aware"),
    ("naive publication date", lambda: Source(id="s", published=NAIVE), "Source", "published.value", NAIVE, "timezone-aware"),
    ("negative count", lambda: Count.exact(-3), "Count", "value", -3, "zero or more"),
    ("negative asset count", lambda: Asset(platform="Telegram", count=-3), "Asset", "count.value", -3, "zero or more"),
    ("reversed range", lambda: Count.between(5, 3), "Count", "upper", 3, "at least the lower end 5"),
    ("value for an unknown count", lambda: Count(kind="unknown", value=3), "Count", "value", 3, "no value"),
    ("malformed DISARM id", lambda: TechniqueRef.disarm("T85.1"), "TechniqueRef", "id", "T85.1", "'T0085.001'"),
    ("malformed ATT&CK tactic", lambda: Tactic(framework="ATT&CK", id="TA06"), "Tactic", "id", "TA06", "'TA0001'"),
    ("bare id for a technique use", lambda: TechniqueUse(technique="85"), "TechniqueUse", "technique", "85", "TechniqueRef"),
    ("end before start", lambda: Period(start=FuzzyDate.of(2024, 5), end=FuzzyDate.of(2023)), "Period", "end",
     FuzzyDate.of(2023), "on or after the start"),
    ("relative end before start", lambda: Period(start=RelativeDate(amount=1, unit="month"),
     end=RelativeDate(amount=3, unit="month")), "Period", "end", RelativeDate(amount=3, unit="month"), "on or after"),
    ("ongoing with an end", lambda: Period(start=FuzzyDate.of(2020), end=FuzzyDate.of(2021), ongoing=True), "Period",
     "ongoing", True, "no end date"),
    ("bad enum", lambda: Impact(category=2, qualifier="somewhat"), "Impact", "qualifier", "somewhat", "'upper_end'"),
    ("bad enum in a list", lambda: AIUse(purposes=["translate", "hack"]), "AIUse", "purposes[1]", "hack", "'translate'"),
    ("category out of range", lambda: Impact(category=7), "Impact", "category", 7, "from 1 to 6"),
    ("conditional without condition", lambda: Impact(category=3, qualifier="conditional"), "Impact", "condition", None,
     "condition"),
    ("confidence out of range", lambda: Confidence(score=101), "Confidence", "score", 101, "0 to 100"),
    ("blank text", lambda: Region(name="   "), "Region", "name", "   ", "non-empty"),
    ("blank text in a list", lambda: Operation(id="x", name="X", topics=["elections", ""]), "Operation", "topics[1]", "",
     "non-empty"),
    ("bare string for a tuple", lambda: Operation(id="x", name="X", topics="elections"), "Operation", "topics",
     "elections", "a list or tuple"),
    ("bare string for sources", lambda: Target(place="RU", sources="openai"), "Target", "sources", "openai",
     "a list or tuple"),
    ("bad slug", lambda: Operation(id="Bad Grammar", name="Bad Grammar"), "Operation", "id", "Bad Grammar", "lowercase"),
    ("unknown currency", lambda: Money(amount=100, currency="XYZ"), "Money", "currency", "XYZ", "ISO 4217"),
    ("unknown language", lambda: Language(code="klingonese"), "Language", "code", "klingonese", "ISO 639"),
    ("unknown language in a list", lambda: Operation(id="x", name="X", languages=["ru", "xx"]), "Operation",
     "languages[1].code", "xx", "ISO 639"),
    ("no language at all", lambda: Language(), "Language", "name", None, "a code, or a name"),
    ("non-bool flag", lambda: FuzzyDate.of(2024, approximate="yes"),  # type: ignore[arg-type]
     "FuzzyDate", "approximate", "yes", "True or False"),
    ("non-bool ongoing", lambda: Period(ongoing=1), "Period", "ongoing", 1, "True or False"),  # type: ignore[arg-type]
    ("claim naming nobody", lambda: Attribution(claimant="Meta"), "Attribution", "actor", None, "an actor id, countries"),
    ("operation with no name or summary", lambda: Operation(id="x"), "Operation", "name", None, "a name or"),
    ("actor with no name or description", lambda: Actor(id="a"), "Actor", "description", None, "a name or"),
    ("target with nothing", lambda: Target(), "Target", "audience", None, "a place, an audience"),
    ("platform name without letters", lambda: Platform.named("!!!"), "Platform", "name", "!!!", "letters or digits"),
    ("blank platform", lambda: Asset(platform=" "), "Asset", "platform", " ", "a platform name"),
    ("wrong object in a list", lambda: Report(id="r", title="T", publisher="P", operations=["bad-grammar"]),  # type: ignore[list-item]
     "Report", "operations[0]", "bad-grammar", "an Operation"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("build", "owner", "field", "value", "expected"), [c[1:] for c in BAD_INPUT], ids=[c[0] for c in BAD_INPUT]
)
def test_bad_input_names_class_field_value_and_expectation(
    build: Callable[[], object], owner: str, field: str, value: object, expected: str
) -> None:
    with pytest.raises(FieldError) as caught:
        build()
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, OpsmodelError)
    assert (error.owner, error.field) == (owner, field)
    assert error.value == value
    assert expected in error.expected
    message = str(error)
    assert message.startswith(f"{owner}.{field}: ")
    assert expected in message


def test_field_errors_pickle() -> None:
    import pickle

    with pytest.raises(FieldError) as caught:
        Country(code="Narnia")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (copy.owner, copy.field, copy.value, str(copy)) == ("Country", "code", "Narnia", str(caught.value))


# ---------------------------------------------------------------------------------------------
# Converters normalise what users write.

NORMALISED: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = [
    ("country name", lambda: Country(code="Russia"), lambda: Country(code="RU")),
    ("country alpha-3", lambda: Country(code="RUS"), lambda: Country(code="RU")),
    ("country lowercase", lambda: Country(code="il"), lambda: Country(code="IL")),
    ("Kosovo", lambda: Country(code="Kosovo"), lambda: Country(code="XK")),
    ("subdivision lowercase", lambda: Subdivision(code="md-ga"), lambda: Subdivision(code="MD-GA")),
    ("list of countries", lambda: Region(name="the Baltic States", members=["Estonia", "LVA", "lt"]),
     lambda: Region(name="the Baltic States", members=(Country(code="EE"), Country(code="LV"), Country(code="LT")))),
    ("Twitter", lambda: Platform.named("Twitter"), lambda: Platform(id="x")),
    ("X (Twitter) in an asset", lambda: Asset(platform="X (Twitter)"), lambda: Asset(platform=Platform(id="x"))),
    ("custom platform", lambda: Platform.named("Naver Blog"), lambda: Platform(id="naver-blog", name="Naver Blog")),
    ("platform in another script", lambda: Platform.named("微博 "), lambda: Platform(id="xn--9krt00a", name="微博")),
    ("language name", lambda: Language(code="Russian"), lambda: Language(code="ru")),
    ("language 639-3", lambda: Language(code="rus"), lambda: Language(code="ru")),
    ("language 639-2/B", lambda: Language(code="fre"), lambda: Language(code="fr")),
    ("BCP 47 tag", lambda: Language.parse("zh-Hant-TW"), lambda: Language(code="zh", script="Hant", region="TW")),
    ("language list", lambda: AIUse(languages=["English", "he"]), lambda: AIUse(languages=(Language(code="en"),
     Language(code="he")))),
    ("aware datetime to UTC", lambda: FuzzyDate.instant(dt.datetime(2024, 5, 30, 15, 0, tzinfo=PLUS_3)),
     lambda: FuzzyDate.instant(dt.datetime(2024, 5, 30, 12, 0, tzinfo=UTC))),
    ("ISO string date", lambda: FuzzyDate(value="2024-05-30", precision="day"), lambda: FuzzyDate.of(2024, 5, 30)),
    ("date wording in a period", lambda: Period(start="May 2023", end="March 2024"),
     lambda: Period(start=FuzzyDate.of(2023, 5, wording="May 2023"), end=FuzzyDate.of(2024, 3, wording="March 2024"))),
    ("enum by name", lambda: Impact(category=3, qualifier="Upper end"), lambda: Impact(category=3, qualifier="upper_end")),
    ("framework alias", lambda: TechniqueRef(framework="DISARM Red", id="T0085.001"), lambda: TechniqueRef.disarm("T0085.001")),
    ("bare DISARM id", lambda: TechniqueUse(technique="T0085.001"),
     lambda: TechniqueUse(technique=TechniqueRef.disarm("T0085.001"))),
    ("int count", lambda: Asset(platform="vk", count=12), lambda: Asset(platform="vk", count=Count.exact(12))),
    ("count wording", lambda: Asset(platform="vk", count="at least a dozen"),
     lambda: Asset(platform="vk", count=Count.at_least(12, wording="at least a dozen"))),
    ("int confidence", lambda: Attribution(claimant="OpenAI", countries=["RU"], confidence=80),
     lambda: Attribution(claimant="OpenAI", countries=(Country(code="RU"),), confidence=Confidence(score=80))),
    ("list of ids", lambda: Target(place="RU", sources=["openai"]),
     lambda: Target(place=Country(code="RU"), sources=("openai",))),
    ("currency lowercase", lambda: Money(amount=100, currency="usd"), lambda: Money(amount=Count.exact(100), currency="USD")),
    ("alias names", lambda: Operation(id="x", name="X", aliases=["Storm-1516"]).aliases[0].name, lambda: "Storm-1516"),
]  # fmt: skip


@pytest.mark.parametrize(("given", "expected"), [c[1:] for c in NORMALISED], ids=[c[0] for c in NORMALISED])
def test_converters_normalise(given: Callable[[], Any], expected: Callable[[], Any]) -> None:
    value, canonical = given(), expected()
    assert value == canonical
    assert hash(value) == hash(canonical)


def test_lists_become_tuples() -> None:
    operation = Operation(id="x", name="X", topics=["a", "b"], languages=["ru"], sources=[Source(id="s")])
    assert operation.topics == ("a", "b")
    assert isinstance(operation.languages, tuple)
    assert isinstance(operation.sources, tuple)
    hash(operation)


def test_instants_are_stored_in_utc() -> None:
    moment = dt.datetime(2024, 5, 30, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    stored = FuzzyDate.instant(moment).value
    assert isinstance(stored, dt.datetime)
    assert stored.tzinfo is UTC
    assert stored == moment


# ---------------------------------------------------------------------------------------------
# Dates, periods and counts as real reports word them.

DATES: list[tuple[str, dt.date, Precision, Part | None, bool, Bound]] = [
    ("May 2024", dt.date(2024, 5, 1), Precision.MONTH, None, False, Bound.EXACT),
    ("2024-Q1", dt.date(2024, 1, 1), Precision.QUARTER, None, False, Bound.EXACT),
    ("Q3 2019", dt.date(2019, 7, 1), Precision.QUARTER, None, False, Bound.EXACT),
    ("the second quarter of 2022", dt.date(2022, 4, 1), Precision.QUARTER, None, False, Bound.EXACT),
    ("the first half of 2023", dt.date(2023, 1, 1), Precision.HALF, None, False, Bound.EXACT),
    ("H2 2020", dt.date(2020, 7, 1), Precision.HALF, None, False, Bound.EXACT),
    ("early 2023", dt.date(2023, 1, 1), Precision.YEAR, Part.EARLY, False, Bound.EXACT),
    ("around mid-2021", dt.date(2021, 1, 1), Precision.YEAR, Part.MID, True, Bound.EXACT),
    ("end of 2021", dt.date(2021, 1, 1), Precision.YEAR, Part.LATE, False, Bound.EXACT),
    ("since at least February 2022", dt.date(2022, 2, 1), Precision.MONTH, None, False, Bound.ON_OR_BEFORE),
    ("no later than 2020", dt.date(2020, 1, 1), Precision.YEAR, None, False, Bound.ON_OR_BEFORE),
    ("before 2019", dt.date(2019, 1, 1), Precision.YEAR, None, False, Bound.BEFORE),
    ("after 2016", dt.date(2016, 1, 1), Precision.YEAR, None, False, Bound.AFTER),
    ("from 2018", dt.date(2018, 1, 1), Precision.YEAR, None, False, Bound.ON_OR_AFTER),
    ("circa 2015", dt.date(2015, 1, 1), Precision.YEAR, None, True, Bound.EXACT),
    ("approximately June 2020", dt.date(2020, 6, 1), Precision.MONTH, None, True, Bound.EXACT),
    ("30 May 2024", dt.date(2024, 5, 30), Precision.DAY, None, False, Bound.EXACT),
    ("2024-05-30", dt.date(2024, 5, 30), Precision.DAY, None, False, Bound.EXACT),
    ("2024-05-30T12:00:00Z", dt.datetime(2024, 5, 30, 12, tzinfo=UTC), Precision.INSTANT, None, False, Bound.EXACT),
    ("2017.", dt.date(2017, 1, 1), Precision.YEAR, None, False, Bound.EXACT),
]


@pytest.mark.parametrize(("text", "value", "precision", "part", "approximate", "bound"), DATES, ids=[d[0] for d in DATES])
def test_parse_date_reads_report_wordings(
    text: str, value: dt.date, precision: Precision, part: Part | None, approximate: bool, bound: Bound
) -> None:
    date = parse_date(text)
    assert isinstance(date, FuzzyDate)
    assert (date.value, date.precision, date.part, date.approximate, date.bound) == (value, precision, part, approximate, bound)
    assert date.wording == text
    assert parse_date(text, wording=False).wording is None


RELATIVE: list[tuple[str, int, TimeUnit, bool]] = [
    ("over the last three months", 3, TimeUnit.MONTH, False),
    ("the past year", 1, TimeUnit.YEAR, False),
    ("two years ago", 2, TimeUnit.YEAR, False),
    ("about 6 weeks ago", 6, TimeUnit.WEEK, True),
    ("in the last few days", 3, TimeUnit.DAY, True),  # "a few" is an estimate
]


@pytest.mark.parametrize(("text", "amount", "unit", "approximate"), RELATIVE, ids=[r[0] for r in RELATIVE])
def test_parse_date_reads_relative_wordings(text: str, amount: int, unit: TimeUnit, approximate: bool) -> None:
    date = parse_date(text)
    assert isinstance(date, RelativeDate)
    assert (date.amount, date.unit, date.approximate, date.wording) == (amount, unit, approximate, text)


def test_relative_dates_resolve_against_the_report() -> None:
    date = parse_date("over the last three months")
    assert isinstance(date, RelativeDate)
    resolved = date.resolve(FuzzyDate.of(2024, 5, 30))
    assert (resolved.value, resolved.precision, resolved.approximate) == (dt.date(2024, 2, 29), Precision.DAY, True)
    assert date.resolve(FuzzyDate.of(2024, 5)).precision is Precision.MONTH


@pytest.mark.parametrize(
    "text", ["", "   ", "yesterday-ish", "Narnia", "early 2024-05-30", "2024-13", "0000", "2024-02-30", "2024-Q5", "soon"]
)
def test_parse_date_refuses_non_dates(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_date(text)
    assert isinstance(caught.value, ValueError)
    assert caught.value.text == text
    assert "2024" in caught.value.expected


PERIODS: list[tuple[str, str | None, str | None, bool]] = [
    # (wording, str(start), str(end), ongoing)
    ("since at least 2017", "by 2017", None, True),
    ("since 2020", "2020", None, True),
    ("May 2023 to March 2024", "2023-05", "2024-03", False),
    ("from May 2023 through April 2024", "2023-05", "2024-04", False),
    ("between 2018 and 2020", "2018", "2020", False),
    ("from 2019 until 2021", "2019", "2021", False),
    ("2019-2021", "2019", "2021", False),
    ("early 2023 – mid 2024", "early 2023", "mid 2024", False),
    ("2023", "2023", "2023", False),
    ("until 2022", None, "2022", False),
    ("before 2019", None, "before 2019", False),
    ("over the last three months", "3 months before the report", "at the report date", False),
]


@pytest.mark.parametrize(("text", "start", "end", "ongoing"), PERIODS, ids=[p[0] for p in PERIODS])
def test_parse_period_reads_report_wordings(text: str, start: str | None, end: str | None, ongoing: bool) -> None:
    period = parse_period(text)
    assert (None if period.start is None else str(period.start)) == start
    assert (None if period.end is None else str(period.end)) == end
    assert period.ongoing is ongoing
    assert period.wording == text
    assert str(period) == text


def test_year_ranges_are_not_iso_months() -> None:
    # Regression: "2019-2021" was refused, while "2019-05" must stay the month of May 2019.
    assert parse_period("2019-05").start == FuzzyDate.of(2019, 5)
    assert parse_period("2019-05").end == FuzzyDate.of(2019, 5)
    assert parse_period("2019-2021").end == FuzzyDate.of(2021)


COUNTS: list[tuple[str, CountKind, int | None, int | None]] = [
    ("12", CountKind.EXACT, 12, None),
    ("at least a dozen", CountKind.AT_LEAST, 12, None),
    ("three to five", CountKind.RANGE, 3, 5),
    ("three to five accounts", CountKind.RANGE, 3, 5),
    ("between 10 and 20", CountKind.RANGE, 10, 20),
    ("10-15", CountKind.RANGE, 10, 15),
    ("over 27,000", CountKind.MORE_THAN, 27_000, None),
    ("more than 1,000 accounts", CountKind.MORE_THAN, 1_000, None),
    ("less than 100", CountKind.LESS_THAN, 100, None),
    ("up to 50", CountKind.AT_MOST, 50, None),
    ("about 20", CountKind.APPROXIMATE, 20, None),
    ("nearly 200", CountKind.APPROXIMATE, 200, None),
    ("approximately 1,200 followers", CountKind.APPROXIMATE, 1_200, None),
    ("20+", CountKind.AT_LEAST, 20, None),
    ("no fewer than 30", CountKind.AT_LEAST, 30, None),
    ("twenty-five", CountKind.EXACT, 25, None),
    ("1.5 million", CountKind.APPROXIMATE, 1_500_000, None),  # a rounded figure
    ("2k", CountKind.APPROXIMATE, 2_000, None),
    ("zero", CountKind.EXACT, 0, None),
    ("dozens", CountKind.AT_LEAST, 24, None),
    ("dozens of accounts", CountKind.AT_LEAST, 24, None),
    ("hundreds of pages", CountKind.AT_LEAST, 200, None),
    ("thousands", CountKind.AT_LEAST, 2_000, None),
    ("unknown", CountKind.UNKNOWN, None, None),
    ("an unknown number of accounts", CountKind.UNKNOWN, None, None),
]


@pytest.mark.parametrize(("text", "kind", "value", "upper"), COUNTS, ids=[c[0] for c in COUNTS])
def test_parse_count_reads_report_wordings(text: str, kind: CountKind, value: int | None, upper: int | None) -> None:
    count = parse_count(text)
    assert (count.kind, count.value, count.upper, count.wording) == (kind, value, upper, text)


@pytest.mark.parametrize("text", ["", "a lot", "many accounts", "-5", "- 5 accounts", "five hundred and then some"])
def test_parse_count_refuses_non_counts(text: str) -> None:
    with pytest.raises(ParseError):
        parse_count(text)


def test_zero_is_not_unknown() -> None:
    assert Count.exact(0) != Count.unknown()
    assert (Count.exact(0).minimum, Count.exact(0).maximum) == (0, 0)
    assert (Count.unknown().minimum, Count.unknown().maximum) == (None, None)


# ---------------------------------------------------------------------------------------------
# Regressions found by the property tests


def test_operation_with_a_name_needs_no_summary_or_notes() -> None:
    # The name-or-summary check looked at ``notes`` instead of ``name``.
    operation = Operation(id="bad-grammar", name="Bad Grammar")
    assert operation.summary is None
    assert Operation(id="unnamed", summary="an unnamed network").name is None


def test_bool_fields_raise_field_errors_not_type_errors() -> None:
    for build in (
        lambda: FuzzyDate.of(2024, approximate=None),  # type: ignore[arg-type]
        lambda: RelativeDate(amount=1, unit="day", approximate="no"),  # type: ignore[arg-type]
        lambda: Period(ongoing="yes"),  # type: ignore[arg-type]
    ):
        with pytest.raises(FieldError):
            build()


def test_nested_errors_name_the_outer_field() -> None:
    # Converters that build a nested object (a place from a name, a Count from a number) used to
    # let the nested class's error out unchanged: "Country.code" for a Target's place.
    with pytest.raises(FieldError, match=r"^Disruption\.count\.value: "):
        attrs.evolve(_disruption(), count=-1)
    with pytest.raises(FieldError, match=r"^Attribution\.confidence\.score: "):
        Attribution(claimant="OpenAI", countries=["RU"], confidence=-1)
    with pytest.raises(FieldError, match=r"^Source\.language\.code: "):
        Source(id="s", language="xx")


def _disruption() -> Any:
    from opsmodel import Disruption

    return Disruption(by="OpenAI", action="accounts_banned")


def test_attribution_error_names_the_actor_field() -> None:
    # Was reported against ``status``, a field unrelated to the problem.
    with pytest.raises(FieldError) as caught:
        Attribution(claimant="OpenAI", status="revised")
    assert caught.value.field == "actor"


def test_relative_dates_print_their_qualifiers() -> None:
    # str() dropped "around" and the bound, so "before about three months ago" printed as if exact.
    date = RelativeDate(amount=3, unit="month", approximate=True, bound="before")
    assert str(date) == "before around 3 months before the report"
    assert parse_date(str(date)) == attrs.evolve(date, wording=str(date))
    assert str(RelativeDate(amount=0, unit="day")) == "at the report date"
    assert str(RelativeDate(amount=0, unit="day", bound="on_or_after")) == "from the report date"


@pytest.mark.parametrize(
    ("wording", "minimum"),
    [
        ("several hundred accounts", 200),
        ("a few thousand followers", 2_000),
        ("several dozen accounts", 24),
        ("tens of thousands of followers", 20_000),
        ("hundreds of thousands of views", 200_000),
    ],
)
def test_vague_magnitudes_are_lower_bounds(wording: str, minimum: int) -> None:
    count = om.parse_count(wording)
    assert (count.kind, count.minimum, count.wording) == (om.CountKind.AT_LEAST, minimum, wording)


@pytest.mark.parametrize(
    ("wording", "start", "end"),
    [
        ("between January and March 2024", "2024-01", "2024-03"),
        ("from May to July 2023", "2023-05", "2023-07"),
        ("5 May to 7 June 2024", "2024-05-05", "2024-06-07"),
    ],
)
def test_range_start_borrows_the_end_year(wording: str, start: str, end: str) -> None:
    period = om.parse_period(wording)
    assert isinstance(period.start, om.FuzzyDate)
    assert isinstance(period.end, om.FuzzyDate)
    assert (period.start.isoformat(), period.end.isoformat()) == (start, end)


def test_bounds_that_exclude_each_other_are_refused() -> None:
    with pytest.raises(om.FieldError, match=r"Period\.end") as caught:
        om.Period(start=om.parse_date("after 2020"), end=om.parse_date("2020"))
    assert caught.value.field == "end"
    # an open start ("since at least 2017") can still end in 2016
    assert om.Period(start=om.parse_date("since at least 2017"), end=om.parse_date("2016")).end is not None


@pytest.mark.parametrize(("year", "bound"), [(9999, "after"), (1, "before")])
def test_extreme_years_do_not_overflow(year: int, bound: str) -> None:
    date = om.FuzzyDate.of(year, bound=bound)
    assert (date.earliest, date.latest) != (None, None)


@pytest.mark.parametrize("bad", ["T0085\n", "T\u0660\u0660\u0668\u0665", " T0085"])
def test_technique_ids_are_ascii_and_whole(bad: str) -> None:
    with pytest.raises(om.FieldError, match=r"TechniqueRef\.id"):
        om.TechniqueRef.disarm(bad)


def test_identifiers_refuse_a_trailing_newline() -> None:
    with pytest.raises(om.FieldError, match=r"Source\.id"):
        om.Source(id="openai-2024-05\n")


def test_language_regions_are_ascii() -> None:
    assert om.Language(code="es", region="419").tag == "es-419"
    with pytest.raises(om.FieldError, match=r"Language\.region"):
        om.Language(code="es", region="\u0664\u0661\u0669")
