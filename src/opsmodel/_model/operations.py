"""Operations, the claims made about them, and the reports that describe them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from attrs import field, frozen

from .._core.fields import (
    Invalid,
    Vocabulary,
    fail,
    instances,
    model,
    slugify,
    to_optional_slug,
    to_optional_text,
    to_slug,
    to_source_ids,
    to_text,
    to_text_tuple,
    tuple_of,
)
from .claims import AttributionStance, Awareness, DateClaim, Voice
from .counts import Count, Money, to_optional_count
from .dates import FuzzyDate, Period, to_optional_datelike
from .languages import Language, to_languages, to_optional_language
from .places import Country, Target, to_countries, to_optional_country
from .platforms import Asset, Platform, to_assets, to_optional_platform
from .provenance import PublicationStatus, SourceAccess, SourceRole
from .techniques import LLM_TTP, Confidence, TechniqueUse, to_optional_confidence, to_technique_uses


def _to_optional_fuzzy_date(value: Any) -> FuzzyDate | None:
    converted = to_optional_datelike(value)
    if converted is not None and not isinstance(converted, FuzzyDate):
        raise Invalid(value, "an absolute date (a FuzzyDate), not one relative to the report")
    return converted


def _to_optional_period(value: Any) -> Period | None:
    if value is None or isinstance(value, Period):
        return value
    raise Invalid(value, "a Period (see opsmodel.parse_period)")


def _words(member: Vocabulary) -> str:
    """A vocabulary member as words: ``accounts_banned`` reads "accounts banned"."""
    return str(member.value).replace("_", " ")


# ---------------------------------------------------------------------------------------------
# Sources


def _check_covers(instance: Source, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and value == instance.id:
        raise fail(instance, attribute, value, "the id of another source", problem="a source cannot cover itself")


def _check_via(instance: Source, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and instance.access is SourceAccess.DIRECT:
        raise fail(
            instance,
            attribute,
            value,
            "an access other than 'direct' for a source read through something",
            problem="an intermediary given for a source read directly",
        )


@model
@frozen(kw_only=True)
class Source:
    """Where facts come from: a report, an article, a post. Facts cite it by ``id``.

    ``role`` says what it is among the report's sources (a summary of a fuller report, news
    coverage of one, a competing claim...), ``covers`` which source it summarises or contests,
    ``access`` and ``via`` how it was read, ``status`` whether its publication is confirmed.
    """

    id: str = field(converter=to_slug)
    publisher: str | None = field(default=None, converter=to_optional_text)
    title: str | None = field(default=None, converter=to_optional_text)
    url: str | None = field(default=None, converter=to_optional_text)
    published: FuzzyDate | None = field(default=None, converter=_to_optional_fuzzy_date)
    authors: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    language: Language | None = field(default=None, converter=to_optional_language)
    quotes: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: What the source is among the report's sources (the report itself, a summary of it...).
    role: SourceRole = field(default=SourceRole.PRIMARY, converter=SourceRole)
    #: The id of the source this one summarises, covers, maps onto a framework or contests.
    covers: str | None = field(default=None, converter=to_optional_slug, validator=_check_covers)
    #: How the source was read: directly, or through a transcription, translation, intermediary or archive.
    access: SourceAccess = field(default=SourceAccess.DIRECT, converter=SourceAccess)
    #: What it was read through, when not directly ("a transcription by the BBC").
    via: str | None = field(default=None, converter=to_optional_text, validator=_check_via)
    #: Whether its publication is confirmed.
    status: PublicationStatus = field(default=PublicationStatus.PUBLISHED, converter=PublicationStatus)

    def __str__(self) -> str:
        return " - ".join(p for p in (self.publisher, self.title) if p) or self.id


def _to_sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return instances(value, Source)


# ---------------------------------------------------------------------------------------------
# Actors and attribution


class ActorKind(Vocabulary):
    STATE = "state"
    STATE_AGENCY = "state_agency"
    MILITARY_UNIT = "military_unit"
    REGIONAL_GOVERNMENT = "regional_government"
    STATE_MEDIA = "state_media"
    POLITICAL_PARTY = "political_party"
    POLITICAL_FIGURE = "political_figure"
    COMMERCIAL_FIRM = "commercial_firm"
    INDIVIDUAL = "individual"
    NON_STATE_GROUP = "non_state_group"
    UNKNOWN = "unknown"


def _check_actor(instance: Actor, attribute: attrs.Attribute[Any], value: Any) -> None:
    if instance.name is None and instance.description is None:
        raise fail(
            instance,
            attribute,
            value,
            "a name or, for an unnamed actor, a description",
            problem="neither name nor description given",
        )


@model
@frozen(kw_only=True)
class Actor:
    """Someone behind or around an operation: a state, agency, unit, outlet, firm or person.

    ``nationality`` and ``location`` may differ (a firm registered in one country run from
    another). An actor whose name the source withholds ("an unnamed client") has only a
    ``description``.
    """

    id: str = field(converter=to_slug)
    name: str | None = field(default=None, converter=to_optional_text)
    kind: ActorKind = field(default=ActorKind.UNKNOWN, converter=ActorKind)
    nationality: Country | None = field(default=None, converter=to_optional_country)
    location: Country | None = field(default=None, converter=to_optional_country)
    aliases: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    parent: str | None = field(default=None, converter=to_optional_slug)
    description: str | None = field(default=None, converter=to_optional_text, validator=_check_actor)
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        return self.name or str(self.description)


class AttributionRole(Vocabulary):
    """What an attribution says the actor or country did."""

    ORIGIN = "origin"
    OPERATOR_LOCATION = "operator_location"
    OPERATOR = "operator"
    SPONSOR = "sponsor"
    BENEFICIARY = "beneficiary"
    CONTRACTOR = "contractor"
    ALIGNMENT = "alignment"
    #: Linked to the operation in a role the claimant does not state ("linked to Iran").
    LINKED = "linked"


class ClaimStatus(Vocabulary):
    CURRENT = "current"
    REVISED = "revised"
    WITHDRAWN = "withdrawn"
    DISPUTED = "disputed"


# Roles that place the people running the operation in a country.
_ORIGIN_ROLES = frozenset(
    {AttributionRole.ORIGIN, AttributionRole.OPERATOR_LOCATION, AttributionRole.OPERATOR, AttributionRole.CONTRACTOR}
)


def _check_attribution(instance: Attribution, attribute: attrs.Attribute[Any], value: Any) -> None:
    # declining to attribute names no one
    if instance.actor is None and not instance.countries and instance.stance is not AttributionStance.DECLINES:
        raise fail(
            instance, attribute, value, "an actor id, countries, or both", problem="the claim names neither actor nor country"
        )


def _to_optional_awareness(value: Any) -> Awareness | None:
    return None if value is None else Awareness(value)


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

    claimant: str = field(converter=to_text)
    role: AttributionRole = field(default=AttributionRole.ORIGIN, converter=AttributionRole)
    actor: str | None = field(default=None, converter=to_optional_slug, validator=_check_attribution)
    countries: tuple[Country, ...] = field(default=(), converter=to_countries)
    client: str | None = field(default=None, converter=to_optional_slug)
    confidence: Confidence | None = field(default=None, converter=to_optional_confidence)
    wording: str | None = field(default=None, converter=to_optional_text)
    claimed: FuzzyDate | None = field(default=None, converter=_to_optional_fuzzy_date)
    status: ClaimStatus = field(default=ClaimStatus.CURRENT, converter=ClaimStatus)
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)
    #: What the claim does: name someone, decline to attribute, or rule the named out.
    stance: AttributionStance = field(default=AttributionStance.ASSERTS, converter=AttributionStance)
    #: Whose claim it is next to its sources: theirs, relayed by them unverified, or the analyst's own.
    voice: Voice = field(default=Voice.SOURCE, converter=Voice)
    #: Whether the operators named knew they were part of the operation.
    awareness: Awareness | None = field(default=None, converter=_to_optional_awareness)

    def __str__(self) -> str:
        """``Meta: operator social-design-agency (RU)``, with the stance and status when they are not the usual."""
        countries = ", ".join(country.code for country in self.countries)
        who = f"{self.actor} ({countries})" if self.actor and countries else self.actor or countries
        status = "" if self.status is ClaimStatus.CURRENT else f" [{self.status.value}]"
        if self.stance is AttributionStance.DECLINES:
            return f"{self.claimant}: declines to attribute{' to ' + who if who else ''}{status}"
        stance = "rules out " if self.stance is AttributionStance.REJECTS else ""
        return f"{self.claimant}: {stance}{_words(self.role)} {who}{status}"


# ---------------------------------------------------------------------------------------------
# What the operation did


class AIPurpose(Vocabulary):
    DEBUG_CODE = "debug_code"
    WRITE_CODE = "write_code"
    WRITE_COMMENTS = "write_comments"
    WRITE_ARTICLES = "write_articles"
    WRITE_HEADLINES = "write_headlines"
    WRITE_POSTS = "write_posts"
    WRITE_BIOS = "write_bios"
    TRANSLATE = "translate"
    PROOFREAD = "proofread"
    SUMMARISE = "summarise"
    RESEARCH = "research"
    ANALYSE_SOCIAL_MEDIA = "analyse_social_media"
    GENERATE_IMAGES = "generate_images"
    GENERATE_AUDIO = "generate_audio"
    GENERATE_VIDEO = "generate_video"
    CREATE_PERSONAS = "create_personas"
    FAKE_ENGAGEMENT = "fake_engagement"
    PRODUCTIVITY = "productivity"
    OTHER = "other"


def _to_purposes(value: Iterable[AIPurpose | str]) -> tuple[AIPurpose, ...]:
    return tuple_of(value, AIPurpose, "AI purposes")


def _to_llm_ttps(value: Iterable[LLM_TTP | str]) -> tuple[LLM_TTP, ...]:
    return tuple_of(value, LLM_TTP, "LLM-themed TTPs")


@model
@frozen(kw_only=True)
class AIUse:
    """How an operation used an AI service: which, for what, in which languages, and what failed.

    ``failures`` keeps what betrayed the use, such as refusal messages posted by mistake.
    """

    service: str | None = field(default=None, converter=to_optional_text)
    provider: str | None = field(default=None, converter=to_optional_text)
    model: str | None = field(default=None, converter=to_optional_text)
    purposes: tuple[AIPurpose, ...] = field(default=(), converter=_to_purposes)
    languages: tuple[Language, ...] = field(default=(), converter=to_languages)
    wording: str | None = field(default=None, converter=to_optional_text)
    llm_ttps: tuple[LLM_TTP, ...] = field(default=(), converter=_to_llm_ttps)
    failures: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        what = ", ".join(p.value.replace("_", " ") for p in self.purposes) or "unspecified use"
        return f"{self.service or self.model or 'AI'}: {what}"


class ImpactQualifier(Vocabulary):
    EXACT = "exact"
    LOW_END = "low_end"
    UPPER_END = "upper_end"
    AT_MOST = "at_most"
    AT_LEAST = "at_least"
    CONDITIONAL = "conditional"


def _check_category(instance: Impact, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or not 1 <= value <= 6:
        raise fail(instance, attribute, value, "a Breakout Scale category from 1 to 6")


def _check_condition(instance: Impact, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if instance.qualifier is ImpactQualifier.CONDITIONAL and value is None:
        raise fail(instance, attribute, value, "the condition of a conditional rating", problem="no condition given")


@model
@frozen(kw_only=True)
class Impact:
    """A Breakout Scale rating (Nimmo, 2020): category 1-6, how firmly, by whom, and why.

    An operation may carry several ratings: by different raters, or one revised over time.
    """

    category: int = field(validator=_check_category)
    qualifier: ImpactQualifier = field(default=ImpactQualifier.EXACT, converter=ImpactQualifier)
    condition: str | None = field(default=None, converter=to_optional_text, validator=_check_condition)
    scope: str | None = field(default=None, converter=to_optional_text)
    rationale: str | None = field(default=None, converter=to_optional_text)
    rated_by: str | None = field(default=None, converter=to_optional_text)
    rated: FuzzyDate | None = field(default=None, converter=_to_optional_fuzzy_date)
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        qualifier = {
            ImpactQualifier.EXACT: "",
            ImpactQualifier.LOW_END: "low end of ",
            ImpactQualifier.UPPER_END: "upper end of ",
            ImpactQualifier.AT_MOST: "at most ",
            ImpactQualifier.AT_LEAST: "at least ",
            ImpactQualifier.CONDITIONAL: "conditionally ",
        }[self.qualifier]
        return f"{qualifier}Category {self.category}"


class DisruptionAction(Vocabulary):
    ACCOUNTS_BANNED = "accounts_banned"
    ACCOUNTS_SUSPENDED = "accounts_suspended"
    PAGES_REMOVED = "pages_removed"
    GROUPS_REMOVED = "groups_removed"
    CHANNELS_REMOVED = "channels_removed"
    CONTENT_REMOVED = "content_removed"
    ADS_REMOVED = "ads_removed"
    DOMAINS_SEIZED = "domains_seized"
    DOMAINS_BLOCKED = "domains_blocked"
    SANCTIONS = "sanctions"
    INDICTMENT = "indictment"
    PUBLIC_DISCLOSURE = "public_disclosure"
    OTHER = "other"


@model
@frozen(kw_only=True)
class Disruption:
    """Action taken against an operation: who acted, what they did, when, how many, where."""

    by: str = field(converter=to_text)
    action: DisruptionAction = field(converter=DisruptionAction)
    date: FuzzyDate | None = field(default=None, converter=_to_optional_fuzzy_date)
    count: Count | None = field(default=None, converter=to_optional_count)
    platform: Platform | None = field(default=None, converter=to_optional_platform)
    description: str | None = field(default=None, converter=to_optional_text)
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        """``OpenAI: accounts banned (unknown) on X, by 2024-05``."""
        text = f"{self.by}: {_words(self.action)}"
        if self.count is not None:
            text += f" ({self.count})"
        if self.platform is not None:
            text += f" on {self.platform}"
        return text if self.date is None else f"{text}, {self.date}"


@model
@frozen(kw_only=True)
class Narrative:
    """A story an operation pushed, in the source's summary, with its topics and languages."""

    summary: str = field(converter=to_text)
    topics: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    languages: tuple[Language, ...] = field(default=(), converter=to_languages)
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        return self.summary


# ---------------------------------------------------------------------------------------------
# Names and relations


class AliasKind(Vocabulary):
    COMMON_NAME = "common_name"
    VENDOR_NAME = "vendor_name"
    FRONT_BRAND = "front_brand"
    EARLIER_NAME = "earlier_name"
    SELF_NAME = "self_name"
    OTHER = "other"


@model
@frozen(kw_only=True)
class Alias:
    """Another name for an operation, who uses it and what kind of name it is."""

    name: str = field(converter=to_text)
    kind: AliasKind = field(default=AliasKind.COMMON_NAME, converter=AliasKind)
    used_by: str | None = field(default=None, converter=to_optional_text)
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)
    #: Who asserts that the name denotes this operation, when not the cited sources' publisher.
    claimant: str | None = field(default=None, converter=to_optional_text)

    def __str__(self) -> str:
        return self.name


def _to_alias(value: Any) -> Alias:
    if isinstance(value, Alias):
        return value
    if isinstance(value, str):
        return Alias(name=value)
    raise Invalid(value, "an Alias or a name")


def _to_aliases(value: Iterable[Alias | str]) -> tuple[Alias, ...]:
    return tuple_of(value, _to_alias, "aliases")


class RelationKind(Vocabulary):
    """How one operation relates to another; each kind has its :attr:`inverse` (``part_of``: ``has_part``)."""

    SAME_AS = "same_as"
    ALIAS_OF = "alias_of"
    PART_OF = "part_of"
    OVERLAPS_WITH = "overlaps_with"
    RESEMBLES_BUT_DISTINCT = "resembles_but_distinct"
    SUCCESSOR_OF = "successor_of"
    #: The other operation is a part of this one.
    HAS_PART = "has_part"
    #: The other operation took this one's place.
    SUCCEEDED_BY = "succeeded_by"
    #: This operation carries the other on (same operators, same assets), not a new one.
    CONTINUATION_OF = "continuation_of"
    #: The other operation carries this one on.
    CONTINUED_BY = "continued_by"
    #: Both are run by a shared actor, without being the same operation.
    SHARES_ACTOR = "shares_actor"
    #: Both are run by the same operators, as separate operations.
    SIBLING_OF = "sibling_of"
    #: The other operation amplified this one's content.
    AMPLIFIED_BY = "amplified_by"
    #: This operation amplified the other's content.
    AMPLIFIES = "amplifies"
    #: Related, in a way the source does not say.
    RELATED = "related"
    #: The source says explicitly that it asserts no link between the two.
    NO_LINK_ASSERTED = "no_link_asserted"

    @property
    def inverse(self) -> RelationKind:
        """The kind seen from the other operation (``part_of``: ``has_part``; ``same_as`` is its own)."""
        return _INVERSE_RELATIONS.get(self, self)


_DIRECTED_RELATIONS = (
    (RelationKind.PART_OF, RelationKind.HAS_PART),
    (RelationKind.SUCCESSOR_OF, RelationKind.SUCCEEDED_BY),
    (RelationKind.CONTINUATION_OF, RelationKind.CONTINUED_BY),
    (RelationKind.AMPLIFIED_BY, RelationKind.AMPLIFIES),
)
# Every other kind is symmetric (its own inverse); alias_of, which names the operation the
# other is an alias of, has no kind of its own the other way, so it reads as same_as.
_INVERSE_RELATIONS: dict[RelationKind, RelationKind] = {
    **dict(_DIRECTED_RELATIONS),
    **{b: a for a, b in _DIRECTED_RELATIONS},
    RelationKind.ALIAS_OF: RelationKind.SAME_AS,
}


@model
@frozen(kw_only=True)
class Relation:
    """How this operation relates to another, named by the other's ``id``.

    The other operation may be in another report, or known only by a citation: ``described_in``
    then names the source that describes it. A relation is a claim: ``claimant``, ``voice``,
    ``confidence`` and ``claimed`` say whose, how firm and since when.
    """

    kind: RelationKind = field(converter=RelationKind)
    other: str = field(converter=to_slug)
    other_name: str | None = field(default=None, converter=to_optional_text)
    note: str | None = field(default=None, converter=to_optional_text)
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)
    #: The id of the source describing the other operation, when it is not in this report.
    described_in: str | None = field(default=None, converter=to_optional_slug)
    #: Who asserts the relation, when not the cited sources' publisher.
    claimant: str | None = field(default=None, converter=to_optional_text)
    #: Whose claim it is next to its sources: theirs, relayed by them unverified, or the analyst's own.
    voice: Voice = field(default=Voice.SOURCE, converter=Voice)
    #: How sure the claimant is ("very likely a part of").
    confidence: Confidence | None = field(default=None, converter=to_optional_confidence)
    #: When the relation was asserted.
    claimed: FuzzyDate | None = field(default=None, converter=_to_optional_fuzzy_date)

    def __str__(self) -> str:
        """``same as doppelganger``."""
        return f"{_words(self.kind)} {self.other_name or self.other}"

    def inverted(self, operation_id: str, operation_name: str | None = None) -> Relation:
        """The same claim seen from the other operation, which then relates to ``operation_id``.

        >>> str(Relation(kind="part_of", other="doppelganger").inverted("rrn", "RRN"))
        'has part RRN'
        """
        return attrs.evolve(self, kind=self.kind.inverse, other=operation_id, other_name=operation_name, described_in=None)


# ---------------------------------------------------------------------------------------------
# Operation and report


class OperationKind(Vocabulary):
    NETWORK = "network"
    CAMPAIGN = "campaign"
    OPERATION = "operation"
    OTHER = "other"


def _to_a_i_uses(value: Iterable[AIUse]) -> tuple[AIUse, ...]:
    return instances(value, AIUse)


def _to_actors(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return instances(value, Actor)


def _to_attributions(value: Iterable[Attribution]) -> tuple[Attribution, ...]:
    return instances(value, Attribution)


def _to_disruptions(value: Iterable[Disruption]) -> tuple[Disruption, ...]:
    return instances(value, Disruption)


def _to_impacts(value: Iterable[Impact]) -> tuple[Impact, ...]:
    return instances(value, Impact)


def _to_moneys(value: Iterable[Money]) -> tuple[Money, ...]:
    return instances(value, Money)


def _to_narratives(value: Iterable[Narrative]) -> tuple[Narrative, ...]:
    return instances(value, Narrative)


def _to_relations(value: Iterable[Relation]) -> tuple[Relation, ...]:
    return instances(value, Relation)


def _to_date_claims(value: Iterable[DateClaim]) -> tuple[DateClaim, ...]:
    return instances(value, DateClaim)


def _to_targets(value: Iterable[Target]) -> tuple[Target, ...]:
    return instances(value, Target)


def _check_named(instance: Operation, attribute: attrs.Attribute[Any], value: Any) -> None:
    # attrs runs validators once every field is set, so the summary is available here.
    if instance.name is None and instance.summary is None:
        raise fail(
            instance,
            attribute,
            value,
            "a name or, for an unnamed network, a summary",
            problem="neither name nor summary given",
        )


@model
@frozen(kw_only=True)
class Operation:
    """One influence operation or network as reported, with every fact its sources give.

    ``sources`` defines the sources the operation's facts cite by id, so that one operation
    stands alone (a line of a JSON Lines corpus). Change one with :func:`attrs.evolve`.
    """

    id: str = field(converter=to_slug)
    name: str | None = field(default=None, converter=to_optional_text, validator=_check_named)
    kind: OperationKind = field(default=OperationKind.NETWORK, converter=OperationKind)
    summary: str | None = field(default=None, converter=to_optional_text)
    aliases: tuple[Alias, ...] = field(default=(), converter=_to_aliases)
    activity: Period | None = field(default=None, converter=_to_optional_period)
    detected: Period | None = field(default=None, converter=_to_optional_period)
    #: The dates behind ``activity`` and ``detected``: each source's, with what it was inferred from.
    date_claims: tuple[DateClaim, ...] = field(default=(), converter=_to_date_claims)
    actors: tuple[Actor, ...] = field(default=(), converter=_to_actors)
    attributions: tuple[Attribution, ...] = field(default=(), converter=_to_attributions)
    targets: tuple[Target, ...] = field(default=(), converter=_to_targets)
    topics: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    narratives: tuple[Narrative, ...] = field(default=(), converter=_to_narratives)
    languages: tuple[Language, ...] = field(default=(), converter=to_languages)
    assets: tuple[Asset, ...] = field(default=(), converter=to_assets)
    techniques: tuple[TechniqueUse, ...] = field(default=(), converter=to_technique_uses)
    ai_uses: tuple[AIUse, ...] = field(default=(), converter=_to_a_i_uses)
    impacts: tuple[Impact, ...] = field(default=(), converter=_to_impacts)
    disruptions: tuple[Disruption, ...] = field(default=(), converter=_to_disruptions)
    ad_spend: tuple[Money, ...] = field(default=(), converter=_to_moneys)
    relations: tuple[Relation, ...] = field(default=(), converter=_to_relations)
    sources: tuple[Source, ...] = field(default=(), converter=_to_sources)
    notes: str | None = field(default=None, converter=to_optional_text)

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
            if asserted and claim.status is ClaimStatus.CURRENT and claim.role in _ORIGIN_ROLES:
                found.update(dict.fromkeys(claim.countries))
                actor = self.actor(claim.actor) if claim.actor else None
                if actor is not None and actor.nationality is not None:
                    found[actor.nationality] = None
        return tuple(found)

    def __str__(self) -> str:
        return self.display_name


def _to_operations(value: Iterable[Operation]) -> tuple[Operation, ...]:
    return instances(value, Operation)


@model
@frozen(kw_only=True)
class Report:
    """A publisher's report on one or more operations, and its overall findings."""

    id: str = field(converter=to_slug)
    title: str = field(converter=to_text)
    publisher: str = field(converter=to_text)
    published: FuzzyDate | None = field(default=None, converter=_to_optional_fuzzy_date)
    #: The period the report covers ("Q1 2024"), apart from any operation's activity.
    period: Period | None = field(default=None, converter=_to_optional_period)
    url: str | None = field(default=None, converter=to_optional_text)
    authors: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    summary: str | None = field(default=None, converter=to_optional_text)
    findings: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    operations: tuple[Operation, ...] = field(default=(), converter=_to_operations)

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
