"""Model 1.1's conduct items: AI use, disruption, framework mappings, operation kinds, actors.

Each item has a test on an invented example, a property-tested round trip through JSON, JSON
Lines and both STIX flavours, and the validation rules where its facts can disagree. The report
under ``tests/data/v1.1-conduct`` (written before these items) still loads unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from opsmodel import json as ojson
from opsmodel import stix

from . import _conduct_fixture

# ---------------------------------------------------------------------------------------------
# Documents written before the conduct items


@pytest.fixture(scope="module")
def v11(shared_data: Path) -> Path:
    return shared_data / "v1.1-conduct"


def test_a_1_1_document_from_before_loads_unchanged(v11: Path) -> None:
    assert ojson.loads((v11 / "report.json").read_text(encoding="utf-8")) == _conduct_fixture.build()


def test_a_1_1_json_lines_file_from_before_loads_unchanged(v11: Path) -> None:
    with (v11 / "operations.jsonl").open(encoding="utf-8") as handle:
        assert ojson.load_report_lines(handle) == _conduct_fixture.build()


@pytest.mark.parametrize("name", ["report.stix.json", "report.opencti.stix.json"])
def test_a_1_1_bundle_from_before_loads_unchanged(v11: Path, name: str) -> None:
    assert stix.loads((v11 / name).read_text(encoding="utf-8")) == _conduct_fixture.build()
