"""Properties of the wording parsers: wordings generated from a grammar together with their true
meaning parse to that meaning; any text parses or raises ParseError; time grows linearly."""

from __future__ import annotations

import calendar
import datetime as dt
import gc
import time
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opsmodel as om
from opsmodel import Bound, Count, CountKind, FuzzyDate, ParseError
from opsmodel._model import wording
from opsmodel._model.dates import ends_contradict

# ---------------------------------------------------------------------------------------------
# Pieces of the grammar, each with what it means

_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _in_words(n: int) -> str:
    """0..999 in words, as reports write them ("two hundred and five", "forty-two")."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    small = _UNITS[rest] if rest < 20 else _TENS[tens - 2] + (f"-{_UNITS[units]}" if units else "")
    if not hundreds:
        return small
    return f"{_UNITS[hundreds]} hundred" + (f" and {small}" if rest else "")


@st.composite
def _numbers(draw: st.DrawFn) -> tuple[str, int, bool]:
    """A number as a report writes it: (text, value, whether it is a rounded figure)."""
    form = draw(st.sampled_from(["digits", "grouped", "words", "scaled", "decimal"]))
    if form == "digits":
        n = draw(st.integers(0, 10**12))
        return str(n), n, False
    if form == "grouped":
        n = draw(st.integers(0, 10**12))
        return f"{n:,}", n, False
    if form == "words":
        n = draw(st.integers(0, 999))
        return _in_words(n), n, False
    scale, factor = draw(
        st.sampled_from([("thousand", 10**3), ("k", 10**3), ("million", 10**6), ("m", 10**6), ("billion", 10**9)])
    )
    space = "" if scale in ("k", "m") and draw(st.booleans()) else " "
    if form == "scaled":
        n = draw(st.integers(1, 999))
        return f"{n}{space}{scale}", n * factor, True
    whole, tenths = draw(st.integers(0, 99)), draw(st.integers(1, 9))
    return f"{whole}.{tenths}{space}{scale}", (whole * 10 + tenths) * factor // 10, True


_QUALIFIERS = [
    ("at least", CountKind.AT_LEAST),
    ("no fewer than", CountKind.AT_LEAST),
    ("more than", CountKind.MORE_THAN),
    ("over", CountKind.MORE_THAN),
    ("just over", CountKind.MORE_THAN),
    ("surpassed", CountKind.MORE_THAN),
    ("in excess of", CountKind.MORE_THAN),
    ("up to", CountKind.AT_MOST),
    ("no more than", CountKind.AT_MOST),
    ("less than", CountKind.LESS_THAN),
    ("fewer than", CountKind.LESS_THAN),
    ("under", CountKind.LESS_THAN),
    ("about", CountKind.APPROXIMATE),
    ("nearly", CountKind.APPROXIMATE),
    ("roughly", CountKind.APPROXIMATE),
    ("an estimated", CountKind.APPROXIMATE),
]
_TRAILING = [("+", CountKind.AT_LEAST), (" or more", CountKind.AT_LEAST), (" or fewer", CountKind.AT_MOST)]
_NOUNS = [
    "",
    " accounts",
    " Facebook accounts",
    " Telegram channels",
    " pro-Kremlin pages",
    " of the domains",
    " X/Twitter profiles",
]


@st.composite
def count_wordings(draw: st.DrawFn) -> tuple[str, Count]:
    """A count wording from the grammar and the Count it means (its wording included)."""
    noun = draw(st.sampled_from(_NOUNS))
    shape = draw(st.sampled_from(["bare", "qualified", "trailing", "range"]))
    text, value, rounded = draw(_numbers())
    if shape == "qualified":
        qualifier, kind = draw(st.sampled_from(_QUALIFIERS))
        text = f"{qualifier} {text}"
    elif shape == "trailing" and not rounded:
        trailing, kind = draw(st.sampled_from(_TRAILING))
        text = f"{text}{trailing}"
    elif shape == "range":
        high_text, high, _ = draw(_numbers())
        if high < value:
            text, value, high_text, high = high_text, high, text, value
        first, second = draw(st.sampled_from([("", " to "), ("between ", " and "), ("from ", " to "), ("", " - ")]))
        if " and " in text + high_text:  # "between one hundred and one and 101" has two readings
            first, second = "from ", " to "
        text = f"{first}{text}{second}{high_text}{noun}"
        return text, Count.between(value, high, wording=text)
    else:
        kind = CountKind.APPROXIMATE if rounded else CountKind.EXACT
    text += noun
    return text, Count(kind=kind, value=value, wording=text)


_MONTHS = list(calendar.month_name)[1:]
_BOUNDS = [
    ("", Bound.EXACT),
    ("since at least ", Bound.ON_OR_BEFORE),
    ("no later than ", Bound.ON_OR_BEFORE),
    ("before ", Bound.BEFORE),
    ("after ", Bound.AFTER),
    ("until at least ", Bound.ON_OR_AFTER),
    ("as of ", Bound.EXACT),
]


def _ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


@st.composite
def days(draw: st.DrawFn) -> tuple[str, dt.date]:
    """A day in one of the ways reports write it, and the day."""
    day = draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
    month = draw(st.sampled_from([_MONTHS[day.month - 1], _MONTHS[day.month - 1][:3]]))
    year = f"{day.year:04d}"
    text = draw(
        st.sampled_from(
            [
                f"{month} {day.day}, {year}",
                f"{month} {_ordinal(day.day)} {year}",
                f"{day.day} {month} {year}",
                f"the {_ordinal(day.day)} of {month}, {year}",
                day.isoformat(),
            ]
        )
    )
    return text, day


@st.composite
def date_wordings(draw: st.DrawFn) -> tuple[str, FuzzyDate]:
    """A date wording from the grammar and the FuzzyDate it means (its wording included)."""
    prefix, bound = draw(st.sampled_from(_BOUNDS))
    approximate = draw(st.booleans())
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "day":
        text, day = draw(days())
        date = FuzzyDate.of(day.year, day.month, day.day)
    else:
        year = draw(st.integers(1, 9999))
        month = draw(st.integers(1, 12))
        text, date = (
            (f"{year:04d}", FuzzyDate.of(year))
            if precision == "year"
            else (f"{_MONTHS[month - 1]} {year:04d}", FuzzyDate.of(year, month))
        )
        part = draw(st.sampled_from([None, "early", "mid", "late"]))
        if part is not None:
            text, date = f"{part} {text}", FuzzyDate(value=date.value, precision=date.precision, part=part)
    if approximate:
        text = f"around {text}"
    text = prefix + text
    return text, FuzzyDate(
        value=date.value, precision=date.precision, part=date.part, approximate=approximate, bound=bound, wording=text
    )


@st.composite
def day_ranges(draw: st.DrawFn) -> tuple[str, dt.date, dt.date]:
    """Days of one month worded as a range ("March 3-7, 2021"), and the first and last day."""
    first = draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
    last_day = draw(st.integers(first.day, calendar.monthrange(first.year, first.month)[1]))
    month, a, b, y = _MONTHS[first.month - 1], first.day, last_day, f"{first.year:04d}"
    text = draw(
        st.sampled_from(
            [
                f"{month} {a}-{b}, {y}",
                f"{month} {a} to {b}, {y}",
                f"between {month} {a} and {b}, {y}",
                f"{a} to {b} {month} {y}",
                f"{a}-{b} {month} {y}",
                f"from {a} to {b} {month} {y}",
            ]
        )
    )
    return text, first, first.replace(day=last_day)


# ---------------------------------------------------------------------------------------------
# The parse is the meaning


@given(count_wordings())
def test_generated_counts_parse_to_their_meaning(case: tuple[str, Count]) -> None:
    text, meaning = case
    assert om.parse_count(text) == meaning


@given(count_wordings())
def test_a_generated_count_counts_its_noun(case: tuple[str, Count]) -> None:
    text, meaning = case
    noun = next((n for n in _NOUNS if n and text.endswith(n)), None)
    if noun is None:
        with pytest.raises(ParseError, match="names nothing it counts"):
            om.parse_count(text, noun="account")
        return
    last = noun.split()[-1]
    assert om.parse_count(text, noun=last) == meaning
    assert om.parse_count(text, noun=last.removesuffix("s")) == meaning
    with pytest.raises(ParseError, match="not 'ads'"):
        om.parse_count(text, noun="ads")


_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


@given(
    st.sampled_from(sorted(_SEASON_MONTHS)), st.integers(1, 9998), st.sampled_from(["{s} {y}", "{s} of {y}", "the {s} of {y}"])
)
def test_generated_seasons_are_their_months(season: str, year: int, template: str) -> None:
    text = template.format(s=season.title() if year % 2 else season, y=f"{year:04d}")
    first, last = _SEASON_MONTHS[season]
    period = om.parse_period(text)
    assert (period.start, period.end) == (FuzzyDate.of(year, first, approximate=True), FuzzyDate.of(year, last, approximate=True))
    winter = om.parse_period(f"winter {year:04d}/{(year + 1) % 100:02d}")
    assert (winter.start, winter.end) == (FuzzyDate.of(year, 12, approximate=True), FuzzyDate.of(year + 1, 2, approximate=True))


@given(date_wordings())
def test_generated_dates_parse_to_their_meaning(case: tuple[str, FuzzyDate]) -> None:
    text, meaning = case
    assert om.parse_date(text) == meaning


@given(day_ranges())
def test_generated_day_ranges_parse_to_their_days(case: tuple[str, dt.date, dt.date]) -> None:
    text, first, last = case
    period = om.parse_period(text)
    assert (period.start, period.end, period.wording) == (
        FuzzyDate.of(first.year, first.month, first.day),
        FuzzyDate.of(last.year, last.month, last.day),
        text,
    )
    with pytest.raises(ParseError, match="parse_period"):
        om.parse_date(text)


@given(date_wordings(), date_wordings(), st.sampled_from(["{} to {}", "from {} until {}", "between {} and {}", "{} – {}"]))
def test_generated_ranges_have_the_generated_ends(a: tuple[str, FuzzyDate], b: tuple[str, FuzzyDate], template: str) -> None:
    (first, start), (second, end) = a, b
    if "as of" in first + second or " and " in first + second or start.bound is not Bound.EXACT or end.bound is not Bound.EXACT:
        return  # bounds inside a range are read as the range's own words; covered by examples
    text = template.format(first, second)
    parsed = om.parse_period(text) if not ends_contradict(start, end) else None
    if parsed is not None:
        assert (parsed.start, parsed.end) == (
            FuzzyDate(**{**_fields(start), "wording": None}),
            FuzzyDate(**{**_fields(end), "wording": None}),
        )


def _fields(date: FuzzyDate) -> dict[str, Any]:
    return {
        "value": date.value,
        "precision": date.precision,
        "part": date.part,
        "approximate": date.approximate,
        "bound": date.bound,
    }


# ---------------------------------------------------------------------------------------------
# Any text parses or raises ParseError, never another exception

_PIECES = [
    "at least", "over", "about", "between", "and", "to", "-", "–", "from", "since", "until", "as of", "the",
    "of", "3", "07", "2021", "1,500", "1.5", "million", "k", "dozen", "dozens", "a", "handful", "several",
    "March", "Mar", "summer", "winter", "2022/23", "Q1", "H2", "early", "mid", "late", "around", "last",
    "years", "months", "ago", "decade", "ongoing", "still", "%", "percent", "$", "quarters", "accounts",
    "Telegram", "+", "or more", ",", ".", "9" * 20, "0000", "T", "Z", "2024-05-30T10:00:00+05:00", "Farsi",
    "zh-Hant", "/", "at the time of writing", "\u00a0", "٣", "²",
]  # fmt: skip
_PARSERS: list[Callable[[str], object]] = [
    om.parse_count,
    om.parse_date,
    om.parse_period,
    om.Language.parse,
    lambda text: om.parse_count(text, noun="account"),
]


def _refusal(parse: Callable[[str], object], text: str) -> ParseError | None:
    try:
        parse(text)
    except ParseError as error:
        return error
    return None


def _parses_or_refuses(text: str) -> None:
    """Any other exception than a ParseError fails the test by escaping."""
    for parse in _PARSERS:
        error = _refusal(parse, text)
        if error is not None:
            assert error.text == text
            assert len(str(error)) < 1_000  # the message cuts the text


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map(" ".join))
def test_any_wording_made_of_grammar_pieces_parses_or_raises_parse_error(text: str) -> None:
    _parses_or_refuses(text)


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_any_text_parses_or_raises_parse_error(text: str) -> None:
    _parses_or_refuses(text)


# ---------------------------------------------------------------------------------------------
# Linear time

_SHAPES: list[Callable[[int], str]] = [
    lambda n: "1" + " " * n + "x",  # quadratic before: a lazy range pattern and a trailing search
    lambda n: "1 " + "accounts " * (n // 9),
    lambda n: "between " + "1 and " * (n // 6) + "2",
    lambda n: "a" * n,
    lambda n: "3-" * (n // 2) + "7 March 2021",
    lambda n: "from " + "to " * (n // 3) + "2021",
    lambda n: "since at least " + "early " * (n // 6) + "2021",
    lambda n: "the last " + "a" * n + " years",
    lambda n: "March " + "3 " * (n // 2) + "2021",
    lambda n: "1," * (n // 2) + "000",
]


def _cpu_time(parse: Callable[[str], object], text: str, calls: int, runs: int = 3) -> float:
    """The best of ``runs`` measures of the CPU time of ``calls`` parses (the process's own time,
    so that other processes on a shared machine do not count; the garbage collector off)."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(runs):
            start = time.process_time()
            for _ in range(calls):
                _refusal(parse, text)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


@pytest.mark.slow
@pytest.mark.parametrize("shape", range(len(_SHAPES)))
def test_parsing_time_grows_linearly(shape: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """One text 32 times as long costs about as much as 32 short ones: linear, not quadratic.

    The ratio is about 1 for a linear parser (up to 2 or 3 as the long text outgrows the CPU's
    caches) and about 32 for a quadratic one. The length limit is lifted so that the parsers'
    own growth shows, not the limit's refusal.
    """
    monkeypatch.setattr(wording, "MAX_WORDING", 10**6)
    small, large = _SHAPES[shape](1_000), _SHAPES[shape](32_000)
    for parse in (om.parse_count, om.parse_date, om.parse_period):
        # The smaller of two measures: a burst of load on a shared machine inflates one of them.
        ratio = min(_cpu_time(parse, large, 1) / max(_cpu_time(parse, small, 32), 1e-6) for _ in range(2))
        assert ratio < 8, f"{parse.__name__}: a text 32 times as long cost {ratio:.1f} times 32 short ones"
