"""The bundled example holds the report's five networks with the facts the report gives."""

from __future__ import annotations

import pytest

import opsmodel as om
from opsmodel import examples


@pytest.fixture(scope="module")
def report() -> om.Report:
    return examples.load("openai-2024-05")


def test_names() -> None:
    # the first stays the default of the demo and the docs; Meta's is tested in test_example_meta.py
    assert examples.names()[0] == "openai-2024-05"


def test_unknown_example_is_a_clear_error() -> None:
    with pytest.raises(examples.UnknownExampleError, match="openai-2024-05"):
        examples.load("no-such-report")


def test_five_networks(report: om.Report) -> None:
    assert [op.name for op in report] == ["Bad Grammar", "Doppelganger", "Spamouflage", "IUVM", "Zero Zeno"]
    assert report.publisher == "OpenAI"
    assert report.published == om.FuzzyDate.of(2024, 5, 30)


@pytest.mark.parametrize(
    ("operation_id", "origin", "category", "qualifier"),
    [
        ("bad-grammar", ["RU"], 1, om.ImpactQualifier.EXACT),
        ("doppelganger", ["RU"], 2, om.ImpactQualifier.EXACT),
        ("spamouflage", ["CN"], 2, om.ImpactQualifier.EXACT),
        ("iuvm", ["IR"], 2, om.ImpactQualifier.EXACT),
        ("zero-zeno", ["IL"], 2, om.ImpactQualifier.AT_MOST),
    ],
)
def test_origin_and_breakout(
    report: om.Report, operation_id: str, origin: list[str], category: int, qualifier: om.ImpactQualifier
) -> None:
    operation = report.operation(operation_id)
    assert operation is not None
    assert [c.code for c in operation.origin_countries] == origin
    assert [(i.category, i.qualifier) for i in operation.impacts] == [(category, qualifier)]


def test_platforms_languages_and_ai(report: om.Report) -> None:
    by_id = {op.id: op for op in report}
    assert {p.id for p in by_id["bad-grammar"].platforms} == {"telegram"}
    assert {"x", "9gag", "facebook"} <= {p.id for p in by_id["doppelganger"].platforms}
    assert {"x", "medium", "blogspot"} <= {p.id for p in by_id["spamouflage"].platforms}
    assert {"instagram", "facebook", "x"} <= {p.id for p in by_id["zero-zeno"].platforms}
    assert {lang.tag for lang in by_id["doppelganger"].languages} == {"en", "fr", "de", "it", "pl"}
    assert om.AIPurpose.DEBUG_CODE in {p for use in by_id["bad-grammar"].ai_uses for p in use.purposes}
    assert om.AIPurpose.ANALYSE_SOCIAL_MEDIA in {p for use in by_id["spamouflage"].ai_uses for p in use.purposes}
    assert all(use.service == "ChatGPT" for op in report for use in op.ai_uses)


def test_zero_zeno_is_a_firm_for_an_unnamed_client(report: om.Report) -> None:
    zero_zeno = report.operation("zero-zeno")
    assert zero_zeno is not None
    stoic = zero_zeno.actor("stoic")
    assert stoic is not None
    assert stoic.kind is om.ActorKind.COMMERCIAL_FIRM
    assert [a.role for a in zero_zeno.attributions] == [om.AttributionRole.CONTRACTOR]


def test_size_is_unknown_not_zero(report: om.Report) -> None:
    for operation in report:
        (banned,) = operation.disruptions
        assert banned.count is not None
        assert banned.count.kind is om.CountKind.UNKNOWN


def test_every_cited_source_is_defined(report: om.Report) -> None:
    for operation in report:
        defined = {s.id for s in operation.sources}
        cited = {
            source
            for group in (
                operation.attributions,
                operation.targets,
                operation.assets,
                operation.techniques,
                operation.ai_uses,
                operation.impacts,
                operation.disruptions,
                operation.actors,
            )
            for fact in group
            for source in fact.sources
        }
        assert cited <= defined, operation.id


def test_detection_resolves_to_three_months_before(report: om.Report) -> None:
    for operation in report:
        assert operation.detected is not None
        assert report.published is not None
        resolved = operation.detected.resolve(report.published)
        assert isinstance(resolved.start, om.FuzzyDate)
        assert resolved.start.first_day.isoformat() == "2024-02-29"
