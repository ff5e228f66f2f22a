"""Raw STIX checks: what stix2-validator's MUST rules check on the objects opsmodel reads, and contradictions."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from opsmodel import errors, examples, stix
from opsmodel.validation import iter_document_errors


def _bundle(flavour: str = "stix") -> dict[str, Any]:
    data: dict[str, Any] = json.loads(stix.dumps(examples.load("openai-2024-05"), flavour=flavour))
    return data


def _first(bundle: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(obj for obj in bundle["objects"] if obj["type"] == kind)


def _set_seen(first: str, last: str) -> Callable[[dict[str, Any]], None]:
    return lambda bundle: _first(bundle, "campaign").update(first_seen=first, last_seen=last)


@pytest.mark.parametrize(
    ("edit", "code", "where"),
    [
        (_set_seen("2024-01-01T00:00:00.000Z", "2023-01-01T00:00:00.000Z"), "time-order", ".last_seen"),
        (lambda bundle: _first(bundle, "campaign").update(modified="2000-01-01T00:00:00.000Z"), "time-order", ".modified"),
        (lambda bundle: _first(bundle, "report").pop("published"), "missing-property", ".published"),
        (lambda bundle: _first(bundle, "campaign").pop("name"), "missing-property", ".name"),
        (lambda bundle: _first(bundle, "identity").pop("created"), "missing-property", ".created"),
        (
            lambda bundle: _first(bundle, "campaign").update(created_by_ref=_first(bundle, "campaign")["id"]),
            "ref-type",
            ".created_by_ref",
        ),
        (
            lambda bundle: _first(bundle, "campaign").update(object_marking_refs=[_first(bundle, "identity")["id"]]),
            "ref-type",
            ".object_marking_refs[0]",
        ),
    ],
    ids=["last_seen", "modified", "published", "name", "created", "created_by_ref", "object_marking_refs"],
)
def test_must_rules_are_checked(edit: Callable[[dict[str, Any]], None], code: str, where: str) -> None:
    bundle = _bundle()
    edit(bundle)
    with pytest.raises(errors.BundleError) as caught:
        stix.from_stix(bundle)
    found = [problem for problem in caught.value.problems if problem.code == code]
    assert found, caught.value.problems
    assert found[0].path.endswith(where)
    assert found[0].object_id
    problems = list(iter_document_errors(json.dumps(bundle)))
    assert any(problem.is_error and f"[{code}]" in problem.message for problem in problems)


def test_equal_timestamps_are_in_order() -> None:
    bundle = _bundle()
    _set_seen("2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000Z")(bundle)
    assert not [problem for problem in iter_document_errors(json.dumps(bundle)) if "time-order" in problem.message]


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
def test_bundles_opsmodel_writes_have_no_problem(flavour: str) -> None:
    assert list(iter_document_errors(json.dumps(_bundle(flavour)))) == []


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
def test_stix_properties_that_contradict_the_extension_are_reported(flavour: str) -> None:
    bundle = _bundle(flavour)
    campaign = _first(bundle, "campaign")
    campaign["labels"] = ["edited in another tool"]
    problems = list(iter_document_errors(json.dumps(bundle)))
    assert len(problems) == 1
    (problem,) = problems
    assert problem.severity is errors.Severity.WARNING
    assert "[stix-mismatch]" in problem.message
    assert problem.object_id == campaign["id"]
    assert problem.path.endswith(".labels")
    assert problem.value == ["edited in another tool"]
    # the bundle still reads (from the extension data); strict validation fails on the warning
    assert stix.from_stix(bundle) == examples.load("openai-2024-05")


@pytest.mark.parametrize("extensions", [7, ["extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba"], "x"])
def test_extensions_that_are_not_an_object_do_not_stop_the_comparison(extensions: Any) -> None:
    bundle = _bundle()
    _first(bundle, "identity")["extensions"] = extensions
    assert list(iter_document_errors(json.dumps(bundle))) == []


def test_the_same_items_in_another_order_do_not_contradict() -> None:
    bundle = _bundle()
    campaign = next(obj for obj in bundle["objects"] if obj["type"] == "campaign" and len(obj.get("labels", [])) > 1)
    campaign["labels"] = list(reversed(campaign["labels"]))
    assert list(iter_document_errors(json.dumps(bundle))) == []
