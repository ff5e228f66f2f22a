"""Actors, and the claims of who is behind an operation (attribution)."""

from __future__ import annotations

from typing import Any

import attrs
from attrs import field, frozen

from .._core.fields import (
    InstancesOf,
    OptionalOf,
    Vocabulary,
    any_given,
    fail,
    model,
    to_optional_slug,
    to_optional_text,
    to_slug,
    to_source_ids,
    to_text,
    to_text_tuple,
    words_of,
)
from .claims import AttributionStance, Awareness, Voice
from .dates import FuzzyDate, to_optional_fuzzy_date
from .places import Country, to_countries, to_optional_country
from .techniques import Confidence, to_optional_confidence


class ActorKind(Vocabulary):
    #: A country's government as a whole.
    STATE = "state"
    #: A government agency (an intelligence or information service, a ministry).
    STATE_AGENCY = "state_agency"
    #: A unit of the armed forces.
    MILITARY_UNIT = "military_unit"
    #: The government of a region or province.
    REGIONAL_GOVERNMENT = "regional_government"
    #: An outlet a state owns or controls.
    STATE_MEDIA = "state_media"
    #: A political party.
    POLITICAL_PARTY = "political_party"
    #: A politician or official acting for themselves.
    POLITICAL_FIGURE = "political_figure"
    #: A company: a marketing, PR or "influence-for-hire" firm.
    COMMERCIAL_FIRM = "commercial_firm"
    #: A person acting for themselves.
    INDIVIDUAL = "individual"
    #: A group that is not a state: a movement, a militant or criminal group.
    NON_STATE_GROUP = "non_state_group"
    #: An organisation whose status (state body, firm, group) the source does not state (model 1.1).
    ORGANISATION = "organisation"
    #: A privately owned media outlet: a newspaper, a broadcaster, a news site (model 1.1).
    COMMERCIAL_MEDIA = "commercial_media"
    #: A loose set of individuals hired to take part, with no organisation stated (model 1.1).
    HIRED_INDIVIDUALS = "hired_individuals"
    #: The source does not say.
    UNKNOWN = "unknown"


@model
@frozen(kw_only=True)
class Designation:
    """A name a vendor or government gives an actor it tracks, and who gave it: Microsoft's ``Storm-1099``."""

    #: The designation (``Storm-1099``, ``APT28``).
    name: str = field(converter=to_text)
    #: Who gave the designation: a vendor, a government, a research group.
    by: str = field(converter=to_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        """``Storm-1099 (Microsoft)``."""
        return f"{self.name} ({self.by})"


@model
@frozen(kw_only=True)
class Actor:
    """Someone behind or around an operation: a state, agency, unit, outlet, firm or person.

    ``nationality`` and ``location`` may differ (a firm registered in one country run from
    another). An actor whose name the source withholds ("an unnamed client") has only a
    ``description``.
    """

    #: The short id attributions and relations use to name this actor, unique within the operation.
    id: str = field(converter=to_slug)
    #: The actor's name; None for an actor the source does not name (then ``description`` says who
    #: it is).
    name: str | None = field(default=None, converter=to_optional_text)
    #: What sort of actor it is: a state, an agency, a firm, a person...
    kind: ActorKind = field(default=ActorKind.UNKNOWN, converter=ActorKind)
    #: The country the actor belongs to or is registered in.
    nationality: Country | None = field(default=None, converter=to_optional_country)
    #: The country the actor works from, when it differs from its nationality or is all the source
    #: says; the first of several (see ``other_locations``).
    location: Country | None = field(default=None, converter=to_optional_country)
    #: Other names the actor is known by.
    aliases: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: The id of the actor this one belongs to (a unit's agency, a firm's owner).
    parent: str | None = field(default=None, converter=to_optional_slug)
    #: Who the actor is, in the source's words; required when there is no ``name``.
    description: str | None = field(
        default=None,
        converter=to_optional_text,
        validator=any_given("name", "description", expected="a name or, for an unnamed actor, a description"),
    )
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)
    #: Further countries the actor works from, besides ``location`` ("operators in Nigeria and Ghana")
    #: (model 1.1).
    other_locations: tuple[Country, ...] = field(default=(), converter=to_countries)
    #: Names vendors and governments track the actor by, each with who gave it (model 1.1).
    designations: tuple[Designation, ...] = field(default=(), converter=InstancesOf[Designation])

    @property
    def locations(self) -> tuple[Country, ...]:
        """Every country the actor works from: ``location``, then ``other_locations``, each once."""
        return tuple(dict.fromkeys((*((self.location,) if self.location is not None else ()), *self.other_locations)))

    def __str__(self) -> str:
        return self.name or str(self.description)


class AttributionRole(Vocabulary):
    """What an attribution says the actor or country did."""

    #: The operation comes from the actor or countries, with no finer role stated.
    ORIGIN = "origin"
    #: The people running it were in these countries.
    OPERATOR_LOCATION = "operator_location"
    #: The actor ran it.
    OPERATOR = "operator"
    #: The actor paid for or directed it.
    SPONSOR = "sponsor"
    #: The actor or countries gain from it, which says nothing of who ran it.
    BENEFICIARY = "beneficiary"
    #: The actor ran it for a client (see ``client``).
    CONTRACTOR = "contractor"
    #: Its content lines up with the actor's or countries' interests; the weakest claim.
    ALIGNMENT = "alignment"
    #: Linked to the operation in a role the claimant does not state ("linked to Iran").
    LINKED = "linked"


class ClaimStatus(Vocabulary):
    #: The claim stands.
    CURRENT = "current"
    #: The claimant has since changed it; the revised claim is another value.
    REVISED = "revised"
    #: The claimant has taken it back.
    WITHDRAWN = "withdrawn"
    #: Others contest it.
    DISPUTED = "disputed"


# Roles that place the people running the operation in a country.
ORIGIN_ROLES = frozenset(
    {AttributionRole.ORIGIN, AttributionRole.OPERATOR_LOCATION, AttributionRole.OPERATOR, AttributionRole.CONTRACTOR}
)


def _check_attribution(instance: Attribution, attribute: attrs.Attribute[Any], value: Any) -> None:
    # declining to attribute names no one
    if instance.actor is None and not instance.countries and instance.stance is not AttributionStance.DECLINES:
        raise fail(
            instance, attribute, value, "an actor id, countries, or both", problem="the claim names neither actor nor country"
        )


@model
@frozen(kw_only=True)
class Attribution:
    """A claim, by ``claimant``, that an actor and/or countries stand behind an operation.

    Claims are never merged: two publishers blaming two countries, or a claim later revised,
    are separate values, each with its own confidence, wording and status. A claim may also
    decline to attribute (``stance="declines"``, naming no one) or rule someone out; its
    ``voice`` says whether its sources make it, relay it unverified, or whether it is the
    analyst's own (citing no source).
    """

    #: Who makes the claim: the publisher, a government, a researcher.
    claimant: str = field(converter=to_text)
    #: What the claim says the actor or countries did (ran, sponsored, benefited from the
    #: operation...).
    role: AttributionRole = field(default=AttributionRole.ORIGIN, converter=AttributionRole)
    #: The id of the :class:`Actor` the claim names, if it names one.
    actor: str | None = field(default=None, converter=to_optional_slug, validator=_check_attribution)
    #: The countries the claim names; empty when it names only an actor.
    countries: tuple[Country, ...] = field(default=(), converter=to_countries)
    #: The id of the actor a contractor worked for, when the claim names one.
    client: str | None = field(default=None, converter=to_optional_slug)
    #: How sure the claimant says it is.
    confidence: Confidence | None = field(default=None, converter=to_optional_confidence)
    #: The claim as the source words it ("we assess with high confidence that...").
    wording: str | None = field(default=None, converter=to_optional_text)
    #: When the claim was made.
    claimed: FuzzyDate | None = field(default=None, converter=to_optional_fuzzy_date)
    #: Whether the claim still stands, was revised, withdrawn or is disputed.
    status: ClaimStatus = field(default=ClaimStatus.CURRENT, converter=ClaimStatus)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)
    #: What the claim does: name someone, decline to attribute, or rule the named out.
    stance: AttributionStance = field(default=AttributionStance.ASSERTS, converter=AttributionStance)
    #: Whose claim it is next to its sources: theirs, relayed by them unverified, or the analyst's own.
    voice: Voice = field(default=Voice.SOURCE, converter=Voice)
    #: Whether the operators named knew they were part of the operation.
    awareness: Awareness | None = field(default=None, converter=OptionalOf[Awareness])

    def __str__(self) -> str:
        """``Meta: operator social-design-agency (RU)``, with the stance and status when they are not the usual."""
        countries = ", ".join(country.code for country in self.countries)
        who = f"{self.actor} ({countries})" if self.actor and countries else self.actor or countries
        status = "" if self.status is ClaimStatus.CURRENT else f" [{self.status.value}]"
        if self.stance is AttributionStance.DECLINES:
            return f"{self.claimant}: declines to attribute{' to ' + who if who else ''}{status}"
        stance = "rules out " if self.stance is AttributionStance.REJECTS else ""
        return f"{self.claimant}: {stance}{words_of(self.role)} {who}{status}"
