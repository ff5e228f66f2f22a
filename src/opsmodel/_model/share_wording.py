"""Reading shares as reports word them ("80%", "nearly 40 percent", "three quarters", "one in five").

Only text analysis: a reading is the keyword arguments of the :class:`~.measures.Share` the text
denotes (``kind``, ``numerator``, ``denominator``, ``upper``), which :mod:`.measures` builds. A
percentage is a share over 100 and a fraction keeps its own denominator, so that "a third" stays
1/3 exactly. A text that is not a share raises :class:`~opsmodel._core.fields.Invalid`.
"""

from __future__ import annotations

import re
from typing import Any

from .._core.fields import Invalid, shown

#: The keyword arguments of a Share: ``kind`` (a CountKind value), ``numerator``, ``denominator``, ``upper``.
ShareReading = dict[str, Any]

#: The longest text read, as for the other wordings: a longer one is refused before any work.
MAX_LENGTH = 1_000
EXPECTED = "a share wording such as '80%', 'nearly 40 percent', 'over 60%', '30 to 40%', 'three quarters' or 'one in five'"

# The same qualifiers as counts', in the order a share's wording puts them ("nearly", "over").
_QUALIFIERS = (
    (re.compile(r"^(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than)\s+", re.I), "at_least"),
    (re.compile(r"^(?:more\s+than|over|upwards\s+of|in\s+excess\s+of|greater\s+than|>)\s*", re.I), "more_than"),
    (re.compile(r"^(?:at\s+most|no\s+more\s+than|up\s+to)\s+", re.I), "at_most"),
    (re.compile(r"^(?:less\s+than|fewer\s+than|under|below|<)\s*", re.I), "less_than"),
    (
        re.compile(r"^(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|circa|an\s+estimated|~)\s*", re.I),
        "approximate",
    ),
)
# at most 15 digits a part, as counts: a longer number is no share a report states
_NUMBER = r"\d{1,15}(?:\.\d{1,15})?"
_SIGN = r"\s*(?:%|percent|per\s*cent|pc)"
_PERCENT = re.compile(rf"^(?P<a>{_NUMBER})(?:{_SIGN})?\s*(?:-|–|to|and)\s*(?P<b>{_NUMBER}){_SIGN}$", re.I)
_ONE_PERCENT = re.compile(rf"^(?P<a>{_NUMBER}){_SIGN}$", re.I)
_SLASH = re.compile(r"^(?P<n>\d{1,15})\s*/\s*(?P<d>\d{1,15})$")
_ONE_IN = re.compile(r"^(?P<n>\S+)\s+(?:in|out\s+of)\s+(?P<d>\S+)$", re.I)
_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "hundred": 100, "a hundred": 100,
}  # fmt: skip
# Denominators in words, singular and plural ("a third", "two thirds", "three quarters").
_PARTS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
}  # fmt: skip
_FRACTION = re.compile(r"^(?P<n>[a-z]+)[\s-]+(?P<d>[a-z]+)$", re.I)
_OF = re.compile(r"(?<!\bout)\s+of(?:\s+\S.*)?$", re.I)


def _percent(text: str) -> tuple[int, int]:
    """A percentage's numerator over the smallest power of ten that keeps it whole: 40 gives 40/100, 2.5 gives 25/1000."""
    whole, _, decimals = text.partition(".")
    decimals = decimals.rstrip("0")
    return int(whole + decimals), 100 * 10 ** len(decimals)


def _whole(word: str) -> int | None:
    word = word.lower()
    if word.isdigit() and len(word) <= 15:
        return int(word)
    return _SMALL.get(word)


def _fraction(text: str) -> tuple[int, int] | None:
    """A fraction in words or digits: "3/4", "three quarters", "a third", "half", "one in five"."""
    if text.lower() == "half":
        return 1, 2
    for pattern in (_SLASH, _ONE_IN):
        match = pattern.match(text)
        if match:
            numerator, denominator = _whole(match["n"]), _whole(match["d"])
            return (numerator, denominator) if numerator is not None and denominator is not None else None
    match = _FRACTION.match(text)
    if match:
        numerator, denominator = _whole(match["n"]), _PARTS.get(match["d"].lower())
        if numerator is not None and denominator is not None:
            return numerator, denominator
    return None


def _qualified(text: str) -> tuple[str, str]:
    for pattern, kind in _QUALIFIERS:
        match = pattern.match(text)
        if match:
            return kind, text[match.end() :].strip()
    return "exact", text


def _bare(text: str, kind: str) -> ShareReading | None:
    match = _PERCENT.match(text)
    if match:
        (low, denominator), (high, high_denominator) = _percent(match["a"]), _percent(match["b"])
        # one denominator for both ends: 2.5 to 10% is 25/1000 to 100/1000
        scale = max(denominator, high_denominator)
        low, high = low * scale // denominator, high * scale // high_denominator
        return {"kind": "range", "numerator": low, "denominator": scale, "upper": high}
    match = _ONE_PERCENT.match(text)
    if match:
        numerator, denominator = _percent(match["a"])
        return {"kind": kind, "numerator": numerator, "denominator": denominator}
    fraction = _fraction(text)
    if fraction is None:
        return None
    return {"kind": kind, "numerator": fraction[0], "denominator": fraction[1]}


def read_share(text: str) -> ShareReading:
    """The keyword arguments of the Share a wording denotes (without the wording itself)."""
    if not isinstance(text, str) or not text.strip():
        raise Invalid(text, EXPECTED)
    if len(text) > MAX_LENGTH:
        raise Invalid(text, f"a share wording of at most {MAX_LENGTH:,} characters", problem="the text is too long")
    kind, rest = _qualified(" ".join(text.split()))
    # "three quarters of the channels": the share, not what it is a share of
    rest = _OF.sub("", rest).strip()
    rest = re.sub(r"^(?:between|from)\s+", "", rest, flags=re.I)
    reading = _bare(rest, kind)
    if reading is None:
        raise Invalid(text, EXPECTED, problem=f"{shown(text)} is not a share")
    if reading["kind"] == "range" and kind != "exact":
        raise Invalid(text, "a range without a qualifier ('30 to 40%')", problem=f"{shown(text)} qualifies a range")
    if reading["denominator"] == 0:
        raise Invalid(text, "a share of a whole: a denominator above zero", problem=f"{shown(text)} divides by zero")
    return reading
