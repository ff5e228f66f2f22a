"""The format registry as the command line uses it: detection, conversion targets, Navigator layers, new formats."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from opsmodel import FuzzyDate, Operation, Period, errors, examples, stix
from opsmodel import json as codec
from opsmodel._cli import main
from opsmodel.formats import FORMATS, NOT_JSON, Format, Piece, Registry
from opsmodel.taxonomy import to_layer


def _layer() -> str:
    return json.dumps(to_layer(examples.load("openai-2024-05")))


def test_every_shipped_format_is_registered_with_what_it_can_do() -> None:
    assert FORMATS.names() == ("json", "jsonl", "stix", "stix-opencti", "navigator")
    assert FORMATS.names("read") == ("json", "jsonl", "stix")
    assert FORMATS.names("check") == ("json", "jsonl", "stix", "navigator")
    assert set(FORMATS.names("write")) == set(FORMATS.names())
    assert FORMATS["jsonl"].lines
    assert not FORMATS["json"].lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (codec.dumps(examples.load("openai-2024-05")), "json"),
        ('{"type": "bundle", "id": "bundle--1", "objects": []}', "stix"),
        (_layer(), "navigator"),
        ('{"format": "opsmodel-lines", "format_version": "1.0"}\n{"id": "op"}\n', "jsonl"),
        ("not json at all", "json"),
    ],
)
def test_the_registry_detects_each_format_from_its_content(text: str, expected: str) -> None:
    assert FORMATS.detect(text).name == expected


def test_find_names_the_formats_that_can() -> None:
    assert FORMATS.find("stix", "read") is FORMATS["stix"]
    with pytest.raises(ValueError, match="unknown document format 'pdf'"):
        FORMATS.find("pdf", "write")
    with pytest.raises(ValueError, match="'navigator' format cannot read"):
        FORMATS.find("navigator", "read")


def test_a_registry_takes_a_new_format_once() -> None:
    registry = Registry()
    entry = registry.register(Format(name="x", description="x", file_name="x.txt", detect=lambda data, text: data == []))
    with pytest.raises(ValueError, match="already registered"):
        registry.register(entry)
    registry.register(Format(name="json", description="fallback", file_name="j"))
    assert registry.detect("[]") is entry
    assert registry.detect("{}").name == "json"
    assert entry.detect is not None
    assert not entry.detect(NOT_JSON, "")


def test_a_format_given_check_data_checks_raw_text_by_reading_it_as_json_first() -> None:
    seen: list[tuple[str, object]] = []

    def check_data(text: str, data: object) -> Iterator[Piece]:
        seen.append((text, data))
        yield Piece()

    entry = Format(name="x", description="x", file_name="x.txt", check_data=check_data)
    assert entry.check is not None
    assert entry.can("check")
    assert list(entry.check('{"a": [1]}')) == [Piece()]
    assert seen == [('{"a": [1]}', {"a": [1]})]
    (broken,) = entry.check("{nope")
    assert [problem.code for problem in broken.problems] == ["OPS001"]
    assert len(seen) == 1  # a text that is not JSON never reaches check_data
    assert Format(name="y", description="y", file_name="y").check is None


def test_validate_recognises_a_navigator_layer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    layer = tmp_path / "layer.json"
    layer.write_text(_layer(), encoding="utf-8")
    assert main(["validate", str(layer)]) == 0
    assert capsys.readouterr().out == f"{layer}: valid: 0 errors, 0 warnings\n"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"domain": "DISARM", "techniques": [{"techniqueID": "T12"}]}), encoding="utf-8")
    assert main(["validate", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "OPS006" in out
    assert "OPS004" not in out
    assert out.endswith(": invalid: 1 error, 0 warnings\n")


def test_convert_writes_a_layer_that_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.json"
    source.write_text(codec.dumps(examples.load("openai-2024-05")), encoding="utf-8")
    target = tmp_path / "layer.json"
    assert main(["convert", str(source), str(target), "--to", "navigator"]) == 0
    assert FORMATS.detect(target.read_text(encoding="utf-8")).name == "navigator"
    assert main(["validate", "--input-format", "navigator", str(target)]) == 0
    with pytest.raises(SystemExit) as usage:
        main(["convert", str(target), str(tmp_path / "back.json"), "--to", "json"])
    assert usage.value.code == 2
    assert "cannot read 'navigator'" in capsys.readouterr().err


def test_convert_between_every_readable_format(tmp_path: Path) -> None:
    report = examples.load("openai-2024-05")
    source = tmp_path / "report.json"
    source.write_text(codec.dumps(report), encoding="utf-8")
    for name in FORMATS.names("read"):
        target = tmp_path / f"out.{name}"
        assert main(["convert", str(source), str(target), "--to", name]) == 0
        read = FORMATS[name].read
        assert read is not None
        assert read(target.read_text(encoding="utf-8")) == report
    assert stix.loads((tmp_path / "out.stix").read_text(encoding="utf-8")) == report


def test_input_errors_are_access_and_decoding_errors_data_errors() -> None:
    assert issubclass(errors.InputError, errors.AccessError)
    assert issubclass(errors.InputError, OSError)
    assert issubclass(errors.DecodingError, errors.DataError)


def test_a_file_that_is_not_utf8_cannot_be_converted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "latin1.json"
    source.write_bytes(b'{"name": "caf\xe9"}')
    assert main(["convert", str(source), "-", "--to", "json"]) == 1
    assert "not UTF-8 text" in capsys.readouterr().err


_NEW_FORMAT = textwrap.dedent(
    """
    import sys
    from opsmodel._cli import main
    from opsmodel.formats import FORMATS, Format

    def write(report, stream):
        stream.write(f"{report.id}: {len(report.operations)} operations\\n")

    FORMATS.register(Format(name="summary", description="one line", file_name="summary.txt", write=write))
    sys.exit(main(sys.argv[1:]))
    """
)


def test_adding_a_format_is_one_registration(tmp_path: Path) -> None:
    source = tmp_path / "report.json"
    source.write_text(codec.dumps(examples.load("openai-2024-05")), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _NEW_FORMAT, "convert", str(source), "-", "--to", "summary"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "openai-2024-05: 5 operations\n"


def test_json_output_shows_values_as_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "op.json"
    document.write_text(
        codec.dumps(
            Operation(
                id="op",
                name="Op",
                activity=Period(start=FuzzyDate.of(2023, 5)),
                detected=Period(start=FuzzyDate.of(2022)),
            )
        ),
        encoding="utf-8",
    )
    assert main(["validate", "--format", "json", "--select", "OPS101", str(document)]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["files"][0]["findings"]
    assert (finding["code"], finding["value"], finding["rule"]) == ("OPS101", "2022", "detected-before-activity")
