"""Benchmark: opsmodel.stix against the stix2 library on the same seeded synthetic corpus.

Run on demand: ``python bench/bench_stix.py`` (needs the ``bench`` dependency group: stix2).
Both libraries write the same objects: opsmodel builds and serialises them itself; for stix2, the
same object dictionaries (opsmodel's mapping, timed on the stix2 side too) are built into stix2
objects and serialised with ``Bundle.serialize()``. Parsing compares :func:`opsmodel.stix.loads`
(checks the bundle, then rebuilds typed, validated models) with ``stix2.parse(..., allow_custom=False)``.
Times are the best of ``--repeat`` runs with the garbage collector paused, as ``timeit`` does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import random
import time
from collections.abc import Callable
from typing import Any

from opsmodel import (
    Actor,
    AIUse,
    Asset,
    Attribution,
    Count,
    FuzzyDate,
    Impact,
    Narrative,
    Operation,
    Period,
    Report,
    Source,
    Tactic,
    Target,
    TechniqueRef,
    TechniqueUse,
    stix,
)
from opsmodel._formats.stix.export import iter_objects

_COUNTRIES = ["RU", "CN", "IR", "IL", "US", "UA", "DE", "FR", "GB", "MD", "GE", "IN", "PK", "NG", "BR", "MX", "TR", "VE"]
_PLATFORMS = ["Telegram", "X", "Facebook", "Instagram", "TikTok", "YouTube", "VK", "Reddit", "Website"]
_TACTICS = [("TA01", "Plan Strategy"), ("TA06", "Develop Content"), ("TA07", "Select Channels and Affordances")]


def corpus(operations: int, seed: int = 2024) -> Report:
    """A seeded synthetic report: every operation with actors, claims, targets, techniques, AI use and assets."""
    rng = random.Random(seed)
    ops = []
    for i in range(operations):
        source = Source(id=f"src-{i}", publisher="Lab", title=f"Report {i}", url=f"https://example.org/{i}")
        start = FuzzyDate.of(rng.randint(2015, 2023), rng.randint(1, 12))
        actor = Actor(id="op-actor", name=f"Actor {rng.randint(0, operations // 3)}", kind="state_agency")
        ops.append(
            Operation(
                id=f"op-{i}",
                name=f"Operation {i}",
                summary=f"Synthetic operation number {i}.",
                aliases=[f"Alias {i}"],
                activity=Period(start=start, ongoing=True),
                actors=[actor],
                attributions=[
                    Attribution(claimant="Lab", actor="op-actor", confidence=rng.randint(40, 95)),
                    Attribution(claimant="Other", countries=[rng.choice(_COUNTRIES)], confidence="likely"),
                ],
                targets=[Target(place=rng.choice(_COUNTRIES)), Target(place=rng.choice(_COUNTRIES))],
                techniques=[
                    TechniqueUse(
                        technique=TechniqueRef.disarm(f"T00{rng.randint(10, 99)}"),
                        tactic=Tactic(framework="disarm", id=t[0], name=t[1]),
                        procedure="Posted comments.",
                        sources=["src-" + str(i)],
                    )
                    for t in rng.sample(_TACTICS, 2)
                ],
                ai_uses=[AIUse(service="ChatGPT", purposes=["write_comments", "translate"], languages=["ru", "en"])],
                assets=[Asset(platform=rng.choice(_PLATFORMS), count=Count.at_least(rng.randint(1, 500)))],
                narratives=[Narrative(summary=f"Narrative {rng.randint(0, 50)}")],
                impacts=[Impact(category=rng.randint(1, 4), qualifier="upper_end")],
                languages=["ru"],
                sources=[source],
            )
        )
    return Report(id="synthetic", title="Synthetic corpus", publisher="Lab", published=FuzzyDate.of(2024, 5, 30), operations=ops)


def _register() -> None:
    import stix2
    from stix2.properties import BooleanProperty, DictionaryProperty, ListProperty, ReferenceProperty

    @stix2.v21.CustomExtension(
        stix.EXTENSION_ID,
        [
            ("operation", DictionaryProperty()),
            ("unnamed", BooleanProperty()),
            ("report", DictionaryProperty()),
            ("operation_refs", ListProperty(ReferenceProperty(valid_types="campaign", spec_version="2.1"))),
        ],
    )
    class _Opsmodel:
        extension_type = "property-extension"


def _best(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs, with the garbage collector paused as ``timeit`` does (for both libraries)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        result = None  # drop the previous run's output before timing the next
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            result = run()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000], help="numbers of operations")
    parser.add_argument("--repeat", type=int, default=3, help="best of N for opsmodel")
    parser.add_argument("--stix2-repeat", type=int, default=1, help="best of N for stix2 (slow: default once)")
    args = parser.parse_args()

    import stix2

    _register()
    classes = {cls._type: cls for cls in vars(stix2.v21).values() if isinstance(cls, type) and hasattr(cls, "_type")}
    head = f"{'export us/obj':>13} {'stix2':>7} {'ratio':>6} | {'import us/obj':>13} {'stix2':>7} {'ratio':>6}"
    print(f"{'ops':>7} {'objects':>8} | {head}")
    for size in args.sizes:
        report = corpus(size)

        def ours_dump(report: Report = report) -> str:
            return stix.dumps(report)

        ours_export, text = _best(ours_dump, args.repeat)
        count = len(json.loads(text)["objects"])

        def stix2_export(report: Report = report) -> str:
            built = [classes[obj["type"]](allow_custom=False, **obj) for obj in iter_objects(report)]
            return str(stix2.v21.Bundle(built, allow_custom=False).serialize())

        theirs_export, _ = _best(stix2_export, args.stix2_repeat)
        del _  # each phase starts with only the corpus and the text in memory

        def ours_load(text: str = text) -> Report:
            return stix.loads(text)

        def theirs_load(text: str = text) -> Any:
            return stix2.parse(text, allow_custom=False)

        ours_import, back = _best(ours_load, args.repeat)
        assert back == report
        del back
        theirs_import, _ = _best(theirs_load, args.stix2_repeat)
        del _
        per = 1e6 / count
        print(
            f"{size:>7} {count:>8} | {ours_export * per:>13.2f} {theirs_export * per:>7.1f} {theirs_export / ours_export:>5.1f}x"
            f" | {ours_import * per:>13.2f} {theirs_import * per:>7.1f} {theirs_import / ours_import:>5.1f}x"
        )
    when = f"{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC"
    print(f"(run {when}; targets: export >= 20x, import >= 10x, flat per-object cost)")


if __name__ == "__main__":
    main()
