"""The benchmark harness (bench/run.py) in its quick mode on tiny sizes, so that it does not rot.

Only the table's shape is checked: every figure at every size, with numbers where numbers belong.
Times are never asserted.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ._stix_judges import register

BENCH = Path(__file__).resolve().parents[1] / "bench"
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def _harness() -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("opsmodel_bench_run", BENCH / "run.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _table(text: str, columns: tuple[str, ...]) -> list[list[str]]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.split()[:2] == list(columns[:2]))
    rows = []
    for line in lines[start + 2 :]:
        if not line.strip():
            break
        rows.append(line.split())
    assert lines[start].split() == [word for column in columns for word in column.split()]
    return rows


@pytest.mark.slow
def test_quick_run_prints_every_figure_at_every_size(capsys: pytest.CaptureFixture[str]) -> None:
    register()  # stix2 registers an extension once per process: the judges' registration, which the harness reuses
    run = _harness()
    assert run.main(["--quick", "--in-process", "--sizes", "2", "3"]) == 0
    rows = _table(capsys.readouterr().out, run.COLUMNS)
    figures = sys.modules["figures"].FIGURES
    assert [(row[0], row[1]) for row in rows] == [(name, size) for size in ("2", "3") for name in figures]
    for row in rows:
        assert len(row) == len(run.COLUMNS)
        assert all(NUMBER.match(cell) for cell in row[1:7]), row  # opsmodel's side is always measured
        assert ("stix2" in figures[row[0]]) == (row[9] != "-"), row
        assert ("floor" in figures[row[0]]) == (row[11] != "-"), row


@pytest.mark.slow
def test_one_process_per_figure(capsys: pytest.CaptureFixture[str]) -> None:
    run = _harness()
    assert run.main(["--only", "json-read", "--sizes", "2", "--rounds", "1"]) == 0
    (row,) = _table(capsys.readouterr().out, run.COLUMNS)
    assert row[:3] == ["json-read", "2", str(sys.modules["figures"].objects_per_size(2))]
    assert NUMBER.match(row[-1])  # the floor ran in its own process too
