"""What the wording parsers share: the length limit, the number limit and one linear tokenizer.

Every parser reads a list of tokens, never the text itself with a regular expression that can
backtrack, so that its time grows linearly with the text: the tokenizer's pattern has no
quantifier that can match the same characters two ways.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from .._core.fields import Invalid, shown

#: The longest text a parser reads; longer texts are refused before any other work.
MAX_WORDING = 1_000
#: The most digits a number in a wording may have (before its scale word): 10**15 is the largest
#: count, and integers beyond 2**53 do not survive a JSON reader that uses doubles.
MAX_DIGITS = 15

# A number ("1,500", "1.5", "2024"), a word ("approx.", "o'clock"), or any other one character.
_TOKEN = re.compile(r"\d+(?:,\d+)*(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)*\.?|\S")


class Token(NamedTuple):
    """A word, number or sign of a wording: ``text`` lower-cased without a final dot."""

    text: str
    start: int
    end: int


def checked(value: Any, expected: str) -> str:
    """The wording if it is text a parser may read; refused before any work otherwise."""
    if isinstance(value, str) and len(value) > MAX_WORDING:  # before any work, even a strip
        raise Invalid(
            value,
            expected,
            problem=f"a wording of {len(value):,} characters is longer than the {MAX_WORDING:,} a parser reads",
        )
    if not isinstance(value, str) or not value.strip():
        raise Invalid(value, expected)
    return value


def tokens(text: str) -> list[Token]:
    """The words, numbers and signs of a wording, lower-cased; a final "." is dropped."""
    found = [Token(m[0].lower().rstrip(".") or ".", m.start(), m.end()) for m in _TOKEN.finditer(text)]
    while found and found[-1].text == ".":
        found.pop()
    return found


def digits_of(token: str, original: str, expected: str) -> int:
    """A number token's whole value ("1,500" is 1500), refused past :data:`MAX_DIGITS` digits."""
    plain = token.replace(",", "")
    if len(plain) > MAX_DIGITS:
        raise Invalid(
            original,
            expected,
            problem=f"the number in {shown(original)} has more than {MAX_DIGITS} digits",
        )
    return int(plain)


def starts_with(words: list[Token], phrase: tuple[str, ...], at: int = 0) -> bool:
    """Whether the tokens from ``at`` spell ``phrase``."""
    return len(words) - at >= len(phrase) and all(words[at + i].text == w for i, w in enumerate(phrase))


def longest_phrase(words: list[Token], phrases: dict[tuple[str, ...], str], at: int = 0) -> tuple[str, int] | None:
    """The meaning and length of the longest phrase of ``phrases`` starting at ``at``, or None."""
    best: tuple[str, int] | None = None
    for phrase, meaning in phrases.items():
        if (best is None or len(phrase) > best[1]) and starts_with(words, phrase, at):
            best = (meaning, len(phrase))
    return best


def phrases(table: dict[str, str]) -> dict[tuple[str, ...], str]:
    """A phrase table keyed by token tuples: ``{"at least": k}`` becomes ``{("at", "least"): k}``."""
    return {tuple(token.text for token in tokens(words)): meaning for words, meaning in table.items()}
