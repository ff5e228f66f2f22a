"""The corpus: clusters only by explicit links, claims side by side, set operations, queries, files, the command."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json as stdjson
import operator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import FuzzyDate, Operation, Relation, Report, Source, Target, examples, json
from opsmodel._cli import main
from opsmodel.corpus import (
    Cluster,
    Corpus,
    CorpusError,
    OperationKey,
    active_between,
    by_origin,
    by_platform,
    by_publisher,
    by_target,
    by_technique,
    using_ai,
)
from opsmodel.errors import CODES, MissingExtraError
from opsmodel.testing import reports

from ._corpus_reports import DOPPELGANGER, MICROSOFT, OBSERVATORY
from ._docs_extensions import load_extension

OPENAI = examples.load("openai-2024-05")


def _keys(cluster: Cluster) -> set[tuple[str, str]]:
    return {(key.report, key.operation) for key in cluster.keys}


@pytest.fixture
def corpus() -> Corpus:
    return Corpus([OPENAI, MICROSOFT, OBSERVATORY])


# ---------------------------------------------------------------------------------------------
# The invented reports


def test_two_publishers_names_linked_by_an_alias_and_a_relation_are_one_cluster(corpus: Corpus) -> None:
    cluster = corpus.cluster_of("openai-2024-05", "doppelganger")
    assert _keys(cluster) == DOPPELGANGER
    assert set(cluster.names) == {"Storm-1099", "Doppelganger", "RRN"}
    statements = {(str(link.source), link.statement.kind, link.statement.claimant) for link in cluster.links}
    assert statements == {
        ("microsoft-2024-04/storm-1099", "alias", "Microsoft"),
        ("observatory-2025-01/doppelganger-revisited", "same_as", "Invented Observatory"),
        ("observatory-2025-01/rrn", "part_of", "Invented Observatory"),
    }


def test_the_explanation_chains_the_links_between_two_members(corpus: Corpus) -> None:
    cluster = corpus.cluster_of("microsoft-2024-04", "storm-1099")
    chain = cluster.why(
        OperationKey(report="microsoft-2024-04", operation="storm-1099"),
        OperationKey(report="observatory-2025-01", operation="rrn"),
    )
    assert [link.statement.kind for link in chain] == ["alias", "same_as", "part_of"]
    assert any(
        line.endswith("called Doppelganger by OpenAI (openai-2024-05/doppelganger), asserted by Microsoft")
        for line in cluster.explanation()
    )


def test_a_shared_name_alone_does_not_merge(corpus: Corpus) -> None:
    openai = corpus.cluster_of("openai-2024-05", "spamouflage")
    observatory = corpus.cluster_of("observatory-2025-01", "spamouflage")
    assert openai != observatory
    assert len(openai.records) == len(observatory.records) == 1
    assert [(name, [str(r.key) for r in records]) for name, records in corpus.namesakes()] == [
        ("Spamouflage", ["observatory-2025-01/spamouflage", "openai-2024-05/spamouflage"])
    ]


def test_conflicting_start_dates_and_origins_are_listed_with_their_claimants(corpus: Corpus) -> None:
    conflicts = {conflict.fact: conflict for conflict in corpus.cluster_of("openai-2024-05", "doppelganger").conflicts()}
    start = dict(conflicts["activity.start"].values)
    assert set(start) == {"2022-02", "2022-05"}
    assert {claim.claimant for claim in start["2022-02"]} == {"Microsoft"}
    assert {claim.claimant for claim in start["2022-05"]} == {"Invented Observatory"}
    origin = dict(conflicts["origin"].values)
    assert set(origin) == {"RU", "BY"}
    assert {claim.claimant for claim in origin["BY"]} == {"A blogger"}


def test_a_revised_rating_is_history_and_the_latest_is_known(corpus: Corpus) -> None:
    cluster = corpus.cluster_of("openai-2024-05", "doppelganger")
    history = [(rating.impact.category, rating.rater) for rating in cluster.ratings()]
    assert history == [(3, "Microsoft"), (2, "OpenAI"), (2, "Invented Observatory"), (4, "Invented Observatory")]
    assert cluster.latest_rating is not None
    assert cluster.latest_rating.impact.category == 4
    # each rater's latest counts: the observatory's own revision from 2 to 4 is not a conflict with itself
    impact = dict(next(c for c in cluster.conflicts() if c.fact == "impact").values)
    assert set(impact) == {"Category 2", "Category 3", "Category 4"}
    assert {claim.claimant for claim in impact["Category 2"]} == {"OpenAI"}


def test_claims_name_who_when_and_which_source(corpus: Corpus) -> None:
    cluster = corpus.cluster_of("openai-2024-05", "doppelganger")
    meta = [claim for claim in cluster.claims("attribution") if claim.claimant == "Meta"]
    assert meta
    assert all(claim.stated is not None and claim.stated.value == dt.date(2023, 8, 1) for claim in meta)
    assert all(claim.cited == ("Meta - Q2 2023 Adversarial Threat Report",) for claim in meta)


def test_a_relation_to_an_operation_outside_the_corpus_is_unresolved() -> None:
    corpus = Corpus([OBSERVATORY])
    assert [str(item.source) for item in corpus.unresolved] == ["observatory-2025-01/doppelganger-revisited"]
    assert len(corpus.cluster_of("observatory-2025-01", "rrn").records) == 2


def test_the_bundled_example_alone_has_five_clusters_of_one() -> None:
    clusters = Corpus([OPENAI]).clusters()
    assert [len(cluster.records) for cluster in clusters] == [1] * 5
    assert not any(cluster.conflicts() for cluster in clusters)


# ---------------------------------------------------------------------------------------------
# Queries


def test_queries_answer_and_compose(corpus: Corpus) -> None:
    def names(query: object) -> set[str]:
        return {str(record.key) for record in corpus.records(query)}  # type: ignore[arg-type]

    assert names(by_origin("RU")) == {
        "openai-2024-05/bad-grammar",
        "openai-2024-05/doppelganger",
        "microsoft-2024-04/storm-1099",
        "observatory-2025-01/doppelganger-revisited",
    }
    assert names(by_origin("Belarus")) == {"observatory-2025-01/doppelganger-revisited"}
    assert "openai-2024-05/bad-grammar" in names(by_target("MD"))
    assert "openai-2024-05/bad-grammar" in names(by_target("LV"))  # a member of the Baltic States
    assert "openai-2024-05/bad-grammar" in names(by_target("the baltic states"))
    gagauzia = Report(id="g", title="t", publisher="P", operations=[Operation(id="o", name="O", targets=[Target(place="MD-GA")])])
    assert [r.key.report for r in Corpus([gagauzia]).records(by_target("md-ga"))] == ["g"]
    assert [r.key.report for r in Corpus([gagauzia]).records(by_target("Moldova"))] == ["g"]
    with pytest.raises(ValueError, match="Narnia"):
        by_origin("Narnia")
    with pytest.raises(ValueError, match="relative to nothing"):
        active_between("three months ago")
    assert names(active_between(dt.date(2022, 3, 1), FuzzyDate.of(2022, 4))) == {"microsoft-2024-04/storm-1099"}
    assert names(by_platform("Twitter")) == names(by_platform("x"))
    assert "openai-2024-05/bad-grammar" in names(by_technique("T0085"))
    assert names(using_ai()) == {str(r.key) for r in corpus.records() if r.operation.ai_uses}
    assert names(by_publisher("microsoft")) == {"microsoft-2024-04/storm-1099"}
    assert names(active_between("2022-03", "2022-04")) == {"microsoft-2024-04/storm-1099"}
    assert names(active_between(end="2022-01")) == set()
    assert names(by_origin("RU") & ~by_publisher("OpenAI")) == {
        "microsoft-2024-04/storm-1099",
        "observatory-2025-01/doppelganger-revisited",
    }
    assert names(by_publisher("Microsoft") | by_origin("BY")) == {
        "microsoft-2024-04/storm-1099",
        "observatory-2025-01/doppelganger-revisited",
    }
    narrowed = corpus.where(by_origin("RU")).where(by_publisher("OpenAI"))
    assert [op.id for op in narrowed.operations()] == ["bad-grammar", "doppelganger"]
    assert str(by_origin("RU") & using_ai()) == "(origin in RU and AI use)"


# ---------------------------------------------------------------------------------------------
# The corpus as a collection


def test_set_operations_by_report_id(corpus: Corpus) -> None:
    openai, others = Corpus([OPENAI]), Corpus([MICROSOFT, OBSERVATORY])
    assert openai | others == corpus
    assert corpus & openai == openai
    assert corpus - openai == others
    assert len(corpus) == 3
    assert OPENAI in corpus
    assert "microsoft-2024-04" in corpus
    assert attrs.evolve(OPENAI, title="Another title") not in corpus
    assert [report.id for report in corpus] == ["microsoft-2024-04", "observatory-2025-01", "openai-2024-05"]


def test_two_different_reports_with_one_id_are_refused() -> None:
    twin = attrs.evolve(MICROSOFT, title="Another")
    with pytest.raises(CorpusError) as info:
        len(Corpus([MICROSOFT, twin]))
    assert [problem.code for problem in info.value.problems] == ["corpus-duplicate"]
    assert "Operation(" not in str(info.value)
    assert len(Corpus([MICROSOFT, MICROSOFT])) == 1


def test_files_in_any_format_are_read_lazily(tmp_path: Path) -> None:
    from opsmodel import stix

    (tmp_path / "sub").mkdir()
    (tmp_path / "openai.stix.json").write_text(stdjson.dumps(stix.to_stix(OPENAI)), encoding="utf-8")
    (tmp_path / "sub" / "microsoft.json").write_text(json.dumps(MICROSOFT), encoding="utf-8")
    with (tmp_path / "observatory.jsonl").open("w", encoding="utf-8") as handle:
        json.dump_lines(OBSERVATORY, handle)
    corpus = Corpus.from_folder(tmp_path)
    assert len(corpus.items) == 3
    assert _keys(corpus.cluster_of("openai-2024-05", "doppelganger")) == DOPPELGANGER
    (tmp_path / "sub" / "microsoft.json").unlink()  # read already: the corpus keeps what it read
    assert len(corpus) == 3


def test_a_file_that_is_not_a_report_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "opsmodel", "format_version": "1.0", "id": "x"}', encoding="utf-8")
    with pytest.raises(CorpusError) as info:
        Corpus([bad]).reports  # noqa: B018 - reading is what fails
    assert info.value.problems[0].code == "corpus-read"
    assert all(str(bad) in problem.message for problem in info.value.problems)
    assert {problem.code for problem in info.value.problems} <= set(CODES)


def test_tables_without_the_extra_name_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # an import of pyarrow now fails, installed or not
    with pytest.raises(MissingExtraError, match=r"opsmodel-io\[frames\]"):
        Corpus([OPENAI]).table("operations")
    assert len(list(Corpus([OPENAI]).rows("operations"))) == 5


def test_an_unknown_table_lists_the_tables() -> None:
    with pytest.raises(CorpusError, match="no table 'nope'") as info:
        Corpus([OPENAI]).rows("nope")
    assert "technique_uses" in str(info.value)


# ---------------------------------------------------------------------------------------------
# The command


def test_the_command_prints_clusters_and_conflicts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for report in (MICROSOFT, OBSERVATORY, OPENAI):
        (tmp_path / f"{report.id}.json").write_text(json.dumps(report), encoding="utf-8")
    assert main(["corpus", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "link: microsoft-2024-04/storm-1099 called Doppelganger by OpenAI (openai-2024-05/doppelganger)" in out
    assert "conflict: activity.start: 2022-02 (Microsoft); 2022-05 (Invented Observatory)" in out
    assert "latest rating: Category 4 by Invented Observatory, 2025-01" in out
    assert "named alike, not linked: Spamouflage: observatory-2025-01/spamouflage, openai-2024-05/spamouflage" in out
    assert out.splitlines()[-1] == "3 reports, 9 operations, 6 clusters (1 across records), 3 conflicts"


def test_the_command_wants_table_and_out_together(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["corpus", "x.json", "--table", "operations"])
    assert info.value.code == 2
    with pytest.raises(SystemExit):
        main(["corpus", "x.json", "--table", "operations", "--out", "x.txt"])
    assert "expected a file ending in .parquet or .csv" in capsys.readouterr().err


# ---------------------------------------------------------------------------------------------
# Properties on generated reports, with links across reports


@st.composite
def linked_reports(draw: st.DrawFn) -> list[Report]:
    """Reports with unique ids, plus same_as/part_of relations from some operations to operations of other reports."""
    drawn = draw(st.lists(reports(max_operations=3, max_facts=1), min_size=1, max_size=4, unique_by=lambda report: report.id))
    ops = [(index, operation.id) for index, report in enumerate(drawn) for operation in report.operations]
    if len(ops) < 2:
        return drawn
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(ops), st.sampled_from(ops), st.sampled_from(["same_as", "part_of"])), max_size=4)
    )
    added: dict[tuple[int, str], list[Relation]] = {}
    for (a, a_id), (b, b_id), kind in pairs:
        if a != b:
            added.setdefault((a, a_id), []).append(Relation(kind=kind, other=b_id, sources=[drawn[b].id]))
    return [
        attrs.evolve(
            report,
            operations=[attrs.evolve(op, relations=(*op.relations, *added.get((index, op.id), []))) for op in report.operations],
        )
        for index, report in enumerate(drawn)
    ]


def _partition(corpus: Corpus) -> set[frozenset[OperationKey]]:
    return {frozenset(cluster.keys) for cluster in corpus.clusters()}


@pytest.mark.slow
@settings(max_examples=25)
@given(linked_reports(), st.randoms(use_true_random=False))
def test_clusters_do_not_depend_on_the_order_of_the_reports(drawn: list[Report], random: object) -> None:
    shuffled = list(drawn)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    first, second = Corpus(drawn), Corpus(shuffled)
    assert _partition(first) == _partition(second)
    assert [cluster.id for cluster in first.clusters()] == [cluster.id for cluster in second.clusters()]


@pytest.mark.slow
@settings(max_examples=25)
@given(linked_reports(), st.integers(min_value=0, max_value=4))
def test_a_corpus_equals_the_union_of_its_parts(drawn: list[Report], cut: int) -> None:
    whole, left, right = Corpus(drawn), Corpus(drawn[:cut]), Corpus(drawn[cut:])
    assert left | right == whole
    assert whole - left == right
    assert whole & left == left
    assert len(left) + len(right) == len(whole)
    parts = list(whole.partitions(cut + 1))
    assert functools.reduce(operator.or_, parts, Corpus()) == whole
    assert sum(len(part) for part in parts) == len(whole)


@pytest.mark.slow
@settings(max_examples=25)
@given(linked_reports())
def test_every_link_is_within_a_cluster_and_every_pair_has_a_chain(drawn: list[Report]) -> None:
    corpus = Corpus(drawn)
    keys = {record.key for report in drawn for record in Corpus([report]).records()}
    home = {key: cluster for cluster in corpus.clusters() for key in cluster.keys}
    assert set(home) == keys
    for report in drawn:
        for op in report.operations:
            for relation in op.relations:
                if relation.kind.value in ("same_as", "part_of", "alias_of"):
                    here = OperationKey(report=report.id, operation=op.id)
                    # a later model's described_in names the report (by its source id) the other is in, not this one
                    described_in = getattr(relation, "described_in", None)
                    places = (described_in,) if described_in else (report.id, *relation.sources)
                    there = [OperationKey(report=r, operation=relation.other) for r in places]
                    found = [key for key in there if key in keys and key != here]
                    assert not found or home[found[0]] is home[here]
    for cluster in corpus.clusters():
        for a, b in itertools.combinations(cluster.keys, 2):
            chain = cluster.why(a, b)
            assert chain
            ends = [{link.source, link.target} for link in chain]
            assert a in ends[0]
            assert b in ends[-1]
            assert all(left & right for left, right in itertools.pairwise(ends))


def test_operation_from_the_model_stays_keyed_by_its_report() -> None:
    one = Report(id="r1", title="t", publisher="P", operations=[Operation.named("Same")])
    two = Report(id="r2", title="t", publisher="Q", operations=[Operation.named("Same")])
    assert len(Corpus([one, two]).clusters()) == 2


# ---------------------------------------------------------------------------------------------
# The table reference in the docs is generated from the tables opsmodel builds

REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "corpus.md"


def test_the_reference_renders_every_table_and_column() -> None:
    from opsmodel.corpus import DTYPES, TABLES

    assert "```{opsmodel-corpus-tables}" in REFERENCE.read_text(encoding="utf-8")
    text = "\n".join(load_extension("corpustables").rst())
    for name, table in TABLES.items():
        assert f".. rubric:: {name}" in text
        assert all(f"``{column.name}``" in text and column.dtype in DTYPES for column in table.columns)
    technique_columns = TABLES["technique_uses"].names
    assert {"confidence_score", "confidence_words"} <= set(technique_columns)


# ---------------------------------------------------------------------------------------------
# The adapter reads what a later model adds (dev-model11: date claims, a relation's claimant and
# described_in), through stand-ins with the same fields


@attrs.frozen(kw_only=True)
class _DateClaim:
    event: str
    date: FuzzyDate
    claimant: str | None = None
    sources: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class _Operation11(Operation):
    date_claims: tuple[_DateClaim, ...] = ()  # type: ignore[assignment,unused-ignore]  # model 1.1 types it DateClaim


@attrs.frozen(kw_only=True)
class _Relation11(Relation):
    described_in: str | None = None
    claimant: str | None = None


def test_date_claims_of_one_record_can_conflict_and_a_relation_names_its_claimant() -> None:
    starts = (
        _DateClaim(event="activity_start", date=FuzzyDate.of(2022, 2), sources=("dfrlab",)),
        _DateClaim(event="activity_start", date=FuzzyDate.of(2021), claimant="A researcher"),
    )
    relation = _Relation11(kind="same_as", other="storm-1099", described_in="microsoft-2024-04", claimant="Someone")
    operation = _Operation11(
        id="dates",
        name="Dates",
        date_claims=starts,
        relations=(relation,),
        sources=(Source(id="dfrlab", publisher="DFRLab"),),
    )
    corpus = Corpus([MICROSOFT, Report(id="later", title="t", publisher="P", operations=[operation])])
    cluster = corpus.cluster_of("later", "dates")
    assert [link.statement.claimant for link in cluster.links] == ["Someone"]
    start = dict(next(conflict for conflict in cluster.conflicts() if conflict.fact == "activity.start").values)
    assert {value: {claim.claimant for claim in claims} for value, claims in start.items()} == {
        "2022-02": {"Microsoft", "DFRLab"},
        "2021": {"A researcher"},
    }
