"""Compact pickles for the model's classes: only the fields that differ from their defaults.

attrs pickles a slotted class as a dict of every field, so a bare ``Operation(id="x",
name="X")`` pickled as 359 bytes (its twenty-odd empty fields named one by one), several times
its JSON; Dask and multiprocessing pickle every value they move between processes. Here a model
object pickles as its class and the fields that differ from their defaults; unpickling fills the
defaults back and restores the fields through attrs' own ``__setstate__`` (as attrs' pickles do:
no converter or validator runs again, the object was valid when it was pickled). Construction is
untouched: only ``__reduce__`` and ``__setstate__`` are replaced on the class.
"""

from __future__ import annotations

import copyreg
from typing import Any

import attrs

_NO_DEFAULT: Any = object()
_NEWOBJ: Any = getattr(copyreg, "__newobj__")  # noqa: B009  # typeshed does not declare it
# Each class's fields with the default its pickles leave out (or _NO_DEFAULT), worked out at its first pickle.
_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    found = _FIELDS.get(cls)
    if found is None:
        found = tuple((attribute.name, _default(attribute)) for attribute in attrs.fields(cls))
        _FIELDS[cls] = found
    return found


def _default(attribute: attrs.Attribute[Any]) -> Any:
    default: Any = attribute.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        # a factory of the other fields depends on them: such a field is always pickled
        return _NO_DEFAULT if default.takes_self else default.factory()
    return _NO_DEFAULT if default is attrs.NOTHING else default


def _reduce(self: Any) -> tuple[Any, ...]:
    cls = type(self)
    state = {}
    for name, default in _fields(cls):
        value = getattr(self, name)
        # the same type too: a 0.0 that equals a default 0 must come back as 0.0
        if default is _NO_DEFAULT or type(value) is not type(default) or value != default:
            state[name] = value
    # copyreg.__newobj__ is pickle's NEWOBJ: the pickle names the class (by its public path) and the state
    return _NEWOBJ, (cls,), state


def compact_pickles(cls: type) -> None:
    """Make the attrs class ``cls`` pickle as its non-default fields only."""
    restore = cls.__setstate__  # type: ignore[attr-defined]  # attrs' own, which sets the fields it is given

    def setstate(self: Any, state: Any) -> None:
        if isinstance(state, dict):  # else an attrs pickle of a tuple of every field, from attrs before 22.2
            state = {name: state.get(name, default) for name, default in _fields(type(self))}
        restore(self, state)

    cls.__reduce__ = _reduce  # type: ignore[assignment]
    cls.__setstate__ = setstate  # type: ignore[attr-defined]
