"""Publishing a Report's STIX objects to a TAXII 2.1 collection, and reading a collection back.

taxii2-client is an optional dependency (the ``opsmodel-io[taxii]`` extra): it is imported only when
:func:`publish` or :func:`read` runs, so ``import opsmodel.taxii`` works without it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import attrs

from ..._core.errors import MissingExtraError, Problem, TaxiiError
from ..._model.operations import Report
from ..stix.bundle import from_stix, to_stix

EXTRA = "taxii"
#: How many objects one request adds at most (servers cap a request's size; medallion's default is 10 MB).
BATCH = 500


@attrs.frozen(kw_only=True)
class Publication:
    """What :func:`publish` did: the objects the server added, and those it already held (same id and version)."""

    #: The ids of the objects the server added.
    added: tuple[str, ...] = ()
    #: The ids of those it already held, with the same version.
    present: tuple[str, ...] = ()


def _client() -> ModuleType:
    try:
        import taxii2client.v21 as client  # type: ignore[import-untyped,import-not-found,unused-ignore]  # optional extra
    except ImportError:
        raise MissingExtraError(
            f"opsmodel.taxii needs taxii2-client: install the extra with `pip install 'opsmodel-io[{EXTRA}]'`"
        ) from None
    module: ModuleType = client
    return module


def _failure(action: str, url: str, exc: Exception) -> TaxiiError:
    error = TaxiiError(f"TAXII {action} {url} failed: {exc}")
    error.problems = (Problem(code="taxii", message=f"{action} {url}: {exc}", value=url),)
    return error


def _collection(client: ModuleType, url: str, user: str | None, password: str | None, verify: bool) -> Any:
    return client.Collection(url, user=user, password=password, verify=verify)


def _pages(client: ModuleType, method: Any, per_request: int, **filters: str) -> Iterator[dict[str, Any]]:
    yield from client.as_pages(method, per_request=per_request, **filters)


def _manifest(client: ModuleType, collection: Any, per_request: int) -> set[tuple[str, str]]:
    """The (id, version) of every version of every object the collection holds, all pages.

    Every version, not only the latest (a manifest's default): a server refuses an object whose id
    and version it holds, even when a later version of it came since (another report's copy of a
    shared identity, say).
    """
    return {
        (entry["id"], entry["version"])
        for page in _pages(client, collection.get_manifest, per_request, version="all")
        for entry in page.get("objects", [])
    }


def _version(obj: dict[str, Any]) -> str:
    # what a TAXII server keys an object's version on: modified, else created (TAXII 2.1, section 3.6)
    return str(obj.get("modified", obj.get("created", "")))


def _add(collection: Any, objects: list[dict[str, Any]], timeout: int) -> None:
    for start in range(0, len(objects), BATCH):
        status = collection.add_objects({"objects": objects[start : start + BATCH]}, timeout=timeout)
        if status.status != "complete" or status.failure_count or status.pending_count:
            failed = [entry.get("id") for entry in status.failures]
            error = TaxiiError(f"the TAXII server stored {status.success_count} of {status.total_count} objects")
            error.problems = [
                Problem(code="taxii-status", message=f"not stored: {entry.get('message', 'no reason given')}", object_id=ident)
                for ident, entry in zip(failed, status.failures, strict=True)
            ] or [Problem(code="taxii-status", message=f"status {status.status}, {status.pending_count} pending")]
            raise error


def publish(
    report: Report,
    collection_url: str,
    *,
    user: str | None = None,
    password: str | None = None,
    flavour: str = "stix",
    tlp: str | None = None,
    created: dt.datetime | None = None,
    verify: bool = True,
    per_request: int = 0,
    timeout: int = 60,
) -> Publication:
    """Add the report's STIX objects (:func:`opsmodel.stix.to_stix`) to a TAXII 2.1 collection.

    Publishing again is idempotent: the same report gives the same objects (same ids and
    versions), and objects the collection already holds are not sent again. Raises
    :class:`~opsmodel.errors.TaxiiError` if the server refuses a request or does not store an object.
    """
    client = _client()
    objects = to_stix(report, flavour=flavour, tlp=tlp, created=created)["objects"]
    try:
        collection = _collection(client, collection_url, user, password, verify)
        held = _manifest(client, collection, per_request)
        new = [obj for obj in objects if (obj["id"], _version(obj)) not in held]
        _add(collection, new, timeout)
    except TaxiiError:
        raise
    except Exception as exc:  # taxii2client raises requests' and its own exceptions, with no common base
        raise _failure("publishing to", collection_url, exc) from exc
    fresh = {obj["id"] for obj in new}
    return Publication(
        added=tuple(obj["id"] for obj in objects if obj["id"] in fresh),
        present=tuple(obj["id"] for obj in objects if obj["id"] not in fresh),
    )


def _objects(collection_url: str, user: str | None, password: str | None, verify: bool, per_request: int) -> list[dict[str, Any]]:
    """Every object of a TAXII 2.1 collection (its latest versions), all pages, unfiltered."""
    client = _client()
    try:
        collection = _collection(client, collection_url, user, password, verify)
        return [obj for page in _pages(client, collection.get_objects, per_request) for obj in page.get("objects", [])]
    except Exception as exc:  # see publish
        raise _failure("reading", collection_url, exc) from exc


def read(
    collection_url: str,
    *,
    user: str | None = None,
    password: str | None = None,
    verify: bool = True,
    per_request: int = 0,
) -> Report:
    """The report a TAXII 2.1 collection holds: every object, all pages, read as :func:`opsmodel.stix.from_stix` reads a bundle.

    ``per_request`` is the page size asked for (0: the server's own).
    """
    objects = _objects(collection_url, user, password, verify, per_request)
    bundle_id = f"bundle--{uuid.uuid5(uuid.NAMESPACE_URL, collection_url)}"
    return from_stix({"type": "bundle", "id": bundle_id, "objects": objects})
