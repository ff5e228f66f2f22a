"""The questions an analyst asks of a corpus, as queries that combine with ``&``, ``|`` and ``~``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from attrs import frozen

from .._core.errors import ParseError
from .._model.dates import FuzzyDate, parse_date
from .._model.places import Country, Locality, Region, Subdivision
from .._model.platforms import Platform
from .claims import bounds, resolved_date
from .records import Record


@frozen
class Query:
    """A test of one record; ``a & b``, ``a | b`` and ``~a`` combine queries. ``str`` says what it asks."""

    #: The test: True for a record the query keeps.
    test: Callable[[Record], bool]
    #: What the query asks, in words.
    description: str

    def __call__(self, record: Record) -> bool:
        return self.test(record)

    def __and__(self, other: Query) -> Query:
        return Query(lambda record: self(record) and other(record), f"({self} and {other})")

    def __or__(self, other: Query) -> Query:
        return Query(lambda record: self(record) or other(record), f"({self} or {other})")

    def __invert__(self) -> Query:
        return Query(lambda record: not self(record), f"not {self}")

    def __str__(self) -> str:
        return self.description


def by_origin(*countries: Country | str) -> Query:
    """Operations that a current claim says were run from one of ``countries`` (origin, operator, contractor)."""
    wanted = frozenset(_country(country) for country in countries)
    return Query(lambda record: bool(wanted & set(record.operation.origin_countries)), f"origin in {_listed(wanted)}")


def _country(value: Country | str) -> Country:
    # through the class, so that a name that is no country is a FieldError (a ValueError) naming it
    return value if isinstance(value, Country) else Country(code=value)


def _place_codes(place: Country | Subdivision | Region | Locality | None) -> set[str]:
    if isinstance(place, Country):
        return {place.code}
    if isinstance(place, Locality):
        within = {place.country.code} if place.subdivision is None else {place.subdivision.code, place.country.code}
        return {place.name.casefold(), *within}
    if isinstance(place, Subdivision):
        return {place.code, place.country.code}
    if isinstance(place, Region):
        return {place.name.casefold(), *(member.code for member in place.members)}
    return set()


def by_target(*places: str) -> Query:
    """Operations that targeted one of ``places``: a country (its subdivisions too), a region's name or member, an audience."""
    wanted = {_target_key(place) for place in places}

    def test(record: Record) -> bool:
        for target in record.operation.targets:
            found = {code.casefold() for code in _place_codes(target.place)}
            if target.audience is not None:
                found.add(target.audience.name.casefold())
            if found & wanted:
                return True
        return False

    return Query(test, f"target in {', '.join(sorted(places))}")


def _target_key(place: str) -> str:
    try:
        return _country(place).code.casefold()
    except ValueError:  # a subdivision's code, a region's or an audience's name
        return place.casefold()


def by_platform(*platforms: str) -> Query:
    """Operations with assets on one of ``platforms`` (by id or a known name: ``Twitter`` is ``x``)."""
    wanted = frozenset(Platform.named(platform).id for platform in platforms)
    return Query(lambda record: any(p.id in wanted for p in record.operation.platforms), f"platform in {_listed(wanted)}")


def by_technique(*ids: str) -> Query:
    """Operations that used one of the techniques ``ids``; a technique also matches its sub-techniques."""
    wanted = tuple(ids)

    def test(record: Record) -> bool:
        used = {use.technique.id for use in record.operation.techniques if use.technique is not None}
        return any(found == want or found.startswith(f"{want}.") for found in used for want in wanted)

    return Query(test, f"technique in {', '.join(sorted(wanted))}")


def using_ai(service: str | None = None) -> Query:
    """Operations that used an AI service (``service``: that one, by name, provider or model, ignoring case)."""

    def test(record: Record) -> bool:
        uses = record.operation.ai_uses
        if service is None:
            return bool(uses)
        wanted = service.casefold()
        return any(wanted in {(name or "").casefold() for name in (use.service, use.provider, use.model)} for use in uses)

    return Query(test, "AI use" if service is None else f"AI use of {service}")


def _day(value: FuzzyDate | dt.date | str, latest: bool) -> dt.date | None:
    if isinstance(value, str):
        parsed = parse_date(value, wording=False)
        if not isinstance(parsed, FuzzyDate):
            raise ParseError(
                text=value, expected="an absolute date ('2022', '2022-03', 'March 2022')", problem="relative to nothing"
            )
        value = parsed
    if isinstance(value, FuzzyDate):
        return value.latest if latest else value.earliest
    return value


def active_between(start: FuzzyDate | dt.date | str | None = None, end: FuzzyDate | dt.date | str | None = None) -> Query:
    """Operations whose activity can overlap the range: fuzzy ends count by their bounds, open ends by nothing.

    An operation whose activity is not stated is not kept: nothing says it was active then.
    """
    low = None if start is None else _day(start, latest=False)
    high = None if end is None else _day(end, latest=True)

    def test(record: Record) -> bool:
        activity = record.operation.activity
        if activity is None or (activity.start is None and activity.end is None and not activity.ongoing):
            return False
        began, _ = bounds(resolved_date(activity.start, record))
        _, ended = bounds(resolved_date(activity.end, record))
        return (high is None or began is None or began <= high) and (low is None or ended is None or ended >= low)

    return Query(test, f"active between {start or 'any time'} and {end or 'any time'}")


def by_publisher(*publishers: str) -> Query:
    """Operations described in reports by one of ``publishers`` (ignoring case)."""
    wanted = frozenset(name.casefold() for name in publishers)
    return Query(lambda record: record.publisher.casefold() in wanted, f"publisher in {', '.join(sorted(publishers))}")


def _listed(values: frozenset[object]) -> str:
    return ", ".join(sorted(str(value) for value in values))
