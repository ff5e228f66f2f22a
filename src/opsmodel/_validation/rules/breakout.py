"""OPS4xx: a Breakout Scale rating that does not fit the platforms and communities recorded."""

from __future__ import annotations

from collections.abc import Iterator

from ..._core.errors import Problem
from ..._model.conduct import ImpactQualifier
from ..._model.operations import Operation
from ..engine import Context
from .base import WARNING, Family

FAMILY = Family()


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


@FAMILY.rule("OPS401", "breakout-category-1-multiplatform", WARNING)
def _breakout_one_multiplatform(operation: Operation, context: Context) -> Iterator[Problem]:
    """A Breakout Scale Category 1 rating (one platform, one community) on an operation whose assets span
    several platforms.
    """
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


@FAMILY.rule("OPS402", "breakout-category-2-one-community", WARNING)
def _breakout_two_single(operation: Operation, context: Context) -> Iterator[Problem]:
    """A Breakout Scale Category 2 rating on an operation recorded on a single platform with a single target
    community: Category 2 needs several platforms or a breakout into several communities.
    """
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


@FAMILY.rule("OPS403", "breakout-category-3-one-platform", WARNING)
def _breakout_three_single(operation: Operation, context: Context) -> Iterator[Problem]:
    """A Breakout Scale Category 3 rating (several communities on several platforms) on an operation recorded
    on a single platform.
    """
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


RULES = tuple(FAMILY.rules)
