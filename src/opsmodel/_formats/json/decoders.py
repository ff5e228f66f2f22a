"""Decoders generated once per model class for the fast reading path.

In the spirit of cattrs' ``make_dict_structure_fn`` with detailed validation off: one straight
function per class that checks the value is an object of known fields, reads each field (JSON
type tests, enum lookups, optional values and arrays of objects inline, without a call each)
and builds the object itself by the class's trusted plan (:func:`opsmodel._model.trusted.plan`),
so that a nested object, a union member or an enum member just built exactly is not converted
a second time; string, number and date fields still go through the model's converters, and
every validator runs. A refusal raises as cattrs' fast path would; :func:`~.reading.read` then
reads the data again with detailed validation (the checked constructors) to explain it, so
messages and codes do not depend on this module.
"""

from __future__ import annotations

import itertools
import types
from collections.abc import Callable
from typing import Any

import cattrs

from ..._model.description import Field, Kind, fields_of, optional_of, tuple_item
from ..._model.trusted import decoded_ready, plan
from .errors import Mismatch
from .hooks import _TYPE_ONLY, strict_bool, strict_int, strict_str

# Leaf hooks whose whole work is a test of the JSON type: inlined as that test. (Any exception
# sends the reading to the detailed path, which gives the problem its words and code.)
_TYPE_TESTS: dict[Any, str] = {
    strict_str: "type(v) is not str",
    strict_int: "type(v) is not int",
    strict_bool: "type(v) is not bool",
    _TYPE_ONLY["optional"]: "v is not None and type(v) is not str",
    _TYPE_ONLY["tuple"]: "type(v) is not list",
}


def _leaf(index: int, field: Field, namespace: dict[str, Any], hook: Any, overridden: bool) -> tuple[list[str], str] | None:
    """The lines checking a string, number, boolean or enum value inline and the value's expression, or None."""
    test = _TYPE_TESTS.get(hook)
    if test is not None:
        return [f"if {test}: raise _Mismatch(v, '', 'type')"], "v"
    if field.kind is Kind.ENUM and not field.many and not field.optional and not overridden:
        namespace[f"_m{index}"] = field.item._value2member_map_
        return [], f"_m{index}[v] if type(v) is str else _refuse(v)"
    return None


def _reading(
    index: int, field: Field, namespace: dict[str, Any], converter: cattrs.Converter, hook: Any
) -> tuple[list[str], str]:
    """The lines checking ``v``, the field's value in the document, and the expression of what it gives."""
    inline = _leaf(index, field, namespace, hook or converter.get_structure_hook(field.type), hook is not None)
    if inline is not None:
        return inline
    if hook is None and field.many and field.kind in (Kind.MODEL, Kind.UNION):
        item = tuple_item(field.type)
        # map() runs the item hook from C, without a comprehension's frame per array
        namespace[f"_h{index}"], namespace[f"_r{index}"] = converter.get_structure_hook(item), itertools.repeat(item)
        return ["if type(v) is not list: raise _Mismatch(v, 'an array', 'type')"], f"tuple(map(_h{index}, v, _r{index}))"
    if hook is None and field.optional and field.kind is not Kind.UNION:
        inner = optional_of(field.type)
        inner_hook = converter.get_structure_hook(inner)
        test = _TYPE_TESTS.get(inner_hook)
        if test is not None:  # an optional number or boolean: its type test, inline
            return [f"if v is not None and {test}: raise _Mismatch(v, '', 'type')"], "v"
        namespace[f"_h{index}"], namespace[f"_t{index}"] = inner_hook, inner
        return [], f"None if v is None else _h{index}(v, _t{index})"
    namespace[f"_h{index}"] = hook or converter.get_structure_hook(field.type)
    namespace[f"_t{index}"] = field.type
    if field.optional and field.kind is not Kind.UNION:  # a canonical-spelling hook: null needs no call
        return [], f"None if v is None else _h{index}(v, _t{index})"
    return [], f"_h{index}(v, _t{index})"


def _refuse(value: Any) -> Any:
    raise Mismatch(value, "", "type")


def _setter(cls: type, name: str) -> Any:
    """The slot's own setter of field ``name`` (much cheaper than ``object.__setattr__``), or None."""
    for klass in cls.__mro__:
        found = vars(klass).get(name)
        if found is not None:
            return found.__set__ if isinstance(found, types.MemberDescriptorType) else None
    return None


def make_decoder(
    cls: type,
    converter: cattrs.Converter,
    overrides: dict[str, Callable[[Any, Any], Any]],
    known: frozenset[str],
    other: Callable[[Any, Any], Any],
) -> Callable[[Any, Any], Any]:
    """The fast structure hook of ``cls``: ``other`` takes what is not an object of ``known`` fields only.

    The object is built in the decoder itself, by the plan of :func:`opsmodel._model.trusted.plan`
    (decoded objects and enum members set as they are, the rest converted, every validator run):
    there is no argument dict, and no call of a builder per object. A refusal raises whatever
    the converter or validator raises; the reader then explains it on the detailed path, which
    builds with the checked constructors. Raises :class:`UnplannableError` for a class the trusted
    plans do not cover.
    """
    # a string field whose hook runs the model's converter in full (the canonical spelling
    # check) gives the converted value: it is not converted again
    checked = frozenset(name for name, hook in overrides.items() if hook not in _TYPE_TESTS)
    found = plan(cls, decoded_ready(cls) | checked)
    namespace: dict[str, Any] = {**found.namespace, "_known": known, "_other": other, "_Mismatch": Mismatch, "_refuse": _refuse}
    lines = [
        "def decode(o, _=None):",
        "    if type(o) is not dict or not _known.issuperset(o):",
        "        return _other(o, _)",
        "    self = _new(_cls)",
    ]
    by_name = {each.name: each for each in found.assignments}
    for index, field in enumerate(fields_of(cls)):
        each = by_name[field.name]
        setter = _setter(cls, field.name)
        namespace[f"_s{index}"] = setter
        set_to = f"_s{index}(self, {{}})" if setter is not None else f"_set(self, {field.name!r}, {{}})"
        checks, value = _reading(index, field, namespace, converter, overrides.get(field.name))
        reading = [*checks, set_to.format(each.value.format(x=value))]
        if each.default is None:
            lines += [f"    v = o[{field.name!r}]", *(f"    {line}" for line in reading)]
        else:
            lines += [f"    if {field.name!r} in o:", f"        v = o[{field.name!r}]", *(f"        {line}" for line in reading)]
            lines += ["    else:", f"        {set_to.format(each.default)}"]
    lines += [*(f"    {line}" for line in found.checks), "    return self"]
    exec(compile("\n".join(lines), f"<opsmodel JSON decoder {cls.__qualname__}>", "exec"), namespace)
    decode: Callable[[Any, Any], Any] = namespace["decode"]
    return decode
