"""Reading opsmodel's own bundles back exactly, from the payloads of its extension."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from ..._core.errors import BundleError, Problem
from ..._model.operations import Operation, Report
from ..._model.trusted import evolve
from .check import opsmodel_payload, problem
from .codec import DecodeError, decode, decode_fast, interning
from .ids import EXTENSION_ID

_Model = TypeVar("_Model", Report, Operation)


def own_report(by_id: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The report object opsmodel wrote, if the bundle has exactly one."""
    found = [obj for obj in by_id.values() if obj["type"] == "report" and "report" in (opsmodel_payload(obj) or {})]
    return found[0] if len(found) == 1 else None


def is_own_campaign(obj: dict[str, Any]) -> bool:
    """Whether an object is a campaign opsmodel wrote (its extension holds the whole operation)."""
    return obj.get("type") == "campaign" and "operation" in (opsmodel_payload(obj) or {})


def read_own_report(report_obj: dict[str, Any], by_id: dict[str, dict[str, Any]], paths: Mapping[str, str]) -> Report:
    """The report opsmodel wrote, with its operations in order; raises :class:`BundleError` with every problem."""
    with interning():
        problems: list[Problem] = []
        operations = _read_report_operations(report_obj, by_id, paths, problems)
        try:
            bare = _decode_payload(Report, report_obj, "report", _PathOf(paths, report_obj["id"]), name="title")
        except BundleError as exc:
            problems.extend(exc.problems)
        if problems:
            raise BundleError(problems)
        return evolve(bare, operations=tuple(operations))  # the report's other fields were just checked


def _read_report_operations(
    report_obj: dict[str, Any], by_id: dict[str, dict[str, Any]], paths: Mapping[str, str], problems: list[Problem]
) -> list[Operation]:
    operations = []
    for ref in (opsmodel_payload(report_obj) or {}).get("operation_refs", []):
        campaign = by_id.get(ref)
        if campaign is None:  # a well-known marking: the check lets references to those through
            where = f"{paths.get(report_obj['id'], '$')}.extensions.{EXTENSION_ID}.operation_refs"
            problems.append(problem("extension", where, report_obj["id"], f"{ref} is not a campaign of the bundle", ref))
            continue
        try:
            operations.append(read_own_campaign(campaign, _PathOf(paths, ref)))
        except BundleError as exc:
            problems.extend(exc.problems)
    return operations


def read_own_campaign(obj: dict[str, Any], where: object) -> Operation:
    """The operation opsmodel wrote as this campaign; raises :class:`BundleError` if its payload does not decode.

    ``where``: the campaign's JSON path, or what gives it as text when a problem needs it.
    """
    unnamed = (opsmodel_payload(obj) or {}).get("unnamed")
    return _decode_payload(Operation, obj, "operation", where, name=None if unnamed else "name")


def _decode_payload(cls: type[_Model], obj: dict[str, Any], key: str, where: object, *, name: str | None) -> _Model:
    """The model value in the object's extension payload under ``key``, with the object's standard properties
    put back: its ``name`` as the field ``name`` says (none for an unnamed operation), its ``description``
    as the summary. Raises :class:`BundleError` with the path of the value that does not decode."""
    raw = (opsmodel_payload(obj) or {}).get(key)
    if not isinstance(raw, dict):
        base = f"{where}.extensions.{EXTENSION_ID}.{key}"
        raise BundleError([problem("extension", base, obj["id"], f"expected the opsmodel {key} payload (an object)", raw)])
    data = dict(raw)
    if name is not None:
        data[name] = obj.get("name")
    if "description" in obj:
        data["summary"] = obj["description"]
    try:
        found: _Model = decode_fast(cls, data)
    except Exception:  # the careful decoder explains it, with the path (only now worked out)
        try:
            found = decode(cls, data, f"{where}.extensions.{EXTENSION_ID}.{key}")
        except DecodeError as exc:
            raise BundleError([problem("extension", exc.path, obj["id"], exc.message)]) from None
    return found


class ObjectPaths(Mapping[str, str]):
    """The JSON path of every object of a checked bundle, by id, worked out only when a problem asks.

    Reading a good bundle names no path: indexing every object for nothing cost as much as
    decoding a tenth of the campaigns.
    """

    def __init__(self, bundle: dict[str, Any]) -> None:
        self._bundle = bundle
        self._paths: dict[str, str] | None = None

    def _found(self) -> dict[str, str]:
        if self._paths is None:
            objects = self._bundle.get("objects", [])
            self._paths = {obj["id"]: f"$.objects[{i}]" for i, obj in enumerate(objects) if isinstance(obj, dict) and "id" in obj}
        return self._paths

    def __getitem__(self, object_id: str) -> str:
        return self._found()[object_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._found())

    def __len__(self) -> int:
        return len(self._found())


def object_paths(bundle: dict[str, Any]) -> ObjectPaths:
    """The JSON path of every object of a checked bundle, by id (see :class:`ObjectPaths`)."""
    return ObjectPaths(bundle)


class _PathOf:
    """One object's JSON path, looked up only when a problem is written (``str()`` or an f-string)."""

    __slots__ = ("object_id", "paths")

    def __init__(self, paths: Mapping[str, str], object_id: str) -> None:
        self.paths = paths
        self.object_id = object_id

    def __str__(self) -> str:
        return self.paths.get(self.object_id, "$")

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def own_operations(bundle: dict[str, Any]) -> Iterator[Operation]:
    """The operations of opsmodel's campaigns in a checked bundle, in order."""
    problems: list[Problem] = []
    for index, obj in enumerate(bundle.get("objects", [])):
        if is_own_campaign(obj):
            try:
                yield read_own_campaign(obj, f"$.objects[{index}]")
            except BundleError as exc:
                problems.extend(exc.problems)
    if problems:
        raise BundleError(problems)
