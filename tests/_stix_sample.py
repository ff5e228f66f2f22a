"""A hand-built report exercising every part of the STIX mapping (shared by the STIX tests)."""

from __future__ import annotations

import datetime as dt

from opsmodel import (
    Actor,
    AIUse,
    Alias,
    Asset,
    Attribution,
    Audience,
    Confidence,
    Count,
    Disruption,
    FuzzyDate,
    Impact,
    Money,
    Narrative,
    Operation,
    Period,
    Region,
    Relation,
    Report,
    Source,
    Tactic,
    Target,
    TechniqueRef,
    TechniqueUse,
    parse_count,
    parse_date,
    parse_period,
)


def sample_report() -> Report:
    source = Source(id="openai-2024", publisher="OpenAI", title="AI and covert IO", url="https://openai.com/r.pdf")
    bad_grammar = Operation(
        id="bad-grammar",
        name="Bad Grammar",
        kind="network",
        summary="A Russian network posting on Telegram.",
        aliases=[Alias(name="BG", kind="vendor_name", used_by="OpenAI"), "Grammar"],
        activity=parse_period("since at least 2023"),
        detected=Period(start=parse_date("three months before the report"), end=parse_date("2024-05-30T10:15:30.123456Z")),
        actors=[
            Actor(id="unnamed-operator", description="an unnamed group of operators", kind="non_state_group"),
            Actor(id="russia", name="Russia", kind="state", location="RU", nationality="RU", aliases=["RF"]),
        ],
        attributions=[
            Attribution(claimant="OpenAI", actor="russia", countries=["RU"], confidence=Confidence(words="high confidence")),
            Attribution(claimant="Other Lab", countries=["BY"], role="sponsor", status="disputed", confidence=70),
        ],
        targets=[
            Target(place="UA"),
            Target(place="MD-GA", note="Gagauzia"),
            Target(place=Region(name="the Baltic States", members=["EE", "LV", "LT"])),
            Target(place=Region(name="the Wild Steppe", members=["KZ"])),
            Target(audience=Audience(name="Russian diaspora", description="in Europe"), place="DE"),
        ],
        topics=["Ukraine", "elections"],
        narratives=[Narrative(summary="Ukraine is losing.", topics=["war"], languages=["ru"])],
        languages=["ru", "en", "zh-Hant-TW"],
        assets=[
            Asset(platform="Telegram", kind="channel", count=parse_count("three to five"), identifiers=["@x"]),
            Asset(platform="Mastodon", count=Count.unknown(), note="instance unknown"),
        ],
        techniques=[
            TechniqueUse(
                technique=TechniqueRef.disarm("T0085.001", "Develop AI-generated text"),
                tactic=Tactic(framework="disarm", id="TA06", name="Develop Content"),
                procedure="Used ChatGPT to write comments.",
                confidence=90,
                evidence=["screenshot"],
                sources=["openai-2024"],
            ),
            TechniqueUse(technique="T0085.001"),
            TechniqueUse(technique=TechniqueRef(framework="attack", id="T1566.002")),
            TechniqueUse(technique=TechniqueRef(framework="meta-ookc", id="0.6.2")),
        ],
        ai_uses=[AIUse(service="ChatGPT", provider="OpenAI", purposes=["debug_code", "write_comments"], languages=["ru"])],
        impacts=[Impact(category=2, qualifier="upper_end", rated_by="OpenAI", rationale="Few real users.")],
        disruptions=[Disruption(by="OpenAI", action="accounts_banned", date=FuzzyDate.of(2024, 5), count=Count.at_least(5))],
        ad_spend=[Money(amount=parse_count("less than 100"), currency="USD")],
        relations=[Relation(kind="overlaps_with", other="unnamed", note="shared infrastructure")],
        sources=[source],
        notes="Some notes.",
    )
    unnamed = Operation(
        id="unnamed", summary="An unnamed network.", activity=Period(start=FuzzyDate.of(2022, half=2), ongoing=True)
    )
    return Report(
        id="openai-2024-05",
        title="AI and Covert Influence Operations",
        publisher="OpenAI",
        published=FuzzyDate.of(2024, 5, 30),
        url="https://openai.com/report",
        authors=["Ben Nimmo"],
        summary="Five networks.",
        findings=["AI did not help much."],
        operations=[bad_grammar, unnamed],
    )


def instant_report() -> Report:
    return Report(
        id="r2",
        title="Instant",
        publisher="Lab",
        published=FuzzyDate.instant(dt.datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=dt.timezone.utc)),
    )
