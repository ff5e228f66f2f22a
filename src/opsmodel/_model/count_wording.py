"""Reading counts as reports word them ("at least a dozen", "three to five", "over 3,000 accounts").

Only text analysis: a reading is the keyword arguments of the :class:`~.counts.Count` the text
denotes, which :mod:`.counts` builds. A text that is not a count raises
:class:`~opsmodel._core.fields.Invalid`. The grammar, and the bounds given to vague quantities,
are listed in ``docs/reference/wordings.md``; a test checks every example there.

The text is read as tokens, left to right, once: an optional qualifier ("at least", "just
over"), a number or a range, an optional trailing "or more", then the noun ("Facebook
accounts"), which may be anything made of words. Whatever else is refused with a message naming
the part that could not be read; a parse never guesses.
"""

from __future__ import annotations

import itertools
from typing import Any

from .._core.fields import Invalid, shown
from .wording import Token, checked, digits_of, longest_phrase, phrases, tokens

#: The keyword arguments of a Count: ``kind`` (a CountKind value), ``value``, ``upper``.
CountReading = dict[str, Any]

#: The largest count: within the integers a JSON reader using doubles keeps exactly (2**53).
MAX_COUNT = 10**15

EXPECTED = "a count wording such as '12', 'at least a dozen', 'three to five', 'over 27,000' or 'less than 100'"

_UNITS = {
    "zero": 0, "none": 0, "no": 0, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# Scale words; those of a thousand or more make a bare number a rounded figure ("2 million").
_SCALES = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000,
    "mn": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
}  # fmt: skip
_ROUNDED = 1_000
_WORD_SCALES = {"dozen", "hundred", "thousand", "million", "billion"}

_QUALIFIERS = phrases(
    {
        **dict.fromkeys(
            ["at least", "no fewer than", "no less than", "not fewer than", "not less than", "a minimum of", "minimum", "min"],
            "at_least",
        ),
        **dict.fromkeys(
            [
                "more than",
                "over",
                "upwards of",
                "upward of",
                "in excess of",
                "greater than",
                ">",
                "just over",
                "just more than",
                "slightly more than",
                "slightly over",
                "a little over",
                "a little more than",
                "well over",
                "well above",
                "above",
                "surpassed",
                "surpassing",
                "surpasses",
                "exceeded",
                "exceeding",
                "exceeds",
                "topped",
                "topping",
            ],
            "more_than",
        ),
        **dict.fromkeys(
            ["at most", "no more than", "not more than", "up to", "a maximum of", "maximum", "max"],
            "at_most",
        ),
        **dict.fromkeys(
            [
                "less than",
                "fewer than",
                "under",
                "below",
                "<",
                "just under",
                "just below",
                "slightly less than",
                "slightly fewer than",
                "a little under",
                "a little less than",
            ],
            "less_than",
        ),
        **dict.fromkeys(
            [
                "about",
                "around",
                "approximately",
                "approx",
                "roughly",
                "some",
                "nearly",
                "almost",
                "circa",
                "ca",
                "c",
                "an estimated",
                "estimated",
                "est",
                "~",
                "close to",
                "in the region of",
                "on the order of",
                "of the order of",
                "an approximate",
            ],
            "approximate",
        ),
    }
)
_TRAILING = phrases(
    {"+": "at_least", "or more": "at_least", "and more": "at_least", "plus": "at_least", "or over": "at_least"}
    | {"or fewer": "at_most", "or less": "at_most", "and fewer": "at_most", "or under": "at_most"}
    | {"or so": "approximate", "or thereabouts": "approximate"}
)

#: Vague quantities and what they guarantee, as (kind, value); see docs/reference/wordings.md.
VAGUE = {
    "a handful": ("approximate", 5),
    "handful": ("approximate", 5),
    "a couple": ("approximate", 2),
    "several": ("at_least", 3),
    "a few": ("at_least", 2),
    "a small number": ("at_least", 2),
    "a number": ("at_least", 2),
    "dozens": ("at_least", 24),
    "scores": ("at_least", 40),
    "hundreds": ("at_least", 200),
    "thousands": ("at_least", 2_000),
    "tens of thousands": ("at_least", 20_000),
    "hundreds of thousands": ("at_least", 200_000),
    "millions": ("at_least", 2_000_000),
    "tens of millions": ("at_least", 20_000_000),
    "in the dozens": ("at_least", 12),
    "in the hundreds": ("at_least", 100),
    "in the thousands": ("at_least", 1_000),
    "in the tens of thousands": ("at_least", 10_000),
    "in the hundreds of thousands": ("at_least", 100_000),
    "in the millions": ("at_least", 1_000_000),
}
_VAGUE = phrases({words: words for words in VAGUE})
#: "several hundred", "a few thousand": at least two of the scale (a reader may call 250 "several hundred").
_MULTIPLIERS = phrases({"several": "2", "a few": "2", "a couple of": "2", "a couple": "2"})
_UNKNOWN = phrases(
    dict.fromkeys(["unknown", "unclear", "not known", "n/a", "na", "undisclosed", "an unknown number", "unknown number"], "")
)
_TOO_VAGUE = {"many", "lots", "lot", "numerous", "countless", "multiple", "various", "plenty", "innumerable"}
_PERCENT = {"%", "percent", "pct", "percentage", "percentages", "‰", "per cent"}
_FRACTIONS = {
    "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth", "sixths",
    "seventh", "sevenths", "eighth", "eighths", "ninth", "ninths", "tenth", "tenths", "majority", "minority",
    "share", "proportion", "½", "⅓", "⅔", "¼", "¾",
}  # fmt: skip
_MONEY = {
    "$", "€", "£", "¥", "₽", "₹", "₴", "usd", "eur", "gbp", "rub", "dollar", "dollars", "euro", "euros",
    "pounds", "rubles", "roubles",
}  # fmt: skip
# Signs that may join the words of a noun ("pro-Kremlin", "Facebook & Instagram accounts").
_JOINERS = {"-", "'", "’", "&", "(", ")", '"', ",", ":", "/", "@", "."}
_RANGE_WORDS = {"-", "–", "—", "to", "and", "or"}
# Words that say something about the number: never part of the noun after it.
_PLURAL_SCALES = {"tens", "dozens", "scores", "hundreds", "thousands", "millions", "billions"}
_NOT_NOUN = (
    _PERCENT
    | _FRACTIONS
    | _MONEY
    | set(_SCALES)
    | _PLURAL_SCALES
    | set(_UNITS)
    | set(_TENS)
    | {"and", "or", "to", "than", "then"}
)


def _fail(original: str, problem: str) -> Invalid:
    return Invalid(original, EXPECTED, problem=problem)


def _one_in_five(words: list[Token]) -> bool:
    """ "3/4", "one in five", "2 out of 3": a number, a word of proportion, a number."""
    for i in range(1, len(words) - 1):
        word, after = words[i].text, words[i + 1].text
        if (word == "/" or word == "in") and _is_number(words[i - 1].text) and _is_number(after):
            return True
        if word == "out" and after == "of":
            return True
    return False


def _is_number(word: str) -> bool:
    return word[:1].isdecimal() or word in _UNITS or word in _TENS


def _refuse_what_is_not_a_count(words: list[Token], original: str) -> None:
    """Percentages, fractions, sums of money and bare vagueness are not counts: say which."""
    said = {token.text for token in words} | {f"{a.text} {b.text}" for a, b in itertools.pairwise(words)}
    if said & _PERCENT:
        raise _fail(original, f"{shown(original)} is a percentage, not a count: read it with parse_share")
    if said & _FRACTIONS or _one_in_five(words):
        raise _fail(original, f"{shown(original)} is a fraction, not a count: read it with parse_share")
    if said & _MONEY:
        raise _fail(
            original,
            f"{shown(original)} is a sum of money, not a count: read it with parse_money",
        )
    vague = [token.text for token in words[:2] if token.text in _TOO_VAGUE]
    if vague and (words[0].text == vague[0] or words[0].text == "a"):
        raise _fail(original, f"{shown(vague[0])} in {shown(original)} is too vague to bound a count")
    if words[0].text in {"-", "–", "—", "minus"}:
        raise _fail(original, f"a count cannot be negative: {shown(original)}")


def _digits(words: list[Token], at: int, original: str) -> tuple[int, int, bool] | None:
    """A number in figures with its scale ("1,500", "1.5 million", "2k"): value, next token, rounded."""
    text = words[at].text
    whole, _, fraction = text.partition(".")
    if "," in whole and not _grouped(whole):
        raise _fail(original, f"{shown(text)} in {shown(original)} is not a number grouped in thousands")
    value = digits_of(whole, original, EXPECTED)
    digits_of(fraction or "0", original, EXPECTED)
    at += 1
    scale = _SCALES.get(words[at].text) if at < len(words) else None
    glued = at < len(words) and words[at].start == words[at - 1].end and words[at].text[:1].isalpha()
    if glued and scale is None:  # "1000s", "5x": a number and letters written as one word
        said = original[words[at - 1].start : words[at].end]
        raise _fail(original, f"cannot read {shown(said)} in {shown(original)} as a number")
    if scale is None:
        if fraction:
            raise _fail(original, f"{shown(text)} in {shown(original)} is not a whole number")
        return value, at, False
    numerator = (value * 10 ** len(fraction) + int(fraction or "0")) * scale
    if numerator % 10 ** len(fraction):
        raise _fail(original, f"{shown(text)} {words[at].text} in {shown(original)} is not a whole number")
    return numerator // 10 ** len(fraction), at + 1, scale >= _ROUNDED


def _grouped(whole: str) -> bool:
    head, *groups = whole.split(",")
    return 1 <= len(head) <= 3 and all(len(group) == 3 for group in groups)


def _small(words: list[Token], at: int) -> tuple[int, int] | None:
    """A number below a hundred in words ("seven", "twenty-five", "twenty five"), or None."""
    text = words[at].text if at < len(words) else ""
    if text in _UNITS:
        return _UNITS[text], at + 1
    if text not in _TENS:
        return None
    at += 1
    # "twenty-five" is one number; "twenty - five" (spaced) is a range.
    hyphen = at + 1 < len(words) and words[at].text == "-" and words[at - 1].end == words[at].start == words[at + 1].start - 1
    unit = words[at + hyphen].text if at + hyphen < len(words) else ""
    if unit in _UNITS and 1 <= _UNITS[unit] <= 9:
        return _TENS[text] + _UNITS[unit], at + hyphen + 1
    return _TENS[text], at


def _in_words(words: list[Token], at: int, joins: bool = True) -> tuple[int, int, bool] | None:
    """A number in words ("three", "a dozen", "two hundred and five", "a thousand"), or None.

    ``joins=False`` reads "and" as the end of the number ("between one hundred and two hundred").
    """
    start, last = at, ""
    state = [0, 0, 0]  # the sum of the finished thousands, the number being read, whether rounded
    if words[at].text in {"a", "an"} and at + 1 < len(words) and words[at + 1].text in {*_SCALES, "single"}:
        if words[at + 1].text == "single":
            return 1, at + 2, False
        state[1], at, last = 1, at + 1, "small"
    while at < len(words):
        step = _word_step(words, at, last, state, joins)
        if step is None:
            break
        at, last = step
    if at == start:
        return None
    return state[0] + state[1], at, bool(state[2])


def _word_step(words: list[Token], at: int, last: str, state: list[int], joins: bool) -> tuple[int, str] | None:
    """Read one more word of a number into ``state``: the next token and what was read, or None."""
    word = words[at].text
    small = _small(words, at) if last != "small" else None
    if small is not None:
        state[1] += small[0]
        return small[1], "small"
    # A scale multiplies what is below it: "twelve hundred", "two hundred thousand", never "101 hundred".
    below = 0 < state[1] < (100 if _SCALES[word] < _ROUNDED else 1_000) if word in _WORD_SCALES else False
    if below and (last == "small" or (last == "scale" and _SCALES[word] >= _ROUNDED)):
        state[1] *= _SCALES[word]
        if _SCALES[word] >= _ROUNDED:
            state[0], state[1], state[2] = state[0] + state[1], 0, 1
        return at + 1, "scale"
    if word == "and" and joins and last == "scale" and at + 1 < len(words) and _small(words, at + 1) is not None:
        return at + 1, "and"
    return None


def _number(words: list[Token], at: int, original: str, joins: bool = True) -> tuple[int, int, bool]:
    """The number starting at token ``at``: value, the next token, whether it is a rounded figure."""
    if at >= len(words):
        raise _fail(original, f"no number in {shown(original)}")
    found = _digits(words, at, original) if words[at].text[:1].isdecimal() else _in_words(words, at, joins)
    if found is None:
        raise _fail(original, f"cannot read a number at {shown(original[words[at].start : words[at].end])} in {shown(original)}")
    if found[0] > MAX_COUNT:
        raise _fail(original, f"{shown(original)} is more than {MAX_COUNT:,}, the largest count")
    return found


def _noun(words: list[Token], at: int, original: str) -> int:
    """Check that the tokens from ``at`` are a noun ("Facebook accounts", "of the pages")."""
    for token in words[at:]:
        word = token.text[:1].isalpha() or (token.text in _JOINERS and token is not words[at])
        if not word or token.text in _NOT_NOUN:
            raise _fail(original, f"cannot read {shown(original[token.start :])} after the number in {shown(original)}")
    return at


def _noun_from(text: str, words: list[Token], start: int) -> str | None:
    """The noun's own text from token ``start`` ("Facebook accounts"; "of" dropped), or None."""
    if start < len(words) and words[start].text == "of":
        start += 1
    if start >= len(words):
        return None
    return text[words[start].start : words[-1].end].rstrip(".") or None


def _vague(words: list[Token], original: str) -> CountReading | None:
    """ "a handful of accounts", "several hundred", "in the thousands", "dozens of pages"."""
    found = longest_phrase(words, _MULTIPLIERS)
    if found is not None and found[1] < len(words) and words[found[1]].text in _SCALES:
        scale = _SCALES[words[found[1]].text]
        if scale <= 1_000_000:  # "several k" is not English
            return {"kind": "at_least", "value": int(found[0]) * scale, "_noun": _noun(words, found[1] + 1, original)}
    vague = longest_phrase(words, _VAGUE)
    if vague is None:
        return None
    kind, value = VAGUE[vague[0]]
    return {"kind": kind, "value": value, "_noun": _noun(words, vague[1], original)}


def _range_or_single(words: list[Token], at: int, original: str) -> CountReading:
    between = at < len(words) and words[at].text in {"between", "from"}
    start, joins = at + between, words[at].text != "between"
    end = _span_end(words, start, joins)
    if end is not None and end + 1 < len(words) and words[end].text in _RANGE_WORDS:
        second = _try_number(words, end + 1, original)
        # "twenty-five" is read as one number; "5 and more" is a trailing qualifier.
        if second is not None and (words[end].text != "and" or between):
            high, after = second[0], second[1]
            low = _range_low(words[start:end], words[end + 1 : after], high, original)
            if high < low:
                raise _fail(original, f"the range in {shown(original)} is reversed: {low:,} is more than {high:,}")
            return {"kind": "range", "value": low, "upper": high, "_noun": _noun(words, after, original)}
    low, after, rounded = _number(words, start, original, joins)
    if between:
        raise _fail(original, f"no second number after 'between' in {shown(original)}")
    trailing = longest_phrase(words, _TRAILING, after)
    if trailing is not None:
        return {"kind": trailing[0], "value": low, "_noun": _noun(words, after + trailing[1], original)}
    return {"kind": "approximate" if rounded else "exact", "value": low, "_noun": _noun(words, after, original)}


def _span_end(words: list[Token], start: int, joins: bool) -> int | None:
    """Where the number starting at ``start`` ends (its scale word included), or None for no number."""
    if start >= len(words):
        return None
    if words[start].text[:1].isdecimal():
        return start + 1 + (start + 1 < len(words) and words[start + 1].text in _SCALES)
    found = _in_words(words, start, joins)
    return None if found is None else found[1]


def _range_low(first: list[Token], second: list[Token], high: int, original: str) -> int:
    """The low end of a range: "1-2 million" and "three to five thousand" share the second's scale.

    A first number without a scale of a thousand or more takes the second's (its whole run of
    scale words if it has none: "three to five hundred thousand"), unless that passes the high end
    ("500 to 2 million" is 500 to 2,000,000).
    """
    run: list[Token] = []
    for token in reversed(second):
        if token.text not in _SCALES:
            break
        run.insert(0, token)
    scales = [_SCALES[token.text] for token in first if token.text in _SCALES]
    extra = run if not scales else [token for token in run if _SCALES[token.text] >= _ROUNDED]
    # "1 to a hundred" is 1 to 100: "a hundred" is one number, its scale is no one else's.
    if extra and all(scale < _ROUNDED for scale in scales) and second[0].text not in {"a", "an"}:
        scaled = _number([*first, *extra], 0, original)[0]
        if scaled <= high:
            return scaled
    return _number(first, 0, original)[0]


def _try_number(words: list[Token], at: int, original: str) -> tuple[int, int, bool] | None:
    if words[at].text[:1].isdecimal():
        return _number(words, at, original)
    found = _in_words(words, at)
    return found if found is None or found[0] <= MAX_COUNT else _number(words, at, original)


def _read(words: list[Token], original: str) -> CountReading:
    if not words:
        raise _fail(original, f"no number in {shown(original)}")
    unknown = longest_phrase(words, _UNKNOWN)
    if unknown is not None and (unknown[1] == len(words) or words[unknown[1]].text == "of"):
        return {"kind": "unknown", "_noun": _noun(words, unknown[1], original)}
    _refuse_what_is_not_a_count(words, original)
    vague = _vague(words, original)
    if vague is not None:
        return vague
    qualifier = longest_phrase(words, _QUALIFIERS)
    if qualifier is None:
        return _range_or_single(words, 0, original)
    kind, at = qualifier
    value, after, _ = _number(words, at, original)
    return {"kind": kind, "value": value, "_noun": _noun(words, after, original)}


def read_count_and_noun(text: Any) -> tuple[CountReading, str | None]:
    """The Count a report's wording of a number denotes, as keyword arguments (without the
    wording), and the noun after the number ("Facebook accounts"), or None when there is none."""
    text = checked(text, EXPECTED)
    words = tokens(text)
    reading = _read(words, text)
    return reading, _noun_from(text, words, reading.pop("_noun"))


def read_count(text: Any) -> CountReading:
    """The Count a report's wording of a number denotes, as keyword arguments (without the wording)."""
    return read_count_and_noun(text)[0]


def check_noun(text: str, said: str | None, noun: str) -> None:
    """Refuse a count whose noun is not ``noun``: its last words, singular or plural ("accounts")."""
    wanted = [token.text for token in tokens(noun)]
    last = [token.text for token in tokens(said or "")][-len(wanted) :] if wanted else []
    if not (wanted and last and _same_noun(last, wanted)):
        counted = f"counts {shown(said)}" if said else "names nothing it counts"
        raise _fail(text, f"{shown(text)} {counted}, not {shown(noun)}")


def _same_noun(said: list[str], wanted: list[str]) -> bool:
    head = said[:-1] == wanted[:-1]
    word, want = said[-1], wanted[-1]
    return head and (word in {want, want + "s", want + "es"} or want in {word + "s", word + "es"})
