"""The wording parsers on the inputs issue 15 names: wrong answers fixed, wordings reports use,
sources in one call, limits, and language names in common use."""

from __future__ import annotations

import datetime as dt

import pytest

import opsmodel as om
from opsmodel import Bound, CountKind, FuzzyDate, ParseError, Period, RelativeDate, TimeUnit
from opsmodel.errors import FieldError

# ---------------------------------------------------------------------------------------------
# Wrong answers given without a word (regressions)


@pytest.mark.parametrize(
    "text", ["March 3-7, 2021", "between March 3 and 7, 2021", "3 to 7 March 2021", "3-7 March 2021", "from 3 to 7 March 2021"]
)
def test_days_of_one_month_are_a_period_of_those_days(text: str) -> None:
    # Was 2007-03-03 ("March 3-7, 2021"), an end in July ("between March 3 and 7"), a lost start day.
    period = om.parse_period(text)
    assert (period.start, period.end) == (FuzzyDate.of(2021, 3, 3), FuzzyDate.of(2021, 3, 7))


def test_a_range_is_not_a_date() -> None:
    with pytest.raises(ParseError, match="parse_period") as caught:
        om.parse_date("March 3-7, 2021")
    assert caught.value.text == "March 3-7, 2021"


def test_a_rounded_figure_is_approximate() -> None:
    count = om.parse_count("1.5 million")
    assert (count.kind, count.value) == (CountKind.APPROXIMATE, 1_500_000)
    assert om.parse_count("1,500,000").kind is CountKind.EXACT
    assert om.parse_count("at least 1.5 million").kind is CountKind.AT_LEAST


@pytest.mark.parametrize("text", ["3 2021", "March 3", "7, 2021", "Narnia 2021", "2021 March 3", "03/07/2021", "Marchember 2021"])
def test_no_part_of_a_date_is_guessed(text: str) -> None:
    # dateutil filled in what the text left out; the parser refuses and names what it could not read.
    with pytest.raises(ParseError) as caught:
        om.parse_date(text)
    assert caught.value.problem


def test_the_refusal_names_the_word_it_could_not_read() -> None:
    with pytest.raises(ParseError, match="'Marchember'"):
        om.parse_date("Marchember 2021")
    with pytest.raises(ParseError, match="'pages'"):
        om.parse_count("40 pages", noun="account")


def test_a_reversed_completed_range_is_refused_not_reordered() -> None:
    with pytest.raises(ParseError, match="before start"):
        om.parse_period("December to January 2021")


# ---------------------------------------------------------------------------------------------
# Counts reports use


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("a handful", CountKind.APPROXIMATE, 5),
        ("a handful of accounts", CountKind.APPROXIMATE, 5),
        ("several", CountKind.AT_LEAST, 3),
        ("several accounts", CountKind.AT_LEAST, 3),
        ("a small number", CountKind.AT_LEAST, 2),
        ("a small number of pages", CountKind.AT_LEAST, 2),
        ("dozens", CountKind.AT_LEAST, 24),
        ("in the thousands", CountKind.AT_LEAST, 1_000),
        ("just over 1,500", CountKind.MORE_THAN, 1_500),
        ("surpassed 100,000", CountKind.MORE_THAN, 100_000),
        ("nearly 2,000", CountKind.APPROXIMATE, 2_000),
        ("over 3,000 Facebook accounts", CountKind.MORE_THAN, 3_000),
        ("at least 14 Telegram channels", CountKind.AT_LEAST, 14),
        ("two hundred thousand", CountKind.APPROXIMATE, 200_000),
        ("one hundred and five", CountKind.EXACT, 105),
        ("a single account", CountKind.EXACT, 1),
        ("no accounts", CountKind.EXACT, 0),
        ("50 or fewer", CountKind.AT_MOST, 50),
    ],
)
def test_counts_reports_use(text: str, kind: CountKind, value: int) -> None:
    count = om.parse_count(text)
    assert (count.kind, count.value, count.wording) == (kind, value, text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("80%", "percentage"),
        ("nearly 40 percent", "percentage"),
        ("40 per cent of posts", "percentage"),
        ("three quarters", "fraction"),
        ("half of the accounts", "fraction"),
        ("3/4", "fraction"),
        ("one in five", "fraction"),
        ("about $3,500", "money"),
        ("3,500 USD", "money"),
        ("many accounts", "too vague"),
        ("a lot", "too vague"),
    ],
)
def test_what_is_not_a_count_is_refused_saying_what_it_is(text: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        om.parse_count(text)


def test_the_noun_stays_in_the_wording_and_can_be_required() -> None:
    count = om.parse_count("over 3,000 Facebook accounts", noun="account")
    assert count == om.Count.more_than(3_000, wording="over 3,000 Facebook accounts")
    assert om.parse_count("1 account", noun="accounts").value == 1
    assert om.parse_count("a handful of pages", noun="page").value == 5
    for text in ("40 pages", "40", "3,000 Facebook accounts and"):
        with pytest.raises(ParseError):
            om.parse_count(text, noun="account")


@pytest.mark.parametrize(
    "text", ["3 -", "5 to", "between 5", "1 2", "twenty thirty", "1,50", "1.5", "five hundred and then some"]
)
def test_counts_that_trail_off_are_refused(text: str) -> None:
    with pytest.raises(ParseError):
        om.parse_count(text)


# ---------------------------------------------------------------------------------------------
# Dates and periods reports use


def test_seasons_are_approximate_periods_keeping_the_wording() -> None:
    period = om.parse_period("summer 2023")
    assert period.start == FuzzyDate.of(2023, 6, approximate=True)
    assert period.end == FuzzyDate.of(2023, 8, approximate=True)
    assert period.wording == "summer 2023"
    winter = om.parse_period("winter 2022-23")
    assert (winter.start, winter.end) == (FuzzyDate.of(2022, 12, approximate=True), FuzzyDate.of(2023, 2, approximate=True))
    with pytest.raises(ParseError, match="both years"):
        om.parse_period("winter 2023")
    with pytest.raises(ParseError, match="parse_period"):
        om.parse_date("summer 2023")


def test_last_summer_is_relative_to_the_report() -> None:
    period = om.parse_period("last summer")
    assert period.start == RelativeDate(amount=15, unit="month", bound="on_or_after")
    assert period.end == RelativeDate(amount=0, unit="month", bound="before")
    resolved = period.resolve(FuzzyDate.of(2024, 5, 30))
    assert isinstance(resolved.start, FuzzyDate)
    assert resolved.start.first_day == dt.date(2023, 2, 29 - 1)


def test_as_of_a_day() -> None:
    assert om.parse_date("as of June 10, 2023") == FuzzyDate.of(2023, 6, 10, wording="as of June 10, 2023")
    period = om.parse_period("as of June 10, 2023")
    assert period.start == FuzzyDate.of(2023, 6, 10, bound=Bound.ON_OR_BEFORE)
    assert period.end == FuzzyDate.of(2023, 6, 10, bound=Bound.ON_OR_AFTER)


def test_until_at_least_bounds_the_end_from_below() -> None:
    period = om.parse_period("until at least May 2024")
    assert (period.start, period.end, period.ongoing) == (None, FuzzyDate.of(2024, 5, bound=Bound.ON_OR_AFTER), False)


@pytest.mark.parametrize("text", ["still ongoing", "ongoing", "active at the time of writing", "at the time of writing"])
def test_ongoing_periods(text: str) -> None:
    period = om.parse_period(text)
    assert (period.start, period.end, period.ongoing) == (None, None, True)


def test_the_time_of_writing_is_the_report_date() -> None:
    assert om.parse_date("at the time of writing") == RelativeDate(amount=0, unit="day", wording="at the time of writing")


def test_the_last_decade() -> None:
    period = om.parse_period("over the last decade")
    assert period.start == RelativeDate(amount=10, unit=TimeUnit.YEAR)
    assert period.end == RelativeDate(amount=0, unit=TimeUnit.YEAR)


@pytest.mark.parametrize("text", ["almost three years", "for two months", "about 18 months"])
def test_durations_are_no_dates(text: str) -> None:
    with pytest.raises(ParseError, match=r"how long, not when.*parse_duration"):
        om.parse_date(text)


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("almost three years", om.Count.approximately(3), "year"),
        ("for two months", om.Count.exact(2), "month"),
        ("about 18 months", om.Count.approximately(18), "month"),
        ("over two weeks", om.Count.exact(2), "week"),
        ("for over two weeks", om.Count.more_than(2), "week"),
        ("over a weekend", om.Count.approximately(2), "day"),
        ("three to five years", om.Count.between(3, 5), "year"),
        ("several months", om.Count.at_least(3), "month"),
        ("a year", om.Count.exact(1), "year"),
        ("nearly a decade", om.Count.approximately(10), "year"),
    ],
)
def test_a_duration_alone_is_a_period_with_a_length_and_no_ends(text: str, amount: om.Count, unit: str) -> None:
    period = om.parse_period(text)
    assert (period.start, period.end, period.ongoing) == (None, None, False)
    assert period.length == om.Duration(amount=amount, unit=unit, wording=text)
    assert om.parse_duration(text) == period.length


def test_a_duration_placed_in_a_year_or_from_a_date() -> None:
    within = om.parse_period("for six months in 2023")
    assert (within.start, within.end) == (FuzzyDate.of(2023), FuzzyDate.of(2023))
    assert within.length == om.Duration(amount=om.Count.exact(6), unit="month", wording="for six months")
    started = om.parse_period("three years, from May 2019")
    assert (started.start, started.end, started.ongoing) == (FuzzyDate.of(2019, 5), None, False)
    assert str(started.length) == "3 years"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("some years", "no number"),
        ("three apples", "no unit of time"),
        ("1001 years", "more than 1,000 years"),
        ("six months in the last year", "between the number and the unit"),
        ("", "expected a duration"),
    ],
)
def test_what_is_not_a_duration_is_refused(text: str, problem: str) -> None:
    with pytest.raises(ParseError, match=problem):
        om.parse_duration(text)


def test_a_duration_placed_before_a_bound_is_refused() -> None:
    with pytest.raises(ParseError, match="placed only in or from a plain date"):
        om.parse_period("for six months in before 2020")


# ---------------------------------------------------------------------------------------------
# Sources


def test_a_parsed_period_is_cited_in_one_call() -> None:
    period = om.parse_period("since at least 2017", sources=["meta-2024-q1", "openai-2024-05"])
    assert period.sources == ("meta-2024-q1", "openai-2024-05")
    assert period == Period(
        start=FuzzyDate.of(2017, bound="on_or_before"), ongoing=True, wording="since at least 2017", sources=period.sources
    )
    assert om.parse_period("2023").sources == ()


def test_a_bad_source_id_is_a_field_error_not_a_parse_error() -> None:
    with pytest.raises(FieldError) as caught:
        om.parse_period("2023", sources=["Not An Id!"])
    assert not isinstance(caught.value, ParseError)


# ---------------------------------------------------------------------------------------------
# Limits


@pytest.mark.parametrize(
    "call",
    [
        lambda: om.parse_count("9" * 400 + "k"),
        lambda: om.parse_count("1" + "0" * 5000),
        lambda: om.parse_count("2 billion billion"),
        lambda: om.parse_count("1,000,000,000,000,001"),
        lambda: om.parse_date("99999999999999999999999999999m"),
        lambda: om.parse_date("0001-01-01T00:00:00+05:00"),
        lambda: om.parse_date("9999-12-31T23:00:00-05:00"),
        lambda: om.parse_date("3000 years ago"),
        lambda: om.parse_date(f"{2**40} months ago"),
        lambda: om.parse_period("over the last 3000 years"),
        lambda: om.parse_period("winter 9999/10000"),
        lambda: om.parse_period("summer 0000"),
    ],
)
def test_numbers_beyond_the_limits_are_parse_errors(call: object) -> None:
    with pytest.raises(ParseError):
        call()  # type: ignore[operator]


@pytest.mark.parametrize("parse", [om.parse_count, om.parse_date, om.parse_period, om.Language.parse])
def test_texts_over_the_length_limit_are_refused_before_any_work(parse: object) -> None:
    text = "1" + " " * 2_000 + "x"
    with pytest.raises(om.errors.DataError) as caught:
        parse(text)  # type: ignore[operator]
    assert len(str(caught.value)) < 500  # the message cuts the value


def test_model_values_are_bounded_where_they_load() -> None:
    with pytest.raises(FieldError, match="1,000 years"):
        RelativeDate(amount=3_000, unit="year")
    with pytest.raises(FieldError, match="1,000 years"):
        RelativeDate(amount=2**40, unit="month")
    with pytest.raises(FieldError, match="years 1 to 9999"):
        FuzzyDate.instant(dt.datetime(9999, 12, 31, 23, tzinfo=dt.timezone(dt.timedelta(hours=-5))))
    with pytest.raises(FieldError, match="years 1 to 9999"):
        FuzzyDate(value="0001-01-01T00:00:00+05:00", precision="instant")
    with pytest.raises(FieldError, match="at most"):
        om.Count.exact(10**15 + 1)
    with pytest.raises(FieldError, match="at most"):
        om.Count.between(1, 10**400)
    assert RelativeDate(amount=1_000, unit="year").resolve(FuzzyDate.of(2024)).value == dt.date(1024, 1, 1)


def test_resolving_before_the_year_one_is_a_field_error() -> None:
    with pytest.raises(FieldError, match="before the year 1"):
        RelativeDate(amount=1_000, unit="year").resolve(FuzzyDate.of(500))


# ---------------------------------------------------------------------------------------------
# Languages


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("Farsi", "fa"),
        ("Mandarin", "cmn"),
        ("Cantonese", "yue"),
        ("Filipino/Tagalog", "fil"),
        ("Tagalog", "tl"),
        ("  mandarin ", "cmn"),
        ("Traditional Chinese", "zh-Hant"),
        ("Brazilian Portuguese", "pt-BR"),
        ("Persian", "fa"),
    ],
)
def test_language_names_in_common_use(name: str, tag: str) -> None:
    assert om.Language.parse(name).tag == tag


def test_language_aliases_are_pycountry_languages() -> None:
    import pycountry

    from opsmodel._model.languages import LANGUAGE_ALIASES

    for name, code in LANGUAGE_ALIASES.items():
        found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
        assert found is not None, name
        assert len(code) == 2 or not hasattr(found, "alpha_2"), f"{name}: BCP 47 wants the 639-1 code"
    assert om.Operation(id="x", name="X", languages=["Farsi", "Mandarin"]).languages == (
        om.Language(code="fa"),
        om.Language(code="cmn"),
    )


def test_strategies_stay_within_the_bounds() -> None:
    from opsmodel import testing

    with pytest.raises(ValueError, match="largest count"):
        testing.counts(max_value=10**16)
    with pytest.raises(ValueError, match="1,000 years"):
        testing.relative_dates(max_amount=5_000)


@pytest.mark.parametrize(
    ("text", "value"), [("12 in total", 12), ("3 accounts per day", 3), ("5 Facebook/Instagram accounts", 5)]
)
def test_words_of_proportion_in_a_noun_are_not_shares(text: str, value: int) -> None:
    assert om.parse_count(text).value == value


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("1-2 million", 1_000_000, 2_000_000),
        ("between 1.5 and 2 million", 1_500_000, 2_000_000),
        ("three to five thousand accounts", 3_000, 5_000),
        ("two hundred to three hundred thousand", 200_000, 300_000),
        ("500 to 2 million", 500, 2_000_000),
        ("a dozen to two dozen", 12, 24),
    ],
)
def test_a_range_shares_the_scale_written_once(text: str, low: int, high: int) -> None:
    # "1-2 million" read as 1 to 2,000,000 was wrong without a word.
    assert om.parse_count(text) == om.Count.between(low, high, wording=text)


@pytest.mark.parametrize("text", ["several tens of thousands", "several thousands of accounts", "5 thousands"])
def test_a_plural_scale_after_a_vague_word_is_not_a_noun(text: str) -> None:
    # "several tens of thousands" read as "at least 3" (of a noun "tens of thousands") was wrong.
    with pytest.raises(ParseError):
        om.parse_count(text)


def test_parts_may_take_the_article() -> None:
    assert om.parse_date("the end of 2019") == FuzzyDate.of(2019, part="late", wording="the end of 2019")


@pytest.mark.parametrize("text", ["1000s of accounts", "5x", "10,000accounts"])
def test_a_number_glued_to_letters_is_refused(text: str) -> None:
    # "1000s of accounts" read as exactly 1,000 (of a noun "s of accounts") was wrong.
    with pytest.raises(ParseError, match="as a number"):
        om.parse_count(text)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("three to five hundred", 300, 500), ("1 to a hundred", 1, 100), ("between 50 and a hundred", 50, 100)],
)
def test_a_hundred_is_one_number(text: str, low: int, high: int) -> None:
    assert om.parse_count(text) == om.Count.between(low, high, wording=text)
