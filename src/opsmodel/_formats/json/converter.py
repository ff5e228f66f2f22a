"""The opsmodel JSON format: one cattrs converter, configured once, and the document envelope.

The converter is built by :func:`make_converter`, in the style of cattrs' ``preconf`` modules.
Every model class is (un)structured by functions cattrs generates; this module only adds what
the format needs on top:

* strict leaf hooks (a string is a string, ``1`` is not ``true``, an enum is one of its exact
  values) and, for fields whose model converter normalises (``"rus"`` to ``"ru"``), a check
  that the document already holds the canonical spelling, so that reading and writing are
  exact inverses;
* a ``type`` tag on the two unions (``FuzzyDate | RelativeDate`` and ``Country | Subdivision |
  Region``);
* fuzzy dates written readably (``{"date": "2024-05", "bound": "on_or_before"}``);
* unknown fields refused, or kept aside and written back unchanged;
* errors collected over the whole document, each with a JSON path, by re-reading a failed
  document with cattrs' detailed validation (the fast path runs without it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import functools
import gc
import json
import re
import types
import typing
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any, TypeVar, Union

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError, IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ..._core.errors import FieldError, OpsmodelError
from ..._core.fields import Invalid, to_optional_text, to_slug, to_source_ids, to_text, to_text_tuple
from ..._model.dates import FuzzyDate, Precision, RelativeDate
from ..._model.operations import Operation, Report
from ..._model.places import Country, Region, Subdivision

__all__ = [
    "ERROR_CODES",
    "FORMAT",
    "FORMAT_VERSION",
    "LINES_FORMAT",
    "SUPPORTED_VERSIONS",
    "DocumentError",
    "Problem",
    "dump",
    "dump_lines",
    "dumps",
    "from_dict",
    "load",
    "load_lines",
    "loads",
    "make_converter",
    "to_dict",
    "unknown_fields",
]

T = TypeVar("T")

FORMAT = "opsmodel"
LINES_FORMAT = "opsmodel-lines"
FORMAT_VERSION = "1.0"
SUPPORTED_VERSIONS: tuple[str, ...] = ("1.0",)

#: The stable codes a :class:`Problem` carries, and what each means.
ERROR_CODES: dict[str, str] = {
    "syntax": "the text is not JSON",
    "too_deep": "the JSON nests deeper than Python can read",
    "format": "the document does not say it is an opsmodel document",
    "version": "the document's format_version is not one this reader knows",
    "type": "a value has the wrong JSON type (e.g. a number where a string belongs)",
    "missing": "a required field is absent",
    "unknown_field": "a field the format does not define (see keep_unknown)",
    "tag": "the 'type' of a tagged union is absent or not one of its variants",
    "value": "a value of the right type that the field does not accept (a blank name, a bad code or date)",
    "not_canonical": "a value the model understands but that the format spells differently (e.g. 'rus' for 'ru')",
    "constraint": "fields that are fine alone but not together (e.g. an end date before the start)",
    "invalid": "any other refusal by the model",
}

_DUMP_OPTIONS: dict[str, Any] = {"indent": 2, "ensure_ascii": False}
_LINE_OPTIONS: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}
# Text is written as UTF-8, not \u-escaped, except characters that some readers take for line
# breaks (str.splitlines, JavaScript): escaped, a JSON Lines record is always one line.
_LINE_BREAKS = re.compile("[\x1c-\x1e\x85\u2028\u2029]")
_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in "\x1c\x1d\x1e\x85\u2028\u2029"}


def _escape_breaks(text: str) -> str:
    return text.translate(_ESCAPES) if _LINE_BREAKS.search(text) else text


# ---------------------------------------------------------------------------------------------
# Errors


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong in a document: where (a JSON path), what was found and what was expected.

    ``line`` is the line number in a JSON Lines file (``None`` for a whole document); the
    ``path`` is then relative to that line's value.
    """

    path: str
    code: str
    message: str
    expected: str
    value: Any = None
    line: int | None = None

    @property
    def location(self) -> str:
        """The path, preceded by the line number for a JSON Lines record: ``line 3, $.activity``."""
        return self.path if self.line is None else f"line {self.line}, {self.path}"

    def __str__(self) -> str:
        return f"{self.location}: {self.message}; expected {self.expected} [{self.code}]"


_SHOWN = 20  # problems spelt out in the message; all of them are in DocumentError.problems


class DocumentError(OpsmodelError, ValueError):
    """A document that cannot be read; :attr:`problems` lists every problem found, in document order.

    The message spells out the first 20.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        found = tuple(problems)
        # the JSON reader's own problem record until it moves onto opsmodel.errors.Problem (issue 9, dev-formats)
        self.problems = found  # type: ignore[assignment]
        count = len(found)
        lines = [f"  {problem}" for problem in found[:_SHOWN]]
        if count > _SHOWN:
            lines.append(f"  ... and {count - _SHOWN} more (see the error's problems)")
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the document:\n" + "\n".join(lines))

    def __reduce__(self) -> tuple[Any, ...]:
        return (DocumentError, (self.problems,))


class _Mismatch(Exception):  # noqa: N818 - internal, never escapes
    """Raised by the format's hooks; becomes a :class:`Problem` once the path is known."""

    def __init__(self, value: Any, expected: str, code: str, problem: str | None = None, where: str = "") -> None:
        super().__init__(value, expected, code, problem, where)
        self.value = value
        self.expected = expected
        self.code = code
        self.problem = problem if problem is not None else f"got {_describe(value)}"
        self.where = where


def _describe(value: Any) -> str:
    kind = {dict: "an object", list: "an array", str: "the string", bool: "the boolean", int: "the number", float: "the number"}
    if value is None:
        return "null"
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (str, int, float, bool)) else ""
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{kind.get(type(value), type(value).__name__)} {text}".rstrip()


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _member(name: str) -> str:
    return f".{name}" if _IDENTIFIER.match(name) else f"[{json.dumps(name, ensure_ascii=False)}]"


def _first_note(exc: BaseException, kind: type[T]) -> T | None:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, kind):
            return note
    return None


def _problems(exc: BaseException, path: str, line: int | None) -> Iterator[Problem]:
    """Flatten cattrs' exception groups (detailed validation) into problems with paths."""
    if isinstance(exc, ClassValidationError):
        for sub in exc.exceptions:
            attribute = _first_note(sub, AttributeValidationNote)
            yield from _problems(sub, path + _member(attribute.name) if attribute is not None else path, line)
    elif isinstance(exc, IterableValidationError):
        for sub in exc.exceptions:
            item = _first_note(sub, IterableValidationNote)
            yield from _problems(sub, f"{path}[{item.index}]" if item is not None else path, line)
    elif isinstance(exc, _Mismatch):
        yield Problem(
            path=path + exc.where, code=exc.code, message=exc.problem, expected=exc.expected, value=exc.value, line=line
        )
    elif isinstance(exc, FieldError):
        field = exc.field
        if exc.owner == "FuzzyDate" and field in ("value", "precision"):
            field = "date"
        where = "" if field == "?" else ("" if field.startswith("[") else ".") + field
        yield Problem(
            path=path + where, code="constraint", message=exc.problem, expected=exc.expected, value=_plain(exc.value), line=line
        )
    elif isinstance(exc, Invalid):
        yield Problem(path=path + exc.where, code="value", message=exc.problem, expected=exc.expected, value=exc.value, line=line)
    elif isinstance(exc, KeyError):
        yield Problem(
            path=path, code="missing", message="the field is missing", expected="a value for this required field", line=line
        )
    elif isinstance(exc, RecursionError):
        yield Problem(path=path, code="too_deep", message="the value nests too deeply", expected="a shallower value", line=line)
    else:  # pragma: no cover - every refusal the model makes is one of the above; keep the promise anyway
        yield Problem(path=path, code="invalid", message=str(exc) or type(exc).__name__, expected="a valid value", line=line)


def _plain(value: Any) -> Any:
    """A model value inside an error, as the document wrote it where that is cheap to know."""
    if attrs.has(type(value)):
        try:
            return _converter(False, False).unstructure(value)
        except Exception:  # pragma: no cover - unstructuring a valid model value does not fail
            return value
    if isinstance(value, enum.Enum):
        return value.value
    return value


# ---------------------------------------------------------------------------------------------
# Leaf hooks


def _strict_str(value: Any, tp: Any = str) -> Any:
    if tp is not str and isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _structure_enum(value, tp)
    if type(value) is str:
        return value
    raise _Mismatch(value, "a string", "type")


def _structure_enum(value: Any, tp: Any) -> Any:
    return _enum_hook(tp)(value, tp)


def _enums() -> list[type[enum.Enum]]:
    """Every enum class the model's fields use, found by walking from Report."""
    found: list[type[enum.Enum]] = []
    seen: set[Any] = set()
    todo: list[Any] = [Report]
    while todo:
        tp = todo.pop()
        if tp in seen:
            continue
        seen.add(tp)
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            found.append(tp)
        elif isinstance(tp, type) and attrs.has(tp):
            todo.extend(a.type for a in _fields_of(tp))
        else:
            todo.extend(typing.get_args(tp))
    return sorted(found, key=lambda cls: cls.__name__)


def _strict_int(value: Any, _: Any = None) -> int:
    if type(value) is int:
        return value
    raise _Mismatch(value, "an integer", "type")


def _strict_bool(value: Any, _: Any = None) -> bool:
    if type(value) is bool:
        return value
    raise _Mismatch(value, "true or false", "type")


@functools.cache
def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, Any], Any]:
    members = cls._value2member_map_
    expected = "one of " + ", ".join(json.dumps(member.value) for member in cls)

    def structure_enum(value: Any, _: Any) -> Any:
        if type(value) is str:
            found = members.get(value)
            if found is not None:
                return found
            raise _Mismatch(
                value,
                expected,
                "value",
                problem=f"{json.dumps(value, ensure_ascii=False)} is not among the {cls.__name__} values",
            )
        raise _Mismatch(value, expected, "type")

    return structure_enum


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


def _canonical_hook(
    convert: Callable[[Any], Any], shape: str, *, fast: bool = False, pattern: str | None = None
) -> Callable[[Any, Any], Any]:
    """A hook for a string field with a model converter: strict type, converter, canonical spelling.

    ``shape`` is ``"str"``, ``"optional"`` or ``"tuple"``. With ``fast`` (the fast path, for
    converters that only check and never respell) the hook checks the JSON type alone and leaves
    the rest to the model's constructor, which runs the converter anyway.
    """
    if fast and convert in _CHECK_ONLY and pattern is None:
        return _TYPE_ONLY[shape]
    form = re.compile(pattern) if pattern is not None else None

    def check(value: Any, where: str = "") -> Any:
        try:
            converted = convert(value)
        except Invalid as exc:
            raise _Mismatch(exc.value, exc.expected, "value", exc.problem, where + exc.where) from None
        if converted != value:
            raise _Mismatch(
                value,
                f"the canonical spelling {json.dumps(converted, ensure_ascii=False)}",
                "not_canonical",
                problem=f"{json.dumps(value, ensure_ascii=False)} is written {json.dumps(converted, ensure_ascii=False)}"
                " in this format",
                where=where,
            )
        if form is not None and converted is not None and not form.fullmatch(converted):
            raise _Mismatch(value, f"a code matching {form.pattern}", "value", where=where)
        return converted

    if shape == "tuple":

        def structure_strings(value: Any, _: Any) -> tuple[str, ...]:
            if type(value) is not list:
                raise _Mismatch(value, "an array of strings", "type")
            for index, item in enumerate(value):
                if type(item) is not str:
                    raise _Mismatch(item, "a string", "type", where=f"[{index}]")
            try:
                converted: tuple[str, ...] = convert(value)
            except Invalid as exc:
                raise _Mismatch(exc.value, exc.expected, "value", exc.problem, exc.where) from None
            if len(converted) != len(value) or any(a != b for a, b in zip(converted, value, strict=True)):
                for index, item in enumerate(value):
                    check([item], f"[{index}]")
            return converted

        return structure_strings

    optional = shape == "optional"

    def structure_string(value: Any, _: Any) -> Any:
        if type(value) is str:
            return check(value)
        if value is None and optional:
            return None
        raise _Mismatch(value, "a string" + (" or null" if optional else ""), "type")

    return structure_string


def _type_only_tuple(value: Any, _: Any) -> Any:
    if type(value) is list:
        return value  # the model's converter checks each item and makes the tuple
    raise _Mismatch(value, "an array of strings", "type")


def _type_only_optional(value: Any, _: Any) -> Any:
    if value is None or type(value) is str:
        return value
    raise _Mismatch(value, "a string or null", "type")


_TYPE_ONLY: dict[str, Callable[[Any, Any], Any]] = {
    "str": _strict_str,
    "optional": _type_only_optional,
    "tuple": _type_only_tuple,
}
# Model converters that check strings without ever changing them.
_CHECK_ONLY = frozenset({to_text, to_optional_text, to_text_tuple, to_slug, to_source_ids})


# Dates: the core of a FuzzyDate in one readable string, exactly (value and precision).
_DATE_FORMS = re.compile(
    r"^(?P<year>[0-9]{4})(?:"
    r"-H(?P<half>[12])|-Q(?P<quarter>[1-4])|-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2})"
    r"(?:T(?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?)Z)?)?"
    r")?$"
)
DATE_PATTERN = _DATE_FORMS.pattern
_DATE_EXPECTED = "a date as '2024', '2024-H1', '2024-Q2', '2024-05', '2024-05-30' or a UTC instant '2024-05-30T12:00:00Z'"


def _date_text(date: FuzzyDate) -> str:
    return date.isoformat()


def _read_date(text: Any) -> tuple[dt.date, Precision]:
    if type(text) is not str:
        raise _Mismatch(text, _DATE_EXPECTED, "type")
    m = _DATE_FORMS.match(text)
    if m is None:
        raise _Mismatch(text, _DATE_EXPECTED, "value", problem=f"{json.dumps(text, ensure_ascii=False)} is not a date")
    year = int(m["year"])
    try:
        if m["half"]:
            return dt.date(year, 6 * int(m["half"]) - 5, 1), Precision.HALF
        if m["quarter"]:
            return dt.date(year, 3 * int(m["quarter"]) - 2, 1), Precision.QUARTER
        if m["month"] is None:
            return dt.date(year, 1, 1), Precision.YEAR
        if m["day"] is None:
            return dt.date(year, int(m["month"]), 1), Precision.MONTH
        if m["time"] is None:
            return dt.date(year, int(m["month"]), int(m["day"])), Precision.DAY
        moment = dt.datetime.fromisoformat(f"{text[:-1]}+00:00")
    except ValueError as exc:
        raise _Mismatch(text, _DATE_EXPECTED, "value", problem=f"{json.dumps(text)} is not a calendar date ({exc})") from None
    if moment.microsecond == 0 and "." in text:
        raise _Mismatch(
            text, "no fraction of a second when it is zero", "not_canonical", problem=f"{json.dumps(text)} has '.000000'"
        )
    return moment, Precision.INSTANT


# ---------------------------------------------------------------------------------------------
# Type helpers


def _union_args(tp: Any) -> tuple[Any, ...] | None:
    if typing.get_origin(tp) in (Union, types.UnionType):
        return typing.get_args(tp)
    return None


def _optional_of(tp: Any) -> Any:
    """``X`` for ``X | None``, else None."""
    args = _union_args(tp)
    if args is not None and type(None) in args:
        rest = tuple(a for a in args if a is not type(None))
        return rest[0] if len(rest) == 1 else Union[rest]
    return None


def _tuple_item(tp: Any) -> Any:
    """``X`` for ``tuple[X, ...]``, else None."""
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
    return None


def _tag(cls: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


#: The tagged unions of the format: the classes a ``type`` field chooses between.
UNIONS: tuple[tuple[type, ...], ...] = ((FuzzyDate, RelativeDate), (Country, Subdivision, Region))


def _union_of(tp: Any) -> tuple[type, ...] | None:
    args = _union_args(tp)
    if args is None:
        return None
    members = tuple(a for a in args if a is not type(None))
    for union in UNIONS:
        if set(members) == set(union):
            return union
    return None


def _leaf_shape(tp: Any) -> str | None:
    if tp is str:
        return "str"
    if _optional_of(tp) is str:
        return "optional"
    if _tuple_item(tp) is str:
        return "tuple"
    return None


# ---------------------------------------------------------------------------------------------
# Fields kept aside for forward compatibility

_KEPT: dict[int, tuple[weakref.ref[Any], dict[str, Any]]] = {}


def _keep(obj: Any, extra: dict[str, Any]) -> None:
    key = id(obj)

    def forget(ref: weakref.ref[Any]) -> None:
        entry = _KEPT.get(key)
        if entry is not None and entry[0] is ref:
            del _KEPT[key]

    _KEPT[key] = (weakref.ref(obj, forget), extra)


def unknown_fields(obj: Any) -> Mapping[str, Any]:
    """The fields a document gave ``obj`` that the format does not define (read with ``keep_unknown=True``).

    They are written back, unchanged, after the known fields when ``obj`` is written. They are
    not part of the value: equality ignores them, and a copy made with :func:`attrs.evolve` is a
    new value that does not carry them.
    """
    entry = _KEPT.get(id(obj))
    if entry is not None and entry[0]() is obj:
        return types.MappingProxyType(entry[1])
    return types.MappingProxyType({})


# ---------------------------------------------------------------------------------------------
# The converter


def _fields_of(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    attrs.resolve_types(cls)
    return tuple(attrs.fields(cls))


def _known_keys(cls: type) -> frozenset[str]:
    if cls is FuzzyDate:
        return frozenset({"date"} | {a.name for a in _fields_of(cls)} - {"value", "precision"})
    return frozenset(a.name for a in _fields_of(cls))


def make_converter(*, detailed_validation: bool = False, keep_unknown: bool = False) -> cattrs.Converter:
    """A cattrs converter configured for the opsmodel JSON format.

    ``converter.unstructure(model_value)`` gives the plain dict written to JSON (without the
    document envelope); ``converter.structure(data, cls)`` reads one back. With
    ``detailed_validation`` structuring errors are cattrs exception groups that locate every
    problem (slower; :func:`loads` uses it only to explain a document that failed). With
    ``keep_unknown`` unknown fields are kept aside instead of refused.
    """
    converter = cattrs.Converter(detailed_validation=detailed_validation, forbid_extra_keys=False)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(bool, _strict_bool)
    # cattrs dispatches on str before enums: the model's vocabularies are str enums
    converter.register_structure_hook(enum.Enum, _structure_enum)
    for vocabulary in _enums():
        converter.register_structure_hook(vocabulary, _enum_hook(vocabulary))
        converter.register_unstructure_hook(vocabulary, _unstructure_enum)
    converter.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda t: _unstructure_enum
    )

    def tuple_structure(tp: Any) -> Callable[[Any, Any], Any]:
        item_type = _tuple_item(tp)
        item_hook = converter.get_structure_hook(item_type)
        expected = "an array"

        if not detailed_validation:

            def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
                if type(value) is not list:
                    raise _Mismatch(value, expected, "type")
                return tuple([item_hook(item, item_type) for item in value])

            return structure_tuple

        def structure_tuple_detailed(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _Mismatch(value, expected, "type")
            result, errors = [], []
            for index, item in enumerate(value):
                try:
                    result.append(item_hook(item, item_type))
                except Exception as exc:
                    exc.__notes__ = [*getattr(exc, "__notes__", []), IterableValidationNote(f"@ index {index}", index, item_type)]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
            return tuple(result)

        return structure_tuple_detailed

    def tuple_unstructure(tp: Any) -> Callable[[Any], Any]:
        item_type = _tuple_item(tp)
        if item_type in (str, int, bool):
            return list
        if isinstance(item_type, type) and issubclass(item_type, enum.Enum):
            return lambda value: [item.value for item in value]
        item_hook = converter.get_unstructure_hook(item_type)
        return lambda value: [item_hook(item) for item in value]

    converter.register_structure_hook_factory(lambda t: _tuple_item(t) is not None, tuple_structure)
    converter.register_unstructure_hook_factory(lambda t: _tuple_item(t) is not None, tuple_unstructure)

    def union_structure(tp: Any) -> Callable[[Any, Any], Any]:
        union = _union_of(tp)
        assert union is not None
        optional = _optional_of(tp) is not None
        by_tag = {_tag(cls): (cls, object_structure(cls)) for cls in union}
        expected = "an object whose 'type' is one of " + ", ".join(json.dumps(tag) for tag in by_tag)

        def structure_union(value: Any, _: Any) -> Any:
            if value is None and optional:
                return None
            if type(value) is not dict:
                raise _Mismatch(value, expected + (" (or null)" if optional else ""), "type")
            tag = value.get("type")
            if tag is None:
                raise _Mismatch(None, expected, "tag", problem="no 'type'", where=".type")
            found = by_tag.get(tag) if type(tag) is str else None
            if found is None:
                raise _Mismatch(tag, "one of " + ", ".join(json.dumps(t) for t in by_tag), "tag", where=".type")
            rest = dict(value)
            del rest["type"]
            return found[1](rest, found[0])

        return structure_union

    def union_unstructure(tp: Any) -> Callable[[Any], Any]:
        union = _union_of(tp)
        assert union is not None
        by_class = {cls: (_tag(cls), object_unstructure(cls)) for cls in union}

        def unstructure_union(value: Any) -> Any:
            if value is None:
                return None
            tag, hook = by_class[type(value)]
            return {"type": tag, **hook(value)}

        return unstructure_union

    def optional_structure(tp: Any) -> Callable[[Any, Any], Any]:
        inner = _optional_of(tp)
        hook = converter.get_structure_hook(inner)

        def structure_optional(value: Any, _: Any) -> Any:
            return None if value is None else hook(value, inner)

        return structure_optional

    converter.register_structure_hook_factory(lambda t: _optional_of(t) is not None and _union_of(t) is None, optional_structure)
    converter.register_structure_hook_factory(lambda t: _union_of(t) is not None, union_structure)
    converter.register_unstructure_hook_factory(lambda t: _union_of(t) is not None, union_unstructure)

    def class_structure(cls: type) -> Callable[[Any, Any], Any]:
        if cls is Country:
            return _structure_country
        return object_structure(cls)

    def class_unstructure(cls: type) -> Callable[[Any], Any]:
        if cls is Country:
            return _unstructure_country
        return object_unstructure(cls)

    def object_structure(cls: type) -> Callable[[Any, Any], Any]:
        if cls is FuzzyDate:
            inner = _fuzzy_date_structure(converter, detailed_validation)
        else:
            overrides = {}
            for attribute in _fields_of(cls):
                shape = _leaf_shape(attribute.type)
                if shape is not None and attribute.converter is not None:
                    convert: Any = attribute.converter
                    pattern = CODE_PATTERNS.get((cls.__name__, attribute.name))
                    hook = _canonical_hook(convert, shape, fast=not detailed_validation, pattern=pattern)
                    overrides[attribute.name] = override(struct_hook=hook)
            inner = make_dict_structure_fn(cls, converter, **overrides)  # type: ignore[arg-type]
        known = _known_keys(cls)
        name = cls.__name__
        expected = f"an object ({name})"

        def structure_class(value: Any, _: Any) -> Any:
            if type(value) is not dict:
                raise _Mismatch(value, expected, "type")
            if known.issuperset(value):
                return inner(value)
            extra = {key: item for key, item in value.items() if key not in known}
            if keep_unknown:
                obj = inner(value)
                _keep(obj, extra)
                return obj
            unknown = [_unknown(key, item, cls) for key, item in extra.items()]
            if not detailed_validation:
                raise unknown[0]
            try:
                inner(value)
            except ClassValidationError as exc:
                raise ClassValidationError(f"While structuring {name}", [*exc.exceptions, *unknown], cls) from None
            except Exception as exc:
                raise ClassValidationError(f"While structuring {name}", [exc, *unknown], cls) from None
            raise ClassValidationError(f"While structuring {name}", unknown, cls)

        return structure_class

    def object_unstructure(cls: type) -> Callable[[Any], Any]:
        if cls is FuzzyDate:
            rest = make_dict_unstructure_fn(
                cls, converter, _cattrs_omit_if_default=True, value=override(omit=True), precision=override(omit=True)
            )

            def fuzzy_date(date: FuzzyDate) -> dict[str, Any]:
                return {"date": date.isoformat(), **rest(date)}

            inner: Callable[[Any], dict[str, Any]] = fuzzy_date
        else:
            inner = make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)

        def unstructure_class(obj: Any) -> dict[str, Any]:
            result: dict[str, Any] = inner(obj)
            if _KEPT:
                entry = _KEPT.get(id(obj))
                if entry is not None and entry[0]() is obj:
                    result.update(entry[1])
            return result

        return unstructure_class

    converter.register_structure_hook_factory(attrs.has, class_structure)
    converter.register_unstructure_hook_factory(attrs.has, class_unstructure)
    return converter


_COUNTRY_CODE = _canonical_hook(
    attrs.fields(Country).code.converter,  # type: ignore[arg-type]
    "str",
    pattern=CODE_PATTERNS[("Country", "code")],
)


def _structure_country(value: Any, _: Any) -> Country:
    """A country outside the place union is its code alone: ``"RU"``."""
    return Country(code=_COUNTRY_CODE(value, str))


def _unstructure_country(country: Country) -> str:
    return country.code


def _unstructure_enum(value: enum.Enum) -> Any:
    return value.value


def _unknown(key: str, value: Any, cls: type) -> _Mismatch:
    exc = _Mismatch(
        value,
        f"only the fields of {cls.__name__} (or keep_unknown=True)",
        "unknown_field",
        problem=f"{cls.__name__} has no field {json.dumps(key, ensure_ascii=False)}",
    )
    exc.__notes__ = [AttributeValidationNote(f"unknown field {key!r}", key, object)]
    return exc


def _fuzzy_date_structure(converter: cattrs.Converter, detailed: bool) -> Callable[[dict[str, Any]], FuzzyDate]:
    """FuzzyDate's ``value`` and ``precision`` are one field, ``date``, in the format."""
    others = [(a.name, a.type, converter.get_structure_hook(a.type)) for a in _fields_of(FuzzyDate)[2:]]

    def structure_fuzzy_date(value: dict[str, Any]) -> FuzzyDate:
        errors: list[Exception] = []
        kwargs: dict[str, Any] = {}
        for name, tp, hook in (("date", str, _read_date_hook), *others):
            if name not in value:
                if name == "date":
                    errors.append(_noted(KeyError(name), name))
                continue
            try:
                kwargs[name] = hook(value[name], tp)
            except Exception as exc:
                errors.append(_noted(exc, name))
        if errors:
            if detailed:
                raise ClassValidationError("While structuring FuzzyDate", errors, FuzzyDate)
            raise errors[0]
        date, precision = kwargs.pop("date")
        try:
            return FuzzyDate(value=date, precision=precision, **kwargs)
        except Exception as exc:
            if detailed:
                raise ClassValidationError("While structuring FuzzyDate", [exc], FuzzyDate) from None
            raise

    return structure_fuzzy_date


def _read_date_hook(value: Any, _: Any) -> tuple[dt.date, Precision]:
    return _read_date(value)


def _noted(exc: Exception, name: str) -> Exception:
    exc.__notes__ = [*getattr(exc, "__notes__", []), AttributeValidationNote(f"@ attribute {name}", name, object)]
    return exc


@functools.cache
def _converter(detailed: bool, keep_unknown: bool) -> cattrs.Converter:
    return make_converter(detailed_validation=detailed, keep_unknown=keep_unknown)


# ---------------------------------------------------------------------------------------------
# Public functions


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is built or read.

    Reading or writing a large document allocates millions of acyclic objects; every few
    hundred allocations the collector would walk the growing, still-live heap for nothing
    (it halves the time of a 10,000-operation document). Reference counting still frees
    everything as usual, and the collector is resumed (if it was running) at the end.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def to_dict(obj: Any) -> Any:
    """The plain data (JSON types only) the format writes for a model value, without the envelope.

    A dict for every class except :class:`~opsmodel.Country`, which the format writes as its code.
    """
    if not attrs.has(type(obj)):
        raise TypeError(f"expected an opsmodel model value (a Report, Operation...), got {type(obj).__name__}")
    return _converter(False, False).unstructure(obj)


def from_dict(data: Any, cls: type[T], *, keep_unknown: bool = False) -> T:
    """Read a model value of class ``cls`` from plain data (as :func:`to_dict` gives).

    Raises :class:`DocumentError` listing every problem, each with its JSON path.
    """
    with _no_gc():
        return _structure(data, cls, keep_unknown=keep_unknown, root="$", line=None)


def _structure(data: Any, cls: type[T], *, keep_unknown: bool, root: str, line: int | None) -> T:
    try:
        result: T = _converter(False, keep_unknown).structure(data, cls)
        return result
    except RecursionError:
        raise DocumentError([_too_deep(root, line)]) from None
    except Exception:
        pass
    try:
        slow: T = _converter(True, keep_unknown).structure(data, cls)
    except RecursionError:
        raise DocumentError([_too_deep(root, line)]) from None
    except Exception as exc:
        raise DocumentError(list(_problems(exc, root, line))) from None
    return slow  # pragma: no cover - the detailed reading refuses what the fast one refused


def _too_deep(path: str, line: int | None) -> Problem:
    return Problem(
        path=path, code="too_deep", message="the document nests too deeply", expected="a shallower document", line=line
    )


def _envelope(data: Any, expected_format: str, line: int | None) -> list[Problem]:
    if type(data) is not dict:
        return [
            Problem(
                path="$",
                code="type",
                message=f"got {_describe(data)}",
                expected=f'a JSON object with "format": "{expected_format}"',
                value=data,
                line=line,
            )
        ]
    problems = []
    found = data.get("format")
    if found != expected_format:
        problems.append(
            Problem(
                path="$.format",
                code="format" if "format" in data else "missing",
                message="not an opsmodel document" if "format" in data else "the document does not name its format",
                expected=json.dumps(expected_format),
                value=found,
                line=line,
            )
        )
    version = data.get("format_version")
    if version not in SUPPORTED_VERSIONS:
        problems.append(
            Problem(
                path="$.format_version",
                code="version" if "format_version" in data else "missing",
                message=f"format_version {json.dumps(version)} is not supported by this opsmodel"
                if "format_version" in data
                else "the document does not give its format_version",
                expected="one of " + ", ".join(json.dumps(v) for v in SUPPORTED_VERSIONS),
                value=version,
                line=line,
            )
        )
    return problems


def _parse(text: str | bytes, line: int | None = None) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise DocumentError([_too_deep("$", line)]) from None
    except ValueError as exc:
        where = f"line {exc.lineno}, column {exc.colno}: " if isinstance(exc, json.JSONDecodeError) else ""
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise DocumentError(
            [Problem(path="$", code="syntax", message=f"{where}{message}", expected="JSON text (RFC 8259)", line=line)]
        ) from None


def document(obj: Any) -> dict[str, Any]:
    """The whole document for ``obj``: the envelope and then the value's fields."""
    body = {"code": obj.code} if type(obj) is Country else to_dict(obj)
    return {"format": FORMAT, "format_version": FORMAT_VERSION, **body}


def dumps(obj: Any) -> str:
    """The canonical JSON document for a model value: same value, same text, byte for byte.

    Fields come in the model's order, defaults are left out, instants are UTC with ``Z``, and
    the text is indented by two spaces, UTF-8 friendly (not ``\\u``-escaped), ending in a newline.
    """
    with _no_gc():
        return _escape_breaks(json.dumps(document(obj), **_DUMP_OPTIONS)) + "\n"


@typing.overload
def loads(text: str | bytes, *, keep_unknown: bool = ...) -> Report: ...
@typing.overload
def loads(text: str | bytes, cls: type[T], *, keep_unknown: bool = ...) -> T: ...
def loads(text: str | bytes, cls: type[Any] = Report, *, keep_unknown: bool = False) -> Any:
    """Read a document written by :func:`dumps` (by default a :class:`~opsmodel.Report`).

    Refuses documents of other formats and unknown versions, and unknown fields unless
    ``keep_unknown`` (then they are kept and written back unchanged). Raises
    :class:`DocumentError`, a ``ValueError``, listing every problem with its JSON path.
    """
    with _no_gc():
        return _loads(text, cls, keep_unknown)


def _loads(text: str | bytes, cls: type[Any], keep_unknown: bool) -> Any:
    data = _parse(text)
    problems = _envelope(data, FORMAT, None)
    if problems:
        raise DocumentError(problems)
    body = {key: value for key, value in data.items() if key != "format" and key != "format_version"}
    if cls is Country:  # a document of one country: its code is a field, as in a place
        return _structure({**body, "type": "country"}, _Place, keep_unknown=keep_unknown, root="$", line=None)
    return _structure(body, cls, keep_unknown=keep_unknown, root="$", line=None)


_Place: Any = Union[Country, Subdivision, Region]


def dump(obj: Any, fp: IO[str]) -> None:
    """Write :func:`dumps` of ``obj`` to a text file."""
    fp.write(dumps(obj))


@typing.overload
def load(fp: IO[str] | IO[bytes], *, keep_unknown: bool = ...) -> Report: ...
@typing.overload
def load(fp: IO[str] | IO[bytes], cls: type[T], *, keep_unknown: bool = ...) -> T: ...
def load(fp: IO[str] | IO[bytes], cls: type[Any] = Report, *, keep_unknown: bool = False) -> Any:
    """Read a document from a file (see :func:`loads`)."""
    return loads(fp.read(), cls, keep_unknown=keep_unknown)


# ---------------------------------------------------------------------------------------------
# JSON Lines


def lines_header(report: Report | None = None) -> str:
    """The first line of an opsmodel JSON Lines file, holding ``report``'s own fields if given."""
    header: dict[str, Any] = {"format": LINES_FORMAT, "format_version": FORMAT_VERSION}
    if report is not None:
        header["report"] = _report_fields(report)
    return json.dumps(header, **_LINE_OPTIONS)


def _report_fields(report: Report) -> dict[str, Any]:
    # The report without its operations: those are the lines that follow.
    fields: dict[str, Any] = _converter(False, False).unstructure(attrs.evolve(report, operations=()))
    return fields


def dump_lines(operations: Iterable[Operation] | Report, fp: IO[str]) -> int:
    """Write operations as JSON Lines: a header line, then one operation per line; returns the count.

    ``operations`` is consumed lazily (a generator of millions is fine). Each line is the
    operation's object exactly as :func:`dumps` writes it inside a report, on one line. Given a
    :class:`~opsmodel.Report`, the header also keeps the report's own fields (title, publisher,
    findings...), so that :func:`load_report_lines` gives the same report back.
    """
    report = operations if type(operations) is Report else None
    unstructure = _converter(False, False).get_unstructure_hook(Operation)
    encode = json.JSONEncoder(**_LINE_OPTIONS).encode
    fp.write(_escape_breaks(lines_header(report)) + "\n")
    count = 0
    for operation in report.operations if report is not None else operations:
        if type(operation) is not Operation:
            raise TypeError(f"dump_lines writes Operation values, got {type(operation).__name__} (item {count})")
        fp.write(_escape_breaks(encode(unstructure(operation))) + "\n")
        count += 1
    return count


def load_lines(fp: Iterable[str | bytes], *, keep_unknown: bool = False) -> Iterator[Operation]:
    """Read JSON Lines written by :func:`dump_lines`, one operation at a time (memory stays flat).

    The first non-blank line must be the header; header lines met later (files concatenated
    with ``cat``) are checked and skipped; blank lines are skipped. A bad line raises
    :class:`DocumentError` whose problems carry its ``line`` number (paths are relative to it).
    """
    return _read_lines(fp, keep_unknown, [])


def load_report_lines(fp: Iterable[str | bytes], *, keep_unknown: bool = False) -> Report:
    """Read a whole report written as JSON Lines by ``dump_lines(report, fp)``.

    The header's report fields and every operation line make the report; a file whose header
    holds no report is refused (use :func:`load_lines` for a bare corpus of operations).
    """
    reports: list[Report] = []
    operations = tuple(_read_lines(fp, keep_unknown, reports))
    if not reports:
        raise DocumentError(
            [
                Problem(
                    path="$.report",
                    code="missing_field",
                    message="the header holds no report, only operations",
                    expected="a header with the report's fields, as dump_lines(report, fp) writes",
                    line=1,
                )
            ]
        )
    return attrs.evolve(reports[0], operations=operations)


def _read_lines(fp: Iterable[str | bytes], keep_unknown: bool, reports: list[Report]) -> Iterator[Operation]:
    converter = _converter(False, keep_unknown)
    structure = converter.get_structure_hook(Operation)
    seen_header = False
    for number, raw in enumerate(fp, 1):
        if not raw.strip():
            continue
        data = _parse(raw, number)
        if type(data) is dict and "format" in data:
            problems = _envelope(data, LINES_FORMAT, number)
            extra = sorted(set(data) - {"format", "format_version", "report"})
            problems += [
                Problem(
                    path=f"${_member(key)}",
                    code="unknown_field",
                    message=f"the header has no field {json.dumps(key)}",
                    expected="only format, format_version and report",
                    value=data[key],
                    line=number,
                )
                for key in extra
            ]
            if problems:
                raise DocumentError(problems)
            if "report" in data:
                report = _header_report(data["report"], keep_unknown, number)
                if reports and reports[0] != report:
                    raise DocumentError(
                        [
                            Problem(
                                path="$.report",
                                code="format",
                                message="this header names another report than the first header",
                                expected="one report per file",
                                value=data["report"],
                                line=number,
                            )
                        ]
                    )
                reports.append(report)
            seen_header = True
            continue
        if not seen_header:
            raise DocumentError(
                [
                    Problem(
                        path="$",
                        code="format",
                        message="the file does not start with an opsmodel JSON Lines header",
                        expected=lines_header(),
                        value=data,
                        line=number,
                    )
                ]
            )
        try:
            operation: Operation = structure(data, Operation)
        except Exception:
            operation = _structure(data, Operation, keep_unknown=keep_unknown, root="$", line=number)
        yield operation
    if not seen_header:
        raise DocumentError([Problem(path="$", code="format", message="the file is empty", expected=lines_header(), line=None)])


def _header_report(data: Any, keep_unknown: bool, line: int) -> Report:
    if type(data) is dict and "operations" in data:
        raise DocumentError(
            [
                Problem(
                    path="$.report.operations",
                    code="unknown_field",
                    message="a JSON Lines header holds the report without its operations",
                    expected="the operations as the lines after the header",
                    value=data["operations"],
                    line=line,
                )
            ]
        )
    return _structure(data, Report, keep_unknown=keep_unknown, root="$.report", line=line)
