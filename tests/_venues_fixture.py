"""The report behind ``tests/data/v1.1``: places, audiences and languages as format 1.1 wrote them before
model 1.1's venues, personas, place roles and language uses (issue 11, items 5, 7, 8 and 13).

The files were written from this report at commit ``a9c570b`` and are never regenerated:
``tests/test_model_venues.py`` checks that each still loads into it.
"""

from __future__ import annotations

from opsmodel import (
    Asset,
    Audience,
    Country,
    FuzzyDate,
    Language,
    Measure,
    Operation,
    Region,
    Report,
    Source,
    Subdivision,
    Target,
)

LAB = Source(id="lab-2025", publisher="Invented Lab", title="Operation Placeholder")


def places_report() -> Report:
    """An invented report whose operation holds every shape of target and language format 1.1 had."""
    operation = Operation(
        id="placeholder",
        name="Placeholder",
        targets=(
            Target(place=Country(code="FR"), sources=("lab-2025",)),
            Target(place=Subdivision(code="MD-GA"), note="Gagauzia, before the election"),
            Target(place=Region(name="the Sahel", members=("ML", "BF", "NE"))),
            Target(audience=Audience(name="the Russian diaspora", description="in the Baltic States")),
            Target(place=Country(code="DE"), audience=Audience(name="farmers")),
        ),
        languages=(Language(code="fr"), Language(code="zh", script="Hant"), Language(name="Gagauz dialect")),
        assets=(Asset(platform="Telegram", kind="channel", count=12),),
        measures=(Measure(of="followers", scope="largest", item="assets", asset_kind="channel", count=40_000),),
        sources=(LAB,),
    )
    return Report(
        id="lab-2025",
        title="Operation Placeholder",
        publisher="Invented Lab",
        published=FuzzyDate.of(2025, 3, 1),
        operations=(operation,),
    )
