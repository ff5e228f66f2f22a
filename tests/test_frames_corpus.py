"""The corpus tables with the frames extra: schemas, pandas and polars, read-back, files (``nox -s frames``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import Report, examples, json
from opsmodel._cli import main
from opsmodel.corpus import DTYPES, LOSSLESS, TABLES, Corpus, CorpusError, OperationKey, objects, schema
from opsmodel.testing import reports

from ._corpus_reports import MICROSOFT, OBSERVATORY

pytestmark = pytest.mark.frames

OPENAI = examples.load("openai-2024-05")
FIELD = {"targets": "targets", "assets": "assets", "technique_uses": "techniques", "ai_uses": "ai_uses"}


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus([OPENAI, MICROSOFT, OBSERVATORY])


@pytest.mark.parametrize("name", list(TABLES))
def test_each_table_has_its_documented_schema_in_arrow_pandas_and_polars(corpus: Corpus, name: str) -> None:
    table = corpus.table(name)
    assert table.schema.equals(schema(name))
    assert table.num_rows > 0
    assert list(corpus.to_pandas(name).columns) == list(TABLES[name].names)
    frame = corpus.to_polars(name)
    assert frame.columns == list(TABLES[name].names)
    assert frame.height == table.num_rows


def test_the_documented_dtypes_are_what_pandas_and_polars_give(corpus: Corpus) -> None:
    frame = corpus.to_pandas("operations")
    assert str(frame["latest_impact"].dtype) == "Int64"
    assert frame["ongoing"].dtype == bool
    assert isinstance(frame["activity_start_earliest"].dropna().iloc[0], dt.date)
    polars = corpus.to_polars("operations")
    assert str(polars.schema["activity_start_earliest"]) == "Date"
    assert str(polars.schema["origin_countries"]) == "List(String)"


def test_fuzzy_dates_are_their_bounds_and_wording(corpus: Corpus) -> None:
    rows = {row["operation_id"]: row for row in corpus.table("operations").to_pylist()}
    storm = rows["storm-1099"]
    assert (storm["activity_start_earliest"], storm["activity_start_latest"]) == (dt.date(2022, 2, 1), dt.date(2022, 2, 28))
    assert storm["activity_start_wording"] == "2022-02"
    assert storm["cluster_id"] == rows["doppelganger"]["cluster_id"]
    assert storm["latest_impact"] == 3
    assert rows["doppelganger-revisited"]["latest_impact"] == 4


def test_claims_hold_each_claimant(corpus: Corpus) -> None:
    frame = corpus.to_polars("claims")
    starts = frame.filter(frame["fact"] == "activity.start").select(["claimant", "value"]).rows()
    assert sorted(starts) == [("Invented Observatory", "2022-05"), ("Microsoft", "2022-02")]


@pytest.mark.parametrize("name", list(LOSSLESS))
def test_the_lossless_tables_read_back_from_every_kind_of_table(corpus: Corpus, name: str) -> None:
    expected = {
        OperationKey(report=report.id, operation=op.id): getattr(op, FIELD[name])
        for report in corpus
        for op in report.operations
        if getattr(op, FIELD[name])
    }
    for table in (corpus.table(name), corpus.to_pandas(name), corpus.to_polars(name)):
        assert objects(name, table) == expected


@settings(max_examples=20)
@given(st.lists(reports(max_operations=3, max_facts=2), min_size=1, max_size=2, unique_by=lambda report: report.id))
def test_generated_reports_round_trip_through_the_lossless_tables(drawn: list[Report]) -> None:
    corpus = Corpus(drawn)
    for name, field in FIELD.items():
        expected = {
            OperationKey(report=report.id, operation=op.id): getattr(op, field)
            for report in drawn
            for op in report.operations
            if getattr(op, field)
        }
        assert objects(name, corpus.table(name)) == expected
        assert objects(name, corpus.to_polars(name)) == expected


def test_a_flattened_table_does_not_pretend_to_read_back(corpus: Corpus) -> None:
    with pytest.raises(CorpusError, match="does not hold every field"):
        objects("disruptions", corpus.table("disruptions"))


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_the_command_writes_a_table(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "microsoft.json"
    source.write_text(json.dumps(MICROSOFT), encoding="utf-8")
    out = tmp_path / f"claims{suffix}"
    assert main(["corpus", str(source), "--table", "claims", "--out", str(out)]) == 0
    if suffix == ".parquet":
        table = pyarrow.parquet.read_table(out)
        assert table.schema.names == list(TABLES["claims"].names)
    else:
        text = out.read_text(encoding="utf-8")
        assert text.splitlines()[0].replace('"', "").split(",") == list(TABLES["claims"].names)
        assert '"[""Microsoft""]"' in text  # a list column as a JSON array in its cell
        assert "activity.start" in text


def test_pandas_and_polars_give_the_documented_dtypes(corpus: Corpus) -> None:
    pandas_kinds = {"str": {"str", "object"}, "Int64 (nullable)": {"Int64"}, "bool": {"bool"}}
    for name, spec in TABLES.items():
        frame, polars = corpus.to_pandas(name), corpus.to_polars(name)
        for column in spec.columns:
            _, pandas, polar = DTYPES[column.dtype]
            assert str(polars.schema[column.name]).startswith(polar.rstrip(")")), (name, column.name)
            assert str(frame[column.name].dtype) in pandas_kinds.get(pandas, {"object"}), (name, column.name)
