"""Bundles as a whole: writing (all at once or streamed), reading our own back, importing foreign ones."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from json import encoder as json_encoder
from typing import IO, Any, Protocol

from ..._core.collector import no_gc
from ..._core.errors import BundleError, LimitError
from ..._core.limits import loads_json
from ..._model.operations import Operation, Report
from ..losses import ImportResult
from .check import check_bundle, check_bundle_paths, problem
from .codec import interning
from .export import iter_objects
from .foreign import import_bundle, import_checked
from .ids import EXTENSION_ID, EXTENSION_SCHEMA_FILE, stix_id
from .own import own_operations, own_report, read_own_report


class Writable(Protocol):
    """Anything with a ``write(str)`` method: an open text file, ``io.StringIO``, a socket wrapper..."""

    def write(self, text: str, /) -> object: ...


def to_stix(
    report: Report | Iterable[Operation],
    *,
    flavour: str = "stix",
    created: dt.datetime | None = None,
    tlp: str | None = None,
    operation_tlp: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """A STIX 2.1 bundle (a dict) for a report, or for operations without a report.

    ``flavour="opencti"`` writes assets, narratives and languages as OpenCTI's ``channel``,
    ``narrative`` and ``language`` objects. ``created`` sets every object's ``created`` and
    ``modified`` (default: the report's publication date, else 2000-01-01). ``tlp`` marks every
    object with a TLP 2.0 marking (``"clear"``, ``"green"``, ``"amber"``, ``"amber+strict"``,
    ``"red"``); ``operation_tlp`` maps operation ids to a stricter marking for their objects.
    """
    with no_gc():  # the whole bundle is built in memory: see no_gc
        objects = list(iter_objects(report, flavour=flavour, created=created, tlp=tlp, operation_tlp=operation_tlp))
        digest = _BundleDigest()
        for obj in objects:
            digest.add(obj)
        return {"type": "bundle", "id": digest.bundle_id(), "objects": objects}


def dump(
    report: Report | Iterable[Operation],
    fp: Writable,
    *,
    flavour: str = "stix",
    created: dt.datetime | None = None,
    tlp: str | None = None,
    operation_tlp: Mapping[str, str] | None = None,
) -> None:
    """Write the bundle to a text stream object by object, one object a line, never holding it whole.

    The operations may be any iterable (a generator reading a JSON Lines corpus, say); only the
    ids already written are remembered, to write shared objects (locations, techniques) once.
    """
    # a report is in memory already, and writing it allocates as much again, all acyclic: the
    # collector is paused (see no_gc); a stream of operations keeps it, its garbage is its caller's
    with no_gc() if isinstance(report, Report) else contextlib.nullcontext():
        digest = _BundleDigest()
        fp.write('{"type":"bundle","objects":[')
        separator = "\n"
        for obj in iter_objects(report, flavour=flavour, created=created, tlp=tlp, operation_tlp=operation_tlp):
            text = _encode(obj)
            digest.add(obj, text)
            fp.write(separator)
            fp.write(text)
            separator = ",\n"
        fp.write(f'\n],"id":"{digest.bundle_id()}"}}\n')


def dumps(
    report: Report | Iterable[Operation],
    *,
    flavour: str = "stix",
    created: dt.datetime | None = None,
    tlp: str | None = None,
    operation_tlp: Mapping[str, str] | None = None,
) -> str:
    """The bundle as JSON text (what :func:`dump` writes): the same model always gives the same bytes."""
    buffer = io.StringIO()
    dump(report, buffer, flavour=flavour, created=created, tlp=tlp, operation_tlp=operation_tlp)
    return buffer.getvalue()


def from_stix(bundle: Any) -> Report:
    """The report a bundle holds, exactly as :func:`to_stix` wrote it.

    A bundle written by another tool is imported with :func:`import_stix`; if anything in it
    cannot be mapped, :class:`BundleError` lists it (use :func:`import_stix` to accept the
    losses). Bad input (not a bundle, dangling references, unknown types, wrong timestamps)
    raises :class:`BundleError` with every problem, its JSON path and object id.
    """
    with no_gc():
        return _from_stix(bundle, within_limits=False)


def _from_stix(bundle: Any, *, within_limits: bool) -> Report:
    by_id, paths = check_bundle_paths(bundle, within_limits=within_limits)
    own = own_report(by_id)
    if own is not None:
        return read_own_report(own, by_id, paths)
    result = import_checked(bundle, by_id)
    if result.losses:
        raise BundleError(
            problem("unmappable", f"$.objects[?(@.id=='{loss.object_id}')]", loss.object_id, f"cannot be mapped: {loss}")
            for loss in result.losses
        )
    return result.report


def operations_from_stix(bundle: Any) -> tuple[Operation, ...]:
    """The operations of a bundle written by :func:`dump` from operations (no report), in order."""
    with no_gc():
        check_bundle(bundle)
        with interning():
            return tuple(own_operations(bundle))


def import_stix(bundle: Any) -> ImportResult:
    """Best-effort import of any STIX 2.1 bundle: the report, and a loss report of what was not mapped.

    Campaigns and intrusion sets become operations; their ``attributed-to`` threat actors,
    ``originates-from`` and ``targets`` locations, ``targets`` identities and ``uses`` attack
    patterns (DISARM, ATT&CK) become actors, attribution claims, targets and technique uses. The
    first ``report`` object gives the report's title, publisher and date. Every object or property
    left out is listed in :attr:`ImportResult.losses` with its object id; nothing is dropped
    silently. opsmodel's own bundles import exactly, with no losses.
    """
    with no_gc():
        return import_bundle(bundle)


def loads(text: str | bytes) -> Report:
    """:func:`from_stix` of a JSON text."""
    with no_gc():  # a bundle is millions of acyclic objects: see no_gc
        try:
            data = loads_json(text)
        except LimitError as exc:
            raise BundleError(exc.problems) from None
        except ValueError as exc:
            raise BundleError([problem("not-json", "$", None, f"not JSON: {exc}")]) from None
        return _from_stix(data, within_limits=True)


def from_read_json(data: Any) -> Report:
    """:func:`from_stix` of a value ``loads_json`` read, which held it to the limits already."""
    with no_gc():
        return _from_stix(data, within_limits=True)


def load(fp: IO[str]) -> Report:
    """:func:`from_stix` of a JSON text stream."""
    return loads(fp.read())


def extension_schema() -> dict[str, Any]:
    """The JSON Schema of opsmodel's STIX extension (shipped in the package, published in the docs)."""
    text = resources.files("opsmodel").joinpath("schemas", EXTENSION_SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


_ENCODER = json.JSONEncoder(separators=(",", ":"))  # ASCII output: non-ASCII text is \u-escaped (and faster)


def _unserialisable(value: Any) -> Any:
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")  # pragma: no cover - we build plain JSON


_C_MAKE_ENCODER: Any = getattr(json_encoder, "c_make_encoder", None)

if _C_MAKE_ENCODER is not None:  # CPython: one C encoder for every object, set up once
    _C_ENCODE = _C_MAKE_ENCODER(None, _unserialisable, json_encoder.encode_basestring_ascii, None, ":", ",", False, False, True)

    def _encode(obj: dict[str, Any]) -> str:
        return "".join(_C_ENCODE(obj, 0))

else:  # pragma: no cover - other Pythons

    def _encode(obj: dict[str, Any]) -> str:
        return _ENCODER.encode(obj)


class _BundleDigest:
    """The bundle's id, derived from its objects without encoding every one of them.

    Every object's id goes in (the ids differ with the flavour and with what is written), and
    the text of the objects carrying opsmodel's extension (the campaigns and the report): their
    payloads hold the whole model, and their standard properties the ``created`` time and the
    markings asked for. So the id changes with the content, and the same model and options
    always give the same id, while the relationships, locations and techniques derived from the
    model (most of a bundle) are not encoded only to be hashed.
    """

    #: How many pieces wait to be hashed together: one hash update per object costs more than
    #: the hashing, and a stream of operations must not hold its whole text.
    _BATCH = 4096

    def __init__(self) -> None:
        self._sha = hashlib.sha1(usedforsecurity=False)
        self._pieces: list[str] = []

    def add(self, obj: dict[str, Any], text: str | None = None) -> None:
        """Take in one object (``text``: its encoding, when the writer made it already)."""
        pieces = self._pieces
        pieces.append(obj["id"])
        if EXTENSION_ID in obj.get("extensions", ()):
            pieces.append(text if text is not None else _encode(obj))
        else:
            pieces.append("\n")
        if len(pieces) >= self._BATCH:
            self._flush()

    def _flush(self) -> None:
        # hashing the pieces joined is hashing them one after the other
        self._sha.update("".join(self._pieces).encode("ascii"))
        self._pieces.clear()

    def bundle_id(self) -> str:
        self._flush()
        return stix_id("bundle", self._sha.hexdigest())
