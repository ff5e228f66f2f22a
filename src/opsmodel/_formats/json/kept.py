"""Fields a document gave that the format does not define, kept aside for forward compatibility.

Read with ``keep_unknown=True``, they are remembered beside the value they came with (by
identity, dropped with the value) and written back after its known fields.
"""

from __future__ import annotations

import types
import weakref
from collections.abc import Mapping
from typing import Any

#: id of a value -> (a weak reference to it, its unknown fields). Writers test it is empty first:
#: then no value has unknown fields, and the lookup is skipped.
KEPT: dict[int, tuple[weakref.ref[Any], dict[str, Any]]] = {}


def keep(obj: Any, extra: dict[str, Any]) -> None:
    """Remember ``extra`` as the unknown fields of ``obj``, for as long as ``obj`` lives."""
    key = id(obj)

    def forget(ref: weakref.ref[Any]) -> None:
        entry = KEPT.get(key)
        if entry is not None and entry[0] is ref:
            del KEPT[key]

    KEPT[key] = (weakref.ref(obj, forget), extra)


def kept(obj: Any) -> dict[str, Any] | None:
    """The unknown fields kept for ``obj``, or None."""
    entry = KEPT.get(id(obj))
    if entry is not None and entry[0]() is obj:
        return entry[1]
    return None


def unknown_fields(obj: Any) -> Mapping[str, Any]:
    """The fields a document gave ``obj`` that the format does not define (read with ``keep_unknown=True``).

    They are written back, unchanged, after the known fields when ``obj`` is written. They are
    not part of the value: equality ignores them, and a copy made with :func:`attrs.evolve` is a
    new value that does not carry them.
    """
    return types.MappingProxyType(kept(obj) or {})
