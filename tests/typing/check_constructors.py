"""What a type checker says about the model's constructors: checked by mypy, never run.

Each constructor parameter is typed from its converter, so a checker accepts the values the
converter normalises (a vocabulary's text, a country's name, a date's wording) and rejects the
rest. A line that must be an error carries ``# type: ignore[code]``: with ``warn_unused_ignores``
(part of ``--strict``) the line fails the check the day it stops being an error.
``tests/test_typing.py`` runs mypy on this folder; ``nox -s typing`` checks it with the rest.
"""

from __future__ import annotations

import datetime as dt
import sys

import opsmodel as om
from opsmodel import taxonomy

if sys.version_info >= (3, 11):
    from typing import assert_type
else:  # Python 3.10
    from typing_extensions import assert_type


def accepted() -> None:
    """What the docs show: members or their text, names or codes, wordings, plain numbers."""
    operation = om.Operation(
        id="bad-grammar",
        name="Bad Grammar",
        kind="network",
        aliases=["Matryoshka", om.Alias(name="Overload", kind=om.AliasKind.VENDOR_NAME)],
        languages=["en", om.Language(code="ru")],
        activity=om.Period(start="2023", end=dt.date(2024, 5, 1)),
    )
    assert_type(operation, om.Operation)
    assert_type(operation.kind, om.OperationKind)
    assert_type(operation.aliases, tuple[om.Alias, ...])
    assert_type(operation.languages, tuple[om.Language, ...])
    assert_type(operation.activity, om.Period | None)

    actor = om.Actor(id="sda", name="Social Design Agency", kind=om.ActorKind.COMMERCIAL_FIRM, nationality="Russia")
    assert_type(actor.nationality, om.Country | None)
    claim = om.Attribution(claimant="Meta", actor="sda", countries=["RU", om.Country(code="BY")], confidence=80)
    assert_type(claim.countries, tuple[om.Country, ...])
    assert_type(claim.confidence, om.Confidence | None)

    assert_type(om.Asset(platform="Telegram", count="at least a dozen").count, om.Count | None)
    assert_type(om.Money(amount=100, currency="usd").amount, om.Count)
    assert_type(om.Target(place="MD-GA").place, om.Country | om.Subdivision | om.Region | om.Locality | None)
    assert_type(om.TechniqueUse(technique="T0085.001", confidence="likely").technique, om.TechniqueRef | None)
    assert_type(om.FuzzyDate(value="2024-05-01", precision="month").value, dt.date)
    assert_type(om.Source(id="openai-2024-05", published="May 2024").published, om.FuzzyDate | None)
    assert_type(om.ActorKind("state"), om.ActorKind)
    assert_type(om.ActorKind.STATE.value, str)

    # the converters written once for every vocabulary or model class (TupleOf, OptionalOf, ...)
    use = om.AIUse(purposes=["write_code", om.AIPurpose.DEBUG_CODE], access="api", output=[om.Measure(of="posts", count=3)])
    assert_type(use.purposes, tuple[om.AIPurpose, ...])
    assert_type(use.access, om.AIAccess | None)
    assert_type(use.output, tuple[om.Measure, ...])
    assert_type(om.Target(audience="voters").audience, om.Audience | None)

    phase = taxonomy.Phase(id="P01", name="Plan")
    assert_type(phase.id, str)
    removal = taxonomy.Removal(id="T0085.001", name="Develop AI-Generated Text", last_version="1.6")
    assert_type(removal.last_version, str | None)


def rejected() -> None:
    """Values no converter reads: each line must stay an error.

    One mistake a checker cannot see: a bare string where a list of strings is expected
    (``aliases="Matryoshka"``) is an ``Iterable[str]``; the converter refuses it at run time.
    """
    om.Operation(id=123)  # type: ignore[arg-type]
    om.Operation(id="x", name=b"Bad Grammar")  # type: ignore[arg-type]
    om.Operation(id="x", kind=om.ActorKind)  # type: ignore[arg-type]
    om.Operation(id="x", activity="2023")  # type: ignore[arg-type]
    om.Operation(id="x", actors=["sda"])  # type: ignore[list-item]
    om.Operation(id="x", languages=[1])  # type: ignore[list-item]
    om.Operation(id="x", unknown_field=1)  # type: ignore[call-arg]
    om.Operation("x")  # type: ignore[call-arg]
    om.Actor(id="sda", kind=3)  # type: ignore[arg-type]
    om.Attribution(claimant="Meta", confidence=0.8)  # type: ignore[arg-type]
    om.FuzzyDate(value=2024, precision="year")  # type: ignore[arg-type]
    om.Count(kind="exact", value="12")  # type: ignore[arg-type]
    om.Asset(platform=None)  # type: ignore[arg-type]
    om.ActorKind(1)  # type: ignore[arg-type]
    om.AIUse(purposes=[1])  # type: ignore[list-item]
    om.AIUse(access=1)  # type: ignore[arg-type]
    om.Operation(id="x", personas=["nurses"])  # type: ignore[list-item]
    om.Target(audience=1)  # type: ignore[arg-type]
    taxonomy.Phase(id=1, name="Plan")  # type: ignore[arg-type]
    taxonomy.Removal(id="T0085.001", name=None)  # type: ignore[arg-type]
