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
import inspect
import types
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


class UnplannableError(Exception):
    """A class this module does not know how to build directly (it uses the checked constructor)."""


@attrs.frozen
class Assignment:
    """How generated code sets one field: ``value`` converts (or passes) an expression ``{x}``."""

    name: str
    alias: str
    #: The expression of the field's value from the given expression ``{x}`` (a format string).
    value: str
    #: The expression of its value when not given, or None when the field is required.
    default: str | None
    #: The statement setting the field of ``self`` to the expression ``{x}`` (a format string).
    store: str


@attrs.frozen
class Plan:
    """Generated code's recipe for building one class: names it needs, each field's setting, the checks.

    Code following the plan binds ``self`` to ``_new(_cls)``, sets each field with its
    assignment's ``store`` statement, then runs the ``checks`` lines (validators and
    ``__attrs_post_init__``, in the constructor's order), with ``namespace`` as its globals.
    """

    namespace: dict[str, Any]
    assignments: tuple[Assignment, ...]
    checks: tuple[str, ...]


def _assignment(index: int, attribute: attrs.Attribute[Any], namespace: dict[str, Any], convert: bool) -> Assignment:
    converter = attribute.converter if convert else None
    namespace[f"_c{index}"] = attribute.converter
    value = f"_c{index}({{x}})" if converter is not None else "{x}"
    default: Any = attribute.default
    if default is attrs.NOTHING:
        missing = None
    elif isinstance(default, attrs.Factory):  # type: ignore[arg-type] # attrs.Factory is a class at run time
        if default.takes_self:  # pragma: no cover - no model field takes self; the checked path handles it
            raise UnplannableError
        namespace[f"_f{index}"] = default.factory
        made = f"_f{index}()"
        missing = f"_c{index}({made})" if attribute.converter is not None else made
    else:
        # attrs converts defaults too: done once, here
        namespace[f"_d{index}"] = attribute.converter(default) if attribute.converter is not None else default  # type: ignore[operator]
        missing = f"_d{index}"
    return Assignment(
        name=attribute.name,
        alias=attribute.alias or attribute.name,
        value=value,
        default=missing,
        store=_store(index, attribute.name, namespace),
    )


def _store(index: int, name: str, namespace: dict[str, Any]) -> str:
    """The statement setting field ``name`` on ``self``: through its slot where the class has one.

    A slot's own setter skips the attribute lookup ``object.__setattr__`` does by name (a third
    of its cost, and a model object's fields are set hundreds of times per operation read). It
    writes the slot as ``object.__setattr__`` would: a frozen class's ``__setattr__`` refuses
    both ways the same, and neither way goes through it.
    """
    slot = inspect.getattr_static(namespace["_cls"], name, None)
    if isinstance(slot, types.MemberDescriptorType):
        namespace[f"_s{index}"] = slot.__set__
        return f"_s{index}(self, {{x}})"
    return f"_set(self, {name!r}, {{x}})"  # pragma: no cover - every model class is slotted


@functools.cache
def plan(cls: type, ready: frozenset[str]) -> Plan:
    """The plan building ``cls`` with the ``ready`` fields set as given and the others converted.

    Raises :class:`UnplannableError` for a class it cannot plan (a field outside ``__init__``, a
    default that takes self).
    """
    namespace: dict[str, Any] = {"_cls": cls, "_new": object.__new__, "_set": object.__setattr__}
    assignments = []
    checks: list[str] = []
    for index, attribute in enumerate(attrs.fields(cls)):
        if not attribute.init:
            raise UnplannableError
        assignments.append(_assignment(index, attribute, namespace, convert=attribute.name not in ready))
        if attribute.validator is not None:
            namespace[f"_v{index}"] = attribute.validator
            namespace[f"_a{index}"] = attribute
            checks.append(f"_v{index}(self, _a{index}, self.{attribute.name})")
    if hasattr(cls, "__attrs_post_init__"):
        checks.append("self.__attrs_post_init__()")
    return Plan(namespace=namespace, assignments=tuple(assignments), checks=tuple(checks))


def _generate(cls: type, ready: frozenset[str]) -> Callable[[dict[str, Any]], Any]:
    found = plan(cls, ready)
    setting = []
    for each in found.assignments:
        value = each.value.format(x=f"kw[{each.alias!r}]")
        if each.default is not None:
            value = f"{value} if {each.alias!r} in kw else {each.default}"
        setting.append(f"        {each.store.format(x=value)}")
    lines = [
        "def build(kw):",
        "    try:",
        "        self = _new(_cls)",
        *setting,
        *(f"        {line}" for line in found.checks),
        "        return self",
        "    except Exception:",
        "        pass",
        "    return _cls(**kw)  # refused: the checked constructor raises its own error",
    ]
    namespace = dict(found.namespace)
    exec(compile("\n".join(lines), f"<opsmodel trusted builder {cls.__qualname__}>", "exec"), namespace)
    built: Callable[[dict[str, Any]], Any] = namespace["build"]
    return built


@functools.cache
def builder(cls: type, ready: frozenset[str] = frozenset()) -> Callable[[dict[str, Any]], Any]:
    """The function building a ``cls`` from its constructor's arguments (a dict), ``ready`` fields as given.

    The caller vouches that each ready field's value is one the field's converter returns
    unchanged (a value of a valid object's field, or one a decoder built exactly); every other
    field is converted, and every validator runs. The arguments must be the constructor's
    (unknown names are the checked constructor's ``TypeError`` only when something else fails).
    """
    try:
        return _generate(cls, ready)
    except UnplannableError:  # pragma: no cover - every model class is generated today
        return lambda kw: cls(**kw)


def build(cls: type[T], kwargs: dict[str, Any]) -> T:
    """A ``cls`` from arguments decoded exactly (see :func:`decoded_ready`), the rest converted."""
    key: type = cls
    made: T = builder(key, decoded_ready(key))(kwargs)
    return made


def evolve(obj: T, **changes: Any) -> T:
    """``attrs.evolve(obj, **changes)``, converting only the changed fields (every validator still runs)."""
    cls: type = type(obj)
    kwargs = {field.alias: getattr(obj, field.name) for field in fields_of(cls)}
    kwargs.update(changes)
    if not kwargs.keys() <= _aliases(cls):
        return cls(**kwargs)  # type: ignore[no-any-return] # an unknown argument: the constructor's own TypeError
    ready = _field_names(cls) - _names(cls, changes)
    made: T = builder(cls, ready)(kwargs)
    return made


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
