"""The limits every reader holds outside data to, checked before any work is done.

A document from outside may be hostile: nested a hundred thousand levels deep, with numbers of
thousands of digits, strings of megabytes or a million bad entries. Each limit below is checked
before the data reaches the model, so that reading stays fast, memory stays bounded, and the
refusal is an opsmodel error with a path and a code (:data:`LIMIT_CODES`) rather than Python's
``RecursionError``, ``OverflowError`` or int-digits ``ValueError``. The documentation's reference
lists the same table (reference/limits).
"""

from __future__ import annotations

import json
import math
from typing import Any

from .errors import LIMIT_CODES, MAX_PROBLEMS, LimitError, Problem
from .jsontext import MAX_NUMBER_CHARS, parse, parse_exact

__all__ = ["LIMITS", "LIMIT_CODES", "MAX_PROBLEMS", "check_size", "check_value", "loads_json"]

#: Characters of one document (or one JSON Lines record) a reader accepts: 256 MiB of text.
MAX_DOCUMENT_CHARS = 256 * 1024 * 1024
#: Levels of nesting of JSON arrays and objects (the deepest opsmodel document has about 10).
MAX_DEPTH = 64
# MAX_NUMBER_CHARS (characters of one JSON number, about 10**100) is held by the parser (.jsontext).
#: Characters of one string value (1 MiB).
MAX_STRING_CHARS = 1024 * 1024
#: Characters of one CSV cell: the limit of Python's csv module (131,072), which refuses longer ones.
MAX_CSV_CELL_CHARS = 131_072

#: Every limit: name -> (value, what it bounds). The reference documentation prints this table.
LIMITS: dict[str, tuple[int, str]] = {
    "MAX_DOCUMENT_CHARS": (MAX_DOCUMENT_CHARS, "characters of one document or one JSON Lines record"),
    "MAX_DEPTH": (MAX_DEPTH, "levels of nested JSON arrays and objects"),
    "MAX_NUMBER_CHARS": (MAX_NUMBER_CHARS, "characters of one JSON number (an integer given in Python: 300 bits, about 10**90)"),
    "MAX_STRING_CHARS": (MAX_STRING_CHARS, "characters of one string value"),
    "MAX_CSV_CELL_CHARS": (MAX_CSV_CELL_CHARS, "characters of one CSV cell (a catalogue in Meta's CSV)"),
    "MAX_PROBLEMS": (MAX_PROBLEMS, "problems collected for one document; the rest are counted"),
}


def _refuse(code: str, path: str, message: str, value: Any = None) -> LimitError:
    return LimitError(Problem(code=code, path=path, message=message, value=value))


def check_size(text: str | bytes, what: str = "the document") -> None:
    """Refuse a text longer than :data:`MAX_DOCUMENT_CHARS` before reading it."""
    if len(text) > MAX_DOCUMENT_CHARS:
        raise _refuse("too-large", "$", f"{what} has {len(text)} characters, more than the limit of {MAX_DOCUMENT_CHARS}")


def loads_json(text: str | bytes) -> Any:
    """The JSON value of a text, within every limit; :class:`~opsmodel.errors.LimitError` past one.

    Syntax errors stay :class:`json.JSONDecodeError` (a ``ValueError``) for the caller to report
    in its own words; nesting that defeats the parser's recursion is reported as ``too-deep``.
    Parsed by orjson where it is installed (:mod:`.jsontext`), with the same result or error.
    """
    check_size(text)
    try:
        data, exact = parse(text)
        if not exact:
            try:
                check_value(data, floats=False)
                return data
            except (_InexactError, LimitError):
                # a float from orjson may be a number the standard path refuses; and any refusal
                # is the standard path's, which may meet another problem (a number) first
                data = parse_exact(text)
    except RecursionError:
        raise _refuse("too-deep", "$", f"the JSON is nested deeper than the limit of {MAX_DEPTH} levels") from None
    # numbers were checked as they were read, and no string is longer than the text
    check_value(data, scalars=len(text) > MAX_STRING_CHARS)
    return data


def _render(where: tuple[Any, ...]) -> str:
    keys: list[Any] = []
    while where:  # (parent, key) links, rendered only when a limit is hit
        where, key = where
        keys.append(key)
    path = "$"
    for key in reversed(keys):
        path += f"[{key}]" if isinstance(key, int) else f".{key}" if str(key).isidentifier() else f"[{json.dumps(str(key)[:40])}]"
    return path


class _InexactError(Exception):
    """A float in orjson's data: only the standard path can say which number the text held."""


def check_value(data: Any, *, scalars: bool = True, floats: bool = True) -> None:
    """Refuse plain data (as :func:`json.loads` gives it) that is too deep or holds too large a number or string.

    Iterative, so that it is itself safe on the data it refuses; linear in the size of the data.
    ``scalars=False`` checks the nesting only (:func:`loads_json` checks numbers as it reads them);
    ``floats=False`` raises the private ``_InexactError`` at the first float (the data came from orjson).
    """
    level: list[Any] = [[data]]  # a list around the data: the walk checks its items, the data first
    for _ in range(MAX_DEPTH + 1):
        deeper: list[Any] = []
        for node in level:
            if not _scan(node, deeper, scalars, floats):
                _raise_at(data, _bad_scalar)
        if not deeper:
            return
        level = deeper
    _raise_at(data, lambda found, depth: depth >= MAX_DEPTH and isinstance(found, _CONTAINERS))


_CONTAINERS = (dict, list, tuple)
_NOTHING_TO_CHECK = frozenset((bool, type(None)))


def _scan(node: Any, deeper: list[Any], scalars: bool, floats: bool) -> bool:
    """Put the containers among ``node``'s items on ``deeper``; False if a scalar among them is past a limit.

    The plain types JSON gives are told apart by ``type()`` (fast); anything else by isinstance.
    """
    fine = True
    for value in node.values() if isinstance(node, dict) else node:
        kind = type(value)
        if kind is dict or kind is list:
            deeper.append(value)
        elif kind is str:
            fine = fine and (not scalars or len(value) <= MAX_STRING_CHARS)
        elif kind in _NOTHING_TO_CHECK:
            continue
        elif kind is float and not floats:
            raise _InexactError
        elif isinstance(value, _CONTAINERS):
            deeper.append(value)
        elif scalars:
            fine = fine and _scalar_problem(value) is None
    return fine


def _bad_scalar(found: Any, _depth: int) -> bool:
    return not isinstance(found, _CONTAINERS) and _scalar_problem(found) is not None


def _scalar_problem(value: Any) -> tuple[str, str] | None:
    """(code, message) when a number or string is past its limit."""
    if isinstance(value, str):
        return (
            None
            if len(value) <= MAX_STRING_CHARS
            else ("string-too-long", f"a string of {len(value)} characters, more than the limit of {MAX_STRING_CHARS}")
        )
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else ("number-too-long", f"{value} is not a finite number")
    # about 10**90: no count, score or year opsmodel holds is this large
    return (
        None
        if value.bit_length() <= 3 * MAX_NUMBER_CHARS
        else ("number-too-long", f"a number of {value.bit_length()} bits, larger than any opsmodel holds")
    )


def _raise_at(data: Any, bad: Any) -> None:
    """Find the first node ``bad(node, depth)`` holds for (depth first, iteratively) and raise its LimitError."""
    stack: list[tuple[Any, tuple[Any, ...], int]] = [(data, (), 0)]
    while stack:
        value, where, depth = stack.pop()
        if bad(value, depth):
            found = _scalar_problem(value)
            code, message = found if found is not None else ("too-deep", f"nested deeper than the limit of {MAX_DEPTH} levels")
            shown = value[:20] + "..." if isinstance(value, str) else None
            raise _refuse(code, _render(where), message, shown)
        if isinstance(value, _CONTAINERS):
            items = value.items() if isinstance(value, dict) else enumerate(value)
            stack.extend((item, (where, key), depth + 1) for key, item in reversed(list(items)))
