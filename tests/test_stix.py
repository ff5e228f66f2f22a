"""STIX 2.1 export and import: exact round trips, deterministic output, and the OASIS tools as judges."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import uuid
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsmodel import FuzzyDate, Operation, Period, Region, Report, Source, Subdivision, Target, stix
from opsmodel._formats.stix.ids import OPENCTI_NAMESPACE, opencti_id
from opsmodel._formats.stix.schema import build as build_schema

from ._stix_judges import assert_validator_clean, stix2_parse
from ._stix_sample import instant_report, sample_report

FLAVOUR_OPTIONS: list[dict[str, Any]] = [
    {},
    {"flavour": "opencti"},
    {"tlp": "amber", "operation_tlp": {"bad-grammar": "red"}},
    {"flavour": "opencti", "tlp": "clear", "created": dt.datetime(2025, 1, 2, 3, 4, 5, 999999, tzinfo=dt.timezone.utc)},
]


def _objects(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [obj for obj in bundle["objects"] if obj["type"] == kind]


@pytest.mark.parametrize("options", FLAVOUR_OPTIONS)
def test_sample_round_trips_exactly(options: dict[str, Any]) -> None:
    report = sample_report()
    bundle = stix.to_stix(report, **options)
    assert stix.from_stix(bundle) == report
    assert stix.loads(stix.dumps(report, **options)) == report


@pytest.mark.parametrize("options", FLAVOUR_OPTIONS)
def test_sample_passes_the_oasis_validator_and_stix2(options: dict[str, Any]) -> None:
    bundle = stix.to_stix(sample_report(), **options)
    assert_validator_clean(bundle)
    parsed = stix2_parse(bundle)
    assert [obj.id for obj in parsed.objects] == [obj["id"] for obj in bundle["objects"]]


def test_instant_publication_gives_millisecond_timestamps() -> None:
    report = instant_report()
    bundle = stix.to_stix(report)
    (report_obj,) = _objects(bundle, "report")
    assert report_obj["published"] == "2024-01-02T03:04:05.678Z"
    assert report_obj["created"] == report_obj["modified"] == "2024-01-02T03:04:05.678Z"
    assert stix.from_stix(bundle) == report
    assert_validator_clean(bundle)


def test_same_model_same_bytes_and_ids() -> None:
    first = stix.dumps(sample_report())
    second = stix.dumps(sample_report())
    assert first == second
    assert json.loads(first)["id"] == stix.to_stix(sample_report())["id"]
    # ids are UUIDv5-derived under the documented namespace, stamped as UUIDv4 for STIX
    campaign = _objects(json.loads(first), "campaign")[0]
    derived = uuid.uuid5(stix.NAMESPACE, "campaign|bad-grammar")
    assert campaign["id"] == f"campaign--{uuid.UUID(bytes=derived.bytes, version=4)}"


def test_changed_content_changes_bundle_id_but_keeps_object_ids() -> None:
    report = sample_report()
    edited = attrs.evolve(report, summary="Edited.")
    one, two = stix.to_stix(report), stix.to_stix(edited)
    assert one["id"] != two["id"]
    assert [o["id"] for o in one["objects"]] == [o["id"] for o in two["objects"]]


def test_created_and_modified_follow_the_report_date_or_the_override() -> None:
    bundle = stix.to_stix(sample_report())
    assert {obj.get("modified") for obj in _objects(bundle, "campaign")} == {"2024-05-30T00:00:00.000Z"}
    moment = dt.datetime(2025, 2, 3, 4, 5, 6, 789123, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    bundle = stix.to_stix(sample_report(), created=moment)
    assert {obj["created"] for obj in _objects(bundle, "campaign")} == {"2025-02-03T02:05:06.789Z"}


def test_tlp_markings_use_the_oasis_objects() -> None:
    bundle = stix.to_stix(sample_report(), tlp="TLP:GREEN", operation_tlp={"bad-grammar": "amber+strict"})
    markings = {obj["id"]: obj for obj in _objects(bundle, "marking-definition")}
    assert set(markings) == {stix.TLP_MARKINGS["green"], stix.TLP_MARKINGS["amber+strict"]}
    assert markings[stix.TLP_MARKINGS["green"]]["name"] == "TLP:GREEN"
    campaigns = {obj["name"]: obj for obj in _objects(bundle, "campaign")}
    assert campaigns["Bad Grammar"]["object_marking_refs"] == [stix.TLP_MARKINGS["amber+strict"]]
    assert _objects(bundle, "report")[0]["object_marking_refs"] == [stix.TLP_MARKINGS["green"]]
    with pytest.raises(stix.BundleError, match=r"not a TLP 2\.0 level"):
        stix.to_stix(sample_report(), tlp="purple")


def test_standard_properties_are_filled_for_other_tools() -> None:
    bundle = stix.to_stix(sample_report())
    campaign = next(o for o in _objects(bundle, "campaign") if o["name"] == "Bad Grammar")
    assert campaign["description"] == "A Russian network posting on Telegram."
    assert campaign["aliases"] == ["BG", "Grammar"]
    assert campaign["first_seen"] == "2023-01-01T00:00:00.000Z"
    kinds = {(r["relationship_type"], r["target_ref"].split("--")[0]) for r in _objects(bundle, "relationship")}
    assert ("attributed-to", "threat-actor") in kinds
    assert ("originates-from", "location") in kinds
    assert ("targets", "location") in kinds
    assert ("targets", "identity") in kinds
    assert ("uses", "attack-pattern") in kinds
    assert ("uses", "tool") in kinds
    assert ("uses", "infrastructure") in kinds
    attributed = next(r for r in _objects(bundle, "relationship") if r["relationship_type"] == "attributed-to")
    assert attributed["confidence"] == 87  # "high confidence" on the ICD 203 scale, 80-95
    pattern = next(p for p in _objects(bundle, "attack-pattern") if p["name"] == "Develop AI-generated text")
    assert pattern["external_references"][0]["external_id"] == "T0085.001"
    assert pattern["kill_chain_phases"] == [{"kill_chain_name": "disarm", "phase_name": "develop-content"}]
    regions = {obj["name"]: obj.get("region") for obj in _objects(bundle, "location")}
    assert regions["the Baltic States"] == "northern-europe"
    assert "the Wild Steppe" not in regions  # no STIX region: its member country stands in
    assert regions["Kazakhstan"] is None
    notes = {obj["abstract"] for obj in _objects(bundle, "note")}
    assert notes == {"Narrative", "Breakout Scale rating", "Notes", "Disruption"}
    # the disputed, sponsor-role claim is not exported as an attribution
    disputed = [r for r in _objects(bundle, "relationship") if "disputed" in r.get("description", "")]
    assert disputed
    assert {r["relationship_type"] for r in disputed} == {"related-to"}


def test_opencti_flavour_writes_opencti_objects_with_opencti_ids() -> None:
    bundle = stix.to_stix(sample_report(), flavour="opencti")
    for kind in ("channel", "narrative", "language"):
        found = _objects(bundle, kind)
        assert found
        for obj in found:
            opencti = uuid.uuid5(OPENCTI_NAMESPACE, json.dumps({"name": obj["name"].lower().strip()}, separators=(",", ":")))
            written = uuid.UUID(obj["id"].split("--", 1)[1])
            assert obj["id"] == opencti_id(kind, obj["name"])
            # OpenCTI's name-derived UUID, with only the version nibble stamped 4 for STIX validators
            assert written.version == 4
            assert written.int ^ opencti.int == (5 ^ 4) << 76
            assert obj["extensions"] == {stix.OPENCTI_EXTENSION_ID: {"extension_type": "new-sdo"}}
    assert not _objects(bundle, "infrastructure")
    assert {o["name"] for o in _objects(bundle, "language")} == {"Russian", "English", "Chinese"}
    assert not _objects(stix.to_stix(sample_report()), "channel")


def test_citations_name_a_publisher_and_keep_the_source_id() -> None:
    sources = [
        Source(id="pub", publisher="Meta", title="Q2 report"),
        Source(id="titled", title="A blog post", url="https://example.org/post"),
        Source(id="web", url="https://www.example.org/a"),
        Source(id="bare"),
        Source(id="broken", url="http://[unclosed"),
    ]
    report = Report(id="r", title="R", publisher="P", operations=[Operation(id="a", name="A", sources=sources)])
    for flavour in ("stix", "opencti"):
        bundle = stix.to_stix(report, flavour=flavour)
        (campaign,) = _objects(bundle, "campaign")
        assert [(ref["source_name"], ref["external_id"]) for ref in campaign["external_references"]] == [
            ("Meta", "pub"),
            ("A blog post", "titled"),
            ("example.org", "web"),
            ("Unnamed source", "bare"),
            ("Unnamed source", "broken"),
        ]
        assert [ref.get("description") for ref in campaign["external_references"]] == ["Q2 report", "A blog post"] + [None] * 3
        assert stix.from_stix(bundle) == report


def test_opencti_flavour_names_location_types_and_leaves_out_the_extension_definition() -> None:
    targets = [Target(place=Subdivision(code="UA-43")), Target(place="XK"), Target(place="FR")]
    region = Region(name="Baltic States", members=["EE", "LV", "LT"])
    report = Report(
        id="r", title="R", publisher="P", operations=[Operation(id="a", name="A", targets=[*targets, Target(place=region)])]
    )
    opencti = stix.to_stix(report, flavour="opencti")
    kinds = {obj["name"]: obj["x_opencti_location_type"] for obj in _objects(opencti, "location")}
    assert kinds == {
        "Avtonomna Respublika Krym": "Administrative-Area",
        "Kosovo": "Country",
        "France": "Country",
        "Baltic States": "Region",
    }
    assert not {"extension-definition"} & {obj["type"] for obj in opencti["objects"]}
    assert stix.from_stix(opencti) == report
    plain = stix.to_stix(report)
    assert all("x_opencti_location_type" not in obj for obj in plain["objects"])
    (definition,) = _objects(plain, "extension-definition")
    assert definition["version"] == definition["modified"]


def test_unknown_flavour_is_refused() -> None:
    with pytest.raises(stix.BundleError, match="unknown flavour"):
        stix.to_stix(sample_report(), flavour="misp")


def test_extension_payloads_match_the_shipped_schema() -> None:
    schema = stix.extension_schema()
    assert schema == build_schema(), "regenerate: python -m opsmodel._formats.stix.schema > src/opsmodel/schemas/..."
    assert schema["$id"] == stix.EXTENSION_SCHEMA_URL
    validator = jsonschema.Draft202012Validator(schema)
    count = 0
    for options in FLAVOUR_OPTIONS:
        for obj in stix.to_stix(sample_report(), **options)["objects"]:
            payload = obj.get("extensions", {}).get(stix.EXTENSION_ID)
            if payload is not None:
                validator.validate(payload)
                count += 1
    assert count == 4 * 3
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"extension_type": "property-extension", "operation": {"id": "x", "bogus": 1}})


def test_extension_definition_points_at_the_schema() -> None:
    bundle = stix.to_stix(sample_report())
    (definition,) = _objects(bundle, "extension-definition")
    assert definition["id"] == stix.EXTENSION_ID
    assert definition["schema"] == stix.EXTENSION_SCHEMA_URL
    assert definition["extension_types"] == ["property-extension"]
    # no bare custom properties anywhere: every non-standard fact is inside an extension
    for obj in bundle["objects"]:
        assert not [key for key in obj if key.startswith("x_")]


def test_empty_report_and_unnamed_operations() -> None:
    empty = Report(id="empty", title="Nothing", publisher="Lab")
    bundle = stix.to_stix(empty)
    assert stix.from_stix(bundle) == empty
    assert_validator_clean(bundle)
    twins = Report(
        id="twins",
        title="Same ids",
        publisher="Lab",
        operations=[Operation(id="a", summary="first"), Operation(id="a", summary="second")],
    )
    bundle = stix.to_stix(twins)
    assert len(_objects(bundle, "campaign")) == 2
    assert stix.from_stix(bundle) == twins
    assert_validator_clean(bundle)


# ---------------------------------------------------------------------------------------------
# Streaming


def test_dump_streams_operations_without_a_report() -> None:
    operations = list(sample_report().operations)

    def generate() -> Any:
        yield from operations

    buffer = io.StringIO()
    stix.dump(generate(), buffer)
    bundle = json.loads(buffer.getvalue())
    assert stix.operations_from_stix(bundle) == tuple(operations)
    assert not _objects(bundle, "report")
    assert_validator_clean(bundle)
    # one object a line, written as it is made
    lines = buffer.getvalue().splitlines()
    assert len(lines) == len(bundle["objects"]) + 2


def test_dump_writes_objects_one_by_one() -> None:
    class Recorder(io.StringIO):
        writes = 0

        def write(self, text: str) -> int:
            self.writes += 1
            return super().write(text)

    recorder = Recorder()
    stix.dump(sample_report(), recorder)
    assert recorder.writes >= len(json.loads(recorder.getvalue())["objects"])
    assert recorder.getvalue() == stix.dumps(sample_report())


# ---------------------------------------------------------------------------------------------
# Bad input


def _problems(bundle: Any) -> list[stix.BundleProblem]:
    with pytest.raises(stix.BundleError) as caught:
        stix.from_stix(bundle)
    assert isinstance(caught.value, ValueError)
    return list(caught.value.problems)


def test_every_problem_is_reported_with_path_and_object_id() -> None:
    bundle = stix.to_stix(sample_report())
    broken = copy.deepcopy(bundle)
    campaign_index = next(i for i, o in enumerate(broken["objects"]) if o["type"] == "campaign")
    campaign = broken["objects"][campaign_index]
    campaign["modified"] = "2024-13-01T00:00:00Z"
    rel_index = next(i for i, o in enumerate(broken["objects"]) if o["type"] == "relationship")
    broken["objects"][rel_index]["target_ref"] = "location--00000000-0000-4000-8000-000000000000"
    broken["objects"].append({"type": "gadget", "spec_version": "2.1", "id": "gadget--00000000-0000-4000-8000-000000000001"})
    problems = _problems(broken)
    found = {(p.path, p.object_id) for p in problems}
    assert (f"$.objects[{campaign_index}].modified", campaign["id"]) in found
    assert (f"$.objects[{rel_index}].target_ref", broken["objects"][rel_index]["id"]) in found
    assert (f"$.objects[{len(broken['objects']) - 1}].type", "gadget--00000000-0000-4000-8000-000000000001") in found
    assert len(problems) == 3


def test_bad_extension_payload_is_reported_with_its_path() -> None:
    bundle = stix.to_stix(sample_report())
    index = next(i for i, o in enumerate(bundle["objects"]) if o["type"] == "campaign")
    payload = bundle["objects"][index]["extensions"][stix.EXTENSION_ID]["operation"]
    payload["assets"][0]["count"]["upper"] = 1  # a reversed range
    payload["impacts"][0]["category"] = "two"
    (problem,) = _problems(bundle)
    assert problem.object_id == bundle["objects"][index]["id"]
    assert problem.path.startswith(f"$.objects[{index}].extensions.{stix.EXTENSION_ID}.operation.assets[0].count")


@pytest.mark.parametrize(
    ("bundle", "fragment"),
    [
        ([], "expected a STIX bundle"),
        ({"type": "bundle", "id": "bundle--1", "objects": []}, "bundle id"),
        ({"type": "bundle", "id": "bundle--00000000-0000-4000-8000-000000000000", "objects": {}}, "list of objects"),
        ({"type": "package", "id": "bundle--00000000-0000-4000-8000-000000000000", "objects": [1]}, "expected 'bundle'"),
    ],
)
def test_malformed_bundles(bundle: Any, fragment: str) -> None:
    problems = _problems(bundle)
    assert any(fragment in p.message for p in problems)


def test_loads_refuses_non_json() -> None:
    with pytest.raises(stix.BundleError, match="not JSON"):
        stix.loads("{nope")


def test_duplicate_objects_are_refused() -> None:
    bundle = stix.to_stix(sample_report())
    bundle["objects"].append(copy.deepcopy(bundle["objects"][-1]))
    problems = _problems(bundle)
    assert [p.message.split(":")[0] for p in problems] == ["duplicate object"]


def test_error_pickles() -> None:
    import pickle

    error = stix.BundleError([stix.BundleProblem(code="bad-ref", path="$.x", object_id="campaign--1", message="bad")])
    again = pickle.loads(pickle.dumps(error))
    assert again.problems == error.problems
    assert str(again) == str(error)
    assert str(error) == "the STIX bundle has 1 problem:\n  $.x (campaign--1): error bad-ref: bad"


# ---------------------------------------------------------------------------------------------
# The bundled example


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
def test_bundled_example_round_trips_and_satisfies_the_judges(flavour: str) -> None:
    from opsmodel import examples

    report = examples.load("openai-2024-05")
    bundle = stix.to_stix(report, flavour=flavour)
    assert stix.from_stix(bundle) == report
    assert_validator_clean(bundle)
    stix2_parse(bundle)
    assert {o["name"] for o in _objects(bundle, "campaign")} == {op.display_name for op in report.operations}


# ---------------------------------------------------------------------------------------------
# CLI


def test_demo_writes_the_example_bundles(tmp_path: Any) -> None:
    from opsmodel import examples
    from opsmodel._cli import main
    from opsmodel.formats import FORMATS

    assert FORMATS["stix"].file_name == "report.stix.json"
    assert main(["demo", "--out", str(tmp_path)]) == 0
    report = examples.load("openai-2024-05")
    for name in ("report.stix.json", "report.opencti.stix.json"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert stix.loads(text) == report
    opencti = json.loads((tmp_path / "report.opencti.stix.json").read_text(encoding="utf-8"))
    assert _objects(opencti, "channel")


# ---------------------------------------------------------------------------------------------
# Any corruption is caught, located, and nothing is returned

_SAMPLE_BUNDLE = stix.to_stix(sample_report(), flavour="opencti", tlp="green")


@given(
    index=st.integers(min_value=0, max_value=len(_SAMPLE_BUNDLE["objects"]) - 1),
    damage=st.sampled_from(["timestamp", "id", "type", "dangling", "not-an-object"]),
)
def test_any_single_corruption_is_reported_at_its_object(index: int, damage: str) -> None:
    bundle = copy.deepcopy(_SAMPLE_BUNDLE)
    obj = bundle["objects"][index]
    original_id = obj["id"]
    if damage == "timestamp":
        obj["created"] = "2024-02-30T00:00:00.000Z"
    elif damage == "id":
        obj["id"] = obj["id"][:-1]
    elif damage == "type":
        obj["type"] = "mystery"
        obj["id"] = "mystery--" + obj["id"].split("--")[1]
        obj.pop("extensions", None)
    elif damage == "dangling":
        obj["created_by_ref"] = "identity--00000000-0000-4000-8000-00000000dead"
    else:
        bundle["objects"][index] = "oops"
    with pytest.raises(stix.BundleError) as caught:
        stix.from_stix(bundle)
    paths = [problem.path for problem in caught.value.problems]
    assert any(path.startswith(f"$.objects[{index}]") for path in paths)
    if damage in ("timestamp", "dangling"):
        assert original_id in {problem.object_id for problem in caught.value.problems}


def test_interned_values_never_hide_a_type_error() -> None:
    start = Period(start=FuzzyDate.of(2020, approximate=True))
    report = Report(
        id="r",
        title="t",
        publisher="p",
        operations=[Operation(id="a", summary="s", activity=start), Operation(id="b", summary="s", activity=start)],
    )
    bundle = stix.to_stix(report)
    assert stix.from_stix(bundle) == report
    # the second operation's equal-looking date (1 for true) must not reuse the first one's value
    second = [o for o in bundle["objects"] if o["type"] == "campaign"][1]
    second["extensions"][stix.EXTENSION_ID]["operation"]["activity"]["start"]["approximate"] = 1
    with pytest.raises(stix.BundleError, match="approximate") as caught:
        stix.from_stix(bundle)
    assert [p.object_id for p in caught.value.problems] == [second["id"]]
