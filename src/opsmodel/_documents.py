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

from ._errors import OpsmodelError
from ._model import Operation, Report
from ._validation import Finding, Rule, Severity, iter_errors

__all__ = ["DOCUMENT_CODES", "detect_format", "iter_document_errors", "load_document"]

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
        return "jsonl"  # the header of a JSON Lines file that holds no operation
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
        if isinstance(detail, str) and detail not in message:
            message = f"{message} [{detail}]"
        value = getattr(problem, "value", None)
        if value is None:
            value = getattr(problem, "object_id", None)  # a STIX problem names the object
        yield _finding(code, path, message, value, line=line)


def _message(problem: Any) -> str:
    message = getattr(problem, "message", None)
    if isinstance(message, str):
        return message
    what, expected = getattr(problem, "problem", None), getattr(problem, "expected", None)
    if isinstance(what, str):
        return f"{what}; expected {expected}" if isinstance(expected, str) else what
    return str(problem)


def _is_lines_header(line: str) -> bool:
    try:
        data = json.loads(line)
    except ValueError:
        return False
    return isinstance(data, dict) and "format" in data


def _lines_header_problems(line: str, number: int) -> Iterator[Finding]:
    """The header line of an opsmodel JSON Lines file: checked, then skipped."""
    codec: Any = importlib.import_module("opsmodel.json")
    try:
        list(codec.load_lines([line]))
    except (OpsmodelError, ValueError) as exc:
        yield from _from_exception("OPS004", exc, line=number)


def _json_kind(data: Any) -> type[Report] | type[Operation]:
    if isinstance(data, dict) and ("operations" in data or "publisher" in data):
        return Report
    return Operation


def load_document(text: str, format: str | None = None) -> Iterator[tuple[int | None, Report | Operation]]:
    """Read a document into reports or operations, with JSON Lines line numbers; raises on the first problem.

    Used by the command line to convert; :func:`iter_document_errors` reports every problem instead.
    """
    kind = format or detect_format(text)
    if kind == "stix":
        stix: Any = importlib.import_module("opsmodel.stix")
        yield None, stix.loads(text)
    elif kind == "jsonl":
        codec: Any = importlib.import_module("opsmodel.json")
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip() and not _is_lines_header(line):
                yield number, codec.from_dict(json.loads(line), Operation)
    else:
        codec = importlib.import_module("opsmodel.json")
        yield None, codec.loads(text, cls=_json_kind(json.loads(text.lstrip("\ufeff"))))


def _parse_json(text: str, *, line: int | None = None) -> tuple[Any, Finding | None]:
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}" if line is None else f"column {exc.colno}"
        return None, _finding("OPS001", "$", f"not valid JSON at {where}: {exc.msg}", text[exc.pos : exc.pos + 20], line=line)


def _load_one(text: str, data: Any, format_name: str, *, line: int | None) -> tuple[Report | Operation | None, list[Finding]]:
    module = "opsmodel.stix" if format_name == "stix" else "opsmodel.json"
    code = "OPS005" if format_name == "stix" else "OPS004"
    if not isinstance(data, dict):
        found = type(data).__name__
        expected = "a STIX bundle (a JSON object)" if format_name == "stix" else "a JSON object (a report or an operation)"
        return None, [_finding("OPS003", "$", f"expected {expected}, got {found}", line=line)]
    try:
        reader: Any = importlib.import_module(module)
    except ImportError:
        return None, [_finding("OPS003", "$", f"{format_name} documents cannot be read: {module} is not available", line=line)]
    try:
        if format_name == "stix":
            return reader.loads(text), []
        if line is not None:  # a JSON Lines record: an operation without the document envelope
            return reader.from_dict(data, Operation), []
        return reader.loads(text, cls=_json_kind(data)), []
    except (OpsmodelError, ValueError, TypeError) as exc:
        return None, list(_from_exception(code, exc, line=line))


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
    for done, (line, chunk) in enumerate(documents):
        if progress is not None:
            progress(done, len(documents))
        data, broken = _parse_json(chunk, line=line)
        if broken is not None:
            if chosen(broken.code):
                yield broken
            continue
        if line is not None and isinstance(data, dict) and "format" in data:
            yield from (p for p in _lines_header_problems(chunk, line) if chosen(p.code))
            continue
        loaded, problems = _load_one(chunk, data, kind, line=line)
        yield from (p for p in problems if chosen(p.code))
        if loaded is None:
            continue
        for finding in iter_errors(loaded, rules=rules, select=select, ignore=ignore, strict=strict, catalogue=catalogue):
            yield finding if line is None else _at_line(finding, line)


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
