"""Validation of raw documents (opsmodel JSON, JSON Lines, STIX 2.1 bundles) before they become objects.

Structural problems come from the format's own reader (:mod:`opsmodel.json`, :mod:`opsmodel.stix`),
whose errors carry every problem with its path; each becomes a :class:`Finding` with an OPS0xx
code. A document that loads is then checked with the rules, like any report or operation.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .._core.errors import OpsmodelError
from .._model.operations import Operation, Report
from .engine import Context, Finding, Rule, Severity, _chosen_rules, check_operation, iter_errors

__all__ = ["DOCUMENT_CODES", "FORMATS", "detect_format", "iter_document_errors"]

# code -> (name, description); documented in docs/reference/rules.md like the rules
DOCUMENT_CODES: dict[str, tuple[str, str]] = {
    "OPS001": ("not-json", "The document (or a line of a JSON Lines document) is not valid JSON or not UTF-8 text."),
    "OPS002": ("empty-document", "The document holds no data at all."),
    "OPS003": (
        "unknown-document",
        "The document is JSON but neither an opsmodel report or operation nor a STIX bundle, or its format "
        "cannot be read by this installation.",
    ),
    "OPS004": ("document-invalid", "The opsmodel JSON document breaks the format: a missing, misspelt or ill-typed field."),
    "OPS005": ("stix-invalid", "The STIX bundle breaks STIX 2.1 or cannot be read back as operations."),
}

FORMATS = ("json", "jsonl", "stix")


def detect_format(text: str) -> str:
    """Guess a document's format from its content: ``"stix"``, ``"json"`` or ``"jsonl"``.

    A JSON object whose ``type`` is ``"bundle"`` is STIX; another single JSON value is opsmodel
    JSON; several lines that each hold a JSON object are JSON Lines. Text that is none of these
    is reported as ``"json"``, so that reading it names the syntax error.
    """
    stripped = text.lstrip("\ufeff").strip()
    try:
        data = json.loads(stripped)
    except ValueError:
        lines = [line for line in stripped.splitlines() if line.strip()]
        if len(lines) > 1 and _is_json(lines[0]):
            return "jsonl"
        return "json"
    if isinstance(data, dict) and data.get("type") == "bundle":
        return "stix"
    if isinstance(data, dict) and data.get("format") == "opsmodel-lines":
        return "jsonl"
    return "json"


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _finding(code: str, path: str, message: str, value: Any = None, *, line: int | None = None) -> Finding:
    return Finding(
        code=code, severity=Severity.ERROR, path=path, message=message, value=value, rule=DOCUMENT_CODES[code][0], line=line
    )


def _problems(exc: BaseException) -> list[Any]:
    """The individual problems an error from a format module carries (the error itself if none)."""
    for name in ("problems", "errors", "findings"):
        found = getattr(exc, name, None)
        if isinstance(found, (list, tuple)) and found:
            return list(found)
    return [exc]


def _from_exception(code: str, exc: BaseException, *, line: int | None = None) -> Iterator[Finding]:
    for problem in _problems(exc):
        path = getattr(problem, "path", None)
        if not isinstance(path, str) or not path.startswith("$"):
            path = "$"
        message = _message(problem) if problem is not exc else str(exc)
        detail = getattr(problem, "code", None)
        if isinstance(detail, str) and f"[{detail}]" not in message:
            message = f"{message} [{detail}]"
        value = getattr(problem, "value", None)
        if value is None:
            value = getattr(problem, "object_id", None)  # a STIX problem names the object
        yield _finding(code, path, message, value, line=line)


def _message(problem: Any) -> str:
    what = getattr(problem, "message", None)
    if not isinstance(what, str):
        what = getattr(problem, "problem", None)
    if not isinstance(what, str):
        return str(problem)
    expected = getattr(problem, "expected", None)
    return f"{what}; expected {expected}" if isinstance(expected, str) and expected else what


def _json_kind(data: Any) -> type[Report] | type[Operation]:
    """A report has a title and a publisher (or operations); anything else is read as an operation."""
    if isinstance(data, dict) and ("operations" in data or "publisher" in data or "title" in data):
        return Report
    return Operation


def _parse_json(text: str, *, line: int | None = None) -> tuple[Any, Finding | None]:
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}" if line is None else f"column {exc.colno}"
        return None, _finding("OPS001", "$", f"not valid JSON at {where}: {exc.msg}", text[exc.pos : exc.pos + 20], line=line)


def _not_an_object(data: Any, format_name: str, line: int | None) -> Finding | None:
    if isinstance(data, dict):
        return None
    expected = {
        "stix": "a STIX bundle (a JSON object)",
        "jsonl": "an operation or the header (a JSON object)",
    }.get(format_name, "a JSON object (a report or an operation)")
    return _finding("OPS003", "$", f"expected {expected}, got {type(data).__name__}", line=line)


def _reader(format_name: str, line: int | None) -> tuple[Any, Finding | None]:
    module = "opsmodel.stix" if format_name == "stix" else "opsmodel.json"
    try:
        return importlib.import_module(module), None
    except ImportError:  # pragma: no cover - both ship with opsmodel
        return None, _finding("OPS003", "$", f"{format_name} documents cannot be read: {module} is not available", line=line)


def _load_one(text: str, data: Any, format_name: str, *, line: int | None) -> tuple[Report | Operation | None, list[Finding]]:
    """The report or operation a document (or a JSON Lines line) holds, or the problems that stop it."""
    refused = _not_an_object(data, format_name, line)
    if refused is not None:
        return None, [refused]
    reader, missing = _reader(format_name, line)
    if missing is not None:
        return None, [missing]
    code = "OPS005" if format_name == "stix" else "OPS004"
    try:
        if format_name == "stix":
            return reader.loads(text), []
        if format_name == "jsonl":
            if "format" in data:  # a header line: checked; it may hold the report's own fields
                if "report" in data:
                    return reader.load_report_lines([text]), []
                list(reader.load_lines([text]))
                return None, []
            return reader.from_dict(data, Operation), []
        return reader.loads(text, _json_kind(data)), []
    except (OpsmodelError, ValueError, TypeError) as exc:
        return None, [_at_line(f, line) if line is not None else f for f in _from_exception(code, exc, line=line)]


def _missing_header(line: int) -> Finding:
    return _finding(
        "OPS004",
        "$",
        'the file does not start with an opsmodel JSON Lines header ({"format": "opsmodel-lines", ...})',
        line=line,
    )


def iter_document_errors(
    text: str | bytes,
    *,
    format: str | None = None,
    rules: Iterable[Rule] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    strict: bool = False,
    catalogue: Any = None,
) -> Iterator[Finding]:
    """Yield every finding for a raw document: structural problems first, then the rules' findings.

    ``format`` is ``"json"``, ``"jsonl"`` or ``"stix"``, detected from the content when omitted.
    In JSON Lines, each line is an operation: findings carry its ``line`` and paths start at it.
    The other arguments are those of :func:`iter_errors`. Document codes (OPS0xx) are reported
    whatever ``select`` says (an unreadable document has not been checked) unless ``ignore`` names them.
    """
    return _iter_document_errors(
        text, format=format, rules=rules, select=select, ignore=ignore, strict=strict, catalogue=catalogue
    )


def _iter_document_errors(
    text: str | bytes,
    *,
    format: str | None = None,
    rules: Iterable[Rule] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    strict: bool = False,
    catalogue: Any = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[Finding]:
    chosen = _document_filter(select, ignore)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            if chosen("OPS001"):
                yield _finding(
                    "OPS001", "$", f"not UTF-8 text: {exc.reason} at byte {exc.start}", text[exc.start : exc.start + 8]
                )
            return
    text = text.lstrip("\ufeff")
    kind = format or detect_format(text)
    if kind not in FORMATS:
        raise ValueError(f"unknown document format {kind!r}; expected one of {', '.join(map(repr, FORMATS))}")
    if not text.strip():
        if chosen("OPS002"):
            yield _finding("OPS002", "$", "the document is empty")
        return
    documents: list[tuple[int | None, str]]
    if kind == "jsonl":
        documents = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    else:
        documents = [(None, text)]
    seen_header = False
    header_report: Report | None = None
    corpus: list[tuple[int, Operation]] = []
    for done, (line, chunk) in enumerate(documents):
        if progress is not None:
            progress(done, len(documents))
        data, broken = _parse_json(chunk, line=line)
        if broken is not None:
            if chosen(broken.code):
                yield broken
            continue
        if kind == "jsonl" and line is not None and not seen_header:
            seen_header = True
            if not (isinstance(data, dict) and "format" in data) and chosen("OPS004"):
                yield _missing_header(line)
        loaded, problems = _load_one(chunk, data, kind, line=line)
        yield from (p for p in problems if chosen(p.code))
        if loaded is None:
            continue
        if line is None:
            yield from iter_errors(loaded, rules=rules, select=select, ignore=ignore, strict=strict, catalogue=catalogue)
        elif isinstance(loaded, Operation):
            corpus.append((line, loaded))
        elif header_report is None:
            header_report = loaded  # the JSON Lines header's report: dates resolve against it
    if corpus:
        # The lines of a corpus are checked together: relations and ids across lines resolve.
        first: dict[str, int] = {}
        for index, (_, operation) in enumerate(corpus):
            first.setdefault(operation.id, index)
        chosen_rules = _chosen_rules(rules, select, ignore)
        for index, (line, operation) in enumerate(corpus):
            context = Context(report=header_report, index=index, catalogue=catalogue, operation_ids=first, lines=True)
            for finding in check_operation(operation, context, chosen_rules, strict=strict):
                yield _at_line(finding, line)


def _at_line(finding: Finding, line: int) -> Finding:
    import attrs

    return attrs.evolve(finding, line=line)


def _document_filter(select: Iterable[str] | None, ignore: Iterable[str]) -> Callable[[str], bool]:
    """Whether to report a document code: always, unless ``ignore`` names it.

    ``select`` does not drop document codes: a document that cannot be read has not been checked,
    and must not pass as valid because only, say, the date rules were selected.
    """
    ignored = tuple(ignore)

    def chosen(code: str) -> bool:
        name = DOCUMENT_CODES[code][0]
        return not any(key.strip() and (code.upper().startswith(key.strip().upper()) or key.strip() == name) for key in ignored)

    return chosen
