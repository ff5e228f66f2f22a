"""The opsmodel benchmark: one table of like-for-like figures against stix2 and the ``json`` floor.

    python bench/run.py                  # 1,000 and 10,000 operations, medians of 3 rounds
    python bench/run.py --quick          # tiny sizes, one round: a smoke run
    python bench/run.py --only import --sizes 1000 --rounds 5
    nox -s bench -- --quick              # the same, in the bench dependency group's venv

Every side of a figure (opsmodel, stix2, the floor) starts from the same plain data (the seeded
synthetic reports of :mod:`workload`, about 24 STIX objects per operation) and is timed in a
process of its own, so that no side inherits another's warm caches or garbage. The figures are
interleaved (each round runs every figure and side once, in turn) and the table gives the median
of the rounds. Memory is the growth of the process's peak resident size during the timed step
(the JSON Lines figure gives the peak traced by ``tracemalloc`` while streaming instead). Ratios:
``x stix2`` is how many times faster than stix2 opsmodel is; ``x floor`` is opsmodel's time over
the floor's (1.0 is as fast as plain dicts with ``json``; the floor runs with the cyclic collector
paused, as opsmodel's readers and writers do). Nothing is asserted: the targets of
issue 14 are printed after the table, met or not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # run as a script or imported by the tests: the sibling modules
    sys.path.insert(0, str(HERE))

import figures  # noqa: E402

SIDES = ("ours", "stix2", "floor")
COLUMNS = (
    "figure",
    "ops",
    "objects",
    "ours ms",
    "wall ms",
    "us/op",
    "us/obj",
    "peak MiB",
    "stix2 ms",
    "stix2 us/obj",
    "x stix2",
    "floor ms",
    "x floor",
)


def measure(figure: str, side: str, operations: int) -> dict[str, float]:
    """Prepare one side of a figure, time its step once; its seconds and its memory (MiB).

    The step first runs once on two operations, untimed: imports done and code generated on first
    use (decoders, stix2's registries) are paid once per process, not per operation.
    """
    figures.FIGURES[figure][side](2)()
    step = figures.FIGURES[figure][side](operations)
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # The floor is the best plain code can do: it runs with the cyclic collector paused, as
    # opsmodel's readers and writers pause it. Left running, the collector walks the growing heap
    # of a large json.loads and makes the floor look several times slower at 10,000 operations.
    paused = side == "floor" and gc.isenabled()
    if paused:
        gc.disable()
    start, cpu = time.perf_counter(), time.process_time()
    try:
        result = step()
    finally:
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        if paused:
            gc.enable()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kib = 1024 if sys.platform == "darwin" else 1  # ru_maxrss is in bytes on macOS, KiB on Linux
    traced = figure in figures.MEMORY_FIGURES and isinstance(result, int)
    memory = result / 2**20 if traced else (after - before) / kib / 1024
    return {"seconds": seconds, "cpu": cpu, "memory": memory, "objects": figures.objects_per_size(operations)}


def _in_child(figure: str, side: str, operations: int) -> dict[str, float]:
    """:func:`measure` in a fresh interpreter (the same Python, the same environment)."""
    command = [sys.executable, str(HERE / "run.py"), "--child", figure, side, str(operations)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=os.environ.copy())
    measured: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def collect(
    names: Sequence[str], sizes: Sequence[int], rounds: int, *, in_process: bool = False, stix2: int | None = None
) -> dict[tuple[str, int], dict[str, list[dict[str, float]]]]:
    """Every figure's sides at every size, ``rounds`` times, interleaved: (figure, size) -> side -> runs.

    stix2's sides run at the sizes up to ``stix2`` operations (all when None, none when 0).
    """
    runs: dict[tuple[str, int], dict[str, list[dict[str, float]]]] = {}
    for _ in range(rounds):
        for size in sizes:
            for name in names:
                for side in figures.FIGURES[name]:
                    if side == "stix2" and stix2 is not None and size > stix2:
                        continue
                    measured = measure(name, side, size) if in_process else _in_child(name, side, size)
                    # progress, and what a run cut short has measured so far
                    print(f"{name} {side} {size}: {json.dumps(measured)}", file=sys.stderr, flush=True)
                    runs.setdefault((name, size), {}).setdefault(side, []).append(measured)
    return runs


def _median(runs: Iterable[dict[str, float]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def rows(runs: dict[tuple[str, int], dict[str, list[dict[str, float]]]], clock: str = "cpu") -> list[dict[str, Any]]:
    """One row per figure and size: medians (of ``clock``, ``"cpu"`` or ``"seconds"``), per operation and object, ratios."""
    table = []
    for (name, size), sides in runs.items():
        ours = _median(sides["ours"], clock)
        objects = sides["ours"][0]["objects"]
        row: dict[str, Any] = {"figure": name, "ops": size, "objects": int(objects)}
        row["ours ms"] = ours * 1e3
        row["wall ms"] = _median(sides["ours"], "seconds") * 1e3
        row["us/op"] = ours * 1e6 / size
        row["us/obj"] = ours * 1e6 / objects
        row["peak MiB"] = _median(sides["ours"], "memory")
        theirs = _median(sides["stix2"], clock) if "stix2" in sides else None
        floor = _median(sides["floor"], clock) if "floor" in sides else None
        row["stix2 ms"] = None if theirs is None else theirs * 1e3
        row["stix2 us/obj"] = None if theirs is None else theirs * 1e6 / objects
        row["x stix2"] = None if theirs is None else theirs / ours
        row["floor ms"] = None if floor is None else floor * 1e3
        row["x floor"] = None if floor is None else ours / floor
        table.append(row)
    return table


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}" if value < 100 else f"{value:.0f}"
    return str(value)


def render(table: list[dict[str, Any]]) -> str:
    """The rows as one plain-text table (columns :data:`COLUMNS`)."""
    cells = [list(COLUMNS)] + [[_cell(row[column]) for column in COLUMNS] for row in table]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths, strict=True)))
        for line in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _row(table: list[dict[str, Any]], figure: str, size: int) -> dict[str, Any] | None:
    return next((row for row in table if row["figure"] == figure and row["ops"] == size), None)


def targets(table: list[dict[str, Any]], sizes: Sequence[int]) -> list[str]:
    """Issue 14's done-when figures, each with what this run measured (informational: nothing fails)."""
    lines = []
    checks = [
        ("export", "x stix2", ">=", 25.0, "export end to end vs stix2"),
        ("export", "x floor", "<=", 1.0, "export end to end vs plain dicts + json"),
        ("import", "x stix2", ">=", 25.0, "STIX import vs stix2.parse"),
        ("foreign-import", "x stix2", ">=", 15.0, "foreign import vs stix2.parse"),
        ("build", "us/op", "<=", 100.0, "building one operation (us)"),
        ("json-read", "x floor", "<=", 2.0, "JSON read vs json.loads"),
        ("json-write", "x floor", "<=", 1.5, "JSON write vs json.dumps"),
        ("json-read-orjson", "x floor", "<=", 2.0, "JSON read with the orjson extra vs json.loads"),
        ("json-write-orjson", "x floor", "<=", 1.5, "JSON write with the orjson extra vs json.dumps"),
    ]
    for figure, column, sense, goal, what in checks:
        for size in sizes:
            row = _row(table, figure, size)
            if row is None or row[column] is None:
                continue
            value = row[column]
            met = value >= goal if sense == ">=" else value <= goal
            lines.append(
                f"{'met    ' if met else 'not met'}  {what} at {size:,} operations: {value:.2f} (target {sense} {goal:g})"
            )
    validation = _row(table, "validate", 10_000)
    if validation is not None:
        for column in ("ours ms", "wall ms"):
            seconds = validation[column] / 1e3
            clock = "CPU" if column == "ours ms" else "wall"
            lines.append(
                f"{'met    ' if seconds < 5 else 'not met'}  validating a 10,000-operation bundle from text: "
                f"{seconds:.2f} s {clock} (target < 5 s)"
            )
    if len(sizes) > 1:
        small, large = min(sizes), max(sizes)
        for figure in figures.FIGURES:
            low, high = _row(table, figure, small), _row(table, figure, large)
            if low is None or high is None:
                continue
            column = "peak MiB" if figure in figures.MEMORY_FIGURES else "us/obj"
            if low[column]:
                lines.append(
                    f"flatness  {figure}: {column} at {large:,} / at {small:,} operations = {high[column] / low[column]:.2f}"
                )
    return lines


def _machine() -> str:
    cores = os.cpu_count() or 0
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"{platform.node()} ({platform.machine()}, {cores} cores, load {load}), Python {platform.python_version()}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", help="numbers of operations (default 1000 10000)")
    parser.add_argument("--rounds", type=int, help="rounds of every figure, interleaved; the table gives medians (default 3)")
    parser.add_argument("--only", nargs="+", choices=sorted(figures.FIGURES), help="these figures only")
    parser.add_argument("--quick", action="store_true", help="a smoke run: tiny sizes (5 and 20 operations), one round")
    parser.add_argument("--no-stix2", action="store_true", help="leave stix2's sides out")
    parser.add_argument(
        "--stix2-up-to", type=int, metavar="OPERATIONS", help="stix2's sides only up to this size (slow at 10,000)"
    )
    parser.add_argument(
        "--in-process", action="store_true", help="measure in this process (for the smoke test; not like for like)"
    )
    parser.add_argument("--json", type=Path, help="also write the rows to this JSON file")
    parser.add_argument(
        "--clock",
        choices=("cpu", "wall"),
        default="cpu",
        help="what the ms columns and ratios use (default: CPU time, steadier on a shared machine)",
    )
    parser.add_argument("--child", nargs=3, metavar=("FIGURE", "SIDE", "OPERATIONS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        figure, side, operations = args.child
        try:
            print(json.dumps(measure(figure, side, int(operations))))
        finally:
            figures.clean_up()
        return 0
    sizes = args.sizes or ([5, 20] if args.quick else [1_000, 10_000])
    rounds = args.rounds or (1 if args.quick else 3)
    names = args.only or list(figures.FIGURES)
    import opsmodel

    started = dt.datetime.now(dt.timezone.utc)
    print(f"opsmodel {opsmodel.__version__} on {_machine()}; {started:%Y-%m-%d %H:%M} UTC")
    print(f"sizes {', '.join(f'{size:,}' for size in sizes)} operations; median of {rounds} round(s), one process per figure")
    given = os.environ.get("OPSMODEL_BENCH_CACHE")
    with tempfile.TemporaryDirectory(prefix="opsmodel-bench-cache-") as cache:
        os.environ["OPSMODEL_BENCH_CACHE"] = given or cache  # the inputs, made once per run for every process
        try:
            stix2 = 0 if args.no_stix2 else args.stix2_up_to
            runs = collect(names, sizes, rounds, in_process=args.in_process, stix2=stix2)
        finally:
            figures.clean_up()
            if given is None:
                del os.environ["OPSMODEL_BENCH_CACHE"]
    table = rows(runs, "cpu" if args.clock == "cpu" else "seconds")
    clock = "CPU time of the process" if args.clock == "cpu" else "wall time"
    print(f"ms columns and ratios: {clock}; 'wall ms' is opsmodel's wall time")
    print(render(table))
    print()
    print("\n".join(targets(table, sizes)))
    if args.json:
        args.json.write_text(
            json.dumps({"machine": _machine(), "started": f"{started:%Y-%m-%dT%H:%MZ}", "rows": table}, indent=1)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
