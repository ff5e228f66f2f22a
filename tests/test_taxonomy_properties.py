"""Properties of catalogues, diffs and the CSV parser, on generated catalogues and on the real ones."""

from __future__ import annotations

import csv
import io
import pickle
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import Report
from opsmodel import taxonomy as tx
from opsmodel.testing import reports

_NAMES = st.sampled_from(["Alpha", "alpha", "Beta Test", "beta  test", "Gamma", "Delta Force", "Epsilon"]) | st.text(
    alphabet="abcdefgh XYZ-", min_size=1, max_size=12
).filter(lambda s: s.strip() != "")
_TACTIC_IDS = [f"TA{n:02d}" for n in range(1, 9)]
_TECHNIQUE_IDS = [f"T{n:04d}" for n in range(1, 13)]


@st.composite
def catalogues(draw: st.DrawFn) -> tx.Catalogue:
    """Small DISARM-shaped catalogues drawing from one pool of ids, so two of them overlap."""
    tactic_ids = draw(st.lists(st.sampled_from(_TACTIC_IDS), min_size=1, max_size=5, unique=True))
    tactics = [tx.TacticEntry(id=t, name=draw(_NAMES)) for t in tactic_ids]
    techniques = []
    for top in draw(st.lists(st.sampled_from(_TECHNIQUE_IDS), max_size=8, unique=True)):
        in_tactics = draw(st.lists(st.sampled_from(tactic_ids), min_size=1, max_size=2, unique=True))
        techniques.append(tx.TechniqueEntry(id=top, name=draw(_NAMES), tactics=in_tactics))
        for number in draw(st.lists(st.integers(1, 4), max_size=3, unique=True)):
            techniques.append(tx.TechniqueEntry(id=f"{top}.{number:03d}", name=draw(_NAMES), tactics=in_tactics, parent=top))
    techniques = draw(st.permutations(techniques))
    return tx.Catalogue(
        framework="disarm", version=draw(st.sampled_from(["1.0", "1.1", "2.0"])), tactics=tactics, techniques=techniques
    )


def _assert_lookups_agree(catalogue: tx.Catalogue) -> None:
    entries: list[tx.TacticEntry | tx.TechniqueEntry] = [*catalogue.tactics, *catalogue.techniques]
    for entry in entries:
        assert catalogue[entry.id] is entry
        assert catalogue.get(entry.id) is entry
        assert entry.id in catalogue
        same_name = catalogue.named(entry.name)
        assert entry in same_name
        assert catalogue.named(entry.name.upper()) == same_name
        assert catalogue.named(f"  {entry.name}  ") == same_name
        assert all(tx.normalise_name(other.name) == tx.normalise_name(entry.name) for other in same_name)
        if isinstance(entry, tx.TechniqueEntry):
            twins = [e for e in same_name if isinstance(e, tx.TechniqueEntry)]
            if twins == [entry]:
                assert catalogue.technique_named(entry.name) is entry
            else:
                with pytest.raises(tx.UnknownEntryError, match="use an id"):
                    catalogue.technique_named(entry.name)
            for tactic in entry.tactics:
                assert entry in catalogue.members(tactic)
        else:
            assert tx.normalise_name(catalogue.tactic(entry.name).name) == tx.normalise_name(entry.name)


@given(catalogues())
def test_lookups_by_id_and_by_name_agree(catalogue: tx.Catalogue) -> None:
    _assert_lookups_agree(catalogue)


def test_lookups_agree_on_the_real_catalogues(shared_data: Path) -> None:
    for path in (
        shared_data / "disarm" / "DISARM-v1.6.json",
        shared_data / "disarm" / "v1.7-navigator" / "DISARM.json",
        shared_data / "disarm" / "misp-galaxy" / "cluster-disarm-techniques.json",
        shared_data / "meta-ookc" / "Online_Operations_Killchain-TTPs.csv",
    ):
        catalogue = tx.load(path)
        _assert_lookups_agree(catalogue)
        assert tx.diff(catalogue, catalogue).is_empty
        assert tx.check([catalogue.ref(t.id) for t in catalogue], catalogue) == ()


@given(catalogues())
def test_iteration_visits_every_technique_parents_first(catalogue: tx.Catalogue) -> None:
    order = list(catalogue)
    assert sorted(t.id for t in order) == sorted(t.id for t in catalogue.techniques)
    seen: set[str] = set()
    for technique in order:
        assert technique.parent is None or technique.parent in seen
        seen.add(technique.id)
    assert len(catalogue.top_level) + len(catalogue.subtechniques) == len(catalogue)


@given(catalogues())
def test_diff_of_a_catalogue_with_itself_is_empty(catalogue: tx.Catalogue) -> None:
    assert tx.diff(catalogue, catalogue).is_empty
    assert tx.diff(catalogue, pickle.loads(pickle.dumps(catalogue))).is_empty


@given(catalogues(), catalogues())
def test_applying_a_diff_gives_the_new_id_set(old: tx.Catalogue, new: tx.Catalogue) -> None:
    changes = tx.diff(old, new)
    assert changes.apply(old.ids) == new.ids
    assert {t.id for t in changes.removed} == old.ids - new.ids
    assert {t.id for t in changes.added} == new.ids - old.ids
    assert {t.id for t in changes.tactics_removed} == {t.id for t in old.tactics} - {t.id for t in new.tactics}
    if changes.is_empty:
        assert old.ids == new.ids
        assert {t.id for t in old.tactics} == {t.id for t in new.tactics}
    else:
        assert tx.diff(new, old)  # a change one way is a change the other way
    later = new.with_history(old)
    assert set(later.removed) == old.ids - new.ids
    findings = tx.check([old.ref(t.id) for t in old], later)
    assert {f.value for f in findings if f.code == "removed-technique"} == old.ids - new.ids


@given(catalogues())
def test_every_catalogue_ref_checks_clean(catalogue: tx.Catalogue) -> None:
    assert tx.check([catalogue.ref(t.id) for t in catalogue], catalogue) == ()


# -- Meta's CSV: padding and stray punctuation in labels do not change the catalogue -------------

_ROWS = st.lists(
    st.tuples(
        st.integers(0, 9), st.integers(1, 12), st.integers(1, 12), st.sampled_from(["Posting", "Running ads", "Acquiring"])
    ),
    min_size=1,
    max_size=12,
    unique_by=lambda row: (row[0], row[1], row[2]),
)


def _csv(rows: list[tuple[str, str, str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Tactic", "Technique", "Procedure"])
    writer.writerows(rows)
    return out.getvalue()


@given(_ROWS, st.sampled_from(["", " ", "  "]), st.booleans())
def test_meta_labels_are_normalised(rows: list[tuple[int, int, int, str]], pad: str, dotted: bool) -> None:
    # a technique number belongs to one tactic only, as in the published file
    rows = [row for row in rows if all(other[1] != row[1] or other[0] == row[0] for other in rows)]
    if not rows:
        return
    clean = [(f"{a}. Tactic {a}", f"{a}.{b} Technique {a}.{b}", f"{a}.{b}.{c} {name}") for a, b, c, name in rows]
    messy = [
        (f"{a}. Tactic {a}{pad}", f"{a}.{b}{'.' if dotted else ''} Technique {a}.{b}{pad}", f"{a}.{b}.{c}{pad} {name}\n{pad}")
        for a, b, c, name in rows
    ]
    assert tx.parse_meta_csv(_csv(messy)) == tx.parse_meta_csv(_csv(clean))
    catalogue = tx.parse_meta_csv(_csv(clean))
    assert len(catalogue.subtechniques) == len(rows)
    assert all(t.parent is not None and t.id.startswith(t.parent + ".") for t in catalogue.subtechniques)


# -- check(): every finding points at the value it complains about ---------------------------------

_SMALL = tx.Catalogue(
    framework="disarm",
    version="1.6",
    tactics=[tx.TacticEntry(id="TA06", name="Develop Content")],
    techniques=[
        tx.TechniqueEntry(id="T0085", name="Develop Text-Based Content", tactics=["TA06"]),
        tx.TechniqueEntry(id="T0085.001", name="Develop AI-Generated Text", tactics=["TA06"], parent="T0085"),
    ],
    removals=[tx.Removal(id="T0023", name="Distort Facts", last_version="1.5", removed_in="1.6")],
)


def _resolve(obj: Any, path: str) -> Any:
    assert path.startswith("$")
    for attribute, index in re.findall(r"\.(\w+)|\[(\d+)\]", path[1:]):
        obj = getattr(obj, attribute) if attribute else obj[int(index)]
    return obj


@settings(max_examples=20)
@given(reports(max_operations=2))
def test_findings_point_at_their_values(report: Report) -> None:
    findings = tx.check(report, _SMALL)
    for finding in findings:
        assert _resolve(report, finding.path) == finding.value
    expected = {
        f"$.operations[{i}].techniques[{j}].technique.id"
        for i, operation in enumerate(report)
        for j, use in enumerate(operation.techniques)
        if use.technique is not None and use.technique.framework == "disarm" and use.technique.id not in _SMALL
    }
    assert {f.path for f in findings if f.path.endswith(".technique.id")} == expected


# -- the STIX loader: any bundle of DISARM's shape reads back as the catalogue it was made from ----


def _bundle(catalogue: tx.Catalogue, stix_ids: list[str]) -> dict[str, Any]:
    """``catalogue`` as DISARM publishes it: random STIX ids, techniques under "mitre-attack", a matrix for order."""
    ids = iter(stix_ids)
    tactic_refs = {t.id: f"x-mitre-tactic--{next(ids)}" for t in catalogue.tactics}
    technique_refs = {t.id: f"attack-pattern--{next(ids)}" for t in catalogue.techniques}
    objects: list[dict[str, Any]] = [
        {
            "type": "x-mitre-tactic",
            "id": tactic_refs[t.id],
            "name": t.name,
            "x_mitre_shortname": t.id.lower(),
            "external_references": [{"source_name": "DISARM", "external_id": t.id}],
        }
        for t in catalogue.tactics
    ]
    objects += [
        {
            "type": "attack-pattern",
            "id": technique_refs[t.id],
            "name": t.name,
            "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": x.lower()} for x in t.tactics],
            "external_references": [{"source_name": "mitre-attack", "external_id": t.id}],
            "x_mitre_is_subtechnique": t.parent is not None,
        }
        for t in catalogue.techniques
    ]
    objects += [
        {
            "type": "relationship",
            "id": f"relationship--{next(ids)}",
            "relationship_type": "subtechnique-of",
            "source_ref": technique_refs[t.id],
            "target_ref": technique_refs[t.parent],
        }
        for t in catalogue.techniques
        if t.parent is not None
    ]
    objects.append({"type": "x-mitre-matrix", "id": "x-mitre-matrix--1", "tactic_refs": list(tactic_refs.values())})
    return {"type": "bundle", "id": "bundle--1", "objects": objects}


@given(catalogues(), st.data())
def test_stix_bundles_read_back(catalogue: tx.Catalogue, data: st.DataObject) -> None:
    count = len(catalogue.tactics) + 2 * len(catalogue.techniques)
    stix_ids = data.draw(st.lists(st.uuids().map(str), min_size=count, max_size=count, unique=True))
    bundle = _bundle(catalogue, stix_ids)
    bundle["objects"] = data.draw(st.permutations(bundle["objects"]))
    if not catalogue.techniques:
        with pytest.raises(tx.CatalogueError, match="no techniques to load"):
            tx.parse_disarm_stix(bundle)
        return
    loaded = tx.parse_disarm_stix(bundle, version=catalogue.version)
    assert [t.id for t in loaded.tactics] == [t.id for t in catalogue.tactics]
    assert {(t.id, t.name, t.parent, frozenset(t.tactics)) for t in loaded.techniques} == {
        (t.id, t.name, t.parent, frozenset(t.tactics)) for t in catalogue.techniques
    }
    assert tx.diff(catalogue, loaded).is_empty
