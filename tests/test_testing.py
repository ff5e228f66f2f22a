"""The public strategies of opsmodel.testing: valid, registered, varied and internally consistent."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opsmodel
from opsmodel import (
    ClaimStatus,
    CountKind,
    FuzzyDate,
    ImpactQualifier,
    Language,
    Operation,
    Period,
    Platform,
    Precision,
    RelativeDate,
    Report,
    testing,
)

MODEL_CLASSES = sorted(
    (getattr(opsmodel, name) for name in opsmodel.__all__ if attrs.has(getattr(opsmodel, name))),
    key=lambda cls: cls.__name__,
)


def test_every_model_class_is_covered() -> None:
    assert len(MODEL_CLASSES) == 28
    for cls in MODEL_CLASSES:
        assert cls in testing.STRATEGIES
    assert len(testing.STRATEGIES) == len(MODEL_CLASSES)


def test_all_is_sorted_and_public() -> None:
    assert testing.__all__ == sorted(testing.__all__)
    for name in testing.__all__:
        if name != "STRATEGIES":
            assert callable(getattr(testing, name))
            assert getattr(testing, name).__doc__


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_from_type_gives_valid_instances(cls: type[Any]) -> None:
    @settings(max_examples=10)
    @given(st.from_type(cls))
    def check(value: Any) -> None:
        assert type(value) is cls
        # A valid value survives being rebuilt from its own fields.
        assert attrs.evolve(value) == value

    check()


def _cited(operation: Operation) -> set[str]:
    found: set[str] = set()

    def walk(value: Any) -> None:
        if attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                item = getattr(value, field.name)
                if field.name == "sources" and not isinstance(value, Operation):
                    found.update(item)
                else:
                    walk(item)
        elif isinstance(value, tuple):
            for item in value:
                walk(item)

    walk(operation)
    return found


@given(st.one_of(testing.operations(), st.from_type(Operation)))
def test_operations_are_internally_consistent(operation: Operation) -> None:
    source_ids = [source.id for source in operation.sources]
    actor_ids = [actor.id for actor in operation.actors]
    assert len(set(source_ids)) == len(source_ids)
    assert len(set(actor_ids)) == len(actor_ids)
    assert _cited(operation) <= set(source_ids)
    for claim in operation.attributions:
        assert claim.actor is None or claim.actor in actor_ids
        assert claim.client is None or claim.client in actor_ids
    for actor in operation.actors:
        assert actor.parent is None or actor.parent in actor_ids
    assert operation.name is not None or operation.summary is not None


@settings(max_examples=15)
@given(testing.reports())
def test_reports_have_unique_operations_related_to_each_other(report: Report) -> None:
    ids = [operation.id for operation in report]
    assert len(set(ids)) == len(ids)
    for operation in report:
        for relation in operation.relations:
            assert relation.other in ids
            assert relation.other != operation.id


@settings(max_examples=100)
@given(st.data())
def test_strategies_cover_the_hard_cases(data: st.DataObject) -> None:
    # Each draw must be able to reach the messy cases real reports contain.
    count = data.draw(testing.counts(kinds=["range"]))
    assert count.kind is CountKind.RANGE
    assert count.value is not None
    assert count.upper is not None
    assert count.value <= count.upper
    language = data.draw(testing.languages(named_only=True))
    assert language.code is None
    assert language.name
    platform = data.draw(testing.platforms(custom=True))
    assert not platform.known
    date = data.draw(testing.fuzzy_dates(precisions=["quarter"], min_year=2000, max_year=2001))
    assert date.precision is Precision.QUARTER
    assert 2000 <= date.value.year <= 2001


def test_strategies_reach_every_variant() -> None:
    seen: set[object] = set()

    @settings(max_examples=150, database=None)
    @given(
        testing.fuzzy_dates(),
        testing.periods(),
        testing.impacts(),
        testing.attributions(),
        testing.languages(),
        testing.platforms(),
    )
    def collect(date: FuzzyDate, period: Period, impact: opsmodel.Impact, claim: opsmodel.Attribution, language: Language,
                platform: Platform) -> None:  # fmt: skip
        seen.add(date.precision)
        seen.add(date.bound)
        seen.update(type(end) for end in (period.start, period.end))
        if period.ongoing:
            seen.add("ongoing")
        seen.add(impact.qualifier)
        seen.add(claim.status)
        seen.add("named-only" if language.code is None else "coded")
        seen.add("known" if platform.known else "custom")

    collect()
    assert set(Precision) <= seen
    assert {FuzzyDate, RelativeDate, type(None), "ongoing"} <= seen
    assert ImpactQualifier.CONDITIONAL in seen
    assert ClaimStatus.DISPUTED in seen
    assert {"named-only", "coded", "known", "custom"} <= seen


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        testing.counts(kinds=[])
    with pytest.raises(ValueError, match="precision"):
        testing.fuzzy_dates(precisions=[])
    with pytest.raises(ValueError, match="other_ids"):
        testing.relations(other_ids=[])
