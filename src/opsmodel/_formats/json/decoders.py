"""Decoders generated once per model class for the fast reading path.

In the spirit of cattrs' ``make_dict_structure_fn`` with detailed validation off: one straight
function per class that checks the value is an object of known fields, reads each field with
its hook (optional values and arrays of objects inline, without a call each) and builds the
object through :func:`opsmodel._model.trusted.builder`, so that a nested object, a union
member or an enum member the hooks have just built exactly is not converted a second time;
string, number and date fields still go through the model's converters, and every validator
runs. A refusal raises as cattrs' fast path would; :func:`~.reading.read` then reads the data
again with detailed validation to explain it, so messages and codes do not depend on this module.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import cattrs

from ..._model.description import Field, Kind, fields_of, optional_of, tuple_item
from ..._model.trusted import builder, decoded_ready
from .errors import Mismatch


def _reading(index: int, field: Field, namespace: dict[str, Any], converter: cattrs.Converter, hook: Any) -> list[str]:
    """The lines setting ``kw[alias]`` from ``v``, the field's value in the document."""
    target = f"kw[{field.alias!r}]"
    if hook is None and field.many and field.kind in (Kind.MODEL, Kind.UNION):
        item = tuple_item(field.type)
        namespace[f"_h{index}"], namespace[f"_t{index}"] = converter.get_structure_hook(item), item
        return [
            "if type(v) is not list: raise _Mismatch(v, 'an array', 'type')",
            f"{target} = tuple([_h{index}(i, _t{index}) for i in v])",
        ]
    if hook is None and field.optional and field.kind is not Kind.UNION:
        inner = optional_of(field.type)
        namespace[f"_h{index}"], namespace[f"_t{index}"] = converter.get_structure_hook(inner), inner
        return [f"{target} = None if v is None else _h{index}(v, _t{index})"]
    namespace[f"_h{index}"] = hook or converter.get_structure_hook(field.type)
    namespace[f"_t{index}"] = field.type
    return [f"{target} = _h{index}(v, _t{index})"]


def make_decoder(
    cls: type,
    converter: cattrs.Converter,
    overrides: dict[str, Callable[[Any, Any], Any]],
    known: frozenset[str],
    other: Callable[[Any, Any], Any],
) -> Callable[[Any, Any], Any]:
    """The fast structure hook of ``cls``: ``other`` takes what is not an object of ``known`` fields only."""
    namespace: dict[str, Any] = {
        "_build": builder(cls, decoded_ready(cls)),
        "_known": known,
        "_other": other,
        "_Mismatch": Mismatch,
    }
    lines = [
        "def decode(o, _=None):",
        "    if type(o) is not dict or not _known.issuperset(o):",
        "        return _other(o, _)",
        "    kw = {}",
    ]
    for index, field in enumerate(fields_of(cls)):
        reading = _reading(index, field, namespace, converter, overrides.get(field.name))
        if field.required:
            lines += [f"    v = o[{field.name!r}]", *(f"    {line}" for line in reading)]
        else:
            lines += [f"    if {field.name!r} in o:", f"        v = o[{field.name!r}]", *(f"        {line}" for line in reading)]
    lines.append("    return _build(kw)")
    exec(compile("\n".join(lines), f"<opsmodel JSON decoder {cls.__qualname__}>", "exec"), namespace)  # noqa: S102
    decode: Callable[[Any, Any], Any] = namespace["decode"]
    return decode
