"""A small seeded run of the fuzz driver (``nox -s fuzz`` runs at least 100,000 inputs)."""

from __future__ import annotations

import io

import pytest

from .fuzz.driver import run


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_no_reader_lets_a_foreign_exception_escape(seed: int) -> None:
    out = io.StringIO()
    findings = run(0, seed, 400, out=out)  # no time budget: exactly the first 400-odd inputs of the seed
    assert findings == 0, out.getvalue()
    assert "total" in out.getvalue()
