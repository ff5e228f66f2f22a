"""Building model objects from values already proven, without converting them again.

A model class's constructor runs every field's converter and every validator. Where a value is
already what its converter returns (a model object a decoder has just built, an enum member,
an unchanged field of a valid object), converting it again only costs time. :func:`builder`
generates, once per class and set of *ready* fields, a function that sets the ready fields as
they are, converts the others, and then runs every validator and ``__attrs_post_init__`` as the
constructor does (a validator may compare fields, so a changed field can break an unchanged
one).

Nothing invalid gets in: whenever a converter or a validator refuses, the builder calls the
checked constructor with the same arguments, which raises exactly the error it always raises
(same class, same field, same message). The builders are derived from the attrs fields alone,
so a field added to a class is built without any edit here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs

from .description import Kind, fields_of

T = TypeVar("T")

#: The kinds of field a decoder hands over exactly as the converter would return them: a model
#: object the decoder built with its own class's checks, a tagged union's member, an enum member
#: (or a tuple of them, or None where the field is optional).
_EXACT_KINDS = frozenset({Kind.MODEL, Kind.UNION, Kind.ENUM})


@functools.cache
def decoded_ready(cls: type) -> frozenset[str]:
    """The fields of ``cls`` whose decoded values need no conversion (see :data:`_EXACT_KINDS`)."""
    return frozenset(field.name for field in fields_of(cls) if field.kind in _EXACT_KINDS)


def _default_line(name: str, alias: str, attribute: attrs.Attribute[Any], namespace: dict[str, Any], convert: bool) -> str:
    """The expression giving a field's value: the argument when given, else the default."""
    converter = attribute.converter
    namespace[f"_c_{name}"] = converter
    given = f"_c_{name}(kw[{alias!r}])" if convert and converter is not None else f"kw[{alias!r}]"
    default = attribute.default
    if default is attrs.NOTHING:
        return given
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:  # pragma: no cover - no model field takes self; the checked path handles it
            raise _NotGenerated
        made = f"_f_{name}()"
        namespace[f"_f_{name}"] = default.factory
        missing = f"_c_{name}({made})" if converter is not None else made
    else:
        # attrs converts defaults too: do it once, here
        namespace[f"_d_{name}"] = converter(default) if converter is not None else default  # type: ignore[operator]
        missing = f"_d_{name}"
    return f"{given} if {alias!r} in kw else {missing}"


class _NotGenerated(Exception):
    """A class this module does not know how to build directly (it uses the checked constructor)."""


def _generate(cls: type, ready: frozenset[str]) -> Callable[[dict[str, Any]], Any]:
    namespace: dict[str, Any] = {"_cls": cls, "_new": object.__new__, "_set": object.__setattr__}
    setting: list[str] = []
    checking: list[str] = []
    for attribute in attrs.fields(cls):
        if not attribute.init:
            raise _NotGenerated
        name, alias = attribute.name, attribute.alias or attribute.name
        value = _default_line(name, alias, attribute, namespace, convert=name not in ready)
        setting.append(f"        _set(self, {name!r}, {value})")
        if attribute.validator is not None:
            namespace[f"_v_{name}"] = attribute.validator
            namespace[f"_a_{name}"] = attribute
            checking.append(f"        _v_{name}(self, _a_{name}, self.{name})")
    if hasattr(cls, "__attrs_post_init__"):
        checking.append("        self.__attrs_post_init__()")
    lines = [
        "def build(kw):",
        "    try:",
        "        self = _new(_cls)",
        *setting,
        *checking,
        "        return self",
        "    except Exception:",
        "        pass",
        "    return _cls(**kw)  # refused: the checked constructor raises its own error",
    ]
    exec(compile("\n".join(lines), f"<opsmodel trusted builder {cls.__qualname__}>", "exec"), namespace)  # noqa: S102
    built: Callable[[dict[str, Any]], Any] = namespace["build"]
    return built


@functools.cache
def builder(cls: type[T], ready: frozenset[str] = frozenset()) -> Callable[[dict[str, Any]], T]:
    """The function building a ``cls`` from its constructor's arguments (a dict), ``ready`` fields as given.

    The caller vouches that each ready field's value is one the field's converter returns
    unchanged (a value of a valid object's field, or one a decoder built exactly); every other
    field is converted, and every validator runs. The arguments must be the constructor's
    (unknown names are the checked constructor's ``TypeError`` only when something else fails).
    """
    try:
        return _generate(cls, ready)
    except _NotGenerated:  # pragma: no cover - every model class is generated today
        return lambda kw: cls(**kw)


def build(cls: type[T], kwargs: dict[str, Any]) -> T:
    """A ``cls`` from arguments decoded exactly (see :func:`decoded_ready`), the rest converted."""
    return builder(cls, decoded_ready(cls))(kwargs)


def evolve(obj: T, **changes: Any) -> T:
    """``attrs.evolve(obj, **changes)``, converting only the changed fields (every validator still runs)."""
    cls = type(obj)
    kwargs = {field.alias: getattr(obj, field.name) for field in fields_of(cls)}
    kwargs.update(changes)
    if not kwargs.keys() <= _aliases(cls):
        return cls(**kwargs)  # an unknown argument: the constructor's own TypeError
    ready = _field_names(cls) - _names(cls, changes)
    return builder(cls, ready)(kwargs)


@functools.cache
def _aliases(cls: type) -> frozenset[str]:
    return frozenset(field.alias for field in fields_of(cls))


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(field.name for field in fields_of(cls))


def _names(cls: type, changes: Iterable[str]) -> frozenset[str]:
    """The field names of the constructor arguments ``changes``."""
    return frozenset(_by_alias(cls)[alias] for alias in changes)


@functools.cache
def _by_alias(cls: type) -> dict[str, str]:
    return {field.alias: field.name for field in fields_of(cls)}
