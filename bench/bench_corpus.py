"""Benchmark of opsmodel.corpus: corpus load, clustering and table building per operation; run on demand.

    python bench/bench_corpus.py [REPORTS] [OPERATIONS_PER_REPORT]

Writes REPORTS copies of the bundled example (each with OPERATIONS_PER_REPORT operations, distinct
ids, and a ``same_as`` relation from each operation to the same operation of the previous report,
so clusters run across all the reports) as opsmodel JSON files in a temporary folder; then times
reading the folder as a corpus, clustering it, its claims and, when the frames extra is installed,
each table as Arrow, pandas and polars. Prints seconds and microseconds per operation; asserts
nothing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from opsmodel import Relation, Report, examples, json
from opsmodel.corpus import TABLES, Corpus
from opsmodel.errors import MissingExtraError


def _time(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def _report(index: int, size: int) -> Report:
    example = examples.load("openai-2024-05")
    operations = []
    for n in range(size):
        op = example.operations[n % len(example.operations)]
        op_id = f"{op.id}-{n}"
        relations = (Relation(kind="same_as", other=op_id, sources=[f"report-{index - 1}"]),) if index else ()
        operations.append(attrs.evolve(op, id=op_id, relations=relations))
    return attrs.evolve(example, id=f"report-{index}", operations=operations)


def _show(what: str, seconds: float, operations: int) -> None:
    print(f"{what:<34} {seconds:8.3f} s  {seconds / operations * 1e6:9.1f} µs per operation")


def main(reports: int, size: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for index in range(reports):
            (Path(folder) / f"report-{index}.json").write_text(json.dumps(_report(index, size)), encoding="utf-8")
        operations = reports * size
        print(f"{reports} reports of {size} operations ({operations} operations), opsmodel JSON files")
        corpus = Corpus.from_folder(folder)
        _show("load (read and parse every file)", _time(lambda: len(corpus))[0], operations)
        seconds, clusters = _time(corpus.clusters)
        _show(f"cluster ({len(clusters)} clusters)", seconds, operations)
        _show("claims of every cluster", _time(lambda: sum(len(c.claims()) for c in clusters))[0], operations)
        for name in TABLES:
            _show(f"rows of {name}", _time(lambda name=name: list(corpus.rows(name)))[0], operations)
        try:
            warm = Corpus([examples.load("openai-2024-05")])  # import pyarrow, pandas and polars before timing
            warm.to_pandas("operations")
            warm.to_polars("operations")
            for name in TABLES:
                _show(f"Arrow table {name}", _time(lambda name=name: corpus.table(name))[0], operations)
            _show("pandas operations", _time(lambda: corpus.to_pandas("operations"))[0], operations)
            _show("polars operations", _time(lambda: corpus.to_polars("operations"))[0], operations)
        except MissingExtraError as exc:
            print(f"tables skipped: {exc}")


if __name__ == "__main__":
    arguments = [int(value) for value in sys.argv[1:3]]
    main(*(arguments + [20, 50][len(arguments) :]))
