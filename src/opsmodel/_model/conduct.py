"""What an operation did and what came of it: AI use, impact ratings, disruptions, narratives."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
from attrs import field, frozen

from .._core.fields import (
    Vocabulary,
    fail,
    model,
    to_optional_text,
    to_source_ids,
    to_text,
    to_text_tuple,
    tuple_of,
    words_of,
)
from .counts import Count, to_optional_count
from .dates import FuzzyDate, to_optional_fuzzy_date
from .languages import Language, to_languages
from .platforms import Platform, to_optional_platform
from .techniques import LLM_TTP


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
    rated: FuzzyDate | None = field(default=None, converter=to_optional_fuzzy_date)
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
    date: FuzzyDate | None = field(default=None, converter=to_optional_fuzzy_date)
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
        text = f"{self.by}: {words_of(self.action)}"
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
