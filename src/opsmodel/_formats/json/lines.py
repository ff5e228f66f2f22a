"""JSON Lines: a header line, then one operation per line, read and written as a stream."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any, NoReturn

import attrs

from ..._core.errors import DocumentError, Problem
from ..._model.operations import Operation, Report
from .converter import converter
from .envelope import FORMAT_VERSION, LINES_FORMAT, envelope_problems, escape_breaks, parse
from .errors import member
from .quick import CAREFUL, attempt
from .reading import read

_LINE_OPTIONS: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}
_HEADER_FIELDS = frozenset({"format", "format_version", "report"})


def lines_header(report: Report | None = None) -> str:
    """The first line of an opsmodel JSON Lines file, holding ``report``'s own fields if given."""
    header: dict[str, Any] = {"format": LINES_FORMAT, "format_version": FORMAT_VERSION}
    if report is not None:
        header["report"] = _report_fields(report)
    return json.dumps(header, **_LINE_OPTIONS)


def _report_fields(report: Report) -> dict[str, Any]:
    # The report without its operations: those are the lines that follow.
    fields: dict[str, Any] = converter(False, False).unstructure(attrs.evolve(report, operations=()))
    return fields


def dump_lines(operations: Iterable[Operation] | Report, fp: IO[str]) -> int:
    """Write operations as JSON Lines: a header line, then one operation per line; returns the count.

    ``operations`` is consumed lazily (a generator of millions is fine). Each line is the
    operation's object exactly as :func:`dumps` writes it inside a report, on one line. Given a
    :class:`~opsmodel.Report`, the header also keeps the report's own fields (title, publisher,
    findings...), so that :func:`load_report_lines` gives the same report back.
    """
    report = operations if type(operations) is Report else None
    unstructure = converter(False, False).get_unstructure_hook(Operation)
    encode = json.JSONEncoder(**_LINE_OPTIONS).encode
    fp.write(escape_breaks(lines_header(report)) + "\n")
    count = 0
    for operation in report.operations if report is not None else operations:
        if type(operation) is not Operation:
            raise TypeError(f"dump_lines writes Operation values, got {type(operation).__name__} (item {count})")
        fp.write(escape_breaks(encode(unstructure(operation))) + "\n")
        count += 1
    return count


def load_lines(fp: Iterable[str | bytes], *, keep_unknown: bool = False) -> Iterator[Operation]:
    """Read JSON Lines written by :func:`dump_lines`, one operation at a time (memory stays flat).

    The first non-blank line must be the header; header lines met later (files concatenated
    with ``cat``) are checked and skipped; blank lines are skipped. A bad line raises
    :class:`~opsmodel.errors.DocumentError` whose problems carry its ``line`` number (paths are relative to it).
    """
    return _read_lines(fp, keep_unknown, [])


def load_report_lines(fp: Iterable[str | bytes], *, keep_unknown: bool = False) -> Report:
    """Read a whole report written as JSON Lines by ``dump_lines(report, fp)``.

    The header's report fields and every operation line make the report; a file whose header
    holds no report is refused (use :func:`load_lines` for a bare corpus of operations).
    """
    reports: list[Report] = []
    operations = tuple(_read_lines(fp, keep_unknown, reports))
    if not reports:
        _refuse(
            "$.report",
            "missing",
            "the header holds no report, only operations",
            "a header with the report's fields, as dump_lines(report, fp) writes",
            line=1,
        )
    return attrs.evolve(reports[0], operations=operations)


def _refuse(path: str, code: str, message: str, expected: str, *, line: int | None, value: Any = None) -> NoReturn:
    """Raise the one problem that stops a JSON Lines file being read."""
    raise DocumentError([Problem(path=path, code=code, message=message, expected=expected, value=value, line=line)])


def _read_lines(fp: Iterable[str | bytes], keep_unknown: bool, reports: list[Report]) -> Iterator[Operation]:
    structure = converter(False, keep_unknown).get_structure_hook(Operation)
    seen_header = False
    quick = functools.partial(_strict_operation, structure)
    for number, raw in enumerate(fp, 1):
        if not raw.strip():
            continue
        if seen_header and not keep_unknown:  # kept fields may hold anything: only the careful route reads them
            found = attempt(raw, Operation, quick)
            if found is not CAREFUL:
                yield found
                continue
        data = parse(raw, number)
        if type(data) is dict and "format" in data:
            _read_header(data, keep_unknown, number, reports)
            seen_header = True
            continue
        if not seen_header:
            _refuse(
                "$",
                "format",
                "the file does not start with an opsmodel JSON Lines header",
                lines_header(),
                line=number,
                value=data,
            )
        try:
            operation: Operation = structure(data, Operation)
        except Exception:
            operation = read(data, Operation, keep_unknown=keep_unknown, root="$", line=number)
        yield operation
    if not seen_header:
        _refuse("$", "format", "the file is empty", lines_header(), line=None)


def _strict_operation(structure: Any, data: Any) -> Operation:
    """The operation a line holds if it decodes strictly (raises on anything else: the careful route explains)."""
    if type(data) is not dict or "format" in data:
        raise ValueError("not an operation line")
    operation: Operation = structure(data, Operation)
    return operation


def _read_header(data: dict[str, Any], keep_unknown: bool, line: int, reports: list[Report]) -> None:
    """Check a header line; keep the report it holds (the same one in every header of the file)."""
    problems = envelope_problems(data, LINES_FORMAT, line)
    problems += [
        Problem(
            path=f"${member(key)}",
            code="unknown_field",
            message=f"the header has no field {json.dumps(key)}",
            expected="only format, format_version and report",
            value=data[key],
            line=line,
        )
        for key in sorted(set(data) - _HEADER_FIELDS)
    ]
    if problems:
        raise DocumentError(problems)
    if "report" not in data:
        return
    report = _header_report(data["report"], keep_unknown, line)
    if reports and reports[0] != report:
        _refuse(
            "$.report",
            "format",
            "this header names another report than the first header",
            "one report per file",
            line=line,
            value=data["report"],
        )
    reports.append(report)


def _header_report(data: Any, keep_unknown: bool, line: int) -> Report:
    if type(data) is dict and "operations" in data:
        _refuse(
            "$.report.operations",
            "unknown_field",
            "a JSON Lines header holds the report without its operations",
            "the operations as the lines after the header",
            line=line,
            value=data["operations"],
        )
    return read(data, Report, keep_unknown=keep_unknown, root="$.report", line=line)
