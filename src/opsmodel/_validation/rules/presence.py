"""OPS9xx: where, as whom, to whom and in which language: venues, fronts, place roles and language uses that
cannot all be right."""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ..._core.errors import Problem
from ..._model.counts import CountKind
from ..._model.languages import LanguageExtent, LanguageRole, LanguageUse
from ..._model.operations import Operation
from ..._model.places import Region
from ..._model.venues import VenueRole
from ..engine import Context
from .base import ERROR, WARNING, Family

FAMILY = Family()


@FAMILY.rule("OPS901", "members-basis-without-members", WARNING)
def _members_basis_without_members(operation: Operation, context: Context) -> Iterator[Problem]:
    """A region says whether its member countries are stated or inferred, but lists none."""
    for i, target in enumerate(operation.targets):
        place = target.place
        if isinstance(place, Region) and place.members_basis is not None and not place.members:
            message = f"region {place.name!r} has {place.members_basis.value} members, but lists none"
            yield Problem(path=f"targets[{i}].place.members_basis", message=message, value=place.members_basis.value)


# The shares each wording allows, as (lowest, highest) fractions of the content.
_EXTENT_BOUNDS: dict[LanguageExtent, tuple[Fraction, Fraction]] = {
    LanguageExtent.ONLY: (Fraction(1), Fraction(1)),
    LanguageExtent.MOSTLY: (Fraction(1, 2), Fraction(1)),
    LanguageExtent.PARTLY: (Fraction(0), Fraction(1)),
    LanguageExtent.LITTLE: (Fraction(0), Fraction(1, 2)),
}


def _share_bounds(use: LanguageUse) -> tuple[Fraction, Fraction] | None:
    """The lowest and highest fraction the use's share allows (a bound or a range), or None without a share."""
    share = use.share
    if share is None:
        return None
    low = share.fraction
    high = Fraction(share.upper, share.denominator) if share.upper is not None else low
    if share.kind in (CountKind.MORE_THAN, CountKind.AT_LEAST):
        high = Fraction(1)
    elif share.kind in (CountKind.LESS_THAN, CountKind.AT_MOST):
        low = Fraction(0)
    return low, high


@FAMILY.rule("OPS902", "language-extent-contradicts-share", ERROR)
def _language_extent_contradicts_share(operation: Operation, context: Context) -> Iterator[Problem]:
    """A language's extent in words ("only", "mostly", "a little") cannot hold with the share it is given
    ("mostly" and 20%, "only" and 60%)."""
    for i, use in enumerate(operation.language_uses):
        given = _share_bounds(use)
        if use.extent is None or given is None:
            continue
        lowest, highest = _EXTENT_BOUNDS[use.extent]
        # approximate shares and shares at a bound keep their figure: only a share wholly outside the
        # extent's span contradicts it
        if given[1] < lowest or given[0] > highest:
            message = f"{use.extent.value!r} does not hold with a share of {use.share}"
            yield Problem(path=f"language_uses[{i}].share", message=message, value=str(use.share))


@FAMILY.rule("OPS903", "language-use-unlisted", WARNING)
def _language_use_unlisted(operation: Operation, context: Context) -> Iterator[Problem]:
    """A language the operation published in (a use of role ``published``) is missing from its ``languages``."""
    listed = set(operation.languages)
    for i, use in enumerate(operation.language_uses):
        if use.language is not None and LanguageRole.PUBLISHED in use.roles and use.language not in listed:
            message = f"content was published in {use.language}, which the operation's languages do not list"
            yield Problem(path=f"language_uses[{i}].language", message=message, value=str(use.language))


@FAMILY.rule("OPS904", "artefact-reach-elsewhere", WARNING)
def _artefact_reach_elsewhere(operation: Operation, context: Context) -> Iterator[Problem]:
    """A figure of an artefact's reach is on a platform the artefact was not published on."""
    for i, artefact in enumerate(operation.artefacts):
        if not artefact.platforms:
            continue
        for j, measure in enumerate(artefact.reach):
            if measure.platform is not None and measure.platform not in artefact.platforms:
                message = f"{artefact} reached {measure.count or measure.share} on {measure.platform}, not one of its platforms"
                yield Problem(path=f"artefacts[{i}].reach[{j}].platform", message=message, value=measure.platform.id)


@FAMILY.rule("OPS905", "front-also-impersonated", WARNING)
def _front_also_impersonated(operation: Operation, context: Context) -> Iterator[Problem]:
    """One name is both a front of the operation (its own brand) and a real outlet or body it impersonated."""
    fronts = {front.name.casefold() for front in operation.fronts}
    for i, body in enumerate(operation.impersonations):
        if body.name.casefold() in fronts:
            message = f"{body.name!r} is both the operation's own front and a real one it impersonated"
            yield Problem(path=f"impersonations[{i}].name", message=message, value=body.name)


@FAMILY.rule("OPS906", "named-venue-counted-as-several", WARNING)
def _named_venue_counted_as_several(operation: Operation, context: Context) -> Iterator[Problem]:
    """A venue named as one platform or outlet is given a count of several: a count belongs to a venue known
    only by a description ("more than 40 platforms")."""
    for i, venue in enumerate(operation.venues):
        named = venue.platform is not None or venue.name is not None
        several = venue.count is not None and venue.count.minimum is not None and venue.count.minimum > 1
        if named and several and venue.description is None:
            message = f"{venue} names one venue but counts {venue.count}"
            yield Problem(path=f"venues[{i}].count", message=message, value=str(venue.count))


@FAMILY.rule("OPS907", "third-party-venue-is-own-platform", WARNING)
def _third_party_venue_is_own_platform(operation: Operation, context: Context) -> Iterator[Problem]:
    """A venue said to be a third party's (placed, amplified, infrastructure) is a platform on which the
    operation's own assets are recorded, with nothing to tell the two apart (no name, no description)."""
    own = set(operation.platforms)
    for i, venue in enumerate(operation.venues):
        bare = venue.name is None and venue.description is None
        if venue.role is not VenueRole.OWN and bare and venue.platform in own:
            message = f"{venue.platform} is recorded both as the operation's own (its assets) and as a {venue.role.value} venue"
            yield Problem(path=f"venues[{i}].role", message=message, value=venue.role.value)


RULES = tuple(FAMILY.rules)
