"""OPS5xx: counts that contradict each other (removed more than there were, more names than the count, a share
over the whole, one item above the whole, more seen than made)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs

from ..._core.errors import Problem, count_of
from ..._model.conduct import DisruptionAction
from ..._model.counts import Count
from ..._model.measures import WHOLE_SCOPES, Counted, Measure, MeasureScope, MeasureStage
from ..._model.operations import Operation
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
                message=f"{count_of(listed, 'identifier')} listed, but the count is {asset.count}",
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


@FAMILY.rule("OPS504", "share-over-whole", ERROR)
def _share_over_whole(operation: Operation, context: Context) -> Iterator[Problem]:
    """A measure's share is more than the whole (over 100%) on every reading."""
    for i, measure in enumerate(operation.measures):
        share = measure.share
        if share is not None and share.minimum > 1:
            yield Problem(path=f"measures[{i}].share", message=f"a share of {share} is more than the whole", value=str(share))


def _alike(a: Measure, b: Measure) -> bool:
    """Whether two measures count the same thing on the same platform, stage, date and period, so that they compare.

    Figures taken at different dates or over different periods may differ without contradiction.
    """
    same_platform = (a.platform and a.platform.id) == (b.platform and b.platform.id)
    same_time = (a.as_of, a.period) == (b.as_of, b.period)
    # the kind of assets matters when assets are counted; a per-page figure still falls within all followers
    same_assets = a.of is not Counted.ASSETS or a.asset_kind == b.asset_kind
    return (a.of, a.stage, a.subset) == (b.of, b.stage, b.subset) and same_assets and same_platform and same_time


def _most(measures: Iterable[tuple[int, Measure]]) -> tuple[int, int] | None:
    """The index and firm maximum of the measure whose count is smallest at most, if any has a firm maximum."""
    bounded = [(m.count.maximum, i) for i, m in measures if m.count is not None and m.count.maximum is not None]
    if not bounded:
        return None
    maximum, index = min(bounded)
    return index, maximum


@FAMILY.rule("OPS505", "item-exceeds-whole", WARNING)
def _item_exceeds_whole(operation: Operation, context: Context) -> Iterator[Problem]:
    """One item's figure (each, typical, largest...) is larger than a total, sum or union of the same thing on the
    same platform: "the largest page had 40,000 followers" against "the pages had 9,000 followers in all".
    A union (each follower once) larger than the sum of the same figure is pointed out too.
    """
    wholes = [(i, m) for i, m in enumerate(operation.measures) if m.scope in WHOLE_SCOPES]
    sums = [(i, m) for i, m in wholes if m.scope is MeasureScope.SUM]
    for i, measure in enumerate(operation.measures):
        against = wholes if measure.per_item else sums if measure.scope is MeasureScope.UNION else []
        least = measure.count.minimum if measure.count is not None else None
        found = _most((j, m) for j, m in against if j != i and _alike(m, measure))
        if least is not None and found is not None and least > found[1]:
            whole = operation.measures[found[0]]
            yield Problem(
                path=f"measures[{i}].count",
                message=f"{measure} is more than the {whole.scope.value} measures[{found[0]}] ({whole})",
                value=str(measure.count),
            )


_LATER_STAGES = frozenset({MeasureStage.PUBLISHED, MeasureStage.OBSERVED})


@FAMILY.rule("OPS506", "observed-exceeds-produced", WARNING)
def _observed_exceeds_produced(operation: Operation, context: Context) -> Iterator[Problem]:
    """More content is published or observed than was produced, for the same thing, scope and platform
    ("150 replies generated" and "200 replies visible").
    """
    produced = [(i, m) for i, m in enumerate(operation.measures) if m.stage is MeasureStage.PRODUCED]
    for i, measure in enumerate(operation.measures):
        least = measure.count.minimum if measure.count is not None else None
        if measure.stage not in _LATER_STAGES or least is None:
            continue
        later = attrs.evolve(measure, stage=MeasureStage.PRODUCED)
        found = _most((j, m) for j, m in produced if _alike(m, later) and m.scope is measure.scope and m.per == measure.per)
        if found is not None and least > found[1]:
            yield Problem(
                path=f"measures[{i}].count",
                message=f"{measure} {measure.stage.value}, but measures[{found[0]}] says {found[1]:,} at most were produced",
                value=str(measure.count),
            )


def _per_asset_followers(measure: Measure) -> bool:
    """Whether the measure is one asset's followers on a named platform, taken at no stated date or period."""
    timeless = measure.as_of is None and measure.period is None
    on_assets = measure.of is Counted.FOLLOWERS and measure.per_item and measure.item is Counted.ASSETS
    return on_assets and measure.platform is not None and measure.count is not None and timeless


@FAMILY.rule("OPS507", "item-exceeds-asset-followers", WARNING)
def _item_exceeds_asset_followers(operation: Operation, context: Context) -> Iterator[Problem]:
    """One asset's followers ("the largest page had 40,000 followers") are more than the operation's assets of that
    kind on that platform have together (their ``followers``).
    """
    for i, measure in enumerate(operation.measures):
        if not _per_asset_followers(measure):
            continue
        platform, kind = measure.platform, measure.asset_kind
        matching = [a for a in operation.assets if platform and a.platform.id == platform.id and kind in (None, a.kind)]
        together = _sum_maximum(a.followers for a in matching) if matching else None
        least = measure.count.minimum if measure.count is not None else None
        if least is not None and together is not None and least > together:
            yield Problem(
                path=f"measures[{i}].count",
                message=f"{measure} on {platform}, but the assets there have at most {together:,} followers together",
                value=str(measure.count),
            )


RULES = tuple(FAMILY.rules)
