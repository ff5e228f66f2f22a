"""Messages and texts of model values: readable words, never an attrs repr, long values cut."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opsmodel
from opsmodel import FieldError, testing

MODEL_CLASSES = sorted(testing.STRATEGIES, key=lambda cls: cls.__name__)


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_every_model_class_has_its_own_text(cls: type[Any]) -> None:
    assert "__str__" in vars(cls)


@pytest.mark.property
@settings(max_examples=60)
@given(st.sampled_from(MODEL_CLASSES).flatmap(lambda cls: testing.STRATEGIES[cls]()))
def test_no_text_is_an_attrs_repr(value: Any) -> None:
    text = str(value)
    for cls in MODEL_CLASSES:
        assert f"{cls.__name__}(" not in text


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: opsmodel.Asset(platform="X", kind="accounts"), "Asset.kind: 'accounts' is not an AssetKind; expected one of"),
        (lambda: opsmodel.TechniqueRef(framework="attack", id="x"), "'x' is not an attack technique id"),
        (
            lambda: opsmodel.Operation(id="x", name="X", attributions=[opsmodel.Source(id="s")]),  # type: ignore[list-item]
            "Operation.attributions[0]: got Source 's'; expected an Attribution",
        ),
        (
            lambda: opsmodel.Operation(id="x", name="X", attributions=opsmodel.Attribution(claimant="Meta", countries=["RU"])),  # type: ignore[arg-type]
            "got Attribution 'Meta: origin RU'",
        ),
    ],
)
def test_messages_read_as_words(build: Any, message: str) -> None:
    with pytest.raises(FieldError) as caught:
        build()
    assert message in str(caught.value)


def test_long_values_are_cut() -> None:
    with pytest.raises(FieldError) as caught:
        opsmodel.Country(code="Narnia " * 100)
    assert len(str(caught.value)) < 300
    assert "..." in str(caught.value)


def test_texts_of_claims_actions_relations_and_reports() -> None:
    claim = opsmodel.Attribution(
        claimant="Meta", role="operator", actor="structura", countries=["RU"], status="withdrawn", sources=["s"]
    )
    assert str(claim) == "Meta: operator structura (RU) [withdrawn]"
    banned = opsmodel.Disruption(by="OpenAI", action="accounts_banned", count=12, platform="X", date="May 2024")
    assert str(banned) == "OpenAI: accounts banned (12) on X, 2024-05"
    assert str(opsmodel.Relation(kind="same_as", other="doppelganger")) == "same as doppelganger"
    assert str(opsmodel.Report(id="r", title="A report", publisher="Lab")) == "Lab: A report"


@pytest.mark.parametrize(
    ("noun", "expected"),
    [("AssetKind", "an AssetKind"), ("Country", "a Country"), ("'indicator'", "an 'indicator'"), ("`stix`", "a `stix`")],
)
def test_messages_put_the_right_article_before_a_noun(noun: str, expected: str) -> None:
    from opsmodel._core.fields import with_article

    assert with_article(noun) == expected
    with pytest.raises(FieldError, match="'accounts' is not an AssetKind"):
        opsmodel.Asset(platform="x", kind="accounts")
