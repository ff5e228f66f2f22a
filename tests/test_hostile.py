"""Hostile input: every reader refuses it with an opsmodel error that has a path and a code, never a foreign one.

Each input the hostile-input issue names has a regression test here; ``tests/fuzz/driver.py``
drives the readers with many more (``nox -s fuzz``), and a small seeded run of it is below.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from opsmodel import Report, errors, examples, misp, stix, taxonomy
from opsmodel import json as ojson
from opsmodel.validation import iter_document_errors

ROOT = Path(__file__).resolve().parents[1]
DEEP = "[" * 100_000
HUGE_NUMBER = "1" + "0" * 5000


def _stix_text() -> str:
    return stix.dumps(examples.load("openai-2024-05"))


def _disarm_bundle() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((ROOT / "tests" / "data" / "disarm" / "DISARM-v1.6.json").read_text(encoding="utf-8"))
    return data


def _galaxy() -> dict[str, Any]:
    path = ROOT / "tests" / "data" / "disarm" / "misp-galaxy" / "cluster-disarm-techniques.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data["values"] = data["values"][:5]
    return data


def _refused(read: Callable[[], object]) -> errors.OpsmodelError:
    """The opsmodel error ``read()`` raises; any other exception fails the test."""
    with pytest.raises(errors.OpsmodelError) as caught:
        read()
    error = caught.value
    assert error.problems, "an error without problems"
    assert all(problem.code in errors.CODES for problem in error.problems)
    assert all(problem.path.startswith("$") for problem in error.problems)
    return error


def _codes(error: errors.OpsmodelError) -> set[str]:
    return {problem.code for problem in error.problems}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# '[' * 100000: RecursionError before; now too-deep everywhere


@pytest.mark.parametrize(
    "read",
    [
        lambda: stix.loads(DEEP),
        lambda: taxonomy.from_layer(DEEP),
        lambda: misp.loads(DEEP),
        lambda: ojson.loads(DEEP),
        lambda: list(ojson.load_lines(io.StringIO(DEEP))),
    ],
    ids=["stix.loads", "from_layer", "misp.loads", "json.loads", "json.load_lines"],
)
def test_deep_nesting_is_refused(read: Callable[[], object]) -> None:
    error = _refused(read)
    assert _codes(error) & {"too-deep", "too_deep"}


def test_deep_nesting_in_document_validation() -> None:
    problems = list(iter_document_errors(DEEP))
    assert [problem.code for problem in problems] == ["OPS001"]
    assert "deeper than the limit" in problems[0].message


def test_deep_nesting_in_a_catalogue_file(tmp_path: Path) -> None:
    error = _refused(lambda: taxonomy.load_disarm_stix(_write(tmp_path, "deep.json", DEEP)))
    assert isinstance(error, errors.CatalogueError)
    assert _codes(error) == {"too-deep"}


def test_deep_python_values_are_refused_with_a_short_message() -> None:
    deep: Any = []
    for _ in range(100_000):
        deep = [deep]
    layer = {"techniques": [{"techniqueID": "T0001", "comment": deep}]}
    error = _refused(lambda: taxonomy.from_layer(layer))
    assert _codes(error) == {"too-deep"}
    bundle = {"type": "bundle", "id": "bundle--" + "0" * 8 + "-0000-4000-8000-" + "0" * 12, "objects": [deep]}
    assert _codes(_refused(lambda: stix.from_stix(bundle))) == {"too-deep"}
    assert _codes(_refused(lambda: misp.from_misp({"Event": {"info": "x", "Object": deep}}))) == {"too-deep"}
    # a message about a deep value shows it cut, never whole (no RecursionError from repr)
    field_error = _refused(lambda: Report(id="x", title=deep, publisher="p"))
    assert len(str(field_error)) < 400


# ---------------------------------------------------------------------------------------------
# numbers of 5,000 digits, 1e400, 10 ** 400


@pytest.mark.parametrize("number", [HUGE_NUMBER, "1e400", "-1e400", "NaN", "Infinity"])
@pytest.mark.parametrize(
    "read",
    [
        lambda text: stix.loads(text),
        lambda text: taxonomy.from_layer(text),
        lambda text: misp.loads(text),
        lambda text: ojson.loads(text),
    ],
    ids=["stix.loads", "from_layer", "misp.loads", "json.loads"],
)
def test_numbers_past_the_limits_are_refused(read: Callable[[str], object], number: str) -> None:
    _refused(lambda: read(f'{{"type": "bundle", "techniques": [], "x": [{number}]}}'))


def test_huge_scores_in_a_layer() -> None:
    layer: dict[str, Any] = {"domain": "DISARM", "techniques": [{"techniqueID": "T0001", "score": 10**400}]}
    assert _codes(_refused(lambda: taxonomy.from_layer(layer))) == {"number-too-long"}
    layer["techniques"][0]["score"] = 1e308 * 10  # inf
    _refused(lambda: taxonomy.from_layer(layer))
    with pytest.raises(errors.FieldError):
        taxonomy.LayerTechnique(technique=_ref(), score=10**400)


def _ref() -> Any:
    from opsmodel import TechniqueRef

    return TechniqueRef.disarm("T0001")


def test_huge_numbers_in_document_validation() -> None:
    text = ojson.dumps(examples.load("openai-2024-05")).replace('"format_version"', f'"x": {HUGE_NUMBER}, "format_version"', 1)
    assert [problem.code for problem in iter_document_errors(text)] == ["OPS001"]


# ---------------------------------------------------------------------------------------------
# wrong-typed fields


@pytest.mark.parametrize(
    ("kind", "key", "value"),
    [
        ("x-mitre-tactic", "external_references", 1),
        ("attack-pattern", "external_references", 1),
        ("attack-pattern", "external_references", [1]),
        ("attack-pattern", "kill_chain_phases", 1),
        ("attack-pattern", "kill_chain_phases", [{"phase_name": []}]),
        ("attack-pattern", "name", ["x"]),
        ("x-mitre-matrix", "tactic_refs", 1),
        ("marking-definition", "definition", 1),
        ("relationship", "source_ref", {}),
    ],
)
def test_wrong_typed_properties_in_a_disarm_bundle(kind: str, key: str, value: Any) -> None:
    bundle = _disarm_bundle()
    target = next(obj for obj in bundle["objects"] if obj.get("type") == kind)
    target[key] = value
    error = _refused(lambda: taxonomy.parse_disarm_stix(bundle))
    assert isinstance(error, errors.CatalogueError)
    assert f".{key}" in str(error)


def test_a_bundle_without_objects_is_refused_by_the_catalogue_loader() -> None:
    bundle = _disarm_bundle()
    del bundle["objects"]
    _refused(lambda: taxonomy.parse_disarm_stix(bundle))


@pytest.mark.parametrize(
    ("key", "value"),
    [("refs", {"a": 1}), ("refs", 1), ("kill_chain", 1), ("kill_chain", [{}]), ("external_id", ["T0001"])],
)
def test_wrong_typed_properties_in_a_misp_galaxy(key: str, value: Any) -> None:
    data = _galaxy()
    data["values"][0]["meta"][key] = value
    error = _refused(lambda: taxonomy.parse_misp_galaxy(data))
    assert f"values[0].meta.{key}" in str(error)


@pytest.mark.parametrize(
    "edit",
    [
        lambda event: event["Object"][0].update(Attribute=[None]),
        lambda event: event["Object"][0]["Attribute"][0].update(Tag=1),
        lambda event: event["Object"][0].update(ObjectReference={"a": 1}),
        lambda event: event.update(Orgc=[]),
        lambda event: event.update(Attribute=[1]),
    ],
)
def test_wrong_typed_parts_of_a_misp_event(edit: Callable[[dict[str, Any]], None]) -> None:
    event = json.loads(misp.dumps(examples.load("openai-2024-05")))
    edit(event["Event"])
    error = _refused(lambda: misp.from_misp(event))
    assert isinstance(error, errors.MispError)


@pytest.mark.parametrize(
    ("kind", "key", "value"),
    [
        ("campaign", "external_references", 1),
        ("campaign", "aliases", 1),
        ("campaign", "created", []),
        ("campaign", "first_seen", 5),
        ("report", "object_refs", 1),
        ("identity", "name", None),
    ],
)
@pytest.mark.parametrize("own", [True, False], ids=["own", "foreign"])
def test_wrong_typed_properties_in_a_stix_bundle(kind: str, key: str, value: Any, own: bool) -> None:
    bundle = json.loads(_stix_text())
    if not own:
        for obj in bundle["objects"]:
            obj.pop("extensions", None)
    next(obj for obj in bundle["objects"] if obj["type"] == kind)[key] = value
    for read in (stix.from_stix, stix.import_stix):
        codes = _codes_of(read, bundle)
        assert codes <= set(stix.BUNDLE_CODES)


def _codes_of(read: Callable[[Any], object], data: Any) -> set[str]:
    """The codes of the opsmodel error ``read(data)`` raises (none if it reads); any other exception fails."""
    try:
        read(data)
    except errors.OpsmodelError as exc:
        return _codes(exc)
    return set()


def test_operation_refs_that_are_not_a_list() -> None:
    bundle = json.loads(_stix_text())
    report = next(obj for obj in bundle["objects"] if obj["type"] == "report")
    report["extensions"][stix.EXTENSION_ID]["operation_refs"] = 1
    assert "bad-ref" in _codes(_refused(lambda: stix.from_stix(bundle)))


def test_a_stix_bundle_without_objects_reads_as_an_empty_bundle_or_is_refused() -> None:
    bundle = json.loads(_stix_text())
    del bundle["objects"]
    for read in (stix.from_stix, stix.import_stix):
        with contextlib.suppress(errors.OpsmodelError):
            read(bundle)


# ---------------------------------------------------------------------------------------------
# text: a CSV cell past csv's limit, lone surrogates, long values in messages


def test_a_meta_csv_cell_over_131072_characters() -> None:
    text = "Tactic,Technique,Procedure\n" + "0. A," + '"' + "x" * 131_073 + '"' + ",0.1.1 C\n"
    error = _refused(lambda: taxonomy.parse_meta_csv(text))
    assert isinstance(error, errors.CatalogueError)
    assert _codes(error) == {"string-too-long"}
    assert "line 2" in str(error)
    assert len(str(error)) < 300


def test_a_nul_in_a_meta_csv_is_refused() -> None:
    _refused(lambda: taxonomy.parse_meta_csv('Tactic,Technique,Procedure\n0. A,"0.1 B\n'))


def test_a_lone_surrogate_never_loads() -> None:
    report = examples.load("openai-2024-05")
    json_text = ojson.dumps(report).replace('"title": "', '"title": "\\ud800', 1)
    assert _codes(_refused(lambda: ojson.loads(json_text))) == {"value"}
    for kind in ("campaign", "report"):
        bundle = json.loads(_stix_text())
        target = next(obj for obj in bundle["objects"] if obj["type"] == kind)
        target["name"] = "a\ud800"
        stix_text = json.dumps(bundle)  # ensure_ascii: the surrogate travels as the escape \ud800
        _refused(lambda text=stix_text: stix.loads(text))  # type: ignore[misc]
    with pytest.raises(errors.FieldError, match="lone surrogate U\\+D800"):
        Report(id="x", title="a\ud800", publisher="p")


def test_values_that_load_can_be_written_as_utf8(tmp_path: Path) -> None:
    report = ojson.loads(ojson.dumps(examples.load("openai-2024-05")).replace('"title": "', '"title": "\\u00e9\\ud83d\\ude00', 1))
    target = tmp_path / "out.json"
    target.write_text(ojson.dumps(report), encoding="utf-8")  # a surrogate pair is one character: fine
    assert ojson.loads(target.read_text(encoding="utf-8")) == report


def test_messages_cut_long_values() -> None:
    long = "x" * 10_000_000
    error = _refused(lambda: ojson.loads(json.dumps({"format": "opsmodel", "format_version": long})))
    assert len(str(error)) < 1000
    error = _refused(lambda: taxonomy.from_layer({"techniques": [{"techniqueID": long}]}))
    assert len(str(error)) < 1000


# ---------------------------------------------------------------------------------------------
# a million bad entries: bounded problems, and a count of the rest


def test_a_million_bad_entries_are_counted_not_collected() -> None:
    document = {"format": "opsmodel", "format_version": "1.0", "id": "x", "title": "t", "publisher": "p"}
    text = json.dumps({**document, "operations": [1] * 200_000})
    error = _refused(lambda: ojson.loads(text))
    assert len(error.problems) == errors.LIMITS["MAX_PROBLEMS"][0] + 1
    assert error.problems[-1].code == "too-many-problems"
    assert error.problems[-1].value == 200_000 - 1000
    assert str(error).startswith("200000 problems in the document")
    problems = list(iter_document_errors(text))
    assert len(problems) == 1001
    assert problems[-1].code == "too-many-problems"
    assert problems[-1].value == 199_000


def test_the_limits_table_is_documented() -> None:
    page = (ROOT / "docs" / "reference" / "limits.md").read_text(encoding="utf-8")
    for name, (value, what) in errors.LIMITS.items():
        assert f"| `{name}` | {value} | {what} |" in page
    for code in errors.LIMIT_CODES:
        assert f"| `{code}` |" in page


# ---------------------------------------------------------------------------------------------
# the command line: one message, exit 1 or 2, never a traceback


def _opsmodel(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "opsmodel", *args], capture_output=True, text=True, cwd=cwd, check=False, timeout=300
    )


@pytest.mark.parametrize(
    "text",
    [DEEP, f'{{"type": "bundle", "objects": [{HUGE_NUMBER}]}}', '{"format": "opsmodel", "title": "\\ud800"}', "\x00\x01", ""],
    ids=["deep", "huge-number", "surrogate", "binary", "empty"],
)
def test_the_cli_shows_no_traceback(tmp_path: Path, text: str) -> None:
    source = _write(tmp_path, "in.json", text)
    for args in (["validate", str(source)], ["convert", str(source), str(tmp_path / "out.json"), "--to", "stix"]):
        result = _opsmodel(*args, cwd=tmp_path)
        assert result.returncode in (1, 2), result
        assert "Traceback" not in result.stderr + result.stdout
    assert not list(tmp_path.glob(".out.json.*"))


def test_an_input_past_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from opsmodel._cli import _io, main

    monkeypatch.setattr(_io, "MAX_INPUT_BYTES", 100)
    source = _write(tmp_path, "big.json", ojson.dumps(examples.load("openai-2024-05")))
    assert main(["validate", str(source)]) in (1, 2)
    assert "larger than the limit of 100 bytes" in capsys.readouterr().err


def test_a_catalogue_file_past_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from opsmodel._taxonomy import loaders

    monkeypatch.setattr(loaders, "MAX_DOCUMENT_CHARS", 100)
    path = _write(tmp_path, "big.json", json.dumps(_galaxy()))
    error = _refused(lambda: taxonomy.load_misp_galaxy(path))
    assert "larger than the limit" in str(error)
