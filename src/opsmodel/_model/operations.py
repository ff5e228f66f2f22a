"""Operations, the claims made about them, and the reports that describe them."""

from __future__ import annotations

import datetime as dt
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
from .measures import Measure
from .places import Country, Target, to_countries, to_optional_country
from .platforms import Asset, Platform, to_assets, to_optional_platform
from .provenance import PublicationStatus, SourceAccess, SourceRole
from .techniques import LLM_TTP, Confidence, TechniqueUse, to_optional_confidence, to_technique_uses


def _to_optional_fuzzy_date(value: FuzzyDate | dt.date | str | None) -> FuzzyDate | None:
    converted = to_optional_datelike(value)
    if converted is not None and not isinstance(converted, FuzzyDate):
        raise Invalid(value, "an absolute date (a FuzzyDate), not one relative to the report")
    return converted


def _to_optional_period(value: Period | None) -> Period | None:
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

    #: The short id facts use to cite this source, unique within the operation (e.g.
    #: ``openai-2024-05``).
    id: str = field(converter=to_slug)
    #: Who published it: a company, an outlet, a government.
    publisher: str | None = field(default=None, converter=to_optional_text)
    #: The title of the report, article or post.
    title: str | None = field(default=None, converter=to_optional_text)
    #: Where the source can be read.
    url: str | None = field(default=None, converter=to_optional_text)
    #: When the source was published, as precisely as known.
    published: FuzzyDate | None = field(default=None, converter=_to_optional_fuzzy_date)
    #: Its authors' names, in the source's order.
    authors: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: The language the source is written in.
    language: Language | None = field(default=None, converter=to_optional_language)
    #: Passages quoted verbatim from the source, to back the facts that cite it.
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
    #: The source does not say.
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
    #: says.
    location: Country | None = field(default=None, converter=to_optional_country)
    #: Other names the actor is known by.
    aliases: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: The id of the actor this one belongs to (a unit's agency, a firm's owner).
    parent: str | None = field(default=None, converter=to_optional_slug)
    #: Who the actor is, in the source's words; required when there is no ``name``.
    description: str | None = field(default=None, converter=to_optional_text, validator=_check_actor)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

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
    claimed: FuzzyDate | None = field(default=None, converter=_to_optional_fuzzy_date)
    #: Whether the claim still stands, was revised, withdrawn or is disputed.
    status: ClaimStatus = field(default=ClaimStatus.CURRENT, converter=ClaimStatus)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
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

    #: The AI service used, as the source names it (e.g. ``ChatGPT``).
    service: str | None = field(default=None, converter=to_optional_text)
    #: Who provides the service (e.g. ``OpenAI``).
    provider: str | None = field(default=None, converter=to_optional_text)
    #: The model behind the service, when the source names it.
    model: str | None = field(default=None, converter=to_optional_text)
    #: What the operation used the service for.
    purposes: tuple[AIPurpose, ...] = field(default=(), converter=_to_purposes)
    #: The languages the service worked in for the operation.
    languages: tuple[Language, ...] = field(default=(), converter=to_languages)
    #: The use as the source describes it.
    wording: str | None = field(default=None, converter=to_optional_text)
    #: The LLM-themed TTPs (Microsoft and OpenAI, 2024) the use matches.
    llm_ttps: tuple[LLM_TTP, ...] = field(default=(), converter=_to_llm_ttps)
    #: What betrayed the use, such as refusal messages posted by mistake.
    failures: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        what = ", ".join(p.value.replace("_", " ") for p in self.purposes) or "unspecified use"
        return f"{self.service or self.model or 'AI'}: {what}"


class ImpactQualifier(Vocabulary):
    #: The category itself.
    EXACT = "exact"
    #: At the low end of the category.
    LOW_END = "low_end"
    #: At the upper end of the category.
    UPPER_END = "upper_end"
    #: The category or a lower one.
    AT_MOST = "at_most"
    #: The category or a higher one.
    AT_LEAST = "at_least"
    #: The category only if ``condition`` holds.
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

    #: The Breakout Scale category, 1 (one platform, one community) to 6 (a call for policy response
    #: or violence).
    category: int = field(validator=_check_category)
    #: How firmly the category is given: exactly, at its low or upper end, at most, at least, or on
    #: a condition.
    qualifier: ImpactQualifier = field(default=ImpactQualifier.EXACT, converter=ImpactQualifier)
    #: What the rating depends on; required when ``qualifier`` is ``conditional``. With another
    #: qualifier the rating is both positioned and conditional ("the upper end of Category 2, if
    #: the follower counts are genuine").
    condition: str | None = field(default=None, converter=to_optional_text, validator=_check_condition)
    #: What the rating covers when it is not the whole operation (one platform, one campaign).
    scope: str | None = field(default=None, converter=to_optional_text)
    #: Why the rater gave this category.
    rationale: str | None = field(default=None, converter=to_optional_text)
    #: Who gave the rating.
    rated_by: str | None = field(default=None, converter=to_optional_text)
    #: When the rating was given.
    rated: FuzzyDate | None = field(default=None, converter=_to_optional_fuzzy_date)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
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

    #: Who acted: a platform, a company, a government.
    by: str = field(converter=to_text)
    #: What they did: banned accounts, removed content, seized domains, imposed sanctions...
    action: DisruptionAction = field(converter=DisruptionAction)
    #: When they acted.
    date: FuzzyDate | None = field(default=None, converter=_to_optional_fuzzy_date)
    #: How many accounts, pages, domains... the action reached.
    count: Count | None = field(default=None, converter=to_optional_count)
    #: The platform the action was taken on.
    platform: Platform | None = field(default=None, converter=to_optional_platform)
    #: The action in the source's words.
    description: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
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

    #: The story in a sentence, as the source summarises it.
    summary: str = field(converter=to_text)
    #: Short topics the story is about (``Ukraine``, ``elections``...).
    topics: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: The languages the story was told in.
    languages: tuple[Language, ...] = field(default=(), converter=to_languages)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)

    def __str__(self) -> str:
        return self.summary


# ---------------------------------------------------------------------------------------------
# Names and relations


class AliasKind(Vocabulary):
    #: A name researchers commonly use.
    COMMON_NAME = "common_name"
    #: A name one vendor or researcher gave it (see ``used_by``).
    VENDOR_NAME = "vendor_name"
    #: A brand the operation presented itself under (a fake outlet, a persona).
    FRONT_BRAND = "front_brand"
    #: A name it was known by before.
    EARLIER_NAME = "earlier_name"
    #: What the operators call it themselves.
    SELF_NAME = "self_name"
    #: Another kind of name.
    OTHER = "other"


@model
@frozen(kw_only=True)
class Alias:
    """Another name for an operation, who uses it and what kind of name it is."""

    #: The other name.
    name: str = field(converter=to_text)
    #: What kind of name it is: a common name, a vendor's name, a front brand, an earlier name, the
    #: operation's own.
    kind: AliasKind = field(default=AliasKind.COMMON_NAME, converter=AliasKind)
    #: Who uses the name (a vendor, researchers, the operation itself).
    used_by: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
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

    #: The other id names the same operation.
    SAME_AS = "same_as"
    #: This id is another name for the other operation.
    ALIAS_OF = "alias_of"
    #: This operation is part of the other.
    PART_OF = "part_of"
    #: The two share assets, people or content without being the same.
    OVERLAPS_WITH = "overlaps_with"
    #: The two look alike, and the source says they are different.
    RESEMBLES_BUT_DISTINCT = "resembles_but_distinct"
    #: This operation continues the other (after a takedown, under new assets).
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

    #: How the two operations relate: the same, one part of the other, overlapping, a successor...
    kind: RelationKind = field(converter=RelationKind)
    #: The id of the other operation.
    other: str = field(converter=to_slug)
    #: The other operation's name, for reading without looking it up.
    other_name: str | None = field(default=None, converter=to_optional_text)
    #: What the source says about the relation.
    note: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
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
    #: A network of accounts, pages or sites, as platforms report them.
    NETWORK = "network"
    #: A campaign: a coordinated effort around one goal or event.
    CAMPAIGN = "campaign"
    #: An operation as a whole, possibly made of networks and campaigns.
    OPERATION = "operation"
    #: Something else the source reports.
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


def _to_measures(value: Iterable[Measure]) -> tuple[Measure, ...]:
    return instances(value, Measure)


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

    #: A stable identifier, unique within its report (e.g. ``bad-grammar``).
    id: str = field(converter=to_slug)
    #: The operation's name; None for an unnamed network (then ``summary`` is required).
    name: str | None = field(default=None, converter=to_optional_text, validator=_check_named)
    #: Whether the source reports a network, a campaign or an operation.
    kind: OperationKind = field(default=OperationKind.NETWORK, converter=OperationKind)
    #: What the operation did, in a sentence or two.
    summary: str | None = field(default=None, converter=to_optional_text)
    #: Other names of the operation, each with who uses it.
    aliases: tuple[Alias, ...] = field(default=(), converter=_to_aliases)
    #: When the operation was active.
    activity: Period | None = field(default=None, converter=_to_optional_period)
    #: When the reporter found and investigated it.
    detected: Period | None = field(default=None, converter=_to_optional_period)
    #: The dates behind ``activity`` and ``detected``: each source's, with what it was inferred from.
    date_claims: tuple[DateClaim, ...] = field(default=(), converter=_to_date_claims)
    #: The actors involved; attributions and relations name them by ``id``.
    actors: tuple[Actor, ...] = field(default=(), converter=_to_actors)
    #: Claims of who stands behind the operation, each by its claimant; never merged.
    attributions: tuple[Attribution, ...] = field(default=(), converter=_to_attributions)
    #: Whom the operation aimed at: places, audiences, or audiences in places.
    targets: tuple[Target, ...] = field(default=(), converter=_to_targets)
    #: Short topics the operation's content was about.
    topics: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: The stories it pushed.
    narratives: tuple[Narrative, ...] = field(default=(), converter=_to_narratives)
    #: The languages its content was in.
    languages: tuple[Language, ...] = field(default=(), converter=to_languages)
    #: The accounts, pages, channels, websites... it ran, per platform.
    assets: tuple[Asset, ...] = field(default=(), converter=to_assets)
    #: Figures that are not totals of its assets: shares, per-item statistics, non-assets, engagement and
    #: output metrics.
    measures: tuple[Measure, ...] = field(default=(), converter=_to_measures)
    #: The framework techniques (DISARM, ATT&CK, Meta's kill chain) it used.
    techniques: tuple[TechniqueUse, ...] = field(default=(), converter=to_technique_uses)
    #: How it used AI services.
    ai_uses: tuple[AIUse, ...] = field(default=(), converter=_to_a_i_uses)
    #: Breakout Scale ratings of its impact; ratings by different raters or at different times
    #: accumulate.
    impacts: tuple[Impact, ...] = field(default=(), converter=_to_impacts)
    #: Actions taken against it.
    disruptions: tuple[Disruption, ...] = field(default=(), converter=_to_disruptions)
    #: What it spent on advertising, one sum per currency or statement.
    ad_spend: tuple[Money, ...] = field(default=(), converter=_to_moneys)
    #: How it relates to other operations.
    relations: tuple[Relation, ...] = field(default=(), converter=_to_relations)
    #: The sources the operation's facts cite by id; the operation carries them so that it stands
    #: alone.
    sources: tuple[Source, ...] = field(default=(), converter=_to_sources)
    #: Anything else worth keeping that no field holds.
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

    #: A stable identifier of the report (e.g. ``openai-2024-05``); operations cite the report by
    #: this id.
    id: str = field(converter=to_slug)
    #: The report's title.
    title: str = field(converter=to_text)
    #: Who published the report.
    publisher: str = field(converter=to_text)
    #: When the report was published; relative dates in its operations count from it.
    published: FuzzyDate | None = field(default=None, converter=_to_optional_fuzzy_date)
    #: The period the report covers ("Q1 2024"), apart from any operation's activity.
    period: Period | None = field(default=None, converter=_to_optional_period)
    #: Where the report can be read.
    url: str | None = field(default=None, converter=to_optional_text)
    #: The report's authors, in its order.
    authors: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: What the report says overall, in a few sentences.
    summary: str | None = field(default=None, converter=to_optional_text)
    #: The report's overall findings, one per item, beyond any single operation.
    findings: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: The operations the report describes.
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
