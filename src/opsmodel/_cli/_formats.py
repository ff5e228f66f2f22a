"""The file formats ``opsmodel convert``, ``validate`` and ``demo`` read and write.

Each format module registers here, under its format name, a writer (report to text stream) and
optionally a reader (text to report). The CLI looks formats up only through these tables.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from .._model.operations import Report

Writer = Callable[[Report, IO[str]], None]
Reader = Callable[[str], Report]

# format name -> (default file name in `opsmodel demo --out`, writer)
WRITERS: dict[str, tuple[str, Writer]] = {}
# format name -> reader
READERS: dict[str, Reader] = {}


# ---- STIX 2.1 (opsmodel.stix) ------------------------------------------------------------------


def _write_stix(report: Report, stream: IO[str]) -> None:
    from .. import stix

    stix.dump(report, stream)


def _write_stix_opencti(report: Report, stream: IO[str]) -> None:
    from .. import stix

    stix.dump(report, stream, flavour="opencti")


def _read_stix(text: str) -> Report:
    from .. import stix

    return stix.loads(text)


WRITERS["stix"] = ("report.stix.json", _write_stix)
WRITERS["stix-opencti"] = ("report.opencti.stix.json", _write_stix_opencti)
READERS["stix"] = _read_stix


# ---------------------------------------------------------------------------------------------
# opsmodel JSON (whole documents) and JSON Lines (one operation per line)


def _write_json(report: Report, handle: IO[str]) -> None:
    from .. import json

    json.dump(report, handle)


def _read_json(text: str) -> Report:
    from .. import json

    return json.loads(text)


def _write_jsonl(report: Report, handle: IO[str]) -> None:
    from .. import json

    json.dump_lines(report, handle)


def _read_jsonl(text: str) -> Report:
    from .. import json

    return json.load_report_lines(text.splitlines(keepends=True))


WRITERS["json"] = ("report.json", _write_json)
WRITERS["jsonl"] = ("operations.jsonl", _write_jsonl)
READERS["json"] = _read_json
READERS["jsonl"] = _read_jsonl


def _write_navigator_layer(report: Report, stream: IO[str]) -> None:
    """The report's DISARM techniques as a DISARM Navigator layer (format 4.5)."""
    import json

    from .._taxonomy.navigator import to_layer

    json.dump(to_layer(report), stream, indent=2, ensure_ascii=False)
    stream.write("\n")


WRITERS["navigator"] = ("navigator-layer.json", _write_navigator_layer)
