"""The taxonomy's errors and problems: one exception family, one Problem record, one table of codes."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import OpsmodelError, Tactic, TechniqueRef, TechniqueUse, errors
from opsmodel import taxonomy as tx

from .test_taxonomy_properties import _bundle, catalogues

_ERRORS = ("CatalogueError", "UnknownEntryError", "LayerError", "DownloadError", "UnknownCategoryError")


@pytest.mark.parametrize("name", _ERRORS)
def test_errors_live_in_opsmodel_errors_and_stay_in_taxonomy(name: str) -> None:
    cls = getattr(errors, name)
    assert getattr(tx, name) is cls
    assert cls.__module__ == "opsmodel.errors"
    assert issubclass(cls, OpsmodelError)
    assert cls.code in tx.TAXONOMY_CODES


def test_the_family_tree() -> None:
    assert issubclass(tx.CatalogueError, errors.DataError)
    assert issubclass(tx.UnknownEntryError, errors.DataError)
    assert issubclass(tx.UnknownEntryError, KeyError)
    assert issubclass(tx.LayerError, errors.DataError)
    assert not issubclass(tx.LayerError, tx.CatalogueError)
    assert issubclass(tx.UnknownCategoryError, errors.DataError)
    # a failed download is about the network or the disk, not about data the caller gave
    assert issubclass(tx.DownloadError, errors.AccessError)
    assert issubclass(tx.DownloadError, OSError)
    assert not issubclass(tx.DownloadError, (ValueError, tx.CatalogueError))


def test_findings_are_problems() -> None:
    assert tx.Finding is errors.Problem
    assert tx.Severity is errors.Severity
    assert set(tx.CHECK_CODES) <= set(tx.TAXONOMY_CODES)


@pytest.mark.parametrize(
    "error",
    [
        tx.CatalogueError("the file is empty", source="DISARM.json"),
        tx.LayerError("not a Navigator layer", source="<layer>"),
        tx.DownloadError("the server answered 404 Not Found", source="https://example.org/x.csv"),
        tx.DownloadError("not downloaded yet"),
        tx.UnknownEntryError("'T9999' is not a technique id of disarm 1.6", "T9999"),
        tx.UnknownCategoryError("7 is not a Breakout Scale category"),
    ],
    ids=lambda error: type(error).__name__,
)
def test_errors_carry_problems_and_pickle(error: OpsmodelError) -> None:
    (problem,) = error.problems
    assert problem.code == type(error).code
    assert problem.code in tx.TAXONOMY_CODES
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert again.problems == error.problems


def test_sourced_errors_keep_source_and_problem() -> None:
    error = tx.DownloadError("cannot fetch the file: timed out", source="https://example.org/DISARM.json")
    assert (error.source, error.problem) == ("https://example.org/DISARM.json", "cannot fetch the file: timed out")
    assert str(error) == "https://example.org/DISARM.json: cannot fetch the file: timed out"
    assert error.problems[0].value == "https://example.org/DISARM.json"
    with pytest.raises(tx.UnknownEntryError) as info:
        tx.Catalogue(framework="disarm").technique("T0001")
    assert str(info.value) == "'T0001' is not a technique id of disarm"  # not KeyError's repr
    assert info.value.problems[0].value == "T0001"
    with pytest.raises(tx.UnknownCategoryError) as category:
        tx.breakout_category(7)
    assert category.value.problems[0].code == "unknown-category"


def test_an_inconsistent_catalogue_reports_each_problem_at_its_path() -> None:
    with pytest.raises(tx.CatalogueError) as info:
        tx.Catalogue(
            framework="disarm",
            phases=[tx.Phase(id="P01", name="Plan")],
            tactics=[tx.TacticEntry(id="TA01", name="Plan", phase="P09")],
            techniques=[
                tx.TechniqueEntry(id="T0001", name="A", tactics=["TA01"]),
                tx.TechniqueEntry(id="T0001", name="B", tactics=["TA01"]),
                tx.TechniqueEntry(id="T0002.001", name="C", parent="T0404"),
                tx.TechniqueEntry(id="T0003", name="D", tactics=["TA99"]),
                tx.TechniqueEntry(id="T0003.001", name="E", parent="T0003"),
                tx.TechniqueEntry(id="T0003.001.001", name="F", parent="T0003.001"),
            ],
        )
    found = [(p.code, p.path, p.value) for p in info.value.problems]
    assert found == [
        ("catalogue-duplicate-id", "$.techniques[1].id", "T0001"),
        ("catalogue-unknown-phase", "$.tactics[0].phase", "P09"),
        ("catalogue-unknown-parent", "$.techniques[2].parent", "T0404"),
        ("catalogue-unknown-tactic", "$.techniques[3].tactics", ["TA99"]),
        ("catalogue-nested-subtechnique", "$.techniques[5].parent", "T0003.001"),
    ]
    assert all(p.code in tx.TAXONOMY_CODES for p in info.value.problems)
    assert str(info.value).startswith("inconsistent catalogue: id 'T0001' is defined twice; tactic TA01 names")


# -- every code check() and the loaders emit is in the table ---------------------------------------

_IDS = st.sampled_from(["T0001", "T0002", "T0003.001", "T0005.002", "T0404", "T0404.001", "T0001.009"])
_TACTIC_IDS = st.sampled_from(["TA01", "TA02", "TA05", "TA99"])


@st.composite
def _uses(draw: st.DrawFn) -> TechniqueUse:
    ref = TechniqueRef(framework="disarm", id=draw(_IDS), name=draw(st.none() | st.sampled_from(["Alpha", "Beta", "x"])))
    tactic = draw(st.none() | _TACTIC_IDS.map(lambda t: Tactic(framework="disarm", id=t)))
    return TechniqueUse(technique=ref, tactic=tactic)


@settings(max_examples=40)
@given(catalogues(), catalogues(), st.lists(_uses(), max_size=8))
def test_every_code_check_reports_is_in_the_table(now: tx.Catalogue, before: tx.Catalogue, uses: list[TechniqueUse]) -> None:
    for history in (None, before, tx.diff(before, now)):
        for finding in tx.check(uses, now, history=history):
            assert isinstance(finding, errors.Problem)
            assert finding.code in tx.CHECK_CODES
            assert finding.severity is (errors.Severity.WARNING if finding.code.endswith("-mismatch") else errors.Severity.ERROR)


_KEYS = ["type", "objects", "values", "meta", "external_id", "external_references", "source_name", "name", "kill_chain"]
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from(["", "bundle", "x-mitre-tactic", "attack-pattern", "T0001"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(_KEYS), children, max_size=4),
    max_leaves=12,
)


def _codes_of(parse: Any, data: Any) -> set[str]:
    """The codes of the CatalogueError parsing ``data`` raises (any other error fails the test)."""
    try:
        parse(data)
    except tx.CatalogueError as exc:
        return {problem.code for problem in exc.problems}
    return set()


@settings(max_examples=60)
@given(_JSON)
def test_every_code_the_loaders_raise_is_in_the_table(data: Any) -> None:
    codes = _codes_of(tx.parse_disarm_stix, data) | _codes_of(tx.parse_misp_galaxy, data)
    assert codes <= set(tx.TAXONOMY_CODES)


@settings(max_examples=30)
@given(catalogues(), st.data())
def test_broken_bundles_fail_with_known_codes(catalogue: tx.Catalogue, data: st.DataObject) -> None:
    count = len(catalogue.tactics) + 2 * len(catalogue.techniques)
    bundle = _bundle(catalogue, [str(n) for n in range(count)])
    objects = data.draw(st.lists(st.sampled_from(bundle["objects"]), max_size=len(bundle["objects"])))
    assert _codes_of(tx.parse_disarm_stix, {**bundle, "objects": objects}) <= set(tx.TAXONOMY_CODES)


@pytest.mark.parametrize(
    "text",
    ["", "Phase,Technique,Procedure\n", "Tactic,Technique,Procedure\n", "Tactic,Technique,Procedure\n0. A,B,C\n"],
)
def test_csv_failures_have_known_codes(text: str) -> None:
    assert _codes_of(tx.parse_meta_csv, text) <= set(tx.TAXONOMY_CODES)
    assert _codes_of(tx.parse_meta_csv, text) == {"catalogue"}


def test_layer_errors_have_their_code() -> None:
    with pytest.raises(tx.LayerError) as info:
        tx.from_layer("{not json")
    assert [p.code for p in info.value.problems] == ["layer"]
    assert not isinstance(info.value, tx.CatalogueError)
