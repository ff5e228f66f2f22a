"""OPS7xx: claims that cannot all be right: sources' roles, relations, attribution stances, confidence, voices."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..._core.errors import Problem
from ..._model.actors import AttributionRole
from ..._model.claims import AttributionStance, Voice
from ..._model.operations import Operation
from ..._model.relations import RelationKind
from ..._model.techniques import Confidence
from ..engine import Context
from .base import ERROR, WARNING, Family

FAMILY = Family()


def _unknown_sources(operation: Operation, name: str, field: str, say: Callable[[Any], str]) -> Iterator[Problem]:
    """A problem, with the message ``say(item)``, for every item of a list whose ``field`` names no source."""
    known = {source.id for source in operation.sources}
    for i, item in enumerate(getattr(operation, name)):
        value = getattr(item, field)
        if value is not None and value not in known:
            yield Problem(path=f"{name}[{i}].{field}", message=say(item), value=value)


@FAMILY.rule("OPS701", "source-covers-unknown", ERROR)
def _source_covers_unknown(operation: Operation, context: Context) -> Iterator[Problem]:
    """A source says it summarises, covers, maps or contests a source id that the operation does not define."""
    yield from _unknown_sources(
        operation, "sources", "covers", lambda s: f"source {s.id!r} covers {s.covers!r}, which is not a source of the operation"
    )


@FAMILY.rule("OPS702", "relation-described-in-unknown", ERROR)
def _relation_described_in_unknown(operation: Operation, context: Context) -> Iterator[Problem]:
    """A relation to an operation described elsewhere names a source id that the operation does not define."""
    yield from _unknown_sources(
        operation,
        "relations",
        "described_in",
        lambda r: f"operation {r.other!r} is said to be described in {r.described_in!r}, not a source",
    )


@FAMILY.rule("OPS703", "relation-no-link-contradicted", WARNING)
def _relation_no_link_contradicted(operation: Operation, context: Context) -> Iterator[Problem]:
    """The same claimant asserts no link to an operation and, in another relation, a link to it."""
    linked = {
        (relation.other, relation.claimant)
        for relation in operation.relations
        if relation.kind is not RelationKind.NO_LINK_ASSERTED
    }
    for i, relation in enumerate(operation.relations):
        if relation.kind is RelationKind.NO_LINK_ASSERTED and (relation.other, relation.claimant) in linked:
            who = relation.claimant or "the sources"
            message = f"{who} asserts no link to {relation.other!r} and, in another relation, a link"
            yield Problem(path=f"relations[{i}].kind", message=message, value=relation.kind.value)


@FAMILY.rule("OPS704", "attribution-declined-names-someone", WARNING)
def _attribution_declined_names_someone(operation: Operation, context: Context) -> Iterator[Problem]:
    """A claim that declines to attribute the operation names an actor or countries (to rule someone out,
    the stance is 'rejects').
    """
    for i, claim in enumerate(operation.attributions):
        if claim.stance is AttributionStance.DECLINES and (claim.actor is not None or claim.countries):
            message = f"{claim.claimant} declines to attribute, yet the claim names {claim.actor or 'countries'}"
            yield Problem(path=f"attributions[{i}].stance", message=message, value=claim.stance.value)


def _confidences(operation: Operation) -> Iterator[tuple[str, Confidence]]:
    for name in ("attributions", "relations", "techniques", "ai_uses"):
        for i, item in enumerate(getattr(operation, name)):
            if item.confidence is not None:
                yield f"{name}[{i}].confidence", item.confidence


@FAMILY.rule("OPS705", "confidence-score-off-scale", WARNING)
def _confidence_score_off_scale(operation: Operation, context: Context) -> Iterator[Problem]:
    """A confidence gives both a 0-100 score and a likelihood, and the score lies outside the likelihood's range
    on the ICD 203 scale.
    """
    for path, confidence in _confidences(operation):
        if confidence.score is None or confidence.likelihood is None:
            continue
        low, high = confidence.likelihood.range
        if not low <= confidence.score <= high:
            message = f"score {confidence.score} is outside {confidence.likelihood.value!r} ({low}-{high})"
            yield Problem(path=f"{path}.score", message=message, value=confidence.score)


def _voiced(operation: Operation) -> Iterator[tuple[str, Any]]:
    for name in ("attributions", "relations", "date_claims", "techniques", "ai_uses"):
        for i, item in enumerate(getattr(operation, name)):
            yield f"{name}[{i}]", item


@FAMILY.rule("OPS706", "relayed-own-claim", WARNING)
def _relayed_own_claim(operation: Operation, context: Context) -> Iterator[Problem]:
    """A claim is said to be relayed (or corroborated) by its sources, but every source it cites is the
    claimant's own publication: a publisher does not relay itself.
    """
    publishers = {source.id: source.publisher for source in operation.sources}
    for path, claim in _voiced(operation):
        if claim.voice not in (Voice.RELAYED, Voice.CORROBORATED) or claim.claimant is None or not claim.sources:
            continue
        if all(publishers.get(source_id) == claim.claimant for source_id in claim.sources):
            message = f"{claim.voice.value} claim of {claim.claimant!r} cites only {claim.claimant!r}'s own sources"
            yield Problem(path=f"{path}.voice", message=message, value=claim.voice.value)


_UNRUN_ROLES = frozenset({AttributionRole.SPONSOR, AttributionRole.BENEFICIARY, AttributionRole.ALIGNMENT})


@FAMILY.rule("OPS707", "awareness-without-operators", WARNING)
def _awareness_without_operators(operation: Operation, context: Context) -> Iterator[Problem]:
    """A claim says whether the operators were witting, but its role (sponsor, beneficiary, alignment) names
    no one who ran the operation.
    """
    for i, claim in enumerate(operation.attributions):
        if claim.awareness is not None and claim.role in _UNRUN_ROLES:
            message = f"{claim.awareness.value} operators in a claim of role {claim.role.value!r}"
            yield Problem(path=f"attributions[{i}].awareness", message=message, value=claim.awareness.value)


RULES = tuple(FAMILY.rules)
