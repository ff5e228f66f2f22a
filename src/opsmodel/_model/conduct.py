"""What an operation did and what came of it: AI use, impact ratings, disruptions, narratives."""

from __future__ import annotations

from typing import Any

import attrs
from attrs import field, frozen

from .._core.fields import (
    InstancesOf,
    OptionalOf,
    TupleOf,
    Vocabulary,
    fail,
    model,
    to_optional_text,
    to_source_ids,
    to_text,
    to_text_tuple,
    whole_number,
    words_of,
)
from .claims import Voice
from .counts import Count, to_optional_count
from .dates import FuzzyDate, Period, to_optional_fuzzy_date, to_optional_period
from .languages import Language, to_languages
from .measures import Measure
from .platforms import Platform, to_optional_platform, to_platforms
from .techniques import LLM_TTP, Confidence, to_optional_confidence


class AIPurpose(Vocabulary):
    """What an operation used an AI service for."""

    #: Find and fix faults in code.
    DEBUG_CODE = "debug_code"
    #: Write code (scrapers, bots, publishing tools).
    WRITE_CODE = "write_code"
    #: Write comments and replies to others' posts.
    WRITE_COMMENTS = "write_comments"
    #: Write long-form articles.
    WRITE_ARTICLES = "write_articles"
    #: Write headlines and titles.
    WRITE_HEADLINES = "write_headlines"
    #: Write short posts (tweets, status updates).
    WRITE_POSTS = "write_posts"
    #: Write the profiles of fake accounts.
    WRITE_BIOS = "write_bios"
    #: Translate content between languages.
    TRANSLATE = "translate"
    #: Correct the spelling and grammar of content written otherwise.
    PROOFREAD = "proofread"
    #: Summarise documents or content.
    SUMMARISE = "summarise"
    #: Look up facts, people or organisations.
    RESEARCH = "research"
    #: Analyse social media activity (sentiment, trends, audiences).
    ANALYSE_SOCIAL_MEDIA = "analyse_social_media"
    #: Make images (profile pictures, memes, fake photographs).
    GENERATE_IMAGES = "generate_images"
    #: Make audio (voices, voice clones, music).
    GENERATE_AUDIO = "generate_audio"
    #: Make video.
    GENERATE_VIDEO = "generate_video"
    #: Invent fake personas (names, backgrounds, faces).
    CREATE_PERSONAS = "create_personas"
    #: Fake engagement: replies and comments to the operation's own posts.
    FAKE_ENGAGEMENT = "fake_engagement"
    #: Everyday office work (drafting emails, schedules, budgets).
    PRODUCTIVITY = "productivity"
    #: Rewrite or paraphrase other outlets' content so that it passes as new (model 1.1).
    REWRITE_CONTENT = "rewrite_content"
    #: Advice on strategy and planning: what to post, where, when, to whom (model 1.1).
    PLAN = "plan"
    #: Write scripts for videos (model 1.1).
    WRITE_VIDEO_SCRIPTS = "write_video_scripts"
    #: Write prompts for other AI models, such as image or video generators (model 1.1).
    WRITE_PROMPTS = "write_prompts"
    #: Write private or direct messages to individuals (model 1.1).
    WRITE_MESSAGES = "write_messages"
    #: Run an automated pipeline that generates and publishes content with no person per post (model 1.1).
    AUTOMATE_PUBLISHING = "automate_publishing"
    #: Another purpose, which ``wording`` describes.
    OTHER = "other"


class AIToolKind(Vocabulary):
    """What sort of AI tool was used, when the source names the sort rather than (or as well as) the service."""

    #: A chatbot or text model a provider serves (ChatGPT, Gemini, Claude): "a commercial chatbot".
    CHATBOT = "chatbot"
    #: A model whose weights are published, which anyone may run (Llama, Mistral).
    OPEN_MODEL = "open_model"
    #: An image generator (Midjourney, DALL-E).
    IMAGE_GENERATOR = "image_generator"
    #: A voice or audio generator (text to speech, voice cloning).
    AUDIO_GENERATOR = "audio_generator"
    #: A video or avatar generator.
    VIDEO_GENERATOR = "video_generator"
    #: A machine translation service.
    TRANSLATOR = "translator"
    #: Another sort of tool.
    OTHER = "other"


class AIAccess(Vocabulary):
    """How the operation reached the AI tool."""

    #: The provider's own chat interface or app.
    WEB_APP = "web_app"
    #: The provider's API, directly.
    API = "api"
    #: A third party reselling access to the provider's API (``via`` names it).
    RESELLER = "reseller"
    #: A model run on the operators' own or rented machines.
    SELF_HOSTED = "self_hosted"
    #: Another way, which ``via`` or ``wording`` describes.
    OTHER = "other"


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
    purposes: tuple[AIPurpose, ...] = field(default=(), converter=TupleOf[AIPurpose])
    #: The languages the service worked in for the operation.
    languages: tuple[Language, ...] = field(default=(), converter=to_languages)
    #: The use as the source describes it.
    wording: str | None = field(default=None, converter=to_optional_text)
    #: The LLM-themed TTPs (Microsoft and OpenAI, 2024) the use matches.
    llm_ttps: tuple[LLM_TTP, ...] = field(default=(), converter=TupleOf[LLM_TTP])
    #: What betrayed the use, such as refusal messages posted by mistake.
    failures: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)
    #: What sort of tool it was, when the source says (model 1.1): "a commercial chatbot" is ``chatbot``
    #: with no ``service``.
    tool_kind: AIToolKind | None = field(default=None, converter=OptionalOf[AIToolKind])
    #: How sure the source is of the tool or of the use ("probably a commercial chatbot") (model 1.1).
    confidence: Confidence | None = field(default=None, converter=to_optional_confidence)
    #: How the operation reached the tool: the app, the API, a reseller, its own machines (model 1.1).
    access: AIAccess | None = field(default=None, converter=OptionalOf[AIAccess])
    #: The reseller or intermediary access went through (model 1.1).
    via: str | None = field(default=None, converter=to_optional_text)
    #: When the operation used the tool (model 1.1).
    period: Period | None = field(default=None, converter=to_optional_period)
    #: Where the tool's output was published (model 1.1).
    platforms: tuple[Platform, ...] = field(default=(), converter=to_platforms)
    #: How much the use produced: "about 500 comments a day", "150 replies generated, fewer visible" (model 1.1).
    output: tuple[Measure, ...] = field(default=(), converter=InstancesOf[Measure])
    #: Who says the tool was used, when not the cited sources' publisher (model 1.1).
    claimant: str | None = field(default=None, converter=to_optional_text)
    #: Whose claim it is next to its sources: theirs, relayed by them unverified, or the analyst's own (model 1.1).
    voice: Voice = field(default=Voice.SOURCE, converter=Voice)

    @property
    def tool(self) -> str:
        """The tool as a reader would name it: the service, the model, the provider, the sort, else ``AI``."""
        if self.service or self.model or self.provider:
            return str(self.service or self.model or self.provider)
        return words_of(self.tool_kind) if self.tool_kind is not None else "AI"

    def __str__(self) -> str:
        """``ChatGPT: write articles``; ``chatbot (probably): rewrite content`` for a hedged tool."""
        what = ", ".join(p.value.replace("_", " ") for p in self.purposes) or "unspecified use"
        # the source's own hedge ("probably") reads best; else the confidence's scale
        hedge = "" if self.confidence is None else f" ({self.confidence.words or self.confidence})"
        return f"{self.tool}{hedge}: {what}"


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
    category: int = field(validator=whole_number(1, 6, expected="a Breakout Scale category from 1 to 6"))
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
    """What was done against an operation."""

    #: Accounts banned for good.
    ACCOUNTS_BANNED = "accounts_banned"
    #: Accounts suspended, possibly for a time.
    ACCOUNTS_SUSPENDED = "accounts_suspended"
    #: Pages removed.
    PAGES_REMOVED = "pages_removed"
    #: Groups removed.
    GROUPS_REMOVED = "groups_removed"
    #: Channels removed.
    CHANNELS_REMOVED = "channels_removed"
    #: Posts, videos or other content removed.
    CONTENT_REMOVED = "content_removed"
    #: Advertisements removed.
    ADS_REMOVED = "ads_removed"
    #: Domains seized by a court or government.
    DOMAINS_SEIZED = "domains_seized"
    #: Domains blocked (by a registrar, a browser, a country).
    DOMAINS_BLOCKED = "domains_blocked"
    #: Sanctions on the people or organisations behind it.
    SANCTIONS = "sanctions"
    #: Criminal charges.
    INDICTMENT = "indictment"
    #: The operation made public (a report, an announcement).
    PUBLIC_DISCLOSURE = "public_disclosure"
    #: Accounts removed, without saying whether banned or suspended (model 1.1).
    ACCOUNTS_REMOVED = "accounts_removed"
    #: Blogs or web sites taken down by their host or platform (model 1.1).
    SITES_REMOVED = "sites_removed"
    #: An organisation banned from a platform or service, with all its accounts (model 1.1).
    ORGANISATION_BANNED = "organisation_banned"
    #: A reseller of API access that served the operation cut off (model 1.1).
    RESELLER_CUT_OFF = "reseller_cut_off"
    #: A legal letter, such as a cease-and-desist (model 1.1).
    LEGAL_LETTER = "legal_letter"
    #: Findings shared with industry peers (other platforms, AI providers) (model 1.1).
    SHARED_WITH_INDUSTRY = "shared_with_industry"
    #: Findings shared with governments or law enforcement (model 1.1).
    SHARED_WITH_GOVERNMENT = "shared_with_government"
    #: Another action, which ``description`` says.
    OTHER = "other"


@model
@frozen(kw_only=True)
class Disruption:
    """Action taken against an operation: who acted, what they did, when, how many, where.

    One value is one action by one actor, possibly on several platforms (``platform`` and
    ``other_platforms``) and possibly repeated (``times`` over ``period``: "eleven takedowns
    since 2019"). A series of takedowns whose counts the source gives one by one is one value
    per takedown, each with its ``date`` and ``count``.
    """

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
    #: Further platforms the same action was taken on, besides ``platform`` (model 1.1).
    other_platforms: tuple[Platform, ...] = field(default=(), converter=to_platforms)
    #: The policy invoked, in the actor's words ("coordinated inauthentic behaviour") (model 1.1).
    policy: str | None = field(default=None, converter=to_optional_text)
    #: The other party of the action, when not the operation's assets: the organisation banned, the
    #: reseller cut off, the addressee of a legal letter, whom findings were shared with (model 1.1).
    party: str | None = field(default=None, converter=to_optional_text)
    #: For an action repeated over time, the span it covers ("since 2019") (model 1.1).
    period: Period | None = field(default=None, converter=to_optional_period)
    #: How many times the action was taken ("eleven takedowns"); None for once or unsaid (model 1.1).
    times: Count | None = field(default=None, converter=to_optional_count)

    @property
    def platforms(self) -> tuple[Platform, ...]:
        """Every platform the action was taken on: ``platform``, then ``other_platforms``, each once."""
        return tuple(dict.fromkeys((*((self.platform,) if self.platform is not None else ()), *self.other_platforms)))

    def __str__(self) -> str:
        """``OpenAI: accounts banned (unknown) on X, by 2024-05``."""
        text = f"{self.by}: {words_of(self.action)}"
        if self.times is not None:
            text += f" {self.times} times"
        if self.count is not None:
            text += f" ({self.count})"
        if self.platforms:
            text += " on " + ", ".join(str(platform) for platform in self.platforms)
        when = self.date if self.date is not None else self.period
        return text if when is None else f"{text}, {when}"


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
