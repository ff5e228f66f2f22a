"""JSON Lines: one operation per line, read lazily, agreeing with the whole-document form."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import opsmodel as om
from opsmodel import json as ojson
from opsmodel import testing
from opsmodel._formats.json.lines import lines_header

from .test_json import json_values


def _lines(operations: tuple[om.Operation, ...]) -> str:
    handle = io.StringIO()
    assert ojson.dump_lines(operations, handle) == len(operations)
    return handle.getvalue()


@given(testing.reports())
def test_lines_and_the_whole_document_agree(report: om.Report) -> None:
    text = _lines(report.operations)
    header, *records = text.splitlines()
    assert json.loads(header) == {"format": "opsmodel-lines", "format_version": "1.1"}
    assert [json.loads(line) for line in records] == json.loads(ojson.dumps(report)).get("operations", [])
    assert tuple(ojson.load_lines(io.StringIO(text))) == report.operations
    assert all("\n" not in line for line in records)


@given(testing.operations())
def test_each_line_is_the_canonical_operation(operation: om.Operation) -> None:
    (_, line) = _lines((operation,)).splitlines()
    assert json.loads(line) == ojson.to_dict(operation)
    assert ojson.from_dict(json.loads(line), om.Operation) == operation


def test_reading_is_lazy_and_errors_name_the_line() -> None:
    good = ojson.to_dict(om.Operation(id="a", summary="s"))
    text = "\n".join([lines_header(), json.dumps(good), "", json.dumps({"id": "b", "summary": "s", "kind": "bot"}), "not json"])
    reader = ojson.load_lines(io.StringIO(text))
    assert next(reader).id == "a"
    with pytest.raises(ojson.DocumentError) as caught:
        next(reader)
    (problem,) = caught.value.problems
    assert (problem.line, problem.path, problem.code) == (4, "$.kind", "value")
    assert "line 4, $.kind" in str(caught.value)


def test_concatenated_files_read_as_one_and_a_missing_header_is_refused() -> None:
    one = _lines((om.Operation(id="a", summary="s"),))
    two = _lines((om.Operation(id="b", summary="s"),))
    assert [op.id for op in ojson.load_lines(io.StringIO(one + two))] == ["a", "b"]
    with pytest.raises(ojson.DocumentError, match="header"):
        list(ojson.load_lines(io.StringIO(one.split("\n", 1)[1])))
    with pytest.raises(ojson.DocumentError, match="empty"):
        list(ojson.load_lines(io.StringIO("")))
    newer = '{"format":"opsmodel-lines","format_version":"9.0"}\n'
    with pytest.raises(ojson.DocumentError) as caught:
        list(ojson.load_lines(io.StringIO(newer)))
    assert caught.value.problems[0].code == "version"
    assert caught.value.problems[0].line == 1


def test_writing_consumes_a_generator_and_refuses_other_values() -> None:
    def generate() -> Iterator[om.Operation]:
        for n in range(3):
            yield om.Operation(id=f"op-{n}", summary="s")

    handle = io.StringIO()
    assert ojson.dump_lines(generate(), handle) == 3
    with pytest.raises(TypeError, match="Operation"):
        ojson.dump_lines([om.Report(id="r", title="t", publisher="p")], io.StringIO())  # type: ignore[list-item]


def test_unknown_fields_survive_a_lines_round_trip_when_kept() -> None:
    record = {"id": "a", "summary": "s", "x_extra": [1, 2]}
    text = lines_header() + "\n" + json.dumps(record, separators=(",", ":")) + "\n"
    with pytest.raises(ojson.DocumentError, match="unknown_field"):
        list(ojson.load_lines(io.StringIO(text)))
    kept = list(ojson.load_lines(io.StringIO(text), keep_unknown=True))
    assert _lines(tuple(kept)) == text


def test_validation_reads_json_lines_with_their_header() -> None:
    from opsmodel.validation import detect_format, iter_document_errors

    text = _lines((om.Operation(id="a", name="A"), om.Operation(id="b", name="B")))
    assert detect_format(text) == "jsonl"
    assert detect_format(_lines(())) == "jsonl"
    assert not [f for f in iter_document_errors(text) if f.code.startswith("OPS0")]
    broken = text.replace('"name":"B"', '"name":"B","kind":"bot"')
    (finding,) = [f for f in iter_document_errors(broken) if f.code.startswith("OPS0")]
    assert (finding.code, finding.line, finding.path) == ("OPS004", 3, "$.kind")


@given(st.lists(json_values, max_size=4))
def test_any_json_lines_give_operations_or_a_document_error_naming_the_line(records: list[Any]) -> None:
    text = lines_header() + "\n" + "\n".join(json.dumps(record) for record in records) + "\n"
    try:
        operations = list(ojson.load_lines(io.StringIO(text)))
    except ojson.DocumentError as exc:
        problems = exc.problems
    else:
        assert all(isinstance(operation, om.Operation) for operation in operations)
        return
    assert problems
    assert all(p.line is not None and 2 <= p.line <= len(records) + 1 for p in problems)
    assert all(p.code in ojson.ERROR_CODES and p.path.startswith("$") for p in problems)


@given(testing.reports())
def test_a_report_written_as_lines_reads_back_whole(report: om.Report) -> None:
    handle = io.StringIO()
    assert ojson.dump_lines(report, handle) == len(report.operations)
    text = handle.getvalue()
    header = json.loads(text.splitlines()[0])
    assert "operations" not in header["report"]
    assert ojson.load_report_lines(io.StringIO(text)) == report
    # the same file is still a plain corpus of operations
    assert tuple(ojson.load_lines(io.StringIO(text))) == report.operations


def test_a_bare_corpus_is_not_a_report() -> None:
    report = examples_report()
    with pytest.raises(ojson.DocumentError, match=r"line 1, \$\.report: error missing: the header holds no report"):
        ojson.load_report_lines(io.StringIO(_lines(report.operations)))


def test_header_report_errors_name_the_line_and_path() -> None:
    report = examples_report()
    handle = io.StringIO()
    ojson.dump_lines(report, handle)
    header, *records = handle.getvalue().splitlines(keepends=True)
    bad = json.loads(header)
    bad["report"]["publisher"] = 5
    bad["report"]["operations"] = []
    with pytest.raises(ojson.DocumentError, match=r"line 1, \$\.report\.operations"):
        ojson.load_report_lines([json.dumps(bad) + "\n", *records])
    del bad["report"]["operations"]
    with pytest.raises(ojson.DocumentError, match=r"line 1, \$\.report\.publisher"):
        ojson.load_report_lines([json.dumps(bad) + "\n", *records])


def test_concatenated_files_of_two_reports_are_refused() -> None:
    report = examples_report()
    first, second = io.StringIO(), io.StringIO()
    ojson.dump_lines(report, first)
    ojson.dump_lines(attrs.evolve(report, title="Another report"), second)
    with pytest.raises(ojson.DocumentError, match="another report"):
        ojson.load_report_lines(io.StringIO(first.getvalue() + second.getvalue()))


def examples_report() -> om.Report:
    from opsmodel import examples

    return examples.load("openai-2024-05")
