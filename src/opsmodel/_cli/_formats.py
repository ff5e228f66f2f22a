"""The writers and readers of the registered formats, as the tables older code (and tests) look up.

The command line itself uses :data:`opsmodel.formats.FORMATS`; these are views of it, taken at import:
``WRITERS`` maps a format name to (the file ``opsmodel demo --out`` writes, the writer) and
``READERS`` a format name to its reader.
"""

from __future__ import annotations

from ..formats import FORMATS, Format

WRITERS = {entry.name: (entry.file_name, entry.write) for entry in FORMATS if entry.write is not None}
READERS = {entry.name: entry.read for entry in FORMATS if entry.read is not None}

__all__ = ["READERS", "WRITERS", "Format"]
