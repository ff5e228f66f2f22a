"""The formats opsmodel ships, registered in :data:`FORMATS`.

Detection tries them in this order; a text none recognises is opsmodel JSON (the fallback).

Adding a format: write its entry module (a :class:`~opsmodel._formats.registry.Format`) and add
it to the list below.
"""

from __future__ import annotations

from .json_entry import JSON
from .jsonl_entry import JSONL
from .navigator_entry import NAVIGATOR
from .registry import Registry
from .stix_entry import STIX, STIX_OPENCTI

FORMATS = Registry()
for _entry in (JSON, JSONL, STIX, STIX_OPENCTI, NAVIGATOR):
    FORMATS.register(_entry)
