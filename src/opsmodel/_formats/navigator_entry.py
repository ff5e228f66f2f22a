"""The registry entry of Navigator layers: a report's techniques drawn for the DISARM (or ATT&CK) Navigator.

A layer holds technique ids, not a report: it is written, and checked as a layer
(:func:`opsmodel.taxonomy.from_layer`), never read as a report.
"""

from __future__ import annotations

import json
from typing import IO, Any

from .._model.operations import Report
from .._taxonomy.navigator import from_layer, to_layer
from .registry import Format, whole_document


def _is_layer(data: Any, text: str) -> bool:
    if isinstance(data, list) and len(data) == 1:  # Navigator 4.5 can save several layers in a list
        data = data[0]
    return isinstance(data, dict) and "domain" in data and isinstance(data.get("techniques"), list)


def _write(report: Report, stream: IO[str]) -> None:
    """The report's DISARM techniques as a DISARM Navigator layer (format 4.4, what it reads)."""
    json.dump(to_layer(report), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def _read_layer(text: str, data: Any) -> None:
    from_layer(data)  # a layer holds no report: only its problems count


_check_data = whole_document("OPS006", _read_layer, None)


# a layer is written and checked, never read as a report
NAVIGATOR = Format(
    "navigator", "a Navigator layer", "navigator-layer.json", detect=_is_layer, write=_write, check_data=_check_data
)
