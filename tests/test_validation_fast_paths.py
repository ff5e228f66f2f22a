"""Properties: validation's fast paths find exactly the problems of the thorough ones.

Raw-document validation reads a detected document once (``Format.check_data``) instead of
parsing it again in the format's check; the rules share per-report lookups (``Lookups``) instead
of scanning the report per operation. Each is compared, on seeded mutations of valid documents
(the fuzz driver's) and on generated reports, with the thorough way: the text parsed again by the
format's own check (for STIX, the check as it was written before), the duplicate names found by
comparing every pair of operations. The comparison of a bundle's standard STIX properties with its
extension data writes only those properties again; it is compared with the whole bundle written
again, on bundles of generated reports whose properties were edited.
"""

from __future__ import annotations

import gc
import json
import random
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import Operation, Report, examples, stix
from opsmodel import json as ojson
from opsmodel._formats.builtin import FORMATS
from opsmodel._formats.registry import Piece, as_document_problems, not_an_object, parse_json, read_pieces
from opsmodel._formats.stix.bundle import from_stix
from opsmodel._formats.stix.check import check_bundle, check_bundle_paths, opsmodel_payload
from opsmodel._formats.stix.contradictions import _differences, contradictions, written_flavour
from opsmodel._formats.stix.export import iter_objects
from opsmodel._formats.stix.own import object_paths
from opsmodel.errors import BundleError, Problem
from opsmodel.testing import reports
from opsmodel.validation import Validator, detect_format, iter_document_errors

from . import _bundle_check_before as check_before
from .fuzz.driver import _dumps, _mutate_tree, _nodes


def _seeds() -> dict[str, str]:
    report = examples.load("openai-2024-05")
    bundle = json.loads(stix.dumps(report))
    foreign = [
        {key: value for key, value in obj.items() if key != "extensions"}
        for obj in bundle["objects"]
        if obj["type"] != "extension-definition"
    ]
    return {
        "json": ojson.dumps(report),
        "operation": ojson.dumps(report.operations[0]),
        "stix": stix.dumps(report),
        "stix-opencti": stix.dumps(report, flavour="opencti"),
        "stix-foreign": json.dumps(dict(bundle, objects=foreign)),
    }


SEEDS = _seeds()


def _mutated(kind: str, seed: int) -> str:
    rng = random.Random(seed)
    data = json.loads(SEEDS[kind])
    if rng.random() < 0.1:  # the valid document itself, now and then
        return SEEDS[kind]
    mutated = _mutate_tree(lambda: json.loads(SEEDS[kind]), rng, list(_nodes(data)))
    return _dumps(mutated)  # hostile numbers and nesting written raw


def _thorough_stix(text: str) -> Iterator[Piece]:
    """The STIX check as it was: the text parsed by the check, the bundle checked by ``from_stix`` from scratch."""
    data, broken = parse_json(text)
    refused = broken or not_an_object(data, "a STIX bundle (a JSON object)")
    if refused is not None:
        yield Piece(problems=(refused,))
        return
    piece = read_pieces(lambda: from_stix(data), "OPS005")
    if isinstance(piece.loaded, Report):
        found = as_document_problems("OPS005", contradictions(data, piece.loaded))
        piece = attrs.evolve(piece, problems=(*piece.problems, *found))
    yield piece


def _thorough(text: str) -> list[Problem]:
    """Every problem of a document the thorough way: its format named, so that its own check reads the text again."""
    stix_entry = FORMATS["stix"]
    FORMATS.register(attrs.evolve(stix_entry, check=_thorough_stix, check_data=None), replace=True)
    try:
        return list(iter_document_errors(text, format=detect_format(text)))
    finally:
        FORMATS.register(stix_entry, replace=True)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(kind=st.sampled_from(sorted(SEEDS)), seed=st.integers(0, 2**32 - 1))
def test_raw_documents_give_the_same_problems_read_once_as_read_twice(kind: str, seed: int) -> None:
    text = _mutated(kind, seed)
    assert list(iter_document_errors(text)) == _thorough(text)


def _duplicate_names(report: Report) -> list[tuple[int, int]]:
    """(operation, first operation with its name) by comparing every pair: what OPS308 reports."""
    names = [operation.display_name.casefold().strip() for operation in report.operations]
    return [(i, names.index(name)) for i, name in enumerate(names) if names.index(name) < i]


@st.composite
def _reports_with_shared_names(draw: st.DrawFn) -> Report:
    report = draw(reports(max_operations=6))
    names = draw(
        st.lists(st.sampled_from(["Doppelganger", "doppelganger ", "Spamouflage", "DOPPELGANGER"]), min_size=6, max_size=6)
    )
    operations: list[Operation] = [attrs.evolve(op, name=names[i]) for i, op in enumerate(report.operations)]
    return attrs.evolve(report, operations=operations)


@settings(max_examples=60, deadline=None)
@given(_reports_with_shared_names())
def test_shared_lookups_find_the_duplicate_names_a_pairwise_scan_finds(report: Report) -> None:
    found = list(Validator(select=["OPS308"]).iter_errors(report))
    expected = _duplicate_names(report)
    assert [problem.path.split(".")[1] for problem in found] == [f"operations[{i}]" for i, _ in expected]
    assert [problem.message.split("operations[")[1].split("]")[0] for problem in found] == [str(j) for _, j in expected]


def _contradictions_writing_everything(bundle: Mapping[str, Any], report: Report) -> list[Problem]:
    """The comparison as it was written first: the whole bundle written again, payloads and all.

    (Its flavour is told apart as the comparison does now: extensions that are not an object once stopped it.)
    """
    objects = bundle.get("objects")
    if not isinstance(objects, list):
        return []
    carrying = {
        obj["id"]: (index, obj)
        for index, obj in enumerate(objects)
        if isinstance(obj, dict) and isinstance(obj.get("id"), str) and opsmodel_payload(obj) is not None
    }
    return [
        problem
        for written in iter_objects(report, flavour=written_flavour(objects))
        if written["id"] in carrying
        for problem in _differences(written, *carrying[written["id"]])
    ]


# edits another tool could make to a standard property (values of every JSON kind, equal timestamps written otherwise)
_EDITS = st.sampled_from(["rename", "reverse", "drop-item", "delete", "retime", "number", "none"])


def _edit(obj: dict[str, Any], key: str, edit: str) -> None:
    value = obj.get(key)
    if edit == "delete":
        obj.pop(key, None)
    elif edit == "rename":
        obj[key] = "edited in another tool"
    elif edit == "number":
        obj[key] = 7
    elif edit == "none":
        obj[key] = None
    elif edit == "reverse" and isinstance(value, list):
        obj[key] = list(reversed(value))
    elif edit == "drop-item" and isinstance(value, list) and value:
        obj[key] = value[1:]
    elif edit == "retime" and isinstance(value, str) and value.endswith("Z"):
        obj[key] = value[:-1] + "+00:00"  # the same moment, written otherwise


@st.composite
def _edited_bundles(draw: st.DrawFn) -> tuple[dict[str, Any], Report]:
    report = draw(reports(max_operations=3))
    bundle: dict[str, Any] = json.loads(stix.dumps(report, flavour=draw(st.sampled_from(["stix", "opencti"]))))
    for _ in range(draw(st.integers(0, 6))):
        obj = draw(st.sampled_from(bundle["objects"]))
        key = draw(st.sampled_from(sorted(obj.keys() | {"name", "description", "labels", "aliases", "first_seen"})))
        _edit(obj, key, draw(_EDITS))
    return bundle, report


@settings(max_examples=80, deadline=None)
@given(_edited_bundles())
def test_contradictions_writing_only_the_standard_properties_are_those_of_the_whole_bundle(
    edited: tuple[dict[str, Any], Report],
) -> None:
    bundle, report = edited
    assert list(contradictions(bundle, report)) == _contradictions_writing_everything(bundle, report)


# ---------------------------------------------------------------------------------------------
# The bundle check asks each object's shape (issue 14); before, it tried every property name it
# knows on every object (``tests/_bundle_check_before.py``). Both must give the same objects, or
# the same error with the same problems, in the same order; the paths found on the way must be
# those ``object_paths`` gives.


def _checked(check: Any, bundle: Any) -> tuple[str, Any]:
    try:
        return "objects", check(bundle, within_limits=True)
    except BundleError as exc:
        return "problems", list(exc.problems)


def _same_check(bundle: Any) -> None:
    before = _checked(check_before.check_bundle, bundle)
    assert _checked(check_bundle, bundle) == before
    if before[0] == "objects":
        by_id, paths = check_bundle_paths(bundle, within_limits=True)
        assert by_id == before[1]
        assert {key: paths.get(key, "$") for key in object_paths(bundle)} == object_paths(bundle)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(kind=st.sampled_from(["stix", "stix-opencti", "stix-foreign"]), seed=st.integers(0, 2**32 - 1))
def test_the_bundle_check_by_shapes_finds_what_trying_every_name_found_on_mutated_bundles(kind: str, seed: int) -> None:
    data, broken = parse_json(_mutated(kind, seed))
    if broken is None:
        _same_check(data)


# edits that reach what the check looks at: references, timestamps, ids, versions of one object
_BUNDLE_EDITS = st.sampled_from(
    ["dangling", "bad-ref", "ref-list", "marking", "created-by", "late", "stamp", "twin", "older-twin", "drop", "none"]
)


def _edit_object(objects: list[Any], index: int, edit: str) -> None:
    obj = objects[index]
    if edit == "dangling":
        obj["source_ref"] = "campaign--00000000-0000-4000-8000-000000000000"
    elif edit == "bad-ref":
        obj["created_by_ref"] = ["not", "an id"]
    elif edit == "ref-list":
        obj["object_refs"] = [obj["id"], 7, "report--00000000-0000-4000-8000-000000000000"]
    elif edit == "marking":
        obj["object_marking_refs"] = [obj["id"], "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"]
    elif edit == "created-by":
        obj["created_by_ref"] = obj["id"]
    elif edit == "late":
        obj["first_seen"], obj["last_seen"] = "2024-05-02T00:00:00Z", "2024-05-01T00:00:00Z"
    elif edit == "stamp":
        obj["modified"] = "yesterday"
    elif edit == "twin":  # a later version of the object, then that version again: a duplicate
        twin = dict(obj, modified="2030-01-01T00:00:00.000Z")
        objects.insert(index + 1, twin)
        objects.append(dict(twin))
    elif edit == "older-twin":  # two earlier versions, the last at the end: the paths name the last
        old = "2000-01-01T00:00:00.000Z"
        objects.insert(index + 1, dict(obj, created=old, modified="2000-01-02T00:00:00.000Z"))
        objects.append(dict(obj, created=old, modified="2000-01-03T00:00:00.000Z"))
    elif edit == "drop":
        obj.pop("created", None)
        obj.pop("name", None)
    elif edit == "none":
        obj["spec_version"] = None


@st.composite
def _checked_bundles(draw: st.DrawFn) -> dict[str, Any]:
    report = draw(reports(max_operations=3))
    bundle: dict[str, Any] = json.loads(stix.dumps(report, flavour=draw(st.sampled_from(["stix", "opencti"]))))
    for _ in range(draw(st.integers(0, 4))):
        _edit_object(bundle["objects"], draw(st.integers(0, len(bundle["objects"]) - 1)), draw(_BUNDLE_EDITS))
    return bundle


@settings(max_examples=80, deadline=None)
@given(_checked_bundles())
def test_the_bundle_check_by_shapes_finds_what_trying_every_name_found_on_generated_bundles(bundle: dict[str, Any]) -> None:
    _same_check(bundle)


# ---------------------------------------------------------------------------------------------
# The validator calls each rule's check itself instead of going through ``Rule.problems``.


@settings(max_examples=60, deadline=None)
@given(reports(max_operations=4), st.booleans())
def test_the_validator_finds_what_each_rules_problems_find(report: Report, strict: bool) -> None:
    validator = Validator(strict=strict)
    expected = [
        problem
        for operation, context in validator.contexts(report)
        for rule in validator.rules
        for problem in rule.problems(operation, context, strict=strict)
    ]
    assert list(validator.iter_errors(report)) == expected


def test_raw_documents_are_checked_with_the_collector_paused_but_handed_over_with_it_running() -> None:
    text = _mutated("stix", 3)
    running = []
    for _ in iter_document_errors(text):
        running.append(gc.isenabled())
    assert running
    assert all(running)
    assert gc.isenabled()
