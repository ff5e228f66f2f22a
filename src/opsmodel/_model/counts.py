"""Counts as reports state them and sums of money; their wordings are read by :mod:`.count_wording`."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import attrs
import pycountry
from attrs import field, frozen

from .._core.errors import ParseError
from .._core.fields import Invalid, Vocabulary, fail, model, read_text, shown, to_optional_text, tuple_of
from .count_wording import MAX_COUNT, check_noun, read_count, read_count_and_noun


class CountKind(Vocabulary):
    #: Exactly ``value``.
    EXACT = "exact"
    #: About ``value`` ("around 50", "several hundred").
    APPROXIMATE = "approximate"
    #: ``value`` or more.
    AT_LEAST = "at_least"
    #: More than ``value``.
    MORE_THAN = "more_than"
    #: ``value`` or fewer.
    AT_MOST = "at_most"
    #: Fewer than ``value``.
    LESS_THAN = "less_than"
    #: From ``value`` to ``upper``.
    RANGE = "range"
    #: The source does not know or say; not zero.
    UNKNOWN = "unknown"


_NEEDS_VALUE = frozenset(CountKind) - {CountKind.UNKNOWN}


def _check_value(instance: Count, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is None:
        if instance.kind in _NEEDS_VALUE:
            raise fail(instance, attribute, value, f"a number for a count of kind {instance.kind.value!r}", problem="no value")
        return
    if type(value) is not int or not 0 <= value <= MAX_COUNT:
        raise fail(instance, attribute, value, f"a whole number, zero or more and at most {MAX_COUNT:,}")
    if instance.kind is CountKind.UNKNOWN:
        raise fail(instance, attribute, value, "no value for an unknown count (use kind 'approximate' for estimates)")


def _check_upper(instance: Count, attribute: attrs.Attribute[Any], upper: int | None) -> None:
    if instance.kind is not CountKind.RANGE:
        if upper is not None:
            raise fail(instance, attribute, upper, "an upper bound only for a count of kind 'range'")
        return
    if type(upper) is not int or not 0 <= upper <= MAX_COUNT:
        raise fail(
            instance, attribute, upper, f"a whole number, zero or more and at most {MAX_COUNT:,}, as the upper end of the range"
        )
    if instance.value is not None and upper < instance.value:
        raise fail(
            instance,
            attribute,
            upper,
            f"an upper end of at least the lower end {instance.value}",
            problem=f"range {instance.value} to {upper} is reversed",
        )


@model
@frozen(kw_only=True)
class Count:
    """How many, as the source says it; zero is a fact, ``unknown`` is the absence of one.

    Build with the constructors: ``Count.exact(5)``, ``Count.at_least(12, wording="at least a
    dozen")``, ``Count.between(3, 5)``, ``Count.unknown()``, or :func:`parse_count`.
    """

    #: How the number is stated: exactly, approximately, as a bound, as a range, or not at all
    #: (``unknown``).
    kind: CountKind = field(converter=CountKind)
    #: The number, or the lower end of a range; None only for an unknown count.
    value: int | None = field(default=None, validator=_check_value)
    #: The upper end of a range; only for ``kind`` ``range``.
    upper: int | None = field(default=None, validator=_check_upper)
    #: The count as the source words it ("at least a dozen").
    wording: str | None = field(default=None, converter=to_optional_text)

    @classmethod
    def exact(cls, value: int, *, wording: str | None = None) -> Count:
        return cls(kind=CountKind.EXACT, value=value, wording=wording)

    @classmethod
    def approximately(cls, value: int, *, wording: str | None = None) -> Count:
        return cls(kind=CountKind.APPROXIMATE, value=value, wording=wording)

    @classmethod
    def at_least(cls, value: int, *, wording: str | None = None) -> Count:
        return cls(kind=CountKind.AT_LEAST, value=value, wording=wording)

    @classmethod
    def more_than(cls, value: int, *, wording: str | None = None) -> Count:
        return cls(kind=CountKind.MORE_THAN, value=value, wording=wording)

    @classmethod
    def at_most(cls, value: int, *, wording: str | None = None) -> Count:
        return cls(kind=CountKind.AT_MOST, value=value, wording=wording)

    @classmethod
    def less_than(cls, value: int, *, wording: str | None = None) -> Count:
        return cls(kind=CountKind.LESS_THAN, value=value, wording=wording)

    @classmethod
    def between(cls, low: int, high: int, *, wording: str | None = None) -> Count:
        return cls(kind=CountKind.RANGE, value=low, upper=high, wording=wording)

    @classmethod
    def unknown(cls, *, wording: str | None = None) -> Count:
        return cls(kind=CountKind.UNKNOWN, wording=wording)

    @property
    def minimum(self) -> int | None:
        """The smallest number the count allows (None when unknown)."""
        kind, value = self.kind, self.value
        if kind in (CountKind.EXACT, CountKind.AT_LEAST, CountKind.RANGE):
            return value
        if kind is CountKind.MORE_THAN:
            return None if value is None else value + 1
        if kind in (CountKind.AT_MOST, CountKind.LESS_THAN):
            return 0
        return None

    @property
    def maximum(self) -> int | None:
        """The largest number the count allows (None when unbounded or unknown)."""
        kind, value = self.kind, self.value
        if kind in (CountKind.EXACT, CountKind.AT_MOST):
            return value
        if kind is CountKind.LESS_THAN:
            return None if value is None else max(value - 1, 0)
        if kind is CountKind.RANGE:
            return self.upper
        return None

    def __str__(self) -> str:
        value = f"{self.value:,}" if self.value is not None else ""
        return {
            CountKind.EXACT: value,
            CountKind.APPROXIMATE: f"about {value}",
            CountKind.AT_LEAST: f"at least {value}",
            CountKind.MORE_THAN: f"more than {value}",
            CountKind.AT_MOST: f"at most {value}",
            CountKind.LESS_THAN: f"fewer than {value}",
            CountKind.RANGE: f"{value} to {self.upper:,}" if self.upper is not None else value,
            CountKind.UNKNOWN: "unknown",
        }[self.kind]


def to_optional_count(value: Count | int | str | None) -> Count | None:
    if value is None or isinstance(value, Count):
        return value
    if type(value) is int:
        return Count.exact(value)
    if isinstance(value, str):
        return Count(**read_count(value), wording=value)
    raise Invalid(value, "a Count, a whole number or a count wording such as 'at least 12'")


def parse_count(text: str, *, noun: str | None = None) -> Count:
    """Read a count as a report words it, keeping the wording.

    >>> str(parse_count("three to five"))
    '3 to 5'
    >>> parse_count("over 27,000").kind.value
    'more_than'
    >>> str(parse_count("over 3,000 Facebook accounts", noun="account"))
    'more than 3,000'

    The noun after the number ("Facebook accounts") stays in ``wording``; with ``noun``, the
    text must count that noun (singular or plural), so that "40 pages" is refused where accounts
    are counted. Percentages, fractions and sums of money are refused: they are not counts. Raises
    :class:`~opsmodel.ParseError` (a ``ValueError``); ``docs/reference/wordings.md`` lists the grammar.
    """
    try:
        reading, said = read_count_and_noun(text)
        if noun is not None:
            check_noun(text, said, noun)
    except Invalid as exc:
        raise ParseError(text=text, expected=exc.expected, problem=exc.problem) from None
    return Count(**reading, wording=text)


@functools.lru_cache(maxsize=512)
def _currency_code(text: str) -> str:
    found = pycountry.currencies.get(alpha_3=text.strip().upper())
    if found is None:
        raise Invalid(text, "an ISO 4217 currency code (e.g. 'USD', 'EUR', 'RUB')", problem=f"{shown(text)} is not a currency")
    return str(found.alpha_3)


def _to_currency(value: str) -> str:
    return read_text(value, _currency_code, "an ISO 4217 currency code (e.g. 'USD')")


def _to_optional_currency(value: str | None) -> str | None:
    return None if value is None else _to_currency(value)


def _to_currencies(value: Iterable[str]) -> tuple[str, ...]:
    return tuple_of(value, _to_currency, "ISO 4217 currency codes")


def _check_currency(instance: Money, attribute: attrs.Attribute[Any], value: str | None) -> None:
    # A stated zero ("spent nothing on ads") has no currency to invent; any other sum needs one.
    if value is None and instance.amount.maximum != 0:
        raise fail(instance, attribute, value, "a currency for a sum other than zero", problem="no currency")


def _to_amount(value: Count | int | str) -> Count:
    converted = to_optional_count(value)
    if converted is None:
        raise Invalid(value, "an amount: a Count or a whole number")
    return converted


@model
@frozen(kw_only=True)
class Money:
    """A sum in whole units of an ISO 4217 currency, with the count's bounds ("less than $100")."""

    #: How much, in whole units, with the count's bounds ("less than 100").
    amount: Count = field(converter=_to_amount)
    #: The ISO 4217 currency code (``USD``) the sum is stated in; codes in any case are normalised.
    #: None only for a stated zero ("nothing was spent"), which has no currency to invent.
    currency: str | None = field(default=None, converter=_to_optional_currency, validator=_check_currency)
    #: The currencies actually paid, when the sum is stated in another ("about $1,000, paid in
    #: roubles and hryvnias").
    paid_in: tuple[str, ...] = field(default=(), converter=_to_currencies)
    #: The sum as the source words it ("less than $100").
    wording: str | None = field(default=None, converter=to_optional_text)

    def __str__(self) -> str:
        text = f"{self.amount} {self.currency}" if self.currency is not None else str(self.amount)
        return f"{text} (paid in {', '.join(self.paid_in)})" if self.paid_in else text
