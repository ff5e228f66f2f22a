"""Durations: how long a span lasted, read, carried by every format and checked against the ends."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import opsmodel as om
from opsmodel import json as ojson
from opsmodel import stix
from opsmodel.testing import durations
from opsmodel.validation import iter_errors

from ._stix_judges import assert_validator_clean, stix2_parse

S = ("src",)


@given(durations())
def test_a_duration_reads_back_from_its_text(duration: om.Duration) -> None:
    text = str(duration)
    assert om.parse_duration(text) == attrs.evolve(duration, wording=text)


_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_QUALIFIED = {"": om.CountKind.EXACT, "about ": om.CountKind.APPROXIMATE, "at least ": om.CountKind.AT_LEAST}


@given(
    st.sampled_from(sorted(_UNITS)),
    st.integers(2, 300),
    st.sampled_from(sorted(_QUALIFIED)),
    st.sampled_from(("", "for ", "during ", "lasting ")),
)
def test_generated_wordings_read_as_they_mean(unit: str, amount: int, qualifier: str, lead: str) -> None:
    text = f"{lead}{qualifier}{amount} {_UNITS[unit]}"
    duration = om.parse_duration(text)
    assert duration == om.Duration(amount=om.Count(kind=_QUALIFIED[qualifier], value=amount), unit=unit, wording=text)
    assert om.parse_period(text).length == duration


@given(durations())
def test_a_period_length_round_trips_through_json(duration: om.Duration) -> None:
    period = om.Period(start=om.FuzzyDate.of(2019), length=duration)
    assert ojson.loads(ojson.dumps(period), om.Period) == period
    assert ojson.to_dict(period)["length"]["unit"] == duration.unit.value


def test_a_period_without_length_writes_as_before() -> None:
    assert "length" not in ojson.to_dict(om.Period(start=om.FuzzyDate.of(2019)))


def _report(length: str) -> om.Report:
    source = om.Source(id="src", title="A report", publisher="Someone")
    operation = om.Operation(
        id="op",
        name="An operation",
        sources=[source],
        activity=om.Period(start="2019", end="2021", length=length, sources=S),
    )
    return om.Report(id="r", title="A report", publisher="Someone", published="2024-05-01", operations=[operation])


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
def test_a_period_length_round_trips_through_stix_and_stays_clean(flavour: str) -> None:
    report = _report("about three years")
    bundle = stix.to_stix(report, flavour=flavour)
    assert stix.from_stix(bundle) == report
    assert_validator_clean(bundle)
    stix2_parse(bundle)


def test_a_length_that_cannot_fit_between_the_ends_is_warned() -> None:
    (problem,) = [p for p in iter_errors(_report("five years")) if p.code == "OPS109"]
    assert problem.path.endswith("activity.length")
    assert "5 years" in problem.message
    assert "2019" in problem.message
    assert not [p for p in iter_errors(_report("three years")) if p.code == "OPS109"]
    assert [p.code for p in iter_errors(_report("two weeks")) if p.code == "OPS109"] == ["OPS109"]
    assert not [p for p in iter_errors(_report("almost two years")) if p.code == "OPS109"]


@given(st.integers(1990, 2030), st.integers(1, 20), st.sampled_from([-1, 0, 2]), st.sampled_from(["year", "month"]))
def test_a_length_is_warned_only_when_it_cannot_fit(year: int, years: int, off: int, unit: str) -> None:
    # From one year to another ``years`` later spans ``years - 1`` to ``years + 1`` years: an exact
    # length of ``years`` or ``years + 1`` fits, ``years + 3`` cannot.
    amount = (years + 1 + off) * (12 if unit == "month" else 1)
    length: Any = om.Duration(amount=om.Count.exact(amount), unit=unit)
    operation = om.Operation(
        id="op", name="An operation", activity=om.Period(start=str(year), end=str(year + years), length=length)
    )
    codes = [p.code for p in iter_errors(operation, select=["OPS109"])]
    assert codes == (["OPS109"] if off == 2 else [])
