"""A compact, exact JSON codec for model values, used inside opsmodel's STIX extension.

The codec reads the model through its one description (:mod:`opsmodel._model.description`:
each class's fields, their shapes and defaults, each union's tags), as the JSON format does.
Encoding drops fields equal to their default, so that empty lists and nulls, which STIX
forbids, never appear. Fields typed as a union of model classes (a target's place, a period's
ends) carry the union's ``"type"`` tag; the reader also accepts a tag's former spelling
(``fuzzy-date``). The same description generates the JSON Schema published for the extension,
so the schema cannot drift from the encoder.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Iterator
from typing import Any

from ..._core.errors import FieldError
from ..._core.fields import Invalid
from ..._model.description import Field, Kind, TaggedUnion, fields_of
from ..._model.trusted import decoded_ready, plan


class DecodeError(Exception):
    """A value in an extension payload does not decode; ``path`` is relative to the payload."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message


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


def _encoder_for(cls: type) -> Any:
    key: tuple[type, frozenset[str]] = (cls, frozenset())
    encoder = _ENCODERS.get(key)
    if encoder is None:
        encoder = _ENCODERS[key] = _compile_encoder(cls, frozenset())
    return encoder


def _element(field: Field, index: int, namespace: dict[str, Any]) -> str:
    """The expression encoding one value of ``field`` (``{x}`` stands for it)."""
    if field.kind is Kind.ENUM:
        namespace[f"_values{index}"] = {member: member.value for member in field.item}
        return f"_values{index}[{{x}}]"
    if field.kind is Kind.MODEL:
        namespace[f"_model{index}"] = _encoder_for(field.item)
        return f"_model{index}({{x}})"
    if field.kind is Kind.UNION:
        namespace[f"_union{index}"] = _tagged_encoder(field.item)
        return f"_union{index}({{x}})"
    return "{x}.isoformat()" if field.kind is Kind.DATE else "{x}"


def _present(field: Field, index: int, namespace: dict[str, Any]) -> str:
    """The test that ``item`` differs from the field's default (then it is written)."""
    default = field.default
    if default is None:
        return "item is not None"
    if default == () and field.many:
        return "item"
    namespace[f"_default{index}"] = default
    if isinstance(default, (bool, enum.Enum)):
        return f"item is not _default{index}"
    return f"item != _default{index}"


def _compile_encoder(cls: type, skip: frozenset[str]) -> Any:
    """Generate a straight-line encoder for ``cls`` (as attrs generates ``__init__``): one test per field."""
    namespace: dict[str, Any] = {}
    lines = [f"def encode_{cls.__name__}(value):", "    out = {}"]
    for index, field in enumerate(fields_of(cls)):
        if field.name in skip:
            continue
        element = _element(field, index, namespace)
        expression = f"[{element.format(x='e')} for e in item]" if field.many else element.format(x="item")
        lines.append(f"    item = value.{field.name}")
        if field.required:
            lines.append(f"    out[{field.name!r}] = {expression}")
        else:
            lines.append(f"    if {_present(field, index, namespace)}:")
            lines.append(f"        out[{field.name!r}] = {expression}")
    lines.append("    return out")
    exec("\n".join(lines), namespace)  # generated from the model's own field list
    return namespace[f"encode_{cls.__name__}"]


def _tagged_encoder(union: TaggedUnion) -> Any:
    by_class = {member: (union.tag(member), _encoder_for(member)) for member in union.members}

    def encode_tagged(item: Any) -> dict[str, Any]:
        tag, encoder = by_class[type(item)]
        data = {"type": tag}
        data.update(encoder(item))
        return data

    return encode_tagged


# ---------------------------------------------------------------------------------------------
# Decoding


def decode(cls: type, data: Any, path: str = "") -> Any:
    """Rebuild a model value from :func:`encode`'s output; raises :class:`DecodeError` with the path.

    A generated straight-line decoder does the work; only when it fails does the slower,
    path-tracking decoder run again, to say exactly where and why.
    """
    try:
        return decode_fast(cls, data)
    except Exception:  # any failure is explained by the careful decoder below
        return _decode_slowly(cls, data, path)


def decode_fast(cls: type, data: Any) -> Any:
    """:func:`decode` without the careful decoder: a valid payload's value, else any exception (unexplained)."""
    return _decoder_for(cls)(data)


_DECODERS: dict[tuple[type, bool], Any] = {}


class _BadInputError(Exception):
    pass


def _tagged_decoder(union: TaggedUnion) -> Any:
    # each member's decoder takes the object with its tag (no copy without it)
    decoders = {tag: _decoder_for(member, tagged=True) for tag, member in [*union.tags.items(), *union.former_tags.items()]}

    def decode_tagged(item: Any) -> Any:
        if type(item) is not dict:
            raise _BadInputError
        return decoders[item["type"]](item)

    return decode_tagged


def _reading(index: int, field: Field, namespace: dict[str, Any]) -> list[str]:
    """The generated lines setting ``x`` from ``v``, the field's value in the payload (or raising).

    Their names (``_read<index>``) are apart from the plan's (see :class:`~opsmodel._model.trusted.Plan`).
    """
    kind, item = field.kind, field.item
    if kind is Kind.MODEL or kind is Kind.UNION:
        namespace[f"_read{index}"] = _decoder_for(item) if kind is Kind.MODEL else _tagged_decoder(item)
        one = f"_read{index}(i)" if field.many else f"_read{index}(v)"
    elif kind is Kind.ENUM:
        # the exact values only: another spelling the vocabulary forgives goes to the careful decoder
        namespace[f"_read{index}"] = item._value2member_map_
        one = f"_read{index}[i]" if field.many else f"_read{index}[v]"
    elif (kind is Kind.SCALAR and item is str) or kind is Kind.DATE:
        if field.many:
            return ["if type(v) is not list or not _just_str.issuperset(map(type, v)): raise _BadInputError", "x = tuple(v)"]
        return ["if type(v) is not str: raise _BadInputError", "x = v"]
    else:  # numbers and booleans: their converters and validators check them
        return ["if type(v) is not list: raise _BadInputError", "x = tuple(v)"] if field.many else ["x = v"]
    if field.many:
        return ["if type(v) is not list: raise _BadInputError", f"x = tuple([{one} for i in v])"]
    return [f"x = {one}"]


def _compile_decoder(cls: type, tagged: bool) -> Any:
    """Generate a straight-line decoder for ``cls`` that builds the object itself by its trusted plan.

    The field readers give model objects, union members and enum members exactly (or raise), so
    those fields are set as they are (see :mod:`opsmodel._model.trusted`); the others are
    converted, and every validator runs. Absent fields get their defaults. There is no argument
    dict and no builder call; any refusal raises, and :func:`decode` explains it carefully.
    ``tagged``: the payload object also holds its union tag, ``"type"`` (read by the caller).
    """
    fields = fields_of(cls)
    found = plan(cls, decoded_ready(cls))
    known = frozenset(f.name for f in fields) | ({"type"} if tagged else set())
    namespace: dict[str, Any] = {
        **found.namespace,
        "_BadInputError": _BadInputError,
        "_known": known,
        "_just_str": frozenset({str}),
    }
    lines = [
        "def decode(data):",
        "    if type(data) is not dict or not _known.issuperset(data):",
        "        raise _BadInputError",
        "    self = _new(_cls)",
    ]
    by_name = {each.name: each for each in found.assignments}
    for index, field in enumerate(fields):
        each = by_name[field.name]
        body = [f"v = data[{field.name!r}]", *_reading(index, field, namespace)]
        body.append(each.store.format(x=each.value.format(x="x")))
        if each.default is None:
            lines += [f"    {line}" for line in body]
        else:
            lines += [f"    if {field.name!r} in data:", *(f"        {line}" for line in body)]
            lines += ["    else:", f"        {each.store.format(x=each.default)}"]
    lines += [*(f"    {line}" for line in found.checks), "    return self"]
    exec(compile("\n".join(lines), f"<opsmodel STIX extension decoder {cls.__qualname__}>", "exec"), namespace)
    return namespace["decode"]


def _decoder_for(cls: type, *, tagged: bool = False) -> Any:
    fast = _DECODERS.get((cls, tagged))
    if fast is None:
        fast = _compile_decoder(cls, tagged)
        if all(not f.many and f.kind in (Kind.SCALAR, Kind.ENUM, Kind.DATE) for f in fields_of(cls)):
            fast = _interning(cls, fast)
        _DECODERS[cls, tagged] = fast
    return fast


# Small immutable values (countries, languages, technique refs, dates...) recur throughout a
# bundle: within one read (see `interning`), equal payloads decode to one shared, validated value.
_INTERNED: dict[Any, Any] = {}


def _interning(cls: type, decode_new: Any) -> Any:
    def decode_interned(data: Any) -> Any:
        if type(data) is not dict:
            raise _BadInputError
        # with each value's type: True == 1 == 1.0 must not share an entry
        key = (cls, tuple(data.items()), tuple(map(type, data.values())))
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
    fields = fields_of(cls)
    known = {f.name for f in fields}
    for key in data:
        if key not in known and not (key == "type" and path):
            raise DecodeError(f"{path}.{key}", f"{cls.__name__} has no field {key!r}")
    kwargs: dict[str, Any] = {}
    for field in fields:
        if field.name in data:
            kwargs[field.alias] = _decode_field(field, data[field.name], f"{path}.{field.name}")
        elif field.required:
            raise DecodeError(f"{path}.{field.name}", f"missing required field of {cls.__name__}")
    try:
        return cls(**kwargs)
    except FieldError as exc:
        raise DecodeError(path, str(exc)) from None
    except (Invalid, TypeError, ValueError) as exc:  # pragma: no cover - model raises FieldError
        raise DecodeError(path, f"{cls.__name__}: {exc}") from None


def _decode_field(field: Field, item: Any, where: str) -> Any:
    if not field.many:
        return _decode_one(field, item, where)
    if not isinstance(item, list):
        raise DecodeError(where, f"expected a list, got {type(item).__name__}")
    return tuple(_decode_one(field, element, f"{where}[{i}]") for i, element in enumerate(item))


def _decode_one(field: Field, item: Any, where: str) -> Any:
    if item is None:
        if field.optional and not field.many:
            return None
        raise DecodeError(where, "null is not allowed here")
    return _DECODE_ONE[field.kind](field.item, item, where)


def _decode_scalar(target: type, item: Any, where: str) -> Any:
    if type(item) is not target:
        raise DecodeError(where, f"expected {target.__name__}, got {type(item).__name__} {item!r}")
    return item


def _decode_enum(target: type[enum.Enum], item: Any, where: str) -> Any:
    try:
        return target(item)
    except (Invalid, ValueError):
        choices = ", ".join(repr(m.value) for m in target)
        raise DecodeError(where, f"{item!r} is not one of {choices}") from None


def _decode_date(_: type, item: Any, where: str) -> Any:
    if not isinstance(item, str):
        raise DecodeError(where, f"expected an ISO 8601 date string, got {item!r}")
    return item  # the model's converter reads ISO strings (dates and aware instants)


def _decode_tagged(union: TaggedUnion, item: Any, where: str) -> Any:
    if not isinstance(item, dict) or "type" not in item:
        raise DecodeError(where, "expected an object with a 'type' tag")
    member = union.member(item["type"])
    if member is None:
        tags = ", ".join(repr(tag) for tag in union.tags)
        raise DecodeError(f"{where}.type", f"{item['type']!r} is not one of {tags}")
    return _decode_slowly(member, item, where)


_DECODE_ONE: dict[Kind, Any] = {
    Kind.SCALAR: _decode_scalar,
    Kind.ENUM: _decode_enum,
    Kind.DATE: _decode_date,
    Kind.MODEL: _decode_slowly,
    Kind.UNION: _decode_tagged,
}


# ---------------------------------------------------------------------------------------------
# JSON Schema


class _SchemaBuilder:
    """The ``$defs`` of the extension's schema, one entry per model class reached from the roots."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {}  # reserve against recursion
            self.defs[cls.__name__] = self.definition(cls)
        return {"$ref": f"#/$defs/{cls.__name__}"}

    def one(self, field: Field) -> dict[str, Any]:
        if field.kind is Kind.SCALAR:
            return {"type": {str: "string", int: "integer", bool: "boolean"}[field.item]}
        if field.kind is Kind.ENUM:
            return {"enum": [m.value for m in field.item]}
        if field.kind is Kind.DATE:
            return {"type": "string", "description": "ISO 8601 date, or an instant with its UTC offset"}
        if field.kind is Kind.MODEL:
            return self.ref(field.item)
        union: TaggedUnion = field.item
        return {
            "oneOf": [
                {"allOf": [self.ref(member), {"required": ["type"], "properties": {"type": {"const": tag}}}]}
                for tag, member in union.tags.items()
            ]
        }

    def definition(self, cls: type) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        for field in fields_of(cls):
            schema = self.one(field)
            properties[field.name] = {"type": "array", "minItems": 1, "items": schema} if field.many else schema
        required = [field.name for field in fields_of(cls) if field.required]
        doc = (cls.__doc__ or "").strip().split("\n")[0]
        result: dict[str, Any] = {"type": "object", "description": doc, "properties": properties}
        if required:
            result["required"] = required
        # union members carry a "type" tag; otherwise no unknown keys
        result["propertyNames"] = {"enum": [*properties, "type"]}
        return result


def json_schema(roots: dict[str, type], *, title: str, description: str, schema_id: str) -> dict[str, Any]:
    """A JSON Schema (2020-12) for payloads holding the ``roots`` classes, with one ``$defs`` entry per class."""
    builder = _SchemaBuilder()
    for cls in roots.values():
        builder.ref(cls)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": title,
        "description": description,
        "$defs": dict(sorted(builder.defs.items())),
    }
