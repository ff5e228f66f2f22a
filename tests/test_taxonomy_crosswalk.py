"""Release diffs, crosswalks and checks, on DISARM 1.6 and 1.7 and on the bundled example."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from opsmodel import Operation, OpsmodelError, Tactic, TechniqueRef, TechniqueUse, examples
from opsmodel import taxonomy as tx
from opsmodel.errors import Problem


@pytest.fixture
def v16(shared_data: Path) -> tx.Catalogue:
    return tx.load_disarm_stix(shared_data / "disarm" / "DISARM-v1.6.json")


@pytest.fixture
def v17(shared_data: Path) -> tx.Catalogue:
    return tx.load_disarm_stix(shared_data / "disarm" / "v1.7-navigator" / "DISARM.json")


def test_diff_1_6_to_1_7(v16: tx.Catalogue, v17: tx.Catalogue) -> None:
    changes = tx.diff(v16, v17)
    assert [t.id for t in changes.tactics_removed] == ["TA08"]
    assert changes.tactics_added == ()
    removed = {t.id for t in changes.removed}
    assert "T0085.001" in removed
    assert {"T0042", "T0044", "T0045"} <= removed  # TA08's own techniques went with it
    assert {"T0166", "T0166.001"} <= {t.id for t in changes.added}
    assert {m.id: (m.old_tactics, m.new_tactics) for m in changes.moved} == {
        "T0020": (("TA08",), ("TA09",)),
        "T0046": (("TA08",), ("TA06",)),
    }
    assert changes.apply(v16.ids) == v17.ids
    assert [t.id for t in changes.successors("T0023.001")] == ["T0162"]
    text = str(changes)
    assert "tactics removed (1):\n    TA08 Conduct Pump Priming" in text
    assert "T0085.001 Develop AI-Generated Text" in text
    assert bool(changes)


def test_diff_of_a_release_with_itself_is_empty(v16: tx.Catalogue) -> None:
    same = tx.diff(v16, v16)
    assert same.is_empty
    assert not same
    assert str(same) == "disarm 1.6 -> 1.6: no changes"


def test_diff_sees_renames() -> None:
    tactic = tx.TacticEntry(id="TA01", name="Plan")
    old = tx.Catalogue(framework="disarm", version="1", tactics=[tactic], techniques=[tx.TechniqueEntry(id="T0001", name="A")])
    new = attrs.evolve(
        old,
        version="2",
        tactics=[attrs.evolve(tactic, name="Plan Strategy")],
        techniques=[tx.TechniqueEntry(id="T0001", name="B")],
    )
    changes = tx.diff(old, new)
    assert [str(r) for r in changes.renamed] == ["T0001: 'A' -> 'B'"]
    assert [str(r) for r in changes.tactics_renamed] == ["TA01: 'Plan' -> 'Plan Strategy'"]


def test_diff_needs_one_framework(v16: tx.Catalogue) -> None:
    other = tx.Catalogue(framework="meta-ookc")
    with pytest.raises(tx.CatalogueError, match="different frameworks"):
        tx.diff(v16, other)


def test_crosswalk_reasons(v16: tx.Catalogue, v17: tx.Catalogue) -> None:
    gone = tx.crosswalk(TechniqueRef.disarm("T0085.001", version="1.6"), v17, source=v16)
    assert gone.status is tx.CrosswalkStatus.REMOVED
    assert not gone.exists
    assert gone.reason == "T0085.001 'Develop AI-Generated Text' was removed in disarm 1.7, last seen in 1.6"

    moved = tx.crosswalk(TechniqueUse(technique=TechniqueRef.disarm("T0020")), v17, source=v16)
    assert moved.status is tx.CrosswalkStatus.MOVED
    assert moved.entry == v17.technique("T0020")
    assert "moved from TA08 to TA09" in moved.reason

    kept = tx.crosswalk(v16.ref("T0085.003"), v17, source=v16)
    assert kept.status is tx.CrosswalkStatus.UNCHANGED

    # without the old catalogue, the target's history knows; a same-named successor is offered
    replaced = tx.crosswalk(TechniqueRef.disarm("T0023.001"), v17.with_history(v16))
    assert replaced.status is tx.CrosswalkStatus.REMOVED
    assert [t.id for t in replaced.candidates] == ["T0162"]
    assert "disarm 1.7 has T0162 'Reframe Context' by that name" in replaced.reason

    unknown = tx.crosswalk(TechniqueRef.disarm("T0999"), v17)
    assert unknown.status is tx.CrosswalkStatus.UNKNOWN

    renamed = tx.crosswalk(TechniqueRef.disarm("T0020", "Old Name"), v17)
    assert renamed.status is tx.CrosswalkStatus.RENAMED

    with pytest.raises(tx.CatalogueError, match="cannot carry a meta-ookc technique"):
        tx.crosswalk(TechniqueRef(framework="meta-ookc", id="0.1"), v17)


def test_with_history(v16: tx.Catalogue, v17: tx.Catalogue) -> None:
    later = v17.with_history(v16)
    assert later.removed["T0085.001"].removed_in == "1.7"
    assert later.removed["T0085.001"].last_version == "1.6"
    assert "T0085.001" not in later
    assert later.ids == v17.ids
    with pytest.raises(tx.CatalogueError, match="another framework"):
        v17.with_history(tx.Catalogue(framework="meta-ookc"))


def test_the_bundled_example_checks_clean_against_disarm_1_6(v16: tx.Catalogue) -> None:
    report = examples.load("openai-2024-05")
    uses = [use for operation in report for use in operation.techniques]
    assert uses, "the example tags techniques"
    assert tx.check(report, v16) == ()
    assert all(use.technique is not None and use.technique.version == "1.6" for use in uses)


def test_the_bundled_example_against_disarm_1_7(v16: tx.Catalogue, v17: tx.Catalogue) -> None:
    report = examples.load("openai-2024-05")
    findings = tx.check(report, v17, history=v16)
    assert {f.code for f in findings} == {"removed-technique"}
    assert {f.value for f in findings} == {"T0085.001"}
    assert findings[0].path == "$.operations[0].techniques[0].technique.id"
    # a diff is history too
    assert tx.check(report, v17, history=tx.diff(v16, v17)) == findings
    assert tx.check(report, v17.with_history(v16)) == findings
    # without history the id is merely unknown
    assert {f.code for f in tx.check(report, v17)} == {"unknown-technique"}


def test_check_finds_each_kind_of_problem(v16: tx.Catalogue) -> None:
    uses: list[TechniqueRef | TechniqueUse] = [
        TechniqueRef.disarm("T0999.001"),
        TechniqueRef.disarm("T0085.999"),
        TechniqueRef.disarm("T0085.001", "Traditional Media"),
        TechniqueUse(technique="T0085.001", tactic=Tactic(framework="disarm", id="TA99")),
        TechniqueUse(technique="T0085.001", tactic=Tactic(framework="disarm", id="TA09")),
        TechniqueRef(framework="meta-ookc", id="0.1"),  # another framework: not this catalogue's business
        TechniqueRef.disarm("T0085.001", " develop ai-generated text "),  # same name, other spelling: fine
    ]
    findings = tx.check(uses, v16)
    assert [(f.code, f.path, f.value) for f in findings] == [
        ("parent-absent", "$[0].id", "T0999.001"),
        ("unknown-technique", "$[1].id", "T0085.999"),
        ("name-mismatch", "$[2].name", "Traditional Media"),
        ("unknown-tactic", "$[3].tactic.id", "TA99"),
        ("tactic-mismatch", "$[4].tactic.id", "TA09"),
    ]
    assert [f.severity.value for f in findings] == ["error", "error", "warning", "error", "warning"]
    assert "('Traditional Media' is T0111, T0114.002)" in findings[2].message
    # a finding is the one Problem record of opsmodel, printed like every other problem
    assert isinstance(findings[1], Problem)
    expected = "$[1].id: error unknown-technique: T0085.999 is not a technique of disarm 1.6 (its parent T0085 is)"
    assert str(findings[1]) == expected


def test_check_accepts_single_values_and_operations(v16: tx.Catalogue) -> None:
    report = examples.load("openai-2024-05")
    assert tx.check(report.operations[0], v16) == ()
    assert tx.check(list(report.operations), v16) == ()
    assert tx.check(TechniqueRef.disarm("T0085.001"), v16) == ()
    mixed: list[Operation | TechniqueRef] = [report.operations[0], TechniqueRef.disarm("T0404")]
    (finding,) = tx.check(mixed, v16)
    assert finding.path == "$[1].id"
    with pytest.raises(OpsmodelError, match="cannot check int"):
        tx.check([1], v16)  # type: ignore[list-item]


def test_breakout_scale() -> None:
    assert [c.number for c in tx.BREAKOUT_SCALE] == [1, 2, 3, 4, 5, 6]
    assert str(tx.breakout_category(4)) == "Category 4: cross-medium breakout"
    assert tx.breakout_category(6).name == "policy response or call for violence"
    for wrong in (0, 7, True, 3.0):
        with pytest.raises(tx.UnknownCategoryError, match="not a Breakout Scale category"):
            tx.breakout_category(wrong)  # type: ignore[arg-type]


def test_small_vocabularies_are_reexported() -> None:
    assert len(tx.LLM_TTP) == 9
    assert tx.LLM_TTP("LLM-informed reconnaissance") is tx.LLM_TTP.RECONNAISSANCE
    pattern = tx.ID_GRAMMARS["disarm"][0]
    assert pattern.match("T0085.001")
    assert not pattern.match("TA06")
    assert tx.ID_GRAMMARS["meta-ookc"][0].match("0.9.10")
