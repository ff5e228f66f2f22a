"""The converters and validators written once for every vocabulary and model class (``_core/fields.py``)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opsmodel
from opsmodel import FieldError
from opsmodel._core.fields import InstancesOf, Invalid, OptionalOf, TupleOf, Vocabulary, any_given, model, whole_number
from opsmodel._model.description import vocabularies

VOCABULARIES = [cls for cls in vocabularies() if issubclass(cls, Vocabulary)]


def made(kind: Any, item: type) -> Any:
    """``kind[item]`` for a type held in a variable (which a type checker takes for no type)."""
    return kind[item]


def members(vocabulary: type[Vocabulary]) -> st.SearchStrategy[list[Any]]:
    """Lists of a vocabulary's members, each given as itself or as its text."""
    member = st.sampled_from(list(vocabulary))
    return st.lists(st.one_of(member, member.map(lambda m: m.value)), max_size=4)


@pytest.mark.property
@settings(max_examples=40)
@given(st.sampled_from(VOCABULARIES).flatmap(lambda cls: st.tuples(st.just(cls), members(cls))))
def test_a_tuple_of_members_is_read_from_members_or_their_text(case: tuple[type[Vocabulary], list[Any]]) -> None:
    vocabulary, given_values = case
    converted = made(TupleOf, vocabulary)(given_values)
    assert type(converted) is tuple
    assert converted == tuple(vocabulary(value) for value in given_values)
    assert all(type(item) is vocabulary for item in converted)
    assert made(TupleOf, vocabulary)(converted) is converted  # already converted: kept as it is


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda cls: cls.__name__)
def test_an_optional_member_is_read_from_a_member_its_text_or_none(vocabulary: type[Vocabulary]) -> None:
    convert = made(OptionalOf, vocabulary)
    first = next(iter(vocabulary))
    assert convert(None) is None
    assert convert(first) is first
    assert convert(first.value) is first
    with pytest.raises(Invalid) as caught:
        convert(12)
    assert caught.value.problem == f"12 is not {'an' if vocabulary.__name__[0] in 'AEIOU' else 'a'} {vocabulary.__name__}"


@pytest.mark.parametrize(
    ("vocabulary", "plural"),
    [
        (opsmodel.AIPurpose, "AI purposes"),
        (opsmodel.ActivityKind, "activity kinds"),
        (opsmodel.ImpersonationMethod, "impersonation methods"),
        (opsmodel.LLM_TTP, "LLM-themed TTPs"),  # says its own
    ],
)
def test_a_bare_string_is_not_a_tuple_of_members(vocabulary: type[Vocabulary], plural: str) -> None:
    with pytest.raises(Invalid) as caught:
        made(TupleOf, vocabulary)("other")
    assert f"{caught.value.problem}; expected {caught.value.expected}" == f"got str 'other'; expected a list or tuple of {plural}"


def test_a_converter_is_made_once_per_type_and_never_instantiated() -> None:
    assert TupleOf[opsmodel.AIPurpose] is TupleOf[opsmodel.AIPurpose]
    assert made(TupleOf, opsmodel.AIPurpose) is not made(OptionalOf, opsmodel.AIPurpose)
    assert made(InstancesOf, opsmodel.Persona) is not made(InstancesOf, opsmodel.Front)
    with pytest.raises(TypeError, match="TupleOf is a converter"):
        TupleOf(["other"])


def test_instances_and_objects_by_name() -> None:
    persona = opsmodel.Persona(posed_as="nurses")
    assert InstancesOf[opsmodel.Persona]([persona]) == (persona,)
    with pytest.raises(Invalid) as refused:
        InstancesOf[opsmodel.Persona](["nurses"])  # type: ignore[list-item]
    assert (refused.value.expected, refused.value.where) == ("a Persona", "[0]")
    audience = OptionalOf[opsmodel.Audience]("voters")
    assert audience == opsmodel.Audience(name="voters")
    assert OptionalOf[opsmodel.Audience](audience) is audience
    assert OptionalOf[opsmodel.Audience](None) is None
    with pytest.raises(Invalid) as caught:
        OptionalOf[opsmodel.Audience](3)  # type: ignore[arg-type]
    assert caught.value.expected == "an Audience or its name"


@model
@attrs.frozen(kw_only=True)
class _Named:
    code: str | None = None
    name: str | None = None
    label: str | None = attrs.field(default=None, validator=any_given("code", "name", "label", expected="something"))


def test_any_given_names_what_is_missing_and_passes_when_one_is_given() -> None:
    for given_field in ("code", "name", "label"):
        assert getattr(_Named(**{given_field: "x"}), given_field) == "x"
    with pytest.raises(FieldError, match=r"^_Named\.label: neither code, name nor label given; expected something$"):
        _Named()


@model
@attrs.frozen(kw_only=True)
class _Rated:
    category: int = attrs.field(validator=whole_number(1, 6, expected="a category from 1 to 6"))
    parts: int = attrs.field(default=0, validator=whole_number(0, expected="zero or more"))


@pytest.mark.parametrize(("category", "parts"), [(0, 0), (7, 0), (True, 0), ("3", 0), (3, -1), (3, 1.0)])
def test_whole_number_refuses_what_is_out_of_its_range_or_not_an_int(category: Any, parts: Any) -> None:
    with pytest.raises(FieldError, match=r"expected (a category from 1 to 6|zero or more)$"):
        _Rated(category=category, parts=parts)


def test_whole_number_takes_its_ends() -> None:
    assert (_Rated(category=1).category, _Rated(category=6, parts=10**9).parts) == (1, 10**9)
