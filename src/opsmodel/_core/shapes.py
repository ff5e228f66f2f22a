"""Checking the types of the properties a reader takes from outside data, before it uses them.

A reader of JSON written by other tools (a STIX bundle, a MISP event, a catalogue) reads a few
properties of each object; each such reader describes them once as a *shape* (a type, a list
``[item shape]`` or an object ``{key: shape}``), and :func:`shape_problem` says where the data is
not of that shape, so that a property of the wrong type is refused with its path instead of
failing deep inside as a ``TypeError`` or ``AttributeError``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import show_value


def shape_problem(value: Any, shape: Any, path: str, *, nullable: bool = True) -> str | None:
    """Where ``value`` (a JSON value) is not of ``shape`` (a type, ``[item shape]`` or ``{key: shape}``), and how.

    A property may be absent or null (the readers treat both alike); an item of a list may not.
    """
    if value is None and nullable:
        return None
    expected = list if isinstance(shape, list) else Mapping if isinstance(shape, dict) else shape
    if not isinstance(value, expected):
        name = {list: "a list", Mapping: "an object", str: "a string"}.get(expected, expected.__name__)
        return f"{path}: expected {name}, got {type(value).__name__} {show_value(value)}"
    if isinstance(shape, list):
        found = (shape_problem(item, shape[0], f"{path}[{index}]", nullable=False) for index, item in enumerate(value))
    elif isinstance(shape, dict) and isinstance(value, Mapping):
        found = (shape_problem(value.get(key), inner, f"{path}.{key}") for key, inner in shape.items())
    else:
        return None
    return next((problem for problem in found if problem is not None), None)
