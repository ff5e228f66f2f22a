"""Reading MISP events back into a Report: opsmodel's own exactly, anyone's with a loss report.

An event written by :func:`to_misp` is read from its ``opsmodel-json`` attributes, then checked
against what MISP shows: if an analyst edited an object in MISP (a renamed operation, a removed
reference, an added attribute), the edit is reported as a loss, since the model was read from the
payload. Any other event gives one operation per ``opsmodel-operation`` object (from its name,
kind, summary and DISARM techniques) and lists everything else as lost; nothing is dropped silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any, TypeVar

import attrs

from ..._core.errors import LimitError, MispError, Problem
from ..._core.fields import slugify
from ..._core.limits import check_value, loads_json
from ..._core.shapes import shape_problem
from ..._model.operations import Operation, Report
from ..._model.techniques import TechniqueRef, TechniqueUse
from ..json.document import from_dict
from ..losses import ImportResult, Loss
from .event import OPERATION_OBJECT, OTHER_OPERATION_OBJECT, PAYLOAD, REPORT_OBJECT, to_misp

T = TypeVar("T")
_UNTITLED = "Untitled MISP event"


# The types of what the reader takes from an event (see shape_problem): anything else is refused with its path.
_CLUSTER = {"value": str, "meta": {"external_id": [str]}}
_ATTRIBUTE = {"object_relation": str, "type": str, "Tag": [{"name": str}], "Galaxy": [{"type": str, "GalaxyCluster": [_CLUSTER]}]}
_REFERENCE = {"referenced_uuid": str, "relationship_type": str}
_OBJECT = {"name": str, "Attribute": [_ATTRIBUTE], "ObjectReference": [_REFERENCE]}
_EVENT = {"Orgc": {"name": str}, "Org": {"name": str}, "Object": [_OBJECT], "Attribute": [{}]}


def _event_of(event: Any) -> dict[str, Any]:
    try:
        check_value(event)  # an event given in Python did not pass through loads_json
    except LimitError as exc:
        raise MispError(exc.problems) from None
    data = event.get("Event", event) if isinstance(event, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get("info"), str):
        raise MispError([Problem(code="misp-event", message="not a MISP event: expected {'Event': {'info': ..., ...}}")])
    objects = data.get("Object") or []
    shape = shape_problem(data, _EVENT, "$.Event")
    if shape is not None:
        raise MispError([Problem(code="misp-event", path=shape.partition(":")[0], message=shape)])
    problems = [
        Problem(code="misp-object", path=f"$.Event.Object[{index}]", message="a MISP object needs a name and a list of Attribute")
        for index, obj in enumerate(objects if isinstance(objects, list) else [None])
        if not isinstance(obj, dict) or not isinstance(obj.get("name"), str) or not isinstance(obj.get("Attribute") or [], list)
    ]
    if problems:
        raise MispError(problems)
    return data


def _values(obj: dict[str, Any], relation: str) -> list[str]:
    return [
        str(attribute.get("value")) for attribute in obj.get("Attribute") or [] if attribute.get("object_relation") == relation
    ]


def _payload(obj: dict[str, Any], cls: type[T], path: str) -> T | None:
    found = _values(obj, PAYLOAD)
    if not found:
        return None
    try:
        return from_dict(loads_json(found[0]), cls)
    except ValueError as exc:  # not JSON, or a DocumentError (a ValueError) listing what is wrong
        message = f"the {PAYLOAD} attribute is not opsmodel data: {str(exc).splitlines()[0]}"
        raise MispError([Problem(code="misp-payload", path=path, message=message)]) from None


def _shape(obj: dict[str, Any]) -> Counter[tuple[Any, ...]]:
    """What an object shows in MISP, order aside: its attributes, their tags, and its references.

    Values are compared stripped, since MISP (and pymisp) strip the whitespace around every value.
    """
    shown: Counter[tuple[Any, ...]] = Counter()
    for attribute in obj.get("Attribute") or []:
        tags = tuple(sorted((tag.get("name") or "") for tag in attribute.get("Tag") or []))
        shown[(attribute.get("object_relation"), attribute.get("type"), str(attribute.get("value")).strip(), tags)] += 1
    for reference in obj.get("ObjectReference") or []:
        shown[
            (
                "reference",
                reference.get("referenced_uuid"),
                reference.get("relationship_type"),
                str(reference.get("comment") or "").strip(),
            )
        ] += 1
    return shown


def _disarm_techniques(obj: dict[str, Any]) -> list[TechniqueUse]:
    """The DISARM techniques an object's attributes carry as disarm-techniques galaxy clusters."""
    clusters = [
        member
        for attribute in obj.get("Attribute") or []
        for galaxy in attribute.get("Galaxy") or []
        if galaxy.get("type") == "disarm-techniques"
        for member in galaxy.get("GalaxyCluster") or []
    ]
    return [
        TechniqueUse(technique=TechniqueRef.disarm(str(member["meta"]["external_id"][0]), member.get("value")))
        for member in clusters
        if (member.get("meta") or {}).get("external_id")
    ]


def _first(obj: dict[str, Any], relation: str) -> str | None:
    found = _values(obj, relation)
    return found[0] if found else None


def _foreign_operation(obj: dict[str, Any], index: int, losses: list[Loss]) -> Operation:
    name = _first(obj, "name")
    techniques = _disarm_techniques(obj)
    kept = {"name", "kind", "summary"} | ({"technique"} if techniques else set())
    lost = sorted({str(attribute.get("object_relation")) for attribute in obj.get("Attribute") or []} - kept)
    if obj.get("ObjectReference"):
        lost.append("ObjectReference")
    if lost:
        losses.append(Loss(object_id=str(obj.get("uuid")), type=OPERATION_OBJECT, properties=tuple(lost), reason="not mapped"))
    return Operation(
        id=slugify(name or f"operation-{index}"),
        name=name or f"Operation {index}",
        kind=_first(obj, "kind") or "network",
        summary=_first(obj, "summary"),
        techniques=techniques,
    )


def _operations(objects: list[dict[str, Any]], losses: list[Loss]) -> Iterator[Operation]:
    for index, obj in enumerate(objects):
        if obj["name"] == OPERATION_OBJECT:
            own = _payload(obj, Operation, f"$.Event.Object[{index}]")
            yield own if own is not None else _foreign_operation(obj, index, losses)
        elif obj["name"] not in (REPORT_OBJECT, OTHER_OPERATION_OBJECT):
            losses.append(Loss(object_id=str(obj.get("uuid")), type=obj["name"], reason="a MISP object opsmodel does not map"))


def _report(data: dict[str, Any], objects: list[dict[str, Any]]) -> Report | None:
    for index, obj in enumerate(objects):
        if obj["name"] == REPORT_OBJECT:
            return _payload(obj, Report, f"$.Event.Object[{index}]")
    return None


def _foreign_report(data: dict[str, Any]) -> Report:
    publisher = (data.get("Orgc") or data.get("Org") or {}).get("name") or "unknown"
    title = data["info"] or _UNTITLED
    return Report(id=slugify(str(data.get("uuid") or title)), title=title, publisher=publisher)


def _edits(data: dict[str, Any], report: Report, losses: list[Loss]) -> None:
    """Every object that differs from what the export writes for the report read: an edit made in MISP."""
    written = {obj["uuid"]: obj for obj in to_misp(report)["Event"]["Object"]}
    for obj in data.get("Object") or []:
        expected = written.pop(str(obj.get("uuid")), None)
        if obj["name"] in (REPORT_OBJECT, OPERATION_OBJECT, OTHER_OPERATION_OBJECT) and (
            expected is None or _shape(expected) != _shape(obj)
        ):
            reason = f"edited after export (the model was read from {PAYLOAD}; the edit is not in it)"
            losses.append(Loss(object_id=str(obj.get("uuid")), type=obj["name"], reason=reason))
    for uuid, obj in written.items():
        losses.append(Loss(object_id=uuid, type=obj["name"], reason="removed after export; the report still has it"))


def _event_losses(data: dict[str, Any], losses: list[Loss]) -> None:
    for attribute in data.get("Attribute") or []:
        reason = "an event attribute opsmodel does not map"
        losses.append(Loss(object_id=str(attribute.get("uuid")), type="attribute", reason=reason))


def import_misp(event: Any) -> ImportResult:
    """Best-effort import of a MISP event (``{"Event": {...}}``): the report, and what could not be mapped.

    An event written by :func:`to_misp` and not edited since imports exactly, with no losses.
    """
    data = _event_of(event)
    objects: list[dict[str, Any]] = data.get("Object") or []
    losses: list[Loss] = []
    own = _report(data, objects)
    operations = tuple(_operations(objects, losses))
    report = attrs.evolve(own if own is not None else _foreign_report(data), operations=operations)
    if own is not None and not losses:
        _edits(data, report, losses)
    _event_losses(data, losses)
    return ImportResult(report=report, losses=tuple(losses))


def from_misp(event: Any) -> Report:
    """The report a MISP event holds, exactly as :func:`to_misp` wrote it.

    Raises :class:`~opsmodel.errors.MispError` if the event is not one, or if anything in it cannot be
    mapped (use :func:`import_misp` to accept the losses).
    """
    result = import_misp(event)
    if result.losses:
        raise MispError(
            Problem(code="misp-loss", message=f"cannot be mapped: {loss}", object_id=loss.object_id) for loss in result.losses
        )
    return result.report


def loads(text: str | bytes) -> Report:
    """:func:`from_misp` of a JSON text."""
    try:
        data = loads_json(text)
    except LimitError as exc:
        raise MispError(exc.problems) from None
    except ValueError as exc:
        raise MispError([Problem(code="misp-json", message=f"not JSON: {exc}")]) from None
    return from_misp(data)
