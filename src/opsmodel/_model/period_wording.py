"""Reading periods as reports word them ("since at least 2017", "March 3-7, 2021", "summer 2023").

Only text analysis, like :mod:`.date_wording`: a reading holds the readings of the period's ends,
which :mod:`.dates` builds. A range is split at its first connector ("to", "until", "through",
a dash, "and" after "between"), found with plain searches, so that reading takes linear time;
an end that leaves out its year or month takes it from the other end ("between March 3 and 7,
2021", "3 to 7 March 2021"), and only then. The grammar is in ``docs/reference/wordings.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple

from .._core.fields import Invalid, shown
from .date_wording import RELATIVE, DateReading, Parts, date_of, is_relative, parts_of, read_date, squash
from .wording import checked


class PeriodReading(NamedTuple):
    start: DateReading | None = None
    end: DateReading | None = None
    ongoing: bool = False


EXPECTED_PERIOD = (
    "a period wording such as 'since at least 2017', 'May 2023 to March 2024', 'March 3-7, 2021', "
    "'summer 2023' or 'still ongoing'"
)

_FROM = re.compile(r"^(?:from|between)\s+", re.I)
_CONNECTORS = (" to ", " until ", " till ", " through ", " thru ", " - ", "–", "—")
# "3-7" (days) and "2019-2021" (years), but not the ISO month "2019-05" nor "2024-05-30".
_HYPHEN = re.compile(r"(?<![\d-])(\d{1,2}|\d{4})-(\d{1,2}|\d{4})(?![\d-])")
_OPEN_START = re.compile(
    r"^(?P<q>since\s+at\s+least|at\s+least\s+since|since|starting\s+in|starting|from|beginning\s+in)\s+(?P<a>.+)$", re.I
)
_OPEN_END = re.compile(r"^(?:until|till|up\s+to|through)\s+(?P<b>.+)$", re.I)
_AT_LEAST_UNTIL = re.compile(r"^(?:until|through)\s+at\s+least\s+", re.I)
_AS_OF = re.compile(r"^as\s+of\s+(?P<d>.+)$", re.I)
_WRITING = r"(?:the\s+time\s+of\s+(?:this\s+)?(?:writing|publication)|this\s+writing|writing|publication)"
_ONGOING = re.compile(
    r"^(?:(?:is|was|are|were|remains?|remained|has\s+been|had\s+been)\s+)?(?:still\s+)?"
    r"(?:ongoing|active|running|continuing|in\s+progress)(?:\s+(?:at|as\s+of)\s+" + _WRITING + ")?$"
    r"|^(?:at|as\s+of)\s+" + _WRITING + "$",
    re.I,
)
_SEASON = re.compile(
    r"^(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<y>\d{4})(?:\s*[/–—-]\s*(?P<y2>\d{4}|\d{2}))?$",
    re.I,
)
_LAST_SEASON = re.compile(
    r"^(?:(?:during|in|over)\s+)?(?:last|this\s+past|the\s+past)\s+(?:spring|summer|autumn|fall|winter)$", re.I
)
# "2019 to present": the second end is now, so the period is ongoing.
_NOW = {"present", "the present", "the present day", "now", "date", "today", "the time of writing", "the present time"}
#: Seasons as the months they cover (meteorological seasons, as most of the publishers of the
#: reports name them); the ends are marked approximate and the wording is kept.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
#: "last summer" began at most this many months before the report (a report written just after
#: a summer may mean the one before).
LAST_SEASON_MONTHS = 15


def _fail(original: str, problem: str) -> Invalid:
    return Invalid(original, EXPECTED_PERIOD, problem=problem)


def _month(year: int, month: int, original: str) -> DateReading:
    if not 1 <= year <= 9999:
        raise _fail(original, f"{shown(original)} is not within the years 1 to 9999")
    return {"value": dt.date(year, month, 1), "precision": "month", "part": None, "approximate": True, "bound": "exact"}


def _season(text: str, original: str) -> tuple[DateReading, DateReading] | None:
    """The first and last months of "summer 2023" or "winter 2022/23", or None for no season."""
    m = _SEASON.match(text)
    if m is None:
        return None
    season, year = m["s"].lower(), int(m["y"])
    first, last = SEASONS[season]
    if season != "winter":
        if m["y2"]:
            raise _fail(original, f"only a winter spans two years: {shown(original)}")
        return _month(year, first, original), _month(year, last, original)
    if not m["y2"]:
        example = f"winter {year}/{(year + 1) % 100:02d}"
        raise _fail(original, f"{shown(original)} may be either end of the year: name both years ({example!r})")
    second = int(m["y2"]) if len(m["y2"]) == 4 else (year + 1) // 100 * 100 + int(m["y2"])
    if second != year + 1 or year + 1 > 9999:
        raise _fail(original, f"a winter runs into the next year, not {m['y2']}: {shown(original)}")
    return _month(year, first, original), _month(second, last, original)


def _side(text: str, original: str) -> tuple[DateReading, DateReading]:
    """The first and last date of one end of a range: a season's months, or the date twice."""
    season = _season(text, original)
    if season is not None:
        return season
    date = read_date(text)
    return date, date


def _split(rest: str) -> tuple[str, str, bool] | None:
    """The two ends of a range, split at the first connector, and whether "from/between" led."""
    lead = _FROM.match(rest)
    offset = lead.end() if lead else 0
    low = rest.lower()
    found: tuple[int, int] | None = None
    for connector in (*_CONNECTORS, " and ") if lead else _CONNECTORS:
        at = low.find(connector, offset)
        if at >= 0 and (found is None or at < found[0]):
            found = (at, at + len(connector))
    m = _HYPHEN.search(rest, offset)
    if m and (len(m[1]) <= 2) == (len(m[2]) <= 2) and (found is None or m.end(1) < found[0]):
        found = (m.end(1), m.end(1) + 1)
    if found is None:
        return None
    return rest[offset : found[0]].strip(), rest[found[1] :].strip(), lead is not None


def _completed(first: str, second: str, original: str) -> tuple[Parts, Parts] | None:
    """Both ends' parts, each taking what it leaves out from the other; None if that does not do."""
    try:
        (ya, ma, da), (yb, mb, db) = parts_of(first, original), parts_of(second, original)
    except Invalid:
        return None
    if yb is None or (ya, ma, da) == (None, None, None):
        return None
    if mb is None and db is not None:  # "March 3 and 7, 2021": 7 is a day of March
        if ma is None or da is None:
            return None
        mb = ma
    if ma is None and da is not None:  # "3 to 7 March 2021": 3 is a day of March
        if mb is None or db is None:
            return None
        ma = mb
    return (ya if ya is not None else yb, ma, da), (yb, mb, db)


def _plain(parts: Parts, original: str) -> DateReading:
    value, precision = date_of(parts, original)
    return {"value": value, "precision": precision, "part": None, "approximate": False, "bound": "exact"}


def _range(first: str, second: str, original: str) -> PeriodReading:
    """Both ends of "X to Y"; an end may leave its year or month to the other end."""
    if squash(second.lower()) in _NOW:
        return PeriodReading(start=_side(first, original)[0], ongoing=True)
    try:
        return PeriodReading(_side(first, original)[0], _side(second, original)[1])
    except Invalid as exc:
        completed = _completed(first, second, original)
        if completed is None:
            raise _fail(original, f"cannot read the range {shown(original)}: {exc.problem}") from None
    return PeriodReading(_plain(completed[0], original), _plain(completed[1], original))


def _open_start(qualifier: str, first: str, original: str) -> PeriodReading:
    """ "since at least 2017": ongoing, and "at least" makes the start a bound."""
    start = _side(first, original)[0]
    if not is_relative(start) and "at least" in squash(qualifier.lower()):
        start = {**start, "bound": "on_or_before"}
    return PeriodReading(start=start, ongoing=True)


def _single(text: str, original: str) -> PeriodReading:
    """A period worded as one date: "2023" covers it, "before 2019" ends there, "after 2019" starts."""
    season = _season(text, original)
    if season is not None:
        return PeriodReading(*season)
    date = read_date(text)
    if is_relative(date):
        return PeriodReading(start=date)
    if date["bound"] == "exact":
        return PeriodReading(start=date, end=date)
    if date["bound"] in ("before", "on_or_before"):
        return PeriodReading(end=date)
    return PeriodReading(start=date)


def _as_of(text: str, original: str) -> PeriodReading:
    """ "as of June 10, 2023": going on that day, so it started by then and ended no earlier."""
    date = read_date(text)
    if is_relative(date) or date["bound"] != "exact":
        raise _fail(original, f"'as of' needs a plain date: {shown(original)}")
    return PeriodReading(start={**date, "bound": "on_or_before"}, end={**date, "bound": "on_or_after"})


def _relative_or_worded(rest: str, original: str) -> PeriodReading | None:
    """The wordings that are periods and no dates: ongoing, "last summer", "the last decade"."""
    if _ONGOING.match(rest):
        return PeriodReading(ongoing=True)
    if _LAST_SEASON.match(rest):
        return PeriodReading(
            start={"amount": LAST_SEASON_MONTHS, "unit": "month", "approximate": False, "bound": "on_or_after"},
            end={"amount": 0, "unit": "month", "approximate": False, "bound": "before"},
        )
    if RELATIVE.match(rest):
        relative = read_date(rest)
        return PeriodReading(start=relative, end={"amount": 0, "unit": relative["unit"]})
    if m := _AS_OF.match(rest):
        return _as_of(m["d"], original)
    if _AT_LEAST_UNTIL.match(rest):
        return PeriodReading(end=read_date(rest))
    return None


def _onwards(rest: str, original: str) -> PeriodReading | None:
    """ "2019 onwards", "from May 2021 onward": an ongoing period from that date, or None."""
    low = rest.lower()
    for ending in (" onwards", " onward"):
        if low.endswith(ending):
            start = rest[: -len(ending)]
            lead = _FROM.match(start)
            return PeriodReading(start=_side(start[lead.end() :] if lead else start, original)[0], ongoing=True)
    return None


def read_period(text: Any) -> PeriodReading:
    """The ends of the period a report's wording denotes (without the wording itself).

    "since at least 2017" starts no later than 2017 and is ongoing; "over the last three months"
    runs from three months before the report to the report; a single date is a period covering it.
    """
    original = checked(text, EXPECTED_PERIOD)
    rest = squash(original).rstrip(".")
    worded = _relative_or_worded(rest, original) or _onwards(rest, original)
    if worded is not None:
        return worded
    split = _split(rest)
    if split is not None and split[2]:
        return _range(split[0], split[1], original)
    if m := _OPEN_START.match(rest):
        return _open_start(m["q"], m["a"], original)
    if m := _OPEN_END.match(rest):
        return PeriodReading(end=_side(m["b"], original)[1])
    if split is not None:
        return _range(split[0], split[1], original)
    return _single(rest, original)
