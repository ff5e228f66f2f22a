"""Fuzzy dates and periods, as threat reports state them; their wordings are read by :mod:`.date_wording`."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Any, Union

import attrs
from attrs import field, frozen
from dateutil.relativedelta import relativedelta

from .._core.errors import FieldError, ParseError
from .._core.fields import Invalid, OptionalOf, Vocabulary, check_bool, fail, model, shown, to_optional_text, to_source_ids
from .date_wording import DateReading, is_relative, read_date
from .durations import MAX_AMOUNTS, Duration, TimeUnit, ends_with_unit, read_duration, to_optional_duration
from .period_wording import PeriodReading, read_period


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

    #: Early in the span ("early 2023").
    EARLY = "early"
    #: In the middle of the span ("mid-2023").
    MID = "mid"
    #: Late in the span ("late 2023").
    LATE = "late"


class Bound(Vocabulary):
    """Whether the date is the value itself or a bound on it.

    ``on_or_before`` is the "since at least February 2022" case: the true date is no later.
    """

    #: The date itself.
    EXACT = "exact"
    #: Strictly before the date ("before 2019").
    BEFORE = "before"
    #: No later than the date ("since at least February 2022", "by May").
    ON_OR_BEFORE = "on_or_before"
    #: No earlier than the date ("from 2020").
    ON_OR_AFTER = "on_or_after"
    #: Strictly after the date ("after 2020").
    AFTER = "after"


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
    try:
        return value.astimezone(dt.timezone.utc)
    except OverflowError:
        raise Invalid(
            value,
            "a datetime within the years 1 to 9999 once in UTC",
            problem=f"{value.isoformat()!r} falls outside the years 1 to 9999 once in UTC",
        ) from None


def to_date_value(value: dt.date | str) -> dt.date:
    """Accept a date, an aware datetime (kept in UTC) or their ISO 8601 text."""
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

    #: The first day the date covers (1 May for "May 2024"), or the instant itself, in UTC.
    value: dt.date = field(converter=to_date_value, validator=_check_value)
    #: How much of the date the source states: a year, half, quarter, month, day or instant.
    precision: Precision = field(converter=Precision)
    #: "Early", "mid" or "late" within the stated span.
    part: Part | None = field(default=None, converter=OptionalOf[Part])
    #: True when the source says "around" or "about".
    approximate: bool = field(default=False, validator=check_bool)
    #: Whether the date is the value itself or a limit ("before 2019", "since at least February
    #: 2022").
    bound: Bound = field(default=Bound.EXACT, converter=Bound)
    #: The date as the source words it.
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
    most = MAX_AMOUNTS.get(instance.unit)
    if most is not None and value > most:
        reach = "" if instance.unit is TimeUnit.YEAR else " (1,000 years)"
        raise fail(
            instance,
            attribute,
            value,
            f"at most {most:,} {instance.unit.value}s{reach}",
            problem=f"{value:,} {instance.unit.value}s reach back more than 1,000 years",
        )


@model
@frozen(kw_only=True)
class RelativeDate:
    """A date stated relative to another: "three months before the report".

    ``amount`` units before the ``anchor`` (the report's publication date); ``0`` is the anchor
    itself. :meth:`resolve` turns it into a :class:`FuzzyDate` once the anchor is known.
    """

    #: How many units before the anchor; 0 is the anchor itself.
    amount: int = field(validator=_check_amount)
    #: The unit counted: days, weeks, months or years.
    unit: TimeUnit = field(converter=TimeUnit)
    #: What the date counts from: the report's publication date.
    anchor: Anchor = field(default=Anchor.REPORT, converter=Anchor)
    #: True when the source says "around" or "about".
    approximate: bool = field(default=False, validator=check_bool)
    #: Whether the date is the value itself or a limit on it ("since at least three months
    #: before the report").
    bound: Bound = field(default=Bound.EXACT, converter=Bound)
    #: The date as the source words it.
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
        try:
            day = base - step
        except (OverflowError, ValueError):
            raise FieldError(
                owner="RelativeDate",
                field="amount",
                value=self.amount,
                expected=f"an amount that stays after the year 1 counted back from {base.isoformat()}",
                problem=f"{self} is before the year 1 when the report is dated {base.isoformat()}",
            ) from None
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


def _date_from(reading: DateReading, wording: str | None = None) -> FuzzyDate | RelativeDate:
    """The date a wording reader's reading denotes."""
    return RelativeDate(**reading, wording=wording) if is_relative(reading) else FuzzyDate(**reading, wording=wording)


def _end_from(reading: DateReading | None) -> FuzzyDate | RelativeDate | None:
    return None if reading is None else _date_from(reading)


def to_optional_datelike(value: FuzzyDate | RelativeDate | dt.date | str | None) -> FuzzyDate | RelativeDate | None:
    """Accept a date object, a ``datetime.date`` or a report's wording of a date."""
    if value is None or isinstance(value, (FuzzyDate, RelativeDate)):
        return value
    if isinstance(value, str):
        try:
            return _date_from(read_date(value), wording=value)
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

    #: When the span began; None when the source does not say.
    start: DateLike | None = field(default=None, converter=to_optional_datelike)
    #: When the span ended; None when the source does not say or it goes on.
    end: DateLike | None = field(default=None, converter=to_optional_datelike, validator=_check_order)
    #: True when the source says the span had not ended when it wrote.
    ongoing: bool = field(default=False, validator=check_bool)
    #: How long the span lasted, when the source says it ("for almost three years"); None when it
    #: does not. Validation warns (OPS109) when it cannot fit between the ends.
    length: Duration | None = field(default=None, converter=to_optional_duration)
    #: The span as the source words it ("between January and March 2024").
    wording: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
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
        if self.length is None:
            return f"{start} to {end}"
        if (self.start, self.end, self.ongoing) == (None, None, False):
            return f"for {self.length}"
        return f"{start} to {end}, for {self.length}"


def _parse_error(text: Any, exc: Invalid | FieldError) -> ParseError:
    if isinstance(exc, Invalid):
        return ParseError(text=text, expected=exc.expected, problem=exc.problem)
    problem = f"{shown(text)} reads as a value the model refuses: {exc.problem}"
    return ParseError(text=text, expected=exc.expected, problem=problem)


def parse_date(text: str, *, wording: bool = True) -> FuzzyDate | RelativeDate:
    """Read a date as a report words it.

    >>> str(parse_date("since at least February 2022"))
    'by 2022-02'
    >>> parse_date("2024-Q1").isoformat()
    '2024-Q1'

    The source's text is kept as ``wording`` unless ``wording=False``. A range ("March 3-7,
    2021") or a season is a period: read it with :func:`parse_period`. Raises
    :class:`~opsmodel.ParseError` (a ``ValueError``) when the text is not a date;
    ``docs/reference/wordings.md`` lists the grammar.
    """
    try:
        return _date_from(read_date(text), wording=text if wording else None)
    except FieldError as exc:
        raise _parse_error(text, exc) from None
    except Invalid as exc:
        error = _parse_error(text, exc)
    try:
        read_period(text)
    except Invalid:
        raise error from None
    raise ParseError(
        text=text,
        expected=error.expected,
        problem=f"{shown(text)} is a period (a range, a season or an open span), not one date: read it with parse_period",
    )


def parse_period(text: str, *, sources: Iterable[str] = ()) -> Period:
    """Read a span as a report words it; ``sources`` cites it (ids of the operation's sources).

    "since at least 2017" starts no later than 2017 and is ongoing; "over the last three months"
    runs from three months before the report to the report; "May 2023 to March 2024" has both ends;
    "March 3-7, 2021" and "summer 2023" too. A single date ("2023") is a period covering it.
    Raises :class:`~opsmodel.ParseError`; ``docs/reference/wordings.md`` lists the grammar.

    >>> parse_period("since 2021", sources=["meta-q1"]).sources
    ('meta-q1',)
    """
    try:
        reading, length = _read_period_and_length(text)
        period = Period(
            start=_end_from(reading.start), end=_end_from(reading.end), ongoing=reading.ongoing, length=length, wording=text
        )
    except (Invalid, FieldError) as exc:
        raise _parse_error(text, exc) from None
    # Outside the try: a bad source id is the caller's FieldError, not a problem of the text.
    return attrs.evolve(period, sources=sources) if sources else period


# "for six months in 2023", "three years, from 2019": a duration, then where the span lies.
_DURATION_THEN = (", in ", " in ", ", from ", " from ", ", starting in ", " starting in ", ", beginning in ", " beginning in ")


def _read_period_and_length(text: Any) -> tuple[PeriodReading, Duration | None]:
    """The ends a wording gives a period and the length it states: a period wording, a duration
    ("almost three years") or a duration placed in a year or from a date ("for six months in 2023")."""
    try:
        return read_period(text), None
    except Invalid as exc:
        if not isinstance(text, str):
            raise
        error = exc
    if ends_with_unit(text):
        return PeriodReading(), Duration(**read_duration(text), wording=text)
    low = text.lower()
    for joint in _DURATION_THEN:
        at = low.find(joint)
        if at > 0 and ends_with_unit(text[:at]):
            return _placed(text[:at], joint, text[at + len(joint) :], text)
    raise error


def _placed(said: str, joint: str, where: str, original: str) -> tuple[PeriodReading, Duration]:
    """ "for six months in 2023": within 2023; "three years from 2019": starts in 2019 (an exact date only)."""
    length = Duration(**read_duration(said), wording=said)
    date = read_date(where)
    if is_relative(date) or date["bound"] != "exact":
        raise Invalid(
            original, EXPECTED_PERIOD_OR_DURATION, problem=f"a duration is placed only in or from a plain date: {shown(original)}"
        )
    if "in" in joint.split() and "starting" not in joint and "beginning" not in joint:
        return PeriodReading(start=date, end=date), length
    return PeriodReading(start=date), length


EXPECTED_PERIOD_OR_DURATION = "a period wording such as 'since 2021' or a duration such as 'for six months in 2023'"


def to_optional_fuzzy_date(value: FuzzyDate | dt.date | str | None) -> FuzzyDate | None:
    """An absolute date (or None): a FuzzyDate, a date or a wording; a date relative to the report is refused."""
    converted = to_optional_datelike(value)
    if converted is not None and not isinstance(converted, FuzzyDate):
        raise Invalid(value, "an absolute date (a FuzzyDate), not one relative to the report")
    return converted


def to_optional_period(value: Period | None) -> Period | None:
    """A Period (or None); build one with parse_period or Period(...)."""
    if value is None or isinstance(value, Period):
        return value
    raise Invalid(value, "a Period (see opsmodel.parse_period)")
