"""The figures of the benchmark: for each, how opsmodel, stix2 and the floor do the same work.

Every side of a figure is a *preparation*: given a number of operations, it builds its inputs
from the anchor workload (:mod:`workload`), untimed, and returns the step to time. The floor is
the same work done on plain dicts with the ``json`` module, the cost no library can go under.
:mod:`run` times each step in a process of its own.
"""

from __future__ import annotations

import copy
import functools
import gc
import json
import os
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import workload

Step = Callable[[], object]
Prepare = Callable[[int], Step]


@functools.cache
def plain(operations: int) -> dict[str, Any]:
    """The anchor workload's plain data for ``operations`` operations."""
    return workload.report(operations)


def _report(operations: int) -> Any:
    from opsmodel import Report
    from opsmodel import json as ojson

    return ojson.from_dict(copy.deepcopy(plain(operations)), Report)


def _cached(name: str, operations: int, make: Callable[[], str]) -> str:
    """A text the workload gives, kept in ``OPSMODEL_BENCH_CACHE`` (set by :mod:`run`) for the next processes."""
    folder = os.environ.get("OPSMODEL_BENCH_CACHE")
    if not folder:
        return make()
    path = Path(folder) / f"{name}-{operations}.json"
    if not path.exists():
        text = make()
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)  # atomic: another process never reads half a file
    return path.read_text(encoding="utf-8")


@functools.cache
def _bundle_text(operations: int) -> str:
    from opsmodel import stix

    return _cached("bundle", operations, lambda: str(stix.dumps(_report(operations))))


def stix_objects(operations: int) -> list[dict[str, Any]]:
    """The STIX objects opsmodel's mapping gives for the workload: stix2's input, computed before timing."""
    objects: list[dict[str, Any]] = json.loads(_bundle_text(operations))["objects"]
    return objects


def _foreign_objects(operations: int) -> list[dict[str, Any]]:
    """The same objects without opsmodel's extension: what stix2, or any other tool, writes."""
    objects = []
    for obj in stix_objects(operations):
        if obj["type"] == "extension-definition":
            continue
        objects.append({key: value for key, value in obj.items() if key != "extensions"})
    return objects


@functools.cache
def _foreign_text(operations: int) -> str:
    objects = _foreign_objects(operations)
    return json.dumps({"type": "bundle", "id": "bundle--0b5c2b6c-8fa1-4b8e-9c5c-1a7f0e0e7a11", "objects": objects})


def _rebuilt(value: Any) -> Any:
    """Plain data built again, dict by dict: the floor of building anything from the workload."""
    if isinstance(value, dict):
        return {key: _rebuilt(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_rebuilt(item) for item in value]
    return value


# ---------------------------------------------------------------------------------------------
# stix2: its classes, with opsmodel's extension registered so that it checks it as it would a
# known one (allow_custom=False throughout)


@functools.cache
def _stix2_classes() -> dict[str, Any]:
    import stix2
    from stix2.properties import BooleanProperty, DictionaryProperty, ListProperty, ReferenceProperty
    from stix2.registry import STIX2_OBJ_MAPS

    from opsmodel import stix

    classes = {cls._type: cls for cls in vars(stix2.v21).values() if isinstance(cls, type) and hasattr(cls, "_type")}
    if stix.EXTENSION_ID in STIX2_OBJ_MAPS["2.1"]["extensions"]:  # registered already (by the tests' STIX judges)
        return classes

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

    return classes


def _stix2_build(objects: list[dict[str, Any]]) -> list[Any]:
    classes = _stix2_classes()
    return [classes[obj["type"]](allow_custom=False, **obj) for obj in objects]


# ---------------------------------------------------------------------------------------------
# build: plain data -> objects


def build_ours(operations: int) -> Step:
    from opsmodel import Report
    from opsmodel import json as ojson

    data = plain(operations)
    return lambda: ojson.from_dict(data, Report)


def build_stix2(operations: int) -> Step:
    objects = stix_objects(operations)
    _stix2_classes()
    return lambda: _stix2_build(objects)


def build_floor(operations: int) -> Step:
    data = plain(operations)
    return lambda: _rebuilt(data)


# ---------------------------------------------------------------------------------------------
# export end to end: plain data -> objects -> bundle text


def export_ours(operations: int) -> Step:
    from opsmodel import Report, stix
    from opsmodel import json as ojson

    data = plain(operations)
    return lambda: stix.dumps(ojson.from_dict(data, Report))


def export_stix2(operations: int) -> Step:
    import stix2

    objects = stix_objects(operations)
    _stix2_classes()
    return lambda: str(stix2.v21.Bundle(_stix2_build(objects), allow_custom=False).serialize())


def export_floor(operations: int) -> Step:
    objects = stix_objects(operations)
    return lambda: json.dumps({"type": "bundle", "objects": _rebuilt(objects)}, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------
# STIX import: our own bundle, and a bundle without our extension (foreign)


def import_ours(operations: int) -> Step:
    from opsmodel import stix

    text = _bundle_text(operations)
    return lambda: stix.loads(text)


def import_stix2(operations: int) -> Step:
    import stix2

    text = _bundle_text(operations)
    _stix2_classes()
    return lambda: stix2.parse(text, allow_custom=False)


def import_floor(operations: int) -> Step:
    text = _bundle_text(operations)
    return lambda: json.loads(text)


def foreign_ours(operations: int) -> Step:
    from opsmodel import stix

    text = _foreign_text(operations)
    return lambda: stix.import_stix(json.loads(text))


def foreign_stix2(operations: int) -> Step:
    import stix2

    text = _foreign_text(operations)
    return lambda: stix2.parse(text, allow_custom=False)


def foreign_floor(operations: int) -> Step:
    text = _foreign_text(operations)
    return lambda: json.loads(text)


# ---------------------------------------------------------------------------------------------
# opsmodel JSON against json on the same document


@functools.cache
def _json_text(operations: int) -> str:
    from opsmodel import json as ojson

    return _cached("document", operations, lambda: str(ojson.dumps(_report(operations))))


def _json_path(orjson: bool) -> None:
    """The standard library's path, or orjson's where it is installed (the ``orjson`` figures)."""
    from opsmodel._core import jsontext

    jsontext.use_orjson(orjson)


def json_write_ours(operations: int) -> Step:
    from opsmodel import json as ojson

    _json_path(orjson=False)
    report = _report(operations)
    return lambda: ojson.dumps(report)


def json_write_orjson(operations: int) -> Step:
    _json_path(orjson=True)
    from opsmodel import json as ojson

    report = _report(operations)
    return lambda: ojson.dumps(report)


def json_write_floor(operations: int) -> Step:
    data = json.loads(_json_text(operations))
    return lambda: json.dumps(data, indent=2, ensure_ascii=False)


def json_read_ours(operations: int) -> Step:
    from opsmodel import json as ojson

    _json_path(orjson=False)
    text = _json_text(operations)
    return lambda: ojson.loads(text)


def json_read_orjson(operations: int) -> Step:
    from opsmodel import json as ojson

    _json_path(orjson=True)
    text = _json_text(operations)
    return lambda: ojson.loads(text)


def json_read_floor(operations: int) -> Step:
    text = _json_text(operations)
    return lambda: json.loads(text)


# ---------------------------------------------------------------------------------------------
# JSON Lines memory: the peak traced while writing and reading a corpus as a stream (bytes)


def jsonl_memory_ours(operations: int) -> Step:
    from opsmodel import json as ojson

    report = _report(operations)

    def stream() -> int:
        gc.collect()
        tracemalloc.start()
        try:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "corpus.jsonl"
                with path.open("w", encoding="utf-8") as handle:
                    ojson.dump_lines(iter(report.operations), handle)
                write_peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.reset_peak()
                with path.open(encoding="utf-8") as handle:
                    for _ in ojson.load_lines(handle):
                        pass
                read_peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        return max(write_peak, read_peak)

    return stream


# ---------------------------------------------------------------------------------------------
# validation of a bundle from text


def validate_ours(operations: int) -> Step:
    from opsmodel.validation import iter_document_errors

    text = _bundle_text(operations)
    return lambda: list(iter_document_errors(text))


def validate_floor(operations: int) -> Step:
    text = _bundle_text(operations)
    return lambda: json.loads(text)


# ---------------------------------------------------------------------------------------------
# corpus load: a folder of opsmodel JSON reports (ten reports sharing the operations)

_FOLDERS: dict[int, tempfile.TemporaryDirectory[str]] = {}


def _corpus_folder(operations: int) -> Path:
    if operations not in _FOLDERS:
        from opsmodel import Report
        from opsmodel import json as ojson

        folder = tempfile.TemporaryDirectory(prefix="opsmodel-bench-")
        _FOLDERS[operations] = folder
        data = plain(operations)
        reports = 10 if operations >= 10 else 1
        share = -(-operations // reports)
        for index in range(reports):
            part = dict(data, id=f"synthetic-{index}", operations=data["operations"][index * share : (index + 1) * share])
            text = ojson.dumps(ojson.from_dict(copy.deepcopy(part), Report))
            (Path(folder.name) / f"report-{index}.json").write_text(text, encoding="utf-8")
    return Path(_FOLDERS[operations].name)


def clean_up() -> None:
    """Remove the corpus folders made for the figures."""
    while _FOLDERS:
        _FOLDERS.popitem()[1].cleanup()


def corpus_ours(operations: int) -> Step:
    from opsmodel.corpus import Corpus

    folder = _corpus_folder(operations)
    return lambda: len(Corpus.from_folder(folder))


def corpus_floor(operations: int) -> Step:
    folder = _corpus_folder(operations)
    return lambda: [json.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.json"))]


#: figure -> side -> preparation; the sides are ``ours``, ``stix2`` and ``floor``.
FIGURES: dict[str, dict[str, Prepare]] = {
    "build": {"ours": build_ours, "stix2": build_stix2, "floor": build_floor},
    "export": {"ours": export_ours, "stix2": export_stix2, "floor": export_floor},
    "import": {"ours": import_ours, "stix2": import_stix2, "floor": import_floor},
    "foreign-import": {"ours": foreign_ours, "stix2": foreign_stix2, "floor": foreign_floor},
    "json-write": {"ours": json_write_ours, "floor": json_write_floor},
    "json-read": {"ours": json_read_ours, "floor": json_read_floor},
    # the same with the orjson extra (the standard library's path where it is not installed)
    "json-write-orjson": {"ours": json_write_orjson, "floor": json_write_floor},
    "json-read-orjson": {"ours": json_read_orjson, "floor": json_read_floor},
    "jsonl-memory": {"ours": jsonl_memory_ours},
    "validate": {"ours": validate_ours, "floor": validate_floor},
    "corpus-load": {"ours": corpus_ours, "floor": corpus_floor},
}

#: Figures whose step returns a peak of traced memory in bytes (what they measure), not a result.
MEMORY_FIGURES = frozenset({"jsonl-memory"})


def objects_per_size(operations: int) -> int:
    """How many STIX objects the workload's bundle holds (the 'per object' of every figure)."""
    return len(stix_objects(operations))
