"""The registry entry of opsmodel JSON: a whole document, a report or an operation."""

from __future__ import annotations

from typing import Any

from .._model.operations import Operation, Report
from .json.document import dump, loads
from .registry import Format, whole_document


def _is_report(data: Any) -> bool:
    """A report has a title and a publisher (or operations); anything else is read as an operation."""
    return isinstance(data, dict) and ("operations" in data or "publisher" in data or "title" in data)


def _read_document(text: str, data: Any) -> Report | Operation:
    if _is_report(data):
        return loads(text)
    return loads(text, Operation)


_check_data = whole_document("OPS004", _read_document, "a JSON object (a report or an operation)")

# no detect: JSON is the registry's fallback, the format of any text no other format claims
JSON = Format("json", "an opsmodel JSON document", "report.json", read=loads, write=dump, check_data=_check_data)
