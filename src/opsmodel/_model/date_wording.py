"""Reading dates and periods as reports word them ("since at least February 2022", "2019-2021").

Only text analysis: a reading is the keyword arguments of the value the text denotes (vocabulary
members as their plain string values), so that :mod:`.dates` builds the classes from it and this
module needs none of them. A text that is not a date raises :class:`~opsmodel._core.fields.Invalid`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from dateutil import parser as dateutil_parser

from .._core.fields import Invalid

#: The keyword arguments of a FuzzyDate (``value``, ``precision``...) or of a RelativeDate
#: (``amount``, ``unit``...): the only readings with a ``unit``.
DateReading = dict[str, Any]


class PeriodReading(NamedTuple):
    start: DateReading | None = None
    end: DateReading | None = None
    ongoing: bool = False


def is_relative(reading: DateReading) -> bool:
    return "unit" in reading


_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3,
}  # fmt: skip
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_APPROX = re.compile(r"^(?:around|about|approximately|approx\.?|circa|ca?\.|roughly|~)\s*", re.I)
_BOUNDS = (
    (
        re.compile(r"^(?:since\s+at\s+least|at\s+least\s+since|no\s+later\s+than|not\s+later\s+than|by)\s+", re.I),
        "on_or_before",
    ),
    (re.compile(r"^(?:before|prior\s+to|earlier\s+than)\s+", re.I), "before"),
    (re.compile(r"^(?:after|later\s+than)\s+", re.I), "after"),
    (re.compile(r"^(?:no\s+earlier\s+than|not\s+before|from|since)\s+", re.I), "on_or_after"),
)
_PART = re.compile(r"^(early|mid|middle\s+of|late|end\s+of|beginning\s+of|start\s+of)[\s-]+", re.I)
_PARTS = {
    "early": "early",
    "beginning of": "early",
    "start of": "early",
    "mid": "mid",
    "middle of": "mid",
    "late": "late",
    "end of": "late",
}
_YEAR = re.compile(r"^(\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# (patterns, months in one step): quarters start every 3 months, halves every 6.
_STEPS = (
    (
        (
            re.compile(r"^(?P<y>\d{4})[-\s]?Q(?P<n>[1-4])$", re.I),
            re.compile(r"^Q(?P<n>[1-4])[-\s]+(?P<y>\d{4})$", re.I),
            re.compile(r"^(?:the\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?P<y>\d{4})$", re.I),
        ),
        3,
        "quarter",
    ),
    (
        (
            re.compile(r"^(?P<y>\d{4})[-\s]?H(?P<n>[12])$", re.I),
            re.compile(r"^H(?P<n>[12])[-\s]+(?P<y>\d{4})$", re.I),
            re.compile(r"^(?:the\s+)?(?P<o>first|second|1st|2nd)\s+half\s+of\s+(?P<y>\d{4})$", re.I),
        ),
        6,
        "half",
    ),
)
_RELATIVE = re.compile(
    r"^(?:(?:over|in|during|within)\s+)?(?:the\s+)?(?:last|past|previous|preceding)\s+"
    r"(?P<n>\d+|a\s+few|[a-z]+)?\s*(?P<unit>day|week|month|year)s?$",
    re.I,
)
_AGO = re.compile(r"^(?P<n>\d+|a\s+few|[a-z]+)\s+(?P<unit>day|week|month|year)s?\s+(?:ago|before\s+the\s+report)$", re.I)
EXPECTED = (
    "a date wording such as '2024', '2024-05', '2024-05-30', 'May 2024', '2024-Q1', 'early 2023' "
    "or 'since at least February 2022'"
)
EXPECTED_PERIOD = "a period wording such as 'since at least 2017' or 'May 2023 to March 2024'"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip())


def _number(text: str | None, original: str) -> int:
    if text is None:
        return 1
    text = _squash(text.lower())
    if text.isdecimal():
        return int(text)
    if text in _NUMBERS:
        return _NUMBERS[text]
    raise Invalid(original, EXPECTED, problem=f"cannot read the number {text!r} in {original!r}")


def _iso(text: str, original: str) -> tuple[dt.date, str]:
    """An ISO 8601 day, or an instant that names its offset (a naive one is refused, never guessed)."""
    try:
        if "T" not in text:
            return dt.date.fromisoformat(text), "day"
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.utcoffset() is not None:
            return moment.astimezone(dt.timezone.utc), "instant"
    except ValueError:
        pass
    raise Invalid(original, EXPECTED, problem=f"{original!r} is not a valid ISO 8601 date")


def _stepped(text: str) -> tuple[dt.date, str] | None:
    """A quarter or a half ("2024-Q1", "the second half of 2023"), or None."""
    for patterns, months, precision in _STEPS:
        for pattern in patterns:
            if m := pattern.match(text):
                n = int(m["n"]) if m.groupdict().get("n") else _ORDINALS[m["o"].lower()]
                return dt.date(int(m["y"]), months * (n - 1) + 1, 1), precision
    return None


def _free_form(text: str, original: str) -> tuple[dt.date, str]:
    # Two parses with different defaults reveal which parts the text really states.
    try:
        one = dateutil_parser.parse(text, default=dt.datetime(2000, 1, 1))
        two = dateutil_parser.parse(text, default=dt.datetime(2004, 2, 2))
    except (ValueError, OverflowError):
        raise Invalid(original, EXPECTED, problem=f"cannot read a date in {original!r}") from None
    if one.year != two.year:
        raise Invalid(original, EXPECTED, problem=f"no year in {original!r}")
    if one.month != two.month:
        return dt.date(one.year, 1, 1), "year"
    if one.day != two.day:
        return dt.date(one.year, one.month, 1), "month"
    return one.date(), "day"


def _core(text: str, original: str) -> tuple[dt.date, str]:
    """The date itself, once bound, approximation and part are read: its first day and precision."""
    if m := _YEAR.match(text):
        return dt.date(int(m[1]), 1, 1), "year"
    if m := _ISO_MONTH.match(text):
        return dt.date(int(m[1]), int(m[2]), 1), "month"
    stepped = _stepped(text)
    if stepped is not None:
        return stepped
    if "T" in text or _ISO_DAY.match(text):
        return _iso(text, original)
    return _free_form(text, original)


def _qualifiers(text: str) -> tuple[str, bool, str]:
    """The bound and approximation words in front of a date, and the rest of the text."""
    bound = "exact"
    for pattern, found in _BOUNDS:
        if m := pattern.match(text):
            bound, text = found, text[m.end() :]
            break
    if m := _APPROX.match(text):
        return bound, True, text[m.end() :]
    return bound, False, text


def read_date(text: Any) -> DateReading:
    """The FuzzyDate or RelativeDate a report's wording of a date denotes, as keyword arguments."""
    if not isinstance(text, str) or not text.strip():
        raise Invalid(text, EXPECTED)
    bound, approximate, rest = _qualifiers(_squash(text).rstrip("."))
    if m := (_RELATIVE.match(rest) or _AGO.match(rest)):
        unit = m["unit"].lower()
        return {"amount": _number(m["n"], text), "unit": unit, "approximate": approximate, "bound": bound}
    part = None
    if m := _PART.match(rest):
        part, rest = _PARTS[_squash(m[1].lower())], rest[m.end() :]
    try:
        value, precision = _core(rest, text)
    except ValueError:  # "2024-13", "0000": the shape of a date, not a real one
        raise Invalid(text, EXPECTED, problem=f"{text!r} is not a valid date") from None
    if part is not None and precision in ("day", "instant"):
        raise Invalid(text, EXPECTED, problem=f"'early', 'mid' or 'late' cannot qualify a single day in {text!r}")
    return {"value": value, "precision": precision, "part": part, "approximate": approximate, "bound": bound}


_RANGE = [
    re.compile(r"^(?:from|between)\s+(?P<a>.+?)\s+(?:to|until|till|through|and)\s+(?P<b>.+)$", re.I),
    re.compile(r"^(?P<a>.+?)\s*(?:–|—|\s-\s|\bto\b|\buntil\b|\bthrough\b)\s*(?P<b>.+)$", re.I),
]
_OPEN_START = re.compile(
    r"^(?P<q>since\s+at\s+least|at\s+least\s+since|since|starting|starting\s+in|from|beginning\s+in)\s+(?P<a>.+)$", re.I
)
_YEAR_RANGE = re.compile(r"^(\d{4})\s*[-–—]\s*(\d{4})$")  # "2019-2021", not the ISO month "2019-05"
_ISO_MONTH_OR_DAY = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_OPEN_END = re.compile(r"^(?:until|till|up\s+to|through)\s+(?P<b>.+)$", re.I)


def _range_ends(first: str, second: str) -> PeriodReading:
    """Both ends of "X to Y"; X may leave its year to Y ("between January and March 2024")."""
    end = read_date(second)
    try:
        return PeriodReading(read_date(first), end)
    except Invalid:
        if is_relative(end) or re.search(r"\d{4}", first):
            raise
        return PeriodReading(read_date(f"{first} {end['value'].year}"), end)


def _open_start(qualifier: str, first: str) -> PeriodReading:
    """ "since at least 2017": ongoing, and "at least" makes the start a bound."""
    start = read_date(first)
    if not is_relative(start) and "at least" in _squash(qualifier.lower()):
        start = {**start, "bound": "on_or_before"}
    return PeriodReading(start=start, ongoing=True)


def _single(text: str) -> PeriodReading:
    """A period worded as one date: "2023" covers it, "before 2019" ends there, "after 2019" starts."""
    date = read_date(text)
    if is_relative(date):
        return PeriodReading(start=date)
    if date["bound"] == "exact":
        return PeriodReading(start=date, end=date)
    if date["bound"] in ("before", "on_or_before"):
        return PeriodReading(end=date)
    return PeriodReading(start=date)


def _any_range(text: str) -> PeriodReading | None:
    if _ISO_MONTH_OR_DAY.match(text):
        return None
    for pattern in _RANGE:
        if m := pattern.match(text):
            try:
                return _range_ends(m["a"], m["b"])
            except Invalid:
                continue
    return None


def read_period(text: Any) -> PeriodReading:
    """The ends of the period a report's wording denotes (without the wording itself).

    "since at least 2017" starts no later than 2017 and is ongoing; "over the last three months"
    runs from three months before the report to the report; a single date is a period covering it.
    """
    if not isinstance(text, str) or not text.strip():
        raise Invalid(text, EXPECTED_PERIOD)
    rest = _squash(text).rstrip(".")
    if m := _RANGE[0].match(rest):
        return _range_ends(m["a"], m["b"])
    if m := _OPEN_START.match(rest):
        return _open_start(m["q"], m["a"])
    if m := _OPEN_END.match(rest):
        return PeriodReading(end=read_date(m["b"]))
    if _RELATIVE.match(rest):
        relative = read_date(rest)
        if is_relative(relative):
            return PeriodReading(start=relative, end={"amount": 0, "unit": relative["unit"]})
    if m := _YEAR_RANGE.match(rest):
        return PeriodReading(read_date(m[1]), read_date(m[2]))
    return _any_range(rest) or _single(rest)
