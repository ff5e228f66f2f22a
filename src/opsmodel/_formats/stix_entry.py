"""The registry entries of STIX 2.1 bundles: plain STIX, and STIX with OpenCTI's extensions (write only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import attrs

from .._model.operations import Report
from .registry import Format, Piece, as_document_problems, not_an_object, read_pieces
from .stix.bundle import dump, from_read_json, loads
from .stix.contradictions import contradictions


def _is_bundle(data: Any, text: str) -> bool:
    return isinstance(data, dict) and data.get("type") == "bundle"


def _write_opencti(report: Report, stream: IO[str]) -> None:
    dump(report, stream, flavour="opencti")


def _check_data(text: str, data: Any) -> Iterator[Piece]:
    """The bundle read as a report, with a warning for every STIX property its extension data contradicts."""
    refused = not_an_object(data, "a STIX bundle (a JSON object)")
    if refused is not None:
        yield Piece(problems=(refused,))
        return
    # the data was read by loads_json (parse_json or Registry.detect_data): no second limits walk
    piece = read_pieces(lambda: from_read_json(data), "OPS005")
    if isinstance(piece.loaded, Report):
        found = as_document_problems("OPS005", contradictions(data, piece.loaded))
        piece = attrs.evolve(piece, problems=(*piece.problems, *found))
    yield piece


STIX = Format(
    "stix",
    "a STIX 2.1 bundle",
    "report.stix.json",
    detect=_is_bundle,
    read=loads,
    write=dump,
    check_data=_check_data,
)
# with OpenCTI's channel and narrative objects; read back as "stix"
STIX_OPENCTI = Format("stix-opencti", "a STIX 2.1 bundle for OpenCTI", "report.opencti.stix.json", write=_write_opencti)
