"""Reading STIX 2.1 bundles: opsmodel's own exactly, anyone's on a best-effort basis with a loss report."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import attrs

from ..._core.errors import FieldError
from ..._core.fields import slugify
from ..._model.dates import FuzzyDate, Period, Precision
from ..._model.operations import Actor, ActorKind, Attribution, Operation, OperationKind, Report, Source
from ..._model.places import Audience, Country, Region, Subdivision, Target
from ..._model.techniques import ID_GRAMMARS, Confidence, Tactic, TechniqueRef, TechniqueUse
from .codec import DecodeError, decode, interning
from .ids import (
    EXTENSION_ID,
    IDENTIFIER,
    TIMESTAMP,
    TLP_MARKINGS,
    BundleError,
    BundleProblem,
    parse_timestamp,
)

_STIX_TYPES = frozenset(
    """attack-pattern campaign course-of-action grouping identity incident indicator infrastructure intrusion-set location
    malware malware-analysis note observed-data opinion report threat-actor tool vulnerability relationship sighting
    marking-definition language-content extension-definition artifact autonomous-system directory domain-name email-addr
    email-message file ipv4-addr ipv6-addr mac-addr mutex network-traffic process software url user-account
    windows-registry-key x509-certificate""".split()  # noqa: SIM905
)
_SCO_TYPES = frozenset(
    """artifact autonomous-system directory domain-name email-addr email-message file ipv4-addr ipv6-addr mac-addr mutex
    network-traffic process software url user-account windows-registry-key x509-certificate""".split()  # noqa: SIM905
)
_TIMESTAMPS = (
    "created",
    "modified",
    "published",
    "first_seen",
    "last_seen",
    "valid_from",
    "valid_until",
    "start_time",
    "stop_time",
)
_WELL_KNOWN = frozenset(
    [
        *TLP_MARKINGS.values(),
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
    ]
)
_METADATA = frozenset({"marking-definition", "extension-definition"})


@attrs.frozen(kw_only=True)
class Loss:
    """Something in a foreign bundle that opsmodel could not map: which object, which properties, why."""

    object_id: str
    type: str
    properties: tuple[str, ...] = ()
    reason: str

    def __str__(self) -> str:
        props = f" [{', '.join(self.properties)}]" if self.properties else ""
        return f"{self.object_id}{props}: {self.reason}"


@attrs.frozen(kw_only=True)
class ImportResult:
    """What :func:`opsmodel.stix.import_stix` read (``report``) and what it could not map (``losses``)."""

    report: Report
    losses: tuple[Loss, ...] = ()

    @property
    def lossless(self) -> bool:
        return not self.losses


# ---------------------------------------------------------------------------------------------
# Checking a bundle


def check_bundle(bundle: Any) -> dict[str, dict[str, Any]]:
    """Every object by id, after checking the bundle's shape, ids, types, timestamps and references.

    Raises :class:`BundleError` with every problem found; nothing is returned half-checked.
    """
    problems: list[BundleProblem] = []
    if not isinstance(bundle, dict):
        raise BundleError([BundleProblem("$", None, f"expected a STIX bundle (a JSON object), got {type(bundle).__name__}")])
    if bundle.get("type") != "bundle":
        problems.append(BundleProblem("$.type", bundle.get("id"), f"expected 'bundle', got {bundle.get('type')!r}"))
    bundle_id = bundle.get("id")
    if not isinstance(bundle_id, str) or not IDENTIFIER.match(bundle_id) or not bundle_id.startswith("bundle--"):
        problems.append(BundleProblem("$.id", None, f"expected a bundle id 'bundle--<uuid>', got {bundle_id!r}"))
    objects = bundle.get("objects", [])
    if not isinstance(objects, list):
        problems.append(BundleProblem("$.objects", None, f"expected a list of objects, got {type(objects).__name__}"))
        raise BundleError(problems)
    by_id: dict[str, dict[str, Any]] = {}
    paths: dict[str, int] = {}  # object id -> index in the bundle (its path is formatted only for a problem)
    good_stamps: set[Any] = set()
    for index, obj in enumerate(objects):
        path = _Path(index)
        if not isinstance(obj, dict):
            problems.append(BundleProblem(str(path), None, f"expected a STIX object, got {type(obj).__name__}"))
            continue
        object_id = obj.get("id")
        kind = obj.get("type")
        if not isinstance(kind, str):
            problems.append(BundleProblem(f"{path}.type", object_id if isinstance(object_id, str) else None, "missing type"))
            continue
        if not isinstance(object_id, str) or not _is_id_of(object_id, kind):
            problems.append(BundleProblem(f"{path}.id", None, f"expected an id '{kind}--<uuid>', got {object_id!r}"))
            continue
        if not _known_type(kind, obj):
            problems.append(
                BundleProblem(
                    f"{path}.type",
                    object_id,
                    f"unknown object type {kind!r} (not STIX 2.1, not 'x-' prefixed, no new-sdo extension)",
                )
            )
        if kind not in _SCO_TYPES and obj.get("spec_version", "2.1") != "2.1":
            problems.append(BundleProblem(f"{path}.spec_version", object_id, f"expected '2.1', got {obj.get('spec_version')!r}"))
        for key in _TIMESTAMPS:
            if key in obj:
                value = obj[key]
                if value in good_stamps:
                    continue
                ok = isinstance(value, str) and TIMESTAMP.match(value)
                if ok:
                    try:
                        parse_timestamp(value)
                    except ValueError:
                        ok = False
                    else:
                        good_stamps.add(value)
                if not ok:
                    problems.append(
                        BundleProblem(
                            f"{path}.{key}", object_id, f"expected a STIX timestamp ('2024-05-30T00:00:00.000Z'), got {value!r}"
                        )
                    )
        previous = by_id.get(object_id)
        if previous is not None and previous.get("modified") == obj.get("modified"):
            problems.append(
                BundleProblem(
                    str(path), object_id, f"duplicate object: same id and modified time as $.objects[{paths[object_id]}]"
                )
            )
            continue
        if previous is None or str(obj.get("modified", "")) > str(previous.get("modified", "")):
            by_id[object_id] = obj
            paths[object_id] = index
    for object_id, obj in by_id.items():
        path = _Path(paths[object_id])
        keys = obj.keys()
        if not _CLASSIFIED.issuperset(keys):
            _classify(keys)
        for key in sorted(keys & _SINGLE_REFERENCES):  # sorted: problems in a stable order
            value = obj[key]
            if type(value) is not str or value not in by_id:
                _check_ref(value, f"{path}.{key}", object_id, by_id, problems)
        for key in sorted(keys & _LIST_REFERENCES):
            value = obj[key]
            if not isinstance(value, list):
                problems.append(BundleProblem(f"{path}.{key}", object_id, f"expected a list of ids, got {value!r}"))
                continue
            for i, ref in enumerate(value):
                if type(ref) is not str or ref not in by_id:
                    _check_ref(ref, f"{path}.{key}[{i}]", object_id, by_id, problems)
        payload = _payload(obj)
        if payload is not None:
            for i, ref in enumerate(payload.get("operation_refs", [])):
                _check_ref(ref, f"{path}.extensions.{EXTENSION_ID}.operation_refs[{i}]", object_id, by_id, problems)
    if problems:
        raise BundleError(problems)
    return by_id


# Property names seen so far, and those that hold references (``*_ref``, ``*_refs``). The same
# few names recur in every object, so set operations at C speed find the references of each.
_CLASSIFIED: set[Any] = set()
_SINGLE_REFERENCES: set[str] = set()
_LIST_REFERENCES: set[str] = set()


def _classify(keys: Any) -> None:
    for key in keys:
        if type(key) is str:
            if key.endswith("_ref"):
                _SINGLE_REFERENCES.add(key)
            elif key.endswith("_refs"):
                _LIST_REFERENCES.add(key)
        if len(_CLASSIFIED) < 8192:  # foreign bundles may bring any names: stay bounded
            _CLASSIFIED.add(key)


_UUID_TAIL = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


class _Path:
    """``$.objects[i]``, formatted only when a problem needs it."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index

    def __str__(self) -> str:
        return f"$.objects[{self.index}]"

    def __format__(self, spec: str) -> str:
        return str(self)


def _is_id_of(object_id: str, kind: str) -> bool:
    prefix, separator, tail = object_id.partition("--")
    return prefix == kind and bool(separator) and len(tail) == 36 and _UUID_TAIL.fullmatch(tail) is not None


def _known_type(kind: str, obj: dict[str, Any]) -> bool:
    if kind in _STIX_TYPES or kind.startswith("x-"):
        return True
    extensions = obj.get("extensions")
    if isinstance(extensions, dict):
        return any(
            isinstance(e, dict) and e.get("extension_type") in ("new-sdo", "new-sro", "new-sco") for e in extensions.values()
        )
    return False


def _check_ref(ref: Any, path: str, object_id: str, by_id: dict[str, Any], problems: list[BundleProblem]) -> None:
    if not isinstance(ref, str) or not IDENTIFIER.match(ref):
        problems.append(BundleProblem(path, object_id, f"expected a STIX id, got {ref!r}"))
    elif ref not in by_id and ref not in _WELL_KNOWN:
        problems.append(BundleProblem(path, object_id, f"dangling reference: {ref} is not in the bundle"))


def _payload(obj: dict[str, Any]) -> dict[str, Any] | None:
    extensions = obj.get("extensions")
    if isinstance(extensions, dict):
        payload = extensions.get(EXTENSION_ID)
        if isinstance(payload, dict):
            return payload
    return None


# ---------------------------------------------------------------------------------------------
# opsmodel's own bundles


def own_report(by_id: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The report object opsmodel wrote, if the bundle has exactly one."""
    found = [obj for obj in by_id.values() if obj["type"] == "report" and "report" in (_payload(obj) or {})]
    return found[0] if len(found) == 1 else None


def read_own_report(report_obj: dict[str, Any], by_id: dict[str, dict[str, Any]], paths: dict[str, str]) -> Report:
    with interning():
        return _read_own_report(report_obj, by_id, paths)


def _read_own_report(report_obj: dict[str, Any], by_id: dict[str, dict[str, Any]], paths: dict[str, str]) -> Report:
    problems: list[BundleProblem] = []
    operations = []
    payload = _payload(report_obj) or {}
    for i, ref in enumerate(payload.get("operation_refs", [])):
        campaign = by_id[ref]
        try:
            operations.append(read_own_campaign(campaign, paths.get(ref, "$")))
        except BundleError as exc:
            problems.extend(exc.problems)
        except DecodeError as exc:  # pragma: no cover - read_own_campaign wraps these
            problems.append(BundleProblem(f"$.operation_refs[{i}]", ref, exc.message))
    where = paths.get(report_obj["id"], "$")
    base = f"{where}.extensions.{EXTENSION_ID}.report"
    raw = payload.get("report")
    if not isinstance(raw, dict):
        problems.append(BundleProblem(base, report_obj["id"], "expected the opsmodel report payload (an object)"))
        raise BundleError(problems)
    data = dict(raw)
    data["title"] = report_obj.get("name")
    if "description" in report_obj:
        data["summary"] = report_obj["description"]
    try:
        bare: Report = decode(Report, data, base)
    except DecodeError as exc:
        problems.append(BundleProblem(exc.path, report_obj["id"], exc.message))
        raise BundleError(problems) from None
    if problems:
        raise BundleError(problems)
    return attrs.evolve(bare, operations=tuple(operations))


def read_own_campaign(obj: dict[str, Any], where: str) -> Operation:
    payload = _payload(obj) or {}
    base = f"{where}.extensions.{EXTENSION_ID}.operation"
    data = payload.get("operation")
    if not isinstance(data, dict):
        raise BundleError([BundleProblem(base, obj["id"], "expected the opsmodel operation payload")])
    data = dict(data)
    if not payload.get("unnamed"):
        data["name"] = obj.get("name")
    if "description" in obj:
        data["summary"] = obj["description"]
    try:
        result: Operation = decode(Operation, data, base)
    except DecodeError as exc:
        raise BundleError([BundleProblem(exc.path, obj["id"], exc.message)]) from None
    return result


def object_paths(bundle: dict[str, Any]) -> dict[str, str]:
    return {obj["id"]: f"$.objects[{i}]" for i, obj in enumerate(bundle["objects"]) if isinstance(obj, dict) and "id" in obj}


def own_operations(bundle: dict[str, Any]) -> Iterator[Operation]:
    problems: list[BundleProblem] = []
    for index, obj in enumerate(bundle["objects"]):
        if obj.get("type") == "campaign" and "operation" in (_payload(obj) or {}):
            try:
                yield read_own_campaign(obj, f"$.objects[{index}]")
            except BundleError as exc:
                problems.extend(exc.problems)
    if problems:
        raise BundleError(problems)


# ---------------------------------------------------------------------------------------------
# Foreign bundles, best effort

_CAMPAIGN_KEYS = frozenset(
    {"type", "spec_version", "id", "created", "modified", "name", "description", "aliases", "first_seen", "last_seen"}
)
_COMMON = frozenset(
    {"type", "spec_version", "id", "created", "modified", "created_by_ref", "object_marking_refs", "revoked", "lang"}
)
_ACTOR_KEYS = frozenset({*_COMMON, "name", "description", "aliases", "threat_actor_types", "external_references", "confidence"})
_PATTERN_KEYS = frozenset({*_COMMON, "name", "external_references", "kill_chain_phases", "description"})


def _date(text: str) -> FuzzyDate:
    moment = parse_timestamp(text)
    if moment.time() == dt.time(0, 0) or (moment.hour, moment.minute, moment.second) == (23, 59, 59):
        return FuzzyDate(value=moment.date(), precision=Precision.DAY)
    return FuzzyDate(value=moment.replace(microsecond=(moment.microsecond // 1000) * 1000), precision=Precision.INSTANT)


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _sources(obj: dict[str, Any], taken: set[str]) -> tuple[Source, ...]:
    found = []
    for ref in obj.get("external_references", []) or []:
        if not isinstance(ref, dict) or not ref.get("source_name"):
            continue
        name = str(ref["source_name"])
        found.append(
            Source(
                id=_unique(slugify(str(ref.get("external_id") or name)), taken),
                publisher=name,
                title=ref.get("description") or None,
                url=ref.get("url") or None,
            )
        )
    return tuple(found)


def _technique(obj: dict[str, Any]) -> tuple[TechniqueRef, Tactic | None] | None:
    for ref in obj.get("external_references", []) or []:
        if not isinstance(ref, dict) or not isinstance(ref.get("external_id"), str):
            continue
        external, source, url = ref["external_id"], str(ref.get("source_name", "")), str(ref.get("url", ""))
        if source == "DISARM" or "DISARM" in url:
            framework = "disarm"
        elif source in ("mitre-attack", "mitre-mobile-attack", "mitre-ics-attack"):
            framework = "attack"
        elif source == "meta-ookc":
            framework = "meta-ookc"
        else:
            continue
        if not ID_GRAMMARS[framework][0].match(external):
            continue
        ref_obj = TechniqueRef(framework=framework, id=external, name=obj.get("name") or None)
        return ref_obj, None
    return None


def import_bundle(bundle: Any) -> ImportResult:
    """Best-effort import of any STIX 2.1 bundle (see :func:`opsmodel.stix.import_stix`)."""
    by_id = check_bundle(bundle)
    paths = object_paths(bundle)
    own = own_report(by_id)
    if own is not None:
        return ImportResult(report=read_own_report(own, by_id, paths))
    losses: list[Loss] = []
    used: set[str] = set()
    problems: list[BundleProblem] = []
    relationships: dict[str, list[dict[str, Any]]] = {}
    for obj in by_id.values():
        if obj["type"] == "relationship" and isinstance(obj.get("source_ref"), str):
            relationships.setdefault(obj["source_ref"], []).append(obj)
    # ATT&CK-style tactic objects (DISARM's bundles have them) by their short name
    tactics = {
        str(obj["x_mitre_shortname"]): obj
        for obj in by_id.values()
        if obj["type"] == "x-mitre-tactic" and isinstance(obj.get("x_mitre_shortname"), str)
    }
    notes: dict[str, list[str]] = {}
    for obj in by_id.values():
        if obj["type"] == "note" and isinstance(obj.get("object_refs"), list):
            for ref in obj["object_refs"]:
                notes.setdefault(ref, []).append(obj["id"])
    operation_ids: set[str] = set()
    operations: list[Operation] = []
    for object_id, obj in by_id.items():
        if obj["type"] not in ("campaign", "intrusion-set"):
            continue
        used.add(object_id)
        if obj["type"] == "campaign" and "operation" in (_payload(obj) or {}):
            # written by opsmodel (a stream of operations, or a bundle with several reports): exact
            try:
                operations.append(read_own_campaign(obj, paths[object_id]))
            except BundleError as exc:
                problems.extend(exc.problems)
            used.update(_projections(object_id, notes, relationships))
            continue
        try:
            operations.append(
                _foreign_operation(obj, by_id, tactics, relationships.get(object_id, []), operation_ids, used, losses)
            )
        except FieldError as exc:
            problems.append(BundleProblem(paths[object_id], object_id, str(exc)))
    reports = [obj for obj in by_id.values() if obj["type"] == "report"]
    report_obj = reports[0] if reports else None
    try:
        report = _foreign_report(report_obj, bundle, by_id, operations, used)
    except FieldError as exc:
        assert report_obj is not None
        problems.append(BundleProblem(paths[report_obj["id"]], report_obj["id"], str(exc)))
    if problems:
        raise BundleError(problems)
    for obj in reports[1:]:
        losses.append(Loss(object_id=obj["id"], type="report", reason="only the first report of a bundle becomes the Report"))
    for object_id, obj in by_id.items():
        if object_id in used or obj["type"] in _METADATA:
            continue
        if obj["type"] == "identity" and any(o.get("created_by_ref") == object_id for o in by_id.values()):
            continue
        losses.append(
            Loss(
                object_id=object_id,
                type=obj["type"],
                properties=tuple(sorted(k for k in obj if k not in _COMMON)),
                reason=_why_lost(obj),
            )
        )
    return ImportResult(report=report, losses=tuple(sorted(losses, key=lambda loss: loss.object_id)))


def _projections(campaign: str, notes: dict[str, list[str]], relationships: dict[str, list[dict[str, Any]]]) -> set[str]:
    """The objects opsmodel wrote beside one of its campaigns for other tools: its relationships, their
    targets (and a threat actor's location), its notes. The campaign's extension holds all they say."""
    found: set[str] = set()
    for rel in relationships.get(campaign, []):
        found.add(rel["id"])
        target = rel.get("target_ref")
        if isinstance(target, str):
            found.add(target)
            for located in relationships.get(target, []):
                found.add(located["id"])
                if isinstance(located.get("target_ref"), str):
                    found.add(located["target_ref"])
    found.update(notes.get(campaign, ()))
    return found


def _why_lost(obj: dict[str, Any]) -> str:
    kind = obj["type"]
    if kind == "attack-pattern":
        return "attack pattern not used by any campaign or intrusion set (a catalogue entry: see opsmodel.taxonomy)"
    if kind == "relationship":
        return f"relationship {obj.get('relationship_type')!r} between these objects has no opsmodel equivalent"
    if kind in ("threat-actor", "location", "identity", "tool", "infrastructure"):
        return f"{kind} not linked to any campaign or intrusion set"
    return f"no opsmodel equivalent for a {kind!r} object"


def _foreign_operation(
    obj: dict[str, Any],
    by_id: dict[str, dict[str, Any]],
    tactics: dict[str, dict[str, Any]],
    relations: list[dict[str, Any]],
    taken: set[str],
    used: set[str],
    losses: list[Loss],
) -> Operation:
    name = obj.get("name") if isinstance(obj.get("name"), str) and obj["name"].strip() else None
    source_ids: set[str] = set()
    activity = None
    first, last = obj.get("first_seen"), obj.get("last_seen")
    if first or last:
        activity = Period(start=_date(first) if first else None, end=_date(last) if last else None)
    actors: list[Actor] = []
    attributions: list[Attribution] = []
    targets: list[Target] = []
    techniques: list[TechniqueUse] = []
    actor_taken: set[str] = set()
    for rel in relations:
        kind, target = rel.get("relationship_type"), by_id.get(rel.get("target_ref", ""))
        if target is None:
            continue
        mapped = False
        claimant_obj = by_id.get(rel.get("created_by_ref", "")) or by_id.get(obj.get("created_by_ref", ""))
        claimant = str(claimant_obj.get("name")) if claimant_obj and claimant_obj.get("name") else "unknown"
        confidence = Confidence(score=rel["confidence"]) if type(rel.get("confidence")) is int else None
        wording = rel.get("description") or None
        if kind == "attributed-to" and target["type"] in ("threat-actor", "intrusion-set", "identity") and target.get("name"):
            actor_id = _unique(slugify(str(target["name"])), actor_taken)
            kinds = target.get("threat_actor_types") or []
            actors.append(
                Actor(
                    id=actor_id,
                    name=str(target["name"]),
                    kind=ActorKind.STATE_AGENCY if "nation-state" in kinds else ActorKind.UNKNOWN,
                    aliases=tuple(a for a in target.get("aliases", []) if isinstance(a, str) and a.strip()),
                    description=target.get("description") or None,
                )
            )
            attributions.append(Attribution(claimant=claimant, actor=actor_id, confidence=confidence, wording=wording))
            _lost_props(target, _ACTOR_KEYS, losses)
            mapped = True
        elif kind == "originates-from" and target["type"] == "location":
            country = _country(target)
            if country is not None:
                attributions.append(Attribution(claimant=claimant, countries=(country,), confidence=confidence, wording=wording))
                mapped = True
        elif kind == "targets" and target["type"] == "location":
            place = _place(target)
            if place is not None:
                targets.append(Target(place=place, note=wording))
                mapped = True
        elif kind == "targets" and target["type"] == "identity" and target.get("name"):
            targets.append(
                Target(audience=Audience(name=str(target["name"]), description=target.get("description") or None), note=wording)
            )
            mapped = True
        elif kind == "uses" and target["type"] == "attack-pattern":
            found = _technique(target)
            if found is not None:
                phases = [p for p in target.get("kill_chain_phases") or [] if isinstance(p, dict)]
                tactic = _tactic(found[0].framework, phases, tactics)
                if tactic is not None:
                    used.add(tactics[str(phases[0].get("phase_name"))]["id"])
                techniques.append(TechniqueUse(technique=found[0], tactic=tactic, procedure=wording, confidence=confidence))
                mapped = True
                if phases and (tactic is None or len(phases) > 1):
                    losses.append(
                        Loss(
                            object_id=target["id"],
                            type="attack-pattern",
                            properties=("kill_chain_phases",),
                            reason="kill chain phases with no tactic object in the bundle (or more than one phase): "
                            "only the first phase's tactic, if any, is kept",
                        )
                    )
                _lost_props(target, _PATTERN_KEYS, losses)
        if mapped:
            used.add(rel["id"])
            used.add(target["id"])
            if claimant_obj is not None:
                used.add(claimant_obj["id"])
    extra = sorted(set(obj) - _CAMPAIGN_KEYS - {"created_by_ref", "external_references", "object_marking_refs"})
    if extra:
        losses.append(
            Loss(object_id=obj["id"], type=obj["type"], properties=tuple(extra), reason="properties opsmodel does not map")
        )
    summary = obj.get("description") or None
    return Operation(
        id=_unique(slugify(name or obj["id"].split("--")[1][:8]), taken),
        name=name,
        kind=OperationKind.CAMPAIGN if obj["type"] == "campaign" else OperationKind.NETWORK,
        summary=summary if summary or name else f"Imported STIX object {obj['id']}",
        aliases=tuple(a for a in obj.get("aliases", []) if isinstance(a, str) and a.strip()),
        activity=activity,
        actors=tuple(actors),
        attributions=tuple(attributions),
        targets=tuple(targets),
        techniques=tuple(techniques),
        sources=_sources(obj, source_ids),
    )


def _tactic(framework: str, phases: list[dict[str, Any]], tactics: dict[str, dict[str, Any]]) -> Tactic | None:
    if not phases:
        return None
    found = tactics.get(str(phases[0].get("phase_name")))
    if found is None:
        return None
    for ref in found.get("external_references", []) or []:
        if isinstance(ref, dict) and isinstance(ref.get("external_id"), str):
            try:
                return Tactic(framework=framework, id=ref["external_id"], name=found.get("name") or None)
            except FieldError:
                return None
    return None


def _lost_props(obj: dict[str, Any], keys: frozenset[str], losses: list[Loss]) -> None:
    extra = sorted(set(obj) - keys)
    if extra:
        losses.append(
            Loss(object_id=obj["id"], type=obj["type"], properties=tuple(extra), reason="properties opsmodel does not map")
        )


def _country(obj: dict[str, Any]) -> Country | None:
    code = obj.get("country")
    if isinstance(code, str):
        try:
            return Country(code=code)
        except FieldError:
            return None
    return None


def _place(obj: dict[str, Any]) -> Country | Subdivision | Region | None:
    area = obj.get("administrative_area")
    if isinstance(area, str) and re.match(r"^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$", area):
        try:
            return Subdivision(code=area)
        except FieldError:
            pass
    country = _country(obj)
    if country is not None:
        return country
    name = obj.get("name") or obj.get("region")
    if isinstance(name, str) and name.strip():
        return Region(name=name)
    return None


def _foreign_report(
    obj: dict[str, Any] | None,
    bundle: dict[str, Any],
    by_id: dict[str, dict[str, Any]],
    operations: list[Operation],
    used: set[str],
) -> Report:
    if obj is None:
        return Report(
            id=slugify(f"stix-{bundle['id'].split('--')[1]}"),
            title=f"Imported STIX bundle {bundle['id']}",
            publisher="unknown",
            operations=tuple(operations),
        )
    used.add(obj["id"])
    creator = by_id.get(obj.get("created_by_ref", ""))
    if creator is not None:
        used.add(creator["id"])
    urls = [r.get("url") for r in obj.get("external_references", []) or [] if isinstance(r, dict) and r.get("url")]
    published = obj.get("published")
    return Report(
        id=slugify(str(obj.get("name") or obj["id"])),
        title=str(obj.get("name") or obj["id"]),
        publisher=str(creator.get("name")) if creator and creator.get("name") else "unknown",
        published=_date(published) if isinstance(published, str) else None,
        url=urls[0] if urls else None,
        summary=obj.get("description") or None,
        operations=tuple(operations),
    )
