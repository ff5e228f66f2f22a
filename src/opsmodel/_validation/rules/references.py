"""OPS2xx: references that resolve (relations, actors, clients, parents) and facts traced to sources."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..._core.errors import Problem
from ..._model.actors import AttributionRole
from ..._model.claims import Voice
from ..._model.dates import Period
from ..._model.operations import Operation
from ..engine import Context
from .base import ERROR, WARNING, Family, describe

FAMILY = Family()


def _facts(operation: Operation) -> Iterator[tuple[str, Any]]:
    """Every fact of the operation that cites sources, with its path."""
    for name in ("activity", "detected"):
        period: Period | None = getattr(operation, name)
        if period is not None:
            yield name, period
    for name in _CITING:
        for i, item in enumerate(getattr(operation, name)):
            yield f"{name}[{i}]", item


def _conduct_parts(operation: Operation) -> Iterator[tuple[str, Any]]:
    """The parts of conduct facts that cite sources of their own (model 1.1): an AI use's period and output,
    a disruption's period, an actor's designations. They need no citation of their own (their fact has one)."""
    for i, use in enumerate(operation.ai_uses):
        if use.period is not None:
            yield f"ai_uses[{i}].period", use.period
        yield from ((f"ai_uses[{i}].output[{j}]", measure) for j, measure in enumerate(use.output))
    for i, action in enumerate(operation.disruptions):
        if action.period is not None:
            yield f"disruptions[{i}].period", action.period
    for i, actor in enumerate(operation.actors):
        yield from ((f"actors[{i}].designations[{j}]", designation) for j, designation in enumerate(actor.designations))


_CITING = (
    "actors",
    "attributions",
    "aliases",
    "targets",
    "narratives",
    "assets",
    "techniques",
    "ai_uses",
    "impacts",
    "disruptions",
    "relations",
    "date_claims",
    # model 1.1: venues, personas, fronts, impersonations, artefacts, language uses
    "venues",
    "personas",
    "fronts",
    "impersonations",
    "artefacts",
    "language_uses",
)


def _relations(operation: Operation, wrong: Callable[[str], bool], say: Callable[[str], str]) -> Iterator[Problem]:
    """A problem, with the message ``say(other)``, for every relation to an operation id that is ``wrong``.

    A relation to an operation described in another source (``described_in``) is not looked for here.
    """
    for i, relation in enumerate(operation.relations):
        if relation.described_in is None and wrong(relation.other):
            yield Problem(path=f"relations[{i}].other", message=say(relation.other), value=relation.other)


@FAMILY.rule("OPS201", "relation-target-missing", ERROR)
def _relation_target_missing(operation: Operation, context: Context) -> Iterator[Problem]:
    """A relation names an operation id that the report does not contain."""
    report = context.report
    if report is None:
        return
    known = context.operation_ids or {op.id: i for i, op in enumerate(report.operations)}
    yield from _relations(
        operation, lambda other: other not in known, lambda other: f"no operation {other!r} in report {report.id!r}"
    )


@FAMILY.rule("OPS202", "relation-target-unchecked", WARNING)
def _relation_target_unchecked(operation: Operation, context: Context) -> Iterator[Problem]:
    """A lone operation (not inside a report) relates to an operation that is not among those validated with
    it (the other lines of a JSON Lines corpus), so whether it exists cannot be checked.
    """
    if context.report is not None:
        return
    known = context.operation_ids  # with the operation itself, not copied per operation (a corpus has many)
    yield from _relations(
        operation,
        lambda other: other != operation.id and other not in known,
        lambda other: f"operation {other!r} cannot be checked outside a report",
    )


@FAMILY.rule("OPS203", "relation-to-self", ERROR)
def _relation_to_self(operation: Operation, context: Context) -> Iterator[Problem]:
    """An operation relates to itself (not one of the same id in another source, named by ``described_in``)."""
    for i, relation in enumerate(operation.relations):
        if relation.described_in is None and relation.other == operation.id:
            message = f"{relation.kind.value} relation to the operation itself"
            yield Problem(path=f"relations[{i}].other", message=message, value=relation.other)


@FAMILY.rule("OPS204", "attribution-actor-unknown", ERROR)
def _attribution_actor_unknown(operation: Operation, context: Context) -> Iterator[Problem]:
    """An attribution names an actor id that the operation's actors do not define."""
    yield from _unknown_actors(operation, "actor")


@FAMILY.rule("OPS205", "attribution-client-unknown", ERROR)
def _attribution_client_unknown(operation: Operation, context: Context) -> Iterator[Problem]:
    """An attribution names a client id that the operation's actors do not define."""
    yield from _unknown_actors(operation, "client")


def _unknown_actors(operation: Operation, role: str) -> Iterator[Problem]:
    """A problem for every attribution whose ``role`` (``actor`` or ``client``) is not an actor of the operation."""
    known = {actor.id for actor in operation.actors}
    for i, claim in enumerate(operation.attributions):
        named = getattr(claim, role)
        if named is not None and named not in known:
            yield Problem(path=f"attributions[{i}].{role}", message=f"no actor {named!r} in the operation", value=named)


@FAMILY.rule("OPS206", "attribution-client-is-actor", ERROR)
def _attribution_client_is_actor(operation: Operation, context: Context) -> Iterator[Problem]:
    """An attribution names the same actor as the one acting and as its client."""
    for i, claim in enumerate(operation.attributions):
        if claim.client is not None and claim.client == claim.actor:
            yield Problem(
                path=f"attributions[{i}].client", message=f"actor {claim.actor!r} is named as its own client", value=claim.client
            )


_CLIENT_ROLES = (AttributionRole.CONTRACTOR, AttributionRole.OPERATOR)


@FAMILY.rule("OPS207", "attribution-client-role", WARNING)
def _attribution_client_role(operation: Operation, context: Context) -> Iterator[Problem]:
    """An attribution names a client but its role is neither 'contractor' nor 'operator', the roles that work
    for a client; or names a client without the actor who worked for it.
    """
    for i, claim in enumerate(operation.attributions):
        if claim.client is None:
            continue
        if claim.role not in _CLIENT_ROLES:
            yield Problem(
                path=f"attributions[{i}].role",
                message=f"role {claim.role.value!r} with client {claim.client!r}; expected 'contractor' or 'operator'",
                value=claim.role.value,
            )
        elif claim.actor is None:
            yield Problem(
                path=f"attributions[{i}].actor",
                message=f"client {claim.client!r} named without the actor who worked for it",
                value=None,
            )


@FAMILY.rule("OPS208", "actor-parent-unknown", ERROR)
def _actor_parent_unknown(operation: Operation, context: Context) -> Iterator[Problem]:
    """An actor's parent is an actor id that the operation does not define."""
    known = {actor.id for actor in operation.actors}
    for i, actor in enumerate(operation.actors):
        if actor.parent is not None and actor.parent not in known:
            yield Problem(path=f"actors[{i}].parent", message=f"no actor {actor.parent!r} in the operation", value=actor.parent)


@FAMILY.rule("OPS209", "actor-parent-cycle", ERROR)
def _actor_parent_cycle(operation: Operation, context: Context) -> Iterator[Problem]:
    """Actors' parents form a cycle (an actor is, through its parents, its own parent)."""
    parents = {actor.id: actor.parent for actor in operation.actors}
    index = {actor.id: i for i, actor in reversed(list(enumerate(operation.actors)))}
    for i, actor in enumerate(operation.actors):
        cycle = [actor.id]
        current = actor.parent
        while current is not None and current not in cycle:
            cycle.append(current)
            current = parents.get(current)
        # report each cycle once, at its first actor
        if current == actor.id and i == min(index[member] for member in cycle):
            yield Problem(
                path=f"actors[{i}].parent",
                message=f"actor {actor.id!r} is its own ancestor: {' -> '.join([*cycle, actor.id])}",
                value=actor.parent,
            )


@FAMILY.rule("OPS210", "source-unknown", ERROR)
def _source_unknown(operation: Operation, context: Context) -> Iterator[Problem]:
    """A fact cites a source id that the operation's sources do not define."""
    known = {source.id for source in operation.sources}
    for path, fact in (*_facts(operation), *_conduct_parts(operation)):
        for j, source_id in enumerate(fact.sources):
            if source_id not in known:
                yield Problem(path=f"{path}.sources[{j}]", message=f"no source {source_id!r} in the operation", value=source_id)


@FAMILY.rule("OPS211", "fact-uncited", WARNING)
def _fact_uncited(operation: Operation, context: Context) -> Iterator[Problem]:
    """A fact (activity or detection period, actor, attribution, alias, target, narrative, asset, technique,
    AI use, rating, disruption, relation, date claim) cites no source, in an operation that defines sources.
    The analyst's own claims (voice 'analyst') need none.
    """
    if not operation.sources:
        return
    for path, fact in _facts(operation):
        if not fact.sources and getattr(fact, "voice", None) is not Voice.ANALYST:
            yield Problem(path=f"{path}.sources", message=f"{path} ({describe(fact)}) cites no source")


@FAMILY.rule("OPS212", "operation-unsourced", WARNING)
def _operation_unsourced(operation: Operation, context: Context) -> Iterator[Problem]:
    """The operation defines no sources at all, so none of its facts can be traced."""
    if not operation.sources:
        yield Problem(path="sources", message=f"operation {operation.id!r} defines no sources")


RULES = tuple(FAMILY.rules)
