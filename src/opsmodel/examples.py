"""Bundled example reports, encoded with opsmodel from public threat reports.

>>> from opsmodel import examples
>>> report = examples.load("openai-2024-05")
>>> [op.name for op in report.operations]
['Bad Grammar', 'Doppelganger', 'Spamouflage', 'IUVM', 'Zero Zeno']
"""

from __future__ import annotations

from ._core.exports import publish
from ._examples import load, names
from .errors import UnknownExampleError

__all__ = ["UnknownExampleError", "load", "names"]

publish(__name__)
