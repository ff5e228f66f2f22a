"""Benchmark: the opsmodel JSON format against json and orjson on the same data.

Run on demand: ``python bench/bench_json.py`` (needs the ``bench`` dependency group for orjson).
A seeded synthetic corpus of 1,000 and 10,000 operations is written and read as a whole
document and as JSON Lines. The floors are the standard library's ``json`` and ``orjson``
writing and reading the equivalent plain dicts (``opsmodel.json.to_dict`` of the corpus) with
the same formatting, measured in the same run. Ratios are ours / floor: lower is better; the
target is a whole round trip within 3x of the ``json`` floor. Memory while streaming JSON Lines
is measured with tracemalloc at both sizes; it should not grow with the corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import io
import json
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import opsmodel as om
from opsmodel import json as ojson

orjson: Any
try:
    import orjson
except ImportError:  # pragma: no cover - the bench group installs it
    orjson = None

COUNTRIES = ("RU", "CN", "IR", "IL", "US", "UA", "MD", "GB", "FR", "DE", "KP", "VE", "TR", "IN", "PK")
LANGUAGES = ("ru", "en", "zh", "fa", "he", "uk", "ar", "fr", "de", "es")
PLATFORMS = ("telegram", "x", "facebook", "instagram", "youtube", "tiktok", "vk", "website")
TECHNIQUES = ("T0085.001", "T0086", "T0087", "T0049", "T0097", "T0102", "T0007", "T0015")
WORDS_LIST = [
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
]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS_LIST) for _ in range(n)).capitalize() + "."


def _date(rng: random.Random) -> om.FuzzyDate:
    year = rng.randint(2014, 2024)
    kind = rng.random()
    if kind < 0.3:
        return om.FuzzyDate.of(year, bound=rng.choice(["exact", "on_or_before"]))
    if kind < 0.7:
        return om.FuzzyDate.of(year, rng.randint(1, 12), part=rng.choice([None, "early", "mid", "late"]))
    if kind < 0.9:
        return om.FuzzyDate.of(year, rng.randint(1, 12), rng.randint(1, 28))
    return om.FuzzyDate.instant(dt.datetime(year, 5, 30, rng.randint(0, 23), tzinfo=dt.timezone.utc))


def _operation(rng: random.Random, n: int) -> om.Operation:
    sources = tuple(om.Source(id=f"s{i}", publisher="Publisher", title=_sentence(rng, 5), published=_date(rng)) for i in range(2))
    ids = [s.id for s in sources]
    start = _date(rng)
    return om.Operation(
        id=f"op-{n}",
        name=f"Operation {n}",
        summary=_sentence(rng, 25),
        aliases=(om.Alias(name=f"Alias {n}", used_by="Vendor"),),
        activity=om.Period(start=start, ongoing=rng.random() < 0.5, wording="since at least " + str(start.value.year)),
        detected=om.parse_period("over the last three months"),
        attributions=(
            om.Attribution(
                claimant="Publisher",
                countries=(rng.choice(COUNTRIES),),
                confidence=om.Confidence(words="high confidence"),
                sources=tuple(ids[:1]),
            ),
        ),
        targets=(
            om.Target(place=om.Country(code=rng.choice(COUNTRIES))),
            om.Target(place=om.Region(name="the Sahel", members=("ML", "NE")), audience=om.Audience(name="diaspora")),
        ),
        topics=tuple(rng.sample(WORDS_LIST, 3)),
        languages=tuple(om.Language(code=c) for c in rng.sample(LANGUAGES, 2)),
        assets=tuple(
            om.Asset(
                platform=om.Platform(id=p),
                count=om.Count.between(rng.randint(1, 10), rng.randint(10, 100)),
                followers=om.Count.at_least(rng.randint(0, 10**5)),
            )
            for p in rng.sample(PLATFORMS, 2)
        ),
        techniques=tuple(
            om.TechniqueUse(technique=om.TechniqueRef.disarm(t), sources=tuple(ids)) for t in rng.sample(TECHNIQUES, 3)
        ),
        ai_uses=(
            om.AIUse(
                service="ChatGPT",
                purposes=(om.AIPurpose.WRITE_COMMENTS, om.AIPurpose.TRANSLATE),
                languages=(om.Language(code="ru"),),
            ),
        ),
        impacts=(
            om.Impact(category=rng.randint(1, 6), qualifier=rng.choice(list(om.ImpactQualifier)[:5]), rated_by="Publisher"),
        ),
        disruptions=(om.Disruption(by="Platform", action="accounts_banned", count=om.Count.exact(rng.randint(1, 500))),),
        sources=sources,
    )


def corpus(size: int, seed: int = 2024) -> om.Report:
    rng = random.Random(seed)
    return om.Report(
        id="synthetic", title="A synthetic corpus", publisher="bench", operations=tuple(_operation(rng, n) for n in range(size))
    )


def _best(func: Callable[[], Any], repeat: int, *, paused: bool = False) -> float:
    """Best time of ``repeat`` runs; ``paused`` runs with the cyclic GC paused, as opsmodel.json does."""
    times = []
    for _ in range(repeat):
        gc.collect()
        if paused:
            gc.disable()
        try:
            start = time.perf_counter()
            func()
            times.append(time.perf_counter() - start)
        finally:
            gc.enable()
    return min(times)


def _streaming_peak(path: str, operations: tuple[om.Operation, ...]) -> tuple[int, int]:
    """Peak traced memory (bytes) while writing, then while reading, the JSON Lines file."""

    def generate() -> Iterator[om.Operation]:
        yield from operations

    gc.collect()
    tracemalloc.start()
    with open(path, "w", encoding="utf-8") as handle:
        ojson.dump_lines(generate(), handle)
    write_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    gc.collect()
    tracemalloc.start()
    count = 0
    with open(path, encoding="utf-8") as handle:
        for _ in ojson.load_lines(handle):
            count += 1
    read_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == len(operations)
    return write_peak, read_peak


def run(size: int, repeat: int) -> dict[str, float]:
    report = corpus(size)
    text = ojson.dumps(report)
    assert ojson.loads(text) == report
    plain = json.loads(text)
    row: dict[str, float] = {}
    row["ours dumps"] = _best(lambda: ojson.dumps(report), repeat)
    row["ours loads"] = _best(lambda: ojson.loads(text), repeat)
    row["json dumps"] = _best(lambda: json.dumps(plain, indent=2, ensure_ascii=False), repeat)
    row["json loads"] = _best(lambda: json.loads(text), repeat)
    # json's C encoder is used only without indent: the compact floor is the fastest json can write
    row["json dumps compact"] = _best(lambda: json.dumps(plain, ensure_ascii=False, separators=(",", ":")), repeat)
    # opsmodel.json pauses the cyclic GC while it reads or writes a whole document; so do these floors
    row["json dumps, gc paused"] = _best(lambda: json.dumps(plain, indent=2, ensure_ascii=False), repeat, paused=True)
    row["json loads, gc paused"] = _best(lambda: json.loads(text), repeat, paused=True)
    if orjson is not None:
        row["orjson dumps"] = _best(lambda: orjson.dumps(plain, option=orjson.OPT_INDENT_2), repeat)
        row["orjson loads"] = _best(lambda: orjson.loads(text), repeat)
    lines = io.StringIO()
    ojson.dump_lines(report.operations, lines)
    lines_text = lines.getvalue()
    row["ours dump_lines"] = _best(lambda: ojson.dump_lines(report.operations, io.StringIO()), repeat)
    row["ours load_lines"] = _best(lambda: sum(1 for _ in ojson.load_lines(io.StringIO(lines_text))), repeat)
    with tempfile.TemporaryDirectory() as folder:
        write_peak, read_peak = _streaming_peak(os.path.join(folder, "corpus.jsonl"), report.operations)
    row["jsonl write peak KiB"] = write_peak / 1024
    row["jsonl read peak KiB"] = read_peak / 1024
    row["document MiB"] = len(text.encode()) / 2**20
    return row


KEYS = (
    "ours dumps",
    "ours loads",
    "json dumps",
    "json dumps compact",
    "json loads",
    "json dumps, gc paused",
    "json loads, gc paused",
    "orjson dumps",
    "orjson loads",
    "ours dump_lines",
    "ours load_lines",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"opsmodel {om.__version__}, Python {sys.version.split()[0]}, orjson {'yes' if orjson else 'not installed'}")
    peaks = []
    for size in args.sizes:
        row = run(size, args.repeat)
        ours = row["ours dumps"] + row["ours loads"]
        floor = row["json dumps"] + row["json loads"]
        print(f"\n{size:,} operations ({row['document MiB']:.1f} MiB document)")
        for key in KEYS:
            if key in row:
                print(f"  {key:<22} {row[key] * 1000:9.1f} ms")
        print(f"  dumps / json dumps       {row['ours dumps'] / row['json dumps']:6.2f}x")
        print(f"  loads / json loads       {row['ours loads'] / row['json loads']:6.2f}x")
        print(f"  round trip / json floor  {ours / floor:6.2f}x   (target: within 3x; json writing with the same indent)")
        paused = row["json dumps, gc paused"] + row["json loads, gc paused"]
        print(f"  round trip / json floor, gc paused {ours / paused:6.2f}x   (the fairest comparison)")
        compact = row["json dumps compact"] + row["json loads"]
        print(f"  round trip / json compact floor {ours / compact:6.2f}x   (json's C encoder, no indent)")
        if orjson is not None:
            print(f"  round trip / orjson floor {ours / (row['orjson dumps'] + row['orjson loads']):5.2f}x")
        write_peak, read_peak = row["jsonl write peak KiB"], row["jsonl read peak KiB"]
        print(f"  JSON Lines streaming peak memory: write {write_peak:.0f} KiB, read {read_peak:.0f} KiB")
        peaks.append((size, row["jsonl write peak KiB"], row["jsonl read peak KiB"]))
    if len(peaks) > 1:
        (small, w0, r0), (large, w1, r1) = peaks[0], peaks[-1]
        print(
            f"\nstreaming memory, {large:,} vs {small:,} operations: write x{w1 / w0:.2f}, read x{r1 / r0:.2f} (flat is about x1)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
