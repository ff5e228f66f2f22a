"""OPS3xx: the same thing recorded twice (operation, source and actor ids, aliases, techniques, entries)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..._core.errors import Problem, show_value
from ..._model.operations import Operation
from ..._model.techniques import TechniqueRef, TechniqueUse
from ..engine import Context
from .base import ERROR, WARNING, Family, describe

FAMILY = Family()


def _later_duplicates(keys: Iterable[Any]) -> Iterator[tuple[int, int]]:
    """(index, index of the first equal key) for every key seen before; None keys are skipped."""
    seen: dict[Any, int] = {}
    for index, key in enumerate(keys):
        if key is None:
            continue
        if key in seen:
            yield index, seen[key]
        else:
            seen[key] = index


@FAMILY.rule("OPS301", "duplicate-operation-id", ERROR)
def _duplicate_operation_id(operation: Operation, context: Context) -> Iterator[Problem]:
    """Two operations of a report (or of a JSON Lines corpus) have the same id."""
    if context.index is None:
        return
    first = context.operation_ids.get(operation.id)
    if first is None and context.report is not None:
        first = next((j for j, other in enumerate(context.report.operations) if other.id == operation.id), context.index)
    if first is not None and first < context.index:
        where = f"operations[{first}]" if context.report is not None else "an earlier line"
        yield Problem(path="id", message=f"id {operation.id!r} already used by {where}", value=operation.id)


@FAMILY.rule("OPS302", "duplicate-source-id", ERROR)
def _duplicate_source_id(operation: Operation, context: Context) -> Iterator[Problem]:
    """Two sources of an operation have the same id, so citations are ambiguous."""
    for i, first in _later_duplicates(source.id for source in operation.sources):
        source_id = operation.sources[i].id
        yield Problem(
            path=f"sources[{i}].id", message=f"source id {source_id!r} already used by sources[{first}]", value=source_id
        )


@FAMILY.rule("OPS303", "duplicate-actor-id", ERROR)
def _duplicate_actor_id(operation: Operation, context: Context) -> Iterator[Problem]:
    """Two actors of an operation have the same id, so references are ambiguous."""
    for i, first in _later_duplicates(actor.id for actor in operation.actors):
        actor_id = operation.actors[i].id
        yield Problem(path=f"actors[{i}].id", message=f"actor id {actor_id!r} already used by actors[{first}]", value=actor_id)


@FAMILY.rule("OPS304", "duplicate-alias", WARNING)
def _duplicate_alias(operation: Operation, context: Context) -> Iterator[Problem]:
    """The same alias (ignoring case) is recorded twice for the same user of the name, or repeats the
    operation's name.
    """
    name = operation.name.casefold().strip() if operation.name else None
    for i, alias in enumerate(operation.aliases):
        if alias.name.casefold().strip() == name:
            yield Problem(
                path=f"aliases[{i}].name", message=f"alias {alias.name!r} repeats the operation's name", value=alias.name
            )
    keys = ((alias.name.casefold().strip(), alias.used_by) for alias in operation.aliases)
    for i, first in _later_duplicates(keys):
        alias_name = operation.aliases[i].name
        yield Problem(
            path=f"aliases[{i}].name", message=f"alias {alias_name!r} already recorded as aliases[{first}]", value=alias_name
        )


def _technique_key(ref: TechniqueRef) -> tuple[str, str]:
    return (ref.framework, ref.id)


@FAMILY.rule("OPS305", "duplicate-technique", WARNING)
def _duplicate_technique(operation: Operation, context: Context) -> Iterator[Problem]:
    """The same technique is recorded twice with the same procedure (merge their evidence and sources)."""
    keys = (_use_key(use) for use in operation.techniques)
    for i, first in _later_duplicates(keys):
        use = operation.techniques[i]
        # a tactic mapped alone (model 1.1) repeats its tactic
        ref, field = (use.technique, "technique") if use.technique is not None else (use.tactic, "tactic")
        assert ref is not None
        message = f"{ref.framework} {ref.id} already recorded as techniques[{first}]"
        yield Problem(path=f"techniques[{i}].{field}", message=message, value=ref.id)


def _use_key(use: TechniqueUse) -> tuple[Any, ...]:
    if use.technique is not None:
        return (*_technique_key(use.technique), use.procedure)
    assert use.tactic is not None
    return ("tactic", use.tactic.framework, use.tactic.id, use.procedure)


@FAMILY.rule("OPS306", "duplicate-asset", WARNING)
def _duplicate_asset(operation: Operation, context: Context) -> Iterator[Problem]:
    """Assets of the same kind on the same platform are recorded twice with the same note (merge their
    counts).
    """
    keys = ((asset.platform.id, asset.kind, asset.note) for asset in operation.assets)
    for i, first in _later_duplicates(keys):
        asset = operation.assets[i]
        yield Problem(
            path=f"assets[{i}]",
            message=f"{asset.platform} {asset.kind.value}s already recorded as assets[{first}]",
            value=str(asset),
        )


_REPEATABLE = (
    "attributions",
    "targets",
    "topics",
    "narratives",
    "languages",
    "ai_uses",
    "impacts",
    "disruptions",
    "ad_spend",
    "relations",
)


@FAMILY.rule("OPS307", "duplicate-entry", WARNING)
def _duplicate_entry(operation: Operation, context: Context) -> Iterator[Problem]:
    """A list of the operation (attributions, targets, topics, narratives, languages, AI uses, ratings,
    disruptions, ad spend, relations) holds the same entry twice.
    """
    for name in _REPEATABLE:
        items: tuple[Any, ...] = getattr(operation, name)
        for i, item in enumerate(items):
            first = next((j for j in range(i) if items[j] == item), None)
            if first is not None:
                yield Problem(
                    path=f"{name}[{i}]",
                    message=f"{name}[{i}] repeats {name}[{first}] ({describe(item)})",
                    value=describe(item),
                )


def _campaign_name(operation: Operation) -> str:
    """The name a platform files the operation's campaign under, as OpenCTI compares names."""
    return operation.display_name.casefold().strip()


@FAMILY.rule("OPS308", "duplicate-operation-name", WARNING)
def _duplicate_operation_name(operation: Operation, context: Context) -> Iterator[Problem]:
    """Two operations of a report have the same name (ignoring case): OpenCTI, which identifies a campaign
    by its name, merges them into one.
    """
    if context.report is None or context.index is None or context.lines:
        return
    name = _campaign_name(operation)
    first = context.lookups.first_index(_campaign_name).get(name)
    if first is not None and first < context.index:
        path = "aliases[0].name" if operation.name is None and operation.aliases else "name"
        message = (
            f"name {show_value(operation.display_name)} already used by operations[{first}]; "
            "expected one name per operation (OpenCTI merges campaigns with one name)"
        )
        yield Problem(path=path, message=message, value=operation.display_name)


RULES = tuple(FAMILY.rules)
