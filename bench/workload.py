"""The anchor workload: a seeded generator of plain dicts describing synthetic threat reports.

Both sides of every figure start from this plain data (the opsmodel JSON form of a report, as
``json.loads`` would give it): opsmodel builds its objects from it; stix2 builds its objects from
the STIX properties opsmodel's mapping gives for the same data (computed before timing, so stix2
is never charged for our mapping); the floor works on plain dicts with the ``json`` module. Each
operation gives about 24 STIX objects (campaign, infrastructure, threat actors, notes and the
relationships between them), and cites its sources everywhere, so that validation finds nothing
to say about a correct report and times the checking, not the reporting.
"""

from __future__ import annotations

import random
from typing import Any

COUNTRIES = ("RU", "CN", "IR", "IL", "US", "UA", "MD", "GB", "FR", "DE", "KP", "VE", "TR", "IN", "PK", "NG", "BR", "MX")
LANGUAGES = ("ru", "en", "zh", "fa", "he", "uk", "ar", "fr", "de", "es")
PLATFORMS = ("telegram", "x", "facebook", "instagram", "youtube", "tiktok", "vk", "website")
TECHNIQUES = ("T0085.001", "T0086", "T0087", "T0049", "T0097", "T0102", "T0007", "T0015", "T0016", "T0019", "T0023", "T0043")
WORDS = (
    "network",
    "accounts",
    "posted",
    "comments",
    "about",
    "elections",
    "in",
    "several",
    "languages",
    "using",
    "fake",
    "personas",
    "and",
    "websites",
    "sharing",
    "memes",
    "videos",
    "articles",
    "targeting",
    "audiences",
    "abroad",
)
PURPOSES = ("write_comments", "translate", "generate_images", "write_articles")


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _date(rng: random.Random) -> dict[str, Any]:
    year, month = rng.randint(2014, 2023), rng.randint(1, 12)
    if rng.random() < 0.5:
        return {"type": "fuzzy_date", "date": f"{year}-{month:02d}"}
    return {"type": "fuzzy_date", "date": f"{year}-{month:02d}-{rng.randint(1, 28):02d}"}


def operation(rng: random.Random, n: int) -> dict[str, Any]:
    """One synthetic operation as plain data (the opsmodel JSON form)."""
    cited = [f"s{n}-0", f"s{n}-1"]
    actors = [f"actor-{n}-{i}" for i in range(2)]
    return {
        "id": f"op-{n}",
        "name": f"Operation {n}",
        "summary": _sentence(rng, 25),
        "aliases": [{"name": f"Alias {n}", "used_by": "Vendor", "sources": cited}],
        "activity": {"start": _date(rng), "ongoing": rng.random() < 0.5, "sources": cited},
        "actors": [
            {"id": actors[0], "name": f"Agency {rng.randint(0, 10_000)}", "kind": "state_agency", "sources": cited},
            {"id": actors[1], "name": f"Firm {rng.randint(0, 10_000)}", "kind": "commercial_firm", "sources": cited},
        ],
        "attributions": [
            {"claimant": "Lab", "actor": actors[0], "confidence": {"words": "high confidence"}, "sources": cited[:1]},
            {"claimant": "Lab", "actor": actors[1], "confidence": {"words": "moderate confidence"}, "sources": cited[1:]},
            {"claimant": "Other lab", "countries": [rng.choice(COUNTRIES)], "sources": cited[:1]},
        ],
        "targets": [{"place": {"type": "country", "code": code}, "sources": cited} for code in rng.sample(COUNTRIES, 3)],
        "topics": rng.sample(WORDS, 3),
        "languages": [{"code": code} for code in rng.sample(LANGUAGES, 2)],
        "assets": [
            {
                "platform": {"id": platform},
                "count": {"kind": "range", "value": rng.randint(1, 10), "upper": rng.randint(10, 100)},
                "followers": {"kind": "at_least", "value": rng.randint(0, 10**5)},
                "sources": cited,
            }
            for platform in rng.sample(PLATFORMS, 3)
        ],
        "techniques": [
            {"technique": {"framework": "disarm", "id": technique}, "procedure": _sentence(rng, 8), "sources": cited}
            for technique in rng.sample(TECHNIQUES, 5)
        ],
        "narratives": [{"summary": _sentence(rng, 10), "sources": cited} for _ in range(2)],
        "ai_uses": [{"service": "ChatGPT", "purposes": rng.sample(PURPOSES, 2), "languages": [{"code": "ru"}], "sources": cited}],
        "impacts": [{"category": rng.randint(2, 6), "qualifier": "low_end", "rated_by": "Lab", "sources": cited}],
        "sources": [
            {"id": cited[i], "publisher": "Lab", "title": _sentence(rng, 5), "url": f"https://example.org/{n}/{i}"}
            for i in range(2)
        ],
    }


def report(operations: int, seed: int = 2024) -> dict[str, Any]:
    """A synthetic report of ``operations`` operations as plain data; the same seed gives the same data."""
    rng = random.Random(seed)
    return {
        "id": "synthetic",
        "title": "A synthetic report",
        "publisher": "Lab",
        "published": {"date": "2024-05-30"},
        "operations": [operation(rng, n) for n in range(operations)],
    }
