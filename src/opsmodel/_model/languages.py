"""Languages: ISO 639 codes, ISO 15924 scripts and regions, written as BCP 47 tags."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import attrs
import pycountry
from attrs import field, frozen

from .._core.fields import Invalid, fail, model, read_text, shown, to_optional_text, tuple_of
from .places import country_code

_EXPECTED_LANGUAGE = "an ISO 639-1 or 639-3 code or an English language name (e.g. 'ru', 'rus', 'Russian')"


@functools.lru_cache(maxsize=4096)
def _language_code(text: str) -> str:
    key = text.strip()
    lower = key.lower()
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


def _check_language(instance: Language, attribute: attrs.Attribute[Any], value: Any) -> None:
    if instance.code is None and instance.name is None:
        raise fail(
            instance, attribute, value, "a code, or a name for a language that has none", problem="neither code nor name given"
        )


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
    name: str | None = field(default=None, converter=to_optional_text, validator=_check_language)

    @classmethod
    def parse(cls, text: str) -> Language:
        """Read a BCP 47 tag (``"zh-Hant-TW"``), an ISO 639 code or an English language name."""
        return _to_language(text)

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
        if m := _TAG.match(value.strip()):
            return Language(code=m["code"], script=m["script"], region=m["region"])
        return Language(code=_to_optional_code(value))
    raise Invalid(value, "a Language, a BCP 47 tag or a language name")


def to_languages(value: Iterable[Language | str]) -> tuple[Language, ...]:
    return tuple_of(value, _to_language, "languages", ready=lambda item: type(item) is Language)


def to_optional_language(value: Language | str | None) -> Language | None:
    return None if value is None else _to_language(value)
