"""Example tables for the model: real-report wordings, bad input, and regressions."""

from __future__ import annotations

import pytest

from opsmodel import FieldError, Operation


def test_operation_with_a_name_needs_no_summary_or_notes() -> None:
    # Regression: the name-or-summary check looked at ``notes`` instead of ``name``.
    operation = Operation(id="bad-grammar", name="Bad Grammar")
    assert operation.summary is None
    assert Operation(id="unnamed", summary="an unnamed network").name is None


def test_operation_without_name_or_summary_names_the_name_field() -> None:
    with pytest.raises(FieldError) as caught:
        Operation(id="x", notes="notes alone do not identify a network")
    assert caught.value.owner == "Operation"
    assert caught.value.field == "name"
