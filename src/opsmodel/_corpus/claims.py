"""Each fact of a record as a claim: what, by whom, when and from which source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from attrs import field, frozen

from .._core.fields import to_text_tuple
from .._model.actors import Attribution, ClaimStatus
from .._model.conduct import Impact
from .._model.dates import FuzzyDate, Period, RelativeDate
from .records import OperationKey, Record, cited_publisher

#: The facts a claim can be about, in the order a cluster's view lists them.
FACTS = (
    "name",
    "activity.start",
    "activity.end",
    "detected.start",
    "attribution",
    "origin",
    "platform",
    "asset count",
    "impact",
    "target",
    "technique",
    "ai use",
    "disruption",
)

# Facts a record states once: two records stating different values disagree. Platforms, targets or
# techniques accumulate (one report finds more than another), so their differences are not conflicts.
SINGLE_VALUED = frozenset({"activity.start", "activity.end", "detected.start", "origin", "impact"})


@frozen(kw_only=True)
class Claim:
    """One fact about an operation, as one claimant states it in one report."""

    #: What the fact is about: one of :data:`FACTS` (``activity.start``, ``origin``, ``impact``...).
    fact: str
    #: The fact's value, in words (``2022-05``, ``RU``, ``Category 2``, ``x``).
    value: str
    #: Who states it: an attribution's claimant, an impact's rater, else the report's publisher.
    claimant: str
    #: The record the fact is in.
    key: OperationKey
    #: When it was stated: the fact's own date (an attribution's, a rating's), else the report's.
    stated: FuzzyDate | None = None
    #: The ids of the operation's sources that state it.
    sources: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: The sources that state it, by name (``publisher - title``); the report itself when none is cited.
    cited: tuple[str, ...] = field(default=(), converter=to_text_tuple)
    #: Whether the claim stands (``current``) or was revised, withdrawn or disputed.
    status: str = "current"

    def __str__(self) -> str:
        when = f", {self.stated}" if self.stated is not None else ""
        status = "" if self.status == "current" else f" [{self.status}]"
        return f"{self.fact}: {self.value} ({self.claimant}{when}){status}"


def resolved_date(value: FuzzyDate | RelativeDate | None, record: Record) -> FuzzyDate | None:
    """A date as absolute as the record allows: a relative one counts from the report's date, if known."""
    if isinstance(value, RelativeDate):
        return value.resolve(record.published) if record.published is not None else None
    return value


def bounds(value: FuzzyDate | None) -> tuple[dt.date | None, dt.date | None]:
    """The earliest and latest day a fuzzy date allows (None when open or unknown)."""
    if value is None:
        return None, None
    return value.earliest, value.latest


# The events of a later model's date claims that are facts here.
_DATED_EVENTS = {"activity_start": "activity.start", "activity_end": "activity.end", "first_detected": "detected.start"}


class _Claims:
    """Builds a record's claims; each method yields one family of facts."""

    def __init__(self, record: Record) -> None:
        self.record = record
        self.operation = record.operation

    def claim(self, fact: str, value: object, sources: tuple[str, ...], **extra: object) -> Claim:
        cited = tuple(str(self.operation.source(s) or s) for s in sources) or (self.record.publisher,)
        extra.setdefault("claimant", self.record.publisher)
        extra.setdefault("stated", self.record.published)
        return Claim(fact=fact, value=str(value), key=self.record.key, sources=sources, cited=cited, **extra)  # type: ignore[arg-type]

    def dates(self, prefix: str, period: Period | None, ends: tuple[str, ...]) -> Iterator[Claim]:
        if period is None:
            return
        for end in ends:
            value = resolved_date(getattr(period, end), self.record)
            if value is not None:
                yield self.claim(f"{prefix}.{end}", value, period.sources)

    def date_claims(self) -> Iterator[Claim]:
        # A later model keeps each source's dates beside the summary periods (``date_claims``): two
        # sources' conflicting starts within one record then show as a conflict too.
        for dated in getattr(self.operation, "date_claims", ()):
            fact = _DATED_EVENTS.get(getattr(dated.event, "value", dated.event))
            value = resolved_date(dated.date, self.record)
            if fact is not None and value is not None:
                claimant = dated.claimant or cited_publisher(self.record, dated.sources)
                yield self.claim(fact, value, dated.sources, claimant=claimant)

    def attribution(self, claim: Attribution) -> Iterator[Claim]:
        extra = {"claimant": claim.claimant, "stated": claim.claimed or self.record.published, "status": claim.status.value}
        yield self.claim("attribution", claim, claim.sources, **extra)
        if claim.status is ClaimStatus.CURRENT and claim.role.value in ("origin", "operator_location", "operator", "contractor"):
            for country in claim.countries:
                yield self.claim("origin", country.code, claim.sources, **extra)

    def impact(self, rating: Impact) -> Claim:
        extra = {"claimant": rating.rated_by or self.record.publisher, "stated": rating.rated or self.record.published}
        return self.claim("impact", rating, rating.sources, **extra)

    def all(self) -> Iterator[Claim]:
        operation = self.operation
        yield self.claim("name", operation.display_name, ())
        yield from self.dates("activity", operation.activity, ("start", "end"))
        yield from self.dates("detected", operation.detected, ("start",))
        yield from self.date_claims()
        for attribution in operation.attributions:
            yield from self.attribution(attribution)
        yield from self.facts_of_parts()

    def facts_of_parts(self) -> Iterator[Claim]:
        operation = self.operation
        for platform in operation.platforms:
            yield self.claim("platform", platform.id, ())
        for asset in operation.assets:
            if asset.count is not None:
                yield self.claim("asset count", f"{asset.platform.id} {asset.kind.value}: {asset.count}", asset.sources)
        yield from (self.impact(rating) for rating in operation.impacts)
        yield from (self.claim("target", target, target.sources) for target in operation.targets)
        yield from (self.claim("technique", use.technique.id, use.sources) for use in operation.techniques if use.technique)
        yield from (self.claim("ai use", use, use.sources) for use in operation.ai_uses)
        yield from (self.claim("disruption", action, action.sources) for action in operation.disruptions)


def claims_of(record: Record) -> tuple[Claim, ...]:
    """Every fact of a record as a :class:`Claim`, in the order of :data:`FACTS` within the record."""
    found = list(_Claims(record).all())
    return tuple(sorted(found, key=lambda claim: FACTS.index(claim.fact)))
