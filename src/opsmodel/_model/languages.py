"""Languages: ISO 639 codes, ISO 15924 scripts and regions, written as BCP 47 tags; and what an operation used them for."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import pycountry
from attrs import field, frozen

from .._core.errors import FieldError, ParseError
from .._core.fields import (
    Invalid,
    OptionalOf,
    TupleOf,
    Vocabulary,
    any_given,
    model,
    read_text,
    shown,
    to_optional_text,
    to_source_ids,
    tuple_of,
    words_of,
)
from .dates import FuzzyDate, to_optional_fuzzy_date
from .measures import Share, to_optional_share
from .places import country_code
from .wording import checked

_EXPECTED_LANGUAGE = "an ISO 639-1 or 639-3 code or an English language name (e.g. 'ru', 'rus', 'Russian', 'Farsi')"

#: Names in common use that ISO 639 does not list as names, and the code each stands for (the
#: table in docs/reference/wordings.md). Mandarin and Cantonese are the ISO 639-3 languages
#: (``cmn``, ``yue``); "Chinese" stays the macrolanguage ``zh``. "Filipino/Tagalog" is Filipino,
#: the standard form of Tagalog.
LANGUAGE_ALIASES = {
    "farsi": "fa", "mandarin": "cmn", "cantonese": "yue", "filipino/tagalog": "fil", "tagalog/filipino": "fil",
    "pashto": "ps", "swahili": "sw", "kiswahili": "sw", "greek": "el", "nepali": "ne", "malay": "ms",
    "azeri": "az", "kyrgyz": "ky", "kirghiz": "ky", "uyghur": "ug", "uighur": "ug", "punjabi": "pa",
    "sinhalese": "si", "sorani": "ckb", "kurmanji": "kmr", "flemish": "nl", "moldovan": "ro",
    "byelorussian": "be", "haitian creole": "ht", "castilian": "es", "bangla": "bn", "hebrew": "he",
}  # fmt: skip
#: Names that also fix a script or a region, read by :meth:`Language.parse` (and the converters).
LANGUAGE_TAG_ALIASES = {
    "simplified chinese": ("zh", "Hans", None),
    "traditional chinese": ("zh", "Hant", None),
    "brazilian portuguese": ("pt", None, "BR"),
    "european portuguese": ("pt", None, "PT"),
    "latin american spanish": ("es", None, "419"),
}


@functools.lru_cache(maxsize=4096)
def _language_code(text: str) -> str:
    key = text.strip()
    lower = key.lower()
    alias = LANGUAGE_ALIASES.get(" ".join(lower.split()))
    if alias is not None:
        return alias
    found = None
    if len(lower) == 2 and lower.isalpha():
        found = pycountry.languages.get(alpha_2=lower)
    elif len(lower) == 3 and lower.isalpha():
        found = pycountry.languages.get(alpha_3=lower)
        if found is None:
            # ISO 639-2/B codes ("fre", "ger", "chi") name the same languages.
            found = pycountry.languages.get(bibliographic=lower)
    else:
        try:
            found = pycountry.languages.lookup(key)
        except LookupError:
            found = None
    if found is None:
        raise Invalid(text, _EXPECTED_LANGUAGE, problem=f"{shown(text)} is not a language")
    # BCP 47 prefers the shortest code: 639-1 where it exists, else 639-3.
    return str(getattr(found, "alpha_2", None) or found.alpha_3)


def _to_optional_code(value: str | None) -> str | None:
    return None if value is None else read_text(value, _language_code, _EXPECTED_LANGUAGE)


@functools.lru_cache(maxsize=512)
def _script_code(text: str) -> str:
    found = pycountry.scripts.get(alpha_4=text.strip().title())
    if found is None:
        try:
            found = pycountry.scripts.lookup(text.strip())
        except LookupError:
            found = None
    if found is None:
        raise Invalid(
            text, "an ISO 15924 script code or name (e.g. 'Hant', 'Cyrl', 'Latin')", problem=f"{shown(text)} is not a script"
        )
    return str(found.alpha_4)


def _to_optional_script(value: str | None) -> str | None:
    return None if value is None else read_text(value, _script_code, "an ISO 15924 script code (e.g. 'Hant')")


def _to_optional_region(value: str | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and re.fullmatch(r"[0-9]{3}", value):
        return value  # UN M.49 area codes such as 419 (Latin America) are valid BCP 47 regions
    if not isinstance(value, str):
        raise Invalid(value, "an ISO 3166-1 country code or a UN M.49 area code")
    return country_code(value)


@model
@frozen(kw_only=True)
class Language:
    """A language as an ISO 639 code, with optional script and region; or only a name.

    ``Language(code="zh", script="Hant")`` is traditional Chinese (BCP 47 ``zh-Hant``). A language
    with no code keeps its ``name`` and has no :attr:`tag`.
    """

    #: The ISO 639 code (639-1 where one exists, else 639-3); names and 639-2 codes are normalised.
    code: str | None = field(default=None, converter=_to_optional_code)
    #: The ISO 15924 script code (``Hant``, ``Cyrl``), when the script matters.
    script: str | None = field(default=None, converter=_to_optional_script)
    #: The ISO 3166-1 country or UN M.49 area code of a regional variety (``BR`` in ``pt-BR``).
    region: str | None = field(default=None, converter=_to_optional_region)
    #: The language's name; required for a language with no code.
    name: str | None = field(
        default=None,
        converter=to_optional_text,
        validator=any_given("code", "name", expected="a code, or a name for a language that has none"),
    )

    @classmethod
    def parse(cls, text: str) -> Language:
        """Read a BCP 47 tag (``"zh-Hant-TW"``), an ISO 639 code or an English language name.

        Names in common use ("Farsi", "Mandarin") are read too (docs/reference/wordings.md).
        Raises :class:`~opsmodel.ParseError` when the text is none of these.
        """
        return parse_language(text)

    @property
    def tag(self) -> str | None:
        """The BCP 47 tag (``zh-Hant-TW``), or None for a language with no code."""
        if self.code is None:
            return None
        return "-".join(p for p in (self.code, self.script, self.region) if p)

    @property
    def english_name(self) -> str:
        if self.code is None:
            assert self.name is not None
            return self.name
        found = pycountry.languages.get(alpha_2=self.code) if len(self.code) == 2 else pycountry.languages.get(alpha_3=self.code)
        return self.name or str(getattr(found, "name", self.code))

    def __str__(self) -> str:
        return self.tag or str(self.name)


_TAG = re.compile(r"^(?P<code>[a-zA-Z]{2,3})(?:-(?P<script>[a-zA-Z]{4}))?(?:-(?P<region>[a-zA-Z]{2}|[0-9]{3}))?$")


def _to_language(value: Any) -> Language:
    if isinstance(value, Language):
        return value
    if isinstance(value, str):
        named = LANGUAGE_TAG_ALIASES.get(" ".join(value.lower().split()))
        if named is not None:
            return Language(code=named[0], script=named[1], region=named[2])
        if m := _TAG.match(value.strip()):
            return Language(code=m["code"], script=m["script"], region=m["region"])
        return Language(code=_to_optional_code(value))
    raise Invalid(value, "a Language, a BCP 47 tag or a language name")


def parse_language(text: str) -> Language:
    """:meth:`Language.parse`: a language from its tag, code or name, or a ParseError."""
    try:
        return _to_language(checked(text, _EXPECTED_LANGUAGE))
    except Invalid as exc:
        raise ParseError(text=text, expected=exc.expected, problem=exc.problem) from None
    except FieldError as exc:
        raise ParseError(text=text, expected=exc.expected, problem=exc.problem) from None


def to_languages(value: Iterable[Language | str]) -> tuple[Language, ...]:
    return tuple_of(value, _to_language, "languages", ready=lambda item: type(item) is Language)


def to_optional_language(value: Language | str | None) -> Language | None:
    return None if value is None else _to_language(value)


class LanguageRole(Vocabulary):
    """What an operation used a language (or a script) for."""

    #: The content it published was in it.
    PUBLISHED = "published"
    #: Its prompts to AI models were in it.
    PROMPTS = "prompts"
    #: The content it translated was in it (the source language of its translations).
    TRANSLATED_FROM = "translated_from"
    #: Its operators worked in it among themselves (internal documents, chats).
    INTERNAL = "internal"
    #: It used it to point at someone else (a false flag: Cyrillic comments, another country's idiom).
    FALSE_FLAG = "false_flag"
    #: Something else the source says.
    OTHER = "other"


class LanguageExtent(Vocabulary):
    """How much of the operation's content a language had, in words, when the source gives no figure."""

    #: All of it ("only in French").
    ONLY = "only"
    #: Most of it ("mostly in Russian").
    MOSTLY = "mostly"
    #: Part of it ("some posts in English").
    PARTLY = "partly"
    #: A small part of it ("a small amount in German").
    LITTLE = "little"


@model
@frozen(kw_only=True)
class LanguageUse:
    """How an operation used a language or a script: for what, how much, since when.

    "Mostly in Russian" is ``LanguageUse(language="ru", extent="mostly")``; "prompts in Chinese"
    ``LanguageUse(language="zh", roles=["prompts"])``; "Cyrillic in the code comments, to point at
    Russia" ``LanguageUse(script="Cyrl", roles=["false_flag"])``. The plain list
    ``Operation.languages`` stays the languages of the content; a use adds to it, never replaces it.
    """

    #: The language; a tag, code or name is read into one.
    language: Language | None = field(default=None, converter=to_optional_language)
    #: An ISO 15924 script used apart from a language (a false flag in Cyrillic); a name is read too.
    script: str | None = field(
        default=None,
        converter=_to_optional_script,
        validator=any_given("language", "script", expected="a language, a script or both"),
    )
    #: What the operation used it for: published content, prompts, the source of translations...
    roles: tuple[LanguageRole, ...] = field(default=(), converter=TupleOf[LanguageRole])
    #: How much of the content was in it, in words ("mostly"), when the source gives no figure.
    extent: LanguageExtent | None = field(default=None, converter=OptionalOf[LanguageExtent])
    #: What share of the content was in it, when the source gives a figure ("80%", "a third").
    share: Share | None = field(default=None, converter=to_optional_share)
    #: Since when the operation used it, when it was added later.
    since: FuzzyDate | None = field(default=None, converter=to_optional_fuzzy_date)
    #: The use in the source's words.
    wording: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        text = str(self.language) if self.language is not None else f"script {self.script}"
        if self.roles:
            text += " (" + ", ".join(words_of(role) for role in self.roles) + ")"
        return text
