"""An invented report written at format 1.1 before model 1.1's conduct items (AI use, disruption,
frameworks, kinds, actors): the files under ``tests/data/v1.1-conduct`` hold it, and must keep loading.

Built only from fields that existed then, so that the same code builds it before and after.
"""

from __future__ import annotations

from opsmodel import (
    Actor,
    AIUse,
    Attribution,
    Confidence,
    Disruption,
    FuzzyDate,
    Operation,
    Period,
    Platform,
    Relation,
    Report,
    Source,
    Tactic,
    TechniqueRef,
    TechniqueUse,
)


def build() -> Report:
    """The invented report: every conduct field of 1.1 before the conduct items, filled in."""
    cite = ("lantern-2025",)
    operation = Operation(
        id="paper-lantern",
        name="Paper Lantern",
        kind="campaign",
        summary="An invented network posing as local news sites.",
        activity=Period(start=FuzzyDate.of(2024, 3), end=FuzzyDate.of(2025, 1)),
        actors=(
            Actor(
                id="brightwave",
                name="Brightwave Media",
                kind="commercial_firm",
                nationality="NG",
                location="GH",
                aliases=("Brightwave",),
                sources=cite,
            ),
        ),
        attributions=(
            Attribution(
                claimant="Examplesoft",
                role="operator",
                actor="brightwave",
                confidence=Confidence.worded("we assess with moderate confidence"),
                sources=cite,
            ),
        ),
        techniques=(
            TechniqueUse(
                technique=TechniqueRef.disarm("T0085.001", "Develop AI-Generated Text"),
                tactic=Tactic(framework="disarm", id="TA06", name="Develop Content"),
                procedure="Articles rewritten by a chatbot.",
                evidence=("https://example.org/lantern/1",),
                confidence=Confidence(score=70),
                sources=cite,
            ),
        ),
        ai_uses=(
            AIUse(
                service="ChatGPT",
                provider="OpenAI",
                purposes=("write_articles", "translate"),
                languages=("en", "fr"),
                wording="used our models to write articles",
                llm_ttps=("llm-supported social engineering",),
                failures=("As an AI language model",),
                sources=cite,
            ),
        ),
        disruptions=(
            Disruption(
                by="Examplesoft",
                action="accounts_banned",
                date=FuzzyDate.of(2025, 1),
                count="about 40",
                platform=Platform.named("X"),
                description="We banned the accounts.",
                sources=cite,
            ),
        ),
        relations=(Relation(kind="overlaps_with", other="ink-river", sources=cite),),
        sources=(Source(id="lantern-2025", publisher="Examplesoft", title="Paper Lantern", url="https://example.org/lantern"),),
    )
    return Report(
        id="lantern-report",
        title="Paper Lantern",
        publisher="Examplesoft",
        published=FuzzyDate.of(2025, 2, 1),
        operations=(operation,),
    )
