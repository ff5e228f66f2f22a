"""Reading counts as reports word them ("at least a dozen", "three to five", "over 27,000").

Only text analysis: a reading is the keyword arguments of the :class:`~.counts.Count` the text
denotes, which :mod:`.counts` builds. A text that is not a count raises
:class:`~opsmodel._core.fields.Invalid`.
"""

from __future__ import annotations

import re
from typing import Any

from .._core.fields import Invalid

#: The keyword arguments of a Count: ``kind`` (a CountKind value), ``value``, ``upper``.
CountReading = dict[str, Any]

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
        "at_least",
    ),
    (re.compile(r"^(?:more\s+than|over|upwards\s+of|in\s+excess\s+of|greater\s+than|>)\s*", re.I), "more_than"),
    (re.compile(r"^(?:at\s+most|no\s+more\s+than|up\s+to|a\s+maximum\s+of|max(?:imum)?\.?)\s+", re.I), "at_most"),
    (re.compile(r"^(?:less\s+than|fewer\s+than|under|below|<)\s*", re.I), "less_than"),
    (
        re.compile(r"^(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|circa|an\s+estimated|~)\s*", re.I),
        "approximate",
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
EXPECTED = "a count wording such as '12', 'at least a dozen', 'three to five', 'over 27,000' or 'less than 100'"


def _amount(text: str, original: str) -> int:
    text = re.sub(r"\s+", " ", text.strip().lower())
    if text.startswith("-"):
        raise Invalid(original, EXPECTED, problem=f"a count cannot be negative: {original!r}")
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
            raise Invalid(original, EXPECTED, problem=f"cannot read a number in {original!r}")
    if not parts:
        raise Invalid(original, EXPECTED, problem=f"no number in {original!r}")
    return total + current


def read_count(text: Any) -> CountReading:
    """The Count a report's wording of a number denotes, as keyword arguments (without the wording)."""
    if not isinstance(text, str) or not text.strip():
        raise Invalid(text, EXPECTED)
    rest = text.strip().rstrip(".")
    if re.fullmatch(r"(?:unknown|unclear|not\s+known|n/?a|undisclosed|an?\s+unknown\s+number(?:\s+of\s+\w+)?)", rest, re.I):
        return {"kind": "unknown"}
    if m := _DOZENS.match(rest):
        return {"kind": "at_least", "value": _PLURAL_UNITS[re.sub(r"\s+", " ", m["unit"].lower())]}
    if m := _SEVERAL.match(rest):
        return {"kind": "at_least", "value": 2 * _SCALES[m["unit"].lower()]}
    for pattern, kind in _QUALIFIERS:
        if m := pattern.match(rest):
            return {"kind": kind, "value": _amount(rest[m.end() :], text)}
    if m := _TRAILING.search(rest):
        return {"kind": "at_least", "value": _amount(rest[: m.start()], text)}
    if m := _RANGE.match(rest):
        try:
            low, high = _amount(m["a"], text), _amount(m["b"], text)
        except Invalid:
            pass
        else:
            # "twenty-five" also looks like a range, a reversed one: read it as one number.
            if low <= high:
                return {"kind": "range", "value": low, "upper": high}
    return {"kind": "exact", "value": _amount(rest, text)}
