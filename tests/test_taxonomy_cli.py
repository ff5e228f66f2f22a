"""``opsmodel taxonomy show/diff/check/layer`` on the real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from opsmodel import examples
from opsmodel import taxonomy as tx
from opsmodel._cli import main


@pytest.fixture
def files(shared_data: Path) -> dict[str, str]:
    return {
        "v16": str(shared_data / "disarm" / "DISARM-v1.6.json"),
        "v17": str(shared_data / "disarm" / "v1.7-navigator" / "DISARM.json"),
        "meta": str(shared_data / "meta-ookc" / "Online_Operations_Killchain-TTPs.csv"),
    }


def test_show(files: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["taxonomy", "show", files["v16"]]) == 0
    out = capsys.readouterr().out
    assert out.startswith("DISARM Framework (disarm 1.6): 16 tactics, 103 techniques, 288 sub-techniques\n")
    assert "  TA06 Develop Content [P02]: " in out
    assert main(["taxonomy", "show", files["v16"], "--technique", "develop ai-generated text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("T0085.001 Develop AI-Generated Text\n  tactics: TA06 Develop Content\n  parent: T0085")
    assert main(["taxonomy", "show", files["meta"], "--tactic", "0"]) == 0
    assert "    0.6.2 Acquiring domains to support influence operations" in capsys.readouterr().out
    assert main(["taxonomy", "show", files["v16"], "--technique", "T9999"]) == 1
    assert "no technique of disarm 1.6 is named 'T9999'" in capsys.readouterr().err


def test_show_takes_the_id_as_an_argument(files: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["taxonomy", "show", files["v16"], "--technique", "T0085.001"]) == 0
    by_option = capsys.readouterr().out
    assert main(["taxonomy", "show", files["v16"], "T0085.001"]) == 0
    assert capsys.readouterr().out == by_option
    assert main(["taxonomy", "show", files["v16"], "TA06"]) == 0
    assert capsys.readouterr().out.startswith("TA06 Develop Content\n  T0015 Create Hashtags and Search Artefacts\n")
    assert main(["taxonomy", "show", files["v16"], "Develop Content"]) == 0
    assert capsys.readouterr().out.startswith("TA06 Develop Content\n")
    assert main(["taxonomy", "show", files["v16"], "T0085", "--tactic", "TA06"]) == 2
    assert "give ID or --tactic/--technique, not both" in capsys.readouterr().err
    assert main(["taxonomy", "show", files["v16"], "Narnia"]) == 1
    assert "'Narnia' is neither a technique nor a tactic of disarm 1.6: give an id" in capsys.readouterr().err


def test_show_prints_plain_text(files: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """DISARM's descriptions carry <br> and <b> for its website; the catalogue holds them as plain text."""
    assert main(["taxonomy", "show", files["v16"], "T0085.001"]) == 0
    out = capsys.readouterr().out
    assert "<br>" not in out
    assert "<b>" not in out
    assert "\n\nAssociated Techniques and Sub-techniques:\nT0085.008: Machine Translated Text:" in out
    for path in (files["v16"], files["v17"]):
        catalogue = tx.load(path)
        descriptions = [entry.description for entry in catalogue.tactics] + [entry.description for entry in catalogue]
        assert not [text for text in descriptions if text and "<" in text]


def test_diff(files: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["taxonomy", "diff", files["v16"], files["v17"]]) == 0
    out = capsys.readouterr().out
    assert "tactics removed (1):\n    TA08 Conduct Pump Priming" in out
    assert "    T0085.001 Develop AI-Generated Text" in out


def test_check(files: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["taxonomy", "check", files["v16"]]) == 0
    assert "openai-2024-05: 21 technique tags checked against disarm 1.6: 0 errors, 0 warnings" in capsys.readouterr().out
    assert main(["taxonomy", "check", files["v17"], "--history", files["v16"]]) == 1
    out = capsys.readouterr().out
    removed = "error removed-technique: T0085.001 'Develop AI-Generated Text' was removed in disarm 1.7, last seen in 1.6"
    assert f"$.operations[0].techniques[0].technique.id: {removed}" in out
    assert main(["taxonomy", "check", files["v17"], "no-such-report.json"]) == 2
    assert "cannot read no-such-report.json" in capsys.readouterr().err


def test_layer(files: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "layer.json"
    assert main(["taxonomy", "layer", "--catalogue", files["v16"], "--out", str(target)]) == 0
    layer = json.loads(target.read_text(encoding="utf-8"))
    assert layer == tx.to_layer(examples.load("openai-2024-05"), catalogue=tx.load(files["v16"]))
    assert main(["taxonomy", "layer", "--navigator", "attack"]) == 0
    assert json.loads(capsys.readouterr().out)["domain"] == "enterprise-attack"
    assert main(["taxonomy", "layer", "--layer-format", "4.5"]) == 0
    assert json.loads(capsys.readouterr().out)["versions"] == {"navigator": "4.9.1", "layer": "4.5", "attack": "1"}


def test_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "ttps.csv"
    bad.write_text("Phase,Technique,Procedure\n", encoding="utf-8")
    assert main(["taxonomy", "show", str(bad)]) == 1
    assert f"opsmodel: error: {bad}: line 1: the header is" in capsys.readouterr().err
