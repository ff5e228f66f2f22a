"""Streaming: large bundles are written object by object, without a second copy in memory."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

from opsmodel import Operation, TechniqueRef, TechniqueUse, stix
from opsmodel._core.files import atomic_writer

TECHNIQUES = 49  # a campaign and 49 "uses" relationships per operation (+ 49 shared attack patterns once)


def _operations(count: int) -> Iterator[Operation]:
    uses = [TechniqueUse(technique=TechniqueRef.disarm(f"T{j:04d}")) for j in range(1, TECHNIQUES + 1)]
    for i in range(count):
        yield Operation(id=f"op-{i}", name=f"Operation {i}", summary="Synthetic.", techniques=uses)


class _Counter(io.TextIOBase):
    """A text sink that keeps nothing but a character count."""

    def __init__(self) -> None:
        self.size = 0

    def write(self, text: str) -> int:
        self.size += len(text)
        return len(text)


def _peak(operations: int) -> tuple[int, int]:
    sink = _Counter()
    tracemalloc.start()
    try:
        stix.dump(_operations(operations), sink)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, sink.size


def test_a_100k_object_bundle_streams_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "big.stix.json"
    operations = 2_000
    with atomic_writer(target) as handle:
        stix.dump(_operations(operations), handle)
    with target.open(encoding="utf-8") as handle:
        bundle = json.load(handle)
    expected = 2 + operations * (1 + TECHNIQUES) + TECHNIQUES  # header, campaigns and uses, shared patterns
    assert len(bundle["objects"]) == expected >= 100_000
    assert bundle["id"].startswith("bundle--")


def test_memory_stays_flat_while_streaming() -> None:
    small_peak, small_size = _peak(50)
    large_peak, large_size = _peak(250)
    assert large_size > 4 * small_size
    # the writer holds one operation's objects, not the bundle: its peak barely grows with the output
    assert large_peak < small_size
    assert large_peak < 2 * small_peak + 100_000
