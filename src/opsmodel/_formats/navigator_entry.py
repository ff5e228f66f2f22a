"""The registry entry of Navigator layers: a report's techniques drawn for the DISARM (or ATT&CK) Navigator.

A layer holds technique ids, not a report: it is written, and checked as a layer
(:func:`opsmodel.taxonomy.from_layer`), never read as a report.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from .._model.operations import Report
from .._taxonomy.navigator import from_layer, to_layer
from .registry import Format, Piece, parse_json, read_pieces


def _is_layer(data: Any, text: str) -> bool:
    if isinstance(data, list) and len(data) == 1:  # Navigator 4.5 can save several layers in a list
        data = data[0]
    return isinstance(data, dict) and "domain" in data and isinstance(data.get("techniques"), list)


def _write(report: Report, stream: IO[str]) -> None:
    """The report's DISARM techniques as a DISARM Navigator layer (format 4.5)."""
    json.dump(to_layer(report), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def _check(text: str) -> Iterator[Piece]:
    data, broken = parse_json(text)
    if broken is not None:
        yield Piece(problems=(broken,))
        return

    def read() -> None:
        from_layer(data)
        return

    yield read_pieces(read, "OPS006")


NAVIGATOR = Format(
    name="navigator",
    description="a Navigator layer (format 4.5) of a report's techniques",
    file_name="navigator-layer.json",
    detect=_is_layer,
    write=_write,
    check=_check,
)
