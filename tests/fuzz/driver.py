"""Drive every reader with mutated valid documents and random bytes; fail on any error that is not opsmodel's.

Run it as ``python -m tests.fuzz.driver --seconds 180 --seed 1`` (the ``fuzz`` nox session does).
Each input is a valid document in one of the formats opsmodel reads (the bundled example written
in that format, or a slice of a published catalogue), mutated with knowledge of its structure (a
value replaced by one of another type, a hostile number, string or nesting; a key dropped; a list
emptied) so that most inputs get past the first checks and reach the importers; some are byte
mutations of the text and some random bytes. Every reader may refuse an input only with an
:class:`opsmodel.errors.OpsmodelError`; anything else is a finding, printed with the input that
caused it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from opsmodel import examples, misp, stix, taxonomy
from opsmodel import json as ojson
from opsmodel._cli import main as cli_main
from opsmodel._core.limits import loads_json
from opsmodel.errors import OpsmodelError
from opsmodel.validation import iter_document_errors

DATA = Path(__file__).resolve().parents[1] / "data"

Reader = Callable[[Any], object]


def _catalogue_slice(path: Path, key: str, keep: int) -> Any:
    data = json.loads(path.read_text(encoding="utf-8"))
    data[key] = data[key][:keep]
    return data


def _disarm_slice() -> Any:
    # the whole DISARM bundle is 850 KB: keep the matrix, the tactics and a few techniques
    bundle = json.loads((DATA / "disarm" / "DISARM-v1.6.json").read_text(encoding="utf-8"))
    kinds = Counter[str]()
    kept = []
    for obj in bundle["objects"]:
        kinds[obj.get("type")] += 1
        if obj.get("type") != "attack-pattern" or kinds["attack-pattern"] <= 12:
            kept.append(obj)
    bundle["objects"] = kept
    return bundle


def seeds() -> dict[str, str]:
    """The valid document each reader starts from, as text."""
    report = examples.load("openai-2024-05")
    lines = io.StringIO()
    ojson.dump_lines(report.operations, lines)
    csv = (DATA / "meta-ookc" / "Online_Operations_Killchain-TTPs.csv").read_text(encoding="utf-8")
    return {
        "json": ojson.dumps(report),
        "jsonl": lines.getvalue(),
        "stix": stix.dumps(report),
        "stix-opencti": stix.dumps(report, flavour="opencti"),
        "misp-event": misp.dumps(report),
        "navigator": json.dumps(taxonomy.to_layer(report)),
        "disarm-stix": json.dumps(_disarm_slice()),
        "misp-galaxy": json.dumps(
            _catalogue_slice(DATA / "disarm" / "misp-galaxy" / "cluster-disarm-techniques.json", "values", 12)
        ),
        "meta-csv": "\n".join(csv.splitlines()[:25]) + "\n",
        "bytes": "",
    }


def _lines(text: str) -> None:
    for _ in ojson.load_lines(io.StringIO(text)):
        pass


def _import_stix(text: str) -> object:
    try:
        data = loads_json(text)  # the reader's own JSON reading, with its limits
    except json.JSONDecodeError:
        return None  # not JSON: import_stix takes parsed data
    return stix.import_stix(data)


def _validate(text: str) -> None:
    for _ in iter_document_errors(text):
        pass


def _catalogue(parse: Callable[..., object]) -> Reader:
    scratch = Path(tempfile.mkdtemp(prefix="opsmodel-fuzz-"))

    def read(text: str) -> object:
        # through the file loader: its size and depth limits, its JSON reading and the parser
        target = scratch / "input.json"
        target.write_text(text, encoding="utf-8", errors="surrogatepass")
        taxonomy.clear_cache()
        return parse(target)

    return read


def _cli() -> Reader:
    """``opsmodel validate`` and ``opsmodel convert`` on the input: exit 0, 1 or 2 and no "unexpected" error."""
    scratch = Path(tempfile.mkdtemp(prefix="opsmodel-fuzz-cli-"))

    def run_cli(text: str | bytes) -> object:
        source = scratch / "input.json"
        source.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        for args in (["validate", str(source)], ["convert", str(source), str(scratch / "out.json"), "--to", "stix"]):
            errors = io.StringIO()
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(errors):
                try:
                    code: Any = cli_main(args)
                except SystemExit as exc:  # argparse's usage errors (a layer cannot be converted): exit 2
                    code = exc.code
            if code not in (0, 1, 2) or "unexpected" in errors.getvalue() or "Traceback" in errors.getvalue():
                raise AssertionError(f"opsmodel {args[0]}: exit {code}: {errors.getvalue()[:300]}")
        return None

    return run_cli


def readers() -> dict[str, list[tuple[str, Reader]]]:
    """For each seed, the readers that take it."""
    return {
        "json": [("json.loads", ojson.loads), ("validate", _validate)],
        "jsonl": [("json.load_lines", _lines), ("validate", _validate)],
        "stix": [("stix.loads", stix.loads), ("validate", _validate)],
        "stix-opencti": [("stix.loads", stix.loads), ("stix.import_stix", _import_stix)],
        "misp-event": [("misp.loads", misp.loads)],
        "navigator": [("taxonomy.from_layer", taxonomy.from_layer), ("validate", _validate)],
        "disarm-stix": [("taxonomy.load_disarm_stix", _catalogue(taxonomy.load_disarm_stix))],
        "misp-galaxy": [("taxonomy.load_misp_galaxy", _catalogue(taxonomy.load_misp_galaxy))],
        "meta-csv": [("taxonomy.parse_meta_csv", taxonomy.parse_meta_csv)],
        "bytes": [("json.loads", ojson.loads), ("stix.loads", stix.loads), ("misp.loads", misp.loads), ("validate", _validate)],
        "cli": [("cli", _cli())],
    }


# ---------------------------------------------------------------------------------------------
# Mutations


class Raw:
    """A piece of JSON text put in as it is (numbers Python cannot write, unbalanced nesting)."""

    def __init__(self, text: str) -> None:
        self.text = text


def _dumps(data: Any) -> str:
    raws: list[str] = []

    def placeholder(value: Any) -> str:
        raws.append(value.text)
        return f"@@raw{len(raws) - 1}@@"

    text = json.dumps(data, default=placeholder)
    for index, raw in enumerate(raws):
        text = text.replace(f'"@@raw{index}@@"', raw)
    return text


HOSTILE: tuple[Callable[[random.Random], Any], ...] = (
    lambda r: None,
    lambda r: True,
    lambda r: 1,
    lambda r: -1,
    lambda r: 0,
    lambda r: 1.5,
    lambda r: 1e308,
    lambda r: Raw("1" + "0" * 400),
    lambda r: Raw("1" + "0" * 5000),
    lambda r: Raw("1e400"),
    lambda r: Raw("[" * 100_000),
    lambda r: Raw("[" * 5000 + "]" * 5000),
    lambda r: "",
    lambda r: " ",
    lambda r: "\ud800",
    lambda r: "x" * r.choice((300, 140_000)),
    lambda r: [],
    lambda r: {},
    lambda r: [1],
    lambda r: {"a": 1},
    lambda r: ["x"],
    lambda r: json.loads("[" * 200 + "]" * 200),
    lambda r: "2024-02-30T00:00:00Z",
    lambda r: "0001-01-01T00:00:00Z",
    lambda r: "9999-12-31T23:59:59.999Z",
    lambda r: "campaign--00000000-0000-0000-0000-000000000000",
    lambda r: "report--" + "0" * 36,
    lambda r: "T0001",
    lambda r: "99999999999999999999999999999m",
    lambda r: "en",
)


def _nodes(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    stack = [(data, path)]
    while stack:
        node, where = stack.pop()
        yield where
        if isinstance(node, dict):
            stack.extend((value, (*where, key)) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, (*where, index)) for index, value in enumerate(node))


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def _mutate_tree(fresh: Callable[[], Any], rng: random.Random, nodes: list[tuple[Any, ...]]) -> Any:
    mutated = fresh()
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        path = rng.choice(nodes)
        if not path:
            return rng.choice(HOSTILE)(rng)
        try:  # an earlier mutation may have replaced a node on the way
            parent = _parent(mutated, path)
            key = path[-1]
            current = parent[key]
        except (KeyError, IndexError, TypeError):
            continue
        if not isinstance(parent, (dict, list)):  # a string now stands where the node was
            continue
        action = rng.random()
        if action < 0.6:
            parent[key] = rng.choice(HOSTILE)(rng)
        elif action < 0.75 and isinstance(parent, dict):
            del parent[key]
        elif action < 0.85 and isinstance(current, str) and current:
            cut = rng.randrange(len(current))
            parent[key] = current[:cut] + rng.choice(("", "-", "9", "\x00", "é", "--")) + current[cut + 1 :]
        elif isinstance(current, (list, dict)):
            parent[key] = type(current)()
        else:
            parent[key] = [current]
    return mutated


def _mutate_bytes(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        if not chars:
            break
        at = rng.randrange(len(chars))
        choice = rng.random()
        if choice < 0.4:
            del chars[at]
        elif choice < 0.8:
            chars.insert(at, rng.choice('{}[]",:0123456789e-.\\ntu\x00\ud800'))
        else:
            del chars[at:]
    return "".join(chars)


def _mutate_csv(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    at = rng.randrange(len(lines))
    cells = lines[at].split(",")
    cell = rng.randrange(len(cells))
    cells[cell] = rng.choice(('"' + "x" * 140_000 + '"', "", '"', '"a\nb"', "9.9.9.9", "1", "x" * 300, "\x00", "0.1"))
    lines[at] = ",".join(cells)
    if rng.random() < 0.2:
        del lines[rng.randrange(len(lines))]
    return "\n".join(lines)


def _random_text(rng: random.Random) -> str:
    return bytes(rng.randrange(256) for _ in range(rng.randrange(64))).decode("utf-8", errors="replace")


class Inputs:
    """Endless mutated inputs for one seed."""

    def __init__(self, kind: str, text: str) -> None:
        self.kind = kind
        self.text = text
        self.data: Any = None
        if kind == "bytes":
            self.nodes = []
            return
        if kind == "jsonl":
            self.data = [json.loads(line) for line in text.splitlines()]
        elif kind != "meta-csv":
            self.data = json.loads(text)
        self.nodes = list(_nodes(self.data)) if self.data is not None else []
        self.plain = json.dumps(self.data)

    def fresh(self) -> Any:
        """A new copy of the seed's data to mutate (parsing is much faster than copy.deepcopy)."""
        return json.loads(self.plain)

    def next(self, rng: random.Random) -> str | bytes:
        if self.kind == "bytes":
            prefix = rng.choice((b"", b"\xef\xbb\xbf", b"\xff\xfe", b"{", b"["))
            return prefix + bytes(rng.randrange(256) for _ in range(rng.randrange(128)))
        roll = rng.random()
        if roll < 0.05:
            return _random_text(rng)
        if roll < 0.20:
            return _mutate_bytes(self.text, rng)
        if self.kind == "meta-csv":
            return _mutate_csv(self.text, rng)
        mutated = _mutate_tree(self.fresh, rng, self.nodes)
        if self.kind == "jsonl" and isinstance(mutated, list):
            return "\n".join(_dumps(line) for line in mutated) + "\n"
        return _dumps(mutated)


Findings = dict[tuple[str, str, str], str]


def fuzz(seconds: float, seed: int, minimum: int) -> tuple[Counter[str], Findings]:
    """Fuzz for about ``seconds`` (and at least ``minimum`` inputs): the inputs per reader, and the findings."""
    rng = random.Random(seed)
    plan = readers()
    inputs = {kind: Inputs(kind, text) for kind, text in seeds().items()}
    counts: Counter[str] = Counter()
    findings: Findings = {}
    kinds = list(plan)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline or counts.total() < minimum:
        for _ in range(50):
            kind = rng.choice(kinds)
            # the command line reads any document: give it the mutated documents of the formats it detects
            source = rng.choice(("json", "jsonl", "stix", "navigator")) if kind == "cli" else kind
            text = inputs[source].next(rng)
            for name, read in plan[kind]:
                counts[name] += 1
                try:
                    read(text)
                except OpsmodelError:
                    pass
                except Exception as exc:
                    frame = traceback.extract_tb(exc.__traceback__)[-1]
                    key = (name, type(exc).__name__, f"{Path(frame.filename).name}:{frame.lineno}")
                    findings.setdefault(key, repr(text[:300]))
    return counts, findings


def _worker(job: tuple[float, int, int]) -> tuple[Counter[str], Findings]:
    return fuzz(*job)


def run(seconds: float, seed: int, minimum: int, out: Any = sys.stdout, jobs: int = 1) -> int:
    """Fuzz in ``jobs`` processes (seeds ``seed``, ``seed + 1``...), print the counts; return the number of findings."""
    work = [(seconds, seed + job, -(-minimum // jobs)) for job in range(jobs)]
    if jobs == 1:
        results = [fuzz(*work[0])]
    else:
        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            results = pool.map(_worker, work)
    counts: Counter[str] = Counter()
    findings: Findings = {}
    for done, found in results:
        counts.update(done)
        for key, text in found.items():
            findings.setdefault(key, text)
    for name, count in sorted(counts.items()):
        print(f"{name:28} {count:8} inputs", file=out)
    print(f"{'total':28} {counts.total():8} inputs, {len(findings)} finding(s)", file=out)
    for (name, kind, where), text in sorted(findings.items()):
        print(f"FOUND {name}: {kind} at {where}; input starts {text[:160]}", file=out)
    return len(findings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=120.0, help="run for about this long")
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--minimum", type=int, default=100_000, help="run at least this many inputs")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (each with its own seed)")
    args = parser.parse_args(argv)
    return 1 if run(args.seconds, args.seed, args.minimum, jobs=max(1, args.jobs)) else 0


if __name__ == "__main__":
    sys.exit(main())
