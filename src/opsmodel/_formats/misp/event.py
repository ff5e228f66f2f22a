"""Writing a Report as one MISP event (MISP core JSON format), with no MISP server involved.

What MISP shows and filters on is written the MISP way: the report and each operation are MISP
objects, each operation's relations are object references, DISARM techniques are clusters of
MISP's own ``disarm-techniques`` galaxy, countries and actors are tags, sources are ``link``
attributes, the TLP is a tag. What MISP has no place for travels, as in opsmodel's STIX extension,
in one ``opsmodel-json`` attribute per object (the object's opsmodel JSON), so the import is exact.
Every UUID is a UUIDv5 of the model's ids: the same report always gives the same event.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import attrs

from ..._core.errors import FieldError
from ..._generated import misp_disarm
from ..._model.claims import AttributionStance
from ..._model.operations import Operation, Report
from ..._model.sources import Source
from ..._model.techniques import TechniqueRef
from ..json.document import to_dict

#: The namespace of every UUID the MISP export writes (events, objects, attributes, local clusters).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://opsmodel.readthedocs.io/misp")
REPORT_OBJECT = "opsmodel-report"
OPERATION_OBJECT = "opsmodel-operation"
#: An operation a relation names that is not in the report: kept as a small object so the reference stays.
OTHER_OPERATION_OBJECT = "opsmodel-operation-reference"
PAYLOAD = "opsmodel-json"
TLP_TAGS = {level: f"tlp:{level}" for level in ("clear", "green", "amber", "amber+strict", "red")}
DEFAULT_DATE = "2000-01-01"

_GALAXY: dict[str, Any] = {
    "uuid": misp_disarm.GALAXY_UUID,
    "name": misp_disarm.GALAXY_NAME,
    "type": misp_disarm.GALAXY_TYPE,
    "namespace": misp_disarm.GALAXY_NAMESPACE,
    "description": misp_disarm.GALAXY_DESCRIPTION,
    "version": str(misp_disarm.GALAXY_VERSION),
    "icon": "map",
}


def object_uuid(kind: str, key: str) -> str:
    """The UUID of a thing the export writes, from its kind and the model's key for it."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def payload_text(value: Any) -> str:
    """The compact opsmodel JSON of a model value, as the ``opsmodel-json`` attribute holds it."""
    return json.dumps(to_dict(value), ensure_ascii=False, separators=(",", ":"))


def cluster(technique: TechniqueRef) -> dict[str, Any]:
    """A DISARM technique as a ``disarm-techniques`` cluster: MISP's own if the galaxy has it, else a local one.

    MISP's galaxy file is DISARM v1.4; techniques added since get a cluster of the same galaxy with a
    UUIDv5 of their id and ``default: false`` (MISP's mark for a cluster not shipped in the galaxy).
    """
    known = misp_disarm.CLUSTERS.get(technique.id)
    value = known[1] if known else (technique.name or technique.id)
    found: dict[str, Any] = {
        "uuid": known[0] if known else object_uuid("disarm-technique", technique.id),
        "type": misp_disarm.GALAXY_TYPE,
        "value": value,
        "tag_name": f'misp-galaxy:{misp_disarm.GALAXY_TYPE}="{value}"',
        "default": known is not None,
        "meta": {"external_id": [technique.id]},
    }
    return found


def galaxies(techniques: list[TechniqueRef]) -> list[dict[str, Any]]:
    """The ``Galaxy`` list holding the DISARM techniques given (none if there are none)."""
    clusters = [cluster(technique) for technique in techniques if technique.framework == "disarm"]
    if not clusters:
        return []
    return [{**_GALAXY, "GalaxyCluster": clusters}]


@attrs.frozen
class _Attribute:
    relation: str
    value: str
    kind: str = "text"
    tags: tuple[str, ...] = ()
    technique: TechniqueRef | None = None
    comment: str = ""


def _attribute(owner: str, index: int, item: _Attribute) -> dict[str, Any]:
    data: dict[str, Any] = {
        "uuid": object_uuid("attribute", f"{owner}/{index}/{item.relation}"),
        "object_relation": item.relation,
        "type": item.kind,
        "category": "External analysis" if item.kind == "link" else "Other",
        "value": item.value,
        "to_ids": False,
        "disable_correlation": item.relation == PAYLOAD,
    }
    if item.comment:
        data["comment"] = item.comment
    found = galaxies([item.technique]) if item.technique is not None else []
    tags = [*item.tags, *(member["tag_name"] for galaxy in found for member in galaxy["GalaxyCluster"])]
    if tags:
        data["Tag"] = [{"name": tag} for tag in tags]
    if found:
        data["Galaxy"] = found
    return data


def _object(name: str, key: str, items: list[_Attribute], description: str) -> dict[str, Any]:
    owner = object_uuid(name, key)
    return {
        "uuid": owner,
        "name": name,
        "meta-category": "misc",
        "description": description,
        "template_uuid": object_uuid("template", name),
        "template_version": "1",
        "distribution": "5",
        "Attribute": [_attribute(owner, index, item) for index, item in enumerate(items)],
    }


def _texts(relation: str, values: Any) -> list[_Attribute]:
    return [_Attribute(relation, str(value)) for value in values]


def _optional(relation: str, value: Any, kind: str = "text") -> list[_Attribute]:
    return [] if value is None else [_Attribute(relation, str(value), kind)]


def _source(source: Source) -> _Attribute:
    label = source.title or source.publisher or source.id
    if source.url:
        return _Attribute("link", source.url, "link", comment=f"{source.id}: {label}")
    return _Attribute("source", label, comment=source.id)


def report_attributes(report: Report) -> list[_Attribute]:
    """What the report object says: the report's visible facts, then its exact payload."""
    return [
        _Attribute("title", report.title),
        _Attribute("publisher", report.publisher),
        *_optional("published", report.published),
        *_optional("link", report.url, "link"),
        *_texts("author", report.authors),
        *_optional("summary", report.summary),
        *_texts("finding", report.findings),
        _Attribute(PAYLOAD, payload_text(attrs.evolve(report, operations=()))),
    ]


def _places(operation: Operation) -> Iterator[_Attribute]:
    for attribution in operation.attributions:
        if attribution.stance is AttributionStance.REJECTS:
            continue  # a country ruled out is not an attributed one
        for country in attribution.countries:
            yield _Attribute("attributed-country", country.code, tags=(f'opsmodel:country="{country.code}"',))
    for target in operation.targets:
        tags = () if target.place is None else (f'opsmodel:target="{target.place}"',)
        yield _Attribute("target", str(target), tags=tags)


def operation_attributes(operation: Operation) -> list[_Attribute]:
    """What an operation object says: the visible facts MISP users filter on, then the exact payload."""
    return [
        *_optional("name", operation.name),
        _Attribute("kind", operation.kind.value),
        *_optional("summary", operation.summary),
        *_optional("first-seen", operation.activity.start if operation.activity else None),
        *_texts("alias", (alias.name for alias in operation.aliases)),
        *(_Attribute("actor", actor.name or actor.id, tags=(f'opsmodel:actor="{actor.id}"',)) for actor in operation.actors),
        *_places(operation),
        *(_Attribute("technique", str(use), technique=use.technique) for use in operation.techniques),
        *_texts("narrative", (narrative.summary for narrative in operation.narratives)),
        *_texts("language", operation.languages),
        *(_source(source) for source in operation.sources),
        _Attribute(PAYLOAD, payload_text(operation)),
    ]


def operation_keys(report: Report) -> list[str]:
    """The key of each operation's object: its id, made unique within the report if two share one."""
    keys: list[str] = []
    for index, operation in enumerate(report.operations):
        keys.append(operation.id if operation.id not in keys else f"{operation.id}#{index}")
    return keys


def _references(operation: Operation, own: str, keys: dict[str, str]) -> list[dict[str, Any]]:
    references = []
    for index, relation in enumerate(operation.relations):
        target = object_uuid(OPERATION_OBJECT if relation.other in keys else OTHER_OPERATION_OBJECT, relation.other)
        reference: dict[str, Any] = {
            "uuid": object_uuid("reference", f"{own}/{index}"),
            "object_uuid": own,
            "referenced_uuid": target,
            "relationship_type": relation.kind.value,
        }
        if relation.note:
            reference["comment"] = relation.note
        references.append(reference)
    return references


def _others(report: Report, keys: dict[str, str]) -> Iterator[dict[str, Any]]:
    named: dict[str, str | None] = {}
    for operation in report.operations:
        for relation in operation.relations:
            if relation.other not in keys:
                named.setdefault(relation.other, relation.other_name)
    for other, name in named.items():
        items = [_Attribute("id", other), *_optional("name", name)]
        yield _object(OTHER_OPERATION_OBJECT, other, items, "An operation named by a relation, not described in this report")


def _operation_objects(report: Report) -> Iterator[dict[str, Any]]:
    keys = operation_keys(report)
    first: dict[str, str] = {}  # a relation names an operation by id: the first one with that id
    for operation, key in zip(report.operations, keys, strict=True):
        first.setdefault(operation.id, key)
    for operation, key in zip(report.operations, keys, strict=True):
        made = _object(OPERATION_OBJECT, key, operation_attributes(operation), "An influence operation (opsmodel)")
        made["ObjectReference"] = _references(operation, made["uuid"], first)
        yield made
    yield from _others(report, first)


def _event_date(report: Report) -> str:
    # MISP wants one day; a fuzzy date's value is the first day it can mean (the exact date is in the payload)
    return DEFAULT_DATE if report.published is None else report.published.value.isoformat()[:10]


def to_misp(report: Report, *, tlp: str | None = None) -> dict[str, Any]:
    """The report as a MISP event (``{"Event": {...}}``, MISP core format), ready for MISP or pymisp.

    ``tlp`` (``"clear"``, ``"green"``, ``"amber"``, ``"amber+strict"``, ``"red"``) tags the event.
    """
    if not isinstance(report, Report):
        raise TypeError(f"to_misp expects a Report, got {type(report).__name__}")
    if tlp is not None and tlp not in TLP_TAGS:
        expected = f"one of {', '.join(TLP_TAGS)}"
        raise FieldError(owner="to_misp", field="tlp", value=tlp, expected=expected, problem=f"got {tlp!r}")
    techniques = {
        use.technique.id: use.technique
        for operation in report.operations
        for use in operation.techniques
        if use.technique is not None
    }
    event: dict[str, Any] = {
        "uuid": object_uuid("event", report.id),
        "info": report.title,
        "date": _event_date(report),
        "threat_level_id": "4",
        "analysis": "2",
        "distribution": "0",
        "published": False,
        "Orgc": {"name": report.publisher, "uuid": object_uuid("organisation", report.publisher)},
        "Tag": [{"name": TLP_TAGS[tlp]}] if tlp else [],
        "Galaxy": galaxies([techniques[key] for key in sorted(techniques)]),
        "Object": [
            _object(REPORT_OBJECT, report.id, report_attributes(report), "A threat report (opsmodel)"),
            *_operation_objects(report),
        ],
    }
    return {"Event": event}


def dumps(report: Report, *, tlp: str | None = None) -> str:
    """The MISP event as JSON text: the same report always gives the same bytes."""
    return json.dumps(to_misp(report, tlp=tlp), ensure_ascii=False, indent=2) + "\n"
