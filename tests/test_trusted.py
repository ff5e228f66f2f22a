"""Trusted construction: every fast path gives the checked constructor's object, or its very error.

The builders of :mod:`opsmodel._model.trusted` skip converting values already proven; the JSON
and STIX-extension decoders build through them. Each property compares a fast path with the
checked one (the class's constructor, cattrs' detailed reading, the STIX codec's careful
decoder) on valid values and on corrupted ones.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opsmodel as om
from opsmodel import testing
from opsmodel._formats.json.converter import converter
from opsmodel._formats.stix import foreign
from opsmodel._formats.stix.codec import _decode_slowly, decode, encode
from opsmodel._model import trusted
from opsmodel._model.description import fields_of, model_classes

CLASSES = model_classes()
SMALL: dict[type, st.SearchStrategy[Any]] = {
    om.Operation: testing.operations(max_facts=1),
    om.Report: testing.reports(max_operations=2, max_facts=1),
}
EXAMPLES = settings(max_examples=120)

# Values a corrupted field may hold: wrong types, blanks, out-of-range numbers, lone surrogates,
# model objects of another class, and the same values inside a tuple.
JUNK: list[Any] = [
    None,
    "",
    " ",
    "x",
    "Mid",
    "RU",
    "\ud800",
    0,
    -1,
    101,
    2.5,
    True,
    [],
    (),
    ("a",),
    ("",),
    (None,),
    {"a": 1},
    om.Country(code="RU"),
    om.Count.exact(3),
    om.FuzzyDate.of(2024, 5),
    (om.Count.exact(3),),
    (om.Country(code="RU"),),
    (["a"],),
    ["a", {"b": 1}],
]


def _value(cls: type) -> st.SearchStrategy[Any]:
    return SMALL.get(cls, st.from_type(cls))


def _kwargs(obj: Any) -> dict[str, Any]:
    cls: type = type(obj)
    return {field.alias: getattr(obj, field.name) for field in fields_of(cls)}


def _field_of(name: str, obj: Any) -> Any:
    return getattr(obj, name)


def _outcome(make: Any) -> tuple[str, Any]:
    """What a construction gives: ("value", the object) or ("error", what the error says)."""
    try:
        return "value", make()
    except Exception as exc:  # the very error is what is compared
        return "error", (type(exc), str(exc), getattr(exc, "problems", None), getattr(exc, "__dict__", None))


@EXAMPLES
@given(st.sampled_from(CLASSES).flatmap(_value))
def test_building_a_valid_object_from_its_own_fields_gives_it_back(obj: Any) -> None:
    cls: type = type(obj)
    kwargs = _kwargs(obj)
    every = frozenset(field.name for field in fields_of(cls))
    assert trusted.builder(cls, every)(kwargs) == obj
    assert trusted.builder(cls)(kwargs) == obj
    assert trusted.build(cls, kwargs) == obj
    assert trusted.evolve(obj) == obj


@EXAMPLES
@given(st.sampled_from(CLASSES).flatmap(_value))
def test_converters_give_ready_values_back_as_they_are(obj: Any) -> None:
    # what lets a decoder hand over the objects and enum members it built without converting them
    cls: type = type(obj)
    for field in fields_of(cls):
        if field.name not in trusted.decoded_ready(cls) or field.converter is None:
            continue
        value = getattr(obj, field.name)
        again = field.converter(list(value) if field.many else value)
        assert again == value
        if not field.many:
            assert again is value


@EXAMPLES
@given(st.sampled_from(CLASSES).flatmap(_value), st.data())
def test_a_changed_field_gives_the_checked_constructors_object_or_error(obj: Any, data: st.DataObject) -> None:
    cls: type = type(obj)
    field = data.draw(st.sampled_from(fields_of(cls)))
    value = data.draw(st.sampled_from(JUNK) | _value(cls).map(lambda other: getattr(other, field.name)))
    expected = _outcome(lambda: attrs.evolve(obj, **{field.alias: value}))
    assert _outcome(lambda: trusted.evolve(obj, **{field.alias: value})) == expected
    kwargs = {**_kwargs(obj), field.alias: value}
    ready = trusted.decoded_ready(cls) - {field.name}
    assert _outcome(lambda: trusted.builder(cls, ready)(kwargs)) == expected


@EXAMPLES
@given(st.sampled_from(CLASSES).flatmap(_value), st.data())
def test_a_ready_field_from_another_valid_object_is_checked_by_every_validator(obj: Any, data: st.DataObject) -> None:
    # a ready value is valid alone, but a validator may compare it with the other fields
    cls: type = type(obj)
    other = data.draw(_value(cls))
    names = data.draw(st.sets(st.sampled_from([field.name for field in fields_of(cls)])))
    changes = {field.alias: getattr(other, field.name) for field in fields_of(cls) if field.name in names}
    expected = _outcome(lambda: attrs.evolve(obj, **changes))
    assert _outcome(lambda: trusted.evolve(obj, **changes)) == expected
    assert _outcome(lambda: trusted.builder(cls, frozenset(names))({**_kwargs(obj), **changes})) == expected


def test_an_unknown_argument_is_the_constructors_type_error() -> None:
    operation = om.Operation(id="a", summary="s")
    unknown: dict[str, Any] = {"colour": "red"}
    try:
        attrs.evolve(operation, **unknown)
    except TypeError as exc:
        expected = str(exc)
    assert _outcome(lambda: trusted.evolve(operation, **unknown)) == ("error", (TypeError, expected, None, {}))


def _corrupt(data: Any, draw: Any) -> Any:
    """``data`` (plain JSON) with one value, anywhere in it, replaced by a drawn one."""
    data = copy.deepcopy(data)
    places: list[tuple[Any, Any]] = []
    stack = [data]
    while stack:
        node = stack.pop()
        keys = list(node) if isinstance(node, dict) else range(len(node)) if isinstance(node, list) else []
        for key in keys:
            places.append((node, key))
            stack.append(node[key])
    junk = [None, "", " ", "x", "2024-13", "RU", "ru", "\ud800", 0, -1, 101, 1.5, True, [], {}, [""], {"type": "x"}]
    plain = st.sampled_from(junk)
    if not places:
        return data
    node, key = draw(st.sampled_from(places))
    node[key] = draw(plain | st.sampled_from([value for node, key in places for value in [node[key]]]))
    return data


@EXAMPLES
@given(st.sampled_from(CLASSES).flatmap(_value), st.data())
def test_the_fast_json_reading_accepts_exactly_what_the_checked_one_does(obj: Any, data: st.DataObject) -> None:
    cls: type = type(obj)
    plain = converter(False, False).unstructure(obj)
    assert converter(False, False).structure(plain, cls) == obj
    mutated = _corrupt(plain, data.draw)
    fast = _outcome(lambda: converter(False, False).structure(copy.deepcopy(mutated), cls))
    checked = _outcome(lambda: converter(True, False).structure(copy.deepcopy(mutated), cls))
    assert fast[0] == checked[0]
    if fast[0] == "value":
        assert fast[1] == checked[1]


@EXAMPLES
@given(st.sampled_from(CLASSES).flatmap(_value), st.data())
def test_the_fast_stix_extension_decoder_gives_the_careful_decoders_value_or_error(obj: Any, data: st.DataObject) -> None:
    cls: type = type(obj)
    plain = encode(obj)
    assert decode(cls, plain) == obj
    mutated = _corrupt(plain, data.draw)
    assert _outcome(lambda: decode(cls, copy.deepcopy(mutated), "$")) == _outcome(
        lambda: _decode_slowly(cls, copy.deepcopy(mutated), "$")
    )


@pytest.mark.parametrize("sources", [[["a"]], ("a", {"b": 1}), ["a", ["b"]]])
def test_source_ids_holding_an_unhashable_item_are_a_field_error(sources: Any) -> None:
    # the converters' shortcuts look items up in a set of ids already seen: never before their type is known
    om.Period(sources=["a"])  # "a" is now among the ids seen
    with pytest.raises(om.FieldError) as caught:
        om.Period(sources=sources)
    assert caught.value.field.startswith("sources[")


@pytest.mark.parametrize("cls", list(foreign._READY), ids=lambda cls: cls.__name__)
def test_the_foreign_importers_ready_fields_are_only_objects_decoders_build(cls: type) -> None:
    # a text field among them would be set unconverted (an Operation's aliases are given as text)
    assert foreign._READY[cls] <= trusted.decoded_ready(cls)


@EXAMPLES
@given(st.sampled_from(list(foreign._READY)).flatmap(_value), st.data())
def test_the_foreign_importers_building_gives_the_checked_constructors_object_or_error(obj: Any, data: st.DataObject) -> None:
    cls: type = type(obj)
    # what a mapping gives: built objects in the ready fields, anything at all in the others
    free = [field for field in fields_of(cls) if field.name not in foreign._READY[cls]]
    kwargs = _kwargs(obj)
    for field in data.draw(st.lists(st.sampled_from(free), max_size=2, unique=True)):
        kwargs[field.alias] = data.draw(st.sampled_from(JUNK) | _value(cls).map(functools.partial(_field_of, field.name)))
    assert _outcome(lambda: foreign._built(cls, **kwargs)) == _outcome(lambda: cls(**kwargs))
