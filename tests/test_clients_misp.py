"""The MISP export as MISP's own Python library reads it (``nox -s clients``; pymisp is test-only)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

from opsmodel import Report, examples, misp
from opsmodel.testing import reports

pymisp = pytest.importorskip("pymisp")

pytestmark = pytest.mark.clients


def _loaded(report: Report) -> Any:
    event = pymisp.MISPEvent()
    event.load(misp.dumps(report, tlp="amber"))
    return event


def _check(report: Report) -> None:
    event = _loaded(report)
    assert event.info == report.title
    assert [tag.name for tag in event.tags] == ["tlp:amber"]
    operations = [obj for obj in event.objects if obj.name == "opsmodel-operation"]
    assert len(operations) == len(report.operations)
    # every relation is an object reference to an object of the event
    uuids = {obj.uuid for obj in event.objects}
    for obj, operation in zip(operations, report.operations, strict=True):
        assert [ref.relationship_type for ref in obj.references] == [rel.kind.value for rel in operation.relations]
        assert all(ref.referenced_uuid in uuids for ref in obj.references)
    # every DISARM technique is a cluster of the disarm-techniques galaxy, on its attribute
    refs = [use.technique for op in report.operations for use in op.techniques]
    techniques = {ref.id for ref in refs if ref is not None and ref.framework == "disarm"}
    clusters = {
        cluster.meta["external_id"][0]: galaxy.type
        for obj in operations
        for attribute in obj.attributes
        for galaxy in attribute.galaxies
        for cluster in galaxy.clusters
    }
    assert set(clusters) == techniques
    assert set(clusters.values()) <= {"disarm-techniques"}
    # what pymisp writes back is still an event we read exactly
    assert misp.loads(event.to_json()) == report


def test_demo_loads_in_pymisp() -> None:
    _check(examples.load("openai-2024-05"))


@settings(max_examples=50)
@given(report=reports())
def test_generated_reports_load_in_pymisp(report: Report) -> None:
    _check(report)
