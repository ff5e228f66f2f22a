"""Writing reports and operations as STIX 2.1 objects, one by one (see docs/reference/stix-mapping.md)."""

from __future__ import annotations

import datetime as dt
import functools
import re
import urllib.parse
from collections.abc import Generator, Iterable, Iterator, Mapping
from typing import Any

from ..._core.errors import BundleError, Problem, show_value
from ..._core.fields import words_of
from ..._model.actors import Actor, ActorKind, Attribution, AttributionRole, ClaimStatus
from ..._model.claims import AttributionStance, Voice
from ..._model.conduct import AIUse, Disruption, Narrative
from ..._model.dates import FuzzyDate, Period, Precision, RelativeDate
from ..._model.operations import Operation, Report
from ..._model.personas import Front, FrontKind, ImpersonatedKind, Impersonation
from ..._model.places import Audience, Country, Locality, Region, Subdivision, Target, TargetStatus
from ..._model.platforms import Asset
from ..._model.provenance import PublicationStatus, SourceAccess, SourceRole
from ..._model.relations import Relation, RelationKind
from ..._model.sources import Source
from ..._model.techniques import Confidence, Tactic, TechniqueRef, TechniqueUse
from ..._model.venues import Venue
from .codec import encode
from .ids import (
    DEFAULT_EPOCH,
    EXTENSION_ID,
    EXTENSION_SCHEMA_URL,
    EXTENSION_VERSION,
    OPENCTI_EXTENSION_ID,
    OPENCTI_PROPERTIES_EXTENSION_ID,
    OPSMODEL_IDENTITY_ID,
    TLP2_EXTENSION_ID,
    TLP_CREATED,
    TLP_MARKINGS,
    day_end,
    day_start,
    opencti_id,
    stix_id,
    timestamp,
)
from .regions import USER_ASSIGNED_REGIONS, region_vocabulary

FLAVOURS = ("stix", "opencti")

_STATE_KINDS = frozenset(
    {ActorKind.STATE, ActorKind.STATE_AGENCY, ActorKind.MILITARY_UNIT, ActorKind.REGIONAL_GOVERNMENT, ActorKind.STATE_MEDIA}
)
# An actor's kind as STIX's attack-resource-level-ov (the resources behind it); a loose set of hired
# individuals, or an actor of unknown kind, has no level STIX defines.
_RESOURCE_LEVELS = {
    **dict.fromkeys(
        (ActorKind.STATE, ActorKind.STATE_AGENCY, ActorKind.MILITARY_UNIT, ActorKind.REGIONAL_GOVERNMENT), "government"
    ),
    **dict.fromkeys(
        (
            ActorKind.STATE_MEDIA,
            ActorKind.COMMERCIAL_FIRM,
            ActorKind.COMMERCIAL_MEDIA,
            ActorKind.POLITICAL_PARTY,
            ActorKind.NON_STATE_GROUP,
            ActorKind.ORGANISATION,
        ),
        "organization",
    ),
    **dict.fromkeys((ActorKind.INDIVIDUAL, ActorKind.POLITICAL_FIGURE), "individual"),
}
_ORIGIN_ROLES = frozenset(
    {
        AttributionRole.ORIGIN,
        AttributionRole.OPERATOR_LOCATION,
        AttributionRole.OPERATOR,
        AttributionRole.SPONSOR,
        AttributionRole.CONTRACTOR,
    }
)
_KILL_CHAINS = {"disarm": "disarm", "attack": "mitre-attack", "meta-ookc": "meta-online-operations-kill-chain"}
# DISARM's own STIX bundle names its techniques' source "mitre-attack" (an ATT&CK-style bundle), and
# OpenCTI reads a technique id only from a "mitre-" source (or x_mitre_id): written this way, our
# DISARM techniques get the same OpenCTI standard id as DISARM's own objects, and merge with them
_SOURCE_NAMES = {"disarm": "mitre-attack", "attack": "mitre-attack", "meta-ookc": "meta-ookc"}


def _score(confidence: Confidence | None) -> int | None:
    if confidence is None:
        return None
    if confidence.score is not None:
        return confidence.score
    return _implied_score(confidence)


@functools.lru_cache(maxsize=1024)
def _implied_score(confidence: Confidence) -> int | None:
    """The middle of the range a confidence without a score implies (reading its words is slow; the
    same few confidences recur across a report)."""
    found = confidence.estimated_range
    return None if found is None else (found[0] + found[1]) // 2


@functools.lru_cache(maxsize=4096)
def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unnamed"


def _phase(text: str) -> str:
    """A kill chain or phase name as STIX wants it: lowercase, hyphenated, with at least one letter."""
    slug = _slug(text)
    return slug if slug.islower() else f"phase-{slug}"


def _short(text: str, limit: int = 250) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _moment(value: FuzzyDate) -> str:
    if value.precision is Precision.INSTANT:
        assert isinstance(value.value, dt.datetime)
        return timestamp(value.value)
    return day_start(value.first_day)


class _Scope:
    """The operation being written, its campaign's id and its marking: what every block of it needs."""

    __slots__ = ("campaign", "marking", "operation")

    def __init__(self, operation: Operation, campaign: str, marking: str | None) -> None:
        self.operation = operation
        self.campaign = campaign
        self.marking = marking


def _with_new_sdo(obj: dict[str, Any]) -> dict[str, Any]:
    """Mark an OpenCTI object type (channel, narrative, language) as defined by OpenCTI's extension."""
    obj["extensions"] = {OPENCTI_EXTENSION_ID: {"extension_type": "new-sdo"}}
    return obj


class Writer:
    """Turns operations into STIX objects, remembering only the ids it has already written."""

    def __init__(
        self,
        *,
        flavour: str = "stix",
        created: dt.datetime | None = None,
        tlp: str | None = None,
        operation_tlp: Mapping[str, str] | None = None,
        anchor: FuzzyDate | None = None,
        publisher: str | None = None,
        keep_refs: bool = True,
        payloads: bool = True,
    ) -> None:
        if flavour not in FLAVOURS:
            message = f"unknown flavour {show_value(flavour)}; expected 'stix' or 'opencti'"
            raise BundleError([Problem(code="bad-flavour", path="flavour", message=message, value=flavour)])
        self.opencti = flavour == "opencti"
        self.stamp = timestamp(created if created is not None else DEFAULT_EPOCH)
        self.tlp = _check_tlp(tlp)
        self.operation_tlp = {key: _check_tlp(value) for key, value in (operation_tlp or {}).items()}
        self.anchor = anchor
        self.publisher_id = stix_id("identity", _slug(publisher)) if publisher else None
        self.publisher = publisher
        self.seen: set[str] = set()
        self.shared_ids: dict[tuple[str, str], str] = {}
        # ids for the report's object_refs; a stream of operations (no report) keeps only shared ids
        self.keep_refs = keep_refs
        self.written: list[str] = []
        self.campaign_keys: dict[str, int] = {}
        # without them (only to compare the standard properties), the payloads' encoding is not paid
        self.payloads = payloads

    # ---- helpers -----------------------------------------------------------------------------

    def _base(self, kind: str, object_id: str, markings: str | None) -> dict[str, Any]:
        obj: dict[str, Any] = {
            "type": kind,
            "spec_version": "2.1",
            "id": object_id,
            "created": self.stamp,
            "modified": self.stamp,
        }
        if self.publisher_id is not None:
            obj["created_by_ref"] = self.publisher_id
        if markings is not None:
            obj["object_marking_refs"] = [TLP_MARKINGS[markings]]
        return obj

    def _new(self, object_id: str) -> bool:
        """Whether a shared object (a location, a technique...) is still to be written; remembers it."""
        if object_id in self.seen:
            return False
        self.seen.add(object_id)
        if self.keep_refs:
            self.written.append(object_id)
        return True

    def _shared_id(self, kind: str, key: str) -> str:
        """The id of an object many operations share, computed once per bundle."""
        found = self.shared_ids.get((kind, key))
        if found is None:
            found = self.shared_ids[kind, key] = stix_id(kind, key)
        return found

    def _record(self, object_id: str) -> None:
        """Note an object only this operation has (its campaign, relationships, notes): never a duplicate."""
        if self.keep_refs:
            self.written.append(object_id)

    # ---- header ------------------------------------------------------------------------------

    def header(self) -> Iterator[dict[str, Any]]:
        """opsmodel's identity and extension definition (not in the OpenCTI flavour), TLP markings and the
        publisher's identity."""
        if not self.opencti:
            yield from self._extension_definition()
        for level in dict.fromkeys([self.tlp, *self.operation_tlp.values()]):
            if level is not None:
                self._new(TLP_MARKINGS[level])
                yield {
                    "type": "marking-definition",
                    "spec_version": "2.1",
                    "id": TLP_MARKINGS[level],
                    "created": TLP_CREATED,
                    "name": f"TLP:{level.upper()}",
                    "extensions": {TLP2_EXTENSION_ID: {"extension_type": "property-extension", "tlp_2_0": level}},
                }
        if self.publisher_id is not None and self.publisher is not None:
            yield from self._identity(self.publisher_id, self.publisher, "organization", self.tlp)

    def _extension_definition(self) -> Iterator[dict[str, Any]]:
        """The definition of opsmodel's property extension and its author, opsmodel's identity.

        The OpenCTI flavour leaves both out: OpenCTI has no extension-definition entity, so pycti's
        splitter (every OpenCTI import goes through it) flags the object incompatible and drops it,
        while it passes the extension's payloads on the objects through untouched. No reader needs
        the definition in the bundle (``from_stix`` finds the payloads by the extension's id).
        """
        self._new(OPSMODEL_IDENTITY_ID)
        yield {
            "type": "identity",
            "spec_version": "2.1",
            "id": OPSMODEL_IDENTITY_ID,
            "created": "2024-01-01T00:00:00.000Z",
            "modified": "2024-01-01T00:00:00.000Z",
            "name": "opsmodel",
            "description": "The opsmodel project, which defines the opsmodel STIX 2.1 extension.",
            "identity_class": "system",
            "contact_information": "https://opsmodel.readthedocs.io/",
        }
        self._new(EXTENSION_ID)
        yield {
            "type": "extension-definition",
            "spec_version": "2.1",
            "id": EXTENSION_ID,
            "created_by_ref": OPSMODEL_IDENTITY_ID,
            "created": "2024-01-01T00:00:00.000Z",
            "modified": EXTENSION_VERSION,  # its version is its modified timestamp (see ids.py)
            "name": "opsmodel influence operations",
            "description": "Every fact of an opsmodel influence-operation model that no standard STIX property holds "
            "exactly (Breakout Scale ratings, AI use, counts with bounds, fuzzy dates, claims as worded).",
            "schema": EXTENSION_SCHEMA_URL,
            "version": EXTENSION_VERSION,
            "extension_types": ["property-extension"],
        }

    def _identity(self, object_id: str, name: str, identity_class: str, markings: str | None) -> Iterator[dict[str, Any]]:
        if self._new(object_id):
            obj = self._base("identity", object_id, markings)
            obj.pop("created_by_ref", None)
            obj["name"] = name
            obj["identity_class"] = identity_class
            yield obj

    # ---- operations --------------------------------------------------------------------------

    def campaign_id(self, operation: Operation) -> str:
        count = self.campaign_keys.get(operation.id, 0)
        self.campaign_keys[operation.id] = count + 1
        return stix_id("campaign", operation.id if count == 0 else f"{operation.id}#{count + 1}")

    def operation(self, operation: Operation, campaign: str, related: Mapping[str, str]) -> Iterator[dict[str, Any]]:
        """Every object for one operation, campaign first. ``related`` maps operation ids to campaign ids."""
        scope = _Scope(operation, campaign, self.operation_tlp.get(operation.id, self.tlp))
        self._record(campaign)
        yield self._campaign(scope)
        # each block is entered only when it has something to write: most operations leave
        # several empty, and a generator per empty block costs more than the test
        if operation.actors or operation.attributions:
            yield from self._claims(scope)
        if operation.targets:
            yield from self._targets(scope)
        if operation.techniques:
            yield from self._techniques(scope)
        if operation.ai_uses:
            yield from self._ai_uses(scope)
        if operation.assets:
            yield from self._assets(scope)
        if operation.narratives:
            yield from self._narratives(scope)
        if operation.venues or operation.fronts or operation.impersonations:
            yield from self._presentation(scope)
        if self.opencti and operation.languages:
            yield from self._languages(scope)
        if operation.impacts:
            yield from self._ratings(scope)
        if operation.disruptions:
            yield from self._disruptions(scope)
        if operation.notes is not None:
            yield self._note(campaign, "notes", "Notes", operation.notes, scope.marking)
        if operation.relations:
            yield from self._relations(scope, related)

    def _campaign(self, scope: _Scope) -> dict[str, Any]:
        operation = scope.operation
        obj = self._base("campaign", scope.campaign, scope.marking)
        obj["name"] = operation.name if operation.name is not None else operation.display_name
        if operation.summary is not None:
            obj["description"] = operation.summary
        aliases = list(dict.fromkeys(alias.name for alias in operation.aliases))
        if aliases:
            obj["aliases"] = aliases
        if operation.topics:
            obj["labels"] = list(dict.fromkeys(operation.topics))
        self._seen_times(obj, operation.activity)
        references = [_reference(source) for source in operation.sources]
        if references:
            obj["external_references"] = references
        if self.payloads:
            payload: dict[str, Any] = {"extension_type": "property-extension"}
            if operation.name is None:
                payload["unnamed"] = True
            payload["operation"] = encode(operation, skip=frozenset({"name", "summary"}))
            obj["extensions"] = {EXTENSION_ID: payload}
        return obj

    def _relationship(
        self, scope: _Scope, kind: str, target: str, key: str, description: str | None = None, confidence: int | None = None
    ) -> dict[str, Any]:
        """A relationship from the operation's campaign; ``key`` says which fact it stands for, for a stable id."""
        campaign = scope.campaign
        rel = self._base("relationship", stix_id("relationship", f"{campaign}|{key}|{target}"), scope.marking)
        rel["relationship_type"] = kind
        rel["source_ref"] = campaign
        rel["target_ref"] = target
        if description is not None:
            rel["description"] = description
        if confidence is not None:
            rel["confidence"] = confidence
        self._record(rel["id"])
        return rel

    def _claims(self, scope: _Scope) -> Iterator[dict[str, Any]]:
        """The actors, the attribution claims, and the actors named with no claim of their own."""
        actor_ids = yield from self._actors(scope)
        yield from self._attributions(scope, actor_ids)
        yield from self._unclaimed_actors(scope, actor_ids)

    def _actors(self, scope: _Scope) -> Generator[dict[str, Any], None, dict[str, str]]:
        """The operation's actors as threat actors (named ones shared across operations); returns their ids."""
        actor_ids: dict[str, str] = {}
        for index, actor in enumerate(scope.operation.actors):
            if actor.name is not None:
                actor_key = _slug(actor.name)
                name = actor.name
            else:
                actor_key = f"unnamed|{scope.campaign}|{index}"
                name = f"Unnamed actor ({_short(actor.description or actor.id, 80)})"
            actor_id = self._shared_id("threat-actor", actor_key)
            actor_ids[actor.id] = actor_id
            if self._new(actor_id):
                yield self._threat_actor(actor, actor_id, name, scope.marking if actor.name is None else self.tlp)
                for country in actor.locations:
                    yield from self._located_at(actor_id, country)
        return actor_ids

    def _threat_actor(self, actor: Actor, actor_id: str, name: str, marking: str | None) -> dict[str, Any]:
        ta = self._base("threat-actor", actor_id, marking)
        ta["name"] = name
        if actor.description is not None:
            ta["description"] = actor.description
        ta["threat_actor_types"] = ["nation-state" if actor.kind in _STATE_KINDS else "unknown"]
        level = _RESOURCE_LEVELS.get(actor.kind)
        if level is not None:
            ta["resource_level"] = level
        # a vendor's designation (Microsoft's Storm-1099) is another name the actor is known by
        names = list(dict.fromkeys((*actor.aliases, *(designation.name for designation in actor.designations))))
        if names:
            ta["aliases"] = names
        return ta

    def _located_at(self, actor_id: str, country: Country) -> Iterator[dict[str, Any]]:
        location = yield from self._country(country, self.tlp)
        located = self._base("relationship", stix_id("relationship", f"{actor_id}|located-at|{location}"), self.tlp)
        located.update(relationship_type="located-at", source_ref=actor_id, target_ref=location)
        if self._new(located["id"]):
            yield located

    def _attributions(self, scope: _Scope, actor_ids: Mapping[str, str]) -> Iterator[dict[str, Any]]:
        """Each claim as relationships to its actor and countries, created by the claimant.

        Only a current claim of origin (operator, sponsor...) is an ``attributed-to`` or
        ``originates-from``; any other claim is only ``related-to``.
        """
        for index, claim in enumerate(scope.operation.attributions):
            claimant = self._shared_id("identity", _slug(claim.claimant))
            yield from self._identity(claimant, claim.claimant, "organization", self.tlp)
            if claim.stance is not AttributionStance.ASSERTS:
                # declining to attribute, or ruling someone out, links no one: a note says it
                note = self._note(scope.campaign, f"attribution|{index}", "Attribution", _claim_text(claim), scope.marking)
                note["created_by_ref"] = claimant
                yield note
                continue
            strong = claim.status is ClaimStatus.CURRENT and claim.role in _ORIGIN_ROLES
            description = _claim_text(claim)
            claim_targets: list[tuple[str, str]] = []
            if claim.actor is not None and claim.actor in actor_ids:
                claim_targets.append(("attributed-to" if strong else "related-to", actor_ids[claim.actor]))
            for country in claim.countries:
                location = yield from self._country(country, self.tlp)
                claim_targets.append(("originates-from" if strong else "related-to", location))
            for kind, target_id in dict.fromkeys(claim_targets):  # a claim may name a country twice
                rel = self._relationship(
                    scope, kind, target_id, f"attribution|{index}", description=description, confidence=_score(claim.confidence)
                )
                rel["created_by_ref"] = claimant
                yield rel

    def _unclaimed_actors(self, scope: _Scope, actor_ids: Mapping[str, str]) -> Iterator[dict[str, Any]]:
        # an actor only ruled out (or named by a claim that declines) is linked by no claim
        claimed = {claim.actor for claim in scope.operation.attributions if claim.stance is AttributionStance.ASSERTS}
        for index, actor in enumerate(scope.operation.actors):
            if actor.id not in claimed:
                # named by the sources (a client, a parent, a front) without a claim of its own
                text = f"{actor.kind.value.replace('_', ' ')} named in the sources, with no attribution claim"
                yield self._relationship(scope, "related-to", actor_ids[actor.id], f"actor|{index}", description=text)

    def _targets(self, scope: _Scope) -> Iterator[dict[str, Any]]:
        """Each target as ``targets`` relationships to its places, audience and organisation; a place that is
        only a topic, a venue or an impersonated locale is ``related-to``, its role in the description."""
        for index, target in enumerate(scope.operation.targets):
            found = yield from self._target_objects(target)
            kind = "targets" if target.aimed_at else "related-to"
            description = _target_text(target)
            for object_id in dict.fromkeys(found):
                yield self._relationship(scope, kind, object_id, f"target|{index}", description=description)

    def _target_objects(self, target: Target) -> Generator[dict[str, Any], None, list[str]]:
        found: list[str] = []
        if target.place is not None:
            found = yield from self._place(target.place, self.tlp)
        if target.audience is not None:
            audience = yield from self._audience(target.audience)
            found.append(audience)
        if target.organisation is not None:
            name = target.organisation.name
            organisation = yield from self._named_identity("organisation", name, "organization", None)
            found.append(organisation)
        return found

    def _audience(self, audience: Audience) -> Generator[dict[str, Any], None, str]:
        audience_id = self._shared_id("identity", f"audience|{_slug(audience.name)}")
        if self._new(audience_id):
            ident = self._base("identity", audience_id, self.tlp)
            ident["name"] = audience.name
            ident["identity_class"] = "group"
            if audience.description is not None:
                ident["description"] = audience.description
            yield ident
        return audience_id

    def _techniques(self, scope: _Scope) -> Iterator[dict[str, Any]]:
        for index, use in enumerate(scope.operation.techniques):
            if use.technique is not None:
                pattern = yield from self._attack_pattern(use.technique, use.tactic, self.tlp)
            else:
                pattern = yield from self._phase_pattern(use, self.tlp)
            rel = self._relationship(
                scope, "uses", pattern, f"technique|{index}", description=_use_text(use), confidence=_score(use.confidence)
            )
            yield from self._claimed_by(rel, use.claimant)
            yield rel

    def _claimed_by(self, obj: dict[str, Any], claimant: str | None) -> Iterator[dict[str, Any]]:
        """Make ``claimant`` (a third party mapping a report, who says a tool was used) the object's author."""
        if claimant is not None:
            author = self._shared_id("identity", _slug(claimant))
            yield from self._identity(author, claimant, "organization", self.tlp)
            obj["created_by_ref"] = author

    def _ai_uses(self, scope: _Scope) -> Iterator[dict[str, Any]]:
        for index, ai in enumerate(scope.operation.ai_uses):
            name = ai.tool if ai.service or ai.model or ai.provider else "Unspecified AI service"
            tool = self._shared_id("tool", _slug(name))
            if self._new(tool):
                obj = self._base("tool", tool, self.tlp)
                obj["name"] = name
                if ai.provider is not None:
                    obj["description"] = f"AI service provided by {ai.provider}"
                yield obj
            rel = self._relationship(
                scope, "uses", tool, f"ai|{index}", description=_ai_text(ai), confidence=_score(ai.confidence)
            )
            yield from self._claimed_by(rel, ai.claimant)
            yield rel

    def _assets(self, scope: _Scope) -> Iterator[dict[str, Any]]:
        write = self._channel if self.opencti else self._infrastructure
        for index, asset in enumerate(scope.operation.assets):
            label = f"{scope.operation.display_name}: {asset.platform.display_name} {asset.kind.value}s"
            yield from write(scope, index, asset, label)

    def _channel(self, scope: _Scope, index: int, asset: Asset, label: str) -> Iterator[dict[str, Any]]:
        """An asset as an OpenCTI channel, shared by every operation with the same label."""
        channel = opencti_id("channel", label)
        if self._new(channel):
            obj = self._opencti_object("channel", channel, label, scope.marking)
            obj["channel_types"] = [asset.platform.display_name]
            if asset.note is not None:
                obj["description"] = asset.note
            yield _with_new_sdo(obj)
        yield self._relationship(scope, "related-to", channel, f"asset|{index}", description=str(asset))

    def _infrastructure(self, scope: _Scope, index: int, asset: Asset, label: str) -> Iterator[dict[str, Any]]:
        """An asset as STIX infrastructure of this operation alone."""
        infrastructure = stix_id("infrastructure", f"{scope.campaign}|{index}")
        self._record(infrastructure)
        obj = self._base("infrastructure", infrastructure, scope.marking)
        obj["name"] = label
        obj["description"] = str(asset) + (f". {asset.note}" if asset.note else "")
        obj["infrastructure_types"] = ["amplification"]
        yield obj
        yield self._relationship(scope, "uses", infrastructure, f"asset|{index}")

    def _narratives(self, scope: _Scope) -> Iterator[dict[str, Any]]:
        for index, narrative in enumerate(scope.operation.narratives):
            if self.opencti:
                yield from self._opencti_narrative(scope, index, narrative)
            else:
                yield self._note(scope.campaign, f"narrative|{index}", "Narrative", narrative.summary, scope.marking)

    def _opencti_narrative(self, scope: _Scope, index: int, narrative: Narrative) -> Iterator[dict[str, Any]]:
        name = _short(narrative.summary)
        narrative_id = opencti_id("narrative", name)
        if self._new(narrative_id):
            obj = self._opencti_object("narrative", narrative_id, name, scope.marking)
            obj["description"] = narrative.summary
            if narrative.topics:
                obj["narrative_types"] = list(dict.fromkeys(narrative.topics))
            yield _with_new_sdo(obj)
        yield self._relationship(scope, "related-to", narrative_id, f"narrative|{index}")

    def _languages(self, scope: _Scope) -> Iterator[dict[str, Any]]:
        for index, language in enumerate(scope.operation.languages):
            name = language.english_name if language.code is not None else str(language.name)
            language_id = opencti_id("language", name)
            if self._new(language_id):
                yield _with_new_sdo(self._opencti_object("language", language_id, name, self.tlp))
            yield self._relationship(scope, "related-to", language_id, f"language|{index}")

    def _opencti_object(self, kind: str, object_id: str, name: str, marking: str | None) -> dict[str, Any]:
        obj = self._base(kind, object_id, marking)
        obj["name"] = name
        return obj

    def _ratings(self, scope: _Scope) -> Iterator[dict[str, Any]]:
        for index, impact in enumerate(scope.operation.impacts):
            text = f"Breakout Scale: {impact}" + (f" ({impact.condition})" if impact.condition else "")
            if impact.rated_by:
                text += f", rated by {impact.rated_by}"
            if impact.rationale:
                text += f". {impact.rationale}"
            yield self._note(scope.campaign, f"impact|{index}", "Breakout Scale rating", text, scope.marking)

    def _disruptions(self, scope: _Scope) -> Iterator[dict[str, Any]]:
        """Each action against the operation as a note on its campaign.

        Not a course-of-action: STIX's is a recommended or taken measure that ``mitigates`` a
        technique, tool or vulnerability, never a campaign, and a takedown is a fact about the
        campaign, which a note states.
        """
        for index, action in enumerate(scope.operation.disruptions):
            yield self._note(scope.campaign, f"disruption|{index}", "Disruption", _disruption_text(action), scope.marking)

    def _relations(self, scope: _Scope, related: Mapping[str, str]) -> Iterator[dict[str, Any]]:
        """Relations to other operations of the report, as relationships between their campaigns.

        A relation is a claim: its confidence is the relationship's, its claimant the relationship's
        author. An explicit "no link asserted" links nothing, so it writes no relationship.
        """
        for index, relation in enumerate(scope.operation.relations):
            other = related.get(relation.other) if relation.described_in is None else None
            if other is None or other == scope.campaign or relation.kind is RelationKind.NO_LINK_ASSERTED:
                continue
            # STIX's common "duplicate-of" says two campaigns are one; OpenCTI has no such relationship
            same = relation.kind is RelationKind.SAME_AS and not self.opencti
            rel = self._relationship(
                scope,
                "duplicate-of" if same else "related-to",
                other,
                f"relation|{index}",
                description=_relation_text(relation),
                confidence=_score(relation.confidence),
            )
            yield from self._claimed_by(rel, relation.claimant)
            yield rel

    def _seen_times(self, obj: dict[str, Any], period: Period | None) -> None:
        if period is None:
            return
        start, end = period.start, period.end
        if isinstance(start, RelativeDate) and self.anchor is not None:
            start = start.resolve(self.anchor)
        if isinstance(end, RelativeDate) and self.anchor is not None:
            end = end.resolve(self.anchor)
        first = day_start(start.first_day) if isinstance(start, FuzzyDate) else None
        last = day_end(end.last_day) if isinstance(end, FuzzyDate) else None
        if first is not None:
            obj["first_seen"] = first
        if last is not None and (first is None or last >= first):
            obj["last_seen"] = last

    def _note(self, campaign: str, key: str, abstract: str, content: str, marking: str | None) -> dict[str, Any]:
        note_id = stix_id("note", f"{campaign}|{key}")
        self._record(note_id)
        obj = self._base("note", note_id, marking)
        obj["abstract"] = abstract
        obj["content"] = content
        obj["object_refs"] = [campaign]
        return obj

    def _country(self, country: Country, markings: str | None) -> Generator[dict[str, Any], None, str]:
        location = self._shared_id("location", f"country|{country.code}")
        if self._new(location):
            obj = self._base("location", location, markings)
            obj["name"] = country.name
            if country.code in USER_ASSIGNED_REGIONS:
                # Kosovo's XK is in wide use but not ISO 3166-1, which STIX's country property requires
                obj["region"] = USER_ASSIGNED_REGIONS[country.code]
            else:
                obj["country"] = country.code
            yield self._location_type(obj, "Country")
        return location

    def _location_type(self, obj: dict[str, Any], kind: str) -> dict[str, Any]:
        """Say the OpenCTI location type in the OpenCTI flavour: without it, OpenCTI guesses from the
        properties present, and makes a subdivision (it has ``country``) or Kosovo (``region``) the wrong kind."""
        if self.opencti:
            obj["x_opencti_location_type"] = kind
            obj["extensions"] = {OPENCTI_PROPERTIES_EXTENSION_ID: {"extension_type": "toplevel-property-extension"}}
        return obj

    def _place(
        self, place: Country | Subdivision | Region | Locality, markings: str | None
    ) -> Generator[dict[str, Any], None, list[str]]:
        if isinstance(place, Country):
            location = yield from self._country(place, markings)
            return [location]
        if isinstance(place, Locality):
            location = yield from self._locality(place, markings)
            return [location]
        if isinstance(place, Subdivision):
            location = self._shared_id("location", f"subdivision|{place.code}")
            if self._new(location):
                obj = self._base("location", location, markings)
                obj["name"] = place.name
                obj["country"] = place.country.code
                obj["administrative_area"] = place.code
                yield self._location_type(obj, "Administrative-Area")
            return [location]
        region = region_vocabulary(place.name)
        if region is None:
            # no STIX region for it: point at its member countries instead
            found = []
            for member in place.members:
                location = yield from self._country(member, markings)
                found.append(location)
            return found
        location = self._shared_id("location", f"region|{_slug(place.name)}")
        if self._new(location):
            obj = self._base("location", location, markings)
            obj["name"] = place.name
            obj["region"] = region
            if place.members:
                obj["description"] = "Countries: " + ", ".join(member.code for member in place.members)
            yield self._location_type(obj, "Region")
        return [location]

    def _locality(self, place: Locality, markings: str | None) -> Generator[dict[str, Any], None, str]:
        """A city or town as a STIX location with ``city``, in its country (and subdivision, when known)."""
        within = place.subdivision.code if place.subdivision is not None else place.country.code
        location = self._shared_id("location", f"locality|{within}|{_slug(place.name)}")
        if self._new(location):
            obj = self._base("location", location, markings)
            obj["name"] = place.name
            obj["city"] = place.name
            if place.country.code in USER_ASSIGNED_REGIONS:
                obj["region"] = USER_ASSIGNED_REGIONS[place.country.code]
            else:
                obj["country"] = place.country.code
            if place.subdivision is not None:
                obj["administrative_area"] = place.subdivision.code
            yield self._location_type(obj, "City")
        return location

    # ---- venues, fronts and impersonations (model 1.1) ------------------------------------------

    def _named_identity(
        self, key: str, name: str, identity_class: str, description: str | None
    ) -> Generator[dict[str, Any], None, str]:
        """A shared identity for a named outlet, front, organisation or impersonated body; returns its id."""
        identity_id = self._shared_id("identity", f"{key}|{_slug(name)}")
        if self._new(identity_id):
            ident = self._base("identity", identity_id, self.tlp)
            ident["name"] = name
            ident["identity_class"] = identity_class
            if description is not None:
                ident["description"] = description
            yield ident
        return identity_id

    def _presentation(self, scope: _Scope) -> Iterator[dict[str, Any]]:
        """Named third-party venues, fronts and impersonated bodies as identities the campaign is related to."""
        for index, venue in enumerate(scope.operation.venues):
            if venue.name is not None:
                venue_id = yield from self._named_identity("venue", venue.name, "organization", _venue_kind(venue))
                yield self._relationship(scope, "related-to", venue_id, f"venue|{index}", description=_venue_text(venue))
        for index, front in enumerate(scope.operation.fronts):
            cls = "individual" if front.presents_as is FrontKind.INFLUENCER else "organization"
            front_id = yield from self._named_identity("front", front.name, cls, front.self_description)
            yield self._relationship(scope, "related-to", front_id, f"front|{index}", description=_front_text(front))
        for index, body in enumerate(scope.operation.impersonations):
            cls = "individual" if body.kind is ImpersonatedKind.PERSON else "organization"
            body_id = yield from self._named_identity("impersonated", body.name, cls, None)
            text = _impersonation_text(body)
            yield self._relationship(scope, "related-to", body_id, f"impersonation|{index}", description=text)

    def _attack_pattern(
        self, technique: TechniqueRef, tactic: Tactic | None, markings: str | None
    ) -> Generator[dict[str, Any], None, str]:
        pattern = self._shared_id("attack-pattern", f"{technique.framework}|{technique.id}")
        if self._new(pattern):
            obj = self._base("attack-pattern", pattern, markings)
            obj["name"] = technique.name or technique.id
            reference: dict[str, Any] = {
                "source_name": _SOURCE_NAMES.get(technique.framework, technique.framework),
                "external_id": technique.id,
            }
            url = _technique_url(technique)
            if url is not None:
                reference["url"] = url
            obj["external_references"] = [reference]
            if tactic is not None:
                chain = _KILL_CHAINS.get(technique.framework) or _phase(technique.framework)
                obj["kill_chain_phases"] = [{"kill_chain_name": chain, "phase_name": _phase(tactic.name or tactic.id)}]
            yield obj
        return pattern

    def _phase_pattern(self, use: TechniqueUse, markings: str | None) -> Generator[dict[str, Any], None, str]:
        """A tactic mapped without a technique, as an attack pattern that has only its kill chain phase.

        It names no technique: it has no external id, so that no reader (OpenCTI above all) takes
        it for the framework's technique or merges it with one.
        """
        tactic = use.tactic
        assert tactic is not None  # a use has a technique, a tactic or both
        pattern = self._shared_id("attack-pattern", f"tactic|{tactic.framework}|{tactic.id}")
        if self._new(pattern):
            obj = self._base("attack-pattern", pattern, markings)
            obj["name"] = f"{tactic} (tactic, no technique named)"
            obj["description"] = f"Any technique of the {tactic.framework} tactic {tactic.id}"
            chain = _KILL_CHAINS.get(tactic.framework) or _phase(tactic.framework)
            obj["kill_chain_phases"] = [{"kill_chain_name": chain, "phase_name": _phase(tactic.name or tactic.id)}]
            yield obj
        return pattern

    # ---- the report --------------------------------------------------------------------------

    def report(self, report: Report, campaigns: list[str]) -> dict[str, Any]:
        report_id = stix_id("report", report.id)
        obj = self._base("report", report_id, self.tlp)
        obj["name"] = report.title
        if report.summary is not None:
            obj["description"] = report.summary
        obj["report_types"] = ["threat-report"]
        obj["published"] = _moment(report.published) if report.published is not None else self.stamp
        refs = [ref for ref in self.written if not ref.startswith(("marking-definition--", "extension-definition--"))]
        obj["object_refs"] = refs
        if report.url is not None:
            obj["external_references"] = [{"source_name": report.publisher, "url": report.url}]
        if self.payloads:
            payload: dict[str, Any] = {"extension_type": "property-extension"}
            payload["report"] = encode(report, skip=frozenset({"title", "summary", "operations"}))
            if campaigns:
                payload["operation_refs"] = campaigns
            obj["extensions"] = {EXTENSION_ID: payload}
        return obj


def _target_text(target: Target) -> str | None:
    """The relationship's description: the target's note, after its role, status, event and date when given."""
    parts = []
    if not target.aimed_at:
        parts.append(f"{words_of(target.role)} of the operation, not a target")
    if target.status is not TargetStatus.STATED:
        parts.append(f"{target.status.value} target")
    if target.event is not None:
        parts.append(f"event: {target.event}")
    if target.since is not None:
        parts.append(f"since {target.since}")
    if not parts:
        return target.note
    text = "; ".join(parts)
    return text if target.note is None else f"{text}. {target.note}"


def _venue_kind(venue: Venue) -> str:
    return words_of(venue.kind).capitalize()


def _venue_text(venue: Venue) -> str:
    text = f"{venue.role.value} venue of the operation: {venue}"
    return text if venue.note is None else f"{text}. {venue.note}"


def _front_text(front: Front) -> str:
    return f"front of the operation, presenting itself as {words_of(front.presents_as)}"


def _impersonation_text(body: Impersonation) -> str:
    methods = ", ".join(words_of(method) for method in body.methods)
    return "impersonated by the operation" + (f" ({methods})" if methods else "")


def _check_tlp(level: str | None) -> str | None:
    if level is None:
        return None
    key = level.strip().lower().removeprefix("tlp:")
    if key == "white":
        key = "clear"
    if key not in TLP_MARKINGS:
        choices = ", ".join(repr(k) for k in TLP_MARKINGS)
        message = f"{show_value(level)} is not a TLP 2.0 level; expected one of {choices}"
        raise BundleError([Problem(code="bad-tlp", path="tlp", message=message, value=level)])
    return key


def _claim_text(claim: Attribution) -> str:
    """An attribution claim in words: who, in which role, how (relayed, declined...), and its wording."""
    how = [claim.role.value.replace("_", " "), f"{claim.status.value} claim"]
    if claim.stance is not AttributionStance.ASSERTS:
        how.insert(0, {AttributionStance.DECLINES: "declines to attribute", AttributionStance.REJECTS: "rules out"}[claim.stance])
    if claim.voice is not Voice.SOURCE:
        how.append(_VOICES[claim.voice])
    if claim.awareness is not None:
        how.append(f"{claim.awareness.value} operators")
    what = f"{claim.claimant} ({', '.join(how)})"
    return f"{what}: {claim.wording}" if claim.wording else what


_VOICES = {
    Voice.RELAYED: "relayed by the sources, not verified",
    Voice.CORROBORATED: "corroborated by the sources",
    Voice.ANALYST: "the analyst's own assessment",
}


def _relation_text(relation: Relation) -> str:
    text: str = relation.kind.value.replace("_", " ")
    if relation.claimant is not None or relation.voice is not Voice.SOURCE:
        text += " (" + ", ".join(filter(None, [relation.claimant, _VOICES.get(relation.voice)])) + ")"
    return text + (f": {relation.note}" if relation.note else "")


def _use_text(use: TechniqueUse) -> str | None:
    """A technique use's procedure, with who mapped it when not the sources (a third party, the analyst)."""
    who = ", ".join(filter(None, [use.claimant, _VOICES.get(use.voice)]))
    if not who:
        return use.procedure
    return f"mapped by {who}" + (f": {use.procedure}" if use.procedure else "")


def _ai_text(ai: AIUse) -> str:
    """An AI use in words: the source's, else the tool and purposes; then how, when, where, how much."""
    said = [ai.wording or str(ai)]
    if ai.access is not None:
        said.append(f"access: {ai.access.value.replace('_', ' ')}" + (f" via {ai.via}" if ai.via else ""))
    if ai.period is not None:
        said.append(f"used {ai.period}")
    if ai.platforms:
        said.append("output on " + ", ".join(str(platform) for platform in ai.platforms))
    said.extend(f"output: {measure}" for measure in ai.output)
    if ai.claimant is not None or ai.voice is not Voice.SOURCE:
        said.append(", ".join(filter(None, [ai.claimant, _VOICES.get(ai.voice)])))
    return "; ".join(said)


def _disruption_text(action: Disruption) -> str:
    """An action against an operation in words, with the policy invoked, the other party and its description."""
    text = str(action)
    if action.policy is not None:
        text += f"; policy: {action.policy}"
    if action.party is not None:
        text += f"; party: {action.party}"
    return text + (f". {action.description}" if action.description else "")


def _provenance(source: Source) -> str:
    """What a source is and how it was read, when it is not simply a report read directly (else empty)."""
    said = []
    if source.role is not SourceRole.PRIMARY:
        said.append(source.role.value.replace("_", " ") + (f" of {source.covers!r}" if source.covers else ""))
    if source.access is not SourceAccess.DIRECT:
        said.append(f"read through {source.via or 'a ' + source.access.value}")
    if source.status is not PublicationStatus.PUBLISHED:
        said.append(f"publication {source.status.value}")
    return "; ".join(said)


def _reference(source: Source) -> dict[str, Any]:
    """A citation: named for a reader (publisher, else title), keyed by the source's id.

    OpenCTI keys an external reference on its ``url``, else on ``source_name`` with ``external_id``,
    and drops one with neither; the source's own id as ``external_id`` keeps every citation.
    """
    reference: dict[str, Any] = {"source_name": source.publisher or source.title or _unnamed_source(source)}
    provenance = _provenance(source)
    if source.title is not None:
        reference["description"] = f"{source.title} ({provenance})" if provenance else source.title
    elif provenance:
        reference["description"] = provenance
    if source.url is not None:
        reference["url"] = source.url
    reference["external_id"] = source.id
    return reference


def _unnamed_source(source: Source) -> str:
    """What a reader can be told of a source with neither publisher nor title: its web site, if known."""
    try:
        host = urllib.parse.urlsplit(source.url or "").hostname
    except ValueError:  # a URL as written in a report may be malformed ("http://[x")
        host = None
    return host.removeprefix("www.") if host else "Unnamed source"


def _technique_url(technique: TechniqueRef) -> str | None:
    if not re.fullmatch(r"[A-Za-z0-9.]+", technique.id):
        return None  # the model's id grammar lets Unicode digits and a final newline through; URLs may not
    if technique.framework == "disarm":
        return f"https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/techniques/{technique.id}.md"
    if technique.framework == "attack":
        return "https://attack.mitre.org/techniques/" + technique.id.replace(".", "/") + "/"
    return None


def iter_objects(
    source: Report | Iterable[Operation],
    *,
    flavour: str = "stix",
    created: dt.datetime | None = None,
    tlp: str | None = None,
    operation_tlp: Mapping[str, str] | None = None,
) -> Iterator[dict[str, Any]]:
    """Every STIX object for a report (report object last) or for a stream of operations."""
    return _iter_written(source, flavour=flavour, created=created, tlp=tlp, operation_tlp=operation_tlp, payloads=True)


def iter_standard(report: Report, *, flavour: str = "stix") -> Iterator[dict[str, Any]]:
    """:func:`iter_objects` of a report without opsmodel's extension payloads: only the standard properties.

    What raw-document validation compares with a bundle's objects; encoding the payloads again
    (most of the writing's cost) would be paid for properties it does not compare.
    """
    return _iter_written(report, flavour=flavour, created=None, tlp=None, operation_tlp=None, payloads=False)


def _iter_written(
    source: Report | Iterable[Operation],
    *,
    flavour: str,
    created: dt.datetime | None,
    tlp: str | None,
    operation_tlp: Mapping[str, str] | None,
    payloads: bool,
) -> Iterator[dict[str, Any]]:
    if isinstance(source, Report):
        report: Report | None = source
        operations: Iterable[Operation] = source.operations
        anchor = source.published
        if created is None and anchor is not None:
            created = (
                anchor.value
                if isinstance(anchor.value, dt.datetime)
                else dt.datetime.combine(anchor.first_day, dt.time(), tzinfo=dt.timezone.utc)
            )
        publisher: str | None = source.publisher
    else:
        report, operations, anchor, publisher = None, source, None, None
    writer = Writer(
        flavour=flavour,
        created=created,
        tlp=tlp,
        operation_tlp=operation_tlp,
        anchor=anchor,
        publisher=publisher,
        keep_refs=report is not None,
        payloads=payloads,
    )
    yield from writer.header()
    campaigns: list[str] = []
    if report is not None:
        # relations between operations of one report become relationships between their campaigns
        ids = [writer.campaign_id(op) for op in report.operations]
        related = {op.id: campaign for op, campaign in zip(reversed(report.operations), reversed(ids), strict=True)}
        for op, campaign in zip(report.operations, ids, strict=True):
            campaigns.append(campaign)
            yield from writer.operation(op, campaign, related)
        yield writer.report(report, campaigns)
    else:
        for op in operations:
            campaign = writer.campaign_id(op)
            yield from writer.operation(op, campaign, {})
