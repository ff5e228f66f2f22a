"""Navigator layers: what we write loads in mitreattack-python's navlayers, and reads back."""

from __future__ import annotations

import contextlib
import copy
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import Operation, Report, Tactic, TechniqueRef, TechniqueUse, examples
from opsmodel import taxonomy as tx
from opsmodel._cli import main
from opsmodel.testing import reports


def _navlayers_problems(layer: dict[str, Any]) -> list[str]:
    """What navlayers prints when loading a copy of ``layer`` under an ATT&CK domain (it knows no other)."""
    navlayers = pytest.importorskip(
        "mitreattack.navlayers", reason="mitreattack-python (the tests dependency group) is not installed for this Python"
    )
    attack = copy.deepcopy(layer)
    attack["domain"] = "enterprise-attack"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        loaded = navlayers.Layer(init_data=attack)
        as_dict = loaded.to_dict()
    problems = [line for line in printed.getvalue().splitlines() if not line.startswith(("[NOTICE]", "[WARNING]"))]
    if as_dict is None:
        problems.append("navlayers did not load the layer")
    else:
        assert {t["techniqueID"] for t in as_dict.get("techniques", [])} == {t["techniqueID"] for t in layer["techniques"]}
    return problems


@pytest.fixture
def v16(shared_data: Path) -> tx.Catalogue:
    return tx.load_disarm_stix(shared_data / "disarm" / "DISARM-v1.6.json")


def test_report_layer_for_the_disarm_navigator() -> None:
    report = examples.load("openai-2024-05")
    layer = tx.to_layer(report)
    assert layer["domain"] == "DISARM"
    assert layer["versions"] == {"navigator": "4.8.2", "layer": "4.4", "attack": "1"}
    assert layer["name"] == report.title
    scores = {t["techniqueID"]: t["score"] for t in layer["techniques"] if "score" in t}
    expected: dict[str, set[str]] = {}
    for operation in report:
        for use in operation.techniques:
            assert use.technique is not None  # the example maps no tactic alone
            expected.setdefault(use.technique.id, set()).add(operation.id)
    assert scores == {technique: len(users) for technique, users in expected.items()}
    used_by_all = next(t for t in layer["techniques"] if t["techniqueID"] == "T0085.001")
    assert all(f"({op.id})" in used_by_all["comment"] for op in report)
    assert layer["gradient"]["maxValue"] == max(scores.values())
    assert _navlayers_problems(layer) == []


def test_layer_format_4_5_for_navigator_4_9_and_later() -> None:
    """4.4 (the default) has none of 4.5's fields, which a 4.8.2 Navigator (the DISARM Navigator) does not know."""
    report = examples.load("openai-2024-05")
    old, new = tx.to_layer(report), tx.to_layer(report, layer_format="4.5", navigator="attack")
    assert new["versions"] == {"navigator": "4.9.1", "layer": "4.5"}
    assert "expandedSubtechniques" not in old["layout"]
    assert "selectVisibleTechniques" not in old
    assert new["layout"]["expandedSubtechniques"] == "annotated"
    assert new["selectVisibleTechniques"] is False
    assert new["techniques"] == old["techniques"]
    assert _navlayers_problems(new) == []
    with pytest.raises(tx.LayerError, match=r"unknown layer format '4\.6'; expected one of '4\.4', '4\.5'"):
        tx.to_layer(report, layer_format="4.6")


def test_layers_with_a_catalogue_place_techniques_under_their_tactics(v16: tx.Catalogue) -> None:
    report = examples.load("openai-2024-05")
    layer = tx.to_layer(report, catalogue=v16)
    shortnames = {t.shortname for t in v16.tactics}
    assert all(t["tactic"] in shortnames for t in layer["techniques"])
    parents = {t["techniqueID"] for t in layer["techniques"] if t.get("showSubtechniques")}
    assert "T0085" in parents  # shown so its used sub-techniques are visible
    assert {"name": "catalogue", "value": "disarm 1.6"} in layer["metadata"]
    assert layer["versions"]["attack"] == "1"
    assert _navlayers_problems(layer) == []


def test_one_operation_for_the_attack_navigator() -> None:
    operation = examples.load("openai-2024-05").operations[0]
    layer = tx.to_layer(operation, navigator="attack")
    assert layer["domain"] == "enterprise-attack"
    assert layer["name"] == operation.display_name
    assert all(t["score"] == 1 for t in layer["techniques"] if "score" in t)
    assert _navlayers_problems(layer) == []
    custom = tx.to_layer(operation, navigator="attack", data_url="https://example.org/DISARM.json")
    assert custom["customDataURL"] == "https://example.org/DISARM.json"
    assert tx.from_layer(custom)[0].technique.framework == "disarm"


def test_attack_techniques_for_the_attack_navigator() -> None:
    phishing = TechniqueUse(technique=TechniqueRef(framework="attack", id="T1566.002"))
    operations = [
        Operation(id="one", name="One", techniques=[phishing, TechniqueUse(technique="T0085.001")]),
        Operation(id="two", name="Two", techniques=[phishing]),
    ]
    layer = tx.to_layer(operations, navigator="attack", framework="attack")
    assert [(t["techniqueID"], t.get("score")) for t in layer["techniques"]] == [("T1566.002", 2), ("T1566", None)]
    assert layer["name"] == "2 operations"
    assert tx.layer_refs(layer) == (TechniqueRef(framework="attack", id="T1566.002"),)
    assert _navlayers_problems(layer) == []


def test_empty_corpus_gives_an_empty_layer() -> None:
    layer = tx.to_layer([])
    assert layer["techniques"] == []
    assert layer["gradient"]["maxValue"] == 1
    assert _navlayers_problems(layer) == []


def test_import_round_trip(v16: tx.Catalogue) -> None:
    report = examples.load("openai-2024-05")
    layer = tx.to_layer(report, catalogue=v16)
    used = {use.technique.id for op in report for use in op.techniques if use.technique is not None}
    parents = {technique.partition(".")[0] for technique in used} - used
    refs = tx.layer_refs(json.dumps(layer), version="1.6")
    assert {ref.id for ref in refs} == used
    assert all(ref.framework == "disarm" and ref.version == "1.6" for ref in refs)
    entries = tx.from_layer(layer)
    assert {e.technique.id for e in entries} == used | parents
    assert max(e.score or 0 for e in entries) == 5
    assert {ref.id for ref in tx.layer_refs(layer, annotated_only=False)} == used | parents


def test_disarm_published_layers_read_back(shared_data: Path, v16: tx.Catalogue) -> None:
    folder = shared_data / "disarm" / "navigator-layers"
    full = tx.from_layer((folder / "1.6update.json").read_text(encoding="utf-8"))
    assert {e.technique.id for e in full} == v16.ids
    assert tx.check([e.technique for e in full], v16) == ()
    assert tx.from_layer((folder / "fullframework.json").read_text(encoding="utf-8")) == ()
    cib = tx.from_layer((folder / "cib_mapping_framework.json").read_text(encoding="utf-8"))
    assert len(cib) == 228


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{", "not valid JSON"),
        ("[]", "not a Navigator layer"),
        ('{"techniques": {}}', "not a Navigator layer"),
        ('{"techniques": [{"score": 1}]}', r"techniques\[0\]: expected an object with a 'techniqueID'"),
        (
            '{"domain": "DISARM", "techniques": [{"techniqueID": "TA06"}]}',
            r"techniques\[0\]\.techniqueID: 'TA06' is not a disarm",
        ),
    ],
)
def test_bad_layers(text: str, problem: str) -> None:
    with pytest.raises(tx.LayerError, match=problem) as info:
        tx.from_layer(text, source="layer.json")
    assert str(info.value).startswith("layer.json: ")
    assert isinstance(info.value, ValueError)


def test_bad_arguments(v16: tx.Catalogue) -> None:
    with pytest.raises(tx.LayerError, match="unknown navigator 'mitre'"):
        tx.to_layer([], navigator="mitre")
    with pytest.raises(tx.LayerError, match=r"the catalogue is disarm 1\.6, but the layer draws attack techniques"):
        tx.to_layer([], framework="attack", catalogue=v16)
    with pytest.raises(tx.LayerError, match="cannot draw 'meta-ookc' techniques"):
        tx.to_layer([], framework="meta-ookc")
    with pytest.raises(tx.LayerError, match="item 0 is a str"):
        tx.to_layer(["op"])  # type: ignore[list-item]


def test_unknown_techniques_are_left_out_with_a_catalogue(v16: tx.Catalogue) -> None:
    operation = Operation(id="x", name="X", techniques=[TechniqueUse(technique="T0999"), TechniqueUse(technique="T0085.001")])
    assert [t["techniqueID"] for t in tx.to_layer(operation, catalogue=v16)["techniques"]] == ["T0085.001", "T0085"]
    assert {t["techniqueID"] for t in tx.to_layer(operation)["techniques"]} == {"T0999", "T0085.001", "T0085"}


def test_demo_writes_the_example_layer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--out", str(tmp_path)]) == 0
    written = json.loads((tmp_path / "navigator-layer.json").read_text(encoding="utf-8"))
    assert written == json.loads(json.dumps(tx.to_layer(examples.load("openai-2024-05"))))
    assert "navigator-layer.json" in capsys.readouterr().err
    assert _navlayers_problems(written) == []


_IDS = st.sampled_from(["T0085", "T0085.001", "T0085.003", "T0116.001", "T0151.007", "T0999.002"])
_PROCEDURES = st.none() | st.text(min_size=1, max_size=20).filter(str.strip)
_TACTICS = st.none() | st.sampled_from([Tactic(framework="disarm", id="TA06", name="Develop Content")])


@st.composite
def corpora(draw: st.DrawFn) -> list[Operation]:
    operations = []
    for number in range(draw(st.integers(0, 4))):
        uses = [
            TechniqueUse(
                technique=technique,
                tactic=draw(_TACTICS),
                procedure=draw(st.none() | st.text(min_size=1, max_size=20).filter(str.strip)),
            )
            for technique in draw(st.lists(_IDS, max_size=4))
        ]
        operations.append(Operation(id=f"op-{number}", name=f"Operation {number}", techniques=uses))
    return operations


@given(corpora(), st.sampled_from(["disarm", "attack"]))
def test_generated_corpora_make_loadable_layers(operations: list[Operation], navigator: str) -> None:
    layer = tx.to_layer(operations, navigator=navigator)
    assert _navlayers_problems(layer) == []
    used = {use.technique.id for op in operations for use in op.techniques if use.technique is not None}
    assert set(tx.layer_refs(layer, framework="disarm")) == {TechniqueRef.disarm(i) for i in used}
    for entry in layer["techniques"]:
        if "score" in entry:
            ids = [{u.technique.id for u in op.techniques if u.technique is not None} for op in operations]
            assert entry["score"] == sum(entry["techniqueID"] in found for found in ids)


@settings(max_examples=15)
@given(
    reports(max_operations=2),
    st.sampled_from(["disarm", "attack"]),
    st.sampled_from(["disarm", "attack"]),
    st.sampled_from(sorted(tx.LAYER_FORMATS)),
)
def test_generated_reports_make_loadable_layers(report: Report, framework: str, navigator: str, layer_format: str) -> None:
    layer = tx.to_layer(report, framework=framework, navigator=navigator, layer_format=layer_format)
    assert layer["versions"]["layer"] == layer_format
    json.dumps(layer, allow_nan=False)  # JSON-ready
    assert _navlayers_problems(layer) == []
    users: dict[str, set[str]] = {}
    for operation in report:
        for use in operation.techniques:
            if use.technique is not None and use.technique.framework == framework:
                users.setdefault(use.technique.id, set()).add(operation.id)
    scored = {t["techniqueID"]: t["score"] for t in layer["techniques"] if "score" in t}
    assert scored == {technique: len(ids) for technique, ids in users.items()}
    # from_layer strips the ids it reads; the model's id grammar lets a trailing newline through ('T0001\n')
    assert {i.strip() for i in users} <= {entry.technique.id for entry in tx.from_layer(layer, framework=framework)}


def test_tactics_without_a_catalogue_come_from_the_uses() -> None:
    uses = [
        TechniqueUse(technique="T0085.001", tactic=Tactic(framework="disarm", id="TA06")),  # DISARM id: name known
        TechniqueUse(technique="T0116.001", tactic=Tactic(framework="disarm", id="TA09", name="Deliver Content")),
        TechniqueUse(technique="T0151.007"),
    ]
    layer = tx.to_layer(Operation(id="x", name="X", techniques=uses))
    placed = {t["techniqueID"]: t.get("tactic") for t in layer["techniques"] if "score" in t}
    assert placed == {"T0085.001": "develop-content", "T0116.001": "deliver-content", "T0151.007": None}
