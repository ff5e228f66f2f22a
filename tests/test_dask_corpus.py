"""Shards on Dask's local scheduler: bags, tables, and 100,000 generated operations in flat memory (``nox -s dask``)."""

from __future__ import annotations

import json as stdjson
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import dask
import pandas as pd
import pytest

from opsmodel import Operation, Report, examples
from opsmodel.corpus import TABLES, Corpus, Manifest, MissingExtraError, to_bag, to_dataframe, write_shards

from ._corpus_reports import MICROSOFT, OBSERVATORY
from ._generated_corpus import generated_reports

pytestmark = pytest.mark.dask

THREE = [examples.load("openai-2024-05"), MICROSOFT, OBSERVATORY]


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> Manifest:
    reports = [*THREE, *generated_reports(120, per_report=30)]
    return write_shards(reports, tmp_path_factory.mktemp("shards"), size=2)


def _origins(operation: Operation) -> list[str]:
    return [country.code for country in operation.origin_countries]


def test_a_bag_has_one_partition_per_shard_in_the_order_written(shards: Manifest) -> None:
    bag = to_bag(shards.folder)
    assert bag.npartitions == len(shards.shards) == 4
    with dask.config.set(scheduler="synchronous"):
        operations = bag.compute()
        reports = to_bag(shards, "reports").compute()
    written = list(Corpus.from_shards(shards.folder).iter_reports())
    assert reports == written
    assert operations == [operation for report in written for operation in report.operations]


def test_the_threads_scheduler_counts_as_the_corpus_does(shards: Manifest) -> None:
    with dask.config.set(scheduler="threads", num_workers=2):
        counts = dict(to_bag(shards).map(_origins).flatten().frequencies().compute())
    expected = Counter(code for operation in Corpus.from_shards(shards.folder).operations() for code in _origins(operation))
    assert counts == dict(expected)


def test_operations_come_back_equal_from_worker_processes(shards: Manifest) -> None:
    # the processes scheduler pickles each partition's operations back to this process
    found = to_bag(shards).compute(scheduler="processes", num_workers=2)
    assert found == [operation for report in Corpus.from_shards(shards.folder).iter_reports() for operation in report.operations]


@pytest.mark.parametrize("name", list(TABLES))
def test_each_table_on_dask_is_the_shards_own_tables_with_the_documented_dtypes(shards: Manifest, name: str) -> None:
    frame = to_dataframe(shards.folder, name)
    assert frame.npartitions == len(shards.shards)
    with dask.config.set(scheduler="synchronous"):
        found = frame.compute()
    expected = pd.concat([Corpus([shard]).to_pandas(name) for shard in shards.shards])
    assert list(found.columns) == list(TABLES[name].names)
    assert found.dtypes.equals(Corpus(THREE).to_pandas(name).dtypes)
    pd.testing.assert_frame_equal(found.reset_index(drop=True), expected.reset_index(drop=True))


def test_one_shard_on_dask_is_the_corpus_table(tmp_path: Path) -> None:
    write_shards(THREE, tmp_path, size=len(THREE))
    with dask.config.set(scheduler="synchronous"):
        found = to_dataframe(tmp_path, "operations").compute()
    pd.testing.assert_frame_equal(found.reset_index(drop=True), Corpus(THREE).to_pandas("operations"))


def test_no_shards_give_an_empty_bag_and_empty_tables(tmp_path: Path) -> None:
    write_shards([], tmp_path)
    with dask.config.set(scheduler="synchronous"):
        assert to_bag(tmp_path).compute() == []
        assert list(to_dataframe(tmp_path, "targets").compute().columns) == list(TABLES["targets"].names)


def test_without_dask_the_error_names_the_extra(shards: Manifest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    monkeypatch.setitem(sys.modules, "dask.dataframe", None)
    with pytest.raises(MissingExtraError, match=r"opsmodel-io\[dask\]"):
        to_bag(shards)
    with pytest.raises(MissingExtraError, match=r"opsmodel-io\[dask\]"):
        to_dataframe(shards, "claims")


def test_the_how_to_runs_on_the_local_scheduler(shards: Manifest, capsys: pytest.CaptureFixture[str]) -> None:
    page = Path(__file__).resolve().parents[1] / "docs" / "how-to" / "dask.md"
    local = re.findall(r"^```py\n(.*?)^```", page.read_text(encoding="utf-8"), re.M | re.S)[0]
    exec(compile(local, str(page), "exec"), {"folder": str(shards.folder)})  # the page's own code
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("{'")
    assert "'RU': " in printed[0]
    assert printed[1].split()[0] == str(len(list(Corpus.from_shards(shards.folder).rows("targets"))))


# ---------------------------------------------------------------------------------------------
# 100,000 generated operations, in memory that stays flat per partition

# The child process runs the shards of a folder (the first COUNT of them) through Dask's
# synchronous scheduler and prints what it found with its peak resident memory: its baseline
# (interpreter, opsmodel, Dask, pandas, pyarrow) measured before any shard is read.
CHILD = """
import json, resource, sys
import attrs, dask
from opsmodel.corpus import Manifest, to_bag, to_dataframe

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

folder, count = sys.argv[1], int(sys.argv[2])
manifest = Manifest.read(folder)
manifest = attrs.evolve(manifest, shards=manifest.shards[:count])
with dask.config.set(scheduler="synchronous"):
    empty = attrs.evolve(manifest, shards=())
    to_dataframe(empty, "targets").compute()  # loads pandas and pyarrow's code before the baseline
    baseline = peak()
    origins = to_bag(manifest).map(lambda op: [c.code for c in op.origin_countries]).flatten().frequencies()
    counts = dict(origins.compute())
    targets = len(to_dataframe(manifest, "targets"))
print(json.dumps({"baseline": baseline, "peak": peak(), "origins": counts, "targets": targets}))
"""

OPERATIONS = 100_000
PER_REPORT = 50
REPORTS_PER_SHARD = 20  # 1,000 operations a shard: 100 partitions


def _run(folder: Path, count: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(count)], capture_output=True, text=True, check=False, env=os.environ
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = stdjson.loads(done.stdout)
    return found


def _grown(found: dict[str, object]) -> int:
    peak, baseline = found["peak"], found["baseline"]
    assert isinstance(peak, int)
    assert isinstance(baseline, int)
    return peak - baseline


@pytest.mark.slow
def test_dask_processes_100000_generated_operations_in_flat_memory(tmp_path: Path) -> None:
    origins: Counter[str] = Counter()
    targets = 0

    def tallied() -> Iterator[Report]:
        nonlocal targets
        for report in generated_reports(OPERATIONS, PER_REPORT):
            for operation in report.operations:
                origins.update(_origins(operation))
                targets += len(operation.targets)
            yield report

    manifest = write_shards(tallied(), tmp_path, size=REPORTS_PER_SHARD)
    assert manifest.operations == OPERATIONS
    assert len(manifest.shards) == OPERATIONS // (PER_REPORT * REPORTS_PER_SHARD)

    whole = _run(tmp_path, len(manifest.shards))
    assert whole["origins"] == dict(origins)
    assert whole["targets"] == targets

    one = _run(tmp_path, 1)
    grown = {run: _grown(found) for run, found in (("one", one), ("whole", whole))}
    # A hundred partitions need no more than one does: each is read, counted and dropped. Were the
    # operations kept, the whole run would grow by hundreds of megabytes; the allowance is for
    # the allocator's arenas and Dask's bookkeeping of a larger graph.
    assert grown["whole"] <= 2 * grown["one"] + 32 * 2**20, grown
