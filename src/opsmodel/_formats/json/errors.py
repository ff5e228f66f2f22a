"""The codes of the JSON format's problems, and the internal mismatch its hooks raise.

Every :class:`~opsmodel.errors.Problem` the JSON readers report carries one of the codes of
:data:`ERROR_CODES`; a test drives the readers over many bad documents to keep that promise.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..._core.errors import Problem

#: The stable codes a :class:`~opsmodel.errors.Problem` of the JSON format carries, and what each means.
ERROR_CODES: dict[str, str] = {
    "syntax": "the text is not JSON",
    "too_deep": "the JSON nests deeper than Python can read",
    "format": "the document does not say it is an opsmodel document",
    "version": "the document's format_version is not one this reader knows",
    "type": "a value has the wrong JSON type (e.g. a number where a string belongs)",
    "missing": "a required field is absent",
    "unknown_field": "a field the format does not define (see keep_unknown)",
    "tag": "the 'type' of a tagged union is absent or not one of its variants",
    "value": "a value of the right type that the field does not accept (a blank name, a bad code or date)",
    "not_canonical": "a value the model understands but that the format spells differently (e.g. 'rus' for 'ru')",
    "constraint": "fields that are fine alone but not together (e.g. an end date before the start)",
    "invalid": "any other refusal by the model",
    "too-many-problems": "more problems than are collected (1000); the last problem counts the rest",
    "too-large": "a document or line longer than the limit (256 MiB; see the limits reference)",
    "number-too-long": "a number longer than 100 characters, or one that is not finite (1e400, NaN)",
    "string-too-long": "a string longer than the limit (1 MiB; see the limits reference)",
}


class Mismatch(Exception):  # noqa: N818 - internal, never escapes
    """Raised by the format's hooks; becomes a :class:`~opsmodel.errors.Problem` once the path is known.

    ``where`` is the path below the value the hook was given (``.type``, ``[2]``).
    """

    def __init__(self, value: Any, expected: str, code: str, problem: str | None = None, where: str = "") -> None:
        super().__init__(value, expected, code, problem, where)
        self.value = value
        self.expected = expected
        self.code = code
        self.problem = problem if problem is not None else f"got {describe(value)}"
        self.where = where


_KINDS = {dict: "an object", list: "an array", str: "the string", bool: "the boolean", int: "the number", float: "the number"}


def describe(value: Any) -> str:
    """A value as a message names it: its JSON type and, for a scalar, its text (cut at 60 characters)."""
    if value is None:
        return "null"
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (str, int, float, bool)) else ""
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{_KINDS.get(type(value), type(value).__name__)} {text}".rstrip()


def quoted(text: Any) -> str:
    """A value in JSON notation, as messages quote it."""
    return json.dumps(text, ensure_ascii=False)


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def member(name: str) -> str:
    """The JSON path step to an object's member: ``.name``, or ``["odd name"]``."""
    return f".{name}" if _IDENTIFIER.match(name) else f"[{quoted(name)}]"


def too_deep(path: str, line: int | None) -> Problem:
    """The problem of a document that nests deeper than Python can read."""
    return Problem(
        path=path, code="too_deep", message="the document nests too deeply", expected="a shallower document", line=line
    )
