"""A compact, exact JSON codec for model values, used inside opsmodel's STIX extension.

Every attrs model class is described once by a *plan* (its fields, their JSON shape and
defaults); encoding drops fields equal to their default, so that empty lists and nulls, which
STIX forbids, never appear. Fields typed as a union of model classes (a target's place, a
period's ends) carry a ``"type"`` tag. The same plans generate the JSON Schema published for
the extension, so the schema cannot drift from the encoder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import types
import typing
from collections.abc import Iterator
from typing import Any, Union

import attrs

from ..._core.errors import FieldError
from ..._core.fields import Invalid

__all__ = ["DecodeError", "decode", "encode", "json_schema", "tag_of"]

# field kinds
_SCALAR, _ENUM, _DATE, _MODEL, _UNION = range(5)


class DecodeError(Exception):
    """A value in an extension payload does not decode; ``path`` is relative to the payload."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message


@attrs.frozen
class _Shape:
    kind: int
    many: bool
    optional: bool
    target: Any  # python type, enum class, model class, or tuple of model classes


@attrs.frozen
class _FieldPlan:
    name: str
    alias: str
    shape: _Shape
    default: Any  # attrs.NOTHING when required


_PLANS: dict[type, tuple[_FieldPlan, ...]] = {}


def tag_of(cls: type) -> str:
    """The ``"type"`` tag of a model class inside a union: ``FuzzyDate`` gives ``fuzzy-date``."""
    out = []
    for i, ch in enumerate(cls.__name__):
        if ch.isupper() and i:
            out.append("-")
        out.append(ch.lower())
    return "".join(out)


def _shape(hint: Any) -> _Shape:
    many = optional = False
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(members) < len(typing.get_args(hint))
        hint = members[0] if len(members) == 1 else Union[tuple(members)]
        origin = typing.get_origin(hint)
    if origin is tuple:
        many = True
        hint = typing.get_args(hint)[0]
        origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        return _Shape(_UNION, many, optional, tuple(typing.get_args(hint)))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _Shape(_ENUM, many, optional, hint)
    if isinstance(hint, type) and attrs.has(hint):
        return _Shape(_MODEL, many, optional, hint)
    if hint is dt.date:
        return _Shape(_DATE, many, optional, hint)
    if hint in (str, int, bool):
        return _Shape(_SCALAR, many, optional, hint)
    raise TypeError(f"no STIX extension codec for type {hint!r}")  # pragma: no cover - a model change


def _plan(cls: type) -> tuple[_FieldPlan, ...]:
    plan = _PLANS.get(cls)
    if plan is None:
        hints = typing.get_type_hints(cls)
        plan = tuple(_FieldPlan(a.name, a.alias or a.name, _shape(hints[a.name]), a.default) for a in attrs.fields(cls) if a.init)
        _PLANS[cls] = plan
    return plan


# ---------------------------------------------------------------------------------------------
# Encoding


def encode(value: Any, *, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The JSON form of a model value; fields equal to their default (and those in ``skip``) are left out."""
    key = (type(value), skip)
    encoder = _ENCODERS.get(key)
    if encoder is None:
        encoder = _ENCODERS[key] = _compile_encoder(type(value), skip)
    result: dict[str, Any] = encoder(value)
    return result


_ENCODERS: dict[tuple[type, frozenset[str]], Any] = {}
_TAGS: dict[type, str] = {}


def _encoder_for(cls: type) -> Any:
    key: tuple[type, frozenset[str]] = (cls, frozenset())
    encoder = _ENCODERS.get(key)
    if encoder is None:
        encoder = _ENCODERS[key] = _compile_encoder(cls, frozenset())
    return encoder


def _compile_encoder(cls: type, skip: frozenset[str]) -> Any:
    """Generate a straight-line encoder for ``cls`` (as attrs generates ``__init__``): one test per field."""
    namespace: dict[str, Any] = {"_encode": encode, "_tagged": _encode_tagged}
    lines = [f"def encode_{cls.__name__}(value):", "    out = {}"]
    for index, field in enumerate(_plan(cls)):
        if field.name in skip:
            continue
        shape = field.shape
        lines.append(f"    item = value.{field.name}")
        if shape.kind == _ENUM:
            namespace[f"_values{index}"] = {member: member.value for member in shape.target}
            element = f"_values{index}[{{x}}]"
        elif shape.kind == _MODEL:
            namespace[f"_model{index}"] = _encoder_for(shape.target)
            element = f"_model{index}({{x}})"
        else:
            element = {_SCALAR: "{x}", _DATE: "{x}.isoformat()", _UNION: "_tagged({x})"}[shape.kind]
        expression = f"[{element.format(x='e')} for e in item]" if shape.many else element.format(x="item")
        default = field.default
        if default is attrs.NOTHING:
            lines.append(f"    out[{field.name!r}] = {expression}")
            continue
        if default is None:
            test = "item is not None"
        elif default == () and shape.many:
            test = "item"
        elif isinstance(default, (bool, enum.Enum)):
            namespace[f"_default{index}"] = default
            test = f"item is not _default{index}"
        else:
            namespace[f"_default{index}"] = default
            test = f"item != _default{index}"
        lines.append(f"    if {test}:")
        lines.append(f"        out[{field.name!r}] = {expression}")
    lines.append("    return out")
    exec("\n".join(lines), namespace)  # generated from the model's own field list
    return namespace[f"encode_{cls.__name__}"]


def _encode_tagged(item: Any) -> dict[str, Any]:
    cls = type(item)
    tag = _TAGS.get(cls)
    if tag is None:
        tag = _TAGS[cls] = tag_of(cls)
    data = {"type": tag}
    data.update(encode(item))
    return data


# ---------------------------------------------------------------------------------------------
# Decoding


def decode(cls: type, data: Any, path: str = "") -> Any:
    """Rebuild a model value from :func:`encode`'s output; raises :class:`DecodeError` with the path.

    A generated straight-line decoder does the work; only when it fails does the slower,
    path-tracking decoder run again, to say exactly where and why.
    """
    try:
        return _decoder_for(cls)(data)
    except Exception:  # any failure is explained by the careful decoder below
        return _decode_slowly(cls, data, path)


_DECODERS: dict[type, Any] = {}


class _BadInputError(Exception):
    pass


def _many(function: Any, items: Any) -> tuple[Any, ...]:
    if type(items) is not list:
        raise _BadInputError
    return tuple([function(item) for item in items])


def _text(item: Any) -> str:
    if type(item) is not str:
        raise _BadInputError
    return item


def _tagged_decoder(members: tuple[type, ...]) -> Any:
    decoders = {tag_of(member): _decoder_for(member) for member in members}

    def decode_tagged(item: Any) -> Any:
        if type(item) is not dict:
            raise _BadInputError
        body = dict(item)
        return decoders[body.pop("type")](body)

    return decode_tagged


def _compile_decoder(cls: type) -> Any:
    plan = _plan(cls)
    namespace: dict[str, Any] = {
        "_cls": cls,
        "_BadInputError": _BadInputError,
        "_many": _many,
        "_text": _text,
        "_known": frozenset(f.name for f in plan),
    }
    lines = [
        f"def decode_{cls.__name__}(data):",
        "    if type(data) is not dict or data.keys() - _known:",
        "        raise _BadInputError",
    ]
    args = []
    for index, field in enumerate(plan):
        shape = field.shape
        if shape.kind == _SCALAR:
            function = "_text" if shape.target is str else None
        elif shape.kind == _ENUM:
            namespace[f"_enum{index}"] = shape.target
            function = f"_enum{index}"
        elif shape.kind == _DATE:
            function = "_text"
        elif shape.kind == _MODEL:
            namespace[f"_model{index}"] = _decoder_for(shape.target)
            function = f"_model{index}"
        else:
            namespace[f"_union{index}"] = _tagged_decoder(shape.target)
            function = f"_union{index}"
        key = repr(field.name)
        if shape.many:
            value = f"_many({function}, data[{key}])" if function else f"_many(lambda x: x, data[{key}])"
        else:
            value = f"{function}(data[{key}])" if function else f"data[{key}]"
        if field.default is attrs.NOTHING:
            args.append(f"{field.alias}={value}")
        else:
            namespace[f"_default{index}"] = field.default
            args.append(f"{field.alias}=({value} if {key} in data else _default{index})")
    lines.append("    return _cls(" + ", ".join(args) + ")")
    exec("\n".join(lines), namespace)  # generated from the model's own field list
    return namespace[f"decode_{cls.__name__}"]


def _decoder_for(cls: type) -> Any:
    fast = _DECODERS.get(cls)
    if fast is None:
        fast = _compile_decoder(cls)
        if all(not f.shape.many and f.shape.kind in (_SCALAR, _ENUM, _DATE) for f in _plan(cls)):
            fast = _interning(cls, fast)
        _DECODERS[cls] = fast
    return fast


# Small immutable values (countries, languages, technique refs, dates...) recur throughout a
# bundle: within one read (see `interning`), equal payloads decode to one shared, validated value.
_INTERNED: dict[Any, Any] = {}


def _interning(cls: type, decode_new: Any) -> Any:
    def decode_interned(data: Any) -> Any:
        if type(data) is not dict:
            raise _BadInputError
        # with each value's type: True == 1 == 1.0 must not share an entry
        key = (cls, *[(name, value.__class__, value) for name, value in data.items()])
        try:
            found = _INTERNED.get(key)
        except TypeError:  # an unhashable (so invalid) value: let the decoder explain
            return decode_new(data)
        if found is None:
            found = _INTERNED[key] = decode_new(data)
        return found

    return decode_interned


@contextlib.contextmanager
def interning() -> Iterator[None]:
    """Share equal small values while decoding one bundle; forget them afterwards."""
    try:
        yield
    finally:
        _INTERNED.clear()


def _decode_slowly(cls: type, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise DecodeError(path, f"expected an object for {cls.__name__}, got {type(data).__name__}")
    kwargs: dict[str, Any] = {}
    plan = _plan(cls)
    known = {f.name for f in plan}
    for key in data:
        if key not in known and not (key == "type" and path):
            raise DecodeError(f"{path}.{key}", f"{cls.__name__} has no field {key!r}")
    for field in plan:
        if field.name not in data:
            if field.default is attrs.NOTHING:
                raise DecodeError(f"{path}.{field.name}", f"missing required field of {cls.__name__}")
            continue
        item = data[field.name]
        where = f"{path}.{field.name}"
        shape = field.shape
        if shape.many:
            if not isinstance(item, list):
                raise DecodeError(where, f"expected a list, got {type(item).__name__}")
            kwargs[field.alias] = tuple(_decode_one(shape, element, f"{where}[{i}]") for i, element in enumerate(item))
        else:
            kwargs[field.alias] = _decode_one(shape, item, where)
    try:
        return cls(**kwargs)
    except FieldError as exc:
        raise DecodeError(path, str(exc)) from None
    except (Invalid, TypeError, ValueError) as exc:  # pragma: no cover - model raises FieldError
        raise DecodeError(path, f"{cls.__name__}: {exc}") from None


def _decode_one(shape: _Shape, item: Any, where: str) -> Any:
    kind = shape.kind
    if item is None:
        if shape.optional and not shape.many:
            return None
        raise DecodeError(where, "null is not allowed here")
    if kind == _SCALAR:
        target = shape.target
        if type(item) is not target:
            raise DecodeError(where, f"expected {target.__name__}, got {type(item).__name__} {item!r}")
        return item
    if kind == _ENUM:
        try:
            return shape.target(item)
        except (Invalid, ValueError):
            choices = ", ".join(repr(m.value) for m in shape.target)
            raise DecodeError(where, f"{item!r} is not one of {choices}") from None
    if kind == _DATE:
        if not isinstance(item, str):
            raise DecodeError(where, f"expected an ISO 8601 date string, got {item!r}")
        return item  # the model's converter reads ISO strings (dates and aware instants)
    if kind == _MODEL:
        return _decode_slowly(shape.target, item, where)
    if not isinstance(item, dict) or "type" not in item:
        raise DecodeError(where, "expected an object with a 'type' tag")
    for member in shape.target:
        if tag_of(member) == item["type"]:
            return _decode_slowly(member, item, where)
    tags = ", ".join(repr(tag_of(m)) for m in shape.target)
    raise DecodeError(f"{where}.type", f"{item['type']!r} is not one of {tags}")


# ---------------------------------------------------------------------------------------------
# JSON Schema


def json_schema(roots: dict[str, type], *, title: str, description: str, schema_id: str) -> dict[str, Any]:
    """A JSON Schema (2020-12) for payloads holding the ``roots`` classes, with one ``$defs`` entry per class."""
    defs: dict[str, Any] = {}

    def ref(cls: type) -> dict[str, Any]:
        if cls.__name__ not in defs:
            defs[cls.__name__] = {}  # reserve against recursion
            defs[cls.__name__] = definition(cls)
        return {"$ref": f"#/$defs/{cls.__name__}"}

    def one(shape: _Shape) -> dict[str, Any]:
        if shape.kind == _SCALAR:
            return {"type": {str: "string", int: "integer", bool: "boolean"}[shape.target]}
        if shape.kind == _ENUM:
            return {"enum": [m.value for m in shape.target]}
        if shape.kind == _DATE:
            return {"type": "string", "description": "ISO 8601 date, or an instant with its UTC offset"}
        if shape.kind == _MODEL:
            return ref(shape.target)
        options = []
        for member in shape.target:
            options.append({"allOf": [ref(member), {"required": ["type"], "properties": {"type": {"const": tag_of(member)}}}]})
        return {"oneOf": options}

    def definition(cls: type) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required = []
        for field in _plan(cls):
            schema = one(field.shape)
            if field.shape.many:
                schema = {"type": "array", "minItems": 1, "items": schema}
            properties[field.name] = schema
            if field.default is attrs.NOTHING:
                required.append(field.name)
        doc = (cls.__doc__ or "").strip().split("\n")[0]
        result: dict[str, Any] = {"type": "object", "description": doc, "properties": properties}
        if required:
            result["required"] = required
        # union members carry a "type" tag; otherwise no unknown keys
        result["propertyNames"] = {"enum": [*properties, "type"]}
        return result

    for cls in roots.values():
        ref(cls)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": title,
        "description": description,
        "$defs": dict(sorted(defs.items())),
    }
