"""The MISP event export and import: exact round trips, DISARM galaxy clusters, references, losses, errors."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings

from opsmodel import Operation, Relation, Report, TechniqueRef, TechniqueUse, examples, misp
from opsmodel._generated import misp_disarm
from opsmodel.errors import MispError
from opsmodel.misp import MISP_CODES
from opsmodel.testing import reports


def _objects(event: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [obj for obj in event["Event"]["Object"] if obj["name"] == name]


def _clusters(event: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every galaxy cluster on an attribute, by DISARM technique id."""
    return {
        member["meta"]["external_id"][0]: {**member, "galaxy": galaxy["type"]}
        for obj in event["Event"]["Object"]
        for attribute in obj["Attribute"]
        for galaxy in attribute.get("Galaxy", [])
        for member in galaxy["GalaxyCluster"]
    }


def _check_event(report: Report, event: dict[str, Any]) -> None:
    """Every DISARM technique is a disarm-techniques cluster; every relation is an object reference."""
    refs = [use.technique for op in report.operations for use in op.techniques]
    techniques = {ref.id for ref in refs if ref is not None and ref.framework == "disarm"}
    clusters = _clusters(event)
    assert set(clusters) == techniques
    assert {found["galaxy"] for found in clusters.values()} <= {"disarm-techniques"}
    for technique, found in clusters.items():
        assert found["default"] is (technique in misp_disarm.CLUSTERS)
        if technique in misp_disarm.CLUSTERS:
            assert found["uuid"] == misp_disarm.CLUSTERS[technique][0]
    references = [ref["relationship_type"] for obj in _objects(event, "opsmodel-operation") for ref in obj["ObjectReference"]]
    assert references == [relation.kind.value for op in report.operations for relation in op.relations]
    uuids = {obj["uuid"] for obj in event["Event"]["Object"]}
    assert all(ref["referenced_uuid"] in uuids for obj in _objects(event, "opsmodel-operation") for ref in obj["ObjectReference"])


@settings(max_examples=25)
@given(report=reports())
def test_round_trip_is_exact(report: Report) -> None:
    event = misp.to_misp(report)
    assert misp.from_misp(event) == report
    assert misp.import_misp(event).lossless
    assert misp.loads(misp.dumps(report)) == report
    _check_event(report, event)


def test_demo_round_trips_with_every_technique_in_the_galaxy() -> None:
    report = examples.load("openai-2024-05")
    event = misp.to_misp(report, tlp="green")
    assert misp.from_misp(event) == report
    assert event["Event"]["Tag"] == [{"name": "tlp:green"}]
    _check_event(report, event)
    # the galaxy file is DISARM v1.4: T0085.001 is MISP's own cluster, T0085.008 (v1.5+) a local one
    clusters = _clusters(event)
    assert clusters["T0085.001"]["tag_name"] == 'misp-galaxy:disarm-techniques="Develop AI-Generated Text"'
    assert clusters["T0085.008"]["default"] is False


def test_output_is_deterministic_and_json() -> None:
    report = examples.load("openai-2024-05")
    assert misp.dumps(report) == misp.dumps(report)
    assert json.loads(misp.dumps(report)) == misp.to_misp(report)


def test_relations_outside_the_report_keep_a_referenced_object() -> None:
    op = Operation(id="a", name="A", relations=[Relation(kind="successor-of", other="elsewhere", other_name="Old", note="why")])
    report = Report(id="r", title="R", publisher="P", operations=[op])
    event = misp.to_misp(report)
    (other,) = _objects(event, "opsmodel-operation-reference")
    (reference,) = _objects(event, "opsmodel-operation")[0]["ObjectReference"]
    assert reference["referenced_uuid"] == other["uuid"]
    assert reference["comment"] == "why"
    assert misp.from_misp(event) == report


def test_edits_made_in_misp_are_reported_as_losses() -> None:
    report = Report(id="r", title="R", publisher="P", operations=[Operation(id="a", name="A")])
    event = misp.to_misp(report)
    edited = copy.deepcopy(event)
    edited["Event"]["Object"][1]["Attribute"][0]["value"] = "Renamed in MISP"
    result = misp.import_misp(edited)
    assert result.report == report
    assert [loss.type for loss in result.losses] == ["opsmodel-operation"]
    with pytest.raises(MispError) as caught:
        misp.from_misp(edited)
    assert {problem.code for problem in caught.value.problems} == {"misp-loss"}
    removed = copy.deepcopy(event)
    del removed["Event"]["Object"][1]
    # an operation deleted in MISP is gone from the report read back (the deletion is the analyst's word)
    assert misp.import_misp(removed).report.operations == ()


def test_a_foreign_event_imports_with_losses() -> None:
    event = {
        "Event": {
            "info": "Someone's event",
            "Orgc": {"name": "CERT"},
            "Attribute": [{"uuid": "x", "type": "ip-src", "value": "192.0.2.1"}],
            "Object": [
                {
                    "uuid": "o",
                    "name": "opsmodel-operation",
                    "Attribute": [
                        {"object_relation": "name", "type": "text", "value": "Doppelganger"},
                        {"object_relation": "colour", "type": "text", "value": "blue"},
                        {
                            "object_relation": "technique",
                            "type": "text",
                            "value": "T0002",
                            "Galaxy": [misp.to_misp(_one_technique())["Event"]["Galaxy"][0]],
                        },
                    ],
                },
                {"uuid": "f", "name": "file", "Attribute": []},
            ],
        }
    }
    result = misp.import_misp(event)
    (operation,) = result.report.operations
    assert (result.report.publisher, operation.name) == ("CERT", "Doppelganger")
    assert [use.technique.id for use in operation.techniques if use.technique is not None] == ["T0002"]
    assert sorted(loss.type for loss in result.losses) == ["attribute", "file", "opsmodel-operation"]
    with pytest.raises(MispError):
        misp.from_misp(event)


def _one_technique() -> Report:
    op = Operation(id="a", name="A", techniques=[TechniqueUse(technique=TechniqueRef.disarm("T0002"))])
    return Report(id="r", title="R", publisher="P", operations=[op])


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ([], "misp-event"),
        ({"Event": {"no": "info"}}, "misp-event"),
        ({"Event": {"info": "x", "Object": [{"Attribute": []}]}}, "misp-object"),
        (
            {
                "Event": {
                    "info": "x",
                    "Object": [
                        {"name": "opsmodel-operation", "Attribute": [{"object_relation": "opsmodel-json", "value": '{"id": 3}'}]}
                    ],
                }
            },
            "misp-payload",
        ),
    ],
)
def test_bad_events_raise_misp_errors_with_codes(data: Any, code: str) -> None:
    with pytest.raises(MispError) as caught:
        misp.from_misp(data)
    assert [problem.code for problem in caught.value.problems] == [code]
    assert code in MISP_CODES
    assert isinstance(caught.value, ValueError)


def test_text_that_is_not_json() -> None:
    with pytest.raises(MispError) as caught:
        misp.loads("{")
    assert caught.value.problems[0].code == "misp-json"


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="tlp"):
        misp.to_misp(_one_technique(), tlp="purple")
    with pytest.raises(TypeError):
        misp.to_misp("not a report")  # type: ignore[arg-type]
