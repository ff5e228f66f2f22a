"""Catalogues and their loaders, on the files the frameworks publish and on broken ones."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from opsmodel import OpsmodelError, TechniqueRef
from opsmodel import taxonomy as tx


@pytest.fixture
def disarm_dir(shared_data: Path) -> Path:
    return shared_data / "disarm"


@pytest.fixture
def v16(disarm_dir: Path) -> tx.Catalogue:
    return tx.load_disarm_stix(disarm_dir / "DISARM-v1.6.json")


@pytest.fixture
def v17(disarm_dir: Path) -> tx.Catalogue:
    return tx.load_disarm_stix(disarm_dir / "v1.7-navigator" / "DISARM.json")


@pytest.fixture
def meta(shared_data: Path) -> tx.Catalogue:
    return tx.load_meta_csv(shared_data / "meta-ookc" / "Online_Operations_Killchain-TTPs.csv")


def _counts(catalogue: tx.Catalogue) -> tuple[int, int, int]:
    return len(catalogue.tactics), len(catalogue.top_level), len(catalogue.subtechniques)


def test_disarm_1_6_counts(v16: tx.Catalogue) -> None:
    assert _counts(v16) == (16, 103, 288)
    assert v16.framework == "disarm"
    assert v16.version == "1.6"  # from the file name: the bundle does not say
    assert v16.licence == "CC-BY-SA-4.0"
    assert [p.id for p in v16.phases] == ["P01", "P02", "P03", "P04"]
    assert v16.tactic("TA08").name == "Conduct Pump Priming"


def test_disarm_1_7_counts(v17: tx.Catalogue) -> None:
    assert _counts(v17) == (15, 109, 336)
    assert v17.version == "1.7"  # from the folder name
    assert "TA08" not in v17
    assert v17.title == "DISARM V2 Observations Framework"


def test_meta_counts(meta: tx.Catalogue) -> None:
    assert _counts(meta) == (10, 54, 161)
    assert meta.framework == "meta-ookc"
    assert [t.id for t in meta.tactics] == [str(n) for n in range(10)]
    assert meta.technique("0.6.2").name == "Acquiring domains to support influence operations"
    # trailing spaces, line breaks and the stray '.0' and '2.1.' of the published labels are normalised
    assert meta.technique("0.3").name == "Acquiring phone"
    assert meta.technique("0.6.1").name == "Acquiring domains to host, deploy, and support malware campaigns"
    assert meta.technique("0.9.10").name == "Acquiring Pinterest accounts"
    assert meta.technique("2.1").name == "Soliciting information"
    # a procedure belongs to the technique of its row, even where its own number says otherwise
    assert meta.technique("9.7.1").parent == "9.8"
    assert [t.id for t in meta.tactics_of("0.6.2")] == ["0"]


def test_misp_cluster(disarm_dir: Path) -> None:
    catalogue = tx.load_misp_galaxy(disarm_dir / "misp-galaxy" / "cluster-disarm-techniques.json", version="1.4")
    assert len(catalogue) == 298
    assert catalogue.version == "1.4"
    # tactic ids come from the names: the cluster only says "tactics:Develop Content"
    assert catalogue.technique("T0002").tactics == ("TA02",)
    assert catalogue.tactic("TA06").phase == "P02"
    assert catalogue.technique("T0009.001").parent == "T0009"
    assert all(t.parent in catalogue for t in catalogue.subtechniques)


def test_load_recognises_each_format(disarm_dir: Path, shared_data: Path) -> None:
    assert tx.load(disarm_dir / "DISARM-v1.6.json").framework == "disarm"
    assert len(tx.load(disarm_dir / "misp-galaxy" / "cluster-disarm-techniques.json")) == 298
    assert tx.load(shared_data / "meta-ookc" / "Online_Operations_Killchain-TTPs.csv").framework == "meta-ookc"


def test_keys_are_external_ids_not_stix_ids(v16: tx.Catalogue) -> None:
    assert "T0085.001" in v16
    assert not any(key.startswith("attack-pattern--") for key in v16.ids)
    entry = v16.technique("T0085.001")
    assert entry.name == "Develop AI-Generated Text"
    assert entry.parent == "T0085"
    assert entry.tactics == ("TA06",)
    assert entry.url is not None
    assert entry.url.endswith("T0085.001.md")
    assert v16.parent("T0085.001") == v16.technique("T0085")
    assert v16.technique("T0085.001") in v16.children("T0085")


def test_lookup_by_name_is_case_and_space_insensitive(v16: tx.Catalogue) -> None:
    assert v16.technique_named("  develop ai-generated   TEXT ").id == "T0085.001"
    assert v16.tactic("develop content").id == "TA06"
    assert v16.tactic("develop-content").id == "TA06"


def test_duplicate_names_are_reported_not_guessed(v16: tx.Catalogue) -> None:
    assert {entry.id for entry in v16.named("Traditional Media")} == {"T0111", "T0114.002"}
    with pytest.raises(tx.UnknownEntryError, match=r"2 techniques .* \(T0111, T0114.002\)"):
        v16.technique_named("traditional media")


def test_unknown_lookups(v16: tx.Catalogue) -> None:
    with pytest.raises(tx.UnknownEntryError, match=r"'T9999' is not a technique id of disarm 1\.6") as info:
        v16.technique("T9999")
    assert isinstance(info.value, KeyError)
    assert isinstance(info.value, OpsmodelError)
    assert v16.get("T9999") is None
    with pytest.raises(KeyError):
        v16["nope"]
    with pytest.raises(tx.UnknownEntryError):
        v16.technique_named("no such technique")
    with pytest.raises(tx.UnknownEntryError):
        v16.tactic("TA99")


def test_iteration_follows_the_framework(v16: tx.Catalogue) -> None:
    order = list(v16)
    assert len(order) == 391
    tactic_rank = {t.id: i for i, t in enumerate(v16.tactics)}
    ranks = [min(tactic_rank[x] for x in (t.tactics or v16.technique(t.parent or "").tactics)) for t in order if not t.parent]
    assert ranks == sorted(ranks)
    for index, technique in enumerate(order):  # every sub-technique follows its parent's group
        if technique.parent:
            assert order[index - 1].id in (technique.parent, *(c.id for c in v16.children(technique.parent)))
    assert [t.id for t in v16.tactics][:3] == ["TA01", "TA02", "TA13"]


def test_tactic_membership(v16: tx.Catalogue) -> None:
    members = v16.members("TA06")
    assert v16.technique("T0085.001") in members
    assert all("TA06" in t.tactics for t in members)
    assert sum(len(v16.members(t.id)) for t in v16.tactics) >= len(v16)


def test_ref_is_pinned_and_named(v16: tx.Catalogue) -> None:
    ref = v16.ref("T0085.001")
    assert ref == TechniqueRef(framework="disarm", id="T0085.001", version="1.6", name="Develop AI-Generated Text")
    assert ref in v16
    assert TechniqueRef(framework="attack", id="T0085.001") not in v16


def test_loading_twice_reads_once(tmp_path: Path, disarm_dir: Path) -> None:
    copy = tmp_path / "DISARM-v1.6.json"
    copy.write_bytes((disarm_dir / "DISARM-v1.6.json").read_bytes())
    first = tx.load_disarm_stix(copy)
    assert tx.load_disarm_stix(copy) is first
    assert tx.load(copy) is first
    # a changed file is read again
    data = json.loads(copy.read_text(encoding="utf-8"))
    data["objects"] = [o for o in data["objects"] if o.get("name") != "Develop AI-Generated Text"]
    copy.write_text(json.dumps(data), encoding="utf-8")
    stat = copy.stat()
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    second = tx.load_disarm_stix(copy)
    assert second is not first
    assert "T0085.001" not in second
    tx.clear_cache()
    assert tx.load_disarm_stix(copy) is not second


def test_catalogues_pickle_and_compare(v16: tx.Catalogue) -> None:
    again = pickle.loads(pickle.dumps(v16))
    assert again == v16
    assert again.technique("T0085.001") == v16.technique("T0085.001")
    assert hash(again) == hash(v16)


# -- bad files ---------------------------------------------------------------------------------


def test_truncated_bundle(tmp_path: Path, disarm_dir: Path) -> None:
    bad = tmp_path / "DISARM.json"
    bad.write_bytes((disarm_dir / "DISARM-v1.6.json").read_bytes()[:5000])
    with pytest.raises(tx.CatalogueError, match=r"DISARM\.json: not valid JSON \(the file looks truncated\)") as info:
        tx.load_disarm_stix(bad)
    assert isinstance(info.value, ValueError)
    assert info.value.source == str(bad)


def test_bundle_without_techniques(tmp_path: Path, disarm_dir: Path) -> None:
    data = json.loads((disarm_dir / "DISARM-v1.6.json").read_text(encoding="utf-8"))
    data["objects"] = [o for o in data["objects"] if o["type"] != "attack-pattern"]
    bad = tmp_path / "empty.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(tx.CatalogueError, match=r"empty\.json: the bundle has no attack-pattern objects"):
        tx.load_disarm_stix(bad)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "not valid JSON|the file is empty"),
        ('{"type": "bundle", "objects": []}', "no x-mitre-tactic objects"),
        ("[1, 2]", "not a STIX bundle"),
        ('{"type": "bundle", "objects": [', "truncated"),
    ],
)
def test_other_bad_bundles(tmp_path: Path, text: str, problem: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(tx.CatalogueError, match=problem):
        tx.load_disarm_stix(bad)


def test_csv_with_a_wrong_header(tmp_path: Path) -> None:
    bad = tmp_path / "ttps.csv"
    bad.write_text("Phase,Technique,Procedure\n0. Acquiring assets,0.1 IPs,0.1.1 Proxies\n", encoding="utf-8")
    with pytest.raises(tx.CatalogueError, match=r"ttps\.csv: line 1: the header is 'Phase,Technique,Procedure'"):
        tx.load_meta_csv(bad)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("", "the file is empty"),
        ("Tactic,Technique,Procedure\n", "no rows"),
        ("Tactic,Technique,Procedure,Indicator\n", "a per-network indicator file, not the TTP index"),
        ("Tactic,Technique,Procedure\nAcquiring,0.1 IPs,0.1.1 P\n", "line 2: tactic 'Acquiring' does not start with a dotted id"),
        ("Tactic,Technique,Procedure\n0. A,0.1 B\n", "line 2: expected three non-empty cells"),
        ("Tactic,Technique,Procedure\n0. A,0.1 B,0.1.1 C\n1. D,0.1 B,0.1.2 E\n", "line 3: technique 0.1 appears under"),
        ("Tactic,Technique,Procedure\n0. A,0.1 B,0.1.1 C\n0. A,0.1 B,0.1.1 C\n", "line 3: procedure id 0.1.1 appears twice"),
    ],
)
def test_other_bad_csvs(tmp_path: Path, body: str, problem: str) -> None:
    bad = tmp_path / "ttps.csv"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(tx.CatalogueError, match=problem):
        tx.load_meta_csv(bad)


def test_missing_and_undecodable_files(tmp_path: Path) -> None:
    with pytest.raises(tx.CatalogueError, match=r"nowhere\.json: cannot read the file"):
        tx.load(tmp_path / "nowhere.json")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00Tactic")
    with pytest.raises(tx.CatalogueError, match="not UTF-8 text"):
        tx.load(binary)
    neither = tmp_path / "other.json"
    neither.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(tx.CatalogueError, match="neither a STIX bundle"):
        tx.load(neither)
    cluster = tmp_path / "cluster.json"
    cluster.write_text('{"values": [{"value": "x", "meta": {}}]}', encoding="utf-8")
    with pytest.raises(tx.CatalogueError, match=r"no values with meta\.external_id"):
        tx.load_misp_galaxy(cluster)


def test_inconsistent_catalogue_is_refused() -> None:
    expected = r"id 'T0001' is defined twice.*unknown parent 'T0404'.*unknown tactics \['TA99'\]"
    with pytest.raises(tx.CatalogueError, match=expected):
        tx.Catalogue(
            framework="disarm",
            tactics=[tx.TacticEntry(id="TA01", name="Plan")],
            techniques=[
                tx.TechniqueEntry(id="T0001", name="A", tactics=["TA01"]),
                tx.TechniqueEntry(id="T0001", name="B", tactics=["TA01"]),
                tx.TechniqueEntry(id="T0002.001", name="C", parent="T0404"),
                tx.TechniqueEntry(id="T0003", name="D", tactics=["TA99"]),
            ],
        )
    with pytest.raises(OpsmodelError, match=r"TechniqueEntry\.id"):
        tx.TechniqueEntry(id="T 1", name="spaces")


@pytest.mark.parametrize(
    ("statement", "licence"),
    [
        ("CC-BY-SA-4.0 DISARM Foundation", "CC-BY-SA-4.0"),
        ("Copyright 2015-2024, The MITRE Corporation.", "Copyright 2015-2024, The MITRE Corporation."),
    ],
)
def test_licence_from_the_marking_statement(statement: str, licence: str) -> None:
    bundle = {
        "type": "bundle",
        "objects": [
            {"type": "marking-definition", "definition": {"statement": statement}},
            {
                "type": "x-mitre-tactic",
                "id": "x-mitre-tactic--1",
                "name": "Initial Access",
                "x_mitre_shortname": "initial-access",
                "external_references": [{"source_name": "mitre-attack", "external_id": "TA0001"}],
            },
            {
                "type": "attack-pattern",
                "id": "attack-pattern--1",
                "name": "Phishing",
                "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "initial-access"}],
                "external_references": [{"source_name": "mitre-attack", "external_id": "T1566"}],
            },
        ],
    }
    catalogue = tx.parse_disarm_stix(bundle, framework="attack")
    assert catalogue.licence == licence
    assert catalogue.technique("T1566").tactics == ("TA0001",)
    assert catalogue.phases == ()
