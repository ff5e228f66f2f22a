from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# CI runs more examples than a developer's quick loop; both stay deterministic per run.
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The read-only third-party data beside the project (``../shared/data``), or a clear skip."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"third-party test data not found at {data} (the project's ../shared/data)")
    return data
