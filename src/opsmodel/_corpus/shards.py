"""A corpus as JSON Lines shards: a folder of ``part-00000.jsonl`` files and a manifest, by partition.

Each shard is opsmodel JSON Lines (:func:`opsmodel.json.dump_lines`): for reports, each report's
header line followed by its operations, one report after another; for bare operations, one header
and the operations. Shards are written one at a time, each atomically, while the source is read,
so writing keeps one shard's worth of text at most; the manifest is written last, so a folder
with a manifest is complete. Reading goes shard by shard and report by report, through the
JSON Lines reader, so a worker (a Dask partition) holds one shard at most.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, Literal

import attrs
from attrs import frozen

from .._core.errors import CorpusError, DocumentError, InputError, Problem
from .._core.files import atomic_writer
from .._formats.json.envelope import FORMAT_VERSION
from .._formats.json.lines import dump_lines, load_lines, load_report_lines
from .._model.operations import Operation, Report

#: The name of the manifest file in a folder of shards.
MANIFEST = "manifest.json"
SHARDS_FORMAT = "opsmodel-shards"
SHARDS_VERSION = "1.0"

Content = Literal["reports", "operations"]


@frozen
class Shard:
    """One JSON Lines file of a folder of shards, with the counts the manifest gives for it; nothing read."""

    #: The shard's file.
    path: Path = attrs.field(converter=Path)
    #: ``reports`` (each report's header, then its operations) or ``operations`` (one header, bare operations).
    content: Content
    #: How many reports it holds (0 for bare operations).
    reports: int
    #: How many operations it holds.
    operations: int

    def iter_reports(self) -> Iterator[Report]:
        """The shard's reports, read one at a time; a CorpusError for a shard of bare operations."""
        if self.content != "reports":
            message = f"{self.path.name}: a shard of bare operations holds no reports"
            raise CorpusError([_problem(message, str(self.path), "a shard written from reports")])
        for first, segment in _segments(_lines(self.path)):
            try:
                report = load_report_lines(segment)
            except DocumentError as exc:
                raise _refused(self.path, first, exc) from None
            yield report

    def iter_operations(self) -> Iterator[Operation]:
        """The shard's operations, read one at a time, whichever its content."""
        if self.content == "reports":
            for report in self.iter_reports():
                yield from report.operations
            return
        try:
            yield from load_lines(_lines(self.path))
        except DocumentError as exc:
            raise _refused(self.path, 0, exc) from None


@frozen
class Manifest:
    """What a folder of shards holds: its shards in order, and how it was partitioned."""

    #: The folder.
    folder: Path = attrs.field(converter=Path)
    #: ``reports`` or ``operations``.
    content: Content
    #: At most how many reports (or bare operations) one shard holds.
    size: int
    #: The shards, in order.
    shards: tuple[Shard, ...]

    @property
    def reports(self) -> int:
        """How many reports the shards hold in all."""
        return sum(shard.reports for shard in self.shards)

    @property
    def operations(self) -> int:
        """How many operations the shards hold in all."""
        return sum(shard.operations for shard in self.shards)

    def to_json(self) -> dict[str, Any]:
        """The manifest file's content."""
        return {
            "format": SHARDS_FORMAT,
            "format_version": SHARDS_VERSION,
            "json_format_version": FORMAT_VERSION,
            "content": self.content,
            "partitioning": {"by": self.content, "size": self.size},
            "reports": self.reports,
            "operations": self.operations,
            "shards": [
                {"file": shard.path.name, "reports": shard.reports, "operations": shard.operations} for shard in self.shards
            ],
        }

    @classmethod
    def read(cls, folder: str | os.PathLike[str]) -> Manifest:
        """The manifest of ``folder``; a CorpusError (``corpus-shards``) when it is missing or not one."""
        root = Path(folder)
        path = root / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            message = f"{path}: cannot read the manifest of a folder of shards: {getattr(exc, 'strerror', None) or exc}"
            raise CorpusError([_problem(message, str(path), f"a {MANIFEST} written by write_shards")]) from None
        try:
            return _manifest(root, data)
        except (KeyError, TypeError, ValueError):
            message = f"{path}: not a manifest of opsmodel shards {SHARDS_VERSION}"
            raise CorpusError([_problem(message, str(path), f"a {MANIFEST} written by write_shards")]) from None


def _manifest(root: Path, data: dict[str, Any]) -> Manifest:
    if data["format"] != SHARDS_FORMAT or data["format_version"] != SHARDS_VERSION:
        raise ValueError(data["format"])
    content = data["content"]
    if content not in ("reports", "operations"):
        raise ValueError(content)
    shards = tuple(
        Shard(
            path=root / Path(entry["file"]).name,
            content=content,
            reports=int(entry["reports"]),
            operations=int(entry["operations"]),
        )
        for entry in data["shards"]
    )
    return Manifest(folder=root, content=content, size=int(data["partitioning"]["size"]), shards=shards)


def _problem(message: str, value: str, expected: str) -> Problem:
    return Problem(code="corpus-shards", message=message, value=value, expected=expected)


def _lines(path: Path) -> Iterator[str]:
    """A shard's lines, or an InputError naming the file."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with handle:
        yield from handle


def _is_header(line: str) -> bool:
    # dump_lines writes the header with "format" first; an operation has no "format" field
    return line.lstrip().startswith('{"format"')


def _segments(lines: Iterable[str]) -> Iterator[tuple[int, list[str]]]:
    """Each report's lines (its header, then its operations) with the line number before it."""
    segment: list[str] = []
    first = 0
    for number, line in enumerate(lines):
        if _is_header(line) and segment:
            yield first, segment
            segment, first = [], number
        segment.append(line)
    if segment:
        yield first, segment


def _refused(path: Path, offset: int, exc: DocumentError) -> CorpusError:
    """The JSON Lines reader's refusal as a CorpusError naming the shard, lines counted in the whole file."""
    found = [
        attrs.evolve(p, line=None if p.line is None else p.line + offset, message=f"{path.name}: {p.message}")
        for p in exc.problems
    ]
    head = Problem(code="corpus-read", message=f"{path}: not opsmodel JSON Lines", value=str(path))
    return CorpusError([head, *found])


_SHARD_NAME = re.compile(r"part-[0-9]{5,}\.jsonl")


def _shard_name(index: int) -> str:
    return f"part-{index:05d}.jsonl"


def write_shards(source: Iterable[Report] | Iterable[Operation], folder: str | os.PathLike[str], *, size: int = 1000) -> Manifest:
    """Write reports (a :class:`Corpus` or any iterable) or bare operations as JSON Lines shards in ``folder``.

    Each shard holds ``size`` consecutive reports (or operations) at most, in the order given;
    ``folder`` gets ``part-00000.jsonl``, ``part-00001.jsonl``... and a ``manifest.json`` naming
    the format version, the partitioning and the counts. The source is read as a stream (a
    corpus's :meth:`~Corpus.iter_reports`): each shard is written, atomically, as soon as it is
    full, so memory holds one shard at most. Returns the manifest.
    """
    if size < 1:
        raise ValueError(f"a shard holds at least one report or operation, not {size}")
    root = Path(folder)
    # a Corpus is read item by item, never whole
    stream = getattr(source, "iter_reports", None)
    values: Iterator[Any] = iter(source if stream is None else stream())
    shards: list[Shard] = []
    content: Content | None = None
    while batch := list(islice(values, size)):
        content = content or ("reports" if isinstance(batch[0], Report) else "operations")
        shards.append(_write_shard(root / _shard_name(len(shards)), content, batch))
    manifest = Manifest(folder=root, content=content or "reports", size=size, shards=tuple(shards))
    with atomic_writer(root / MANIFEST) as handle:
        json.dump(manifest.to_json(), handle, indent=2)
        handle.write("\n")
    # shards of an earlier, longer write would be read by a glob: only the manifest's remain
    kept = {shard.path.name for shard in shards}
    for path in root.glob("part-*.jsonl"):
        if path.name not in kept and _SHARD_NAME.fullmatch(path.name):
            path.unlink()
    return manifest


def _write_shard(path: Path, content: Content, batch: list[Any]) -> Shard:
    wanted = Report if content == "reports" else Operation
    for index, value in enumerate(batch):
        if type(value) is not wanted:
            found = type(value).__name__
            raise TypeError(f"write_shards writes {wanted.__name__} values, got {found} in {path.name} (item {index})")
    with atomic_writer(path) as handle:
        # one header for bare operations; each report's own header before its operations
        operations = dump_lines(batch, handle) if content == "operations" else sum(dump_lines(r, handle) for r in batch)
    return Shard(path=path, content=content, reports=len(batch) if content == "reports" else 0, operations=operations)


def read_shards(folder: str | os.PathLike[str]) -> Iterator[Report]:
    """The reports of a folder of shards, shard by shard, one at a time (nothing kept)."""
    for shard in Manifest.read(folder).shards:
        yield from shard.iter_reports()
