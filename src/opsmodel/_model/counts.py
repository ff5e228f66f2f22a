"""Counts as reports state them ("at least a dozen", "three to five") and sums of money."""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs
import pycountry
from attrs import field, frozen

from .._core.errors import ParseError
from .._core.fields import Invalid, Vocabulary, fail, model, to_optional_text

__all__ = ["Count", "CountKind", "Money", "parse_count"]


class CountKind(Vocabulary):
    EXACT = "exact"
    APPROXIMATE = "approximate"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"
    UNKNOWN = "unknown"


_NEEDS_VALUE = frozenset(CountKind) - {CountKind.UNKNOWN}


def _check_value(instance: Count, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is None:
        if instance.kind in _NEEDS_VALUE:
            raise fail(instance, attribute, value, f"a number for a count of kind {instance.kind.value!r}", problem="no value")
        return
    if type(value) is not int or value < 0:
        raise fail(instance, attribute, value, "a whole number, zero or more")
    if instance.kind is CountKind.UNKNOWN:
        raise fail(instance, attribute, value, "no value for an unknown count (use kind 'approximate' for estimates)")


def _check_upper(instance: Count, attribute: attrs.Attribute[Any], upper: int | None) -> None:
    if instance.kind is not CountKind.RANGE:
        if upper is not None:
            raise fail(instance, attribute, upper, "an upper bound only for a count of kind 'range'")
        return
    if type(upper) is not int or upper < 0:
        raise fail(instance, attribute, upper, "a whole number, zero or more, as the upper end of the range")
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

    kind: CountKind = field(converter=CountKind)
    value: int | None = field(default=None, validator=_check_value)
    upper: int | None = field(default=None, validator=_check_upper)
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


def to_optional_count(value: Any) -> Count | None:
    if value is None or isinstance(value, Count):
        return value
    if type(value) is int:
        return Count.exact(value)
    if isinstance(value, str):
        try:
            return _parse_count(value)
        except Invalid:
            raise
    raise Invalid(value, "a Count, a whole number or a count wording such as 'at least 12'")


# ---------------------------------------------------------------------------------------------
# Parsing

_WORDS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12,
    "a couple": 2, "couple": 2, "a hundred": 100, "hundred": 100, "a thousand": 1000,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000, "dozen": 12}
_QUALIFIERS = (
    (
        re.compile(r"^(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of|min(?:imum)?\.?)\s+", re.I),
        CountKind.AT_LEAST,
    ),
    (re.compile(r"^(?:more\s+than|over|upwards\s+of|in\s+excess\s+of|greater\s+than|>)\s*", re.I), CountKind.MORE_THAN),
    (re.compile(r"^(?:at\s+most|no\s+more\s+than|up\s+to|a\s+maximum\s+of|max(?:imum)?\.?)\s+", re.I), CountKind.AT_MOST),
    (re.compile(r"^(?:less\s+than|fewer\s+than|under|below|<)\s*", re.I), CountKind.LESS_THAN),
    (
        re.compile(r"^(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|circa|an\s+estimated|~)\s*", re.I),
        CountKind.APPROXIMATE,
    ),
)
_TRAILING = re.compile(r"\s*(?:\+|or\s+more|and\s+more|plus)$", re.I)
_RANGE = re.compile(r"^(?:between\s+)?(?P<a>.+?)\s*(?:-|–|to|and)\s*(?P<b>.+)$", re.I)
# "dozens of accounts", "hundreds of pages": at least two of the unit.
_DOZENS = re.compile(
    r"^(?:(?:several|many|some)\s+)?(?P<unit>tens\s+of\s+thousands|hundreds\s+of\s+thousands|"
    r"dozens|scores|hundreds|thousands|millions)(?:\s+of(?:\s+\S.*)?)?$",
    re.I,
)
# "several hundred accounts", "a few thousand followers": at least two of the unit.
_SEVERAL = re.compile(r"^(?:several|a\s+few)\s+(?P<unit>dozen|hundred|thousand|million)(?:\s+\S.*)?$", re.I)
_PLURAL_UNITS = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "millions": 2_000_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
}
_EXPECTED = "a count wording such as '12', 'at least a dozen', 'three to five', 'over 27,000' or 'less than 100'"


def _amount(text: str, original: str) -> int:
    text = re.sub(r"\s+", " ", text.strip().lower())
    if text.startswith("-"):
        raise Invalid(original, _EXPECTED, problem=f"a count cannot be negative: {original!r}")
    text = re.sub(r"\s+(?:accounts?|pages?|groups?|channels?|websites?|domains?|followers?|people|users?|of\s+\w+)$", "", text)
    if re.fullmatch(r"\d{1,3}(?:[,\s]\d{3})+|\d+", text):
        return int(re.sub(r"[,\s]", "", text))
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)\s*(k|m|thousand|million|hundred)", text):
        return round(float(m[1]) * _SCALES[m[2]])
    if text in _WORDS:
        return _WORDS[text]
    parts = text.replace("-", " ").split()
    total, current = 0, 0
    for word in parts:
        if word == "and":
            continue
        if word in _SCALES and word not in ("k", "m"):
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        elif word in _WORDS:
            current += _WORDS[word]
        elif word.replace(",", "").isdecimal():  # not isdigit(): "¹" is a digit int() cannot read
            current += int(word.replace(",", ""))
        else:
            raise Invalid(original, _EXPECTED, problem=f"cannot read a number in {original!r}")
    if not parts:
        raise Invalid(original, _EXPECTED, problem=f"no number in {original!r}")
    return total + current


def _parse_count(text: str) -> Count:
    if not isinstance(text, str) or not text.strip():
        raise Invalid(text, _EXPECTED)
    rest = text.strip().rstrip(".")
    if re.fullmatch(r"(?:unknown|unclear|not\s+known|n/?a|undisclosed|an?\s+unknown\s+number(?:\s+of\s+\w+)?)", rest, re.I):
        return Count.unknown(wording=text)
    if m := _DOZENS.match(rest):
        return Count.at_least(_PLURAL_UNITS[re.sub(r"\s+", " ", m["unit"].lower())], wording=text)
    if m := _SEVERAL.match(rest):
        return Count.at_least(2 * _SCALES[m["unit"].lower()], wording=text)
    for pattern, kind in _QUALIFIERS:
        if m := pattern.match(rest):
            return Count(kind=kind, value=_amount(rest[m.end() :], text), wording=text)
    if m := _TRAILING.search(rest):
        return Count.at_least(_amount(rest[: m.start()], text), wording=text)
    if m := _RANGE.match(rest):
        try:
            low, high = _amount(m["a"], text), _amount(m["b"], text)
        except Invalid:
            pass
        else:
            # "twenty-five" also looks like a range, a reversed one: read it as one number.
            if low <= high:
                return Count.between(low, high, wording=text)
    return Count.exact(_amount(rest, text), wording=text)


def parse_count(text: str) -> Count:
    """Read a count as a report words it, keeping the wording.

    >>> str(parse_count("three to five"))
    '3 to 5'
    >>> parse_count("over 27,000").kind.value
    'more_than'
    """
    try:
        return _parse_count(text)
    except Invalid as exc:
        raise ParseError(text=text, expected=exc.expected, problem=exc.problem) from None


@functools.lru_cache(maxsize=512)
def _currency_code(text: str) -> str:
    found = pycountry.currencies.get(alpha_3=text.strip().upper())
    if found is None:
        raise Invalid(text, "an ISO 4217 currency code (e.g. 'USD', 'EUR', 'RUB')", problem=f"{text!r} is not a currency")
    return str(found.alpha_3)


def _to_currency(value: Any) -> str:
    if not isinstance(value, str):
        raise Invalid(value, "an ISO 4217 currency code (e.g. 'USD')")
    return _currency_code(value)


def _to_amount(value: Any) -> Count:
    converted = to_optional_count(value)
    if converted is None:
        raise Invalid(value, "an amount: a Count or a whole number")
    return converted


@model
@frozen(kw_only=True)
class Money:
    """A sum in whole units of an ISO 4217 currency, with the count's bounds ("less than $100")."""

    amount: Count = field(converter=_to_amount)
    currency: str = field(converter=_to_currency)
    wording: str | None = field(default=None, converter=to_optional_text)

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"
