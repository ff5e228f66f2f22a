"""The bundled example reports, each a module whose ``build()`` encodes one public report.

Imports only the model (and the error family of the core).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from .._core.errors import UnknownExampleError
from .._model.operations import Report
from . import meta_2024_q1, openai_2024_05

_EXAMPLES: dict[str, Callable[[], Report]] = {
    "openai-2024-05": openai_2024_05.build,
    "meta-2024-q1": meta_2024_q1.build,
}


def names() -> tuple[str, ...]:
    """The names :func:`load` accepts."""
    return tuple(_EXAMPLES)


@functools.cache
def load(name: str) -> Report:
    """The bundled example ``name`` as a :class:`~opsmodel.Report` (built once, then shared: it is immutable)."""
    build = _EXAMPLES.get(name)
    if build is None:
        raise UnknownExampleError(f"no bundled example {name!r}; expected one of {', '.join(map(repr, _EXAMPLES))}")
    return build()
