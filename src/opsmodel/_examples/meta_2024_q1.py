"""Meta, "Adversarial Threat Report, First Quarter 2024" (29 May 2024), as opsmodel data.

The report's own pages could not be read here: its facts were read through the news coverage
that quotes it, so the report is cited with ``access="intermediary"`` and every fact also cites
the articles it was read in (``role="news_coverage"``). Only what those quotations say is
recorded; where they are silent (how many accounts the Iranian network had, who ran the
Moldova and Madagascar network) the model says "unknown" or stays empty rather than guess.
The report's Iranian network is the thinnest: the coverage gives only its origin and topic.

Two operations are also in OpenAI's report of the next day (the bundled ``openai-2024-05``):
STOIC's network, which OpenAI calls Zero Zeno, and Doppelganger. Neither publisher says so, so
the two ``same_as`` relations are the analyst's, each with its rationale.
"""

from __future__ import annotations

from typing import Any

from .._model.actors import Actor, ActorKind, Attribution, AttributionRole
from .._model.claims import AttributionStance, DateBasis, DateClaim, DatedEvent, Voice
from .._model.conduct import AIPurpose, AIUse, Disruption, DisruptionAction, Narrative
from .._model.counts import Count, Money
from .._model.dates import FuzzyDate, Period
from .._model.measures import Counted, Measure, MeasureScope
from .._model.operations import Operation, Report
from .._model.personas import Persona
from .._model.places import Audience, PlaceRole, Target
from .._model.platforms import Asset, AssetKind, Platform
from .._model.provenance import SourceAccess, SourceRole
from .._model.relations import Alias, Relation, RelationKind
from .._model.sources import Source
from .._model.techniques import Confidence, Tactic, TechniqueRef, TechniqueUse
from .._model.venues import Venue, VenueKind, VenueRole

REPORT_ID = "meta-2024-q1"
OPENAI_ID = "openai-2024-05"
PUBLISHED = FuzzyDate.of(2024, 5, 29)
QUARTER = FuzzyDate.of(2024, quarter=1)
URL = "https://transparency.fb.com/sr/Q1-2024-Adversarial-threat-report"
TITLE = "Adversarial Threat Report, First Quarter 2024"

_TECHNIQUES = {
    "T0085.001": ("TA06", "Develop Content", "Develop AI-Generated Text"),
    "T0086.002": ("TA06", "Develop Content", "Develop AI-Generated Images (Deepfakes)"),
    "T0097.100": ("TA16", "Establish Legitimacy", "Individual Persona"),
    "T0116.001": ("TA09", "Deliver Content", "Post Inauthentic Social Media Comment"),
    "T0152.004": ("TA07", "Select Channels and Affordances", "Website Asset"),
}


def _report() -> Source:
    return Source(
        id=REPORT_ID,
        publisher="Meta",
        title=TITLE,
        url=URL,
        published=PUBLISHED,
        language="en",
        access=SourceAccess.INTERMEDIARY,
        via="quotations in the news coverage each fact also cites",
    )


def _news(source_id: str, publisher: str, title: str | None, url: str, published: FuzzyDate | None = None, **more: Any) -> Source:
    """An article about the report, the way its facts were read; ``title`` None where it was not seen."""
    return Source(
        id=source_id,
        publisher=publisher,
        title=title,
        url=url,
        published=published,
        role=SourceRole.NEWS_COVERAGE,
        covers=more.pop("covers", REPORT_ID),
        **more,
    )


def _openai() -> Source:
    """OpenAI's report of the next day, named by the analyst's relations as describing the other operation.

    Its date stays out: it is in that report's own record, and it is not a source of this report's facts.
    """
    return Source(id=OPENAI_ID, publisher="OpenAI", title="AI and Covert Influence Operations: Latest Trends")


def _matkon() -> Source:
    """An article on the whole report: the unknown origin of one network, the legal letter to STOIC."""
    return _news(
        "matkon-data-2024-05",
        "matkon-data.com",
        None,
        "http://matkon-data.com/103196-israel-identified-major-source-meta-report-accounts-posting.html",
    )


def _cybernews() -> Source:
    """The article that gives the six networks' countries of origin in one sentence."""
    return _news(
        "cybernews-2024-05",
        "cybernews.com",
        None,
        "https://cybernews.com/news/ai-meta-threat-report-2024/",
    )


def _cite(*news: str) -> tuple[str, ...]:
    return (REPORT_ID, *news)


def _technique(technique_id: str, procedure: str, sources: tuple[str, ...]) -> TechniqueUse:
    tactic_id, tactic_name, name = _TECHNIQUES[technique_id]
    return TechniqueUse(
        technique=TechniqueRef(framework="disarm", id=technique_id, version="1.6", name=name),
        tactic=Tactic(framework="disarm", id=tactic_id, name=tactic_name, version="1.6"),
        procedure=procedure,
        sources=sources,
    )


#: The policy Meta names for every removal in the report.
_CIB = "coordinated inauthentic behaviour"

_ACTIONS = {
    AssetKind.ACCOUNT: DisruptionAction.ACCOUNTS_BANNED,
    AssetKind.PAGE: DisruptionAction.PAGES_REMOVED,
    AssetKind.GROUP: DisruptionAction.GROUPS_REMOVED,
}


def _removals(platform: str, sources: tuple[str, ...], **kinds: int) -> tuple[Disruption, ...]:
    """Meta's removal, during the quarter, of the network's assets of each kind on one of its platforms."""
    return tuple(
        Disruption(
            by="Meta",
            action=_ACTIONS[AssetKind(kind)],
            date=QUARTER,
            count=Count.exact(count),
            platform=platform,
            description="Removed for coordinated inauthentic behaviour.",
            policy=_CIB,
            sources=sources,
        )
        for kind, count in kinds.items()
    )


def _origin(country: str, wording: str, sources: tuple[str, ...]) -> Attribution:
    return Attribution(
        claimant="Meta", role=AttributionRole.ORIGIN, countries=(country,), wording=wording, claimed=PUBLISHED, sources=sources
    )


def _linked(actor: str, country: str, wording: str, sources: tuple[str, ...]) -> Attribution:
    """Meta's usual claim: its investigation "found links to" an actor, in a role it does not state."""
    return Attribution(
        claimant="Meta",
        role=AttributionRole.LINKED,
        actor=actor,
        countries=(country,),
        wording=wording,
        claimed=PUBLISHED,
        sources=sources,
    )


def _same_as_openai(other: str, other_name: str, likelihood: str, rationale: str) -> Relation:
    """The analyst's claim that the record is an operation of OpenAI's report: neither publisher says so."""
    return Relation(
        kind=RelationKind.SAME_AS,
        other=other,
        other_name=other_name,
        described_in=OPENAI_ID,
        voice=Voice.ANALYST,
        claimant="the analyst",
        confidence=Confidence.worded(likelihood),
        note=rationale,
    )


def _assets(platform: str, sources: tuple[str, ...], **kinds: int) -> tuple[Asset, ...]:
    """The removed assets on one platform, one per kind: ``_assets("facebook", cite, account=510, page=11)``."""
    return tuple(
        Asset(platform=platform, kind=AssetKind(kind), count=Count.exact(count), sources=sources) for kind, count in kinds.items()
    )


def _followers(
    count: Count, asset_kind: AssetKind, platform: str, sources: tuple[str, ...], *, of: Counted = Counted.FOLLOWERS
) -> Measure:
    """Meta's "about N accounts followed one or more of these Pages" (or joined these Groups): a de-duplicated union."""
    verb = "joining" if of is Counted.MEMBERS else "following"
    return Measure(
        of=of,
        scope=MeasureScope.UNION,
        count=count,
        platform=platform,
        subset=f"accounts {verb} one or more of the network's {asset_kind.value}s",
        sources=sources,
    )


# STOIC's network (Israel)

_STOIC_NEWS = ("engadget-2024-05-29", "anadolu-2024-05", "gigazine-2024-05-30")


def _stoic_sources() -> tuple[Source, ...]:
    return (
        _report(),
        _news(
            "engadget-2024-05-29",
            "Engadget",
            None,
            "https://www.engadget.com/meta-caught-an-israeli-marketing-firm-running-hundreds-of-fake-facebook-accounts-150021954.html",
            PUBLISHED,
        ),
        _news(
            "anadolu-2024-05",
            "Anadolu Agency",
            "Meta removes Israeli-linked fake accounts",
            "https://www.aa.com.tr/en/world/meta-removes-israeli-linked-fake-accounts/3234695",
        ),
        _news(
            "gigazine-2024-05-30",
            "GIGAZINE",
            "Meta removes Israeli network spreading AI-generated propaganda from Facebook and Instagram",
            "https://gigazine.net/gsc_news/en/20240530-meta-shuts-down-israeli-ai-propaganda-network",
            FuzzyDate.of(2024, 5, 30),
        ),
        _matkon(),
        _openai(),
    )


def _stoic_network() -> Operation:
    cite = _cite(*_STOIC_NEWS)
    engadget = _cite("engadget-2024-05-29")
    return Operation(
        id="israel-stoic",
        name=None,
        summary=(
            "A network from Israel aimed at people in the United States and Canada. Its fake and hacked accounts "
            "passed themselves off as Jewish students, African Americans and worried citizens, mostly writing in "
            "English about the Israel-Hamas war, and left comments, some of them likely written with AI, under posts "
            "of news outlets and politicians, often linking to the network's own websites. Meta linked it to STOIC, "
            "a Tel Aviv political marketing and business intelligence firm, and banned the firm."
        ),
        actors=(
            Actor(
                id="stoic",
                name="STOIC",
                kind=ActorKind.COMMERCIAL_FIRM,
                location="IL",
                description="a political marketing and business intelligence firm based in Tel Aviv",
                sources=cite,
            ),
        ),
        attributions=(
            _origin("IL", "originating from Israel", _cite("anadolu-2024-05")),
            _linked("stoic", "IL", "links to STOIC", cite),
        ),
        targets=(Target(place="US", sources=cite), Target(place="CA", sources=cite)),
        topics=("Israel-Hamas war", "Middle East politics", "UNRWA", "campus antisemitism", "Islam in Canada"),
        narratives=(
            Narrative(
                summary="Called for the hostages' release and praised Israel's military actions.",
                topics=("Israel-Hamas war",),
                languages=("en",),
                sources=cite,
            ),
            Narrative(
                summary="Criticised UNRWA, campus antisemitism and Muslims, calling radical Islam a threat to Canada.",
                topics=("UNRWA", "Islam in Canada"),
                languages=("en",),
                sources=engadget,
            ),
        ),
        languages=("en",),
        personas=tuple(
            Persona(posed_as=who, sources=cite) for who in ("Jewish students", "African Americans", "concerned citizens")
        ),
        assets=(
            *_assets("facebook", cite, account=510, page=11, group=1),
            *_assets("instagram", cite, account=32),
            Asset(platform="x", kind=AssetKind.ACCOUNT, count=Count.unknown(), sources=engadget),
            Asset(platform="youtube", kind=AssetKind.ACCOUNT, count=Count.unknown(), sources=engadget),
            Asset(
                platform="website",
                kind=AssetKind.WEBSITE,
                count=Count.unknown(),
                note="websites about the Israel-Hamas war and Middle Eastern politics",
                sources=engadget,
            ),
        ),
        measures=(
            _followers(Count.approximately(500, wording="about 500"), AssetKind.PAGE, "facebook", engadget),
            _followers(Count.approximately(2000, wording="about 2,000"), AssetKind.ACCOUNT, "instagram", engadget),
            _followers(
                Count.less_than(100, wording="fewer than 100"),
                AssetKind.GROUP,
                "facebook",
                _cite("gigazine-2024-05-30"),
                of=Counted.MEMBERS,
            ),
        ),
        techniques=(
            _technique("T0085.001", "Wrote many of its comments with generative AI tools, Meta assessed.", engadget),
            _technique("T0097.100", "Posed as Jewish students, African Americans and concerned citizens.", cite),
            _technique("T0116.001", "Commented under posts of media organisations, politicians and public figures.", engadget),
            _technique("T0152.004", "Ran websites about the Israel-Hamas war and Middle Eastern politics.", engadget),
        ),
        ai_uses=(
            AIUse(
                purposes=(AIPurpose.WRITE_COMMENTS,),
                languages=("en",),
                wording="likely generated using artificial intelligence",
                sources=_cite("anadolu-2024-05"),
            ),
        ),
        disruptions=(
            *_removals("facebook", cite, account=510, page=11, group=1),
            *_removals("instagram", cite, account=32),
            *(
                Disruption(
                    by="Meta",
                    action=action,
                    date=FuzzyDate.of(2024, 5, bound="on_or_before", wording="by the report's publication"),
                    party="STOIC",
                    description=description,
                    sources=_cite("anadolu-2024-05", "matkon-data-2024-05"),
                )
                for action, description in (
                    (DisruptionAction.ORGANISATION_BANNED, "Banned STOIC from its platforms."),
                    (DisruptionAction.LEGAL_LETTER, "Sent STOIC a cease and desist letter."),
                )
            ),
        ),
        relations=(
            _same_as_openai(
                "zero-zeno",
                "Zero Zeno",
                "likely",
                (
                    "Neither report names the other. Both publishers tie the activity to STOIC, a commercial firm in "
                    "Israel, describe AI-written comments about the war in Gaza on Facebook, Instagram and X, and "
                    "published a day apart; OpenAI's is the use of its models, Meta's the accounts on its platforms."
                ),
            ),
        ),
        sources=_stoic_sources(),
        notes=(
            "Meta says the network bought inauthentic engagement (likes and followers) from Vietnam, used accounts "
            "likely bought from account sellers after its first ones were disabled, and was met with replies calling "
            "it propaganda; the model has no typed home for bought engagement or bought accounts. "
            "The coverage reads the Facebook followers as 'about 500' (Engadget) and 'fewer than 500' (GIGAZINE); "
            "the first is kept."
        ),
    )


# The network from China (Operation K)

_META_2023 = "meta-2023-early"

_CHINA_NEWS = ("tribune-2024-05-31", "quint-2024-05-31")


def _china_network() -> Operation:
    cite = _cite(*_CHINA_NEWS)
    tribune = _cite("tribune-2024-05-31")
    return Operation(
        id="china-sikh",
        summary=(
            "A network from China aimed at the Sikh community worldwide. Compromised and fake accounts posing as Sikhs "
            "posted, mostly in English and Hindi, about the floods in Punjab, the Khalistan independence movement, the "
            "killing of Hardeep Singh Nijjar and criticism of the Indian government, and invented an activist movement, "
            "Operation K, calling for pro-Sikh protests."
        ),
        aliases=(Alias(name="Operation K", kind="front_brand", sources=tribune),),
        attributions=(_origin("CN", "originated in China", cite),),
        targets=tuple(
            Target(place=country, audience=Audience(name="the Sikh community"), sources=cite)
            for country in ("AU", "CA", "IN", "NZ", "PK", "GB", "NG")
        ),
        topics=("floods in Punjab", "Khalistan independence movement", "killing of Hardeep Singh Nijjar", "Indian government"),
        languages=("en", "hi"),
        personas=(Persona(posed_as="Sikhs", sources=tribune),),
        assets=(
            *_assets("facebook", cite, account=37, page=13, group=5),
            *_assets("instagram", cite, account=9),
            Asset(platform="telegram", kind=AssetKind.ACCOUNT, count=Count.unknown(), sources=tribune),
            Asset(platform="x", kind=AssetKind.ACCOUNT, count=Count.unknown(), sources=tribune),
        ),
        measures=(
            _followers(Count.approximately(2700, wording="About 2,700"), AssetKind.PAGE, "facebook", _cite("quint-2024-05-31")),
            _followers(
                Count.approximately(1300, wording="about 1,300"),
                AssetKind.GROUP,
                "facebook",
                _cite("quint-2024-05-31"),
                of=Counted.MEMBERS,
            ),
            _followers(Count.less_than(100, wording="under 100"), AssetKind.ACCOUNT, "instagram", _cite("quint-2024-05-31")),
        ),
        techniques=(
            _technique("T0086.002", "Posted images likely manipulated with photo editors or generated by AI.", tribune),
            _technique("T0097.100", "Posed as Sikhs to post and to run Pages and Groups.", tribune),
        ),
        ai_uses=(
            AIUse(
                purposes=(AIPurpose.GENERATE_IMAGES,),
                wording="generated by artificial intelligence",
                sources=tribune,
            ),
        ),
        disruptions=(
            *_removals("facebook", cite, account=37, page=13, group=5),
            *_removals("instagram", cite, account=9),
        ),
        relations=(
            Relation(
                kind=RelationKind.OVERLAPS_WITH,
                other="china-india-tibet-2023",
                other_name="an unattributed network from China targeting India and the Tibet region",
                note="One of its clusters had links to a network Meta disrupted in early 2023.",
                described_in=_META_2023,
                sources=tribune,
            ),
        ),
        sources=(
            _report(),
            _news(
                "tribune-2024-05-31",
                "The Tribune",
                None,
                "https://www.tribuneindia.com/news/india/meta-reveals-how-china-based-network-targeted-india-punjab-and-global-sikh-community-on-facebook-and-instagram-626614",
                FuzzyDate.of(2024, 5, 31),
            ),
            _news(
                "quint-2024-05-31",
                "The Quint",
                None,
                "https://www.thequint.com/tech-and-auto/tech-news/meta-china-based-fake-accounts-calling-for-pro-sikh-protests-adversarial-threat-report-2024",
                FuzzyDate.of(2024, 5, 31),
            ),
            Source(
                id=_META_2023,
                publisher="Meta",
                title="Meta's report on the network from China targeting India and the Tibet region (not read)",
            ),
        ),
        notes="Its clusters amplified one another, most of their engagement coming from their own fake accounts.",
    )


# The network from Bangladesh


def _bangladesh_network() -> Operation:
    cite = _cite("daily-star-2024-05-31", "prothom-alo-2024-06-01")
    star = _cite("daily-star-2024-05-31")
    return Operation(
        id="bangladesh",
        summary=(
            "A network in Bangladesh aimed at people at home, found by Meta investigating spammy inauthentic amplification "
            "in the region. Some of its Pages posed as made-up news outlets or used the names of real Bangladeshi ones, and "
            "a few used the opposition BNP's name to post against it. Meta linked it to people associated with the Awami "
            "League and the Centre for Research and Information, a non-profit."
        ),
        actors=(
            Actor(id="awami-league", name="Awami League", kind=ActorKind.POLITICAL_PARTY, nationality="BD", sources=star),
            Actor(
                id="cri",
                name="Centre for Research and Information",
                aliases=("CRI",),
                kind=ActorKind.ORGANISATION,
                nationality="BD",
                description="a non-profit in Bangladesh",
                sources=star,
            ),
        ),
        attributions=(
            _origin("BD", "originating from Bangladesh", _cite("cybernews-2024-05")),
            *(
                _linked(actor, "BD", "links to individuals associated with the Awami League party and CRI", star)
                for actor in ("awami-league", "cri")
            ),
        ),
        topics=("news and current events in Bangladesh", "the BNP"),
        languages=("bn", "en"),
        assets=_assets("facebook", cite, account=50, page=98),
        measures=(_followers(Count.approximately(3_400_000, wording="about 3.4 million"), AssetKind.PAGE, "facebook", star),),
        disruptions=_removals("facebook", cite, account=50, page=98),
        sources=(
            _report(),
            _cybernews(),
            _news(
                "daily-star-2024-05-31",
                "The Daily Star",
                None,
                "https://www.thedailystar.net/news/bangladesh/news/meta-removes-50-fb-accounts-98-pages-linked-al-cri-3623276",
                FuzzyDate.of(2024, 5, 31),
            ),
            _news(
                "prothom-alo-2024-06-01",
                "Prothom Alo",
                None,
                "https://en.prothomalo.com/bangladesh/homnik1p8m",
                FuzzyDate.of(2024, 6, 1),
            ),
        ),
        notes=(
            "The Daily Star words the accounts as 'at least 50', Prothom Alo as 50. The coverage read says what the "
            "network posted about, not whom it targeted, so no target is recorded."
        ),
    )


# The network in Croatia


def _croatia_network() -> Operation:
    gong = ("gong-2024-05-31",)
    cite = _cite(*gong, "n1-2024-05-31")
    return Operation(
        id="croatia-hdz-youth",
        summary=(
            "A network in Croatia that liked, shared and praised posts of the HDZ party's Facebook page and "
            "insulted its opponents, with profile pictures of AI-made faces. Meta investigated after the civil society "
            "group GONG reported the accounts, and linked them to people associated with the HDZ's youth organisation."
        ),
        actors=(
            Actor(
                id="hdz-youth",
                name="Croatian Democratic Union Youth",
                aliases=("HDZ Youth",),
                kind=ActorKind.POLITICAL_PARTY,
                nationality="HR",
                description="the youth organisation of the Croatian Democratic Union (HDZ)",
                sources=cite,
            ),
        ),
        attributions=(
            _linked("hdz-youth", "HR", "individuals connected to the HDZ organisation", cite),
            _origin("HR", "originating from Croatia", _cite("cybernews-2024-05")),
        ),
        date_claims=(
            DateClaim(
                event=DatedEvent.FIRST_DETECTED,
                date=FuzzyDate.of(2024, 2, 20),
                claimant="GONG",
                note="GONG found the suspicious accounts under the HDZ page's posts; Meta's investigation followed.",
                sources=gong,
            ),
        ),
        topics=("support for the HDZ", "criticism of the opposition and protesters"),
        languages=("hr",),
        assets=tuple(
            Asset(platform=platform, count=Count.unknown(), note="part of the 150 profiles and pages", sources=cite)
            for platform in ("facebook", "instagram")
        ),
        measures=(
            Measure(
                of=Counted.ASSETS,
                count=Count.exact(150),
                subset="fake Facebook and Instagram profiles and pages",
                sources=cite,
            ),
        ),
        techniques=(_technique("T0086.002", "Used AI-made photos of people as profile pictures.", gong),),
        ai_uses=(AIUse(purposes=(AIPurpose.GENERATE_IMAGES,), wording="AI photos of people", sources=gong),),
        disruptions=(
            Disruption(
                by="Meta",
                action=DisruptionAction.ACCOUNTS_BANNED,
                date=QUARTER,
                count=Count.exact(150, wording="150 profiles"),
                description="Removed the network's profiles and pages on Facebook and Instagram.",
                sources=cite,
            ),
        ),
        sources=(
            _report(),
            _cybernews(),
            _news(
                "gong-2024-05-31",
                "GONG",
                "Meta removes 150 HDZ fake profiles from Facebook and Instagram because of GONG",
                "https://gong.hr/en/2024/05/31/meta-removes-150-hdz-fake-profiles-from-facebook-and-instagram-because-of-gong/",
                FuzzyDate.of(2024, 5, 31),
            ),
            _news(
                "n1-2024-05-31",
                "N1",
                "NGO says Meta has removed 150 fake accounts linked to HDZ Youth",
                "https://n1info.hr/english/news/ngo-says-meta-has-removed-150-fake-accounts-linked-to-hdz-youth/",
                FuzzyDate.of(2024, 5, 31),
            ),
        ),
        notes=(
            "No target is recorded: the coverage read does not name one. "
            "Read only through GONG, the group whose reporting started Meta's investigation, and N1 quoting it: the "
            "figure of 150 is GONG's sum of profiles and pages, not Meta's per-platform counts, which were not read."
        ),
    )


# The network targeting Moldova and Madagascar


def _moldova_madagascar_network() -> Operation:
    zugo = _cite("zugo-2024-05")
    cite = _cite("zugo-2024-05", "moldova-libera-2024-05")
    return Operation(
        id="moldova-madagascar",
        summary=(
            "A network of unknown origin aimed at Moldova and Madagascar, active on Facebook, Telegram, Vimeo and "
            "Change.org. Its accounts, some with AI-made profile pictures, posed as locals and posted mostly in Romanian, "
            "Russian and Malagasy about Moldovan news: the Gagauzia region, the sanctioned politician Ilan Shor and "
            "Marina Tauber of his party, and criticism of the government, EU integration and President Maia Sandu."
        ),
        attributions=(
            Attribution(
                claimant="Meta",
                stance=AttributionStance.DECLINES,
                wording="unknown origin",
                claimed=PUBLISHED,
                sources=_cite("matkon-data-2024-05"),
            ),
        ),
        targets=(
            Target(place="MD", sources=cite),
            Target(place="MG", sources=cite),
            *(
                Target(place=place, role=PlaceRole.VENUE, note="where its VPN and proxy infrastructure was", sources=zugo)
                for place in ("LT", "MD-SN")
            ),
        ),
        topics=("Gagauzia", "Ilan Shor", "Marina Tauber", "Moldovan government", "EU integration", "Maia Sandu"),
        languages=("ro", "ru", "mg", "fr"),
        personas=(Persona(posed_as="locals", sources=zugo),),
        assets=(
            *_assets("facebook", cite, account=1326, page=80, group=1),
            *_assets("instagram", cite, account=1),
        ),
        venues=(
            *(
                Venue(platform=platform, note="one of the online services its clusters were active on", sources=zugo)
                for platform in ("telegram", Platform(id="vimeo", name="Vimeo"), Platform(id="change-org", name="Change.org"))
            ),
            Venue(
                kind=VenueKind.OTHER,
                role=VenueRole.INFRASTRUCTURE,
                description="VPN and proxy infrastructure in Lithuania and Moldova's Transnistria region",
                note="used with browser anonymisers to hide where the network came from on Meta's platforms",
                sources=zugo,
            ),
        ),
        measures=(
            Measure(
                of=Counted.FOLLOWERS,
                scope=MeasureScope.SOME,
                item=Counted.ASSETS,
                asset_kind=AssetKind.PAGE,
                count=Count.approximately(20_000, wording="20 thousand"),
                platform="facebook",
                sources=_cite("moldova-libera-2024-05"),
            ),
        ),
        techniques=(_technique("T0086.002", "Gave some accounts profile pictures generated with GAN techniques.", zugo),),
        ai_uses=(
            AIUse(purposes=(AIPurpose.GENERATE_IMAGES,), wording="generated by artificial intelligence (GAN)", sources=zugo),
        ),
        ad_spend=(Money(amount=Count.approximately(42_000), currency="USD", wording="about 42 thousand dollars"),),
        disruptions=(
            *_removals("facebook", cite, account=1326, page=80, group=1),
            *_removals("instagram", cite, account=1),
        ),
        sources=(
            _report(),
            _news(
                "zugo-2024-05",
                "zugo.md",
                "Raport Meta: Peste o mie de conturi false, care acționau coordonat și ținteau R. Moldova, au fost șterse",
                "https://zugo.md/toate-stirile/raport-meta-peste-o-mie-de-conturi-false-care-actionau-coordonat-si-tinteau-r-moldova-au-fost-sterse/235914/toate-stirile",
                language="ro",
            ),
            _news(
                "moldova-libera-2024-05",
                "moldovalibera.md",
                (
                    "Meta удалила более тысячи фальшивых аккаунтов в Facebook, "
                    "которые размещали посты и комментарии о Шоре и Гагаузии"
                ),
                "https://moldovalibera.md/meta-udalila-bolee-tysyachi-falshivyh-akkauntov-v-facebook-kotorye-razmeshhali-posty-i-kommentarii-o-shore-i-gagauzii/amp",
                language="ru",
            ),
            _matkon(),
        ),
        notes=(
            "The ad spend (about 42,000 US dollars) is Moldova Libera's reading of the report; a sum of money cites no "
            "source in the model yet."
        ),
    )


# The network from Iran


def _iran_network() -> Operation:
    cite = _cite("apeejay-2024-05")
    return Operation(
        id="iran",
        summary=(
            "A network based in Iran that focused on the Israel-Hamas war. The coverage read gives nothing else about it: "
            "not its size, its platforms, its targets or who ran it."
        ),
        attributions=(_origin("IR", "based in Iran", cite),),
        topics=("Israel-Hamas war",),
        disruptions=(
            Disruption(by="Meta", action=DisruptionAction.ACCOUNTS_BANNED, date=QUARTER, count=Count.unknown(), sources=cite),
        ),
        sources=(
            _report(),
            _news(
                "apeejay-2024-05",
                "apeejay.news",
                "Meta uncovers AI-generated disinformation networks on Facebook and Instagram",
                "https://apeejay.news/meta-uncovers-ai-generated-disinformation-networks-on-facebook-and-instagram",
            ),
        ),
        notes=(
            "The coverage says this network did not use generative AI; the model cannot yet state that an operation "
            "made no use of AI (an empty ai_uses means the source says nothing)."
        ),
    )


# Doppelganger, the report's update on a Russian operation

_META_2022 = "meta-2022-09"


def _doppelganger() -> Operation:
    earlier = (_META_2022, "impreza-2022-09")
    return Operation(
        id="doppelganger",
        name="Doppelganger",
        kind="operation",
        summary=(
            "Meta's update on Doppelganger, the Russian operation it has been researching since 2022, which spoofs "
            "legitimate news outlets to weaken international support for Ukraine. Meta had first described it in "
            "September 2022, as a network of more than 60 websites impersonating European news outlets."
        ),
        activity=Period(
            start=FuzzyDate.of(2022, 5, wording="began in May of this year"),
            ongoing=True,
            sources=(*earlier, "europeantech-2024-05"),
        ),
        date_claims=(
            DateClaim(event=DatedEvent.ACTIVITY_START, date=FuzzyDate.of(2022, 5), claimant="Meta", sources=earlier),
            DateClaim(
                event=DatedEvent.FIRST_DETECTED,
                date=FuzzyDate.of(2022, 8, bound="on_or_after", wording="after t-online's reporting in August"),
                basis=DateBasis.OTHER,
                claimant="Meta",
                note="Meta's investigation followed reporting by the German outlet t-online, published in August 2022.",
                sources=(_META_2022, "owp-2022-09"),
            ),
        ),
        actors=(
            Actor(
                id="sanctioned-russian-companies",
                kind=ActorKind.COMMERCIAL_FIRM,
                nationality="RU",
                description="sanctioned Russian companies",
                sources=("swipeinsight-2024-05",),
            ),
        ),
        attributions=(
            _origin("RU", "from Russia", _cite("europeantech-2024-05")),
            _linked(
                "sanctioned-russian-companies", "RU", "linked to sanctioned Russian companies", _cite("swipeinsight-2024-05")
            ),
        ),
        targets=tuple(Target(place=country, sources=earlier) for country in ("DE", "FR", "IT", "UA", "GB")),
        topics=("support for Ukraine", "sanctions on Russia", "Ukrainian refugees"),
        assets=(
            Asset(
                platform="website",
                kind=AssetKind.WEBSITE,
                count=Count.more_than(60, wording="more than 60"),
                note="websites impersonating European news outlets, as of September 2022",
                sources=earlier,
            ),
        ),
        relations=(
            _same_as_openai(
                "doppelganger",
                "Doppelganger",
                "very likely",
                (
                    "Both publishers call it Doppelganger and place it in Russia, and OpenAI's record cites Meta's "
                    "attribution of the same operation; neither report names the other's."
                ),
            ),
        ),
        sources=(
            _report(),
            _news(
                "europeantech-2024-05",
                "europeantech.news",
                "Meta shut down campaigns spreading AI-generated disinformation",
                "https://europeantech.news/?p=46202",
            ),
            _news(
                "swipeinsight-2024-05",
                "swipeinsight.app",
                None,
                "https://web.swipeinsight.app/posts/meta-updates-tactics-to-counter-foreign-influence-operations-6666",
            ),
            Source(
                id=_META_2022,
                publisher="Meta",
                published=FuzzyDate.of(2022, 9, 27),
                language="en",
                access=SourceAccess.INTERMEDIARY,
                via="quotations in the news coverage each fact also cites",
            ),
            _news(
                "impreza-2022-09",
                "impreza.host",
                "Meta dismantles massive Russian network spoofing Western news sites",
                "https://impreza.host/meta-dismantles-massive-russian-network-spoofing-western-news-sites/",
                covers=_META_2022,
            ),
            _news(
                "owp-2022-09",
                "theowp.org",
                "Meta Reports Takedown Of Russian Disinformation Campaign",
                "https://theowp.org/meta-reports-takedown-of-russian-disinformation-campaign/",
                covers=_META_2022,
            ),
            _openai(),
        ),
        notes=(
            "Swipe Insight's article dates the report to the first quarter of 2023, but lists this report's networks "
            "(Bangladesh, Croatia, Iran, Israel); only its description of Doppelganger is used."
        ),
    )


def build() -> Report:
    return Report(
        id=REPORT_ID,
        title=TITLE,
        publisher="Meta",
        published=PUBLISHED,
        period=Period(start=FuzzyDate.of(2024, 1, 1), end=FuzzyDate.of(2024, 3, 31), wording="first quarter of 2024"),
        url=URL,
        summary=(
            "Meta removed six covert influence networks during the first quarter of 2024, from Bangladesh, China, Croatia, "
            "Iran and Israel and one of unknown origin aimed at Moldova and Madagascar, many of them early, before they "
            "built an authentic audience, and gave an update on the Russian operation Doppelganger."
        ),
        findings=(
            "Meta saw AI-generated photos and images, video newsreaders and text, but no new AI-driven tactic "
            "that would stop it disrupting the networks behind them.",
            "Meta had not yet seen threat actors use photo-realistic AI-generated media of politicians as a broad trend.",
            "Meta looks at behaviour, not content, whoever is behind a network and whether it is foreign or domestic.",
        ),
        operations=(
            _bangladesh_network(),
            _china_network(),
            _croatia_network(),
            _iran_network(),
            _stoic_network(),
            _moldova_madagascar_network(),
            _doppelganger(),
        ),
    )
