"""Bundled example reports, encoded with opsmodel from public threat reports.

>>> from opsmodel import examples
>>> report = examples.load("openai-2024-05")
>>> [op.name for op in report.operations]
['Bad Grammar', 'Doppelganger', 'Spamouflage', 'IUVM', 'Zero Zeno']
"""

from __future__ import annotations

import functools

from ._core.errors import OpsmodelError
from ._model.operations import Report

__all__ = ["UnknownExampleError", "load", "names"]

_EXAMPLES = {"openai-2024-05": "opsmodel._examples.openai_2024_05"}


class UnknownExampleError(OpsmodelError, LookupError):
    """No bundled example has that name."""


def names() -> tuple[str, ...]:
    """The names :func:`load` accepts."""
    return tuple(_EXAMPLES)


@functools.cache
def load(name: str) -> Report:
    """The bundled example ``name`` as a :class:`~opsmodel.Report` (built once, then shared: it is immutable)."""
    import importlib

    module_name = _EXAMPLES.get(name)
    if module_name is None:
        raise UnknownExampleError(f"no bundled example {name!r}; expected one of {', '.join(map(repr, _EXAMPLES))}")
    report: Report = importlib.import_module(module_name).build()
    return report
