"""Format 1.0 files still load: the demo's files written before format 1.1 read back as the bundled example.

The files under ``tests/data/v1.0`` were written by ``opsmodel demo --out`` at format 1.0 and are
never regenerated (see ``tests/data/README.md``).
"""

from __future__ import annotations

import json as std_json
from pathlib import Path

import pytest

from opsmodel import examples, stix
from opsmodel import json as ojson


@pytest.fixture(scope="module")
def v10(shared_data: Path) -> Path:
    return shared_data / "v1.0"


def test_the_fixtures_are_format_1_0(v10: Path) -> None:
    document = std_json.loads((v10 / "report.json").read_text(encoding="utf-8"))
    header = std_json.loads((v10 / "operations.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert document["format_version"] == header["format_version"] == "1.0"
    assert "1.0" in ojson.SUPPORTED_VERSIONS
    assert ojson.FORMAT_VERSION != "1.0"  # the writers moved on; the readers did not forget


def test_a_1_0_document_loads_as_the_bundled_example(v10: Path) -> None:
    assert ojson.loads((v10 / "report.json").read_text(encoding="utf-8")) == examples.load("openai-2024-05")


def test_a_1_0_json_lines_file_loads_as_the_bundled_example(v10: Path) -> None:
    with (v10 / "operations.jsonl").open(encoding="utf-8") as handle:
        assert ojson.load_report_lines(handle) == examples.load("openai-2024-05")


@pytest.mark.parametrize("name", ["report.stix.json", "report.opencti.stix.json"])
def test_a_1_0_bundle_loads_as_the_bundled_example(v10: Path, name: str) -> None:
    assert stix.loads((v10 / name).read_text(encoding="utf-8")) == examples.load("openai-2024-05")


def test_a_1_0_document_written_again_is_format_1_1(v10: Path) -> None:
    report = ojson.loads((v10 / "report.json").read_text(encoding="utf-8"))
    assert std_json.loads(ojson.dumps(report))["format_version"] == ojson.FORMAT_VERSION == "1.1"
