"""The cattrs converter of the opsmodel JSON format, configured once, in the style of cattrs' ``preconf``.

Every model class is (un)structured by functions cattrs generates, from the fields the model's
description (:mod:`opsmodel._model.description`) lists; this module only adds what the format
needs on top:

* the strict leaf hooks of :mod:`.hooks` (exact JSON types, exact enum values, canonical spellings);
* a ``type`` tag on the unions (``FuzzyDate | RelativeDate`` and ``Country | Subdivision | Region``),
  one per member, as the description names them;
* fuzzy dates written readably (``{"date": "2024-05", "bound": "on_or_before"}``, see :mod:`.dates`);
* unknown fields refused, or kept aside and written back unchanged (see :mod:`.kept`);
* with ``detailed_validation``, errors as cattrs exception groups that locate every problem.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from typing import Any, NoReturn

import attrs
import cattrs
from cattrs.errors import ClassValidationError, IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ..._core.errors import MAX_PROBLEMS
from ..._model.dates import FuzzyDate
from ..._model.description import TaggedUnion, fields_of, optional_of, tuple_item, union_of, vocabularies
from ..._model.places import Country
from ..._model.trusted import UnplannableError
from .dates import OTHER_FIELDS, fuzzy_date_structure, fuzzy_date_unstructure
from .decoders import make_decoder
from .errors import Mismatch
from .hooks import (
    CODE_PATTERNS,
    canonical_hook,
    enum_hook,
    leaf_shape,
    strict_bool,
    strict_int,
    strict_str,
    structure_country,
    structure_enum,
    unknown,
    unstructure_country,
    unstructure_enum,
)
from .kept import KEPT, keep, kept


def _known_keys(cls: type) -> frozenset[str]:
    if cls is FuzzyDate:
        return frozenset({"date", *(field.name for field in OTHER_FIELDS)})
    return frozenset(field.name for field in fields_of(cls))


def _is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def _is_tuple(tp: Any) -> bool:
    return tuple_item(tp) is not None


def _is_union(tp: Any) -> bool:
    return union_of(tp) is not None


def _is_optional(tp: Any) -> bool:
    return optional_of(tp) is not None and union_of(tp) is None


class _Hooks:
    """The hook factories of one converter (they need it, and its two settings)."""

    def __init__(self, converter: cattrs.Converter, *, detailed: bool, keep_unknown: bool) -> None:
        self.converter = converter
        self.detailed = detailed
        self.keep_unknown = keep_unknown

    # tuples

    def tuple_structure(self, tp: Any) -> Callable[[Any, Any], Any]:
        item_type = tuple_item(tp)
        item_hook = self.converter.get_structure_hook(item_type)
        if not self.detailed:

            def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
                if type(value) is not list:
                    raise Mismatch(value, "an array", "type")
                return tuple([item_hook(item, item_type) for item in value])

            return structure_tuple

        def structure_tuple_detailed(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise Mismatch(value, "an array", "type")
            result: list[Any] = []
            errors: list[Exception] = []
            more = 0
            for index, item in enumerate(value):
                try:
                    result.append(item_hook(item, item_type))
                except Exception as exc:
                    if len(errors) >= MAX_PROBLEMS:
                        more += 1  # counted, not kept: a million bad items must not take a million exceptions
                        continue
                    exc.__notes__ = [*getattr(exc, "__notes__", []), IterableValidationNote(f"@ index {index}", index, item_type)]
                    errors.append(exc)
            if more:
                problem = f"{more} more bad items not listed (at most {MAX_PROBLEMS} are)"
                errors.append(Mismatch(more, "", "too-many-problems", problem))
            if errors:
                raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
            return tuple(result)

        return structure_tuple_detailed

    def tuple_unstructure(self, tp: Any) -> Callable[[Any], Any]:
        item_type = tuple_item(tp)
        if item_type in (str, int, bool):
            return list
        if _is_enum(item_type):
            return lambda value: [item.value for item in value]
        item_hook = self.converter.get_unstructure_hook(item_type)
        return lambda value: [item_hook(item) for item in value]

    # unions and optional values

    def union_structure(self, tp: Any) -> Callable[[Any, Any], Any]:
        union = union_of(tp)
        assert union is not None
        optional = optional_of(tp) is not None
        by_tag = {tag: (cls, self.object_structure(cls)) for tag, cls in union.tags.items()}
        expected = "an object whose 'type' is one of " + ", ".join(f'"{tag}"' for tag in by_tag)

        def structure_union(value: Any, _: Any) -> Any:
            if value is None and optional:
                return None
            if type(value) is not dict:
                raise Mismatch(value, expected + (" (or null)" if optional else ""), "type")
            tag = value.get("type")
            if tag is None:
                raise Mismatch(None, expected, "tag", problem="no 'type'", where=".type")
            found = by_tag.get(tag) if type(tag) is str else None
            if found is None:
                raise Mismatch(tag, "one of " + ", ".join(f'"{t}"' for t in by_tag), "tag", where=".type")
            rest = dict(value)
            del rest["type"]
            return found[1](rest, found[0])

        return structure_union

    def union_unstructure(self, tp: Any) -> Callable[[Any], Any]:
        union: TaggedUnion | None = union_of(tp)
        assert union is not None
        by_class = {cls: (tag, self.object_unstructure(cls)) for tag, cls in union.tags.items()}

        def unstructure_union(value: Any) -> Any:
            if value is None:
                return None
            tag, hook = by_class[type(value)]
            return {"type": tag, **hook(value)}

        return unstructure_union

    def optional_structure(self, tp: Any) -> Callable[[Any, Any], Any]:
        inner = optional_of(tp)
        hook = self.converter.get_structure_hook(inner)

        def structure_optional(value: Any, _: Any) -> Any:
            return None if value is None else hook(value, inner)

        return structure_optional

    # model classes

    def class_structure(self, cls: type) -> Callable[[Any, Any], Any]:
        return structure_country if cls is Country else self.object_structure(cls)

    def class_unstructure(self, cls: type) -> Callable[[Any], Any]:
        return unstructure_country if cls is Country else self.object_unstructure(cls)

    def string_overrides(self, cls: type) -> dict[str, Any]:
        """A canonical-spelling hook per string field of ``cls`` (field name -> cattrs override)."""
        overrides = {}
        for field in fields_of(cls):
            shape = leaf_shape(field)
            if shape is not None and field.converter is not None:
                pattern = CODE_PATTERNS.get((cls.__name__, field.name))
                hook = canonical_hook(field.converter, shape, fast=not self.detailed, pattern=pattern)
                overrides[field.name] = override(struct_hook=hook)
        return overrides

    def fields_structure(self, cls: type) -> Callable[[dict[str, Any]], Any]:
        """The structure function of ``cls``'s known fields, with a canonical-spelling hook per string field."""
        if cls is FuzzyDate:
            return fuzzy_date_structure(self.converter, self.detailed)
        overrides = self.string_overrides(cls)
        structure: Callable[[dict[str, Any]], Any] = make_dict_structure_fn(cls, self.converter, **overrides)
        return structure

    def object_structure(self, cls: type) -> Callable[[Any, Any], Any]:
        inner = self.fields_structure(cls)
        known = _known_keys(cls)
        expected = f"an object ({cls.__name__})"
        keep_unknown = self.keep_unknown
        refuse = self.refuse_unknown

        def structure_class(value: Any, _: Any) -> Any:
            if type(value) is not dict:
                raise Mismatch(value, expected, "type")
            if known.issuperset(value):
                return inner(value)
            extra = {key: item for key, item in value.items() if key not in known}
            if not keep_unknown:
                refuse(cls, inner, value, extra)
            obj = inner(value)
            keep(obj, extra)
            return obj

        if self.detailed or cls is FuzzyDate:
            return structure_class
        overrides = {name: hook.struct_hook for name, hook in self.string_overrides(cls).items()}
        try:
            return make_decoder(cls, self.converter, overrides, known, structure_class)
        except UnplannableError:  # pragma: no cover - every model class has a plan today
            return structure_class

    def refuse_unknown(self, cls: type, inner: Callable[[dict[str, Any]], Any], value: Any, extra: dict[str, Any]) -> NoReturn:
        """Raise the unknown fields (with the known fields' own problems, in detailed validation)."""
        unknowns = [unknown(key, item, cls) for key, item in extra.items()]
        if not self.detailed:
            raise unknowns[0]
        message = f"While structuring {cls.__name__}"
        try:
            inner(value)
        except ClassValidationError as exc:
            raise ClassValidationError(message, [*exc.exceptions, *unknowns], cls) from None
        except Exception as exc:
            raise ClassValidationError(message, [exc, *unknowns], cls) from None
        raise ClassValidationError(message, unknowns, cls)

    def object_unstructure(self, cls: type) -> Callable[[Any], Any]:
        inner: Callable[[Any], dict[str, Any]]
        if cls is FuzzyDate:
            inner = fuzzy_date_unstructure(self.converter)
        else:
            inner = make_dict_unstructure_fn(cls, self.converter, _cattrs_omit_if_default=True)

        def unstructure_class(obj: Any) -> dict[str, Any]:
            result: dict[str, Any] = inner(obj)
            if KEPT:  # some value was read with unknown fields: write them back after the known ones
                extra = kept(obj)
                if extra is not None:
                    result.update(extra)
            return result

        return unstructure_class


def make_converter(*, detailed_validation: bool = False, keep_unknown: bool = False) -> cattrs.Converter:
    """A cattrs converter configured for the opsmodel JSON format.

    ``converter.unstructure(model_value)`` gives the plain dict written to JSON (without the
    document envelope); ``converter.structure(data, cls)`` reads one back. With
    ``detailed_validation`` structuring errors are cattrs exception groups that locate every
    problem (slower; :func:`loads` uses it only to explain a document that failed). With
    ``keep_unknown`` unknown fields are kept aside instead of refused.
    """
    converter = cattrs.Converter(detailed_validation=detailed_validation, forbid_extra_keys=False)
    hooks = _Hooks(converter, detailed=detailed_validation, keep_unknown=keep_unknown)
    converter.register_structure_hook(str, strict_str)
    converter.register_structure_hook(int, strict_int)
    converter.register_structure_hook(bool, strict_bool)
    # cattrs dispatches on str before enums: the model's vocabularies are str enums
    converter.register_structure_hook(enum.Enum, structure_enum)
    for vocabulary in vocabularies():
        converter.register_structure_hook(vocabulary, enum_hook(vocabulary))
        converter.register_unstructure_hook(vocabulary, unstructure_enum)
    converter.register_unstructure_hook_factory(_is_enum, lambda t: unstructure_enum)
    converter.register_structure_hook_factory(_is_tuple, hooks.tuple_structure)
    converter.register_unstructure_hook_factory(_is_tuple, hooks.tuple_unstructure)
    converter.register_structure_hook_factory(_is_optional, hooks.optional_structure)
    converter.register_structure_hook_factory(_is_union, hooks.union_structure)
    converter.register_unstructure_hook_factory(_is_union, hooks.union_unstructure)
    converter.register_structure_hook_factory(attrs.has, hooks.class_structure)
    converter.register_unstructure_hook_factory(attrs.has, hooks.class_unstructure)
    return converter


@functools.cache
def converter(detailed: bool, keep_unknown: bool) -> cattrs.Converter:
    """The shared converter with these settings (built once)."""
    return make_converter(detailed_validation=detailed, keep_unknown=keep_unknown)
