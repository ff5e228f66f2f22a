"""OPS8xx: what an operation did, told in ways that cannot all be right: AI uses, disruptions, framework
mappings, operation kinds, actors' places."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..._core.errors import Problem
from ..._model.conduct import AIAccess
from ..._model.dates import FuzzyDate, Period
from ..._model.measures import Counted
from ..._model.operations import Operation, OperationKind
from ..._model.relations import RelationKind
from ..engine import Context
from .base import WARNING, Family

FAMILY = Family()


@FAMILY.rule("OPS801", "actor-location-repeated", WARNING)
def _actor_location_repeated(operation: Operation, context: Context) -> Iterator[Problem]:
    """An actor's ``other_locations`` repeats its ``location`` or one another (each country is said once)."""
    for i, actor in enumerate(operation.actors):
        seen = {actor.location} if actor.location is not None else set()
        for j, country in enumerate(actor.other_locations):
            if country in seen:
                message = f"actor {actor.id!r} is located in {country.code} twice"
                yield Problem(path=f"actors[{i}].other_locations[{j}]", message=message, value=country.code)
            seen.add(country)


@FAMILY.rule("OPS802", "disruption-platform-repeated", WARNING)
def _disruption_platform_repeated(operation: Operation, context: Context) -> Iterator[Problem]:
    """A disruption's ``other_platforms`` repeats its ``platform`` or one another (each platform is said once)."""
    for i, action in enumerate(operation.disruptions):
        seen = {action.platform.id} if action.platform is not None else set()
        for j, platform in enumerate(action.other_platforms):
            if platform.id in seen:
                message = f"disruption by {action.by} names {platform} twice"
                yield Problem(path=f"disruptions[{i}].other_platforms[{j}]", message=message, value=platform.id)
            seen.add(platform.id)


# What an AI tool cannot produce: an audience, reach, or what is not content at all.
_NOT_OUTPUT = frozenset(
    {
        Counted.FOLLOWERS,
        Counted.SUBSCRIBERS,
        Counted.MEMBERS,
        Counted.VIEWS,
        Counted.IMPRESSIONS,
        Counted.CLUSTERS,
        Counted.ORGANISATIONS_TARGETED,
        Counted.PLATFORMS,
    }
)


@FAMILY.rule("OPS803", "ai-output-not-produced", WARNING)
def _ai_output_not_produced(operation: Operation, context: Context) -> Iterator[Problem]:
    """An AI use's ``output`` counts what a tool does not make (followers, views, impressions, clusters,
    organisations targeted, platforms): such figures belong in the operation's ``measures``.
    """
    for i, use in enumerate(operation.ai_uses):
        for j, measure in enumerate(use.output):
            if measure.of in _NOT_OUTPUT:
                message = f"{use.tool} is said to have produced {measure.of.value.replace('_', ' ')} ({measure})"
                yield Problem(path=f"ai_uses[{i}].output[{j}].of", message=message, value=measure.of.value)


_DIRECT = frozenset({AIAccess.WEB_APP, AIAccess.API, AIAccess.SELF_HOSTED})


@FAMILY.rule("OPS804", "ai-access-direct-via", WARNING)
def _ai_access_direct_via(operation: Operation, context: Context) -> Iterator[Problem]:
    """An AI use names an intermediary (``via``) while its ``access`` is direct (the app, the API, the
    operators' own machines): through a reseller, access is ``reseller``.
    """
    for i, use in enumerate(operation.ai_uses):
        if use.via is not None and use.access in _DIRECT:
            assert use.access is not None
            message = f"{use.tool} reached {use.access.value.replace('_', ' ')} directly, yet via {use.via!r}"
            yield Problem(path=f"ai_uses[{i}].via", message=message, value=use.via)


@FAMILY.rule("OPS805", "tactic-of-another-framework", WARNING)
def _tactic_of_another_framework(operation: Operation, context: Context) -> Iterator[Problem]:
    """A technique use places a technique of one framework under a tactic of another (a DISARM technique
    under an ATT&CK tactic).
    """
    for i, use in enumerate(operation.techniques):
        if use.technique is not None and use.tactic is not None and use.tactic.framework != use.technique.framework:
            message = (
                f"{use.technique.framework} technique {use.technique.id} under {use.tactic.framework} tactic {use.tactic.id}"
            )
            yield Problem(path=f"techniques[{i}].tactic.framework", message=message, value=use.tactic.framework)


@FAMILY.rule("OPS806", "overlap-of-too-few", WARNING)
def _overlap_of_too_few(operation: Operation, context: Context) -> Iterator[Problem]:
    """An operation of kind ``overlap`` (the part operations share) relates to fewer than two other
    operations: an overlap is of two or more.
    """
    if operation.kind is not OperationKind.OVERLAP:
        return
    others = {relation.other for relation in operation.relations if relation.kind is not RelationKind.NO_LINK_ASSERTED}
    if len(others) < 2:
        message = f"an overlap related to {len(others)} other operation{'' if len(others) == 1 else 's'}, not two or more"
        yield Problem(path="kind", message=message, value=operation.kind.value)


def _firm(date: object, end: str) -> dt.date | None:
    """The firm first (``end`` "first") or last day of an exact absolute date; None for any other date.

    Approximate and relative dates are never firm here, so that the rule stays sound on fuzzy data.
    """
    if not isinstance(date, FuzzyDate) or date.approximate:
        return None
    return date.earliest if end == "first" else date.latest


def _outside(date: FuzzyDate, period: Period) -> bool:
    """Whether ``date`` certainly falls before ``period`` starts or after it ends."""
    last, first = _firm(date, "last"), _firm(date, "first")
    start, end = _firm(period.start, "first"), _firm(period.end, "last")
    return (last is not None and start is not None and last < start) or (first is not None and end is not None and first > end)


@FAMILY.rule("OPS807", "disruption-date-outside-period", WARNING)
def _disruption_date_outside_period(operation: Operation, context: Context) -> Iterator[Problem]:
    """A disruption's ``date`` falls outside its own ``period`` (the span of a repeated action)."""
    for i, action in enumerate(operation.disruptions):
        if action.date is not None and action.period is not None and _outside(action.date, action.period):
            message = f"disruption by {action.by} dated {action.date}, outside its period {action.period}"
            yield Problem(path=f"disruptions[{i}].date", message=message, value=action.date)


RULES = tuple(FAMILY.rules)
