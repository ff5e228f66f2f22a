"""Invented reports around the bundled example's Doppelganger, for the corpus tests and the benchmark.

Microsoft (invented here) names the operation Storm-1099 and says OpenAI calls it Doppelganger;
an invented observatory says its own record is the same as OpenAI's Doppelganger and that RRN is a
part of it, disagrees with Microsoft on the start, hears another claimant blame Belarus, and
revises its impact rating. It also reports a Spamouflage that nothing links to OpenAI's: a shared
name alone must not merge them.
"""

from __future__ import annotations

from opsmodel import (
    Alias,
    Attribution,
    FuzzyDate,
    Impact,
    Operation,
    Period,
    Relation,
    Report,
    Source,
)

MICROSOFT = Report(
    id="microsoft-2024-04",
    title="Russia's influence operations ahead of elections (invented)",
    publisher="Microsoft",
    published=FuzzyDate.of(2024, 4, 17),
    operations=[
        Operation(
            id="storm-1099",
            name="Storm-1099",
            kind="operation",
            aliases=[Alias(name="Doppelganger", kind="common_name", used_by="OpenAI")],
            activity=Period(start=FuzzyDate.of(2022, 2)),
            attributions=[Attribution(claimant="Microsoft", countries=["RU"])],
            impacts=[Impact(category=3, rated_by="Microsoft")],
        )
    ],
)

OBSERVATORY = Report(
    id="observatory-2025-01",
    title="Doppelganger revisited (invented)",
    publisher="Invented Observatory",
    published=FuzzyDate.of(2025, 1),
    operations=[
        Operation(
            id="doppelganger-revisited",
            name="Doppelganger",
            activity=Period(start=FuzzyDate.of(2022, 5), sources=["observatory-2025-01"]),
            relations=[Relation(kind="same_as", other="doppelganger", sources=["openai-2024-05"])],
            attributions=[
                Attribution(claimant="Invented Observatory", countries=["RU"]),
                Attribution(claimant="A blogger", countries=["BY"]),
            ],
            impacts=[
                Impact(category=2, rated_by="Invented Observatory", rated=FuzzyDate.of(2024, 9)),
                Impact(category=4, rated_by="Invented Observatory", rated=FuzzyDate.of(2025, 1)),
            ],
            sources=[
                Source(id="observatory-2025-01", publisher="Invented Observatory"),
                Source(id="openai-2024-05", publisher="OpenAI"),
            ],
        ),
        Operation(
            id="rrn",
            name="RRN",
            summary="Recent Reliable News, a fake outlet of the operation.",
            relations=[Relation(kind="part_of", other="doppelganger-revisited")],
        ),
        Operation(id="spamouflage", name="Spamouflage", summary="Another network with a familiar name, linked to nothing."),
    ],
)

#: The cluster the three reports make around OpenAI's Doppelganger.
DOPPELGANGER = {
    ("microsoft-2024-04", "storm-1099"),
    ("openai-2024-05", "doppelganger"),
    ("observatory-2025-01", "doppelganger-revisited"),
    ("observatory-2025-01", "rrn"),
}
