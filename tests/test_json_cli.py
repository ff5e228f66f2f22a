"""The CLI's side of the JSON format: registered formats and ``opsmodel schema``."""

from __future__ import annotations

import io
import json
from importlib.resources import files
from pathlib import Path

import pytest

import opsmodel as om
from opsmodel import json as ojson
from opsmodel._cli import main
from opsmodel.formats import FORMATS


def _report() -> om.Report:
    operation = om.Operation(id="a", name="A", summary="s", languages=("ru",))
    return om.Report(id="r", title="t", publisher="p", operations=(operation,))


def test_json_and_json_lines_are_registered_formats() -> None:
    for name, file_name in (("json", "report.json"), ("jsonl", "operations.jsonl")):
        entry = FORMATS[name]
        assert entry.file_name == file_name
        assert entry.write is not None
        assert entry.read is not None
        handle = io.StringIO()
        entry.write(_report(), handle)
        assert entry.read(handle.getvalue()) == _report()
        assert FORMATS.detect(handle.getvalue()) is entry
    handle.seek(0)
    assert tuple(ojson.load_lines(handle)) == _report().operations


def test_schema_command_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["schema"]) == 0
    shipped = files("opsmodel").joinpath("schemas", f"opsmodel-{ojson.FORMAT_VERSION}.schema.json").read_text(encoding="utf-8")
    assert capsys.readouterr().out == shipped  # byte for byte
    target = tmp_path / "schema.json"
    assert main(["schema", "--out", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == ojson.schema()


def test_demo_writes_the_example_as_json_and_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from opsmodel import examples

    assert main(["demo", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    report = examples.load("openai-2024-05")
    text = (tmp_path / "report.json").read_text(encoding="utf-8")
    assert text == ojson.dumps(report)
    assert ojson.loads(text) == report
    with open(tmp_path / "operations.jsonl", encoding="utf-8") as handle:
        assert tuple(ojson.load_lines(handle)) == report.operations
