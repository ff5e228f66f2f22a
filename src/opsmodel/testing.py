"""Hypothesis strategies for every opsmodel class, for testing code that handles opsmodel data.

This module needs `hypothesis <https://hypothesis.readthedocs.io/>`_, an optional dependency:
install it with the ``testing`` extra (``pip install "opsmodel-io[testing]"``).

Every strategy generates *valid* values (they construct without error) that are realistic but
varied: unicode text, optional fields both present and absent, every enum member, ranges, bounds,
relative dates, languages known only by name, custom platforms, subdivisions, regions with
members, conflicting attributions, conditional impact ratings... Sizes stay moderate so that tests
stay fast.

>>> from hypothesis import given
>>> from opsmodel import Operation
>>> from opsmodel.testing import operations
>>> @given(operations())
... def test_has_id(operation: Operation) -> None:
...     assert operation.id

Importing this module also registers each strategy with :func:`hypothesis.strategies.register_type_strategy`,
so ``st.from_type(Operation)`` (and ``@given(op=...)`` with type inference, and ``st.builds``) use them.
Importing it has no other side effect.

Facts generated for an :func:`operations` value cite only source ids that the operation's
``sources`` define, its attributions name only actors in its ``actors``, and ids are unique within
an operation (sources, actors) and within a report (operations); relations in a :func:`reports`
value refer to other operations of the same report.
"""

from __future__ import annotations

from ._core.exports import publish
from ._model.strategies import (
    STRATEGIES,
    actors,
    ai_uses,
    aliases,
    artefacts,
    assets,
    attributions,
    audiences,
    confidences,
    countries,
    counts,
    date_claims,
    designations,
    disruptions,
    durations,
    fronts,
    fuzzy_dates,
    identifiers,
    impacts,
    impersonations,
    language_uses,
    languages,
    localities,
    measures,
    moneys,
    narratives,
    operations,
    periods,
    personas,
    places,
    platforms,
    regions,
    relations,
    relative_dates,
    reports,
    shares,
    sources,
    subdivisions,
    tactics,
    target_events,
    target_organisations,
    targets,
    technique_refs,
    technique_uses,
    texts,
    venues,
)

__all__ = [
    "STRATEGIES",
    "actors",
    "ai_uses",
    "aliases",
    "artefacts",
    "assets",
    "attributions",
    "audiences",
    "confidences",
    "countries",
    "counts",
    "date_claims",
    "designations",
    "disruptions",
    "durations",
    "fronts",
    "fuzzy_dates",
    "identifiers",
    "impacts",
    "impersonations",
    "language_uses",
    "languages",
    "localities",
    "measures",
    "moneys",
    "narratives",
    "operations",
    "periods",
    "personas",
    "places",
    "platforms",
    "regions",
    "relations",
    "relative_dates",
    "reports",
    "shares",
    "sources",
    "subdivisions",
    "tactics",
    "target_events",
    "target_organisations",
    "targets",
    "technique_refs",
    "technique_uses",
    "texts",
    "venues",
]

publish(__name__)
