from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Third-party files the tests read, copied into the repository so that a clone runs every test.
DATA = Path(__file__).resolve().parent / "data"

# CI runs more examples than a developer's quick loop; both stay deterministic per run.
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The third-party files the tests share (``tests/data``, see its README); missing data fails, never skips."""
    if not (DATA / "README.md").is_file():
        pytest.fail(f"third-party test data not found at {DATA}: it belongs to the repository (tests/data)")
    return DATA
