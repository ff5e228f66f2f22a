"""One operation as one report describes it, and the explicit statements that tie operations together.

The statements come from today's :class:`~opsmodel.Relation` and :class:`~opsmodel.Alias`
through one adapter, :func:`statements_of`: it reads the fields that later versions of the model
add (a relation's ``claimant`` and ``described_in``, inverse kinds such as ``has_part``) when
they are there, so that the rest of the corpus does not change when the model grows.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import field, frozen

from .._core.fields import to_text_tuple
from .._model.dates import FuzzyDate
from .._model.operations import Operation, Report
from .._model.relations import Alias, Relation


@frozen(kw_only=True, order=True)
class OperationKey:
    """Which operation of which report: operation ids are unique only within their report."""

    #: The id of the report that describes the operation.
    report: str
    #: The operation's id within that report.
    operation: str

    def __str__(self) -> str:
        return f"{self.report}/{self.operation}"


@frozen(kw_only=True)
class Record:
    """One operation as one report describes it, with the report's publisher and date."""

    #: Which report and which operation.
    key: OperationKey
    #: The operation, as the report gives it.
    operation: Operation = field(eq=False, repr=False)
    #: Who published the report.
    publisher: str
    #: When the report was published; None when it does not say.
    published: FuzzyDate | None = None

    @classmethod
    def of(cls, report: Report, operation: Operation) -> Record:
        key = OperationKey(report=report.id, operation=operation.id)
        return cls(key=key, operation=operation, publisher=report.publisher, published=report.published)

    def __str__(self) -> str:
        return f"{self.operation.display_name} ({self.publisher}, {self.key})"


# The kinds of relation that make two records one cluster: the same operation, or one a part of
# the other. Overlaps, resemblances and successors stay apart: they say the two are not one.
CLUSTER_KINDS = frozenset({"same_as", "alias_of", "part_of", "has_part"})


@frozen(kw_only=True)
class Statement:
    """What one record says about another operation: a relation, or an alias another publisher uses.

    ``kind`` is the relation's kind (``same_as``, ``part_of``...) or ``alias``; ``other`` names the
    other operation by its id (a relation) or by a name (an alias); ``reports`` are the reports it
    may be found in, in the order to look.
    """

    #: The relation's kind (``same_as``, ``alias_of``, ``part_of``...) or ``alias``.
    kind: str
    #: The other operation's id (a relation) or name (an alias).
    other: str
    #: Who asserts the statement.
    claimant: str
    #: The statement in words (``same as Doppelganger``, ``called Storm-1099 by Microsoft``).
    wording: str
    #: Ids of the record's sources that state it.
    sources: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: The ids of the reports to look for the other operation in, in order.
    reports: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: The publisher who uses the name, for an alias (the other operation is in one of their reports).
    used_by: str | None = None


def cited_publisher(record: Record, sources: tuple[str, ...]) -> str:
    """The publisher of the first cited source that names one, else the report's publisher."""
    for source_id in sources:
        source = record.operation.source(source_id)
        if source is not None and source.publisher:
            return source.publisher
    return record.publisher


def relation_statement(record: Record, relation: Relation) -> Statement:
    """The adapter from a :class:`~opsmodel.Relation` to a :class:`Statement`.

    Its claimant is the relation's own (a later model's ``claimant``), else the record's publisher.
    Where to look for the other operation: the report a later model's ``described_in`` names;
    else this record's own report, then the reports its cited sources are (a source whose id is
    a report's id, as :meth:`opsmodel.Report.as_source` makes them).
    """
    described_in: str | None = getattr(relation, "described_in", None)
    reports = (described_in,) if described_in else (record.key.report, *relation.sources)
    return Statement(
        kind=relation.kind.value,
        other=relation.other,
        # the cited sources may be the other operation's report: the claim is this record's publisher's
        claimant=getattr(relation, "claimant", None) or record.publisher,
        wording=str(relation),
        sources=relation.sources,
        reports=reports,
    )


def alias_statement(record: Record, alias: Alias) -> Statement | None:
    """An alias that says who uses the name points at that publisher's operation of that name; others point nowhere."""
    if alias.used_by is None:
        return None
    return Statement(
        kind="alias",
        other=alias.name,
        claimant=cited_publisher(record, alias.sources),
        wording=f"called {alias.name} by {alias.used_by}",
        sources=alias.sources,
        used_by=alias.used_by,
    )


def statements_of(record: Record) -> Iterator[Statement]:
    """Every statement a record makes that could tie it to another operation."""
    for relation in record.operation.relations:
        if relation.kind.value in CLUSTER_KINDS:
            yield relation_statement(record, relation)
    for alias in record.operation.aliases:
        statement = alias_statement(record, alias)
        if statement is not None:
            yield statement
