"""The registry entries of STIX 2.1 bundles: plain STIX, and STIX with OpenCTI's extensions (write only)."""

from __future__ import annotations

from typing import IO, Any

from .._model.operations import Report
from .registry import Format, whole_document
from .stix.bundle import dump, loads


def _is_bundle(data: Any, text: str) -> bool:
    return isinstance(data, dict) and data.get("type") == "bundle"


def _write_opencti(report: Report, stream: IO[str]) -> None:
    dump(report, stream, flavour="opencti")


_check = whole_document("OPS005", lambda text, data: loads(text), "a STIX bundle (a JSON object)")


STIX = Format("stix", "a STIX 2.1 bundle", "report.stix.json", detect=_is_bundle, read=loads, write=dump, check=_check)
# with OpenCTI's channel and narrative objects; read back as "stix"
STIX_OPENCTI = Format("stix-opencti", "a STIX 2.1 bundle for OpenCTI", "report.opencti.stix.json", write=_write_opencti)
