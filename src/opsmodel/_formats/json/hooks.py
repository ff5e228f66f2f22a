"""The leaf hooks of the JSON converter: strict types, exact enum values, canonical spellings.

A string is a string, ``1`` is not ``true``, an enum is one of its exact values; and for a
string field whose model converter normalises (``"rus"`` to ``"ru"``), the document must
already hold the canonical spelling, so that reading and writing are exact inverses.
"""

from __future__ import annotations

import enum
import functools
import json
import re
from collections.abc import Callable
from typing import Any

import attrs
from cattrs.errors import AttributeValidationNote

from ..._core.fields import Invalid, to_optional_slug, to_optional_text, to_slug, to_source_ids, to_text, to_text_tuple
from ..._model.description import Field, Kind
from ..._model.places import Country
from .errors import Mismatch

# The canonical form of codes, as the schema states it (the loader checks them too, so that it
# never accepts what the schema refuses).
CODE_PATTERNS: dict[tuple[str, str], str] = {
    ("Country", "code"): "^[A-Z]{2}$",
    ("Subdivision", "code"): "^[A-Z]{2}-[A-Z0-9]{1,3}$",
    ("Language", "code"): "^[a-z]{2,3}$",
    ("Language", "script"): "^[A-Z][a-z]{3}$",
    ("Language", "region"): "^(?:[A-Z]{2}|[0-9]{3})$",
    ("Money", "currency"): "^[A-Z]{3}$",
}


def strict_str(value: Any, tp: Any = str) -> Any:
    """A string, exactly (cattrs also sends str enums here: those go to their enum's hook)."""
    if tp is not str and isinstance(tp, type) and issubclass(tp, enum.Enum):
        return structure_enum(value, tp)
    if type(value) is str:
        return value
    raise Mismatch(value, "a string", "type")


def structure_enum(value: Any, tp: Any) -> Any:
    """A member of the enum ``tp``, from its exact value."""
    return enum_hook(tp)(value, tp)


def strict_int(value: Any, _: Any = None) -> int:
    """An integer, exactly (not a boolean, not a float)."""
    if type(value) is int:
        return value
    raise Mismatch(value, "an integer", "type")


def strict_bool(value: Any, _: Any = None) -> bool:
    """true or false, exactly."""
    if type(value) is bool:
        return value
    raise Mismatch(value, "true or false", "type")


def unstructure_enum(value: enum.Enum) -> Any:
    """An enum member as the format writes it: its value."""
    return value.value


@functools.cache
def enum_hook(cls: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    """The hook reading a member of ``cls`` from its exact value."""
    members = cls._value2member_map_
    expected = "one of " + ", ".join(json.dumps(member.value) for member in cls)

    def structure_enum(value: Any, _: Any) -> Any:
        if type(value) is str:
            found = members.get(value)
            if found is not None:
                return found
            raise Mismatch(
                value,
                expected,
                "value",
                problem=f"{json.dumps(value, ensure_ascii=False)} is not among the {cls.__name__} values",
            )
        raise Mismatch(value, expected, "type")

    return structure_enum


def leaf_shape(field: Field) -> str | None:
    """``"str"``, ``"optional"`` or ``"tuple"`` for a field of strings, else None."""
    if field.kind is not Kind.SCALAR or field.item is not str:
        return None
    if field.many:
        return "tuple"
    return "optional" if field.optional else "str"


def _canonical_check(convert: Callable[[Any], Any], form: re.Pattern[str] | None) -> Callable[[Any, str], Any]:
    """Convert a string as the model does, and refuse it unless it already was in canonical form."""

    def check(value: Any, where: str = "") -> Any:
        try:
            converted = convert(value)
        except Invalid as exc:
            raise Mismatch(exc.value, exc.expected, "value", exc.problem, where + exc.where) from None
        if converted != value:
            raise Mismatch(
                value,
                f"the canonical spelling {json.dumps(converted, ensure_ascii=False)}",
                "not_canonical",
                problem=f"{json.dumps(value, ensure_ascii=False)} is written {json.dumps(converted, ensure_ascii=False)}"
                " in this format",
                where=where,
            )
        if form is not None and converted is not None and not form.fullmatch(converted):
            raise Mismatch(value, f"a code matching {form.pattern}", "value", where=where)
        return converted

    return check


def _strings_hook(convert: Callable[[Any], Any], check: Callable[[Any, str], Any]) -> Callable[[Any, Any], Any]:
    def structure_strings(value: Any, _: Any) -> tuple[str, ...]:
        if type(value) is not list:
            raise Mismatch(value, "an array of strings", "type")
        for index, item in enumerate(value):
            if type(item) is not str:
                raise Mismatch(item, "a string", "type", where=f"[{index}]")
        try:
            converted: tuple[str, ...] = convert(value)
        except Invalid as exc:
            raise Mismatch(exc.value, exc.expected, "value", exc.problem, exc.where) from None
        if len(converted) != len(value) or any(a != b for a, b in zip(converted, value, strict=True)):
            for index, item in enumerate(value):
                check([item], f"[{index}]")
        return converted

    return structure_strings


# Canonical strings recur (a language code, a framework name): each hook remembers the ones it
# has passed and what they gave, so that a dict lookup replaces the converter. Bounded: cleared when full.
_PASSED_MAX = 4096


def _string_hook(check: Callable[[Any, str], Any], optional: bool) -> Callable[[Any, Any], Any]:
    passed: dict[str, Any] = {}

    def structure_string(value: Any, _: Any) -> Any:
        if type(value) is str:
            found = passed.get(value)
            if found is not None:
                return found
            converted = check(value, "")
            if len(passed) >= _PASSED_MAX:
                passed.clear()
            passed[value] = converted
            return converted
        if value is None and optional:
            return None
        raise Mismatch(value, "a string" + (" or null" if optional else ""), "type")

    return structure_string


def canonical_hook(
    convert: Callable[[Any], Any], shape: str, *, fast: bool = False, pattern: str | None = None
) -> Callable[[Any, Any], Any]:
    """A hook for a string field with a model converter: strict type, converter, canonical spelling.

    ``shape`` is ``"str"``, ``"optional"`` or ``"tuple"``. With ``fast`` (the fast path, for
    converters that only check and never respell) the hook checks the JSON type alone and leaves
    the rest to the model's constructor, which runs the converter anyway.
    """
    if fast and convert in _CHECK_ONLY and pattern is None:
        return _TYPE_ONLY[shape]
    check = _canonical_check(convert, re.compile(pattern) if pattern is not None else None)
    if shape == "tuple":
        return _strings_hook(convert, check)
    return _string_hook(check, shape == "optional")


def _type_only_tuple(value: Any, _: Any) -> Any:
    if type(value) is list:
        return value  # the model's converter checks each item and makes the tuple
    raise Mismatch(value, "an array of strings", "type")


def _type_only_optional(value: Any, _: Any) -> Any:
    if value is None or type(value) is str:
        return value
    raise Mismatch(value, "a string or null", "type")


_TYPE_ONLY: dict[str, Callable[[Any, Any], Any]] = {
    "str": strict_str,
    "optional": _type_only_optional,
    "tuple": _type_only_tuple,
}
# Model converters that check strings without ever changing them.
_CHECK_ONLY = frozenset({to_text, to_optional_text, to_text_tuple, to_slug, to_optional_slug, to_source_ids})


_COUNTRY_CODE = canonical_hook(
    attrs.fields(Country).code.converter,  # type: ignore[arg-type]
    "str",
    pattern=CODE_PATTERNS[("Country", "code")],
)


def structure_country(value: Any, _: Any) -> Country:
    """A country outside the place union is its code alone: ``"RU"``."""
    return Country(code=_COUNTRY_CODE(value, str))


def unstructure_country(country: Country) -> str:
    """A country outside the place union, written as its code."""
    return country.code


def unknown(key: str, value: Any, cls: type) -> Mismatch:
    """The mismatch of a field ``key`` that ``cls`` does not define (marked with the field, as cattrs does)."""
    exc = Mismatch(
        value,
        f"only the fields of {cls.__name__} (or keep_unknown=True)",
        "unknown_field",
        problem=f"{cls.__name__} has no field {json.dumps(key, ensure_ascii=False)}",
    )
    exc.__notes__ = [AttributeValidationNote(f"unknown field {key!r}", key, object)]
    return exc
