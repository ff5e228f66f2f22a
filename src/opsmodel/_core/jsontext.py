"""The JSON text layer: where text becomes plain data and plain data becomes text, with orjson if it is there.

The standard library's :mod:`json` is the reference. Where `orjson <https://github.com/ijl/orjson>`_
is importable (the ``orjson`` extra), it parses, and writes the indented documents, but only where
the result is the standard path's exactly:

* parsing: orjson refuses some texts the standard path reads (lone surrogate escapes, a UTF-8
  byte order mark in bytes, ``NaN``) and reads integers beyond 64 bits as floats; any refusal
  sends the text to the standard path, and a caller that finds a float in orjson's data (which
  may stand for such an integer, or for a number longer than the limits allow) parses again
  with the standard path (:func:`parse` says which parser's data it gives);
* writing: the standard path's bytes for what opsmodel writes (strings, 64-bit integers,
  booleans, null, arrays, objects with string keys); anything else (a float, a larger integer,
  a lone surrogate, kept unknown fields) is written by :mod:`json`.

``OPSMODEL_JSON=stdlib`` in the environment (read at import) or :func:`use_orjson(False)
<use_orjson>` forces the standard path, for debugging or to compare the two.
"""

from __future__ import annotations

import importlib
import json
import math
import os
from typing import Any

from .errors import LimitError, Problem


def _optional_orjson() -> Any:
    """The orjson module (the ``orjson`` extra), or None where it is not installed."""
    try:
        return importlib.import_module("orjson")
    except ImportError:  # pragma: no cover - exercised by the fallback test with orjson hidden
        return None


_orjson: Any = _optional_orjson()

__all__ = ["ENVIRONMENT", "MAX_NUMBER_CHARS", "dumps_indented", "orjson_in_use", "parse", "parse_exact", "use_orjson"]

#: The environment variable that forces the standard library path (``OPSMODEL_JSON=stdlib``).
ENVIRONMENT = "OPSMODEL_JSON"
#: Characters of one JSON number (about 10**100); longer ones are refused before Python converts them.
MAX_NUMBER_CHARS = 100

_state = {"orjson": _orjson is not None and os.environ.get(ENVIRONMENT, "").strip().lower() != "stdlib"}


def use_orjson(enabled: bool | None = None) -> bool:
    """Whether the text layer uses orjson; ``False`` forces the standard library, ``True`` uses orjson if installed.

    ``None`` (the default) only asks. Returns the setting in force afterwards.
    """
    if enabled is not None:
        _state["orjson"] = bool(enabled) and _orjson is not None
    return _state["orjson"]


def orjson_in_use() -> bool:
    """Whether orjson parses and writes (installed and not turned off)."""
    return _state["orjson"]


def _refuse(code: str, message: str, value: Any) -> LimitError:
    return LimitError(Problem(code=code, path="$", message=message, value=value))


def _number(text: str) -> None:
    if len(text) > MAX_NUMBER_CHARS:
        raise _refuse(
            "number-too-long", f"a number of {len(text)} characters, more than the limit of {MAX_NUMBER_CHARS}", text[:20] + "..."
        )


def _int(text: str) -> int:
    _number(text)
    return int(text)


def _float(text: str) -> float:
    _number(text)
    value = float(text)
    if not math.isfinite(value):
        raise _refuse("number-too-long", f"the number {text} is too large to hold (it overflows to infinity)", text)
    return value


def _constant(text: str) -> float:
    raise _refuse("number-too-long", f"{text} is not a JSON number (RFC 8259 has no NaN or Infinity)", text)


def parse_exact(text: str | bytes) -> Any:
    """The standard library's reading of a JSON text, every number held to :data:`MAX_NUMBER_CHARS` as it is read.

    Syntax errors are :class:`json.JSONDecodeError`; a number past the limit, ``NaN`` or
    ``Infinity`` a :class:`~opsmodel.errors.LimitError` (``number-too-long``); nesting deeper
    than Python's recursion allows a :class:`RecursionError`.
    """
    return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)


def parse(text: str | bytes) -> tuple[Any, bool]:
    """The plain data of a JSON text and whether it is exact: ``(data, exact)``.

    Exact data is :func:`parse_exact`'s. Inexact data (orjson's) equals what :func:`parse_exact`
    gives wherever it holds no float; a float in it may stand for a number the standard path
    refuses or reads as an integer, so a caller that meets one must use :func:`parse_exact`.
    Raises as :func:`parse_exact` does.
    """
    if _state["orjson"] and _orjson is not None:
        try:
            return _orjson.loads(text), False
        except Exception:
            pass
    return parse_exact(text), True


# What orjson writes as the standard library does with indent=2, ensure_ascii=False: strings
# (escapes included, checked by the tests), 64-bit integers, booleans, null, lists and dicts
# with string keys. Anything else raises in orjson or is written differently (floats).
_ORJSON_INDENT = 0 if _orjson is None else _orjson.OPT_INDENT_2


def dumps_indented(data: Any, *, exact_types: bool) -> str:
    """``json.dumps(data, indent=2, ensure_ascii=False)``, by orjson where that gives the same text.

    ``exact_types`` is the caller's word that ``data`` holds only the types orjson writes as the
    standard library does (no float anywhere); without it the standard library writes.
    """
    if exact_types and _state["orjson"] and _orjson is not None:
        try:
            written: bytes = _orjson.dumps(data, option=_ORJSON_INDENT)
            return written.decode("utf-8")
        except Exception:
            pass
    return json.dumps(data, indent=2, ensure_ascii=False)
