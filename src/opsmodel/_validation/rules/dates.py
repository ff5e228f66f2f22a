"""OPS1xx: dates in order, and after nothing the report could not have known.

Every rule is sound on fuzzy data: two dates are out of order only if they are on every reading
("since at least 2017" has no earliest day; "around May 2023" is widened to April to June).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from typing import Any

from dateutil.relativedelta import relativedelta

from ..._core.errors import Problem
from ..._model.claims import DatedEvent
from ..._model.counts import CountKind
from ..._model.dates import DateLike, FuzzyDate, Period, Precision, RelativeDate
from ..._model.durations import UNIT_DAYS, Duration
from ..._model.operations import Operation
from ..engine import Context
from .base import ERROR, WARNING, Family

FAMILY = Family()


def _absolute(value: DateLike | None, context: Context) -> FuzzyDate | None:
    """The date as a FuzzyDate (relative ones resolved against the report's date), else None."""
    if isinstance(value, FuzzyDate):
        return value
    if isinstance(value, RelativeDate) and context.report is not None and context.report.published is not None:
        return _resolve(value, context.report.published)
    return None


@functools.lru_cache(maxsize=4096)
def _resolve(value: RelativeDate, anchor: FuzzyDate) -> FuzzyDate:
    return value.resolve(anchor)


# "around May 2023" is taken to mean within a month of May 2023: approximate dates are widened
# by one unit of their precision (a week for days) before any comparison.
_MARGIN = {
    Precision.YEAR: relativedelta(years=1),
    Precision.HALF: relativedelta(months=6),
    Precision.QUARTER: relativedelta(months=3),
    Precision.MONTH: relativedelta(months=1),
    Precision.DAY: relativedelta(days=7),
    Precision.INSTANT: relativedelta(days=7),
}


@functools.lru_cache(maxsize=4096)
def _bounds(value: FuzzyDate) -> tuple[dt.date | None, dt.date | None]:
    """The firm (earliest, latest) days of a date; approximate ones widened by their margin."""
    earliest, latest = value.earliest, value.latest
    if value.approximate:
        margin = _MARGIN[value.precision]
        earliest = None if earliest is None else _shift(earliest, -margin)
        latest = None if latest is None else _shift(latest, margin)
    return earliest, latest


def _shift(day: dt.date, by: relativedelta) -> dt.date | None:
    try:
        return day + by
    except (OverflowError, ValueError):  # beyond year 1 or 9999: no firm bound
        return None


def _earliest(value: FuzzyDate | None) -> dt.date | None:
    return None if value is None else _bounds(value)[0]


def _latest(value: FuzzyDate | None) -> dt.date | None:
    return None if value is None else _bounds(value)[1]


def _before(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    """Whether ``a`` certainly ends before ``b`` can begin."""
    a_latest, b_earliest = _latest(a), _earliest(b)
    return a_latest is not None and b_earliest is not None and a_latest < b_earliest


def _start(period: Period | None, context: Context) -> FuzzyDate | None:
    return None if period is None else _absolute(period.start, context)


def _dated_facts(operation: Operation, context: Context) -> Iterator[tuple[str, FuzzyDate]]:
    """Every absolute date the operation states, with its path (relative ones resolved if possible)."""
    for name in ("activity", "detected"):
        period: Period | None = getattr(operation, name)
        if period is not None:
            for end in ("start", "end"):
                date = _absolute(getattr(period, end), context)
                if date is not None:
                    yield f"{name}.{end}", date
    for name, field in (("disruptions", "date"), ("attributions", "claimed"), ("impacts", "rated"), ("relations", "claimed")):
        for i, item in enumerate(getattr(operation, name)):
            date = getattr(item, field)
            if date is not None:
                yield f"{name}[{i}].{field}", date
    for i, claim in enumerate(operation.date_claims):
        date = _absolute(claim.date, context)
        if date is not None:
            yield f"date_claims[{i}].date", date
    yield from _measure_dates(operation, context)
    yield from _presence_dates(operation, context)
    yield from _conduct_periods(operation, context)


def _conduct_periods(operation: Operation, context: Context) -> Iterator[tuple[str, FuzzyDate]]:
    """When each AI use ran and the span of each repeated disruption (model 1.1), with their paths."""
    for name in ("ai_uses", "disruptions"):
        for i, item in enumerate(getattr(operation, name)):
            if item.period is not None:
                for end in ("start", "end"):
                    date = _absolute(getattr(item.period, end), context)
                    if date is not None:
                        yield f"{name}[{i}].period.{end}", date


def _measure_dates(operation: Operation, context: Context) -> Iterator[tuple[str, FuzzyDate]]:
    """When each measure was taken (``as_of``) and the period it covers, with their paths."""
    for i, measure in enumerate(operation.measures):
        dates = {"as_of": measure.as_of}
        if measure.period is not None:
            dates.update({"period.start": measure.period.start, "period.end": measure.period.end})
        for name, value in dates.items():
            date = _absolute(value, context)
            if date is not None:
                yield f"measures[{i}].{name}", date


def _presence_dates(operation: Operation, context: Context) -> Iterator[tuple[str, FuzzyDate]]:
    """Model 1.1's dates: since when a target or a language, when a venue was used, when an artefact came out.

    A target event's date is left out: an operation may aim at an election still to come.
    """
    for name, field in (("targets", "since"), ("language_uses", "since"), ("artefacts", "published")):
        for i, item in enumerate(getattr(operation, name)):
            date = getattr(item, field)
            if date is not None:
                yield f"{name}[{i}].{field}", date
    for i, venue in enumerate(operation.venues):
        if venue.period is not None:
            for end in ("start", "end"):
                value = _absolute(getattr(venue.period, end), context)
                if value is not None:
                    yield f"venues[{i}].period.{end}", value


# What can be dated before an event: (the list, the date field, who or what it is)
_DISRUPTIONS: tuple[str, str, Callable[[Any], str]] = ("disruptions", "date", lambda item: f"disruption by {item.by}")
_CLAIMS: tuple[str, str, Callable[[Any], str]] = ("attributions", "claimed", lambda item: f"claim by {item.claimant}")
_RATINGS: tuple[str, str, Callable[[Any], str]] = ("impacts", "rated", lambda item: "rating")


def _dated_before(
    operation: Operation, dated: tuple[str, str, Callable[[Any], str]], bound: FuzzyDate | None, event: str
) -> Iterator[Problem]:
    """A problem for every item of a list whose date certainly falls before ``bound``, the date of ``event``."""
    where, field, who = dated
    for i, item in enumerate(getattr(operation, where)):
        date = getattr(item, field)
        if _before(date, bound):
            yield Problem(path=f"{where}[{i}].{field}", message=f"{who(item)} dated {date}, before {event} ({bound})", value=date)


# ---------------------------------------------------------------------------------------------
# The rules


@FAMILY.rule("OPS101", "detected-before-activity", ERROR)
def _detected_before_activity(operation: Operation, context: Context) -> Iterator[Problem]:
    """The detection period starts before the activity could have begun: an operation cannot be detected
    before it exists.
    """
    detected, started = _start(operation.detected, context), _start(operation.activity, context)
    if _before(detected, started):
        yield Problem(
            path="detected.start", message=f"detected from {detected}, before the activity began ({started})", value=detected
        )


@FAMILY.rule("OPS102", "disrupted-before-activity", ERROR)
def _disrupted_before_activity(operation: Operation, context: Context) -> Iterator[Problem]:
    """A disruption is dated before the activity could have begun."""
    yield from _dated_before(operation, _DISRUPTIONS, _start(operation.activity, context), "the activity began")


@FAMILY.rule("OPS103", "date-after-report", ERROR)
def _date_after_report(operation: Operation, context: Context) -> Iterator[Problem]:
    """A date of the operation (activity, detection, disruption, claim, rating, when a measure was taken or the
    period it covers, when an AI tool was used or a repeated disruption ran) falls after the publication of the
    report that describes it.
    """
    published = context.report.published if context.report is not None else None
    for path, date in _dated_facts(operation, context):
        if _before(published, date):
            yield Problem(path=path, message=f"{date} is after the report's publication ({published})", value=date)


@FAMILY.rule("OPS104", "source-after-report", WARNING)
def _source_after_report(operation: Operation, context: Context) -> Iterator[Problem]:
    """A source the operation cites was published after the report; fine for a corpus updated later,
    suspicious in one report. Coverage of the report itself (a source whose ``covers`` is the report)
    comes after it by nature and is not reported.
    """
    report = context.report
    published = report.published if report is not None else None
    for i, source in enumerate(operation.sources):
        covers_report = report is not None and source.covers == report.id
        if not covers_report and _before(published, source.published):
            message = f"source {source.id!r} published {source.published}, after the report ({published})"
            yield Problem(path=f"sources[{i}].published", message=message, value=source.published)


@FAMILY.rule("OPS105", "disrupted-before-detected", WARNING)
def _disrupted_before_detected(operation: Operation, context: Context) -> Iterator[Problem]:
    """A disruption is dated before the operation was detected."""
    yield from _dated_before(operation, _DISRUPTIONS, _start(operation.detected, context), "detection began")


@FAMILY.rule("OPS106", "claim-before-activity", WARNING)
def _claim_before_activity(operation: Operation, context: Context) -> Iterator[Problem]:
    """An attribution claim or a Breakout rating is dated before the activity it describes could have begun."""
    started = _start(operation.activity, context)
    yield from _dated_before(operation, _CLAIMS, started, "the activity began")
    yield from _dated_before(operation, _RATINGS, started, "the activity began")


@FAMILY.rule("OPS107", "relative-date-unanchored", WARNING)
def _relative_date_unanchored(operation: Operation, context: Context) -> Iterator[Problem]:
    """A date is relative to the report ('over the last three months') but there is no report publication date
    to anchor it, so it cannot be placed in time or checked.
    """
    if context.report is not None and context.report.published is not None:
        return
    for name in ("activity", "detected"):
        period: Period | None = getattr(operation, name)
        for end in ("start", "end"):
            value = getattr(period, end) if period is not None else None
            if isinstance(value, RelativeDate):
                yield Problem(path=f"{name}.{end}", message=f"{value} cannot be resolved without the report's date", value=value)


_STARTS = frozenset({DatedEvent.ACTIVITY_START, DatedEvent.FIRST_CONTENT, DatedEvent.ASSETS_CREATED})
_ENDS = frozenset({DatedEvent.ACTIVITY_END, DatedEvent.LAST_CONTENT})


@FAMILY.rule("OPS108", "date-claim-outside-activity", WARNING)
def _date_claim_outside_activity(operation: Operation, context: Context) -> Iterator[Problem]:
    """A claimed start (of the activity, of its content, of its assets' creation) falls before the operation's
    activity period begins, or a claimed end after it ends: the period, meant to summarise the claims, does
    not hold this one (conflicting sources are expected; say which the period follows).
    """
    activity = operation.activity
    if activity is None:
        return
    start, end = _absolute(activity.start, context), _absolute(activity.end, context)
    for i, claim in enumerate(operation.date_claims):
        date = _absolute(claim.date, context)
        if claim.event in _STARTS and _before(date, start):
            message = f"{claim} is before the activity period begins ({start})"
        elif claim.event in _ENDS and not activity.ongoing and _before(end, date):
            message = f"{claim} is after the activity period ends ({end})"
        else:
            continue
        yield Problem(path=f"date_claims[{i}].date", message=message, value=date)


def _length_days(length: Duration) -> tuple[int | None, int | None]:
    """The fewest and most days a stated length allows; "about three years" is taken as half to
    twice its amount, so that only a length no reading can fit is reported."""
    amount = length.amount
    if amount.kind is not CountKind.APPROXIMATE or amount.value is None:
        return length.days
    low, high = UNIT_DAYS[length.unit]
    return amount.value * low // 2, amount.value * high * 2


def _span_days(period: Period, context: Context) -> tuple[int, int] | None:
    """The fewest and most days (both ends counted) a period with two absolute ends can span."""
    start, end = _absolute(period.start, context), _absolute(period.end, context)
    if start is None or end is None:
        return None
    (first_earliest, first_latest), (last_earliest, last_latest) = _bounds(start), _bounds(end)
    if first_earliest is None or first_latest is None or last_earliest is None or last_latest is None:
        return None
    return max((last_earliest - first_latest).days + 1, 0), (last_latest - first_earliest).days + 1


def _periods(operation: Operation) -> Iterator[tuple[str, Period]]:
    for name in ("activity", "detected"):
        period: Period | None = getattr(operation, name)
        if period is not None:
            yield name, period
    for i, measure in enumerate(operation.measures):
        if measure.period is not None:
            yield f"measures[{i}].period", measure.period


@FAMILY.rule("OPS109", "length-contradicts-ends", WARNING)
def _length_contradicts_ends(operation: Operation, context: Context) -> Iterator[Problem]:
    """A period's stated length cannot fit between its ends: "five years" from 2019 to 2020, or "two weeks"
    from 2019 to 2022. An approximate length ("almost three years") is taken as half to twice its amount.
    """
    for path, period in _periods(operation):
        length = period.length
        span = None if length is None else _span_days(period, context)
        if length is None or span is None:
            continue
        fewest, most = _length_days(length)
        if (fewest is not None and fewest > span[1]) or (most is not None and most < span[0]):
            message = f"a length of {length} cannot fit between {period.start} and {period.end}"
            yield Problem(path=f"{path}.length", message=message, value=length)


RULES = tuple(FAMILY.rules)
