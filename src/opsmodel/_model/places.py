"""Countries (ISO 3166-1), subdivisions (ISO 3166-2), localities, named regions, audiences and targets.

A :class:`Target` says what a place (or audience, event, organisation) is to the operation: aimed
at, only written about, where its content ran, or the locale its fronts pretended to be in.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any, Union

import attrs
import pycountry
from attrs import field, frozen

from .._core.fields import (
    Invalid,
    OptionalOf,
    Vocabulary,
    any_given,
    fail,
    model,
    read_text,
    shown,
    to_optional_text,
    to_source_ids,
    to_text,
    tuple_of,
    words_of,
)
from .dates import FuzzyDate, to_optional_fuzzy_date

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


def _to_optional_subdivision(value: Subdivision | str | None) -> Subdivision | None:
    if value is None or isinstance(value, Subdivision):
        return value
    return Subdivision(code=_to_subdivision_code(value))


def _check_within(instance: Locality, attribute: attrs.Attribute[Any], value: Subdivision | None) -> None:
    if value is not None and value.country != instance.country:
        expected = f"a subdivision of {instance.country.code} (the locality's country)"
        raise fail(instance, attribute, value.code, expected, problem=f"{value.code!r} is in {value.country.code}")


@model
@frozen(kw_only=True)
class Locality:
    """A named place below ISO 3166-2 (a city, a town, a district), inside a country and maybe a subdivision.

    ``Locality(name="Marseille", country="FR")``. It has no code: none is ever invented for it.
    """

    #: The locality's name, as the source gives it ("Marseille", "Comrat").
    name: str = field(converter=to_text)
    #: The country it is in; a code or name is read into one.
    country: Country = field(converter=to_country)
    #: The ISO 3166-2 subdivision it is in, when the source says; it must be in ``country``.
    subdivision: Subdivision | None = field(default=None, converter=_to_optional_subdivision, validator=_check_within)

    def __str__(self) -> str:
        return f"{self.name}, {self.subdivision or self.country}"


class MembersBasis(Vocabulary):
    """Where a region's list of member countries comes from."""

    #: The source lists the countries.
    STATED = "stated"
    #: The recorder (or the source) inferred them from the region's name or the content.
    INFERRED = "inferred"


@model
@frozen(kw_only=True)
class Region:
    """A named region no code list has ("the Sahel", "the Baltic States"), with optional members."""

    #: The region's name ("the Sahel").
    name: str = field(converter=to_text)
    #: The countries the region covers, when the source lists them.
    members: tuple[Country, ...] = field(default=(), converter=to_countries)
    #: Whether the source lists the members or they were inferred; None when not said.
    members_basis: MembersBasis | None = field(default=None, converter=OptionalOf[MembersBasis])

    def __str__(self) -> str:
        return self.name


Place = Union[Country, Subdivision, Region, Locality]


def to_place(value: Country | Subdivision | Region | Locality | str) -> Country | Subdivision | Region | Locality:
    """Accept a place object, a country code or name, or an ISO 3166-2 code."""
    if isinstance(value, (Country, Subdivision, Region, Locality)):
        return value
    if isinstance(value, str) and "-" in value and len(value) <= 6 and value[:2].isalpha():
        return Subdivision(code=value)
    if isinstance(value, str):
        return Country(code=value)
    raise Invalid(value, "a Country, Subdivision, Region or Locality (or a country or subdivision code)")


def to_optional_place(
    value: Country | Subdivision | Region | Locality | str | None,
) -> Country | Subdivision | Region | Locality | None:
    return None if value is None else to_place(value)


def to_places(value: Iterable[Any]) -> tuple[Country | Subdivision | Region | Locality, ...]:
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


class PlaceRole(Vocabulary):
    """What a target's place (or audience, event, organisation) is to the operation."""

    #: The operation aimed at it.
    TARGET = "target"
    #: Its content was about it, without aiming at it.
    TOPIC = "topic"
    #: Where its content ran or its assets were, without aiming at the people there.
    VENUE = "venue"
    #: Where its personas, fronts or impersonated outlets pretended to be.
    IMPERSONATED_LOCALE = "impersonated_locale"
    #: Something else the source says.
    OTHER = "other"


class TargetStatus(Vocabulary):
    """How far the source vouches that the operation went for a target."""

    #: The source says the operation went for it.
    STATED = "stated"
    #: The source infers it (from the content's language, topics or timing).
    INFERRED = "inferred"
    #: The operators planned it (in their documents or prompts); the source saw no activity.
    PLANNED = "planned"


class EventKind(Vocabulary):
    #: An election, national or local.
    ELECTION = "election"
    #: A referendum.
    REFERENDUM = "referendum"
    #: A summit or a conference.
    SUMMIT = "summit"
    #: A sporting event (the Olympic Games).
    SPORTING_EVENT = "sporting_event"
    #: A protest or a movement's action.
    PROTEST = "protest"
    #: A war, an armed conflict or a military operation.
    CONFLICT = "conflict"
    #: A disaster or an emergency.
    DISASTER = "disaster"
    #: Another kind of event.
    OTHER = "other"


@model
@frozen(kw_only=True)
class TargetEvent:
    """An event an operation aimed at: "the 2024 European Parliament election", with its date."""

    #: The event's name, as the source gives it.
    name: str = field(converter=to_text)
    #: What sort of event it is: an election, a referendum, a summit...
    kind: EventKind = field(default=EventKind.OTHER, converter=EventKind)
    #: When it took (or was to take) place; its first day for an event of several days.
    date: FuzzyDate | None = field(default=None, converter=to_optional_fuzzy_date)

    def __str__(self) -> str:
        return self.name if self.date is None else f"{self.name} ({self.date})"


class OrganisationKind(Vocabulary):
    #: A government, a ministry or an agency.
    GOVERNMENT = "government"
    #: A political party or a candidate's campaign.
    POLITICAL_PARTY = "political_party"
    #: A news outlet.
    NEWS_OUTLET = "news_outlet"
    #: A company.
    COMPANY = "company"
    #: A non-governmental organisation, a charity or a foundation.
    NGO = "ngo"
    #: An international organisation (NATO, the UN, the EU's institutions).
    INTERNATIONAL_ORGANISATION = "international_organisation"
    #: Armed forces or a unit of them.
    MILITARY = "military"
    #: A university or a research institute.
    ACADEMIC = "academic"
    #: Another kind of organisation.
    OTHER = "other"


@model
@frozen(kw_only=True)
class TargetOrganisation:
    """An organisation an operation aimed at (a party, a ministry, an outlet it tried to discredit)."""

    #: The organisation's name, as the source gives it.
    name: str = field(converter=to_text)
    #: What sort of organisation it is.
    kind: OrganisationKind = field(default=OrganisationKind.OTHER, converter=OrganisationKind)

    def __str__(self) -> str:
        return self.name


@model
@frozen(kw_only=True)
class Target:
    """Who or what an operation aimed at (a place, an audience, an event, an organisation, or several),
    or, with another ``role``, what else a place was to it (a topic, a venue, an impersonated locale).
    """

    #: The country, subdivision, locality or region; a code or country name is read into one.
    place: Place | None = field(default=None, converter=to_optional_place)
    #: The people targeted; with a ``place``, the people there.
    audience: Audience | None = field(
        default=None,
        converter=OptionalOf[Audience],
        validator=any_given(
            "place",
            "audience",
            "event",
            "organisation",
            expected="a place, an audience, an event or an organisation",
            problem="neither place nor audience, event or organisation given",
        ),
    )
    #: What the source says about the targeting.
    note: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)
    #: What the place (audience, event, organisation) is to the operation: a target, a topic, a venue...
    role: PlaceRole = field(default=PlaceRole.TARGET, converter=PlaceRole)
    #: Whether the source says it was targeted, infers it, or saw it only planned.
    status: TargetStatus = field(default=TargetStatus.STATED, converter=TargetStatus)
    #: The event aimed at ("the 2024 European Parliament election").
    event: TargetEvent | None = field(default=None, converter=OptionalOf[TargetEvent])
    #: The organisation aimed at.
    organisation: TargetOrganisation | None = field(default=None, converter=OptionalOf[TargetOrganisation])
    #: Since when it was a target, when it was added later ("from 2025 on").
    since: FuzzyDate | None = field(default=None, converter=to_optional_fuzzy_date)

    @property
    def aimed_at(self) -> bool:
        """Whether the operation aimed at it (role ``target``), as opposed to writing about it or running there."""
        return self.role is PlaceRole.TARGET

    def __str__(self) -> str:
        whom = [str(part) for part in (self.audience, self.organisation, self.event) if part is not None]
        text = " / ".join(whom)
        if self.place is not None:
            text = f"{text} in {self.place}" if text else str(self.place)
        return text if self.role is PlaceRole.TARGET else f"{text} ({words_of(self.role)})"
