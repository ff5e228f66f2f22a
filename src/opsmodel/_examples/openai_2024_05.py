"""OpenAI, "AI and Covert Influence Operations: Latest Trends" (30 May 2024), as opsmodel data.

Encoded from the report's public text and the news article that started this project (in Dutch,
kept as the second source). The article's copy carries no publication date of its own (the "date
2025-06" above its text is when it was collected, and it speaks of elections "this year", 2024), so
its ``published`` is left empty rather than guessed. Only what the sources say is recorded: where they are silent (how
many accounts, who paid STOIC) the model says "unknown" or stays empty rather than guess.
"""

from __future__ import annotations

from typing import Any

from .._model.actors import Actor, ActorKind, Attribution, AttributionRole
from .._model.conduct import AIPurpose, AIUse, Disruption, DisruptionAction, Impact, ImpactQualifier, Narrative
from .._model.counts import Count
from .._model.dates import FuzzyDate, Period, RelativeDate
from .._model.operations import Operation, Report
from .._model.places import Audience, Region, Target
from .._model.platforms import Asset, AssetKind
from .._model.relations import Alias
from .._model.sources import Source
from .._model.techniques import Tactic, TechniqueRef, TechniqueUse

REPORT_ID = "openai-2024-05"
SEED_ID = "seed-article-nl"
META_ID = "meta-2023-q2"
CITE = (REPORT_ID,)
CITE_BOTH = (REPORT_ID, SEED_ID)

PUBLISHED = FuzzyDate.of(2024, 5, 30)

_TACTICS = {
    "T0080.001": ("TA13", "Target Audience Analysis"),
    "T0085.001": ("TA06", "Develop Content"),
    "T0085.003": ("TA06", "Develop Content"),
    "T0085.008": ("TA06", "Develop Content"),
    "T0097.100": ("TA16", "Establish Legitimacy"),
    "T0116.001": ("TA09", "Deliver Content"),
    "T0119.002": ("TA17", "Maximise Exposure"),
    "T0146.007": ("TA15", "Establish Assets"),
    "T0151.007": ("TA07", "Select Channels and Affordances"),
    "T0151.008": ("TA07", "Select Channels and Affordances"),
    "T0152.001": ("TA07", "Select Channels and Affordances"),
    "T0152.004": ("TA07", "Select Channels and Affordances"),
}
_NAMES = {
    "T0080.001": "Monitor Social Media Analytics",
    "T0085.001": "Develop AI-Generated Text",
    "T0085.003": "Develop Inauthentic News Articles",
    "T0085.008": "Machine Translated Text",
    "T0097.100": "Individual Persona",
    "T0116.001": "Post Inauthentic Social Media Comment",
    "T0119.002": "Post across Platform",
    "T0146.007": "Automated Account Asset",
    "T0151.007": "Chat Broadcast Group",
    "T0151.008": "Microblogging Platform",
    "T0152.001": "Blogging Platform",
    "T0152.004": "Website Asset",
}


def _technique(technique_id: str, procedure: str) -> TechniqueUse:
    tactic_id, tactic_name = _TACTICS[technique_id]
    return TechniqueUse(
        technique=TechniqueRef(framework="disarm", id=technique_id, version="1.6", name=_NAMES[technique_id]),
        tactic=Tactic(framework="disarm", id=tactic_id, name=tactic_name, version="1.6"),
        procedure=procedure,
        sources=CITE,
    )


def _chatgpt(wording: str, *purposes: AIPurpose, sources: tuple[str, ...] = CITE, **more: Any) -> AIUse:
    """A use of ChatGPT, the one service the report is about, in the report's words."""
    return AIUse(service="ChatGPT", provider="OpenAI", purposes=purposes, wording=wording, sources=sources, **more)


def _unknown_assets(*platforms: str, kind: AssetKind = AssetKind.ACCOUNT, **more: Any) -> tuple[Asset, ...]:
    """Assets on each platform, how many the report does not say."""
    return tuple(Asset(platform=platform, kind=kind, count=Count.unknown(), sources=CITE, **more) for platform in platforms)


def _sources() -> tuple[Source, ...]:
    return (
        Source(
            id=REPORT_ID,
            publisher="OpenAI",
            title="AI and Covert Influence Operations: Latest Trends",
            url="https://openai.com/index/disrupting-deceptive-uses-of-AI-by-covert-influence-operations/",
            published=PUBLISHED,
            language="en",
        ),
        Source(
            id=SEED_ID,
            language="nl",
            quotes=(
                "De netwerken werden in de afgelopen drie maanden gedetecteerd.",
                "Het is niet duidelijk hoe groot die groepen waren en uit hoeveel accounts ze bestonden",
            ),
        ),
    )


def _meta_source() -> Source:
    """Meta's report that attributed Doppelganger and Spamouflage, cited by those two operations."""
    return Source(id=META_ID, publisher="Meta", title="Q2 2023 Adversarial Threat Report", published=FuzzyDate.of(2023, 8))


def _detected() -> Period:
    return Period(
        start=RelativeDate(amount=3, unit="month", wording="in de afgelopen drie maanden"),
        end=RelativeDate(amount=0, unit="month"),
        wording="over the last three months",
        sources=CITE_BOTH,
    )


def _banned() -> Disruption:
    return Disruption(
        by="OpenAI",
        action=DisruptionAction.ACCOUNTS_BANNED,
        date=FuzzyDate.of(2024, 5, bound="on_or_before", wording="by the report's publication"),
        count=Count.unknown(wording="niet duidelijk ... uit hoeveel accounts ze bestonden"),
        description="Terminated the network's accounts on OpenAI's services.",
        sources=CITE_BOTH,
    )


def _openai_origin(country: str, wording: str) -> Attribution:
    return Attribution(
        claimant="OpenAI", role=AttributionRole.ORIGIN, countries=(country,), wording=wording, claimed=PUBLISHED, sources=CITE
    )


def _breakout(category: int, rationale: str, qualifier: ImpactQualifier = ImpactQualifier.EXACT) -> Impact:
    return Impact(category=category, qualifier=qualifier, rationale=rationale, rated_by="OpenAI", rated=PUBLISHED, sources=CITE)


def _bad_grammar() -> Operation:
    return Operation(
        id="bad-grammar",
        name="Bad Grammar",
        summary=(
            "A previously unreported Russian operation working mainly on Telegram. It used OpenAI's models to "
            "debug code for running a Telegram bot and to write short political comments in Russian and English, "
            "then posted them on Telegram."
        ),
        detected=_detected(),
        attributions=(_openai_origin("RU", "a previously unreported operation from Russia"),),
        targets=(
            Target(place="UA", sources=CITE),
            Target(place="MD", sources=CITE),
            Target(place=Region(name="the Baltic States", members=("EE", "LV", "LT")), sources=CITE),
            Target(place="US", sources=CITE),
        ),
        topics=("war in Ukraine", "politics in Moldova", "politics in the Baltic States", "US politics"),
        languages=("ru", "en"),
        assets=(
            *_unknown_assets("Telegram", kind=AssetKind.CHANNEL),
            *_unknown_assets("Telegram", kind=AssetKind.BOT),
        ),
        techniques=(
            _technique("T0085.001", "Generated short political comments in Russian and English with ChatGPT."),
            _technique("T0116.001", "Posted the generated comments on Telegram."),
            _technique("T0146.007", "Ran a Telegram bot to post the comments, debugging its code with ChatGPT."),
            _technique("T0151.007", "Used Telegram channels to reach its audiences."),
        ),
        ai_uses=(
            _chatgpt(
                "debug code for running a Telegram bot",
                AIPurpose.DEBUG_CODE,
                llm_ttps=("LLM-aided development",),
                sources=CITE_BOTH,
            ),
            _chatgpt(
                "create short, political comments in Russian and English",
                AIPurpose.WRITE_COMMENTS,
                languages=("ru", "en"),
                failures=("Some posted comments kept the model's own refusal or 'As an AI language model' text.",),
            ),
        ),
        impacts=(_breakout(1, "Posted on a single platform, Telegram, with no evidence of reaching authentic audiences."),),
        disruptions=(_banned(),),
        sources=_sources(),
    )


def _doppelganger() -> Operation:
    return Operation(
        id="doppelganger",
        name="Doppelganger",
        summary=(
            "A persistent Russian operation. It used OpenAI's models to write comments in English, French, German, "
            "Italian and Polish posted on X and 9GAG, to translate and edit articles for its websites, to generate "
            "headlines, and to turn news articles into Facebook posts."
        ),
        detected=_detected(),
        actors=(
            Actor(
                id="social-design-agency",
                name="Social Design Agency",
                kind=ActorKind.COMMERCIAL_FIRM,
                nationality="RU",
                sources=(META_ID,),
            ),
            Actor(
                id="structura",
                name="Structura National Technologies",
                kind=ActorKind.COMMERCIAL_FIRM,
                nationality="RU",
                sources=(META_ID,),
            ),
        ),
        attributions=(
            _openai_origin("RU", "a persistent Russian threat actor"),
            Attribution(
                claimant="Meta",
                role=AttributionRole.OPERATOR,
                actor="social-design-agency",
                countries=("RU",),
                claimed=FuzzyDate.of(2023, 8),
                sources=(META_ID,),
            ),
            Attribution(
                claimant="Meta",
                role=AttributionRole.OPERATOR,
                actor="structura",
                countries=("RU",),
                claimed=FuzzyDate.of(2023, 8),
                sources=(META_ID,),
            ),
        ),
        targets=(Target(place=Region(name="Europe"), sources=CITE),),
        topics=("war in Ukraine", "European politics"),
        languages=("en", "fr", "de", "it", "pl"),
        assets=(
            *_unknown_assets("X", "9GAG", "Facebook"),
            *_unknown_assets("website", kind=AssetKind.WEBSITE, note="websites linked to the operation"),
        ),
        techniques=(
            _technique("T0085.001", "Generated comments, headlines and Facebook posts with ChatGPT."),
            _technique("T0085.003", "Translated and edited articles for websites linked to the operation."),
            _technique("T0116.001", "Posted generated comments on X and 9GAG."),
            _technique("T0119.002", "Turned its website articles into Facebook posts."),
            _technique("T0152.004", "Published articles on websites it controls."),
        ),
        ai_uses=(
            _chatgpt(
                "generate comments in English, French, German, Italian and Polish that were posted on X and 9GAG",
                AIPurpose.WRITE_COMMENTS,
                languages=("en", "fr", "de", "it", "pl"),
                sources=CITE_BOTH,
            ),
            _chatgpt(
                "translate and edit articles in English and French that were posted on websites linked to this operation",
                AIPurpose.TRANSLATE,
                AIPurpose.PROOFREAD,
                languages=("en", "fr"),
            ),
            _chatgpt(
                "generate headlines; and convert news articles into Facebook posts",
                AIPurpose.WRITE_HEADLINES,
                AIPurpose.WRITE_POSTS,
                sources=CITE_BOTH,
            ),
        ),
        impacts=(
            _breakout(2, "Posted on several platforms, with no evidence of significant engagement by authentic audiences."),
        ),
        disruptions=(_banned(),),
        sources=(*_sources(), _meta_source()),
    )


def _spamouflage() -> Operation:
    return Operation(
        id="spamouflage",
        name="Spamouflage",
        summary=(
            "A prolific Chinese network. It used OpenAI's models to research public social media activity, to write "
            "texts in Chinese, English, Japanese and Korean posted on X, Medium and Blogspot, and to debug code for "
            "managing databases and websites, including the previously unreported domain revealscum[.]com."
        ),
        detected=_detected(),
        actors=(
            Actor(
                id="chinese-law-enforcement",
                name="Chinese law enforcement",
                kind=ActorKind.STATE_AGENCY,
                nationality="CN",
                description="individuals associated with Chinese law enforcement",
                sources=(META_ID,),
            ),
        ),
        attributions=(
            _openai_origin("CN", "a prolific network from China"),
            Attribution(
                claimant="Meta",
                role=AttributionRole.OPERATOR,
                actor="chinese-law-enforcement",
                countries=("CN",),
                wording="individuals associated with Chinese law enforcement",
                claimed=FuzzyDate.of(2023, 8),
                sources=(META_ID,),
            ),
        ),
        targets=(Target(audience=Audience(name="critics of the Chinese government"), sources=CITE),),
        topics=("praise of China", "criticism of critics of the Chinese government"),
        narratives=(Narrative(summary="Praised China and attacked critics of the Chinese government.", sources=CITE),),
        languages=("zh", "en", "ja", "ko"),
        assets=(
            *_unknown_assets("X", "Medium", "Blogspot"),
            Asset(
                platform="website", kind=AssetKind.DOMAIN, count=Count.exact(1), identifiers=("revealscum[.]com",), sources=CITE
            ),
        ),
        techniques=(
            _technique("T0080.001", "Researched public social media activity with ChatGPT."),
            _technique("T0085.001", "Generated texts in Chinese, English, Japanese and Korean."),
            _technique("T0151.008", "Posted the texts on X."),
            _technique("T0152.001", "Posted the texts on Medium and Blogspot."),
            _technique("T0152.004", "Ran the website revealscum[.]com, debugging its code with ChatGPT."),
        ),
        ai_uses=(
            _chatgpt(
                "research public social media activity",
                AIPurpose.ANALYSE_SOCIAL_MEDIA,
                AIPurpose.RESEARCH,
                llm_ttps=("LLM-informed reconnaissance",),
                sources=CITE_BOTH,
            ),
            _chatgpt(
                "generate texts in languages including Chinese, English, Japanese and Korean",
                AIPurpose.WRITE_POSTS,
                languages=("zh", "en", "ja", "ko"),
            ),
            _chatgpt("debug code for managing databases and websites", AIPurpose.DEBUG_CODE, llm_ttps=("LLM-aided development",)),
        ),
        impacts=(
            _breakout(2, "Posted on several platforms, with no evidence of significant engagement by authentic audiences."),
        ),
        disruptions=(_banned(),),
        sources=(*_sources(), _meta_source()),
    )


def _iuvm() -> Operation:
    return Operation(
        id="iuvm",
        name="IUVM",
        aliases=(Alias(name="International Union of Virtual Media", sources=CITE),),
        summary=(
            "An Iranian operation, the International Union of Virtual Media. It used OpenAI's models to generate and "
            "translate long-form articles, headlines and website tags published on its website iuvmpress[.]co."
        ),
        detected=_detected(),
        attributions=(_openai_origin("IR", "an Iranian threat actor"),),
        topics=("support for Iran", "criticism of Israel and the United States"),
        languages=("en", "fr"),
        assets=(
            Asset(
                platform="website", kind=AssetKind.WEBSITE, count=Count.exact(1), identifiers=("iuvmpress[.]co",), sources=CITE
            ),
        ),
        techniques=(
            _technique("T0085.001", "Generated long-form articles, headlines and website tags with ChatGPT."),
            _technique("T0085.008", "Translated its articles with ChatGPT."),
            _technique("T0152.004", "Published the articles on iuvmpress[.]co."),
        ),
        ai_uses=(
            _chatgpt(
                "generate and translate long-form articles, headlines and website tags",
                AIPurpose.WRITE_ARTICLES,
                AIPurpose.WRITE_HEADLINES,
                AIPurpose.TRANSLATE,
                languages=("en", "fr"),
                sources=CITE_BOTH,
            ),
        ),
        impacts=(
            _breakout(2, "Published on its own website, with no evidence of significant engagement by authentic audiences."),
        ),
        disruptions=(_banned(),),
        sources=_sources(),
    )


def _zero_zeno() -> Operation:
    return Operation(
        id="zero-zeno",
        name="Zero Zeno",
        aliases=(),
        summary=(
            "An operation run by STOIC, a commercial company in Israel, named by OpenAI after the founder of Stoic "
            "philosophy. It used OpenAI's models to generate articles and comments posted on Instagram, Facebook, X "
            "and websites associated with the operation, about the war in Gaza and the Indian elections among others."
        ),
        detected=_detected(),
        actors=(
            Actor(
                id="stoic",
                name="STOIC",
                kind=ActorKind.COMMERCIAL_FIRM,
                nationality="IL",
                location="IL",
                description="a political marketing and business intelligence firm; its client is not named",
                sources=CITE,
            ),
        ),
        attributions=(
            Attribution(
                claimant="OpenAI",
                role=AttributionRole.CONTRACTOR,
                actor="stoic",
                countries=("IL",),
                wording="run by a commercial company in Israel called STOIC",
                claimed=PUBLISHED,
                sources=CITE_BOTH,
            ),
        ),
        targets=(Target(place="IL", sources=CITE), Target(place="IN", note="the Indian general election", sources=CITE)),
        topics=("war in Gaza", "Indian elections"),
        languages=("en", "he"),
        assets=(
            *_unknown_assets("Instagram", "Facebook", "X"),
            *_unknown_assets("website", kind=AssetKind.WEBSITE, note="websites associated with the operation"),
        ),
        techniques=(
            _technique("T0085.001", "Generated articles and comments with ChatGPT."),
            _technique("T0097.100", "Posted through fictional personas."),
            _technique("T0116.001", "Posted comments on Instagram, Facebook and X."),
            _technique("T0152.004", "Published articles on websites associated with the operation."),
        ),
        ai_uses=(
            _chatgpt(
                "generate articles and comments that were then posted across multiple platforms",
                AIPurpose.WRITE_ARTICLES,
                AIPurpose.WRITE_COMMENTS,
                sources=CITE_BOTH,
            ),
        ),
        impacts=(
            _breakout(
                2,
                "Posted on several platforms; OpenAI found no evidence of significant engagement by authentic audiences.",
                ImpactQualifier.AT_MOST,
            ),
        ),
        disruptions=(_banned(),),
        sources=_sources(),
    )


def build() -> Report:
    return Report(
        id=REPORT_ID,
        title="AI and Covert Influence Operations: Latest Trends",
        publisher="OpenAI",
        published=PUBLISHED,
        url="https://openai.com/index/disrupting-deceptive-uses-of-AI-by-covert-influence-operations/",
        summary=(
            "OpenAI disrupted five covert influence operations from Russia, China, Iran and Israel that used its models, "
            "detected over the three months before the report. None reached beyond Category 2 of the Breakout Scale."
        ),
        findings=(
            "The operations used AI to generate content, often in several languages, and to boost productivity, "
            "for example by debugging code or analysing social media.",
            "AI was never used alone: every operation mixed AI-generated material with traditional formats.",
            "Some operations faked engagement by replying to their own posts.",
            "No operation meaningfully increased its audience engagement or reach through OpenAI's services.",
        ),
        operations=(_bad_grammar(), _doppelganger(), _spamouflage(), _iuvm(), _zero_zeno()),
    )
