"""Reading dates as reports word them ("since at least February 2022", "March 3, 2021").

Only text analysis: a reading is the keyword arguments of the value the text denotes (vocabulary
members as their plain string values), so that :mod:`.dates` builds the classes from it and this
module needs none of them. A text that is not a date raises :class:`~opsmodel._core.fields.Invalid`.
Periods are read by :mod:`.period_wording`; the grammar of both is listed, with an example of
every form, in ``docs/reference/wordings.md``.

Nothing is guessed: every part of the date (year, month, day) must be in the text, and a word
the reader does not know is refused with its name. The regular expressions are anchored and have
no two quantifiers that can match the same characters, so reading takes linear time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from .._core.fields import Invalid, shown
from .wording import checked, tokens

#: The keyword arguments of a FuzzyDate (``value``, ``precision``...) or of a RelativeDate
#: (``amount``, ``unit``...): the only readings with a ``unit``.
DateReading = dict[str, Any]


def is_relative(reading: DateReading) -> bool:
    return "unit" in reading


_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3,
}  # fmt: skip
_VAGUE_NUMBERS = {"several", "a few", "few"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_APPROX = re.compile(r"^(?:around|about|approximately|approx\.?|circa|ca?\.|roughly|~)\s*", re.I)
_BOUNDS = (
    (
        re.compile(
            r"^(?:since\s+at\s+least|at\s+least\s+since|no\s+later\s+than|not\s+later\s+than|as\s+early\s+as|by)\s+", re.I
        ),
        "on_or_before",
    ),
    (re.compile(r"^(?:before|prior\s+to|earlier\s+than)\s+", re.I), "before"),
    (re.compile(r"^(?:after|later\s+than)\s+", re.I), "after"),
    (
        re.compile(
            r"^(?:no\s+earlier\s+than|not\s+before|until\s+at\s+least|through\s+at\s+least|as\s+late\s+as|"
            r"as\s+recently\s+as|from|since)\s+",
            re.I,
        ),
        "on_or_after",
    ),
    (re.compile(r"^(?:as\s+of|on|in)\s+", re.I), "exact"),
)
_PART = re.compile(r"^(?:the\s+)?(early|mid|middle\s+of|late|end\s+of|beginning\s+of|start\s+of)[\s-]+", re.I)
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
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\S+)?$")
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
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"
RELATIVE = re.compile(
    r"^(?:(?:over|in|during|within|throughout)\s+)?(?:the\s+)?(?:last|past|previous|preceding)\s+"
    r"(?:(?P<n>\d{1,6}|a\s+few|[a-z]+)\s+)?" + _UNIT + "$",
    re.I,
)
_AGO = re.compile(r"^(?P<n>\d{1,6}|a\s+few|[a-z]+)\s+" + _UNIT + r"\s+(?:ago|before\s+the\s+report)$", re.I)
# "at the time of writing": the report's own date.
_WRITING = re.compile(
    r"^(?:at\s+|as\s+of\s+)?(?:the\s+time\s+of\s+(?:this\s+)?(?:writing|publication|this\s+report)|this\s+writing|"
    r"writing|publication|the\s+report\s+date|the\s+date\s+of\s+the\s+report)$",
    re.I,
)
# "almost three years", "for two months": how long, not when.
_DURATION = re.compile(
    r"^(?:for\s+)?(?:(?:about|almost|nearly|over|around|roughly|approximately|more\s+than|less\s+than|just\s+over|"
    r"just\s+under|some|at\s+least|up\s+to)\s+)?(?:\d{1,6}|a\s+few|[a-z]+)\s+" + _UNIT + r"(?:\s+long)?$",
    re.I,
)
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
    "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_DAY_SUFFIXES = {"st", "nd", "rd", "th"}
_FILLERS = {"the", "of", ","}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3,
    "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip
EXPECTED = (
    "a date wording such as '2024', '2024-05', '2024-05-30', 'May 2024', 'March 3, 2021', '2024-Q1', "
    "'early 2023' or 'since at least February 2022'"
)


def squash(text: str) -> str:
    return " ".join(text.split())


def _fail(original: str, problem: str) -> Invalid:
    return Invalid(original, EXPECTED, problem=problem)


def _number(text: str | None, original: str) -> int:
    if text is None:
        return 1
    text = squash(text.lower())
    if text.isdecimal():
        return int(text)
    if text in _NUMBERS:
        return _NUMBERS[text]
    raise _fail(original, f"cannot read the number {shown(text)} in {shown(original)}")


def _iso(text: str, original: str) -> tuple[dt.date, str]:
    """An ISO 8601 day, or an instant that names its offset (a naive one is refused, never guessed)."""
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text), "day"
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.utcoffset() is not None:
            return moment.astimezone(dt.timezone.utc), "instant"
    except OverflowError:
        raise _fail(original, f"{shown(original)} falls outside the years 1 to 9999 once in UTC") from None
    except ValueError:
        pass
    raise _fail(original, f"{shown(original)} is not a valid ISO 8601 date or instant (an instant names its UTC offset)")


def _stepped(text: str) -> tuple[dt.date, str] | None:
    """A quarter or a half ("2024-Q1", "the second half of 2023"), or None."""
    for patterns, months, precision in _STEPS:
        for pattern in patterns:
            if m := pattern.match(text):
                n = int(m["n"]) if m.groupdict().get("n") else _ORDINALS[m["o"].lower()]
                return dt.date(int(m["y"]), months * (n - 1) + 1, 1), precision
    return None


#: A date's stated parts: year, month and day, each None when the text leaves it out.
Parts = tuple[int | None, int | None, int | None]


def parts_of(text: str, original: str) -> Parts:
    """The year, month and day a plain wording states ("March 3, 2021", "3rd of March", "7, 2021").

    The year comes last; day and month in either order; "the", "of" and commas are skipped.
    """
    year = month = day = None
    words = tokens(text)
    at = 0
    while at < len(words):
        word, said = words[at].text, text[words[at].start : words[at].end]
        at += 1
        if word in _FILLERS or (word in _WEEKDAYS and at == 1):
            continue
        if year is not None:
            raise _fail(original, f"cannot read {shown(said)} after the year in {shown(original)}")
        if word in _MONTHS and month is None:
            month = _MONTHS[word]
        elif word.isdecimal() and len(word) == 4:
            year = int(word)
        elif word.isdecimal() and len(word) <= 2 and day is None and 1 <= int(word) <= 31:
            day = int(word)
            at += at < len(words) and words[at].text in _DAY_SUFFIXES
        else:
            raise _fail(original, f"cannot read {shown(said)} in {shown(original)} as a day, month or year")
    return year, month, day


def date_of(parts: Parts, original: str) -> tuple[dt.date, str]:
    """The first day and precision of a date stated in parts; a missing year or month is refused."""
    year, month, day = parts
    if year is None:
        raise _fail(original, f"no year in {shown(original)}")
    if month is None and day is not None:
        raise _fail(original, f"a day without a month in {shown(original)}")
    try:
        if month is None:
            return dt.date(year, 1, 1), "year"
        if day is None:
            return dt.date(year, month, 1), "month"
        return dt.date(year, month, day), "day"
    except ValueError:
        raise _fail(original, f"{shown(original)} is not a date on the calendar") from None


def _core(text: str, original: str) -> tuple[dt.date, str]:
    """The date itself, once bound, approximation and part are read: its first day and precision."""
    if m := _YEAR.match(text):
        return dt.date(int(m[1]), 1, 1), "year"
    if m := _ISO_MONTH.match(text):
        return dt.date(int(m[1]), int(m[2]), 1), "month"
    stepped = _stepped(text)
    if stepped is not None:
        return stepped
    if _ISO.match(text):
        return _iso(text, original)
    value, precision = date_of(parts_of(text, original), original)
    _check_weekday(text, value, precision, original)
    return value, precision


def _check_weekday(text: str, value: dt.date, precision: str, original: str) -> None:
    """A weekday in front of a day ("Tuesday, March 3, 2021") must be that day's."""
    words = tokens(text)
    weekday = _WEEKDAYS.get(words[0].text) if words else None
    if weekday is None:
        return
    if precision != "day":
        raise _fail(original, f"a weekday without a day in {shown(original)}")
    if value.weekday() != weekday:
        named = calendar.day_name[value.weekday()]
        raise _fail(original, f"{value.isoformat()} was a {named}, not the weekday {shown(original)} names")


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


def _relative(rest: str, original: str, approximate: bool, bound: str) -> DateReading | None:
    """ "the last three months", "two years ago", "at the time of writing" (0 days), or None."""
    if _WRITING.match(rest):
        return {"amount": 0, "unit": "day", "approximate": approximate, "bound": bound}
    m = RELATIVE.match(rest) or _AGO.match(rest)
    if m is None:
        return None
    unit, amount = m["unit"].lower(), _number(m["n"], original)
    if unit == "decade":
        unit, amount = "year", amount * 10
    # "a few days ago": 3 is an estimate, never a figure the text gives.
    vague = m["n"] is not None and squash(m["n"].lower()) in _VAGUE_NUMBERS
    return {"amount": amount, "unit": unit, "approximate": approximate or vague, "bound": bound}


def read_date(text: Any) -> DateReading:
    """The FuzzyDate or RelativeDate a report's wording of a date denotes, as keyword arguments."""
    original = checked(text, EXPECTED)
    bound, approximate, rest = _qualifiers(squash(original).rstrip("."))
    relative = _relative(rest, original, approximate, bound)
    if relative is not None:
        return relative
    if _DURATION.match(squash(original).rstrip(".")):
        raise _fail(
            original,
            f"{shown(original)} says how long, not when: name when it started or ended "
            "('over the last three years', 'since 2021'), or read it with parse_duration or parse_period",
        )
    part = None
    if m := _PART.match(rest):
        part, rest = _PARTS[squash(m[1].lower())], rest[m.end() :]
    try:
        value, precision = _core(rest, original)
    except ValueError:  # "2024-13", "0000": the shape of a date, not a real one
        raise _fail(original, f"{shown(original)} is not a valid date") from None
    if part is not None and precision in ("day", "instant"):
        raise _fail(original, f"'early', 'mid' or 'late' cannot qualify a single day in {shown(original)}")
    return {"value": value, "precision": precision, "part": part, "approximate": approximate, "bound": bound}
