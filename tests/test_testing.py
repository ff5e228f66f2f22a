"""The public strategies of opsmodel.testing: valid, registered, varied and internally consistent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

import opsmodel
from opsmodel import (
    Bound,
    ClaimStatus,
    CountKind,
    FuzzyDate,
    ImpactQualifier,
    Operation,
    Precision,
    RelativeDate,
    Report,
    Subdivision,
    testing,
)

MODEL_CLASSES = sorted(
    (getattr(opsmodel, name) for name in opsmodel.__all__ if attrs.has(getattr(opsmodel, name))),
    key=lambda cls: cls.__name__,
)


def test_every_model_class_is_covered() -> None:
    assert len(MODEL_CLASSES) == 42
    for cls in MODEL_CLASSES:
        assert cls in testing.STRATEGIES
    assert len(testing.STRATEGIES) == len(MODEL_CLASSES)


def test_all_is_sorted_and_public() -> None:
    assert testing.__all__ == sorted(testing.__all__)
    for name in testing.__all__:
        if name != "STRATEGIES":
            assert callable(getattr(testing, name))
            assert getattr(testing, name).__doc__


@pytest.mark.property
@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_from_type_gives_valid_instances(cls: type[Any]) -> None:
    @settings(max_examples=5)
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


@settings(max_examples=15)
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


@pytest.mark.slow
@settings(max_examples=15)
@given(testing.reports())
def test_reports_have_unique_operations_related_to_each_other(report: Report) -> None:
    ids = [operation.id for operation in report]
    assert len(set(ids)) == len(ids)
    for operation in report:
        for relation in operation.relations:
            assert relation.other in ids
            assert relation.other != operation.id


@pytest.mark.slow
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


FIND = settings(database=None, max_examples=2_000, phases=[Phase.generate])

VARIANTS: list[tuple[str, st.SearchStrategy[Any], Callable[[Any], bool]]] = [
    *((f"date of precision {p.value}", testing.fuzzy_dates(), lambda d, p=p: d.precision is p) for p in Precision),
    *((f"date bound {b.value}", testing.fuzzy_dates(), lambda d, b=b: d.bound is b) for b in Bound),
    ("relative start", testing.periods(), lambda p: isinstance(p.start, RelativeDate)),
    ("open start and end", testing.periods(), lambda p: p.start is None and p.end is None),
    ("ongoing", testing.periods(), lambda p: p.ongoing),
    ("both ends absolute", testing.periods(), lambda p: isinstance(p.start, FuzzyDate) and isinstance(p.end, FuzzyDate)),
    *((f"count kind {k.value}", testing.counts(), lambda c, k=k: c.kind is k) for k in CountKind),
    ("zero count", testing.counts(), lambda c: c.value == 0),
    ("conditional impact", testing.impacts(), lambda i: i.qualifier is ImpactQualifier.CONDITIONAL),
    ("disputed claim", testing.attributions(), lambda a: a.status is ClaimStatus.DISPUTED),
    ("claim with actor only", testing.attributions(), lambda a: a.actor is not None and not a.countries),
    ("named-only language", testing.languages(), lambda lang: lang.code is None),
    ("language with script and region", testing.languages(), lambda lang: lang.script is not None and lang.region is not None),
    ("custom platform", testing.platforms(), lambda p: not p.known),
    ("known platform", testing.platforms(), lambda p: p.known),
    ("subdivision target", testing.targets(), lambda t: isinstance(t.place, Subdivision)),
    ("region with members", testing.regions(), lambda r: len(r.members) >= 2),
    ("audience in a place", testing.targets(), lambda t: t.place is not None and t.audience is not None),
    ("non-ASCII text", testing.texts(), lambda text: not text.isascii()),
    ("unnamed operation", testing.operations(), lambda o: o.name is None),
    (
        "conflicting attributions",
        testing.operations(max_facts=2),
        lambda o: len({claim.countries for claim in o.attributions if claim.countries}) >= 2,
    ),
    ("report with related operations", testing.reports(max_facts=1), lambda r: any(o.relations for o in r)),
]


@pytest.mark.slow
@pytest.mark.property
@pytest.mark.parametrize(("strategy", "condition"), [v[1:] for v in VARIANTS], ids=[v[0] for v in VARIANTS])
def test_strategies_reach_every_variant(strategy: st.SearchStrategy[Any], condition: Callable[[Any], bool]) -> None:
    # find() raises NoSuchExample if the strategy cannot (or practically never does) reach the case.
    assert condition(find(strategy, condition, settings=FIND))


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="kind"):
        testing.counts(kinds=[])
    with pytest.raises(ValueError, match="precision"):
        testing.fuzzy_dates(precisions=[])
    with pytest.raises(ValueError, match="other_ids"):
        testing.relations(other_ids=[])
