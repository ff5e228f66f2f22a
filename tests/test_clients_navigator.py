"""Navigator layers of generated reports in mitreattack-python's navlayers, in both layer formats.

Run by ``nox -s clients`` (mitreattack-python is among its clients); the test suite loads the
demo's and smaller corpora's layers the same way (tests/test_taxonomy_navigator.py).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import Report
from opsmodel import taxonomy as tx
from opsmodel.testing import reports

from .test_taxonomy_navigator import _navlayers_problems

pytest.importorskip("mitreattack.navlayers")

pytestmark = pytest.mark.clients


@settings(max_examples=50)
@given(report=reports(), navigator=st.sampled_from(["disarm", "attack"]))
def test_generated_reports_give_layers_navlayers_loads(report: Report, navigator: str) -> None:
    for layer_format, navigator_version in tx.LAYER_FORMATS.items():
        layer = tx.to_layer(report, navigator=navigator, layer_format=layer_format)
        assert (layer["versions"]["layer"], layer["versions"]["navigator"]) == (layer_format, navigator_version)
        assert _navlayers_problems(layer) == []
