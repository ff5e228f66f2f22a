"""The built-in validation rules, one function each, registered in :data:`RULES` in code order.

Codes are stable: OPS1xx dates, OPS2xx references and sources, OPS3xx duplicates, OPS4xx
the Breakout Scale, OPS5xx counts, OPS6xx techniques and tactics against a catalogue (OPS0xx are the raw
document checks in :mod:`opsmodel._documents`). Every rule is sound on fuzzy data: two dates
are out of order only if they are on every reading ("since at least 2017" has no earliest day;
"around May 2023" is widened to April to June), and a count "at least 12" never contradicts a
larger one.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from dateutil.relativedelta import relativedelta

from .._model.counts import Count
from .._model.dates import DateLike, FuzzyDate, Period, Precision, RelativeDate
from .._model.operations import AttributionRole, DisruptionAction, ImpactQualifier, Operation
from .._model.platforms import AssetKind
from .._model.techniques import TechniqueRef
from .engine import Check, Context, Problem, Rule, Severity

__all__ = ["RULES", "RULES_BY_CODE", "rule"]

_REGISTERED: list[Rule] = []


def rule(code: str, name: str, severity: Severity, description: str) -> Callable[[Check], Check]:
    """Register the decorated check as a built-in rule."""

    def register(check: Check) -> Check:
        _REGISTERED.append(Rule(code=code, name=name, severity=severity, description=description, check=check))
        return check

    return register


ERROR, WARNING = Severity.ERROR, Severity.WARNING

# ---------------------------------------------------------------------------------------------
# Helpers


def _absolute(value: DateLike | None, context: Context) -> FuzzyDate | None:
    """The date as a FuzzyDate (relative ones resolved against the report's date), else None."""
    if isinstance(value, FuzzyDate):
        return value
    if isinstance(value, RelativeDate) and context.report is not None and context.report.published is not None:
        return _resolve(value, context.report.published)
    return None


@functools.lru_cache(maxsize=4096)
def _resolve(value: RelativeDate, anchor: FuzzyDate) -> FuzzyDate:
    return value.resolve(anchor)


# "around May 2023" is taken to mean within a month of May 2023: approximate dates are widened
# by one unit of their precision (a week for days) before any comparison.
_MARGIN = {
    Precision.YEAR: relativedelta(years=1),
    Precision.HALF: relativedelta(months=6),
    Precision.QUARTER: relativedelta(months=3),
    Precision.MONTH: relativedelta(months=1),
    Precision.DAY: relativedelta(days=7),
    Precision.INSTANT: relativedelta(days=7),
}


@functools.lru_cache(maxsize=4096)
def _bounds(value: FuzzyDate) -> tuple[dt.date | None, dt.date | None]:
    """The firm (earliest, latest) days of a date; approximate ones widened by their margin."""
    earliest, latest = value.earliest, value.latest
    if value.approximate:
        margin = _MARGIN[value.precision]
        earliest = None if earliest is None else _shift(earliest, -margin)
        latest = None if latest is None else _shift(latest, margin)
    return earliest, latest


def _shift(day: dt.date, by: relativedelta) -> dt.date | None:
    try:
        return day + by
    except (OverflowError, ValueError):  # beyond year 1 or 9999: no firm bound
        return None


def _earliest(value: FuzzyDate | None) -> dt.date | None:
    return None if value is None else _bounds(value)[0]


def _latest(value: FuzzyDate | None) -> dt.date | None:
    return None if value is None else _bounds(value)[1]


def _before(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    """Whether ``a`` certainly ends before ``b`` can begin."""
    a_latest, b_earliest = _latest(a), _earliest(b)
    return a_latest is not None and b_earliest is not None and a_latest < b_earliest


def _start(period: Period | None, context: Context) -> FuzzyDate | None:
    return None if period is None else _absolute(period.start, context)


def _facts(operation: Operation) -> Iterator[tuple[str, Any]]:
    """Every fact of the operation that cites sources, with its path."""
    for name in ("activity", "detected"):
        period: Period | None = getattr(operation, name)
        if period is not None:
            yield name, period
    for name in _CITING:
        for i, item in enumerate(getattr(operation, name)):
            yield f"{name}[{i}]", item


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
)


def _dated_facts(operation: Operation, context: Context) -> Iterator[tuple[str, FuzzyDate]]:
    """Every absolute date the operation states, with its path (relative ones resolved if possible)."""
    for name in ("activity", "detected"):
        period: Period | None = getattr(operation, name)
        if period is not None:
            for end in ("start", "end"):
                date = _absolute(getattr(period, end), context)
                if date is not None:
                    yield f"{name}.{end}", date
    for i, disruption in enumerate(operation.disruptions):
        if disruption.date is not None:
            yield f"disruptions[{i}].date", disruption.date
    for i, claim in enumerate(operation.attributions):
        if claim.claimed is not None:
            yield f"attributions[{i}].claimed", claim.claimed
    for i, impact in enumerate(operation.impacts):
        if impact.rated is not None:
            yield f"impacts[{i}].rated", impact.rated


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


# ---------------------------------------------------------------------------------------------
# OPS1xx: dates


@rule(
    "OPS101",
    "detected-before-activity",
    ERROR,
    "The detection period starts before the activity could have begun: an operation cannot be detected before it exists.",
)
def _detected_before_activity(operation: Operation, context: Context) -> Iterator[Problem]:
    detected, started = _start(operation.detected, context), _start(operation.activity, context)
    if _before(detected, started):
        yield Problem(
            path="detected.start", message=f"detected from {detected}, before the activity began ({started})", value=detected
        )


@rule(
    "OPS102",
    "disrupted-before-activity",
    ERROR,
    "A disruption is dated before the activity could have begun.",
)
def _disrupted_before_activity(operation: Operation, context: Context) -> Iterator[Problem]:
    started = _start(operation.activity, context)
    for i, disruption in enumerate(operation.disruptions):
        if _before(disruption.date, started):
            yield Problem(
                path=f"disruptions[{i}].date",
                message=f"disruption by {disruption.by} dated {disruption.date}, before the activity began ({started})",
                value=disruption.date,
            )


@rule(
    "OPS103",
    "date-after-report",
    ERROR,
    "A date of the operation (activity, detection, disruption, claim, rating) falls after the publication of the report "
    "that describes it.",
)
def _date_after_report(operation: Operation, context: Context) -> Iterator[Problem]:
    published = context.report.published if context.report is not None else None
    for path, date in _dated_facts(operation, context):
        if _before(published, date):
            yield Problem(path=path, message=f"{date} is after the report's publication ({published})", value=date)


@rule(
    "OPS104",
    "source-after-report",
    WARNING,
    "A source the operation cites was published after the report; fine for a corpus updated later, suspicious in one report.",
)
def _source_after_report(operation: Operation, context: Context) -> Iterator[Problem]:
    published = context.report.published if context.report is not None else None
    for i, source in enumerate(operation.sources):
        if _before(published, source.published):
            yield Problem(
                path=f"sources[{i}].published",
                message=f"source {source.id!r} published {source.published}, after the report ({published})",
                value=source.published,
            )


@rule(
    "OPS105",
    "disrupted-before-detected",
    WARNING,
    "A disruption is dated before the operation was detected.",
)
def _disrupted_before_detected(operation: Operation, context: Context) -> Iterator[Problem]:
    detected = _start(operation.detected, context)
    for i, disruption in enumerate(operation.disruptions):
        if _before(disruption.date, detected):
            yield Problem(
                path=f"disruptions[{i}].date",
                message=f"disruption by {disruption.by} dated {disruption.date}, before detection began ({detected})",
                value=disruption.date,
            )


@rule(
    "OPS106",
    "claim-before-activity",
    WARNING,
    "An attribution claim or a Breakout rating is dated before the activity it describes could have begun.",
)
def _claim_before_activity(operation: Operation, context: Context) -> Iterator[Problem]:
    started = _start(operation.activity, context)
    for i, claim in enumerate(operation.attributions):
        if _before(claim.claimed, started):
            yield Problem(
                path=f"attributions[{i}].claimed",
                message=f"claim by {claim.claimant} dated {claim.claimed}, before the activity began ({started})",
                value=claim.claimed,
            )
    for i, impact in enumerate(operation.impacts):
        if _before(impact.rated, started):
            yield Problem(
                path=f"impacts[{i}].rated",
                message=f"rating dated {impact.rated}, before the activity began ({started})",
                value=impact.rated,
            )


@rule(
    "OPS107",
    "relative-date-unanchored",
    WARNING,
    "A date is relative to the report ('over the last three months') but there is no report publication date to anchor it, "
    "so it cannot be placed in time or checked.",
)
def _relative_date_unanchored(operation: Operation, context: Context) -> Iterator[Problem]:
    if context.report is not None and context.report.published is not None:
        return
    for name in ("activity", "detected"):
        period: Period | None = getattr(operation, name)
        for end in ("start", "end"):
            value = getattr(period, end) if period is not None else None
            if isinstance(value, RelativeDate):
                yield Problem(path=f"{name}.{end}", message=f"{value} cannot be resolved without the report's date", value=value)


# ---------------------------------------------------------------------------------------------
# OPS2xx: references and sources


@rule(
    "OPS201",
    "relation-target-missing",
    ERROR,
    "A relation names an operation id that the report does not contain.",
)
def _relation_target_missing(operation: Operation, context: Context) -> Iterator[Problem]:
    if context.report is None:
        return
    known = context.operation_ids or {op.id: i for i, op in enumerate(context.report.operations)}
    for i, relation in enumerate(operation.relations):
        if relation.other not in known:
            yield Problem(
                path=f"relations[{i}].other",
                message=f"no operation {relation.other!r} in report {context.report.id!r}",
                value=relation.other,
            )


@rule(
    "OPS202",
    "relation-target-unchecked",
    WARNING,
    "A lone operation (not inside a report) relates to an operation that is not among those validated with it "
    "(the other lines of a JSON Lines corpus), so whether it exists cannot be checked.",
)
def _relation_target_unchecked(operation: Operation, context: Context) -> Iterator[Problem]:
    if context.report is not None:
        return
    for i, relation in enumerate(operation.relations):
        if relation.other != operation.id and relation.other not in context.operation_ids:
            yield Problem(
                path=f"relations[{i}].other",
                message=f"operation {relation.other!r} cannot be checked outside a report",
                value=relation.other,
            )


@rule("OPS203", "relation-to-self", ERROR, "An operation relates to itself.")
def _relation_to_self(operation: Operation, context: Context) -> Iterator[Problem]:
    for i, relation in enumerate(operation.relations):
        if relation.other == operation.id:
            yield Problem(
                path=f"relations[{i}].other",
                message=f"{relation.kind.value} relation to the operation itself",
                value=relation.other,
            )


@rule(
    "OPS204",
    "attribution-actor-unknown",
    ERROR,
    "An attribution names an actor id that the operation's actors do not define.",
)
def _attribution_actor_unknown(operation: Operation, context: Context) -> Iterator[Problem]:
    known = {actor.id for actor in operation.actors}
    for i, claim in enumerate(operation.attributions):
        if claim.actor is not None and claim.actor not in known:
            yield Problem(
                path=f"attributions[{i}].actor", message=f"no actor {claim.actor!r} in the operation", value=claim.actor
            )


@rule(
    "OPS205",
    "attribution-client-unknown",
    ERROR,
    "An attribution names a client id that the operation's actors do not define.",
)
def _attribution_client_unknown(operation: Operation, context: Context) -> Iterator[Problem]:
    known = {actor.id for actor in operation.actors}
    for i, claim in enumerate(operation.attributions):
        if claim.client is not None and claim.client not in known:
            yield Problem(
                path=f"attributions[{i}].client", message=f"no actor {claim.client!r} in the operation", value=claim.client
            )


@rule(
    "OPS206",
    "attribution-client-is-actor",
    ERROR,
    "An attribution names the same actor as the one acting and as its client.",
)
def _attribution_client_is_actor(operation: Operation, context: Context) -> Iterator[Problem]:
    for i, claim in enumerate(operation.attributions):
        if claim.client is not None and claim.client == claim.actor:
            yield Problem(
                path=f"attributions[{i}].client", message=f"actor {claim.actor!r} is named as its own client", value=claim.client
            )


_CLIENT_ROLES = (AttributionRole.CONTRACTOR, AttributionRole.OPERATOR)


@rule(
    "OPS207",
    "attribution-client-role",
    WARNING,
    "An attribution names a client but its role is neither 'contractor' nor 'operator', the roles that work for a client; "
    "or names a client without the actor who worked for it.",
)
def _attribution_client_role(operation: Operation, context: Context) -> Iterator[Problem]:
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


@rule("OPS208", "actor-parent-unknown", ERROR, "An actor's parent is an actor id that the operation does not define.")
def _actor_parent_unknown(operation: Operation, context: Context) -> Iterator[Problem]:
    known = {actor.id for actor in operation.actors}
    for i, actor in enumerate(operation.actors):
        if actor.parent is not None and actor.parent not in known:
            yield Problem(path=f"actors[{i}].parent", message=f"no actor {actor.parent!r} in the operation", value=actor.parent)


@rule("OPS209", "actor-parent-cycle", ERROR, "Actors' parents form a cycle (an actor is, through its parents, its own parent).")
def _actor_parent_cycle(operation: Operation, context: Context) -> Iterator[Problem]:
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


@rule(
    "OPS210",
    "source-unknown",
    ERROR,
    "A fact cites a source id that the operation's sources do not define.",
)
def _source_unknown(operation: Operation, context: Context) -> Iterator[Problem]:
    known = {source.id for source in operation.sources}
    for path, fact in _facts(operation):
        for j, source_id in enumerate(fact.sources):
            if source_id not in known:
                yield Problem(path=f"{path}.sources[{j}]", message=f"no source {source_id!r} in the operation", value=source_id)


@rule(
    "OPS211",
    "fact-uncited",
    WARNING,
    "A fact (activity or detection period, actor, attribution, alias, target, narrative, asset, technique, AI use, "
    "rating, disruption, relation) cites no source, in an operation that defines sources.",
)
def _fact_uncited(operation: Operation, context: Context) -> Iterator[Problem]:
    if not operation.sources:
        return
    for path, fact in _facts(operation):
        if not fact.sources:
            yield Problem(path=f"{path}.sources", message=f"{path} ({fact}) cites no source")


@rule("OPS212", "operation-unsourced", WARNING, "The operation defines no sources at all, so none of its facts can be traced.")
def _operation_unsourced(operation: Operation, context: Context) -> Iterator[Problem]:
    if not operation.sources:
        yield Problem(path="sources", message=f"operation {operation.id!r} defines no sources")


# ---------------------------------------------------------------------------------------------
# OPS3xx: duplicates


@rule("OPS301", "duplicate-operation-id", ERROR, "Two operations of a report (or of a JSON Lines corpus) have the same id.")
def _duplicate_operation_id(operation: Operation, context: Context) -> Iterator[Problem]:
    if context.index is None:
        return
    first = context.operation_ids.get(operation.id)
    if first is None and context.report is not None:
        first = next((j for j, other in enumerate(context.report.operations) if other.id == operation.id), context.index)
    if first is not None and first < context.index:
        where = f"operations[{first}]" if context.report is not None else "an earlier line"
        yield Problem(path="id", message=f"id {operation.id!r} already used by {where}", value=operation.id)


@rule("OPS302", "duplicate-source-id", ERROR, "Two sources of an operation have the same id, so citations are ambiguous.")
def _duplicate_source_id(operation: Operation, context: Context) -> Iterator[Problem]:
    for i, first in _later_duplicates(source.id for source in operation.sources):
        source_id = operation.sources[i].id
        yield Problem(
            path=f"sources[{i}].id", message=f"source id {source_id!r} already used by sources[{first}]", value=source_id
        )


@rule("OPS303", "duplicate-actor-id", ERROR, "Two actors of an operation have the same id, so references are ambiguous.")
def _duplicate_actor_id(operation: Operation, context: Context) -> Iterator[Problem]:
    for i, first in _later_duplicates(actor.id for actor in operation.actors):
        actor_id = operation.actors[i].id
        yield Problem(path=f"actors[{i}].id", message=f"actor id {actor_id!r} already used by actors[{first}]", value=actor_id)


@rule(
    "OPS304",
    "duplicate-alias",
    WARNING,
    "The same alias (ignoring case) is recorded twice for the same user of the name, or repeats the operation's name.",
)
def _duplicate_alias(operation: Operation, context: Context) -> Iterator[Problem]:
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


@rule(
    "OPS305",
    "duplicate-technique",
    WARNING,
    "The same technique is recorded twice with the same procedure (merge their evidence and sources).",
)
def _duplicate_technique(operation: Operation, context: Context) -> Iterator[Problem]:
    keys = ((*_technique_key(use.technique), use.procedure) for use in operation.techniques)
    for i, first in _later_duplicates(keys):
        technique = operation.techniques[i].technique
        yield Problem(
            path=f"techniques[{i}].technique",
            message=f"{technique.framework} {technique.id} already recorded as techniques[{first}]",
            value=technique.id,
        )


@rule(
    "OPS306",
    "duplicate-asset",
    WARNING,
    "Assets of the same kind on the same platform are recorded twice with the same note (merge their counts).",
)
def _duplicate_asset(operation: Operation, context: Context) -> Iterator[Problem]:
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


@rule(
    "OPS307",
    "duplicate-entry",
    WARNING,
    "A list of the operation (attributions, targets, topics, narratives, languages, AI uses, ratings, disruptions, "
    "ad spend, relations) holds the same entry twice.",
)
def _duplicate_entry(operation: Operation, context: Context) -> Iterator[Problem]:
    for name in _REPEATABLE:
        items: tuple[Any, ...] = getattr(operation, name)
        for i, item in enumerate(items):
            first = next((j for j in range(i) if items[j] == item), None)
            if first is not None:
                yield Problem(path=f"{name}[{i}]", message=f"{name}[{i}] repeats {name}[{first}] ({item})", value=str(item))


# ---------------------------------------------------------------------------------------------
# OPS4xx: the Breakout Scale


def _category_range(category: int, qualifier: ImpactQualifier) -> tuple[int, int] | None:
    if qualifier is ImpactQualifier.CONDITIONAL:
        return None
    if qualifier is ImpactQualifier.AT_MOST:
        return (1, category)
    if qualifier is ImpactQualifier.AT_LEAST:
        return (category, 6)
    return (category, category)


def _ratings(operation: Operation) -> Iterator[tuple[int, tuple[int, int]]]:
    """(index, category range) for every unconditional rating of the whole operation."""
    for i, impact in enumerate(operation.impacts):
        span = _category_range(impact.category, impact.qualifier)
        if span is not None and impact.scope is None:
            yield i, span


@rule(
    "OPS401",
    "breakout-category-1-multiplatform",
    WARNING,
    "A Breakout Scale Category 1 rating (one platform, one community) on an operation whose assets span several platforms.",
)
def _breakout_one_multiplatform(operation: Operation, context: Context) -> Iterator[Problem]:
    platforms = operation.platforms
    if len(platforms) < 2:
        return
    for i, span in _ratings(operation):
        if span[1] == 1:
            names = ", ".join(str(p) for p in platforms)
            yield Problem(
                path=f"impacts[{i}].category",
                message=f"Category 1 means one platform, but assets are on {len(platforms)} ({names})",
                value=1,
            )


@rule(
    "OPS402",
    "breakout-category-2-one-community",
    WARNING,
    "A Breakout Scale Category 2 rating on an operation recorded on a single platform with a single target community: "
    "Category 2 needs several platforms or a breakout into several communities.",
)
def _breakout_two_single(operation: Operation, context: Context) -> Iterator[Problem]:
    platforms = operation.platforms
    targets = list(dict.fromkeys(operation.targets))
    if len(platforms) != 1 or len(targets) != 1 or len(operation.languages) > 1:
        return
    for i, span in _ratings(operation):
        if span == (2, 2):
            yield Problem(
                path=f"impacts[{i}].category",
                message=f"Category 2, but the operation is recorded on one platform ({platforms[0]}) "
                f"with one target community ({targets[0]})",
                value=2,
            )


@rule(
    "OPS403",
    "breakout-category-3-one-platform",
    WARNING,
    "A Breakout Scale Category 3 rating (several communities on several platforms) on an operation recorded on "
    "a single platform.",
)
def _breakout_three_single(operation: Operation, context: Context) -> Iterator[Problem]:
    platforms = operation.platforms
    if len(platforms) != 1:
        return
    for i, span in _ratings(operation):
        if span == (3, 3):
            yield Problem(
                path=f"impacts[{i}].category",
                message=f"Category 3 means several platforms, but assets are only on {platforms[0]}",
                value=3,
            )


# ---------------------------------------------------------------------------------------------
# OPS5xx: counts

_ACTION_KINDS: dict[DisruptionAction, frozenset[AssetKind]] = {
    DisruptionAction.ACCOUNTS_BANNED: frozenset({AssetKind.ACCOUNT, AssetKind.BOT}),
    DisruptionAction.ACCOUNTS_SUSPENDED: frozenset({AssetKind.ACCOUNT, AssetKind.BOT}),
    DisruptionAction.PAGES_REMOVED: frozenset({AssetKind.PAGE}),
    DisruptionAction.GROUPS_REMOVED: frozenset({AssetKind.GROUP}),
    DisruptionAction.CHANNELS_REMOVED: frozenset({AssetKind.CHANNEL}),
}


def _sum_maximum(counts: Iterable[Count | None]) -> int | None:
    total = 0
    for count in counts:
        maximum = count.maximum if count is not None else None
        if maximum is None:
            return None
        total += maximum
    return total


@rule(
    "OPS501",
    "disruption-exceeds-assets",
    WARNING,
    "A disruption removed more accounts, pages, groups or channels on a platform than the operation's assets on that "
    "platform can number.",
)
def _disruption_exceeds_assets(operation: Operation, context: Context) -> Iterator[Problem]:
    for i, disruption in enumerate(operation.disruptions):
        kinds = _ACTION_KINDS.get(disruption.action)
        if kinds is None or disruption.platform is None or disruption.count is None:
            continue
        removed = disruption.count.minimum
        matching = [a for a in operation.assets if a.platform.id == disruption.platform.id and a.kind in kinds]
        available = _sum_maximum(a.count for a in matching) if matching else None
        if removed is not None and available is not None and removed > available:
            yield Problem(
                path=f"disruptions[{i}].count",
                message=f"{disruption.by} removed {disruption.count} on {disruption.platform}, but the assets there number "
                f"at most {available}",
                value=str(disruption.count),
            )


@rule(
    "OPS502",
    "identifiers-exceed-count",
    ERROR,
    "An asset lists more distinct identifiers than its count allows.",
)
def _identifiers_exceed_count(operation: Operation, context: Context) -> Iterator[Problem]:
    for i, asset in enumerate(operation.assets):
        maximum = asset.count.maximum if asset.count is not None else None
        listed = len(set(asset.identifiers))
        if maximum is not None and listed > maximum:
            yield Problem(
                path=f"assets[{i}].count",
                message=f"{listed} identifiers listed, but the count is {asset.count}",
                value=str(asset.count),
            )


@rule(
    "OPS503",
    "followers-without-assets",
    ERROR,
    "An asset counted as none at all is said to have followers.",
)
def _followers_without_assets(operation: Operation, context: Context) -> Iterator[Problem]:
    for i, asset in enumerate(operation.assets):
        if asset.count is None or asset.followers is None:
            continue
        followers = asset.followers.minimum
        if asset.count.maximum == 0 and followers is not None and followers > 0:
            yield Problem(
                path=f"assets[{i}].followers",
                message=f"{asset.followers} followers for a count of {asset.count}",
                value=str(asset.followers),
            )


# ---------------------------------------------------------------------------------------------
# OPS6xx: techniques against a catalogue


def _catalogue_rule(code: str) -> Check:
    def check(operation: Operation, context: Context) -> Iterator[Problem]:
        if context.catalogue is None:
            return
        from .catalogues import problems

        for found, path, message, value in problems(context.catalogue, operation):
            if found == code:
                yield Problem(path=path, message=message, value=value)

    return check


rule(
    "OPS601",
    "technique-unknown",
    ERROR,
    "A technique id does not exist in the given catalogue version (only checked when a catalogue is passed).",
)(_catalogue_rule("OPS601"))
rule(
    "OPS602",
    "technique-removed",
    ERROR,
    "A technique id existed in an earlier version of the framework but was removed from the given catalogue version.",
)(_catalogue_rule("OPS602"))
rule(
    "OPS603",
    "technique-name-mismatch",
    WARNING,
    "A technique is recorded with a name that differs from the catalogue's name for its id (a mistyped id, "
    "or a renamed technique).",
)(_catalogue_rule("OPS603"))
rule(
    "OPS604",
    "tactic-unknown",
    ERROR,
    "A technique use names a tactic id that does not exist in the given catalogue version.",
)(_catalogue_rule("OPS604"))
rule(
    "OPS605",
    "tactic-mismatch",
    WARNING,
    "A technique use places the technique under a tactic that the catalogue version does not put it under.",
)(_catalogue_rule("OPS605"))

RULES: tuple[Rule, ...] = tuple(_REGISTERED)
RULES_BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
