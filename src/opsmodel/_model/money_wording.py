"""Reading sums of money as reports word them: "about $3,500", "€1.5 million", "between 200 and 300 EUR".

A sum is a count (read by :func:`~opsmodel.parse_count`, with all its qualifiers) and one
currency, said by a sign, a code or a name. The currency must be said, and said once (or the
same way at both ends of a range); a sign several currencies share ("¥", "kr") is refused
rather than guessed. A bare ``$`` or "dollars" is the one guess, because reports in English use
it for US dollars: :func:`parse_money` takes ``dollar=`` for a source that means another.
"""

from __future__ import annotations

import functools

import attrs
import pycountry

from .._core.errors import ParseError
from .._core.fields import Invalid, shown
from .counts import Money, parse_count
from .wording import Token, checked, tokens

EXPECTED = "a sum of money with its currency ('about $3,500', '€1.5 million', '200 to 300 EUR', 'a few thousand dollars')"

# Signs and names that say one currency. "$" and "dollar(s)" stand for ``dollar`` (USD unless told).
_SIGNS = {"€": "EUR", "£": "GBP", "₽": "RUB", "₴": "UAH", "₹": "INR", "₪": "ILS", "₩": "KRW", "₺": "TRY", "₦": "NGN"}
_DOLLAR_PREFIXES = {"us": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD", "hk": "HKD", "nt": "TWD", "s": "SGD"}
_NAMES = {
    "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "shekel": "ILS", "shekels": "ILS", "naira": "NGN",
    "lira": "TRY", "liras": "TRY", "won": "KRW", "rand": "ZAR", "rupiah": "IDR", "ringgit": "MYR",
}  # fmt: skip
# Said by more than one currency: refused, the message asks for the code.
_AMBIGUOUS = {"¥", "kr", "rupee", "rupees", "peso", "pesos", "franc", "francs", "dinar", "dinars", "crown", "crowns"}
_DOLLAR_WORDS = {"dollar", "dollars", "$"}


@functools.lru_cache(maxsize=256)
def _iso_code(word: str) -> str | None:
    """An ISO 4217 code written as a word ("usd", "EUR"), else None."""
    if len(word) != 3 or not word.isalpha():
        return None
    found = pycountry.currencies.get(alpha_3=word.upper())
    return None if found is None else str(found.alpha_3)


def _currency_at(words: list[Token], at: int, dollar: str) -> tuple[str, int, int] | None:
    """The currency said at ``words[at]``: its code and the span of tokens saying it, else None."""
    word = words[at].text
    if word in _AMBIGUOUS:
        raise Invalid(words[at].text, EXPECTED, problem=f"{shown(word)} names more than one currency: give its ISO 4217 code")
    if word == "$" and at > 0 and words[at - 1].end == words[at].start and words[at - 1].text in _DOLLAR_PREFIXES:
        return _DOLLAR_PREFIXES[words[at - 1].text], at - 1, at + 1
    if word in _DOLLAR_WORDS:
        # "US dollars": the country before the name says which dollar
        if word != "$" and at > 0 and words[at - 1].text in {"us", "u.s"}:
            return "USD", at - 1, at + 1
        return dollar, at, at + 1
    if word in _SIGNS or word in _NAMES:
        return (_SIGNS | _NAMES)[word], at, at + 1
    return None


def _code_at(words: list[Token], at: int, text: str) -> tuple[str, int, int] | None:
    """An ISO 4217 code in capitals ("USD 40", "3,500 EUR") next to the amount, else None."""
    written = text[words[at].start : words[at].end]
    beside_amount = at in (0, len(words) - 1) or words[at - 1].text[:1].isdecimal()
    # capitals only: "all" is a word, "ALL" the Albanian lek
    code = _iso_code(words[at].text) if written.isupper() and beside_amount else None
    return None if code is None else (code, at, at + 1)


def read_money(text: str, *, dollar: str = "USD") -> tuple[str, str]:
    """The count part of a sum's wording (currency words taken out) and the currency's code."""
    words = tokens(text)
    found: list[tuple[str, int, int]] = []
    at = 0
    while at < len(words):
        said = _currency_at(words, at, dollar) or _code_at(words, at, text)
        if said is not None:
            found.append(said)
            at = said[2]
        else:
            at += 1
    codes = {code for code, _, _ in found}
    if not codes:
        raise Invalid(text, EXPECTED, problem=f"{shown(text)} names no currency")
    if len(codes) > 1:
        raise Invalid(text, EXPECTED, problem=f"{shown(text)} names more than one currency: {', '.join(sorted(codes))}")
    kept, last = [], 0
    for _, first, end in found:
        kept.append(text[last : words[first].start])
        last = words[end - 1].end
    kept.append(text[last:])
    return " ".join("".join(kept).split()), codes.pop()


def parse_money(text: str, *, dollar: str = "USD") -> Money:
    """Read a sum of money as a report words it, keeping the wording.

    >>> str(parse_money("about $3,500"))
    'about 3,500 USD'
    >>> str(parse_money("between €200 and €300"))
    '200 to 300 EUR'
    >>> parse_money("1.5 million roubles").amount.kind.value
    'approximate'

    The amount is read as :func:`~opsmodel.parse_count` reads a count; the currency by its sign
    (``€``, ``£``, ``₽``, ``US$``, ``C$``...), its ISO 4217 code or its name ("euros",
    "hryvnias"). A bare ``$`` or "dollars" is read as ``dollar`` (US dollars unless a source
    means another). Raises :class:`~opsmodel.ParseError` (a ``ValueError``) when the currency is
    missing, ambiguous ("¥", "rupees") or said twice differently, or the amount is not a count.
    """
    try:
        amount_text, currency = read_money(checked(text, EXPECTED), dollar=dollar)
        if not amount_text:
            raise Invalid(text, EXPECTED, problem=f"{shown(text)} names a currency but no amount")
    except Invalid as exc:
        raise ParseError(text=text, expected=exc.expected, problem=exc.problem) from None
    try:
        amount = parse_count(amount_text)
    except ParseError as exc:
        raise ParseError(text=text, expected=EXPECTED, problem=exc.problem) from None
    return Money(amount=attrs.evolve(amount, wording=None), currency=currency, wording=text)
