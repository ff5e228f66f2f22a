"""Two rules read facts that point outside the report: coverage of the report, and operations of other reports."""

from __future__ import annotations

from opsmodel import FuzzyDate, Operation, Relation, Report, Source, SourceRole
from opsmodel.validation import iter_errors


def _report(*sources: Source, relations: tuple[Relation, ...] = ()) -> Report:
    operation = Operation(id="doppelganger", name="Doppelganger", relations=relations, sources=sources)
    return Report(id="rep", title="A report", publisher="Publisher", published=FuzzyDate.of(2024, 5, 29), operations=[operation])


def _codes(report: Report) -> list[str]:
    return [finding.code for finding in iter_errors(report)]


def test_coverage_of_the_report_may_come_after_it() -> None:
    later = FuzzyDate.of(2024, 5, 31)
    itself = Source(id="rep", publisher="Publisher", published=FuzzyDate.of(2024, 5, 29))
    coverage = Source(id="news", publisher="A paper", published=later, role=SourceRole.NEWS_COVERAGE, covers="rep")
    of_another = Source(id="other-news", publisher="A paper", published=later, role=SourceRole.NEWS_COVERAGE, covers="news")
    assert _codes(_report(itself, coverage)) == []
    # coverage of something else, published after the report, is still pointed out
    assert _codes(_report(itself, coverage, of_another)) == ["OPS104"]


def test_the_same_id_in_another_report_is_not_the_operation_itself() -> None:
    other = Source(id="openai-2024-05", publisher="OpenAI")
    elsewhere = Relation(kind="same_as", other="doppelganger", described_in="openai-2024-05", sources=["openai-2024-05"])
    assert _codes(_report(other, relations=(elsewhere,))) == []
    itself = Relation(kind="same_as", other="doppelganger", sources=["openai-2024-05"])
    assert _codes(_report(other, relations=(itself,))) == ["OPS203"]
