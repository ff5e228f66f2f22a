"""The registry entries of STIX 2.1 bundles: plain STIX, and STIX with OpenCTI's extensions (write only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

import attrs

from .._model.operations import Report
from .registry import Format, Piece, as_document_problems, parse_or_not, whole_document
from .stix.bundle import dump, loads
from .stix.contradictions import contradictions


def _is_bundle(data: Any, text: str) -> bool:
    return isinstance(data, dict) and data.get("type") == "bundle"


def _write_opencti(report: Report, stream: IO[str]) -> None:
    dump(report, stream, flavour="opencti")


def _check(text: str) -> Iterator[Piece]:
    """The bundle read as a report, with a warning for every STIX property its extension data contradicts."""
    for piece in _read(text):
        if isinstance(piece.loaded, Report):
            data = parse_or_not(text)  # the text parsed as JSON already; parsing again keeps the registry's check simple
            found = as_document_problems("OPS005", contradictions(data, piece.loaded))
            yield attrs.evolve(piece, problems=(*piece.problems, *found))
        else:
            yield piece


_read = whole_document("OPS005", lambda text, data: loads(text), "a STIX bundle (a JSON object)")


STIX = Format("stix", "a STIX 2.1 bundle", "report.stix.json", detect=_is_bundle, read=loads, write=dump, check=_check)
# with OpenCTI's channel and narrative objects; read back as "stix"
STIX_OPENCTI = Format("stix-opencti", "a STIX 2.1 bundle for OpenCTI", "report.opencti.stix.json", write=_write_opencti)
