"""A cluster: the records explicit links make one operation, and its facts side by side."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from attrs import field, frozen

from .._model.conduct import Impact
from .._model.dates import FuzzyDate
from .claims import SINGLE_VALUED, Claim, claims_of
from .links import Link, chain
from .records import OperationKey, Record


@frozen(kw_only=True)
class Conflict:
    """A fact the records of a cluster state with different values; each value with its claims."""

    #: The fact (``activity.start``, ``origin``, ``impact``...).
    fact: str
    #: The claims, grouped by value, values in first-seen order.
    values: tuple[tuple[str, tuple[Claim, ...]], ...]

    def __str__(self) -> str:
        sides = "; ".join(f"{value} ({', '.join(sorted({c.claimant for c in claims}))})" for value, claims in self.values)
        return f"{self.fact}: {sides}"


@frozen(kw_only=True)
class Rating:
    """One Breakout Scale rating of an operation in a cluster, with who gave it and when."""

    #: The rating.
    impact: Impact
    #: The record it is in.
    key: OperationKey
    #: Who gave it: the rating's rater, else the report's publisher.
    rater: str
    #: When it was given: the rating's own date, else the report's.
    rated: FuzzyDate | None = None

    def __str__(self) -> str:
        return f"{self.impact} by {self.rater}" + (f", {self.rated}" if self.rated is not None else "")


def _when(value: FuzzyDate | None) -> dt.date:
    # undated ratings come first: any dated one may revise them
    return dt.date.min if value is None else value.first_day


def _to_records(value: tuple[Record, ...]) -> tuple[Record, ...]:
    return tuple(sorted(value, key=lambda record: record.key))


@frozen(kw_only=True)
class Cluster:
    """The records that explicit links (relations, aliases with who uses them) make one operation.

    ``links`` explains why: each is a statement by a claimant; :meth:`why` gives the chain between
    two members. A record linked to nothing is a cluster of one.
    """

    #: The records, ordered by key (report id, then operation id).
    records: tuple[Record, ...] = field(converter=_to_records)
    #: The links between the records, each an explicit statement with its claimant.
    links: tuple[Link, ...] = ()

    @property
    def id(self) -> str:
        """The key of its first record, as text: stable whatever order the files came in."""
        return str(self.records[0].key)

    @property
    def keys(self) -> tuple[OperationKey, ...]:
        return tuple(record.key for record in self.records)

    @property
    def names(self) -> tuple[str, ...]:
        """Each name the records give, once, in record order."""
        return tuple(dict.fromkeys(record.operation.display_name for record in self.records))

    @property
    def publishers(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(record.publisher for record in self.records))

    def why(self, first: OperationKey, second: OperationKey) -> tuple[Link, ...]:
        """The chain of links that makes two records one (empty for a record and itself)."""
        return chain(self.links, first, second)

    def explanation(self) -> tuple[str, ...]:
        """Why the records are one, one line per link: the statement and who asserted it."""
        return tuple(str(link) for link in self.links)

    def claims(self, fact: str | None = None) -> tuple[Claim, ...]:
        """Every claim of every record (or those about one ``fact``), record by record."""
        return tuple(claim for record in self.records for claim in claims_of(record) if fact in (None, claim.fact))

    def conflicts(self) -> tuple[Conflict, ...]:
        """The facts stated once per record that the records state differently; never resolved."""
        claims = [claim for claim in self.claims() if claim.fact in SINGLE_VALUED]
        found: list[Conflict] = []
        for fact in sorted(SINGLE_VALUED):
            stated = [claim for claim in claims if claim.fact == fact]
            if fact == "impact":
                stated = self._latest_impact_claims(stated)
            by_value: dict[str, list[Claim]] = defaultdict(list)
            for claim in stated:
                by_value[claim.value].append(claim)
            if len(by_value) > 1:
                found.append(Conflict(fact=fact, values=tuple((value, tuple(c)) for value, c in by_value.items())))
        return tuple(found)

    def _latest_impact_claims(self, claims: list[Claim]) -> list[Claim]:
        # a rater revising their own rating is history, not a conflict: only each rater's latest counts
        latest = {rating.rater: rating for rating in self.ratings()}
        wanted = {(rating.key, rating.rater, str(rating.impact)) for rating in latest.values()}
        return [claim for claim in claims if (claim.key, claim.claimant, claim.value) in wanted]

    def ratings(self) -> tuple[Rating, ...]:
        """Every impact rating, oldest first (undated first): the last is the latest revision."""
        found = [
            Rating(
                impact=impact,
                key=record.key,
                rater=impact.rated_by or record.publisher,
                rated=impact.rated or record.published,
            )
            for record in self.records
            for impact in record.operation.impacts
        ]
        return tuple(sorted(found, key=lambda rating: (_when(rating.rated), rating.key)))

    @property
    def latest_rating(self) -> Rating | None:
        """The most recent rating, whoever gave it; :meth:`ratings` is its history."""
        ratings = self.ratings()
        return ratings[-1] if ratings else None

    def __str__(self) -> str:
        return f"{' = '.join(self.names)} ({len(self.records)} records: {', '.join(self.publishers)})"
