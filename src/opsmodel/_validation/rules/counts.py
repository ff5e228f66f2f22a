"""OPS5xx: counts that contradict each other (removed more than there were, more names than the count)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..._core.errors import Problem, _count_of
from ..._model.counts import Count
from ..._model.operations import DisruptionAction, Operation
from ..._model.platforms import AssetKind
from ..engine import Context
from .base import ERROR, WARNING, Family

FAMILY = Family()


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


@FAMILY.rule("OPS501", "disruption-exceeds-assets", WARNING)
def _disruption_exceeds_assets(operation: Operation, context: Context) -> Iterator[Problem]:
    """A disruption removed more accounts, pages, groups or channels on a platform than the operation's assets
    on that platform can number.
    """
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


@FAMILY.rule("OPS502", "identifiers-exceed-count", ERROR)
def _identifiers_exceed_count(operation: Operation, context: Context) -> Iterator[Problem]:
    """An asset lists more distinct identifiers than its count allows."""
    for i, asset in enumerate(operation.assets):
        maximum = asset.count.maximum if asset.count is not None else None
        listed = len(set(asset.identifiers))
        if maximum is not None and listed > maximum:
            yield Problem(
                path=f"assets[{i}].count",
                message=f"{_count_of(listed, 'identifier')} listed, but the count is {asset.count}",
                value=str(asset.count),
            )


@FAMILY.rule("OPS503", "followers-without-assets", ERROR)
def _followers_without_assets(operation: Operation, context: Context) -> Iterator[Problem]:
    """An asset counted as none at all is said to have followers."""
    for i, asset in enumerate(operation.assets):
        if asset.count is None or asset.followers is None:
            continue
        followers = asset.followers.minimum
        if asset.count.maximum == 0 and followers is not None and followers > 0:
            yield Problem(
                path=f"assets[{i}].followers",
                message=f"followers ({asset.followers}) for a count of {asset.count}",
                value=str(asset.followers),
            )


RULES = tuple(FAMILY.rules)
