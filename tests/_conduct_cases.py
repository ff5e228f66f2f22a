"""The validation cases of model 1.1's conduct rules (OPS8xx): for each, a bad operation, the path of the
finding, and a good one; ``tests/test_validation_rules.py`` runs them with every other rule's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from opsmodel import (
    Actor,
    AIUse,
    Disruption,
    FuzzyDate,
    Measure,
    Operation,
    Relation,
    Report,
    Source,
    Tactic,
    TechniqueRef,
    TechniqueUse,
    parse_period,
)

S = ("src",)
SOURCE = Source(id="src", publisher="Publisher", published=FuzzyDate.of(2024, 5, 30))


def op(**facts: Any) -> Operation:
    base: dict[str, Any] = {"id": "op", "name": "Op", "sources": (SOURCE,)}
    base.update(facts)
    return Operation(**base)


def _actor(**facts: Any) -> Actor:
    return Actor(id="brightwave", name="Brightwave", sources=S, **facts)


def _takedown(**facts: Any) -> Disruption:
    return Disruption(by="Meta", action="accounts_removed", sources=S, **facts)


def _overlap(*others: str) -> Operation:
    relations = [Relation(kind="part_of", other=other, described_in="src", sources=S) for other in others]
    return op(kind="overlap", relations=relations)


Case = tuple[str, Callable[[], Report | Operation], str, Callable[[], Report | Operation]]

CONDUCT_CASES: list[Case] = [
    (
        "OPS801",
        lambda: op(actors=[_actor(location="NG", other_locations=["GH", "NG"])]),
        "$.actors[0].other_locations[1]",
        lambda: op(actors=[_actor(location="NG", other_locations=["GH", "BJ"])]),
    ),
    (
        "OPS802",
        lambda: op(disruptions=[_takedown(platform="facebook", other_platforms=["Facebook", "instagram"])]),
        "$.disruptions[0].other_platforms[0]",
        lambda: op(disruptions=[_takedown(platform="facebook", other_platforms=["instagram", "threads"])]),
    ),
    (
        "OPS803",
        lambda: op(ai_uses=[AIUse(service="ChatGPT", output=[Measure(of="followers", count=9000)], sources=S)]),
        "$.ai_uses[0].output[0].of",
        lambda: op(ai_uses=[AIUse(service="ChatGPT", output=[Measure(of="articles", count=9000)], sources=S)]),
    ),
    (
        "OPS804",
        lambda: op(ai_uses=[AIUse(service="ChatGPT", access="api", via="an API reseller", sources=S)]),
        "$.ai_uses[0].via",
        lambda: op(ai_uses=[AIUse(service="ChatGPT", access="reseller", via="an API reseller", sources=S)]),
    ),
    (
        "OPS805",
        lambda: op(
            techniques=[TechniqueUse(technique=TechniqueRef.disarm("T0085.001"), tactic=Tactic(framework="attack", id="TA0042"))]
        ),
        "$.techniques[0].tactic.framework",
        lambda: op(
            techniques=[TechniqueUse(technique=TechniqueRef.disarm("T0085.001"), tactic=Tactic(framework="disarm", id="TA06"))]
        ),
    ),
    ("OPS806", lambda: _overlap("doppelganger"), "$.kind", lambda: _overlap("doppelganger", "rrn")),
    (
        "OPS807",
        lambda: op(disruptions=[_takedown(date=FuzzyDate.of(2018, 6), period=parse_period("2019 to 2023"))]),
        "$.disruptions[0].date",
        lambda: op(disruptions=[_takedown(date=FuzzyDate.of(2021, 6), period=parse_period("2019 to 2023"))]),
    ),
]
