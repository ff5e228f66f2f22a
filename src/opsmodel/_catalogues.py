"""How validation asks a technique catalogue about a technique reference.

A catalogue is duck-typed so that validation does not depend on how :mod:`opsmodel.taxonomy`
stores one: it needs a ``framework`` (``"disarm"``), a way to look a technique up by id
(``get(id)`` returning an entry with a ``name``, or None) and, optionally, ``removed``: the ids
earlier versions had and this one dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ._techniques import TechniqueRef

__all__ = ["verdicts"]


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.casefold()).strip()


def _lookup(catalogue: Any, technique_id: str) -> tuple[bool, str | None]:
    """(whether the id exists, its name if known)."""
    get = getattr(catalogue, "get", None)
    if callable(get):
        entry = get(technique_id)
        if entry is None:
            return False, None
        name = entry if isinstance(entry, str) else getattr(entry, "name", None)
        return True, name if isinstance(name, str) else None
    return technique_id in catalogue, None


def _label(catalogue: Any) -> str:
    framework = getattr(catalogue, "framework", None) or "the catalogue"
    version = getattr(catalogue, "version", None)
    return f"{framework} {version}" if version else str(framework)


def verdicts(catalogue: Any, ref: TechniqueRef) -> Iterator[tuple[str, str]]:
    """(code, message) for what the catalogue says is wrong with ``ref`` (nothing if it is fine or another framework's)."""
    framework = getattr(catalogue, "framework", None)
    if framework is not None and framework != ref.framework:
        return
    found, name = _lookup(catalogue, ref.id)
    if not found:
        removed = getattr(catalogue, "removed", ())
        if ref.id in removed:
            yield "OPS602", f"{ref.id} was removed before {_label(catalogue)}"
        else:
            yield "OPS601", f"{ref.id} is not a technique of {_label(catalogue)}"
        return
    if ref.name is not None and name is not None and _norm(ref.name) != _norm(name):
        yield "OPS603", f"{ref.id} is named {name!r} in {_label(catalogue)}, not {ref.name!r}"
