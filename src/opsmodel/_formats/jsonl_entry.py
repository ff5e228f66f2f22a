"""The registry entry of opsmodel JSON Lines: a header line, then one operation per line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from .._core.errors import Problem
from .._model.operations import Operation, Report
from .json.document import from_dict
from .json.envelope import LINES_FORMAT
from .json.lines import dump_lines, load_lines, load_report_lines
from .registry import NOT_JSON, Format, Piece, document_problem, not_an_object, parse_json, read_pieces


def _detect(data: Any, text: str) -> bool:
    if isinstance(data, dict):
        return data.get("format") == LINES_FORMAT
    if data is not NOT_JSON:
        return False
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return len(lines) > 1 and parse_json(lines[0])[1] is None


def _read(text: str) -> Report:
    return load_report_lines(text.splitlines(keepends=True))


def _write(report: Report, stream: IO[str]) -> None:
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


def _check(text: str) -> Iterator[Piece]:
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
    "jsonl", "opsmodel JSON Lines", "operations.jsonl", detect=_detect, read=_read, write=_write, check=_check, lines=True
)
