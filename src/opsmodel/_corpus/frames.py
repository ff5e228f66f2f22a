"""The tables as Arrow tables, pandas and polars data frames (the ``opsmodel-io[frames]`` extra), and back.

pyarrow, pandas and polars are imported only when a table is asked for, so ``import
opsmodel.corpus`` works without them; without them a table raises
:class:`~opsmodel.errors.MissingExtraError` naming the extra.
"""

from __future__ import annotations

import importlib
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import attrs

from .._core.errors import CorpusError, MissingExtraError, Problem
from .._core.files import atomic_writer
from .._formats.json.converter import converter
from .._model.conduct import AIUse
from .._model.counts import Count
from .._model.dates import FuzzyDate, Period, parse_date
from .._model.languages import Language
from .._model.measures import Measure
from .._model.places import Audience, Country, Locality, Region, Subdivision, Target, TargetEvent, TargetOrganisation
from .._model.platforms import Asset, Platform
from .._model.techniques import Confidence, Tactic, TechniqueRef, TechniqueUse
from .records import OperationKey
from .tables import CONFIDENCE_FIELDS, TABLES, Row, TableSpec

EXTRA = "frames"
T = TypeVar("T")


def extra(module: str, *, name: str = EXTRA, needed_by: str = "opsmodel.corpus tables") -> ModuleType:
    """The optional module ``module`` (pyarrow, pandas, polars...), or a MissingExtraError naming the extra ``name``."""
    try:
        return importlib.import_module(module)
    except ImportError:
        message = f"{needed_by} need {module}: install the extra with `pip install 'opsmodel-io[{name}]'`"
        raise MissingExtraError(message) from None


def spec(name: str) -> TableSpec:
    """The table ``name``, or a CorpusError listing the tables."""
    found = TABLES.get(name)
    if found is None:
        expected = ", ".join(TABLES)
        problem = Problem(code="corpus-table", message=f"no table {name!r}", value=name, expected=f"one of {expected}")
        raise CorpusError([problem])
    return found


def _arrow_type(pa: Any, type_name: str) -> Any:
    language = pa.struct([(part, pa.string()) for part in ("code", "script", "region", "name")])
    return {
        "string": pa.string(),
        "int64": pa.int64(),
        "bool": pa.bool_(),
        "date32": pa.date32(),
        "list<string>": pa.list_(pa.string()),
        "list<language>": pa.list_(language),
    }[type_name]


def schema(name: str) -> Any:
    """The Arrow schema of table ``name``, each field's description in its metadata."""
    pa = extra("pyarrow")
    return pa.schema(
        [
            pa.field(column.name, _arrow_type(pa, column.dtype), metadata={"description": column.description})
            for column in spec(name).columns
        ],
        metadata={"table": name, "row": spec(name).row},
    )


def arrow_table(name: str, rows: Iterable[Row]) -> Any:
    """The Arrow table of ``rows`` with the schema of table ``name``."""
    pa = extra("pyarrow")
    return pa.Table.from_pylist(list(rows), schema=schema(name))


def to_pandas(table: Any) -> Any:
    """An Arrow table as a pandas DataFrame (nullable integers and strings kept as pandas' own dtypes)."""
    pd = extra("pandas")
    return table.to_pandas(types_mapper={extra("pyarrow").int64(): pd.Int64Dtype()}.get)


def to_polars(table: Any) -> Any:
    """An Arrow table as a polars DataFrame."""
    return extra("polars").from_arrow(table)


# ---------------------------------------------------------------------------------------------
# Back to objects: the tables that hold every field of their objects


def _count(row: Row, prefix: str) -> Count | None:
    kind = row[f"{prefix}_kind"]
    if kind is None:
        return None
    return Count(kind=kind, value=row[f"{prefix}_value"], upper=row[f"{prefix}_upper"], wording=row[f"{prefix}_wording"])


def _asset(row: Row) -> Asset:
    return Asset(
        platform=Platform(id=row["platform"], name=row["platform_name"]),
        kind=row["kind"],
        count=_count(row, "count"),
        followers=_count(row, "followers"),
        identifiers=row["identifiers"],
        note=row["note"],
        sources=row["sources"],
    )


def _technique_use(row: Row) -> TechniqueUse:
    tactic = None
    if row["tactic_id"] is not None:
        tactic = Tactic(
            framework=row["tactic_framework"], id=row["tactic_id"], name=row["tactic_name"], version=row["tactic_version"]
        )
    technique = None
    if row["technique_id"] is not None:  # else a tactic mapped alone
        technique = TechniqueRef(
            framework=row["framework"], id=row["technique_id"], version=row["technique_version"], name=row["technique_name"]
        )
    return TechniqueUse(
        technique=technique,
        tactic=tactic,
        procedure=row["procedure"],
        evidence=row["evidence"],
        confidence=_confidence(row),
        sources=row["sources"],
        claimant=row["claimant"],
        voice=row["voice"],
    )


def _confidence(row: Row) -> Confidence | None:
    given = {name: row[f"confidence_{name}"] for name in CONFIDENCE_FIELDS}
    return Confidence(**given) if any(value is not None for value in given.values()) else None


def _from_json(cls: type[T], text: str) -> T:
    return converter(False, False).structure(json.loads(text), cls)


def _ai_use(row: Row) -> AIUse:
    return AIUse(
        service=row["service"],
        provider=row["provider"],
        model=row["model"],
        purposes=row["purposes"],
        languages=[Language(**language) for language in row["languages"]],
        wording=row["wording"],
        llm_ttps=row["llm_ttps"],
        failures=row["failures"],
        sources=row["sources"],
        tool_kind=row["tool_kind"],
        confidence=_confidence(row),
        access=row["access"],
        via=row["via"],
        period=None if row["period"] is None else _from_json(Period, row["period"]),
        platforms=[Platform(id=id_, name=name) for id_, name in zip(row["platforms"], row["platform_names"], strict=True)],
        output=[_from_json(Measure, text) for text in row["output"]],
        claimant=row["claimant"],
        voice=row["voice"],
    )


def _place(row: Row) -> Country | Subdivision | Region | Locality | None:
    kind = row["place_kind"]
    if kind == "country":
        return Country(code=row["place_code"])
    if kind == "subdivision":
        return Subdivision(code=row["place_code"])
    if kind == "region":
        return Region(name=row["region"], members=row["region_members"], members_basis=row["region_members_basis"])
    if kind == "locality":
        within = Subdivision(code=row["place_code"]) if "-" in row["place_code"] else None
        country = within.country if within is not None else Country(code=row["place_code"])
        return Locality(name=row["locality"], country=country, subdivision=within)
    return None


def _text_date(row: Row, prefix: str) -> FuzzyDate | None:
    text = row[prefix]
    if text is None:
        return None
    found = parse_date(text)
    assert isinstance(found, FuzzyDate)  # the table holds only absolute dates' canonical forms
    return attrs.evolve(found, wording=row[f"{prefix}_wording"])


def _target(row: Row) -> Target:
    audience = None if row["audience"] is None else Audience(name=row["audience"], description=row["audience_description"])
    event = None
    if row["event"] is not None:
        event = TargetEvent(name=row["event"], kind=row["event_kind"], date=_text_date(row, "event_date"))
    organisation = None
    if row["organisation"] is not None:
        organisation = TargetOrganisation(name=row["organisation"], kind=row["organisation_kind"])
    return Target(
        place=_place(row),
        audience=audience,
        note=row["note"],
        sources=row["sources"],
        role=row["role"],
        status=row["status"],
        event=event,
        organisation=organisation,
        since=_text_date(row, "since"),
    )


#: The tables that read back as the objects they were made from, exactly.
LOSSLESS: dict[str, Callable[[Row], Any]] = {
    "targets": _target,
    "assets": _asset,
    "technique_uses": _technique_use,
    "ai_uses": _ai_use,
}


def objects(name: str, table: Any) -> dict[OperationKey, tuple[Any, ...]]:
    """The objects a lossless table holds (an Arrow table, a pandas or polars data frame), by operation, in row order.

    Only the tables of :data:`LOSSLESS` read back; the others flatten fuzzy dates to their
    bounds, which loses the precision and wording's parts.
    """
    build = LOSSLESS.get(name)
    if build is None:
        message = f"the {name!r} table does not hold every field of its objects"
        raise CorpusError([Problem(code="corpus-table", message=message, value=name, expected=f"one of {', '.join(LOSSLESS)}")])
    found: dict[OperationKey, list[Any]] = defaultdict(list)
    for row in _pylist(table):
        found[OperationKey(report=row["report_id"], operation=row["operation_id"])].append(build(row))
    return {key: tuple(values) for key, values in found.items()}


def _pylist(table: Any) -> list[Row]:
    # polars and Arrow tables convert themselves; a pandas frame goes back through Arrow
    if hasattr(table, "to_pylist"):
        return list(table.to_pylist())
    if hasattr(table, "to_dicts"):
        return list(table.to_dicts())
    return list(extra("pyarrow").Table.from_pandas(table, preserve_index=False).to_pylist())


#: The file formats :func:`write_table` writes, by file name suffix.
TABLE_FILES = (".parquet", ".csv")


def write_table(table: Any, path: str | os.PathLike[str]) -> None:
    """Write an Arrow table to ``path``, Parquet or CSV by its suffix, atomically.

    CSV has no lists: a list column is written as a JSON array in its cell.
    """
    target = Path(path)
    if target.suffix not in TABLE_FILES:
        message = f"cannot write a table to {target.name!r}"
        raise CorpusError([Problem(code="corpus-table", message=message, value=str(target), expected="a .parquet or .csv file")])
    pa = extra("pyarrow")
    sink = pa.BufferOutputStream()
    if target.suffix == ".parquet":
        extra("pyarrow.parquet").write_table(table, sink)
    else:
        extra("pyarrow.csv").write_csv(_flat(pa, table), sink)
    with atomic_writer(target, mode="wb") as handle:
        handle.write(sink.getvalue().to_pybytes())


def _flat(pa: Any, table: Any) -> Any:
    columns = {}
    for field in table.schema:
        column = table.column(field.name)
        if pa.types.is_list(field.type):
            column = pa.array([None if cell is None else json.dumps(cell, ensure_ascii=False) for cell in column.to_pylist()])
        columns[field.name] = column
    return pa.table(columns)
