"""How long a span lasted, as reports word it: "almost three years", "for six months", "over a weekend".

A :class:`Duration` is an amount (a :class:`~opsmodel.Count`, so that "almost three" and "three
to five" keep their meaning) of a :class:`TimeUnit`. :class:`~opsmodel.Period` holds one as its
``length``; :func:`parse_duration` reads the wordings listed in ``docs/reference/wordings.md``.
"""

from __future__ import annotations

from typing import Any

import attrs
from attrs import field, frozen

from .._core.errors import FieldError, ParseError
from .._core.fields import Invalid, Vocabulary, fail, model, optional_worded, shown, to_optional_text
from .count_wording import read_count_and_noun
from .counts import Count, CountKind
from .date_wording import squash
from .wording import checked


class TimeUnit(Vocabulary):
    """A unit of time counted by a relative date or a duration."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


#: The most units a relative date may count back, or a duration last: 1,000 years in each unit,
#: so that a relative date resolves to a date (years 1 to 9999) against any report of the last
#: millennium.
MAX_AMOUNTS = {TimeUnit.DAY: 365_242, TimeUnit.WEEK: 52_177, TimeUnit.MONTH: 12_000, TimeUnit.YEAR: 1_000}

#: The fewest and most days one unit can last, for comparing a duration with a period's ends.
UNIT_DAYS = {TimeUnit.DAY: (1, 1), TimeUnit.WEEK: (7, 7), TimeUnit.MONTH: (28, 31), TimeUnit.YEAR: (365, 366)}

EXPECTED_DURATION = "a duration wording such as 'almost three years', 'for six months', 'three to five weeks' or 'over a weekend'"

# Each unit word, singular and plural, with the unit it counts and how many of that unit it is.
_UNIT_WORDS = {
    **{f"{unit.value}{plural}": (unit, 1) for unit in TimeUnit for plural in ("", "s")},
    "decade": (TimeUnit.YEAR, 10),
    "decades": (TimeUnit.YEAR, 10),
    "fortnight": (TimeUnit.WEEK, 2),
    "fortnights": (TimeUnit.WEEK, 2),
}
# The words that put a duration on a span: "for six months", "over two weeks" (over is "across"
# here, not "more than": "for over two weeks" says more than), "during a weekend".
_LEADS = ("for ", "over ", "during ", "across ", "lasting ", "spanning ", "over the course of ", "for a period of ")
#: "a weekend" is two days, approximately (a long weekend or a Friday night makes it longer).
WEEKEND = Count.approximately(2)
_WEEKENDS = {"a weekend", "one weekend", "the weekend", "a single weekend"}


def _check_amount(instance: Duration, attribute: attrs.Attribute[Any], value: Count) -> None:
    if not isinstance(value, Count) or value.kind is CountKind.UNKNOWN:
        raise fail(instance, attribute, value, "a Count with a number (e.g. Count.approximately(3))")
    largest = value.upper if value.upper is not None else value.value
    most = MAX_AMOUNTS.get(instance.unit)
    if largest is not None and most is not None and largest > most:
        raise fail(
            instance,
            attribute,
            value,
            f"at most {most:,} {instance.unit.value}s" + ("" if instance.unit is TimeUnit.YEAR else " (1,000 years)"),
            problem=f"{largest:,} {instance.unit.value}s last more than 1,000 years",
        )


def _to_count(value: Count | int) -> Count:
    """A Count; a whole number is an exact one."""
    return Count.exact(value) if type(value) is int else value  # type: ignore[return-value]


@model
@frozen(kw_only=True)
class Duration:
    """How long something lasted: an amount of a unit, "almost three years" (about 3 years).

    At most 1,000 years, in any unit (as :class:`RelativeDate`). Build one with
    ``Duration(amount=Count.approximately(3), unit="year")`` or :func:`parse_duration`.
    """

    #: How many units, as the source says it: exactly, approximately, a bound or a range.
    amount: Count = field(converter=_to_count, validator=_check_amount)
    #: The unit counted: days, weeks, months or years.
    unit: TimeUnit = field(converter=TimeUnit)
    #: The duration as the source words it ("almost three years").
    wording: str | None = field(default=None, converter=to_optional_text)

    @property
    def days(self) -> tuple[int | None, int | None]:
        """The fewest and most days the duration can last (None when the source leaves it open)."""
        low, high = UNIT_DAYS[self.unit]
        fewest, most = self.amount.minimum, self.amount.maximum
        return (None if fewest is None else fewest * low, None if most is None else most * high)

    def __str__(self) -> str:
        amount = self.amount
        plural = "" if amount.value == 1 and amount.upper is None else "s"
        return f"{amount} {self.unit.value}{plural}"


def _strip_lead(text: str) -> str:
    low = text.lower()
    for lead in sorted(_LEADS, key=len, reverse=True):
        if low.startswith(lead):
            return text[len(lead) :].strip()
    return text


def read_duration(text: Any) -> dict[str, Any]:
    """The Duration a report's wording denotes, as keyword arguments (without the wording)."""
    original = checked(text, EXPECTED_DURATION)
    rest = _strip_lead(squash(original).strip().rstrip("."))
    if rest.lower() in _WEEKENDS:
        return {"amount": WEEKEND, "unit": TimeUnit.DAY}
    words = rest.split(" ")
    unit = _UNIT_WORDS.get(words[-1].lower())
    if unit is None or len(words) < 2:
        raise Invalid(
            original, EXPECTED_DURATION, problem=f"{shown(original)} names no unit of time (days to years) after a number"
        )
    said = words[:-1]
    if said[-1].lower() in ("a", "an"):  # "a year", "almost a decade"
        said[-1] = "one"
    try:
        reading, noun = read_count_and_noun(" ".join(said))
    except Invalid as exc:
        raise Invalid(original, EXPECTED_DURATION, problem=f"cannot read how many {unit[0].value}s: {exc.problem}") from None
    if noun is not None:
        raise Invalid(
            original, EXPECTED_DURATION, problem=f"cannot read {shown(noun)} between the number and the unit in {shown(original)}"
        )
    if reading["kind"] == "unknown":
        raise Invalid(original, EXPECTED_DURATION, problem=f"{shown(original)} does not say how many {unit[0].value}s")
    times = unit[1]
    value, upper = reading.get("value"), reading.get("upper")
    amount = Count(
        kind=reading["kind"],
        value=None if value is None else value * times,
        upper=None if upper is None else upper * times,
    )
    return {"amount": amount, "unit": unit[0]}


def ends_with_unit(text: str) -> bool:
    """Whether a wording ends with a unit of time, so that it reads as a duration or not at all."""
    last = squash(text).strip().rstrip(".").rsplit(" ", 1)[-1].lower()
    return last in _UNIT_WORDS or last == "weekend"


def parse_duration(text: str) -> Duration:
    """Read how long something lasted, as a report words it, keeping the wording.

    >>> str(parse_duration("almost three years"))
    'about 3 years'
    >>> str(parse_duration("for three to five weeks"))
    '3 to 5 weeks'

    "for", "over" (across), "during" may lead; "a year" is one; a decade is ten years; "a
    weekend" is about two days. Raises :class:`~opsmodel.ParseError` (a ``ValueError``);
    ``docs/reference/wordings.md`` lists the grammar.
    """
    try:
        return Duration(**read_duration(text), wording=text)
    except Invalid as exc:
        raise ParseError(text=text, expected=exc.expected, problem=exc.problem) from None
    except FieldError as exc:
        problem = f"{shown(text)} reads as a value the model refuses: {exc.problem}"
        raise ParseError(text=text, expected=exc.expected, problem=problem) from None


def to_optional_duration(value: Duration | str | None) -> Duration | None:
    """A Duration (or None): a Duration or a report's wording of one."""
    return optional_worded(value, Duration, read_duration, "a Duration or a duration wording such as 'almost three years'")
