"""A corpus: many reports, read lazily through the format registry, as one body of evidence."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from .._core.errors import CorpusError, InputError, OpsmodelError, Problem
from .._formats.builtin import FORMATS
from .._model.operations import Operation, Report
from .clusters import Cluster
from .frames import arrow_table, spec, to_pandas, to_polars
from .links import Link, Unresolved, components, names_of, resolve
from .queries import Query
from .records import OperationKey, Record
from .shards import Manifest, Shard
from .tables import rows

Item = Report | Path | Shard


def _item(value: Report | Shard | str | os.PathLike[str]) -> Item:
    return value if isinstance(value, (Report, Shard)) else Path(value)


def read_report(path: Path) -> Report:
    """The report a file holds, in whichever format the registry recognises from its content."""
    try:
        text = path.read_text(encoding="utf-8").lstrip("\ufeff")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    entry = FORMATS.detect(text)
    try:
        if entry.read is None:
            raise CorpusError([_problem("corpus-read", f"{path}: a {entry.name} document holds no report", path)])
        return entry.read(text)
    except CorpusError:
        raise
    except OpsmodelError as exc:
        found = [attrs.evolve(p, message=f"{path}: {p.message}") for p in exc.problems]
        raise CorpusError([_problem("corpus-read", f"{path}: not a report in the {entry.name} format", path), *found]) from None


def _problem(code: str, message: str, value: Any) -> Problem:
    return Problem(code=code, message=message, value=str(value))


class Corpus:
    """Many reports as one body of evidence, read lazily: nothing is read until it is needed.

    Build one from reports and files (``Corpus(["a.json", report])``) or a folder
    (:meth:`from_folder`). A report is known by its id: the same report read twice is one, two
    different reports with one id are a :class:`~opsmodel.errors.CorpusError`. Iteration gives the
    reports ordered by id, whatever order they came in; ``len`` counts them; ``in`` takes a report
    or a report id; ``|``, ``&`` and ``-`` combine corpora by report id, and a corpus equals the
    union of its parts. :meth:`iter_reports` reads one item at a time without keeping them, for
    corpora larger than memory.
    """

    __slots__ = ("_cache", "_items")

    def __init__(self, items: Iterable[Report | Shard | str | os.PathLike[str]] = ()) -> None:
        self._items: tuple[Item, ...] = tuple(_item(value) for value in items)
        self._cache: dict[str, Any] = {}

    @classmethod
    def from_folder(cls, folder: str | os.PathLike[str], pattern: str = "*.json*") -> Corpus:
        """The files of ``folder`` and its subfolders whose names match ``pattern``, in name order (not read yet)."""
        root = Path(folder)
        if not root.is_dir():
            raise InputError(f"{root}: not a folder")
        return cls(sorted(path for path in root.rglob(pattern) if path.is_file() and not path.name.startswith(".")))

    @classmethod
    def from_shards(cls, folder: str | os.PathLike[str]) -> Corpus:
        """The reports of a folder written by :func:`write_shards`, one item per shard (not read yet)."""
        return cls(Manifest.read(folder).shards)

    @property
    def items(self) -> tuple[Report | Path | Shard, ...]:
        """What the corpus was built from, in order: reports, the paths of files and the shards not read yet."""
        return self._items

    def iter_reports(self) -> Iterator[Report]:
        """Each item's reports in the order given, read one at a time and not kept (duplicates not merged)."""
        for item in self._items:
            if isinstance(item, Report):
                yield item
            elif isinstance(item, Shard):
                yield from item.iter_reports()
            else:
                yield read_report(item)

    def partitions(self, size: int) -> Iterator[Corpus]:
        """Corpora of ``size`` consecutive items each, nothing read: their union is this corpus.

        Each partition can be read, clustered and tabled on its own (a worker, a process); links
        between partitions are found only in their union.
        """
        if size < 1:
            raise ValueError(f"a partition holds at least one item, not {size}")
        for start in range(0, len(self._items), size):
            yield Corpus(self._items[start : start + size])

    def _reports(self) -> dict[str, Report]:
        found: dict[str, Report] | None = self._cache.get("reports")
        if found is None:
            found = {}
            for report in self.iter_reports():
                kept = found.setdefault(report.id, report)
                if kept != report:
                    message = f"two different reports have the id {report.id!r} ({kept.publisher}, {report.publisher})"
                    raise CorpusError([_problem("corpus-duplicate", message, report.id)])
            found = dict(sorted(found.items()))
            self._cache["reports"] = found
        return found

    @property
    def reports(self) -> tuple[Report, ...]:
        """The reports, ordered by id."""
        return tuple(self._reports().values())

    def report(self, report_id: str) -> Report | None:
        return self._reports().get(report_id)

    def __iter__(self) -> Iterator[Report]:
        return iter(self.reports)

    def __len__(self) -> int:
        return len(self._reports())

    def __contains__(self, value: object) -> bool:
        if isinstance(value, Report):
            return self._reports().get(value.id) == value
        return isinstance(value, str) and value in self._reports()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self._reports() == other._reports()

    __hash__ = None  # type: ignore[assignment]  # equal corpora are equal by content, which is read lazily

    def __or__(self, other: Corpus) -> Corpus:
        return Corpus((*self._items, *other._items))

    def __and__(self, other: Corpus) -> Corpus:
        return Corpus(report for report in self.reports if report.id in other)

    def __sub__(self, other: Corpus) -> Corpus:
        return Corpus(report for report in self.reports if report.id not in other)

    def __repr__(self) -> str:
        return f"<Corpus of {len(self._items)} items>"

    # -----------------------------------------------------------------------------------------
    # Records, links and clusters

    def records(self, query: Query | None = None) -> tuple[Record, ...]:
        """Every operation as its report describes it (or those the ``query`` keeps), by report id then report order."""
        found: tuple[Record, ...] | None = self._cache.get("records")
        if found is None:
            found = tuple(Record.of(report, operation) for report in self.reports for operation in report.operations)
            self._cache["records"] = found
        return found if query is None else tuple(record for record in found if query(record))

    def operations(self, query: Query | None = None) -> tuple[Operation, ...]:
        """The operations of :meth:`records`."""
        return tuple(record.operation for record in self.records(query))

    def where(self, query: Query) -> Corpus:
        """A corpus of the reports with operations the query keeps, each report narrowed to those operations."""
        kept: dict[str, list[Operation]] = {}
        for record in self.records(query):
            kept.setdefault(record.key.report, []).append(record.operation)
        return Corpus(attrs.evolve(report, operations=kept[report.id]) for report in self.reports if report.id in kept)

    def _links(self) -> tuple[tuple[Link, ...], tuple[Unresolved, ...]]:
        found: tuple[tuple[Link, ...], tuple[Unresolved, ...]] | None = self._cache.get("links")
        if found is None:
            found = resolve(self.records())
            self._cache["links"] = found
        return found

    @property
    def links(self) -> tuple[Link, ...]:
        """Every explicit statement that ties one record to another, resolved."""
        return self._links()[0]

    @property
    def unresolved(self) -> tuple[Unresolved, ...]:
        """The relations whose other operation is in no report of the corpus."""
        return self._links()[1]

    def clusters(self) -> tuple[Cluster, ...]:
        """The records grouped by explicit links, each group one :class:`Cluster`, ordered by id."""
        found: tuple[Cluster, ...] | None = self._cache.get("clusters")
        if found is None:
            by_key = {record.key: record for record in self.records()}
            groups = components(by_key, self.links)
            home = {key: index for index, group in enumerate(groups) for key in group}
            links: list[list[Link]] = [[] for _ in groups]
            for link in self.links:
                links[home[link.source]].append(link)
            found = tuple(
                Cluster(records=tuple(by_key[key] for key in group), links=tuple(found_links))
                for group, found_links in zip(groups, links, strict=True)
            )
            self._cache["clusters"] = found
        return found

    def namesakes(self) -> tuple[tuple[str, tuple[Record, ...]], ...]:
        """Names that records of different clusters share, each with its records: hints to check, never links.

        A name shared across clusters is not evidence that two records are one operation (two
        publishers may reuse a name for different networks); an analyst who finds they are says
        so with a relation or an alias, and the clusters follow.
        """
        homes = {record.key: cluster.id for cluster in self.clusters() for record in cluster.records}
        by_name: dict[str, tuple[str, dict[OperationKey, Record]]] = {}
        for record in self.records():
            for name in names_of(record):
                by_name.setdefault(name.casefold(), (name, {}))[1][record.key] = record
        return tuple(
            (name, tuple(found.values()))
            for _, (name, found) in sorted(by_name.items())
            if len({homes[key] for key in found}) > 1
        )

    def cluster_of(self, report_id: str, operation_id: str) -> Cluster:
        """The cluster holding one operation of one report; a KeyError when the corpus has no such operation."""
        key = OperationKey(report=report_id, operation=operation_id)
        homes: dict[OperationKey, Cluster] | None = self._cache.get("homes")
        if homes is None:
            homes = {record.key: cluster for cluster in self.clusters() for record in cluster.records}
            self._cache["homes"] = homes
        if key in homes:
            return homes[key]
        raise KeyError(f"no operation {operation_id!r} in a report {report_id!r} of the corpus")

    # -----------------------------------------------------------------------------------------
    # Tables (Arrow, pandas and polars need the frames extra)

    def rows(self, name: str) -> Iterator[dict[str, Any]]:
        """The rows of table ``name`` (see :data:`TABLES`) as plain dictionaries; needs no extra."""
        spec(name)
        return rows(name, self.clusters())

    def table(self, name: str) -> Any:
        """Table ``name`` as a :class:`pyarrow.Table` with its documented schema (the ``frames`` extra)."""
        return arrow_table(name, self.rows(name))

    def to_pandas(self, name: str) -> Any:
        """Table ``name`` as a pandas DataFrame (the ``frames`` extra)."""
        return to_pandas(self.table(name))

    def to_polars(self, name: str) -> Any:
        """Table ``name`` as a polars DataFrame (the ``frames`` extra)."""
        return to_polars(self.table(name))
