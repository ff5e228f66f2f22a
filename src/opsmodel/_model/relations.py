"""Other names of an operation, and its relations to other operations."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
from attrs import field, frozen

from .._core.fields import (
    Invalid,
    Vocabulary,
    model,
    to_optional_slug,
    to_optional_text,
    to_slug,
    to_source_ids,
    to_text,
    tuple_of,
    words_of,
)
from .claims import Voice
from .dates import FuzzyDate, to_optional_fuzzy_date
from .techniques import Confidence, to_optional_confidence


class AliasKind(Vocabulary):
    #: A name researchers commonly use.
    COMMON_NAME = "common_name"
    #: A name one vendor or researcher gave it (see ``used_by``).
    VENDOR_NAME = "vendor_name"
    #: A brand the operation presented itself under (a fake outlet, a persona).
    FRONT_BRAND = "front_brand"
    #: A name it was known by before.
    EARLIER_NAME = "earlier_name"
    #: What the operators call it themselves.
    SELF_NAME = "self_name"
    #: Another kind of name.
    OTHER = "other"


@model
@frozen(kw_only=True)
class Alias:
    """Another name for an operation, who uses it and what kind of name it is."""

    #: The other name.
    name: str = field(converter=to_text)
    #: What kind of name it is: a common name, a vendor's name, a front brand, an earlier name, the
    #: operation's own.
    kind: AliasKind = field(default=AliasKind.COMMON_NAME, converter=AliasKind)
    #: Who uses the name (a vendor, researchers, the operation itself).
    used_by: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)
    #: Who asserts that the name denotes this operation, when not the cited sources' publisher.
    claimant: str | None = field(default=None, converter=to_optional_text)

    def __str__(self) -> str:
        return self.name


def _to_alias(value: Any) -> Alias:
    if isinstance(value, Alias):
        return value
    if isinstance(value, str):
        return Alias(name=value)
    raise Invalid(value, "an Alias or a name")


def to_aliases(value: Iterable[Alias | str]) -> tuple[Alias, ...]:
    return tuple_of(value, _to_alias, "aliases")


class RelationKind(Vocabulary):
    """How one operation relates to another; each kind has its :attr:`inverse` (``part_of``: ``has_part``)."""

    #: The other id names the same operation.
    SAME_AS = "same_as"
    #: This id is another name for the other operation.
    ALIAS_OF = "alias_of"
    #: This operation is part of the other.
    PART_OF = "part_of"
    #: The two share assets, people or content without being the same.
    OVERLAPS_WITH = "overlaps_with"
    #: The two look alike, and the source says they are different.
    RESEMBLES_BUT_DISTINCT = "resembles_but_distinct"
    #: This operation continues the other (after a takedown, under new assets).
    SUCCESSOR_OF = "successor_of"
    #: The other operation is a part of this one.
    HAS_PART = "has_part"
    #: The other operation took this one's place.
    SUCCEEDED_BY = "succeeded_by"
    #: This operation carries the other on (same operators, same assets), not a new one.
    CONTINUATION_OF = "continuation_of"
    #: The other operation carries this one on.
    CONTINUED_BY = "continued_by"
    #: Both are run by a shared actor, without being the same operation.
    SHARES_ACTOR = "shares_actor"
    #: Both are run by the same operators, as separate operations.
    SIBLING_OF = "sibling_of"
    #: The other operation amplified this one's content.
    AMPLIFIED_BY = "amplified_by"
    #: This operation amplified the other's content.
    AMPLIFIES = "amplifies"
    #: Related, in a way the source does not say.
    RELATED = "related"
    #: The source says explicitly that it asserts no link between the two.
    NO_LINK_ASSERTED = "no_link_asserted"

    @property
    def inverse(self) -> RelationKind:
        """The kind seen from the other operation (``part_of``: ``has_part``; ``same_as`` is its own)."""
        return _INVERSE_RELATIONS.get(self, self)


_DIRECTED_RELATIONS = (
    (RelationKind.PART_OF, RelationKind.HAS_PART),
    (RelationKind.SUCCESSOR_OF, RelationKind.SUCCEEDED_BY),
    (RelationKind.CONTINUATION_OF, RelationKind.CONTINUED_BY),
    (RelationKind.AMPLIFIED_BY, RelationKind.AMPLIFIES),
)
# Every other kind is symmetric (its own inverse); alias_of, which names the operation the
# other is an alias of, has no kind of its own the other way, so it reads as same_as.
_INVERSE_RELATIONS: dict[RelationKind, RelationKind] = {
    **dict(_DIRECTED_RELATIONS),
    **{b: a for a, b in _DIRECTED_RELATIONS},
    RelationKind.ALIAS_OF: RelationKind.SAME_AS,
}


@model
@frozen(kw_only=True)
class Relation:
    """How this operation relates to another, named by the other's ``id``.

    The other operation may be in another report, or known only by a citation: ``described_in``
    then names the source that describes it. A relation is a claim: ``claimant``, ``voice``,
    ``confidence`` and ``claimed`` say whose, how firm and since when.
    """

    #: How the two operations relate: the same, one part of the other, overlapping, a successor...
    kind: RelationKind = field(converter=RelationKind)
    #: The id of the other operation.
    other: str = field(converter=to_slug)
    #: The other operation's name, for reading without looking it up.
    other_name: str | None = field(default=None, converter=to_optional_text)
    #: What the source says about the relation.
    note: str | None = field(default=None, converter=to_optional_text)
    #: Ids of the operation's sources (:class:`Source`) that state this fact.
    sources: tuple[str, ...] = field(default=(), converter=to_source_ids)
    #: The id of the source describing the other operation, when it is not in this report.
    described_in: str | None = field(default=None, converter=to_optional_slug)
    #: Who asserts the relation, when not the cited sources' publisher.
    claimant: str | None = field(default=None, converter=to_optional_text)
    #: Whose claim it is next to its sources: theirs, relayed by them unverified, or the analyst's own.
    voice: Voice = field(default=Voice.SOURCE, converter=Voice)
    #: How sure the claimant is ("very likely a part of").
    confidence: Confidence | None = field(default=None, converter=to_optional_confidence)
    #: When the relation was asserted.
    claimed: FuzzyDate | None = field(default=None, converter=to_optional_fuzzy_date)

    def __str__(self) -> str:
        """``same as doppelganger``."""
        return f"{words_of(self.kind)} {self.other_name or self.other}"

    def inverted(self, operation_id: str, operation_name: str | None = None) -> Relation:
        """The same claim seen from the other operation, which then relates to ``operation_id``.

        >>> str(Relation(kind="part_of", other="doppelganger").inverted("rrn", "RRN"))
        'has part RRN'
        """
        return attrs.evolve(self, kind=self.kind.inverse, other=operation_id, other_name=operation_name, described_in=None)
