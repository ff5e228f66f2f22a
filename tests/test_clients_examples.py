"""Every bundled example as the real clients read it (``nox -s clients``): pymisp, misp-stix, OpenCTI's splitter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from opsmodel import examples, stix

from .test_clients_misp import _check
from .test_clients_opencti import _check_for_opencti

converter = pytest.importorskip("misp_stix_converter")

pytestmark = pytest.mark.clients


@pytest.mark.parametrize("name", examples.names())
def test_example_loads_in_pymisp(name: str) -> None:
    _check(examples.load(name))


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
@pytest.mark.parametrize("name", examples.names())
def test_example_bundle_converts_with_misp_stix(name: str, flavour: str, tmp_path: Path) -> None:
    report = examples.load(name)
    path = tmp_path / f"{name}-{flavour}.json"
    path.write_text(json.dumps(stix.to_stix(report, flavour=flavour)), encoding="utf-8")
    result = converter.stix_2_to_misp(path, single_event=True)
    assert result.get("success") == 1
    event = json.loads(path.with_name(path.name + ".out").read_text(encoding="utf-8"))
    event = event.get("Event", event)
    assert event["info"] == report.title
    clusters: dict[str, int] = {}
    for galaxy in event.get("Galaxy", []):
        clusters[galaxy["type"]] = clusters.get(galaxy["type"], 0) + len(galaxy.get("GalaxyCluster", []))
    # every operation is a campaign cluster, whatever misp-stix does with the rest (test_clients_misp_stix.py)
    assert clusters["stix-2.1-campaign"] == len(report.operations)


@pytest.mark.parametrize("flavour", ["stix", "opencti"])
@pytest.mark.parametrize("name", examples.names())
def test_example_passes_the_opencti_splitter_whole(name: str, flavour: str) -> None:
    _check_for_opencti(examples.load(name), flavour)
