"""The timeline: one bar per operation, solid where the dates are sure, hatched where they are fuzzy, fading where open.

A fuzzy date allows a range of days (``2022`` is any day of 2022, ``2022-Q1`` any day of the
quarter): the bar is solid only between the latest day the operation can have started and the
earliest day it can have ended, and hatched between each end's earliest and latest day, with a
tick at each bound. An end the source leaves open ("since at least February 2022", an ongoing
operation, no end stated) fades out to the edge of the drawing with an arrow, and no tick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from attrs import frozen

from ..._model.dates import Period
from ..claims import bounds, resolved_date
from ..records import Record
from .markup import cut, element, joined, num, svg, text

LABEL_WIDTH = 270
PLOT_WIDTH = 620
ROW_HEIGHT = 26
AXIS_HEIGHT = 28
BAR_HEIGHT = 12

Day = dt.date | None


@frozen(kw_only=True)
class Span:
    """When one operation was active, as the days its dates allow (None: open or unknown)."""

    label: str
    #: ``activity``, or ``detected`` when the report gives only when it was found.
    kind: str
    wording: str
    start: tuple[Day, Day]
    end: tuple[Day, Day]
    ongoing: bool
    published: Day

    @property
    def known(self) -> tuple[dt.date, ...]:
        return tuple(day for day in (*self.start, *self.end, self.published) if day is not None)

    @property
    def dated(self) -> bool:
        return any(day is not None for day in (*self.start, *self.end))


def span_of(record: Record) -> Span:
    """The span of a record: its activity, else when it was detected; relative dates counted from the report."""
    operation = record.operation
    kind, period = ("activity", operation.activity) if operation.activity is not None else ("detected", operation.detected)
    period = period or Period()
    start = bounds(resolved_date(period.start, record))
    end = bounds(resolved_date(period.end, record))
    published = record.published.first_day if record.published is not None else None
    label = f"{operation.display_name} ({record.publisher})"
    return Span(
        label=label,
        kind=kind,
        wording=str(period) if period != Period() else "no dates",
        start=start,
        end=end,
        ongoing=period.ongoing,
        published=published,
    )


@frozen(kw_only=True)
class _Scale:
    first: int
    last: int
    left: float = LABEL_WIDTH
    width: float = PLOT_WIDTH

    def x(self, day: dt.date) -> float:
        return self.left + (day.toordinal() - self.first) / (self.last - self.first) * self.width

    @property
    def right(self) -> float:
        return self.left + self.width


def _scale(spans: tuple[Span, ...]) -> _Scale | None:
    days = [day.toordinal() for span in spans for day in span.known]
    if not days:
        return None
    first, last = min(days), max(days)
    pad = max(30, (last - first) // 20)  # a margin, so that an open end has room to fade
    # kept within the calendar: a date in year 1 or 9999 still has a margin on its inner side
    return _Scale(first=max(first - pad, 1), last=min(last + pad, dt.date.max.toordinal()))


def _ticks(scale: _Scale) -> Iterator[tuple[dt.date, str]]:
    """The first days of years (or of months, over a short span) to mark, at most about a dozen."""
    first, last = dt.date.fromordinal(scale.first), dt.date.fromordinal(scale.last)
    if last.year - first.year >= 2:
        step = next(step for step in (1, 2, 5, 10, 25, 50, 100, 1000) if (last.year - first.year) // step < 12)
        yield from ((dt.date(year, 1, 1), str(year)) for year in range(first.year + 1, last.year + 1) if year % step == 0)
        return
    months = [dt.date(year, month, 1) for year in range(first.year, last.year + 1) for month in range(1, 13)]
    inside = [day for day in months if first < day <= last]
    step = max(1, -(-len(inside) // 12))
    yield from ((day, day.strftime("%Y-%m")) for index, day in enumerate(inside) if index % step == 0)


def _axis(scale: _Scale, height: float) -> str:
    parts = []
    for day, label in _ticks(scale):
        x = num(scale.x(day))
        parts.append(element("line", x1=x, x2=x, y1=AXIS_HEIGHT - 6, y2=num(height), class_="grid"))
        parts.append(text("text", label, x=x, y=AXIS_HEIGHT - 10, class_="tick", text_anchor="middle"))
    return element("g", joined(parts), class_="axis")


def _rect(left: float, right: float, y: float, class_: str, fill: str | None = None) -> str:
    return element("rect", x=num(left), y=num(y), width=num(max(right - left, 1.0)), height=BAR_HEIGHT, class_=class_, fill=fill)


def _tick(x: float, y: float) -> str:
    return element("line", x1=num(x), x2=num(x), y1=num(y - 3), y2=num(y + BAR_HEIGHT + 3), class_="bound")


def _arrow(x: float, y: float, pointing: str) -> str:
    middle = y + BAR_HEIGHT / 2
    tip, back = (x, x + 7) if pointing == "left" else (x, x - 7)
    points = f"{num(tip)},{num(middle)} {num(back)},{num(middle - 5)} {num(back)},{num(middle + 5)}"
    return element("polygon", points=points, class_="open-arrow")


@frozen(kw_only=True)
class _Bar:
    """The four x positions of a bar: its outer ends and the solid core between them (None: open)."""

    left: float | None
    core_left: float
    core_right: float
    right: float | None


def _bar(span: Span, scale: _Scale) -> _Bar | None:
    start_lo, start_hi = span.start
    end_lo, end_hi = span.end
    start_hi = start_hi or start_lo  # "from 2020": no later bound, the core starts at the earliest
    end_lo = end_lo or end_hi
    core_left = scale.x(start_hi) if start_hi is not None else None
    core_right = scale.x(end_lo) if end_lo is not None else None
    if core_left is None and core_right is None:
        return None
    core_left = core_right if core_left is None else core_left
    core_right = core_left if core_right is None else core_right
    assert core_left is not None
    assert core_right is not None
    left = scale.x(start_lo) if start_lo is not None else None
    right = scale.x(end_hi) if end_hi is not None else None
    return _Bar(left=left, core_left=core_left, core_right=core_right, right=right)


def _side(outer: float | None, inner: float, edge: float, y: float, pointing: str) -> Iterator[str]:
    """One end of a bar: ``outer`` its earliest (or latest) day, ``inner`` where the solid core begins."""
    if outer is None:  # open: fades out to the edge of the drawing
        yield _rect(min(edge, inner), max(edge, inner), y, "open", f"url(#om-open-{pointing})")
        yield _arrow(edge, y, pointing)
    elif outer != inner:
        yield _rect(min(outer, inner), max(outer, inner), y, "fuzzy", "url(#om-hatch)")
        yield _tick(outer, y)
        yield _tick(inner, y)


def _row(span: Span, scale: _Scale, index: int) -> str:
    top = AXIS_HEIGHT + index * ROW_HEIGHT
    y = top + (ROW_HEIGHT - BAR_HEIGHT) / 2
    parts = [text("text", cut(span.label, 36), x=LABEL_WIDTH - 8, y=num(y + BAR_HEIGHT - 2), class_="label", text_anchor="end")]
    bar = _bar(span, scale)
    if bar is None:
        parts.append(text("text", "no dates", x=num(scale.left + 4), y=num(y + BAR_HEIGHT - 2), class_="note"))
    else:
        if bar.core_left < bar.core_right:
            parts.append(_rect(bar.core_left, bar.core_right, y, "solid"))
        parts.extend(_side(bar.left, bar.core_left, scale.left, y, "left"))
        parts.extend(_side(bar.right, bar.core_right, scale.right, y, "right"))
    if span.published is not None:
        x = scale.x(span.published)
        middle = y + BAR_HEIGHT / 2
        points = f"{num(x)},{num(middle - 6)} {num(x + 4)},{num(middle)} {num(x)},{num(middle + 6)} {num(x - 4)},{num(middle)}"
        parts.append(element("polygon", points=points, class_="published"))
    tooltip = f"{span.label}: {span.kind} {span.wording}" + (", ongoing" if span.ongoing else "")
    return element("g", text("title", tooltip) + joined(parts), class_="row", data_kind=span.kind)


_DEFS = (
    "<defs>"
    '<pattern id="om-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
    '<rect width="6" height="6" class="hatch-ground"/><line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/></pattern>'
    '<linearGradient id="om-open-left" x1="0" x2="1" y1="0" y2="0">'
    '<stop offset="0" class="stop" stop-opacity="0"/><stop offset="1" class="stop" stop-opacity="0.75"/></linearGradient>'
    '<linearGradient id="om-open-right" x1="0" x2="1" y1="0" y2="0">'
    '<stop offset="0" class="stop" stop-opacity="0.75"/><stop offset="1" class="stop" stop-opacity="0"/></linearGradient>'
    "</defs>"
)

_DESCRIPTION = (
    "One bar per operation from when it started to when it ended. Solid between the latest possible "
    "start and the earliest possible end; hatched, with a tick at each bound, where a date is fuzzy; "
    "fading to the edge with an arrow where the source leaves an end open. A diamond marks when the report "
    "was published. The operations table gives the same dates in words."
)


def timeline(records: tuple[Record, ...]) -> str:
    """The timeline of ``records`` as inline SVG (a short paragraph when no record has a date)."""
    spans = tuple(span_of(record) for record in records)
    scale = _scale(spans)
    if scale is None or not any(span.dated for span in spans):
        return text("p", "No operation here has a date.", class_="empty")
    height = AXIS_HEIGHT + len(spans) * ROW_HEIGHT + 8
    rows = joined(_row(span, scale, index) for index, span in enumerate(spans))
    body = _DEFS + _axis(scale, height) + rows
    return svg(
        body, id="timeline-drawing", width=LABEL_WIDTH + PLOT_WIDTH + 20, height=height, title="Timeline", desc=_DESCRIPTION
    )


__all__ = ["Span", "span_of", "timeline"]
