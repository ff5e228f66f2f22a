"""The file formats opsmodel reads and writes, in one registry.

>>> from opsmodel.formats import FORMATS
>>> FORMATS.names()
('json', 'jsonl', 'stix', 'stix-opencti', 'navigator')
>>> FORMATS.names("read")
('json', 'jsonl', 'stix')
>>> FORMATS.detect('{"type": "bundle", "id": "bundle--0", "objects": []}').name
'stix'

Each :class:`Format` declares its name, how to recognise its content, its reader, its writer
and how to check a raw document; the command line and :func:`opsmodel.validation.iter_document_errors`
find formats only here. Register a format of your own with ``FORMATS.register(Format(...))``.
:func:`atomic_writer` writes a file so that a failure never leaves a half-written one behind.
"""

from __future__ import annotations

from ._core.files import atomic_writer
from ._formats.builtin import FORMATS
from ._formats.registry import NOT_JSON, Action, Format, Piece, Registry

__all__ = ["FORMATS", "NOT_JSON", "Action", "Format", "Piece", "Registry", "atomic_writer"]
