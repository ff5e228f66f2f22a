"""``opsmodel validate`` and ``opsmodel convert``, run as users run them: the real entry point in a subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from opsmodel._cli import main
from opsmodel._cli._io import Progress


def _opsmodel(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess[str]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    result = subprocess.run([sys.executable, "-m", "opsmodel", *args], input=data, capture_output=True, timeout=120, check=False)
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


@pytest.mark.parametrize("command", [["validate"], ["convert"]])
def test_help(command: list[str]) -> None:
    result = _opsmodel(*command, "--help")
    assert result.returncode == 0
    assert "usage: opsmodel" in result.stdout
    assert "exit status" in result.stdout.lower()


@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["validate", "--format", "xml", "-"],
        ["validate", "--no-such-option", "-"],
        ["validate", "--history", "disarm-1.6", "-"],
        ["validate", "--catalogue", "/no/such/catalogue.json", "-"],
        ["convert", "-", "-"],
        ["convert", "-", "-", "--to", "pdf"],
    ],
)
def test_usage_errors_exit_2(args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"{}")))
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    assert "usage: opsmodel" in capsys.readouterr().err


def test_a_usage_error_from_the_real_entry_point() -> None:
    result = _opsmodel("convert", "-", "-", "--to", "pdf", stdin="{}")
    assert result.returncode == 2
    assert "cannot write 'pdf'; available formats:" in result.stderr


def test_an_unreadable_file_is_a_usage_error_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    result = _opsmodel("validate", str(missing))
    assert result.returncode == 2
    assert str(missing) in result.stderr
    assert "cannot read" in result.stderr


def test_broken_json_on_stdin_is_invalid_with_its_position() -> None:
    result = _opsmodel("validate", "-", stdin='{"id": "op",\n "name": }')
    assert result.returncode == 1
    assert "<stdin>: $: error OPS001: not valid JSON at line 2 column 10" in result.stdout
    assert "<stdin>: invalid: 1 error, 0 warnings" in result.stdout


def test_every_file_is_checked_and_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text("  \n", encoding="utf-8")
    array = tmp_path / "array.json"
    array.write_text("[1, 2]", encoding="utf-8")
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"name": "Caf\xe9"}')
    result = _opsmodel("validate", str(empty), str(array), str(latin))
    assert result.returncode == 1
    assert f"{empty}: $: error OPS002: the document is empty" in result.stdout
    assert f"{array}: $: error OPS003: expected a JSON object" in result.stdout
    assert f"{latin}: $: error OPS001: not UTF-8 text" in result.stdout


def test_json_output_for_machines() -> None:
    result = _opsmodel("validate", "--format", "json", "-", stdin="[]")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["valid"] is False
    (entry,) = document["files"]
    assert entry["file"] == "-"
    assert entry["errors"] == 1
    assert entry["findings"][0]["code"] == "OPS003"
    assert entry["findings"][0]["path"] == "$"
    assert entry["findings"][0]["severity"] == "error"


def test_select_never_hides_an_unreadable_document_but_ignore_does() -> None:
    assert _opsmodel("validate", "--select", "OPS1,OPS2", "-", stdin="[]").returncode == 1
    assert _opsmodel("validate", "--select", "OPS1", "--ignore", "OPS003", "-", stdin="[]").returncode == 0


def test_no_progress_output_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"format": "opsmodel-lines", "format_version": "1.0"}\n' + "[]\n" * 1500, encoding="utf-8")
    result = _opsmodel("validate", "--quiet", "--select", "OPS0", str(corpus))
    assert result.returncode == 1
    assert result.stderr == ""
    # at most 1000 problems are listed (MAX_PROBLEMS); the last line counts the rest
    assert result.stdout.count("OPS003") == 1000
    assert f"{corpus}: line 1001, $: error OPS003" in result.stdout
    assert "500 more problems not listed" in result.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_shown_on_a_terminal_for_long_inputs_only() -> None:
    terminal = _Terminal()
    progress = Progress("validating corpus.jsonl", stream=terminal, threshold=10, interval=0)
    for done in range(20):
        progress(done, 20)
    progress.close()
    assert "\rvalidating corpus.jsonl: 20/20 (100%)" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\x1b[K")

    short = _Terminal()
    progress = Progress("x", stream=short, threshold=10, interval=0)
    for done in range(5):
        progress(done, 5)
    progress.close()
    assert short.getvalue() == ""

    redirected = io.StringIO()
    progress = Progress("x", stream=redirected, threshold=1, interval=0)
    progress(0, 5)
    progress.close()
    assert redirected.getvalue() == ""


# --- convert: atomic writes --------------------------------------------------------------------

# The real entry point, with a reader that accepts anything and a writer that fails halfway.
_FAILING_WRITER = textwrap.dedent(
    """
    import sys
    import attrs
    from opsmodel import examples
    from opsmodel._cli import main
    from opsmodel.formats import FORMATS, Format

    def write(report, stream):
        stream.write("half of the output")
        raise ValueError("the writer failed halfway")

    FORMATS.register(attrs.evolve(FORMATS["json"], read=lambda text: examples.load("openai-2024-05")), replace=True)
    FORMATS.register(Format(name="broken", description="fails halfway", file_name="broken.txt", write=write))
    sys.exit(main(sys.argv[1:]))
    """
)


def _with_failing_writer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _FAILING_WRITER, *args], input="{}", capture_output=True, text=True, timeout=120, check=False
    )


def test_a_failing_conversion_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.txt"
    result = _with_failing_writer("convert", "-", str(out), "--to", "broken")
    assert result.returncode != 0
    assert "the writer failed halfway" in result.stderr
    assert not out.exists()
    assert list(tmp_path.rglob("*")) in ([], [tmp_path / "out"])


def test_a_failing_conversion_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    out.write_text("the previous output", encoding="utf-8")
    result = _with_failing_writer("convert", "-", str(out), "--to", "broken")
    assert result.returncode != 0
    assert out.read_text(encoding="utf-8") == "the previous output"
    assert list(tmp_path.iterdir()) == [out]


def test_a_failing_conversion_to_stdout_writes_nothing() -> None:
    result = _with_failing_writer("convert", "-", "-", "--to", "broken")
    assert result.returncode != 0
    assert result.stdout == ""


def test_invalid_input_is_not_converted_and_names_the_problem(tmp_path: Path) -> None:
    out = tmp_path / "report.stix.json"
    result = _opsmodel("convert", "-", str(out), "--to", "json", stdin='{"id": "op",')
    assert result.returncode in (1, 2)
    assert not out.exists()


# --- with real documents -----------------------------------------------------------------------


def _example_json() -> str:
    from opsmodel import examples
    from opsmodel import json as codec

    return codec.dumps(examples.load("openai-2024-05"))


def test_a_valid_report_exits_0(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text(_example_json(), encoding="utf-8")
    result = _opsmodel("validate", "--strict", str(report))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == f"{report}: valid: 0 errors, 0 warnings\n"


def test_strict_makes_a_warning_fail(tmp_path: Path) -> None:
    document = json.loads(_example_json())
    del document["operations"][3]["aliases"][0]["sources"]  # an uncited alias: warning OPS211
    report = tmp_path / "report.json"
    report.write_text(json.dumps(document), encoding="utf-8")
    assert _opsmodel("validate", str(report)).returncode == 0
    strict = _opsmodel("validate", "--strict", str(report))
    assert strict.returncode == 1
    assert "$.operations[3].aliases[0]" in strict.stdout
    assert "OPS211" in strict.stdout


def test_invalid_data_names_every_path(tmp_path: Path) -> None:
    document = json.loads(_example_json())
    document["operations"][0]["relations"] = [{"kind": "same_as", "other": "nowhere"}]
    document["operations"][2]["activity"] = {"start": {"type": "fuzzy_date", "date": "2023-01"}}
    document["operations"][2]["detected"] = {"start": {"type": "fuzzy_date", "date": "2001"}}
    result = _opsmodel("validate", "--ignore", "OPS104,OPS211", "-", stdin=json.dumps(document))
    assert result.returncode == 1
    assert "<stdin>: $.operations[0].relations[0].other: error OPS201: no operation 'nowhere'" in result.stdout
    assert "<stdin>: $.operations[2].detected.start: error OPS101:" in result.stdout
    assert "<stdin>: invalid: 2 errors, 0 warnings" in result.stdout


def test_structural_problems_name_their_paths() -> None:
    document = json.loads(_example_json())
    del document["operations"][1]["id"]
    result = _opsmodel("validate", "--format", "json", "-", stdin=json.dumps(document))
    assert result.returncode == 1
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert ("OPS004", "$.operations[1].id") in [(f["code"], f["path"]) for f in findings]


def test_convert_through_stdin_and_stdout_and_to_a_file(tmp_path: Path) -> None:
    from opsmodel import examples
    from opsmodel import json as codec

    lines = _opsmodel("convert", "-", "-", "--to", "jsonl", stdin=_example_json())
    assert lines.returncode == 0, lines.stderr
    assert lines.stderr == ""
    operations = list(codec.load_lines(io.StringIO(lines.stdout)))
    assert operations == list(examples.load("openai-2024-05").operations)
    source = tmp_path / "report.json"
    source.write_text(_example_json(), encoding="utf-8")
    out = tmp_path / "copy" / "report.json"
    copy = _opsmodel("convert", str(source), str(out), "--to", "json")
    assert copy.returncode == 0, copy.stderr
    assert f"wrote {out}" in copy.stderr
    assert out.read_text(encoding="utf-8") == _example_json()


def test_convert_refuses_invalid_input_listing_its_problems(tmp_path: Path) -> None:
    document = json.loads(_example_json())
    del document["operations"][1]["id"]
    out = tmp_path / "report.jsonl"
    result = _opsmodel("convert", "-", str(out), "--to", "jsonl", stdin=json.dumps(document))
    assert result.returncode == 1
    assert "$.operations[1].id" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_convert_to_stix_and_validate_the_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "report.stix.json"
    result = _opsmodel("convert", "-", str(bundle), "--to", "stix", stdin=_example_json())
    assert result.returncode == 0, result.stderr
    assert json.loads(bundle.read_text(encoding="utf-8"))["type"] == "bundle"
    checked = _opsmodel("validate", "--ignore", "OPS104,OPS211", str(bundle))
    assert checked.returncode == 0, checked.stdout
    back = _opsmodel("convert", str(bundle), "-", "--to", "json")
    assert back.returncode == 0, back.stderr
    assert back.stdout == _example_json()


def test_a_broken_bundle_names_the_object(tmp_path: Path) -> None:
    from opsmodel import examples, stix

    bundle = json.loads(stix.dumps(examples.load("openai-2024-05")))
    bundle["objects"][2]["created"] = "yesterday"
    result = _opsmodel("validate", "-", stdin=json.dumps(bundle))
    assert result.returncode == 1
    assert "<stdin>: $.objects[2]" in result.stdout
    assert "OPS005" in result.stdout
