"""The Validator object, the one Problem record, ValidationError, best_match's key and rule messages."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from opsmodel import Attribution, Disruption, FuzzyDate, Operation, Period, Source, TechniqueUse, errors, examples
from opsmodel import json as codec
from opsmodel.testing import reports
from opsmodel.validation import (
    Context,
    Finding,
    Problem,
    Rule,
    Severity,
    ValidationError,
    Validator,
    best_match,
    is_valid,
    iter_errors,
    validate,
)

SOURCE = Source(id="src", publisher="Publisher")


def _bad() -> Operation:
    return Operation(
        id="op",
        name="Op",
        activity=Period(start=FuzzyDate.of(2023, 5), sources=["src"]),
        detected=Period(start=FuzzyDate.of(2022), sources=["src"]),
        attributions=[Attribution(claimant="Meta", actor="ghost", sources=["src"])],
        sources=[SOURCE],
    )


def test_the_validation_records_are_the_one_problem_record() -> None:
    assert Finding is Problem is errors.Problem
    assert Severity is errors.Severity
    assert ValidationError is errors.ValidationError
    assert issubclass(ValidationError, errors.DataError)
    assert issubclass(ValidationError, ValueError)


def test_a_validator_chooses_rules_once_and_applies_them_to_anything() -> None:
    dates = Validator(select=["OPS1"], ignore=["OPS103"])
    assert [rule.code for rule in dates.rules] == ["OPS101", "OPS102", "OPS104", "OPS105", "OPS106", "OPS107", "OPS108", "OPS109"]
    assert [p.code for p in dates.iter_errors(_bad())] == ["OPS101"]
    assert not dates.is_valid(_bad())
    assert Validator(ignore=["OPS1", "OPS2"]).is_valid(_bad())
    with pytest.raises(ValidationError, match=r"^1 error: \$\.detected\.start: error OPS101"):
        dates.validate(_bad())


def test_the_module_functions_are_the_validators() -> None:
    operation = _bad()
    assert list(iter_errors(operation, select=["OPS2"])) == list(Validator(select=["OPS2"]).iter_errors(operation))
    assert is_valid(operation, ignore=["OPS101", "OPS204"]) == Validator(ignore=["OPS101", "OPS204"]).is_valid(operation)
    with pytest.raises(ValidationError) as caught:
        validate(operation)
    assert caught.value.findings == caught.value.problems == tuple(iter_errors(operation))
    assert len(caught.value.errors) == 2
    assert str(caught.value).startswith("2 errors: ")


def test_select_and_ignore_refuse_a_single_string() -> None:
    with pytest.raises(TypeError, match="not a single string"):
        Validator(select="OPS1")


def test_a_validation_error_pickles_with_its_problems() -> None:
    with pytest.raises(ValidationError) as caught:
        validate(_bad())
    copy = pickle.loads(pickle.dumps(caught.value))
    assert copy.problems == caught.value.problems
    assert str(copy) == str(caught.value)


def test_a_custom_rule_yields_problems_without_a_code() -> None:
    def no_name(operation: Operation, context: Context) -> Iterator[Problem]:
        yield Problem(path="name", message="a name is required", value=operation.name)
        yield Problem(message="and about the whole operation")

    rule = Rule(code="acme.name", name="name", severity="warning", description="Names.", check=no_name)
    found = list(Validator(rules=[rule]).iter_errors(examples.load("openai-2024-05")))
    assert [(p.code, p.severity, p.path, p.rule) for p in found[:2]] == [
        ("acme.name", Severity.WARNING, "$.operations[0].name", "name"),
        ("acme.name", Severity.WARNING, "$.operations[0]", "name"),
    ]
    assert {p.severity for p in Validator(rules=[rule], strict=True).iter_errors(_bad())} == {Severity.ERROR}


def test_best_match_takes_a_key() -> None:
    problems = list(iter_errors(_bad()))
    assert best_match(problems).code == "OPS101"  # type: ignore[union-attr]
    assert best_match(problems, key=lambda p: -len(p.path)).code == "OPS204"  # type: ignore[union-attr]
    assert best_match([], key=lambda p: p.code) is None


class _CountingCatalogue:
    """A duck-typed catalogue that counts the lookups validation makes."""

    framework = "disarm"

    def __init__(self) -> None:
        self.lookups = 0

    def get(self, technique_id: str) -> Any:
        self.lookups += 1
        return None


def test_technique_rules_share_one_catalogue_lookup_per_operation() -> None:
    operation = Operation.named("Tagged", techniques=[TechniqueUse(technique="T0049"), TechniqueUse(technique="T0085.001")])
    alone = _CountingCatalogue()
    list(Validator(select=["OPS601"], catalogue=alone).iter_errors(operation))
    together = _CountingCatalogue()
    found = list(Validator(select=["OPS6"], catalogue=together).iter_errors(operation))
    assert [p.code for p in found] == ["OPS601", "OPS601"]
    assert together.lookups == alone.lookups == 2


# ---------------------------------------------------------------------------------------------
# Messages show str() of model objects, never an attrs repr (a datetime's fold is not kept by JSON)

_FOLDED = FuzzyDate.instant(dt.datetime(2022, 11, 6, 1, 30, fold=1, tzinfo=dt.timezone.utc))


def test_a_fact_without_sources_is_named_without_its_repr() -> None:
    operation = Operation(
        id="op", name="Op", attributions=[Attribution(claimant="Meta", countries=["RU"], claimed=_FOLDED)], sources=[SOURCE]
    )
    (uncited,) = [p for p in iter_errors(operation) if p.code == "OPS211"]
    assert uncited.message == "attributions[0] (Meta: origin RU) cites no source"
    again = codec.loads(codec.dumps(operation), Operation)
    assert [p.message for p in iter_errors(again)] == [p.message for p in iter_errors(operation)]


def test_a_repeated_entry_is_named_without_its_repr() -> None:
    disruption = Disruption(by="Meta", action="accounts_banned", date=_FOLDED)
    operation = Operation(id="op", name="Op", disruptions=[disruption, disruption])
    (repeated,) = [p for p in iter_errors(operation) if p.code == "OPS307"]
    assert "Disruption(" not in repeated.message
    assert "fold" not in repeated.message


@settings(max_examples=25, deadline=None)
@given(reports(max_operations=3, max_facts=2))
def test_messages_hold_no_repr_and_survive_json(report: Any) -> None:
    messages = [p.message for p in iter_errors(report)]
    assert not [m for m in messages if "fold=" in m or "Attribution(" in m or "Disruption(" in m or "Relation(" in m]
    assert [p.message for p in iter_errors(codec.loads(codec.dumps(report)))] == messages


def test_a_problem_record_pickles_and_evolves() -> None:
    (first, *_) = iter_errors(_bad())
    assert pickle.loads(pickle.dumps(first)) == first
    assert attrs.evolve(first, line=3).location == "line 3, $.detected.start"


def test_a_validator_pickles_and_shows_its_choices() -> None:
    validator = Validator(select=["OPS6"], strict=True)
    copy = pickle.loads(pickle.dumps(validator))
    assert [rule.code for rule in copy.rules] == [rule.code for rule in validator.rules]
    assert repr(validator) == "Validator(select=('OPS6',), ignore=(), strict=True, catalogue=None)"
