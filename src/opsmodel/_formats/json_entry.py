"""The registry entries of opsmodel JSON (whole documents) and JSON Lines (one operation per line)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from .._core.errors import Problem
from .._model.operations import Operation, Report
from .json.converter import LINES_FORMAT, dump, dump_lines, from_dict, load_lines, load_report_lines, loads
from .registry import NOT_JSON, Format, Piece, document_problem, not_an_object, parse_json, read_pieces


def _is_report(data: Any) -> bool:
    """A report has a title and a publisher (or operations); anything else is read as an operation."""
    return isinstance(data, dict) and ("operations" in data or "publisher" in data or "title" in data)


def _check_json(text: str) -> Iterator[Piece]:
    data, broken = parse_json(text)
    refused = broken or not_an_object(data, "a JSON object (a report or an operation)")
    if refused is not None:
        yield Piece(problems=(refused,))
        return
    kind: type[Report] | type[Operation] = Report if _is_report(data) else Operation
    yield read_pieces(lambda: loads(text, kind), "OPS004")


# no detect: JSON is the registry's fallback, the format of any text no other format claims
JSON = Format(
    name="json", description="an opsmodel JSON document", file_name="report.json", read=loads, write=dump, check=_check_json
)


# ---------------------------------------------------------------------------------------------
# JSON Lines


def _is_lines(data: Any, text: str) -> bool:
    if isinstance(data, dict):
        return data.get("format") == LINES_FORMAT
    if data is not NOT_JSON:
        return False
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return len(lines) > 1 and parse_json(lines[0])[1] is None


def _read_lines(text: str) -> Report:
    return load_report_lines(text.splitlines(keepends=True))


def _write_lines(report: Report, stream: IO[str]) -> None:
    dump_lines(report, stream)  # the count it returns is not a writer's business


def _read_header(text: str, data: dict[str, Any]) -> Report | None:
    """The report a header line holds (None for a header without one; a bad header raises)."""
    if "report" in data:
        return load_report_lines([text])
    list(load_lines([text]))
    return None


def _check_line(text: str, data: Any, line: int) -> Piece:
    refused = not_an_object(data, "an operation or the header (a JSON object)", line=line)
    if refused is not None:
        return Piece(problems=(refused,), line=line)
    if "format" in data:  # a header line: checked; it may hold the report's own fields
        return read_pieces(lambda: _read_header(text, data), "OPS004", line=line)
    return read_pieces(lambda: from_dict(data, Operation), "OPS004", line=line)


def _missing_header(line: int) -> Problem:
    return document_problem(
        "OPS004", 'the file does not start with an opsmodel JSON Lines header ({"format": "opsmodel-lines", ...})', line=line
    )


def _check_lines(text: str) -> Iterator[Piece]:
    first = True
    for number, chunk in enumerate(text.splitlines(), start=1):
        if not chunk.strip():
            continue
        data, broken = parse_json(chunk, line=number)
        if broken is not None:
            yield Piece(problems=(broken,), line=number)
            continue
        if first and not (isinstance(data, dict) and "format" in data):
            yield Piece(problems=(_missing_header(number),), line=number)
        first = False
        yield _check_line(chunk, data, number)


JSONL = Format(
    name="jsonl",
    description="opsmodel JSON Lines: a header line, then one operation per line",
    file_name="operations.jsonl",
    detect=_is_lines,
    read=_read_lines,
    write=_write_lines,
    check=_check_lines,
    lines=True,
)
