"""Fuzzy dates and periods, as threat reports state them, and a parser for their wordings."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Union

import attrs
from attrs import field, frozen
from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

from .._core.errors import FieldError, ParseError
from .._core.fields import Invalid, Vocabulary, check_bool, fail, model, to_optional_text, to_source_ids

__all__ = [
    "Anchor",
    "Bound",
    "DateLike",
    "FuzzyDate",
    "Part",
    "Period",
    "Precision",
    "RelativeDate",
    "TimeUnit",
    "parse_date",
    "parse_period",
    "to_utc",
]


class Precision(Vocabulary):
    """How much of a date the source states."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    DAY = "day"
    INSTANT = "instant"


class Part(Vocabulary):
    """ "Early", "mid" or "late" within the stated period."""

    EARLY = "early"
    MID = "mid"
    LATE = "late"


class Bound(Vocabulary):
    """Whether the date is the value itself or a bound on it.

    ``on_or_before`` is the "since at least February 2022" case: the true date is no later.
    """

    EXACT = "exact"
    BEFORE = "before"
    ON_OR_BEFORE = "on_or_before"
    ON_OR_AFTER = "on_or_after"
    AFTER = "after"


class TimeUnit(Vocabulary):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Anchor(Vocabulary):
    """What a relative date counts from."""

    REPORT = "report"


def to_utc(value: dt.datetime) -> dt.datetime:
    """Return an aware datetime in UTC; naive datetimes are refused, never guessed."""
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise Invalid(
            value,
            "a timezone-aware datetime (e.g. with tzinfo=datetime.timezone.utc)",
            problem=f"got naive datetime {value.isoformat()!r}",
        )
    return value.astimezone(dt.timezone.utc)


def _to_date_value(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return to_utc(value)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            if "T" in value or " " in value.strip():
                return to_utc(dt.datetime.fromisoformat(value.replace("Z", "+00:00")))
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise Invalid(value, "a datetime.date, an aware datetime.datetime or an ISO 8601 string")


_FIRST_MONTHS = {
    Precision.YEAR: (1,),
    Precision.HALF: (1, 7),
    Precision.QUARTER: (1, 4, 7, 10),
    Precision.MONTH: tuple(range(1, 13)),
    Precision.DAY: tuple(range(1, 13)),
}


def _to_optional_part(value: Any) -> Part | None:
    return None if value is None else Part(value)


_SPAN_MONTHS = {Precision.YEAR: 12, Precision.HALF: 6, Precision.QUARTER: 3, Precision.MONTH: 1}


def _check_value(instance: FuzzyDate, attribute: attrs.Attribute[Any], value: dt.date) -> None:
    precision = instance.precision
    if precision is Precision.INSTANT:
        if not isinstance(value, dt.datetime):
            raise fail(instance, attribute, value, "a datetime for precision 'instant'")
        return
    if isinstance(value, dt.datetime):
        raise fail(instance, attribute, value, f"a date (not a datetime) for precision {precision.value!r}")
    aligned_day = value.day == 1 or precision is Precision.DAY
    if not aligned_day or value.month not in _FIRST_MONTHS[precision]:
        raise fail(
            instance,
            attribute,
            value,
            f"the first day of the {precision.value} for precision {precision.value!r}",
            problem=f"{value.isoformat()} does not start a {precision.value}",
        )


@model
@frozen(kw_only=True)
class FuzzyDate:
    """A date as precise as its source: a year, half, quarter, month, day or instant.

    ``value`` is the first day covered (or the instant itself, in UTC). ``part`` narrows it in
    words ("early 2023"), ``approximate`` marks "around", ``bound`` turns it into a limit
    ("before 2019", "since at least February 2022") and ``wording`` keeps the source's text.
    Build one with :meth:`of` or :func:`parse_date`.
    """

    value: dt.date = field(converter=_to_date_value, validator=_check_value)
    precision: Precision = field(converter=Precision)
    part: Part | None = field(default=None, converter=_to_optional_part)
    approximate: bool = field(default=False, validator=check_bool)
    bound: Bound = field(default=Bound.EXACT, converter=Bound)
    wording: str | None = field(default=None, converter=to_optional_text)

    @classmethod
    def of(
        cls,
        year: int,
        month: int | None = None,
        day: int | None = None,
        *,
        quarter: int | None = None,
        half: int | None = None,
        part: Part | str | None = None,
        approximate: bool = False,
        bound: Bound | str = Bound.EXACT,
        wording: str | None = None,
    ) -> FuzzyDate:
        """``FuzzyDate.of(2024)``, ``of(2024, 5)``, ``of(2024, 5, 30)``, ``of(2024, quarter=1)``."""
        try:
            if quarter is not None:
                if month is not None or half is not None or not 1 <= quarter <= 4:
                    raise ValueError(f"quarter {quarter!r} must be 1 to 4, alone")
                value, precision = dt.date(year, 3 * quarter - 2, 1), Precision.QUARTER
            elif half is not None:
                if month is not None or half not in (1, 2):
                    raise ValueError(f"half {half!r} must be 1 or 2, alone")
                value, precision = dt.date(year, 6 * half - 5, 1), Precision.HALF
            elif month is None:
                if day is not None:
                    raise ValueError("a day needs a month")
                value, precision = dt.date(year, 1, 1), Precision.YEAR
            elif day is None:
                value, precision = dt.date(year, month, 1), Precision.MONTH
            else:
                value, precision = dt.date(year, month, day), Precision.DAY
        except (TypeError, ValueError) as exc:
            raise FieldError(
                owner="FuzzyDate", field="value", value=(year, month, day), expected="a valid calendar date", problem=str(exc)
            ) from None
        return cls(value=value, precision=precision, part=part, approximate=approximate, bound=bound, wording=wording)

    @classmethod
    def instant(cls, moment: dt.datetime, *, wording: str | None = None) -> FuzzyDate:
        return cls(value=moment, precision=Precision.INSTANT, wording=wording)

    @property
    def first_day(self) -> dt.date:
        """The first calendar day the date covers (ignoring part, approximation and bound)."""
        value = self.value
        return value.date() if isinstance(value, dt.datetime) else value

    @property
    def last_day(self) -> dt.date:
        """The last calendar day the date covers (ignoring part, approximation and bound)."""
        months = _SPAN_MONTHS.get(self.precision)
        first = self.first_day
        if months is None:
            return first
        # Computed within the span's own year, so that December 9999 does not overflow.
        last_month = first.month + months - 1
        return dt.date(first.year, last_month, calendar.monthrange(first.year, last_month)[1])

    @property
    def earliest(self) -> dt.date | None:
        """The earliest day the true date can be, or None when the source leaves it open."""
        if self.bound in (Bound.BEFORE, Bound.ON_OR_BEFORE):
            return None
        if self.bound is Bound.AFTER:
            last = self.last_day
            return last if last == dt.date.max else last + dt.timedelta(days=1)
        return self.first_day

    @property
    def latest(self) -> dt.date | None:
        """The latest day the true date can be, or None when the source leaves it open."""
        if self.bound in (Bound.AFTER, Bound.ON_OR_AFTER):
            return None
        if self.bound is Bound.BEFORE:
            first = self.first_day
            return first if first == dt.date.min else first - dt.timedelta(days=1)
        return self.last_day

    def isoformat(self) -> str:
        """The date's core in an ISO-like form: ``2024``, ``2024-H1``, ``2024-Q1``, ``2024-05``..."""
        value = self.value
        precision = self.precision
        if precision is Precision.YEAR:
            return f"{value.year:04d}"
        if precision is Precision.HALF:
            return f"{value.year:04d}-H{1 if value.month == 1 else 2}"
        if precision is Precision.QUARTER:
            return f"{value.year:04d}-Q{(value.month + 2) // 3}"
        if precision is Precision.MONTH:
            return f"{value.year:04d}-{value.month:02d}"
        if precision is Precision.DAY:
            return value.isoformat()
        assert isinstance(value, dt.datetime)
        return value.isoformat().replace("+00:00", "Z")

    def __str__(self) -> str:
        text = self.isoformat()
        if self.part is not None:
            text = f"{self.part.value} {text}"
        if self.approximate:
            text = f"around {text}"
        return _BOUND_WORDS.get(self.bound, "") + text


# How __str__ words a bound; parse_date reads these back.
_BOUND_WORDS = {Bound.BEFORE: "before ", Bound.ON_OR_BEFORE: "by ", Bound.ON_OR_AFTER: "from ", Bound.AFTER: "after "}


def _check_amount(instance: RelativeDate, attribute: attrs.Attribute[Any], value: int) -> None:
    if type(value) is not int or value < 0:
        raise fail(instance, attribute, value, "a whole number of units, zero or more")


@model
@frozen(kw_only=True)
class RelativeDate:
    """A date stated relative to another: "three months before the report".

    ``amount`` units before the ``anchor`` (the report's publication date); ``0`` is the anchor
    itself. :meth:`resolve` turns it into a :class:`FuzzyDate` once the anchor is known.
    """

    amount: int = field(validator=_check_amount)
    unit: TimeUnit = field(converter=TimeUnit)
    anchor: Anchor = field(default=Anchor.REPORT, converter=Anchor)
    approximate: bool = field(default=False, validator=check_bool)
    bound: Bound = field(default=Bound.EXACT, converter=Bound)
    wording: str | None = field(default=None, converter=to_optional_text)

    def resolve(self, anchor: FuzzyDate | dt.date) -> FuzzyDate:
        """The absolute date this one denotes, given the anchor's date."""
        if isinstance(anchor, FuzzyDate):
            base, precision = anchor.first_day, anchor.precision
        else:
            base, precision = (anchor.date() if isinstance(anchor, dt.datetime) else anchor), Precision.DAY
        step = {
            TimeUnit.DAY: relativedelta(days=self.amount),
            TimeUnit.WEEK: relativedelta(weeks=self.amount),
            TimeUnit.MONTH: relativedelta(months=self.amount),
            TimeUnit.YEAR: relativedelta(years=self.amount),
        }[self.unit]
        day = base - step
        if precision is Precision.INSTANT:
            precision = Precision.DAY
        if precision is not Precision.DAY:
            precision = Precision.MONTH if precision is not Precision.YEAR or self.unit is not TimeUnit.YEAR else Precision.YEAR
            day = day.replace(day=1, month=1 if precision is Precision.YEAR else day.month)
        return FuzzyDate(
            value=day,
            precision=precision,
            approximate=self.approximate or self.amount != 0,
            bound=self.bound,
            wording=self.wording,
        )

    def __str__(self) -> str:
        if self.amount == 0:
            text = f"the {self.anchor.value} date"
        else:
            plural = "" if self.amount == 1 else "s"
            text = f"{self.amount} {self.unit.value}{plural} before the {self.anchor.value}"
        if self.approximate:
            text = f"around {text}"
        exact = "at " if self.amount == 0 and not self.approximate else ""
        return _BOUND_WORDS.get(self.bound, exact) + text


DateLike = Union[FuzzyDate, RelativeDate]


def _to_optional_datelike(value: Any) -> FuzzyDate | RelativeDate | None:
    if value is None or isinstance(value, (FuzzyDate, RelativeDate)):
        return value
    if isinstance(value, str):
        try:
            return _parse_date(value, wording=True)
        except Invalid:
            pass
    if isinstance(value, dt.date):
        return FuzzyDate(value=value, precision=Precision.INSTANT if isinstance(value, dt.datetime) else Precision.DAY)
    raise Invalid(value, "a FuzzyDate, a RelativeDate, a datetime.date or a date wording such as 'May 2024'")


def ends_contradict(start: DateLike | None, end: DateLike | None) -> bool:
    """Whether ``end`` must fall before ``start``, bounds included ("after 2020" cannot end in 2020).

    Relative ends are compared only with each other, and only in the same unit; an open bound
    ("since at least 2017") never contradicts.
    """
    if isinstance(start, FuzzyDate) and isinstance(end, FuzzyDate):
        earliest, latest = start.earliest, end.latest
        return earliest is not None and latest is not None and latest < earliest
    if isinstance(start, RelativeDate) and isinstance(end, RelativeDate):
        return start.unit is end.unit and end.amount > start.amount
    return False


def _check_order(instance: Period, attribute: attrs.Attribute[Any], value: Any) -> None:
    start, end = instance.start, instance.end
    if ends_contradict(start, end):
        raise fail(
            instance,
            attribute,
            end,
            f"an end that can fall on or after the start ({start})",
            problem=f"end {end} is before start {start}",
        )


@model
@frozen(kw_only=True)
class Period:
    """A span of time: either end may be missing, fuzzy, a bound or relative to the report."""

    start: DateLike | None = field(default=None, converter=_to_optional_datelike)
    end: DateLike | None = field(default=None, converter=_to_optional_datelike, validator=_check_order)
    ongoing: bool = field(default=False, validator=check_bool)
    wording: str | None = field(default=None, converter=to_optional_text)
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __attrs_post_init__(self) -> None:
        if self.ongoing and self.end is not None:
            raise fail(
                self,
                attrs.fields(Period).ongoing,
                True,
                "no end date for an ongoing period",
                problem=f"ongoing but ends {self.end}",
            )

    def resolve(self, anchor: FuzzyDate | dt.date) -> Period:
        """This period with relative ends resolved against ``anchor``."""
        start = self.start.resolve(anchor) if isinstance(self.start, RelativeDate) else self.start
        end = self.end.resolve(anchor) if isinstance(self.end, RelativeDate) else self.end
        return attrs.evolve(self, start=start, end=end)

    def __str__(self) -> str:
        if self.wording:
            return self.wording
        start = str(self.start) if self.start is not None else "?"
        end = "ongoing" if self.ongoing else (str(self.end) if self.end is not None else "?")
        return f"{start} to {end}"


# ---------------------------------------------------------------------------------------------
# Parsing

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3,
}  # fmt: skip
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_APPROX = re.compile(r"^(?:around|about|approximately|approx\.?|circa|ca?\.|roughly|~)\s*", re.I)
_BOUNDS = (
    (
        re.compile(r"^(?:since\s+at\s+least|at\s+least\s+since|no\s+later\s+than|not\s+later\s+than|by)\s+", re.I),
        Bound.ON_OR_BEFORE,
    ),
    (re.compile(r"^(?:before|prior\s+to|earlier\s+than)\s+", re.I), Bound.BEFORE),
    (re.compile(r"^(?:after|later\s+than)\s+", re.I), Bound.AFTER),
    (re.compile(r"^(?:no\s+earlier\s+than|not\s+before|from|since)\s+", re.I), Bound.ON_OR_AFTER),
)
_PART = re.compile(r"^(early|mid|middle\s+of|late|end\s+of|beginning\s+of|start\s+of)[\s-]+", re.I)
_PARTS = {
    "early": Part.EARLY,
    "beginning of": Part.EARLY,
    "start of": Part.EARLY,
    "mid": Part.MID,
    "middle of": Part.MID,
    "late": Part.LATE,
    "end of": Part.LATE,
}
_YEAR = re.compile(r"^(\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = [
    re.compile(r"^(?P<y>\d{4})[-\s]?Q(?P<n>[1-4])$", re.I),
    re.compile(r"^Q(?P<n>[1-4])[-\s]+(?P<y>\d{4})$", re.I),
    re.compile(r"^(?:the\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?P<y>\d{4})$", re.I),
]
_HALF = [
    re.compile(r"^(?P<y>\d{4})[-\s]?H(?P<n>[12])$", re.I),
    re.compile(r"^H(?P<n>[12])[-\s]+(?P<y>\d{4})$", re.I),
    re.compile(r"^(?:the\s+)?(?P<o>first|second|1st|2nd)\s+half\s+of\s+(?P<y>\d{4})$", re.I),
]
_RELATIVE = re.compile(
    r"^(?:(?:over|in|during|within)\s+)?(?:the\s+)?(?:last|past|previous|preceding)\s+"
    r"(?P<n>\d+|a\s+few|[a-z]+)?\s*(?P<unit>day|week|month|year)s?$",
    re.I,
)
_AGO = re.compile(r"^(?P<n>\d+|a\s+few|[a-z]+)\s+(?P<unit>day|week|month|year)s?\s+(?:ago|before\s+the\s+report)$", re.I)
_EXPECTED = (
    "a date wording such as '2024', '2024-05', '2024-05-30', 'May 2024', '2024-Q1', 'early 2023' "
    "or 'since at least February 2022'"
)


def _number(text: str | None, original: str) -> int:
    if text is None:
        return 1
    text = re.sub(r"\s+", " ", text.lower())
    if text.isdecimal():
        return int(text)
    if text in _NUMBERS:
        return _NUMBERS[text]
    raise Invalid(original, _EXPECTED, problem=f"cannot read the number {text!r} in {original!r}")


def _core(text: str, original: str) -> tuple[dt.date, Precision]:
    if m := _YEAR.match(text):
        return dt.date(int(m[1]), 1, 1), Precision.YEAR
    if m := _ISO_MONTH.match(text):
        return dt.date(int(m[1]), int(m[2]), 1), Precision.MONTH
    for pattern in _QUARTER:
        if m := pattern.match(text):
            n = int(m["n"]) if m.groupdict().get("n") else _ORDINALS[m["o"].lower()]
            return dt.date(int(m["y"]), 3 * n - 2, 1), Precision.QUARTER
    for pattern in _HALF:
        if m := pattern.match(text):
            n = int(m["n"]) if m.groupdict().get("n") else _ORDINALS[m["o"].lower()]
            return dt.date(int(m["y"]), 6 * n - 5, 1), Precision.HALF
    if "T" in text or re.match(r"^\d{4}-\d{2}-\d{2}$", text):
        try:
            value = _to_date_value(text)
        except Invalid:
            raise Invalid(original, _EXPECTED, problem=f"{original!r} is not a valid ISO 8601 date") from None
        return value, (Precision.INSTANT if isinstance(value, dt.datetime) else Precision.DAY)
    # Two parses with different defaults reveal which parts the text really states.
    try:
        one = dateutil_parser.parse(text, default=dt.datetime(2000, 1, 1))
        two = dateutil_parser.parse(text, default=dt.datetime(2004, 2, 2))
    except (ValueError, OverflowError):
        raise Invalid(original, _EXPECTED, problem=f"cannot read a date in {original!r}") from None
    if one.year != two.year:
        raise Invalid(original, _EXPECTED, problem=f"no year in {original!r}")
    if one.month != two.month:
        return dt.date(one.year, 1, 1), Precision.YEAR
    if one.day != two.day:
        return dt.date(one.year, one.month, 1), Precision.MONTH
    return one.date(), Precision.DAY


def parse_date(text: str, *, wording: bool = True) -> FuzzyDate | RelativeDate:
    """Read a date as a report words it.

    >>> str(parse_date("since at least February 2022"))
    'by 2022-02'
    >>> parse_date("2024-Q1").isoformat()
    '2024-Q1'

    The source's text is kept as ``wording`` unless ``wording=False``. Raises
    :class:`~opsmodel.ParseError` (a ``ValueError``) when the text is not a date.
    """
    try:
        return _parse_date(text, wording=wording)
    except Invalid as exc:
        raise ParseError(text=text, expected=exc.expected, problem=exc.problem) from None


def _parse_date(text: str, *, wording: bool) -> FuzzyDate | RelativeDate:
    if not isinstance(text, str) or not text.strip():
        raise Invalid(text, _EXPECTED)
    original = text
    rest = re.sub(r"\s+", " ", text.strip()).rstrip(".")
    bound = Bound.EXACT
    for pattern, found in _BOUNDS:
        if m := pattern.match(rest):
            bound, rest = found, rest[m.end() :]
            break
    approximate = False
    if m := _APPROX.match(rest):
        approximate, rest = True, rest[m.end() :]
    kept = original if wording else None
    if m := (_RELATIVE.match(rest) or _AGO.match(rest)):
        return RelativeDate(
            amount=_number(m["n"], original),
            unit=TimeUnit(m["unit"].lower()),
            approximate=approximate,
            bound=bound,
            wording=kept,
        )
    part = None
    if m := _PART.match(rest):
        part, rest = _PARTS[re.sub(r"\s+", " ", m[1].lower())], rest[m.end() :]
    try:
        value, precision = _core(rest, original)
    except ValueError:  # "2024-13", "0000": the shape of a date, not a real one
        raise Invalid(original, _EXPECTED, problem=f"{original!r} is not a valid date") from None
    if part is not None and precision in (Precision.DAY, Precision.INSTANT):
        raise Invalid(original, _EXPECTED, problem=f"'early', 'mid' or 'late' cannot qualify a single day in {original!r}")
    return FuzzyDate(value=value, precision=precision, part=part, approximate=approximate, bound=bound, wording=kept)


_RANGE = [
    re.compile(r"^(?:from|between)\s+(?P<a>.+?)\s+(?:to|until|till|through|and)\s+(?P<b>.+)$", re.I),
    re.compile(r"^(?P<a>.+?)\s*(?:–|—|\s-\s|\bto\b|\buntil\b|\bthrough\b)\s*(?P<b>.+)$", re.I),
]
_OPEN_START = re.compile(
    r"^(?P<q>since\s+at\s+least|at\s+least\s+since|since|starting|starting\s+in|from|beginning\s+in)\s+(?P<a>.+)$", re.I
)
_YEAR_RANGE = re.compile(r"^(\d{4})\s*[-–—]\s*(\d{4})$")  # "2019-2021", not the ISO month "2019-05"
_OPEN_END = re.compile(r"^(?:until|till|up\s+to|through)\s+(?P<b>.+)$", re.I)


def parse_period(text: str) -> Period:
    """Read a span as a report words it.

    "since at least 2017" starts no later than 2017 and is ongoing; "over the last three months"
    runs from three months before the report to the report; "May 2023 to March 2024" has both ends.
    A single date ("2023") is a period covering it. Raises :class:`~opsmodel.ParseError`.
    """
    try:
        return _parse_period(text)
    except Invalid as exc:
        raise ParseError(text=text, expected=exc.expected, problem=exc.problem) from None


def _range_ends(first: str, second: str) -> tuple[FuzzyDate | RelativeDate, FuzzyDate | RelativeDate]:
    """Both ends of "X to Y"; X may leave its year to Y ("between January and March 2024")."""
    end = _parse_date(second, wording=False)
    try:
        return _parse_date(first, wording=False), end
    except Invalid:
        if not isinstance(end, FuzzyDate) or re.search(r"\d{4}", first):
            raise
        return _parse_date(f"{first} {end.value.year}", wording=False), end


def _parse_period(text: str) -> Period:
    if not isinstance(text, str) or not text.strip():
        raise Invalid(text, "a period wording such as 'since at least 2017' or 'May 2023 to March 2024'")
    rest = re.sub(r"\s+", " ", text.strip()).rstrip(".")
    if m := _RANGE[0].match(rest):
        start, end = _range_ends(m["a"], m["b"])
        return Period(start=start, end=end, wording=text)
    if m := _OPEN_START.match(rest):
        start = _parse_date(m["a"], wording=False)
        qualifier = re.sub(r"\s+", " ", m["q"].lower())
        if isinstance(start, FuzzyDate) and "at least" in qualifier:
            start = attrs.evolve(start, bound=Bound.ON_OR_BEFORE)
        return Period(start=start, ongoing=True, wording=text)
    if m := _OPEN_END.match(rest):
        return Period(end=_parse_date(m["b"], wording=False), wording=text)
    relative = _parse_date(rest, wording=False) if (_RELATIVE.match(rest)) else None
    if isinstance(relative, RelativeDate):
        return Period(start=relative, end=RelativeDate(amount=0, unit=relative.unit), wording=text)
    if m := _YEAR_RANGE.match(rest):
        return Period(start=_parse_date(m[1], wording=False), end=_parse_date(m[2], wording=False), wording=text)
    for pattern in _RANGE:
        if (m := pattern.match(rest)) and not re.match(r"^\d{4}-\d{2}(-\d{2})?$", rest):
            try:
                a, b = _range_ends(m["a"], m["b"])
            except Invalid:
                continue
            return Period(start=a, end=b, wording=text)
    single = _parse_date(rest, wording=False)
    if isinstance(single, FuzzyDate) and single.bound is Bound.EXACT:
        return Period(start=single, end=single, wording=text)
    if isinstance(single, FuzzyDate) and single.bound in (Bound.BEFORE, Bound.ON_OR_BEFORE):
        return Period(end=single, wording=text)
    return Period(start=single, wording=text)
