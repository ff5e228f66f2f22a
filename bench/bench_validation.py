"""Benchmark of opsmodel.validation against the reference validators; run on demand, never in the tests.

    python bench/bench_validation.py [OPERATIONS]

Times the rules (``iter_errors``) on a report of OPERATIONS operations (copies of the bundled
example's, with distinct ids), and, where installed and available, jsonschema on the same report as
opsmodel JSON and the OASIS stix2-validator on its STIX export; prints each time and its ratio to
opsmodel's. The reference validators check structure only; the rules check consistency.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from collections.abc import Callable
from typing import Any

import attrs

from opsmodel import examples
from opsmodel.validation import iter_document_errors, iter_errors


def _time(work: Callable[[], Any], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(count: int) -> None:
    example = examples.load("openai-2024-05")
    operations = [attrs.evolve(op, id=f"{op.id}-{i}", relations=()) for i in range(count // 5 + 1) for op in example.operations]
    report = attrs.evolve(example, operations=operations[:count])
    ours = _time(lambda: list(iter_errors(report)))
    print(
        f"opsmodel rules, {len(report.operations)} operations: {ours:.3f} s ({ours / len(report.operations) * 1e6:.0f} µs each)"
    )
    try:
        codec: Any = importlib.import_module("opsmodel.json")

        text = codec.dumps(report)
        document = _time(lambda: list(iter_document_errors(text)))
        print(f"opsmodel raw JSON document (read + rules): {document:.3f} s  ({document / ours:.1f}x the rules alone)")
        import jsonschema

        validator = jsonschema.Draft202012Validator(codec.schema())
        data = json.loads(text)
        theirs = _time(lambda: list(validator.iter_errors(data)), repeat=1)
        print(f"jsonschema on the same document: {theirs:.3f} s  ({theirs / document:.1f}x opsmodel's document check)")
    except (ImportError, AttributeError) as exc:
        print(f"jsonschema comparison skipped: {exc}")
    try:
        from stix2validator import ValidationOptions, validate_string

        stix: Any = importlib.import_module("opsmodel.stix")

        bundle = stix.dumps(report)
        stix_ours = _time(lambda: list(iter_document_errors(bundle)), repeat=1)
        theirs = _time(lambda: validate_string(bundle, ValidationOptions(strict=False)), repeat=1)
        print(f"opsmodel on the STIX bundle: {stix_ours:.3f} s; stix2-validator: {theirs:.3f} s ({theirs / stix_ours:.1f}x)")
    except (ImportError, AttributeError) as exc:
        print(f"stix2-validator comparison skipped: {exc}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
