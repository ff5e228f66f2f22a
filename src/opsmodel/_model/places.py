"""Countries (ISO 3166-1), subdivisions (ISO 3166-2), named regions and audiences."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, Union

import attrs
import pycountry
from attrs import field, frozen

from .._core.fields import Invalid, fail, model, read_text, shown, to_optional_text, to_source_ids, to_text, tuple_of

# Codes in wide use that ISO 3166-1 has not assigned; threat reports name Kosovo often.
_USER_ASSIGNED = {"XK": "Kosovo", "XKX": "Kosovo"}
# English names in everyday use that differ from ISO's short names ("Russian Federation").
_COMMON_NAMES = {
    "russia": "RU", "iran": "IR", "syria": "SY", "north korea": "KP", "south korea": "KR",
    "korea": "KR", "vietnam": "VN", "laos": "LA", "moldova": "MD", "taiwan": "TW",
    "palestine": "PS", "venezuela": "VE", "bolivia": "BO", "tanzania": "TZ", "turkey": "TR",
    "türkiye": "TR", "czech republic": "CZ", "czechia": "CZ", "uk": "GB", "united kingdom": "GB",
    "great britain": "GB", "britain": "GB", "usa": "US", "us": "US", "united states": "US",
    "united states of america": "US", "america": "US", "the united states": "US",
    "the united kingdom": "GB", "brunei": "BN", "micronesia": "FM", "vatican": "VA",
    "ivory coast": "CI", "cote d'ivoire": "CI", "côte d'ivoire": "CI", "drc": "CD",
    "dr congo": "CD", "democratic republic of the congo": "CD", "republic of the congo": "CG",
    "congo": "CG", "cape verde": "CV", "east timor": "TL", "macedonia": "MK",
    "north macedonia": "MK", "burma": "MM", "myanmar": "MM", "swaziland": "SZ",
    "the netherlands": "NL", "holland": "NL", "the philippines": "PH", "uae": "AE",
    "saudi arabia": "SA", "hong kong": "HK", "macau": "MO", "macao": "MO",
}  # fmt: skip
_EXPECTED_COUNTRY = "an ISO 3166-1 alpha-2 or alpha-3 code or an English country name (e.g. 'RU', 'RUS', 'Russia')"


@functools.lru_cache(maxsize=4096)
def country_code(text: str) -> str:
    """The canonical ISO 3166-1 alpha-2 code for a code or English name: ``"Russia"`` gives ``"RU"``."""
    if not isinstance(text, str) or not text.strip():
        raise Invalid(text, _EXPECTED_COUNTRY)
    key = text.strip()
    if key.upper() in _USER_ASSIGNED or key.lower() == "kosovo":
        return "XK"
    code = _COMMON_NAMES.get(key.lower()) or _iso_code(key) or _iso_name(key)
    if code is None:
        raise Invalid(text, _EXPECTED_COUNTRY, problem=f"{shown(text)} is not a country")
    return code


def _iso_code(key: str) -> str | None:
    """The alpha-2 code of an alpha-2 or alpha-3 code, in any case."""
    if not key.isalpha() or len(key) not in (2, 3):
        return None
    upper = key.upper()
    found = pycountry.countries.get(alpha_2=upper) if len(key) == 2 else pycountry.countries.get(alpha_3=upper)
    return None if found is None else str(found.alpha_2)


def _iso_name(key: str) -> str | None:
    """The alpha-2 code of a country ISO names exactly (short, official or common name), in any case."""
    if len(key) <= 3:
        return None
    try:
        matches = pycountry.countries.search_fuzzy(key)
    except LookupError:
        return None
    # Only exact name matches count: fuzzy search would turn "Narnia" into something.
    for candidate in matches:
        names = {getattr(candidate, a, "").lower() for a in ("name", "official_name", "common_name")}
        if key.lower() in names:
            return str(candidate.alpha_2)
    return None


def _code(value: str) -> str:
    return read_text(value, country_code, _EXPECTED_COUNTRY)


@model
@frozen(kw_only=True)
class Country:
    """A country by its ISO 3166-1 alpha-2 code; names and alpha-3 codes are accepted and normalised."""

    #: The ISO 3166-1 alpha-2 code (``RU``; Kosovo is ``XK``); names and alpha-3 codes are
    #: normalised.
    code: str = field(converter=_code)

    @property
    def name(self) -> str:
        if self.code == "XK":
            return "Kosovo"
        found = pycountry.countries.get(alpha_2=self.code)
        return str(getattr(found, "common_name", None) or getattr(found, "name", self.code))

    @property
    def alpha_3(self) -> str:
        if self.code == "XK":
            return "XKX"
        return str(getattr(pycountry.countries.get(alpha_2=self.code), "alpha_3", self.code))

    def __str__(self) -> str:
        return self.code


def to_country(value: Country | str) -> Country:
    """Accept a Country or anything :func:`country_code` reads."""
    if isinstance(value, Country):
        return value
    return Country(code=_code(value))


def to_optional_country(value: Country | str | None) -> Country | None:
    return None if value is None else to_country(value)


def to_countries(value: Iterable[Country | str]) -> tuple[Country, ...]:
    return tuple_of(value, to_country, "countries")


@functools.lru_cache(maxsize=4096)
def _subdivision_code(text: str) -> str:
    key = text.strip().upper()
    found = pycountry.subdivisions.get(code=key)  # type: ignore[no-untyped-call]
    if found is None:
        raise Invalid(
            text, "an ISO 3166-2 subdivision code (e.g. 'MD-GA' for Gagauzia)", problem=f"{shown(text)} is not a subdivision"
        )
    return str(found.code)


def _to_subdivision_code(value: str) -> str:
    return read_text(value, _subdivision_code, "an ISO 3166-2 subdivision code (e.g. 'MD-GA')")


@model
@frozen(kw_only=True)
class Subdivision:
    """A region of a country with an ISO 3166-2 code (e.g. ``MD-GA``, Gagauzia)."""

    #: The ISO 3166-2 code (``MD-GA``), in upper case.
    code: str = field(converter=_to_subdivision_code)

    @property
    def country(self) -> Country:
        return Country(code=self.code.split("-")[0])

    @property
    def name(self) -> str:
        return str(getattr(pycountry.subdivisions.get(code=self.code), "name", self.code))  # type: ignore[no-untyped-call]

    def __str__(self) -> str:
        return self.code


@model
@frozen(kw_only=True)
class Region:
    """A named region no code list has ("the Sahel", "the Baltic States"), with optional members."""

    #: The region's name ("the Sahel").
    name: str = field(converter=to_text)
    #: The countries the region covers, when the source lists them.
    members: tuple[Country, ...] = field(default=(), converter=to_countries)

    def __str__(self) -> str:
        return self.name


Place = Union[Country, Subdivision, Region]


def to_place(value: Country | Subdivision | Region | str) -> Country | Subdivision | Region:
    """Accept a place object, a country code or name, or an ISO 3166-2 code."""
    if isinstance(value, (Country, Subdivision, Region)):
        return value
    if isinstance(value, str) and "-" in value and len(value) <= 6 and value[:2].isalpha():
        return Subdivision(code=value)
    if isinstance(value, str):
        return Country(code=value)
    raise Invalid(value, "a Country, Subdivision or Region (or a country or subdivision code)")


def to_optional_place(value: Country | Subdivision | Region | str | None) -> Country | Subdivision | Region | None:
    return None if value is None else to_place(value)


def to_places(value: Iterable[Any]) -> tuple[Country | Subdivision | Region, ...]:
    return tuple_of(value, to_place, "places")


@model
@frozen(kw_only=True)
class Audience:
    """People who are not a place: a diaspora, fact-checkers, readers of named channels."""

    #: Who the people are ("the Russian diaspora", "fact-checkers").
    name: str = field(converter=to_text)
    #: More on who they are, in the source's words.
    description: str | None = field(default=None, converter=to_optional_text)

    def __str__(self) -> str:
        return self.name


def _to_optional_audience(value: Audience | str | None) -> Audience | None:
    if value is None or isinstance(value, Audience):
        return value
    if isinstance(value, str):
        return Audience(name=value)
    raise Invalid(value, "an Audience or its name")


def _check_target(instance: Target, attribute: attrs.Attribute[Any], value: Any) -> None:
    if instance.place is None and instance.audience is None:
        raise fail(instance, attribute, value, "a place, an audience or both", problem="neither place nor audience given")


@model
@frozen(kw_only=True)
class Target:
    """Who an operation aimed at: a place, an audience, or an audience in a place."""

    #: The country, subdivision or region targeted; a code or country name is read into one.
    place: Place | None = field(default=None, converter=to_optional_place)
    #: The people targeted; with a ``place``, the people there.
    audience: Audience | None = field(default=None, converter=_to_optional_audience, validator=_check_target)
    #: What the source says about the targeting.
    note: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        if self.place is not None and self.audience is not None:
            return f"{self.audience} in {self.place}"
        return str(self.place if self.place is not None else self.audience)
