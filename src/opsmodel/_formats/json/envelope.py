"""What surrounds the model's data in a file: the envelope (format and version) and the JSON text.

A document and the header line of a JSON Lines file both say which format they are
(``"format"``) and in which version (``"format_version"``); the text is UTF-8, not
``\\u``-escaped, except the characters some readers take for line breaks.
"""

from __future__ import annotations

import json
import re
from typing import Any

import attrs

from ..._core.collector import no_gc as no_gc  # readers and writers pause the collector through here
from ..._core.errors import DocumentError, LimitError, Problem
from ..._core.limits import loads_json
from .errors import describe, too_deep

FORMAT = "opsmodel"
LINES_FORMAT = "opsmodel-lines"
FORMAT_VERSION = "1.1"
# Every version the readers accept. A 1.0 document is a 1.1 document: 1.1 only added optional
# fields and vocabulary members, so reading one needs no migration step.
SUPPORTED_VERSIONS: tuple[str, ...] = ("1.0", "1.1")

# Text is written as UTF-8, not \u-escaped, except characters that some readers take for line
# breaks (str.splitlines, JavaScript): escaped, a JSON Lines record is always one line.
_LINE_BREAKS = re.compile("[\x1c-\x1e\x85\u2028\u2029]")
_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in "\x1c\x1d\x1e\x85\u2028\u2029"}


def escape_breaks(text: str) -> str:
    """JSON text with the characters some readers take for line breaks ``\\u``-escaped."""
    return text.translate(_ESCAPES) if _LINE_BREAKS.search(text) else text


def parse(text: str | bytes, line: int | None = None) -> Any:
    """The JSON value of a text; a :class:`DocumentError` (``syntax`` or ``too_deep``) if it is not JSON."""
    try:
        return loads_json(text)
    except RecursionError:
        raise DocumentError([too_deep("$", line)]) from None
    except LimitError as exc:  # the format's own code for nesting; the limits' codes for the rest
        found = exc.problems[0]
        code = "too_deep" if found.code == "too-deep" else found.code
        raise DocumentError([attrs.evolve(found, code=code, line=line)]) from None
    except ValueError as exc:
        where = f"line {exc.lineno}, column {exc.colno}: " if isinstance(exc, json.JSONDecodeError) else ""
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise DocumentError(
            [Problem(path="$", code="syntax", message=f"{where}{message}", expected="JSON text (RFC 8259)", line=line)]
        ) from None


def _format_problem(data: dict[str, Any], expected_format: str, line: int | None) -> Problem:
    present = "format" in data
    return Problem(
        path="$.format",
        code="format" if present else "missing",
        message="not an opsmodel document" if present else "the document does not name its format",
        expected=json.dumps(expected_format),
        value=data.get("format"),
        line=line,
    )


def _cut(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def _version_problem(data: dict[str, Any], line: int | None) -> Problem:
    present = "format_version" in data
    version = data.get("format_version")
    return Problem(
        path="$.format_version",
        code="version" if present else "missing",
        message=f"format_version {_cut(json.dumps(version))} is not supported by this opsmodel"
        if present
        else "the document does not give its format_version",
        expected="one of " + ", ".join(json.dumps(v) for v in SUPPORTED_VERSIONS),
        value=version,
        line=line,
    )


def envelope_problems(data: Any, expected_format: str, line: int | None) -> list[Problem]:
    """What is wrong with the envelope of ``data`` (nothing: an empty list)."""
    if type(data) is not dict:
        return [
            Problem(
                path="$",
                code="type",
                message=f"got {describe(data)}",
                expected=f'a JSON object with "format": "{expected_format}"',
                value=data,
                line=line,
            )
        ]
    problems = []
    if data.get("format") != expected_format:
        problems.append(_format_problem(data, expected_format, line))
    if data.get("format_version") not in SUPPORTED_VERSIONS:
        problems.append(_version_problem(data, line))
    return problems
