"""Bad bundles: whatever is wrong, every reader raises BundleError whose problems all have a documented code."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsmodel import errors, stix

from ._stix_sample import sample_report
from .test_stix_import import _foreign_bundle

_CAMPAIGN = "campaign--00000000-0000-4000-8000-000000000001"
_DISARM = {"source_name": "DISARM", "external_id": "T0085.001"}

# opsmodel's own bundles (a report, a stream of operations) and a foreign one, to be damaged
_BUNDLES = [
    stix.to_stix(sample_report(), tlp="green"),
    stix.to_stix(sample_report(), flavour="opencti"),
    stix.to_stix(iter(sample_report().operations)),
    _foreign_bundle(),
]

# the properties the readers look at, and values that are nearly right
_KEYS = [
    "type", "id", "spec_version", "created", "modified", "published", "first_seen", "last_seen", "name",
    "description", "aliases", "source_ref", "target_ref", "created_by_ref", "object_refs", "object_marking_refs",
    "relationship_type", "confidence", "extensions", "kill_chain_phases", "external_references", "country",
    "administrative_area", "region", "threat_actor_types", "x_mitre_shortname", "operation_refs", "operation",
    "report", "unnamed", "objects", stix.EXTENSION_ID,
]  # fmt: skip
_NEAR = [
    "2024-02-30T00:00:00.000Z", "2024-05-30T00:00:00.000Z", "2024-05-30T12:34:56.789Z", "bundle--1", _CAMPAIGN,
    "identity--00000000-0000-4000-8000-00000000dead", stix.TLP_MARKINGS["red"], "attributed-to", "targets", "uses",
    "originates-from", "threat-actor", "location", "attack-pattern", "campaign", "intrusion-set", "report", "note",
    "x-mitre-tactic", "mystery", "RU", "XX", "MD-GA", "nation-state", "2.0", "property-extension", "new-sdo",
    _DISARM, {"kill_chain_name": "disarm", "phase_name": "develop-content"},
]  # fmt: skip
_SCALARS = st.none() | st.booleans() | st.integers(-3, 150) | st.floats(allow_nan=False) | st.text(max_size=6)
_VALUES = st.recursive(
    _SCALARS | st.sampled_from(_NEAR),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(_KEYS) | st.text(max_size=4), inner, max_size=3),
    max_leaves=6,
)


def _containers(value: Any, found: list[Any]) -> list[Any]:
    """Every JSON object and array in a value, the value itself first."""
    if isinstance(value, (dict, list)):
        found.append(value)
        for item in value.values() if isinstance(value, dict) else value:
            _containers(item, found)
    return found


@st.composite
def damaged_bundles(draw: st.DrawFn) -> Any:
    bundle: Any = copy.deepcopy(draw(st.sampled_from(_BUNDLES)))
    objects = [obj for obj in bundle["objects"] if isinstance(obj, dict)]
    for obj in draw(st.lists(st.sampled_from(objects), max_size=2)):
        obj[draw(st.sampled_from(_KEYS))] = draw(_VALUES)  # a property the readers look at
    for _ in range(draw(st.integers(0, 2))):
        places = _containers(bundle, [])
        if not places:
            return bundle
        place = draw(st.sampled_from(places))
        if isinstance(place, dict):
            key = draw(st.sampled_from(sorted(place)) | st.sampled_from(_KEYS)) if place else draw(st.sampled_from(_KEYS))
            if draw(st.booleans()) and key in place:
                del place[key]
            else:
                place[key] = draw(_VALUES)
        elif place:
            index = draw(st.integers(0, len(place) - 1))
            action = draw(st.sampled_from(["replace", "delete", "duplicate"]))
            if action == "replace":
                place[index] = draw(_VALUES)
            elif action == "delete":
                del place[index]
            else:
                place.append(copy.deepcopy(place[index]))
        else:
            place.append(draw(_VALUES))
    if draw(st.integers(0, 20)) == 0:
        bundle = draw(_VALUES)  # not even a bundle
    return bundle


def _codes(read: Any, data: Any) -> list[str]:
    try:
        read(data)
    except stix.BundleError as exc:
        caught = exc
    else:
        return []
    assert caught.problems, "a BundleError says what is wrong"
    assert str(caught).startswith("the STIX bundle has")
    return [problem.code for problem in caught.problems]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(bundle=damaged_bundles())
def test_every_problem_of_a_damaged_bundle_has_a_documented_code(bundle: Any) -> None:
    codes = _codes(stix.from_stix, bundle)
    codes += _codes(stix.import_stix, bundle)
    codes += _codes(stix.operations_from_stix, bundle)
    codes += _codes(stix.loads, json.dumps(bundle))
    assert set(codes) <= set(stix.BUNDLE_CODES)


def test_problems_are_the_one_problem_record() -> None:
    assert stix.BundleProblem is errors.Problem
    assert issubclass(stix.BundleError, errors.DataError)
    assert errors.BundleError is stix.BundleError
    assert all(code == code.lower() and " " not in code for code in stix.BUNDLE_CODES)


@pytest.mark.parametrize(
    ("damage", "code"),
    [
        (lambda b: b.update(type="package"), "not-bundle"),
        (lambda b: b.update(id="bundle--1"), "bad-id"),
        (lambda b: b.update(objects={}), "bad-objects"),
        (lambda b: b["objects"].append(3), "not-object"),
        (lambda b: b["objects"][0].pop("type"), "missing-type"),
        (lambda b: b["objects"][0].update(created="2024-02-30T00:00:00.000Z"), "bad-timestamp"),
        (lambda b: b["objects"][0].update(created=["2024-05-30T00:00:00.000Z"]), "bad-timestamp"),
        (lambda b: b["objects"][-1].update(spec_version="2.0"), "spec-version"),
        (lambda b: b["objects"].append(dict(b["objects"][-1])), "duplicate"),
        (lambda b: b["objects"][-1].update(object_refs="campaign"), "bad-ref"),
        (lambda b: b["objects"][-1].update(created_by_ref="identity--00000000-0000-4000-8000-00000000dead"), "dangling-ref"),
        (lambda b: b["objects"][-1]["extensions"][stix.EXTENSION_ID].update(operation_refs=_CAMPAIGN), "bad-ref"),
        (lambda b: b["objects"][-1]["extensions"][stix.EXTENSION_ID].update(report=3), "extension"),
        (lambda b: b["objects"].append({"type": "gadget", "id": "gadget--00000000-0000-4000-8000-000000000001"}), "unknown-type"),
    ],
)
def test_each_kind_of_problem_has_its_code(damage: Any, code: str) -> None:
    bundle = copy.deepcopy(_BUNDLES[0])
    damage(bundle)
    assert code in _codes(stix.from_stix, bundle)


def test_codes_of_foreign_bundles_and_options() -> None:
    assert set(_codes(stix.from_stix, _BUNDLES[3])) == {"unmappable"}
    bundle = _foreign_bundle()
    relationship = next(o for o in bundle["objects"] if o.get("relationship_type") == "attributed-to")
    relationship["confidence"] = 101
    assert _codes(stix.import_stix, bundle) == ["bad-value"]
    assert _codes(stix.loads, "{nope") == ["not-json"]
    assert _codes(lambda _: stix.to_stix(sample_report(), flavour="misp"), None) == ["bad-flavour"]
    assert _codes(lambda _: stix.to_stix(sample_report(), tlp="purple"), None) == ["bad-tlp"]


def test_every_code_is_documented() -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "reference" / "stix-mapping.md").read_text(encoding="utf-8")
    section = page.split("\n## Problems\n", 1)[1].split("\n## ", 1)[0]
    table = {line.split("`")[1] for line in section.splitlines() if line.startswith("| `")}
    assert table == set(stix.BUNDLE_CODES)
