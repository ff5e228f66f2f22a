"""TAXII 2.1 publishing and reading against medallion, the OASIS reference server, run in-process.

The server runs in a thread on 127.0.0.1 on an ephemeral port, with its memory backend; nothing
leaves the machine. Run by ``nox -s clients``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from opsmodel import Report, examples, stix, taxii
from opsmodel.errors import TaxiiError
from opsmodel.testing import reports

medallion = pytest.importorskip("medallion")
pytest.importorskip("taxii2client")
serving = pytest.importorskip("werkzeug.serving")

pytestmark = pytest.mark.clients

USER, PASSWORD = "opsmodel", "secret"
API_ROOT = "api1"
COLLECTION = "91a7b528-80eb-42ed-a74d-c6fbd5a26116"
OTHER = "52892447-4d7e-4f70-b94d-d7f22742ff63"
READ_ONLY = "64993447-4d7e-4f70-b94d-d7f33742ee63"
ISOLATED = "0d4b1c39-2f6e-4a77-9b52-3e8f7c1d2a90"
FIXED = "7e2a9c10-5b3d-4c8e-a1f4-6d0b9e8c7a25"


# the collection each generated report is published to, in an API root of its own
GENERATED_ROOT, GENERATED = "generated", "3c1f6a0e-9d2b-4e57-8f3a-6b7c2d9e0a14"


def _emptied(server: str) -> str:
    """The URL of the collection for generated reports, on a server emptied in memory (TAXII 2.1 deletes
    objects one request at a time). medallion walks, and deep-copies, what it holds on every request, so
    each report published to an empty server keeps 50 of them within seconds, not minutes."""
    for root in (API_ROOT, GENERATED_ROOT):
        medallion.application_instance.medallion_backend.data[root]["status"].clear()
        for collection in medallion.application_instance.medallion_backend.data[root]["collections"]:
            collection["objects"].clear()
            collection["manifest"].clear()
    return server.replace(f"/{API_ROOT}/", f"/{GENERATED_ROOT}/") + f"{GENERATED}/"


def _data(base: str) -> dict[str, Any]:
    def collection(ident: str, writable: bool) -> dict[str, Any]:
        return {
            "id": ident,
            "title": f"collection {ident[:8]}",
            "can_read": True,
            "can_write": writable,
            "media_types": ["application/stix+json;version=2.1"],
            "objects": [],
            "manifest": [],
        }

    def api_root(*collections: dict[str, Any]) -> dict[str, Any]:
        information = {"title": "tests", "versions": ["application/taxii+json;version=2.1"], "max_content_length": 100_000_000}
        return {"information": information, "status": [], "collections": list(collections)}

    roots = [f"{base}/{API_ROOT}/", f"{base}/{GENERATED_ROOT}/"]
    return {
        "/discovery": {"title": "opsmodel tests", "default": roots[0], "api_roots": roots},
        API_ROOT: api_root(
            *(collection(ident, True) for ident in (COLLECTION, OTHER, ISOLATED, FIXED)), collection(READ_ONLY, False)
        ),
        GENERATED_ROOT: api_root(collection(GENERATED, True)),
    }


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """medallion with its memory backend, in a thread on an ephemeral port; yields the API root's URL."""
    app = medallion.application_instance
    httpd = serving.make_server("127.0.0.1", 0, app, threaded=True)
    base = f"http://127.0.0.1:{httpd.server_port}"
    data: Path = tmp_path_factory.mktemp("medallion") / "data.json"
    data.write_text(json.dumps(_data(base)), encoding="utf-8")
    config = {
        "users": {USER: PASSWORD},
        "taxii": {"max_page_size": 20},  # small pages, so reading a report's collection takes several
        "backend": {"module_class": "MemoryBackend", "module": "medallion.backends.memory_backend", "filename": str(data)},
    }
    for part in ("users", "taxii", "backend"):
        medallion.set_config(app, part, config)
    if "objects" not in app.blueprints:
        medallion.register_blueprints(app)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{base}/{API_ROOT}/collections/"
    finally:
        httpd.shutdown()
        thread.join(timeout=10)
        httpd.server_close()


def _read_by_type(url: str) -> list[dict[str, Any]]:
    """The objects of a collection, read one STIX type at a time (the extension-definition too, see below)."""
    import taxii2client.v21 as client  # type: ignore[import-untyped,import-not-found,unused-ignore]

    collection = client.Collection(url, user=USER, password=PASSWORD)
    types = {entry["id"].split("--")[0] for page in client.as_pages(collection.get_manifest) for entry in page["objects"]}
    return [
        obj
        for kind in sorted(types)
        for page in client.as_pages(collection.get_objects, type=kind)
        for obj in page.get("objects", [])
    ]


def test_publish_and_re_publish_are_idempotent(server: str) -> None:
    url = f"{server}{COLLECTION}/"
    report = examples.load("openai-2024-05")
    ids = [obj["id"] for obj in stix.to_stix(report)["objects"]]
    first = taxii.publish(report, url, user=USER, password=PASSWORD)
    assert (list(first.added), first.present) == (ids, ())
    again = taxii.publish(report, url, user=USER, password=PASSWORD)
    assert (again.added, list(again.present)) == ((), ids)
    # what the server holds is the bundle, once, and a filtered read gives the report back
    held = _read_by_type(url)
    assert sorted(obj["id"] for obj in held) == sorted(ids)


# medallion keys an object's version on a `version` property before `modified` (common.find_att), and
# parses it as a timestamp; a STIX extension-definition has a required `version`, so ours is written as
# its `modified` timestamp (ids.py, EXTENSION_VERSION): "1.0.0" made every unfiltered read fail (HTTP 500).
def test_unfiltered_read_gives_the_report_back(server: str) -> None:
    url = f"{server}{OTHER}/"
    report = examples.load("openai-2024-05")
    taxii.publish(report, url, user=USER, password=PASSWORD)
    assert taxii.read(url, user=USER, password=PASSWORD) == report
    assert taxii.read(url, user=USER, password=PASSWORD, per_request=7) == report


def test_a_report_without_the_extension_definition_reads_unfiltered(server: str) -> None:
    """The cause, isolated: the same objects less the extension-definition read back unfiltered, all pages."""
    url = f"{server}{ISOLATED}/"
    objects = [obj for obj in stix.to_stix(examples.load("openai-2024-05"))["objects"] if obj["type"] != "extension-definition"]
    import taxii2client.v21 as client  # type: ignore[import-untyped,import-not-found,unused-ignore]

    client.Collection(url, user=USER, password=PASSWORD).add_objects({"objects": objects})
    collection = client.Collection(url, user=USER, password=PASSWORD)
    held = [obj for page in client.as_pages(collection.get_objects, per_request=7) for obj in page["objects"]]
    assert sorted(obj["id"] for obj in held) == sorted(obj["id"] for obj in objects)


def test_the_fix_an_extension_version_that_is_a_timestamp(server: str) -> None:
    """The fix: the writer gives the extension-definition its ``modified`` timestamp as ``version`` (a legal
    STIX version string), so the bundle, sent by another client, reads back unfiltered and imports exactly."""
    url = f"{server}{FIXED}/"
    report = examples.load("openai-2024-05")
    objects = stix.to_stix(report)["objects"]
    (definition,) = [obj for obj in objects if obj["type"] == "extension-definition"]
    assert definition["version"] == definition["modified"]
    import taxii2client.v21 as client  # type: ignore[import-untyped,import-not-found,unused-ignore]

    client.Collection(url, user=USER, password=PASSWORD).add_objects({"objects": objects})
    assert taxii.read(url, user=USER, password=PASSWORD, per_request=7) == report


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report=reports())
def test_generated_reports_publish_read_and_re_publish(server: str, report: Report) -> None:
    """Each report, in each flavour, in an empty collection: published whole, read back unfiltered
    exactly, and published again without a single object re-sent."""
    for flavour in ("stix", "opencti"):
        url = _emptied(server)
        ids = [obj["id"] for obj in stix.to_stix(report, flavour=flavour)["objects"]]
        first = taxii.publish(report, url, user=USER, password=PASSWORD, flavour=flavour)
        assert (list(first.added), first.present) == (ids, ())
        assert taxii.read(url, user=USER, password=PASSWORD) == report
        again = taxii.publish(report, url, user=USER, password=PASSWORD, flavour=flavour)
        assert (again.added, list(again.present)) == ((), ids)


def test_server_errors_are_taxii_errors(server: str) -> None:
    report = Report(id="r", title="R", publisher="P")
    with pytest.raises(TaxiiError) as caught:
        taxii.publish(report, f"{server}{COLLECTION}/", user=USER, password="wrong")
    assert caught.value.problems[0].code == "taxii"
    assert isinstance(caught.value, OSError)
    with pytest.raises(TaxiiError):
        taxii.publish(report, f"{server}{READ_ONLY}/", user=USER, password=PASSWORD)
    with pytest.raises(TaxiiError):
        taxii.read(f"{server}00000000-0000-4000-8000-000000000000/", user=USER, password=PASSWORD)
