"""The one description of the model that every format derives from: fields, their shapes, the unions.

The JSON converter, the STIX extension codec and both schema generators read the model only
through this module, so that they cannot disagree on a field's shape or on a union's tags.
For each model class, :func:`fields_of` gives its fields (name, constructor alias, annotation,
shape, default, converter); for each union of model classes, :data:`UNIONS` holds its members
and the one ``"type"`` tag of each.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any, Union

import attrs

from .dates import FuzzyDate, RelativeDate
from .operations import Report
from .places import Country, Locality, Region, Subdivision


def tag_of(cls: type) -> str:
    """The ``"type"`` tag of a union member: its class name in snake case (``FuzzyDate``: ``fuzzy_date``).

    Snake case, like every field name of the formats.
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


@attrs.frozen
class TaggedUnion:
    """A union of model classes, told apart in the formats by a ``"type"`` tag, one per member.

    ``former_tags`` maps spellings used before a tag was settled to their member: readers
    accept them, writers never produce them.
    """

    members: tuple[type, ...]
    former_tags: Mapping[str, type] = attrs.field(factory=dict)

    @property
    def tags(self) -> dict[str, type]:
        """Each member's tag, in the members' order."""
        return {tag_of(member): member for member in self.members}

    def tag(self, member: type) -> str:
        """The tag of ``member``."""
        return tag_of(member)

    def member(self, tag: Any) -> type | None:
        """The member a tag (current or former) names, or None."""
        if type(tag) is not str:
            return None
        return self.tags.get(tag) or self.former_tags.get(tag)


#: The unions of the model, each member with its tag. The STIX extension once spelt the date
#: tags with a hyphen (``fuzzy-date``); its reader still accepts that spelling.
DATES = TaggedUnion((FuzzyDate, RelativeDate), former_tags={"fuzzy-date": FuzzyDate, "relative-date": RelativeDate})
PLACES = TaggedUnion((Country, Subdivision, Region, Locality))
UNIONS: tuple[TaggedUnion, ...] = (DATES, PLACES)


class Kind(enum.Enum):
    """What a field (or each item of a tuple field) holds."""

    SCALAR = "scalar"  # str, int or bool
    ENUM = "enum"  # a vocabulary (a str enum)
    DATE = "date"  # a datetime.date or datetime.datetime
    MODEL = "model"  # one model class
    UNION = "union"  # one of a TaggedUnion's members


@attrs.frozen
class Field:
    """One field of a model class, as the formats see it.

    ``item`` is what the field (or, when ``many``, each item of its tuple) holds: a Python type
    (``str``, ``int``, ``bool``, ``datetime.date``), an enum class, a model class or a
    :class:`TaggedUnion`. ``optional`` fields also accept None; ``default`` is
    :data:`attrs.NOTHING` for a required field.
    """

    name: str
    alias: str
    type: Any
    kind: Kind
    item: Any
    many: bool
    optional: bool
    default: Any
    converter: Any

    @property
    def required(self) -> bool:
        """Whether the field has no default."""
        return self.default is attrs.NOTHING


def union_args(tp: Any) -> tuple[Any, ...] | None:
    """The arguments of a ``Union``/``X | Y`` annotation, else None."""
    if typing.get_origin(tp) in (Union, types.UnionType):
        return typing.get_args(tp)
    return None


def optional_of(tp: Any) -> Any:
    """``X`` for ``X | None`` (a ``Union`` of the rest when there are several), else None."""
    args = union_args(tp)
    if args is not None and type(None) in args:
        rest = tuple(a for a in args if a is not type(None))
        return rest[0] if len(rest) == 1 else Union[rest]
    return None


def tuple_item(tp: Any) -> Any:
    """``X`` for ``tuple[X, ...]``, else None."""
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


def union_of(tp: Any) -> TaggedUnion | None:
    """The :class:`TaggedUnion` an annotation names (optional or not), else None."""
    args = union_args(tp)
    if args is None:
        return None
    members = {a for a in args if a is not type(None)}
    for union in UNIONS:
        if members == set(union.members):
            return union
    return None


def _kind(item: Any) -> Kind:
    if isinstance(item, TaggedUnion):
        return Kind.UNION
    if isinstance(item, type) and issubclass(item, enum.Enum):
        return Kind.ENUM
    if isinstance(item, type) and attrs.has(item):
        return Kind.MODEL
    if item in (dt.date, dt.datetime):
        return Kind.DATE
    if item in (str, int, bool):
        return Kind.SCALAR
    raise TypeError(f"the formats know no type {item!r}")  # pragma: no cover - a new model type needs a kind


def _field(attribute: attrs.Attribute[Any]) -> Field:
    tp = attribute.type
    many = tuple_item(tp)
    inner = optional_of(tp)
    base = many if many is not None else inner if inner is not None else tp
    item: Any = union_of(base) or base
    return Field(
        name=attribute.name,
        alias=attribute.alias or attribute.name,
        type=tp,
        kind=_kind(item),
        item=item,
        many=many is not None,
        optional=inner is not None,
        default=attribute.default,
        converter=attribute.converter,
    )


@functools.cache
def fields_of(cls: type) -> tuple[Field, ...]:
    """The fields of a model class, in the model's order (its constructor's arguments)."""
    attrs.resolve_types(cls)
    return tuple(_field(attribute) for attribute in attrs.fields(cls) if attribute.init)


def _walk(root: type) -> Iterator[Any]:
    seen: set[Any] = set()
    todo: list[Any] = [root]
    while todo:
        tp = todo.pop()
        if tp in seen:
            continue
        seen.add(tp)
        yield tp
        if isinstance(tp, type) and attrs.has(tp):
            todo.extend(field.type for field in fields_of(tp))
        else:
            todo.extend(typing.get_args(tp))


@functools.cache
def model_classes() -> tuple[type, ...]:
    """Every model class a :class:`~opsmodel.Report` can hold (and Report itself), by name."""
    found = [tp for tp in _walk(Report) if isinstance(tp, type) and attrs.has(tp)]
    return tuple(sorted(found, key=lambda cls: cls.__name__))


@functools.cache
def vocabularies() -> tuple[type[enum.Enum], ...]:
    """Every enum class the model's fields use, by name."""
    found = [tp for tp in _walk(Report) if isinstance(tp, type) and issubclass(tp, enum.Enum)]
    return tuple(sorted(found, key=lambda cls: cls.__name__))
