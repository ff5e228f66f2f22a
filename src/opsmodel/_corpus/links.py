"""Statements resolved to links between records, and the clusters the links make.

A link is made only by an explicit statement: a relation naming the other operation's id (in
the same report, or in a report the relation cites), or an alias naming the publisher who uses
the name and whose report has an operation of that name. Two operations that merely share a
name are never linked.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping

from attrs import frozen

from .records import OperationKey, Record, Statement, statements_of


@frozen(kw_only=True)
class Link:
    """One explicit statement tying one record to another, with who asserted it."""

    #: The record that makes the statement.
    source: OperationKey
    #: The record the statement points at.
    target: OperationKey
    #: The statement: its kind, its wording, its claimant and cited sources.
    statement: Statement

    def __str__(self) -> str:
        return f"{self.source} {self.statement.wording} ({self.target}), asserted by {self.statement.claimant}"


@frozen(kw_only=True)
class Unresolved:
    """A statement whose other operation is in no report of the corpus."""

    #: The record that makes the statement.
    source: OperationKey
    #: The statement.
    statement: Statement

    def __str__(self) -> str:
        return f"{self.source} {self.statement.wording}, asserted by {self.statement.claimant}: not in the corpus"


class _Index:
    """Records by key, and by (publisher, name) for aliases."""

    def __init__(self, records: Iterable[Record]) -> None:
        self.records: dict[OperationKey, Record] = {record.key: record for record in records}
        self.named: dict[tuple[str, str], list[OperationKey]] = defaultdict(list)
        for record in self.records.values():
            for name in names_of(record):
                self.named[(record.publisher.casefold(), name.casefold())].append(record.key)

    def resolve(self, record: Record, statement: Statement) -> list[OperationKey]:
        if statement.used_by is not None:
            found = self.named.get((statement.used_by.casefold(), statement.other.casefold()), [])
            return [key for key in found if key.report != record.key.report]
        for report in statement.reports:
            key = OperationKey(report=report, operation=statement.other)
            if key in self.records and key != record.key:
                return [key]
        return []


def names_of(record: Record) -> Iterator[str]:
    """The names a publisher gives an operation in its own report: its name and the aliases it uses itself."""
    if record.operation.name:
        yield record.operation.name
    for alias in record.operation.aliases:
        if alias.used_by is None or alias.used_by.casefold() == record.publisher.casefold():
            yield alias.name


def resolve(records: Iterable[Record]) -> tuple[tuple[Link, ...], tuple[Unresolved, ...]]:
    """The links the records' statements make, and the statements that point outside the corpus."""
    index = _Index(records)
    links: list[Link] = []
    unresolved: list[Unresolved] = []
    for record in index.records.values():
        for statement in statements_of(record):
            targets = index.resolve(record, statement)
            links.extend(Link(source=record.key, target=target, statement=statement) for target in targets)
            if not targets and statement.used_by is None:
                # an alias whose publisher has no report here points at nothing to resolve
                unresolved.append(Unresolved(source=record.key, statement=statement))
    return tuple(links), tuple(unresolved)


def components(keys: Iterable[OperationKey], links: Iterable[Link]) -> list[list[OperationKey]]:
    """The connected components of the records under the links, each sorted, in the order of their first key."""
    parent: dict[OperationKey, OperationKey] = {key: key for key in keys}

    def root(key: OperationKey) -> OperationKey:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for link in links:
        a, b = root(link.source), root(link.target)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[OperationKey, list[OperationKey]] = defaultdict(list)
    for key in parent:
        groups[root(key)].append(key)
    return sorted((sorted(group) for group in groups.values()), key=lambda group: group[0])


def chain(links: Iterable[Link], start: OperationKey, end: OperationKey) -> tuple[Link, ...]:
    """The shortest chain of links from ``start`` to ``end`` (either way along each link); empty if none."""
    neighbours: Mapping[OperationKey, list[tuple[OperationKey, Link]]] = defaultdict(list)
    for link in links:
        neighbours[link.source].append((link.target, link))
        neighbours[link.target].append((link.source, link))
    came: dict[OperationKey, tuple[OperationKey, Link] | None] = {start: None}
    queue = deque([start])
    while queue and end not in came:
        here = queue.popleft()
        for there, link in sorted(neighbours[here], key=lambda pair: pair[0]):
            if there not in came:
                came[there] = (here, link)
                queue.append(there)
    path: list[Link] = []
    step = came.get(end)
    while step is not None:
        path.append(step[1])
        step = came[step[0]]
    return tuple(reversed(path))
