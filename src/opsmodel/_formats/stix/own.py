"""Reading opsmodel's own bundles back exactly, from the payloads of its extension."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from ..._core.errors import BundleError, Problem
from ..._model.operations import Operation, Report
from ..._model.trusted import evolve
from .check import opsmodel_payload, problem
from .codec import DecodeError, decode, interning
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
            bare = _decode_payload(Report, report_obj, "report", paths.get(report_obj["id"], "$"), name="title")
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
            operations.append(read_own_campaign(campaign, paths.get(ref, "$")))
        except BundleError as exc:
            problems.extend(exc.problems)
    return operations


def read_own_campaign(obj: dict[str, Any], where: str) -> Operation:
    """The operation opsmodel wrote as this campaign; raises :class:`BundleError` if its payload does not decode."""
    unnamed = (opsmodel_payload(obj) or {}).get("unnamed")
    return _decode_payload(Operation, obj, "operation", where, name=None if unnamed else "name")


def _decode_payload(cls: type[_Model], obj: dict[str, Any], key: str, where: str, *, name: str | None) -> _Model:
    """The model value in the object's extension payload under ``key``, with the object's standard properties
    put back: its ``name`` as the field ``name`` says (none for an unnamed operation), its ``description``
    as the summary. Raises :class:`BundleError` with the path of the value that does not decode."""
    base = f"{where}.extensions.{EXTENSION_ID}.{key}"
    raw = (opsmodel_payload(obj) or {}).get(key)
    if not isinstance(raw, dict):
        raise BundleError([problem("extension", base, obj["id"], f"expected the opsmodel {key} payload (an object)", raw)])
    data = dict(raw)
    if name is not None:
        data[name] = obj.get("name")
    if "description" in obj:
        data["summary"] = obj["description"]
    try:
        found: _Model = decode(cls, data, base)
    except DecodeError as exc:
        raise BundleError([problem("extension", exc.path, obj["id"], exc.message)]) from None
    return found


def object_paths(bundle: dict[str, Any]) -> dict[str, str]:
    """The JSON path of every object of a checked bundle, by id."""
    return {
        obj["id"]: f"$.objects[{i}]" for i, obj in enumerate(bundle.get("objects", [])) if isinstance(obj, dict) and "id" in obj
    }


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
