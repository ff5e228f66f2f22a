"""Importing bundles written by other tools, on a best-effort basis, with a report of every loss."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from ..._core.errors import BundleError, FieldError, Problem, show_value
from ..._core.fields import slugify, with_article
from ..._model.actors import Actor, ActorKind, Attribution
from ..._model.dates import FuzzyDate, Period, Precision
from ..._model.operations import Operation, OperationKind, Report
from ..._model.places import Audience, Country, Locality, Region, Subdivision, Target
from ..._model.sources import Source
from ..._model.techniques import ID_GRAMMARS, Confidence, Tactic, TechniqueRef, TechniqueUse
from ..._model.trusted import builder
from ..losses import ImportResult, Loss
from .check import check_bundle, problem
from .ids import parse_timestamp
from .own import is_own_campaign, object_paths, own_report, read_own_campaign, read_own_report

_T = TypeVar("_T")
_METADATA = frozenset({"marking-definition", "extension-definition"})
_CAMPAIGN_KEYS = frozenset(
    {"type", "spec_version", "id", "created", "modified", "name", "description", "aliases", "first_seen", "last_seen"}
)
_COMMON = frozenset(
    {"type", "spec_version", "id", "created", "modified", "created_by_ref", "object_marking_refs", "revoked", "lang"}
)
_ACTOR_KEYS = frozenset({*_COMMON, "name", "description", "aliases", "threat_actor_types", "external_references", "confidence"})
_PATTERN_KEYS = frozenset({*_COMMON, "name", "external_references", "kill_chain_phases", "description"})


# ---------------------------------------------------------------------------------------------
# The bundle as a whole


@attrs.define
class _Bundle:
    """A checked foreign bundle, indexed for the import, and what the import has used and lost so far."""

    by_id: dict[str, dict[str, Any]]
    paths: Mapping[str, str]
    # relationships by their source, ATT&CK-style tactic objects (DISARM's bundles have them) by
    # their short name, and notes by the objects they are about
    relationships: dict[str, list[dict[str, Any]]] = attrs.Factory(dict)
    tactics: dict[str, dict[str, Any]] = attrs.Factory(dict)
    notes: dict[str, list[str]] = attrs.Factory(dict)
    used: set[str] = attrs.Factory(set)
    losses: list[Loss] = attrs.Factory(list)
    problems: list[Problem] = attrs.Factory(list)
    # what an object was read as (a technique, a place...), by reading and object id: the same
    # attack patterns and locations are the targets of every operation's relationships
    read: dict[tuple[str, str], Any] = attrs.Factory(dict)

    def read_once(self, reading: Callable[[dict[str, Any]], Any], obj: dict[str, Any]) -> Any:
        """``reading(obj)``, worked out once per object (the model's values are immutable, so shared)."""
        key = (reading.__name__, obj["id"])
        try:
            return self.read[key]
        except KeyError:
            found = self.read[key] = reading(obj)
            return found

    def index(self) -> None:
        for obj in self.by_id.values():
            kind = obj["type"]
            if kind == "relationship" and isinstance(obj.get("source_ref"), str):
                self.relationships.setdefault(obj["source_ref"], []).append(obj)
            elif kind == "x-mitre-tactic" and isinstance(obj.get("x_mitre_shortname"), str):
                self.tactics[obj["x_mitre_shortname"]] = obj
            elif kind == "note" and isinstance(obj.get("object_refs"), list):
                for ref in obj["object_refs"]:
                    self.notes.setdefault(ref, []).append(obj["id"])

    def lose_properties(self, obj: dict[str, Any], keys: frozenset[str]) -> None:
        extra = sorted(set(obj) - keys)
        if extra:
            self.losses.append(
                Loss(object_id=obj["id"], type=obj["type"], properties=tuple(extra), reason="properties opsmodel does not map")
            )


def import_bundle(bundle: Any) -> ImportResult:
    """Best-effort import of any STIX 2.1 bundle (see :func:`opsmodel.stix.import_stix`)."""
    return import_checked(bundle, check_bundle(bundle))


def import_checked(bundle: Any, by_id: dict[str, dict[str, Any]]) -> ImportResult:
    """:func:`import_bundle` of a bundle :func:`check_bundle` has passed (``by_id``: what it returned)."""
    paths = object_paths(bundle)
    own = own_report(by_id)
    if own is not None:
        return ImportResult(report=read_own_report(own, by_id, paths))
    found = _Bundle(by_id, paths)
    found.index()
    operations = _read_operations(found)
    reports = [obj for obj in by_id.values() if obj["type"] == "report"]
    try:
        report = _foreign_report(reports[0] if reports else None, bundle, found, operations)
    except FieldError as exc:
        found.problems.append(problem("bad-value", paths[reports[0]["id"]], reports[0]["id"], str(exc)))
    if found.problems:
        raise BundleError(found.problems)
    for obj in reports[1:]:
        found.losses.append(
            Loss(object_id=obj["id"], type="report", reason="only the first report of a bundle becomes the Report")
        )
    found.losses.extend(_unused(found))
    return ImportResult(report=report, losses=tuple(sorted(found.losses, key=lambda loss: loss.object_id)))


def _read_operations(found: _Bundle) -> list[Operation]:
    """Every campaign and intrusion set as an operation: opsmodel's own exactly, others best effort."""
    operations: list[Operation] = []
    operation_ids: set[str] = set()
    for object_id, obj in found.by_id.items():
        if obj["type"] not in ("campaign", "intrusion-set"):
            continue
        found.used.add(object_id)
        try:
            if is_own_campaign(obj):
                # written by opsmodel (a stream of operations, or a bundle with several reports): exact
                found.used.update(_projections(object_id, found))
                operations.append(read_own_campaign(obj, found.paths[object_id]))
            else:
                operations.append(_foreign_operation(obj, found, operation_ids))
        except BundleError as exc:
            found.problems.extend(exc.problems)
        except FieldError as exc:
            found.problems.append(problem("bad-value", found.paths[object_id], object_id, str(exc)))
    return operations


def _unused(found: _Bundle) -> Iterator[Loss]:
    """A loss for every object the import did not use (metadata and the creators of objects aside)."""
    creators = {obj.get("created_by_ref") for obj in found.by_id.values()}
    for object_id, obj in found.by_id.items():
        if object_id in found.used or obj["type"] in _METADATA:
            continue
        if obj["type"] == "identity" and object_id in creators:
            continue
        properties = tuple(sorted(k for k in obj if k not in _COMMON))
        yield Loss(object_id=object_id, type=obj["type"], properties=properties, reason=_why_lost(obj))


def _projections(campaign: str, found: _Bundle) -> set[str]:
    """The objects opsmodel wrote beside one of its campaigns for other tools: its relationships, their
    targets (and a threat actor's location), its notes. The campaign's extension holds all they say."""
    relationships = found.relationships
    used: set[str] = set()
    for rel in relationships.get(campaign, []):
        used.add(rel["id"])
        target = rel.get("target_ref")
        if isinstance(target, str):
            used.add(target)
            for located in relationships.get(target, []):
                used.add(located["id"])
                if isinstance(located.get("target_ref"), str):
                    used.add(located["target_ref"])
    used.update(found.notes.get(campaign, ()))
    return used


def _why_lost(obj: dict[str, Any]) -> str:
    kind = obj["type"]
    if kind == "attack-pattern":
        return "attack pattern not used by any campaign or intrusion set (a catalogue entry: see opsmodel.taxonomy)"
    if kind == "relationship":
        return _why_relationship_lost(obj.get("relationship_type"))
    if kind in ("threat-actor", "location", "identity", "tool", "infrastructure"):
        return f"{kind} not linked to any campaign or intrusion set"
    return f"no opsmodel equivalent for {with_article(show_value(kind))} object"


def _why_relationship_lost(kind: Any) -> str:
    if type(kind) is str:  # the same few relationship types recur
        return _relationship_lost(kind)
    return f"relationship {show_value(kind)} between these objects has no opsmodel equivalent"


@functools.lru_cache(maxsize=256)
def _relationship_lost(kind: str) -> str:
    return f"relationship {show_value(kind)} between these objects has no opsmodel equivalent"


# ---------------------------------------------------------------------------------------------
# One campaign or intrusion set, and what its relationships point at


@attrs.define
class _Draft:
    """The parts of an operation read so far from its relationships."""

    found: _Bundle
    actors: list[Actor] = attrs.Factory(list)
    attributions: list[Attribution] = attrs.Factory(list)
    targets: list[Target] = attrs.Factory(list)
    techniques: list[TechniqueUse] = attrs.Factory(list)
    actor_ids: set[str] = attrs.Factory(set)


@attrs.frozen
class _Link:
    """One relationship from the operation, its target, and what every mapping reads off it."""

    target: dict[str, Any]
    claimant: str
    confidence: Confidence | None
    wording: str | None


def _map_actor(draft: _Draft, link: _Link) -> bool:
    target = link.target
    if not target.get("name"):
        return False
    actor_id = _unique(slugify(str(target["name"])), draft.actor_ids)
    kinds = _list(target.get("threat_actor_types"))
    draft.actors.append(
        Actor(
            id=actor_id,
            name=str(target["name"]),
            kind=ActorKind.STATE_AGENCY if "nation-state" in kinds else ActorKind.UNKNOWN,
            aliases=_texts(target.get("aliases", [])),
            description=target.get("description") or None,
        )
    )
    draft.attributions.append(
        _built(Attribution, claimant=link.claimant, actor=actor_id, confidence=link.confidence, wording=link.wording)
    )
    draft.found.lose_properties(target, _ACTOR_KEYS)
    return True


def _map_origin(draft: _Draft, link: _Link) -> bool:
    country = draft.found.read_once(_country, link.target)
    if country is None:
        return False
    draft.attributions.append(
        _built(Attribution, claimant=link.claimant, countries=(country,), confidence=link.confidence, wording=link.wording)
    )
    return True


def _map_place(draft: _Draft, link: _Link) -> bool:
    place = draft.found.read_once(_place, link.target)
    if place is None:
        return False
    draft.targets.append(_built(Target, place=place, note=link.wording))
    return True


def _map_audience(draft: _Draft, link: _Link) -> bool:
    target = link.target
    if not target.get("name"):
        return False
    audience = Audience(name=str(target["name"]), description=target.get("description") or None)
    draft.targets.append(_built(Target, audience=audience, note=link.wording))
    return True


def _map_technique(draft: _Draft, link: _Link) -> bool:
    target = link.target
    technique = draft.found.read_once(_technique, target)
    tactics = draft.found.tactics
    phases = [p for p in _list(target.get("kill_chain_phases")) if isinstance(p, dict)]
    if technique is None:
        return _map_phase_alone(draft, link, phases)
    tactic = _tactic(technique.framework, phases, tactics)
    if tactic is not None:
        draft.found.used.add(tactics[str(phases[0].get("phase_name"))]["id"])
    use = _built(TechniqueUse, technique=technique, tactic=tactic, procedure=link.wording, confidence=link.confidence)
    draft.techniques.append(use)
    if phases and (tactic is None or len(phases) > 1):
        draft.found.losses.append(
            Loss(
                object_id=target["id"],
                type="attack-pattern",
                properties=("kill_chain_phases",),
                reason="kill chain phases with no tactic object in the bundle (or more than one phase): "
                "only the first phase's tactic, if any, is kept",
            )
        )
    draft.found.lose_properties(target, _PATTERN_KEYS)
    return True


def _map_phase_alone(draft: _Draft, link: _Link, phases: list[dict[str, Any]]) -> bool:
    """An attack pattern that names no technique but one kill chain phase whose tactic the bundle defines,
    with the tactic's framework in its external reference: a tactic mapped alone (model 1.1)."""
    found = draft.found.tactics.get(str(phases[0].get("phase_name"))) if len(phases) == 1 else None
    if found is None:
        return False
    refs = [ref for ref in _list(found.get("external_references")) if isinstance(ref, dict)]
    frameworks = [_framework(str(ref.get("source_name", "")), str(ref.get("url", ""))) for ref in refs]
    framework = next((name for name in frameworks if name is not None), None)
    tactic = _tactic(framework, phases, draft.found.tactics) if framework is not None else None
    if tactic is None:
        return False
    draft.found.used.add(found["id"])
    draft.techniques.append(_built(TechniqueUse, tactic=tactic, procedure=link.wording, confidence=link.confidence))
    draft.found.lose_properties(link.target, _PATTERN_KEYS)
    return True


#: What each relationship from a campaign or intrusion set means, by relationship type, then target type;
#: a mapping says whether it could read the target (a location with no country is no origin).
_MAPPINGS: dict[str, dict[str, Callable[[_Draft, _Link], bool]]] = {
    "attributed-to": dict.fromkeys(("threat-actor", "intrusion-set", "identity"), _map_actor),
    "originates-from": {"location": _map_origin},
    "targets": {"location": _map_place, "identity": _map_audience},
    "uses": {"attack-pattern": _map_technique},
}


# The fields the mappings give as the model objects (or tuples of them, or None, or enum members)
# their converters return unchanged: built objects are not checked again (see _model/trusted.py).
# Only these: a Locality's subdivision or an Operation's aliases, say, are given as text.
_READY: dict[type, frozenset[str]] = {
    Attribution: frozenset({"countries", "confidence"}),
    Target: frozenset({"place", "audience"}),
    TechniqueUse: frozenset({"technique", "tactic", "confidence"}),
    Operation: frozenset({"kind", "activity", "actors", "attributions", "targets", "techniques", "sources"}),
}


def _built(cls: type[_T], **kwargs: Any) -> _T:
    """``cls(**kwargs)``, the fields of :data:`_READY` set as given: the same object, or the same error."""
    key: type = cls  # typeshed's functools.cache takes Hashable, which mypy says a class is not
    made: _T = builder(key, _READY[key])(kwargs)
    return made


def _foreign_operation(obj: dict[str, Any], found: _Bundle, taken: set[str]) -> Operation:
    activity = _activity(obj)
    draft = _Draft(found)
    for rel in found.relationships.get(obj["id"], []):
        _follow(rel, obj, draft)
    extra = sorted(set(obj) - _CAMPAIGN_KEYS - {"created_by_ref", "external_references", "object_marking_refs"})
    if extra:
        found.losses.append(
            Loss(object_id=obj["id"], type=obj["type"], properties=tuple(extra), reason="properties opsmodel does not map")
        )
    name = obj.get("name") if isinstance(obj.get("name"), str) and obj["name"].strip() else None
    summary = obj.get("description") or None
    return _built(
        Operation,
        id=_unique(slugify(name or obj["id"].split("--")[1][:8]), taken),
        name=name,
        kind=OperationKind.CAMPAIGN if obj["type"] == "campaign" else OperationKind.NETWORK,
        summary=summary if summary or name else f"Imported STIX object {obj['id']}",
        aliases=_texts(obj.get("aliases", [])),
        activity=activity,
        actors=tuple(draft.actors),
        attributions=tuple(draft.attributions),
        targets=tuple(draft.targets),
        techniques=tuple(draft.techniques),
        sources=_sources(obj, set()),
    )


def _follow(rel: dict[str, Any], obj: dict[str, Any], draft: _Draft) -> None:
    """Map one relationship of the operation, marking it, its target and its author used if it maps."""
    by_id = draft.found.by_id
    target = by_id.get(rel.get("target_ref", ""))
    if target is None:
        return
    claimant_obj = by_id.get(rel.get("created_by_ref", "")) or by_id.get(obj.get("created_by_ref", ""))
    claimant = str(claimant_obj.get("name")) if claimant_obj and claimant_obj.get("name") else "unknown"
    score = rel.get("confidence")
    confidence = _confidence(score) if type(score) is int else None
    link = _Link(target, claimant, confidence, rel.get("description") or None)
    kind = rel.get("relationship_type")
    mapping = _MAPPINGS.get(kind, {}).get(target["type"]) if isinstance(kind, str) else None
    if mapping is not None and mapping(draft, link):
        draft.found.used.update((rel["id"], target["id"]))
        if claimant_obj is not None:
            draft.found.used.add(claimant_obj["id"])


@functools.lru_cache(maxsize=128)
def _confidence(score: int) -> Confidence:
    """A relationship's confidence (one of 101 values, or the model's error for any other)."""
    return Confidence(score=score)


def _activity(obj: dict[str, Any]) -> Period | None:
    first, last = obj.get("first_seen"), obj.get("last_seen")
    if not (first or last):
        return None
    return Period(start=_date(first) if first else None, end=_date(last) if last else None)


@functools.lru_cache(maxsize=4096)
def _date(text: str) -> FuzzyDate:
    moment = parse_timestamp(text)
    if moment.time() == dt.time(0, 0) or (moment.hour, moment.minute, moment.second) == (23, 59, 59):
        return FuzzyDate(value=moment.date(), precision=Precision.DAY)
    return FuzzyDate(value=moment.replace(microsecond=(moment.microsecond // 1000) * 1000), precision=Precision.INSTANT)


def _list(value: Any) -> list[Any]:
    """A property that should be a list, or an empty one if it is not (other tools' bundles are not all valid)."""
    return value if isinstance(value, list) else []


def _texts(values: Any) -> tuple[str, ...]:
    """The non-blank strings of a list (aliases, say); anything else is left out."""
    return tuple(a for a in _list(values) if isinstance(a, str) and a.strip())


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _external_references(obj: dict[str, Any], key: str) -> Iterator[dict[str, Any]]:
    """The object's external references that are objects and have a true ``key``."""
    for ref in _list(obj.get("external_references")):
        if isinstance(ref, dict) and ref.get(key):
            yield ref


def _sources(obj: dict[str, Any], taken: set[str]) -> tuple[Source, ...]:
    found = []
    for ref in _external_references(obj, "source_name"):
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


def _framework(source: str, url: str) -> str | None:
    """The technique framework an external reference's source (or URL) names, if opsmodel knows it."""
    if source == "DISARM" or "DISARM" in url:
        return "disarm"
    if source in ("mitre-attack", "mitre-mobile-attack", "mitre-ics-attack"):
        return "attack"
    return "meta-ookc" if source == "meta-ookc" else None


def _technique(obj: dict[str, Any]) -> TechniqueRef | None:
    for ref in _external_references(obj, "external_id"):
        external = ref["external_id"]
        if not isinstance(external, str):
            continue
        framework = _framework(str(ref.get("source_name", "")), str(ref.get("url", "")))
        if framework is not None and ID_GRAMMARS[framework][0].match(external):
            return TechniqueRef(framework=framework, id=external, name=obj.get("name") or None)
    return None


def _tactic(framework: str, phases: list[dict[str, Any]], tactics: dict[str, dict[str, Any]]) -> Tactic | None:
    if not phases:
        return None
    found = tactics.get(str(phases[0].get("phase_name")))
    if found is None:
        return None
    for ref in _list(found.get("external_references")):
        if isinstance(ref, dict) and isinstance(ref.get("external_id"), str):
            try:
                return Tactic(framework=framework, id=ref["external_id"], name=found.get("name") or None)
            except FieldError:
                return None
    return None


def _country(obj: dict[str, Any]) -> Country | None:
    code = obj.get("country")
    if isinstance(code, str):
        try:
            return Country(code=code)
        except FieldError:
            return None
    return None


def _locality(obj: dict[str, Any]) -> Locality | None:
    """A location with a ``city`` and a country: a locality (in its subdivision, when that is one of the country's)."""
    city, country = obj.get("city"), _country(obj)
    if not isinstance(city, str) or not city.strip() or country is None:
        return None
    area = obj.get("administrative_area")
    try:
        return Locality(name=city, country=country, subdivision=area if isinstance(area, str) else None)
    except FieldError:
        return Locality(name=city, country=country)


def _place(obj: dict[str, Any]) -> Country | Subdivision | Region | Locality | None:
    locality = _locality(obj)
    if locality is not None:
        return locality
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


def _foreign_report(obj: dict[str, Any] | None, bundle: dict[str, Any], found: _Bundle, operations: list[Operation]) -> Report:
    if obj is None:
        return Report(
            id=slugify(f"stix-{bundle['id'].split('--')[1]}"),
            title=f"Imported STIX bundle {bundle['id']}",
            publisher="unknown",
            operations=tuple(operations),
        )
    found.used.add(obj["id"])
    creator = found.by_id.get(obj.get("created_by_ref", ""))
    if creator is not None:
        found.used.add(creator["id"])
    urls = [ref["url"] for ref in _external_references(obj, "url")]
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
