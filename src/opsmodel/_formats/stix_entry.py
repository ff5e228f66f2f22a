"""The registry entries of STIX 2.1 bundles: plain STIX, and STIX with OpenCTI's extensions (write only)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from .._model.operations import Report
from .registry import Format, Piece, not_an_object, parse_json, read_pieces
from .stix.bundle import dump, loads


def _is_bundle(data: Any, text: str) -> bool:
    return isinstance(data, dict) and data.get("type") == "bundle"


def _write_opencti(report: Report, stream: IO[str]) -> None:
    dump(report, stream, flavour="opencti")


def _check(text: str) -> Iterator[Piece]:
    data, broken = parse_json(text)
    refused = broken or not_an_object(data, "a STIX bundle (a JSON object)")
    if refused is not None:
        yield Piece(problems=(refused,))
        return
    yield read_pieces(lambda: loads(text), "OPS005")


STIX = Format(
    name="stix",
    description="a STIX 2.1 bundle",
    file_name="report.stix.json",
    detect=_is_bundle,
    read=loads,
    write=dump,
    check=_check,
)

STIX_OPENCTI = Format(
    name="stix-opencti",
    description="a STIX 2.1 bundle with OpenCTI's channel and narrative objects (read back as 'stix')",
    file_name="report.opencti.stix.json",
    write=_write_opencti,
)
