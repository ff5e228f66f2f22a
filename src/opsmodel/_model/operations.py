"""Operations, and the reports that describe them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from attrs import field, frozen

from .._core.fields import (
    InstancesOf,
    TupleOf,
    Vocabulary,
    any_given,
    check_bool,
    model,
    slugify,
    to_optional_text,
    to_slug,
    to_text,
    to_text_tuple,
)
from .actors import ORIGIN_ROLES, Actor, Attribution, ClaimStatus
from .claims import AttributionStance, DateClaim
from .conduct import AIUse, Disruption, Impact, Narrative
from .counts import Money
from .dates import FuzzyDate, Period, to_optional_fuzzy_date, to_optional_period
from .languages import Language, LanguageUse, to_languages
from .measures import Measure
from .personas import Artefact, Front, Impersonation, Persona
from .places import Country, Target
from .platforms import Asset, Platform
from .relations import Alias, Relation, to_aliases
from .sources import Source
from .techniques import TechniqueUse
from .venues import Venue


class OperationKind(Vocabulary):
    #: A network of accounts, pages or sites, as platforms report them.
    NETWORK = "network"
    #: A campaign: a coordinated effort around one goal or event.
    CAMPAIGN = "campaign"
    #: An operation as a whole, possibly made of networks and campaigns.
    OPERATION = "operation"
    #: The part two or more operations share (assets, people, content), reported as a record of its
    #: own; its relations name the operations (model 1.1).
    OVERLAP = "overlap"
    #: Several campaigns the source reports together as one record (model 1.1).
    CAMPAIGN_SET = "campaign_set"
    #: Something else the source reports.
    OTHER = "other"


class ActivityKind(Vocabulary):
    """What an operation combined with influence, whatever its kind (model 1.1)."""

    #: Deceiving individuals into acting: phishing, fake job offers, approaches to journalists.
    SOCIAL_ENGINEERING = "social_engineering"
    #: Breaking into accounts or systems.
    INTRUSION = "intrusion"
    #: Stealing documents to publish them (hack and leak).
    HACK_AND_LEAK = "hack_and_leak"
    #: Gathering intelligence on people or organisations.
    ESPIONAGE = "espionage"
    #: Scams and fraud for money.
    FRAUD = "fraud"
    #: Harassing or threatening people.
    HARASSMENT = "harassment"
    #: Another activity, which ``notes`` says.
    OTHER = "other"


@model
@frozen(kw_only=True)
class Operation:
    """One influence operation or network as reported, with every fact its sources give.

    ``sources`` defines the sources the operation's facts cite by id, so that one operation
    stands alone (a line of a JSON Lines corpus). Change one with :func:`attrs.evolve`.
    """

    #: A stable identifier, unique within its report (e.g. ``bad-grammar``).
    id: str = field(converter=to_slug)
    #: The operation's name; None for an unnamed network (then ``summary`` is required).
    name: str | None = field(
        default=None,
        converter=to_optional_text,
        validator=any_given("name", "summary", expected="a name or, for an unnamed network, a summary"),
    )
    #: Whether the source reports a network, a campaign, an operation, the overlap of operations or
    #: a set of campaigns.
    kind: OperationKind = field(default=OperationKind.NETWORK, converter=OperationKind)
    #: What the operation did, in a sentence or two.
    summary: str | None = field(default=None, converter=to_optional_text)
    #: Other names of the operation, each with who uses it.
    aliases: tuple[Alias, ...] = field(default=(), converter=to_aliases)
    #: When the operation was active.
    activity: Period | None = field(default=None, converter=to_optional_period)
    #: When the reporter found and investigated it.
    detected: Period | None = field(default=None, converter=to_optional_period)
    #: The dates behind ``activity`` and ``detected``: each source's, with what it was inferred from.
    date_claims: tuple[DateClaim, ...] = field(default=(), converter=InstancesOf[DateClaim])
    #: The actors involved; attributions and relations name them by ``id``.
    actors: tuple[Actor, ...] = field(default=(), converter=InstancesOf[Actor])
    #: Claims of who stands behind the operation, each by its claimant; never merged.
    attributions: tuple[Attribution, ...] = field(default=(), converter=InstancesOf[Attribution])
    #: Whom the operation aimed at: places, audiences, or audiences in places.
    targets: tuple[Target, ...] = field(default=(), converter=InstancesOf[Target])
    #: Short topics the operation's content was about.
    topics: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: The stories it pushed.
    narratives: tuple[Narrative, ...] = field(default=(), converter=InstancesOf[Narrative])
    #: The languages its content was in.
    languages: tuple[Language, ...] = field(default=(), converter=to_languages)
    #: What it used languages and scripts for, how much and since when (prompts, translations, false flags).
    language_uses: tuple[LanguageUse, ...] = field(default=(), converter=InstancesOf[LanguageUse])
    #: Whether the source says there were other languages than those listed ("and other languages").
    other_languages: bool = field(default=False, validator=check_bool)
    #: The accounts, pages, channels, websites... it ran, per platform.
    assets: tuple[Asset, ...] = field(default=(), converter=InstancesOf[Asset])
    #: Where else it was present or its content appeared: unnamed platforms, hosting, third parties' outlets.
    venues: tuple[Venue, ...] = field(default=(), converter=InstancesOf[Venue])
    #: Who its accounts pretended to be.
    personas: tuple[Persona, ...] = field(default=(), converter=InstancesOf[Persona])
    #: The brands it ran under, and how they presented themselves.
    fronts: tuple[Front, ...] = field(default=(), converter=InstancesOf[Front])
    #: The real outlets, bodies, brands or people it passed itself off as.
    impersonations: tuple[Impersonation, ...] = field(default=(), converter=InstancesOf[Impersonation])
    #: Pieces of content with a life of their own (a film, a fake documentary), with their reach.
    artefacts: tuple[Artefact, ...] = field(default=(), converter=InstancesOf[Artefact])
    #: Figures that are not totals of its assets: shares, per-item statistics, non-assets, engagement and
    #: output metrics.
    measures: tuple[Measure, ...] = field(default=(), converter=InstancesOf[Measure])
    #: The framework techniques (DISARM, ATT&CK, Meta's kill chain) it used.
    techniques: tuple[TechniqueUse, ...] = field(default=(), converter=InstancesOf[TechniqueUse])
    #: How it used AI services.
    ai_uses: tuple[AIUse, ...] = field(default=(), converter=InstancesOf[AIUse])
    #: Breakout Scale ratings of its impact; ratings by different raters or at different times
    #: accumulate.
    impacts: tuple[Impact, ...] = field(default=(), converter=InstancesOf[Impact])
    #: Actions taken against it.
    disruptions: tuple[Disruption, ...] = field(default=(), converter=InstancesOf[Disruption])
    #: What it spent on advertising, one sum per currency or statement.
    ad_spend: tuple[Money, ...] = field(default=(), converter=InstancesOf[Money])
    #: How it relates to other operations.
    relations: tuple[Relation, ...] = field(default=(), converter=InstancesOf[Relation])
    #: The sources the operation's facts cite by id; the operation carries them so that it stands
    #: alone.
    sources: tuple[Source, ...] = field(default=(), converter=InstancesOf[Source])
    #: Anything else worth keeping that no field holds.
    notes: str | None = field(default=None, converter=to_optional_text)
    #: What the operation combined with influence: social engineering, intrusion, hack and leak...
    #: (model 1.1). Apart from ``kind``: a network may also be social engineering.
    combined_with: tuple[ActivityKind, ...] = field(default=(), converter=TupleOf[ActivityKind])

    @classmethod
    def named(cls, name: str, **facts: Any) -> Operation:
        """An operation whose id is derived from its name: ``named("Bad Grammar")`` has id ``bad-grammar``."""
        return cls(id=slugify(name), name=name, **facts)

    @property
    def platforms(self) -> tuple[Platform, ...]:
        """The platforms of the operation's assets, in first-seen order."""
        return tuple(dict.fromkeys(asset.platform for asset in self.assets))

    @property
    def display_name(self) -> str:
        return self.name or (self.aliases[0].name if self.aliases else f"unnamed ({self.id})")

    def source(self, source_id: str) -> Source | None:
        """The source with this id, if the operation defines it."""
        return next((s for s in self.sources if s.id == source_id), None)

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    @property
    def origin_countries(self) -> tuple[Country, ...]:
        """Countries current claims say the operation was run from (origin, operator, contractor roles).

        Claims that decline to attribute or rule someone out say no such thing.
        """
        found: dict[Country, None] = {}
        for claim in self.attributions:
            asserted = claim.stance is AttributionStance.ASSERTS
            if asserted and claim.status is ClaimStatus.CURRENT and claim.role in ORIGIN_ROLES:
                found.update(dict.fromkeys(claim.countries))
                actor = self.actor(claim.actor) if claim.actor else None
                if actor is not None and actor.nationality is not None:
                    found[actor.nationality] = None
        return tuple(found)

    def __str__(self) -> str:
        return self.display_name


@model
@frozen(kw_only=True)
class Report:
    """A publisher's report on one or more operations, and its overall findings."""

    #: A stable identifier of the report (e.g. ``openai-2024-05``); operations cite the report by
    #: this id.
    id: str = field(converter=to_slug)
    #: The report's title.
    title: str = field(converter=to_text)
    #: Who published the report.
    publisher: str = field(converter=to_text)
    #: When the report was published; relative dates in its operations count from it.
    published: FuzzyDate | None = field(default=None, converter=to_optional_fuzzy_date)
    #: The period the report covers ("Q1 2024"), apart from any operation's activity.
    period: Period | None = field(default=None, converter=to_optional_period)
    #: Where the report can be read.
    url: str | None = field(default=None, converter=to_optional_text)
    #: The report's authors, in its order.
    authors: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: What the report says overall, in a few sentences.
    summary: str | None = field(default=None, converter=to_optional_text)
    #: The report's overall findings, one per item, beyond any single operation.
    findings: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: The operations the report describes.
    operations: tuple[Operation, ...] = field(default=(), converter=InstancesOf[Operation])

    def __str__(self) -> str:
        return f"{self.publisher}: {self.title}"

    def __iter__(self) -> Iterator[Operation]:
        return iter(self.operations)

    def __len__(self) -> int:
        return len(self.operations)

    def operation(self, operation_id: str) -> Operation | None:
        return next((o for o in self.operations if o.id == operation_id), None)

    def as_source(self) -> Source:
        """The report as a :class:`Source` its operations can cite."""
        return Source(
            id=self.id, publisher=self.publisher, title=self.title, url=self.url, published=self.published, authors=self.authors
        )
