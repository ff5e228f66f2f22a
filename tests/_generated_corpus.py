"""A large corpus generated fast and deterministically, for the Dask tests and the shard benchmark.

Hypothesis draws one value at a time and would take minutes for 100,000 operations; this builds
varied operations directly from a seeded :class:`random.Random`: names, kinds, aliases, fuzzy
activity dates, attributions, targets (countries and regions), languages, assets with counts,
DISARM techniques, AI uses, impact ratings and ``same_as`` relations within a report.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from opsmodel import (
    AIUse,
    Alias,
    Asset,
    Attribution,
    Count,
    Country,
    FuzzyDate,
    Impact,
    Operation,
    Period,
    Platform,
    Region,
    Relation,
    Report,
    Target,
    TechniqueRef,
    TechniqueUse,
)

COUNTRIES = ("RU", "CN", "IR", "IL", "KP", "BY", "VE", "SA", "AE", "TR", "IN", "PK", "NG", "BR", "US", "FR", "DE", "UA")
PLATFORMS = ("facebook", "instagram", "x", "telegram", "tiktok", "youtube", "vk", "reddit", "website")
LANGUAGES = ("en", "fr", "de", "ru", "zh", "ar", "es", "pl", "uk", "fa")
TECHNIQUES = ("T0049", "T0085.001", "T0086", "T0087", "T0090", "T0097", "T0101", "T0104", "T0118", "T0119")
KINDS = ("network", "campaign", "operation", "other")
PUBLISHERS = ("OpenAI", "Meta", "Microsoft", "Google TAG", "Graphika", "DFRLab", "EU DisinfoLab")


def _operation(rng: random.Random, index: int, earlier: list[str]) -> Operation:
    year = rng.randint(2016, 2025)
    start = FuzzyDate.of(year, rng.randint(1, 12)) if rng.random() < 0.6 else FuzzyDate.of(year)
    origin = rng.choice(COUNTRIES)
    targets = [Target(place=Country(code=code)) for code in rng.sample(COUNTRIES, rng.randint(0, 3))]
    if rng.random() < 0.2:
        targets.append(Target(place=Region(name="Europe")))
    return Operation(
        id=f"op-{index}",
        name=f"Operation {index:06d}" if index % 10 else None,
        kind=rng.choice(KINDS),
        summary=f"Generated operation {index} run from {origin}." if rng.random() < 0.5 or index % 10 == 0 else None,
        aliases=[Alias(name=f"Alias {index}", used_by=rng.choice(PUBLISHERS))] if rng.random() < 0.2 else [],
        activity=Period(start=start, ongoing=rng.random() < 0.3) if rng.random() < 0.8 else None,
        attributions=[Attribution(claimant=rng.choice(PUBLISHERS), countries=[origin])] if rng.random() < 0.85 else [],
        targets=targets,
        languages=rng.sample(LANGUAGES, rng.randint(0, 3)),
        assets=[
            Asset(platform=Platform(id=platform), kind="account", count=Count(kind="exact", value=rng.randint(1, 5000)))
            for platform in rng.sample(PLATFORMS, rng.randint(0, 3))
        ],
        techniques=[
            TechniqueUse(technique=TechniqueRef(framework="disarm", id=technique))
            for technique in rng.sample(TECHNIQUES, rng.randint(0, 3))
        ],
        ai_uses=[AIUse(service="ChatGPT", provider="OpenAI")] if rng.random() < 0.15 else [],
        impacts=[Impact(category=rng.randint(1, 6), rated_by=rng.choice(PUBLISHERS))] if rng.random() < 0.4 else [],
        relations=[Relation(kind="same_as", other=rng.choice(earlier))] if earlier and rng.random() < 0.1 else [],
    )


def generated_reports(operations: int, per_report: int = 50, *, seed: int = 20261203) -> Iterator[Report]:
    """Reports holding ``operations`` generated operations in all, ``per_report`` each, the same for one seed."""
    rng = random.Random(seed)
    for first in range(0, operations, per_report):
        earlier: list[str] = []
        found = []
        for index in range(first, min(first + per_report, operations)):
            found.append(_operation(rng, index, earlier))
            earlier.append(found[-1].id)
        number = first // per_report
        yield Report(
            id=f"generated-{number:05d}",
            title=f"Generated report {number}",
            publisher=PUBLISHERS[number % len(PUBLISHERS)],
            published=FuzzyDate.of(2024, 1 + number % 12, 1 + number % 28),
            operations=found,
        )
