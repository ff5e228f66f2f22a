"""The public API: what each public module exports, where its classes say they live, and its changes.

``public_api.json`` holds the API as it is (``current``) and as it was when the layered layout
began (``baseline``, commit d52049a, before ``opsmodel.errors`` existed). A change to any public
``__all__`` fails here until the snapshot is updated, and every name added or removed since the
baseline must be mentioned in backticks in CHANGELOG.md. To update the snapshot after an intended
change, run ``python tests/test_public_api.py`` and commit the file it rewrites.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import pickle
import re
import sys
import typing
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opsmodel
from opsmodel import corpus, errors, examples, misp, stix, taxonomy, testing, validation
from opsmodel import json as ops_json
from opsmodel._core.exports import publish

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = Path(__file__).with_name("public_api.json")
PUBLIC_MODULES = [
    "opsmodel",
    "opsmodel.corpus",
    "opsmodel.errors",
    "opsmodel.examples",
    "opsmodel.json",
    "opsmodel.stix",
    "opsmodel.taxonomy",
    "opsmodel.testing",
    "opsmodel.validation",
]


def current_api() -> dict[str, list[str]]:
    return {name: sorted(importlib.import_module(name).__all__) for name in PUBLIC_MODULES}


def exported_classes() -> list[tuple[str, str, type]]:
    """(module, name, class) for every class a public module exports."""
    found = []
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, type):
                found.append((module_name, name, value))
    return found


# ---------------------------------------------------------------------------------------------
# The snapshot and the changelog


def test_the_api_matches_the_snapshot() -> None:
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert current_api() == snapshot["current"], "the public API changed: run `python tests/test_public_api.py`"


def test_every_name_added_or_removed_since_the_baseline_is_in_the_changelog() -> None:
    baseline = json.loads(SNAPSHOT.read_text(encoding="utf-8"))["baseline"]
    # Entries not yet merged into CHANGELOG.md wait in changelog.d/, one file per area.
    pages = [ROOT / "CHANGELOG.md", *sorted((ROOT / "changelog.d").glob("*.md"))]
    mentioned = {name for page in pages for name in re.findall(r"`([^`]+)`", page.read_text(encoding="utf-8"))}
    missing = []
    for module_name, names in current_api().items():
        before = set(baseline.get(module_name, []))
        for name in sorted(before.symmetric_difference(names)):
            short = module_name.removeprefix("opsmodel").lstrip(".")
            spellings = {name, f"{module_name}.{name}", f"{short}.{name}"}
            if not spellings & mentioned:
                missing.append(f"{module_name}.{name}")
    assert not missing, f"not mentioned in CHANGELOG.md: {missing}"


def test_every_exported_name_exists_once() -> None:
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        assert len(set(module.__all__)) == len(module.__all__), module_name
        for name in module.__all__:
            assert hasattr(module, name), f"{module_name}.{name}"


# ---------------------------------------------------------------------------------------------
# Every exported class names a public home


@pytest.mark.parametrize(("module_name", "name", "cls"), exported_classes(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_exported_class_names_a_public_module_that_exports_it(module_name: str, name: str, cls: type) -> None:
    home = cls.__module__
    assert home in PUBLIC_MODULES, f"{module_name}.{name} says it lives in {home}"
    assert cls.__qualname__ in sys.modules[home].__all__
    assert getattr(sys.modules[home], cls.__qualname__) is cls


def test_the_errors_of_the_core_live_in_opsmodel_errors() -> None:
    for name in errors.__all__:
        value = getattr(errors, name)
        if isinstance(value, type):
            assert value.__module__ == "opsmodel.errors", name


def test_publishing_keeps_annotations_resolvable(monkeypatch: pytest.MonkeyPatch) -> None:
    # A class whose annotations name things only its private module knows, published elsewhere.
    private = ModuleType("opsmodel._private_example")
    exec(
        "from __future__ import annotations\n"
        "import attrs, datetime as dt\n"
        "Moment = dt.datetime\n"
        "@attrs.frozen\n"
        "class Thing:\n"
        "    when: Moment | None = None\n",
        private.__dict__,
    )
    public = ModuleType("opsmodel.public_example")
    public.Thing = private.Thing  # type: ignore[attr-defined]
    public.__all__ = ["Thing"]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, private.__name__, private)
    monkeypatch.setitem(sys.modules, public.__name__, public)
    publish(public.__name__)
    assert private.Thing.__module__ == "opsmodel.public_example"
    assert typing.get_type_hints(private.Thing) == {"when": dt.datetime | None}
    assert attrs.fields(private.Thing).when.type == dt.datetime | None


def test_classes_pickle_by_their_public_path() -> None:
    for _module_name, _name, cls in exported_classes():
        assert pickle.loads(pickle.dumps(cls)) is cls
        assert b"opsmodel._" not in pickle.dumps(cls)


@pytest.mark.property
@settings(max_examples=40)
@given(st.sampled_from(sorted(testing.STRATEGIES, key=lambda cls: cls.__name__)).flatmap(lambda cls: testing.STRATEGIES[cls]()))
def test_model_values_pickle_by_their_public_path(value: Any) -> None:
    data = pickle.dumps(value)
    assert b"opsmodel._" not in data
    assert pickle.loads(data) == value


# ---------------------------------------------------------------------------------------------
# Every exception class pickles with its problems


def _raised(call: Callable[[], object]) -> BaseException:
    try:
        call()
    except Exception as exc:
        return exc
    raise AssertionError("no error raised")  # pragma: no cover - the samples below all fail


def _two_reports_with_one_id() -> corpus.Corpus:
    openai = examples.load("openai-2024-05")
    return corpus.Corpus([openai, attrs.evolve(examples.load("meta-2024-q1"), id=openai.id)])


# Exceptions whose constructor takes more than a message, raised the way users meet them; any
# other exception class is built from a message alone.
SAMPLES: dict[str, Callable[[], BaseException]] = {
    "FieldError": lambda: _raised(lambda: opsmodel.Country(code="Narnia")),
    "ParseError": lambda: _raised(lambda: opsmodel.parse_date("soonish")),
    "DocumentError": lambda: _raised(lambda: ops_json.loads("{}")),
    "BundleError": lambda: _raised(lambda: stix.from_stix({"type": "bundle"})),
    "LimitError": lambda: errors.LimitError(errors.Problem(code="too-deep", path="$[0]", message="nested too deeply")),
    "MispError": lambda: _raised(lambda: misp.loads("{")),
    "CorpusError": lambda: _raised(lambda: _two_reports_with_one_id().records()),
    "UnknownEntryError": lambda: taxonomy.UnknownEntryError("no technique 'T9999'", "T9999"),
    "UnknownExampleError": lambda: _raised(lambda: examples.load("nothing")),
    "ValidationError": lambda: _raised(
        lambda: validation.validate(
            opsmodel.Operation(id="x", name="X", targets=[opsmodel.Target(place="RU", sources=["nowhere"])])
        )
    ),
}


def exception_classes() -> list[type[BaseException]]:
    found = {cls for _module, _name, cls in exported_classes() if issubclass(cls, BaseException)}
    return sorted(found, key=lambda cls: cls.__name__)


@pytest.mark.parametrize(
    "cls",
    exception_classes(),
    ids=lambda cls: cls.__name__,
)
def test_every_exception_class_pickles_with_its_problems(cls: type[BaseException]) -> None:
    sample = SAMPLES.get(cls.__name__, lambda: cls("something went wrong"))()
    assert type(sample) is cls
    again = pickle.loads(pickle.dumps(sample))
    assert type(again) is cls
    assert str(again) == str(sample)
    assert isinstance(sample, errors.OpsmodelError)
    assert isinstance(again, errors.OpsmodelError)
    assert again.problems == sample.problems


def _write_snapshot() -> None:
    snapshot = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    snapshot["current"] = current_api()
    SNAPSHOT.write_text(json.dumps(snapshot, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    _write_snapshot()
