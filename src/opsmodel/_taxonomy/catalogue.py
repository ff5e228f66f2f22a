"""An immutable catalogue of one release of a framework: its phases, tactics and techniques.

A :class:`Catalogue` is built by the loaders in :mod:`opsmodel._catalogue_load` from the files
the frameworks publish, or directly from entries (tests, small custom frameworks). It checks
its own consistency when built (unique ids, known parents and tactics) and indexes itself once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

import attrs
from attrs import field, frozen

from .._core.errors import CatalogueError, Problem, UnknownEntryError, count_of
from .._core.fields import Invalid, instances, model, to_optional_text, to_text, to_text_tuple
from .._model.techniques import TechniqueRef, to_framework


def normalise_name(name: str) -> str:
    """The key names are compared by: case-folded, with runs of whitespace made one space."""
    return re.sub(r"\s+", " ", name).strip().casefold()


def _to_optional_id(value: str | None) -> str | None:
    return None if value is None else _to_id(value)


def _to_id(value: str) -> str:
    text = to_text(value)
    if text != text.strip() or any(ch.isspace() for ch in text):
        raise Invalid(value, "an id without spaces, such as 'T0085.001' or 'TA06'")
    return text


def _to_ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(_to_id(item) for item in to_text_tuple(value))


def _to_name(value: str) -> str:
    # names come from spreadsheets: keep the words, drop stray line breaks and padding
    return re.sub(r"\s+", " ", to_text(value)).strip()


@model
@frozen(kw_only=True)
class Phase:
    """A phase grouping tactics (DISARM's ``P01`` Plan, ``P02`` Prepare, ``P03`` Execute, ``P04`` Assess)."""

    #: The phase's id (``P01``).
    id: str = field(converter=_to_id)
    #: The phase's name (``Plan``).
    name: str = field(converter=_to_name)
    #: What the phase covers, as plain text.
    description: str | None = field(default=None, converter=to_optional_text)

    def __str__(self) -> str:
        return f"{self.id} {self.name}"


@model
@frozen(kw_only=True)
class TacticEntry:
    """A tactic as a catalogue defines it.

    ``shortname`` is the slug ATT&CK-style STIX uses in ``kill_chain_phases`` and Navigator layers
    use in a technique's ``tactic`` (``develop-content``); ``phase`` is a :class:`Phase` id.
    """

    #: The tactic's id (``TA06``).
    id: str = field(converter=_to_id)
    #: The tactic's name (``Develop Content``).
    name: str = field(converter=_to_name)
    #: The slug STIX kill chain phases and Navigator layers use for it (``develop-content``).
    shortname: str | None = field(default=None, converter=to_optional_text)
    #: The id of the :class:`Phase` it belongs to (DISARM only).
    phase: str | None = field(default=None, converter=_to_optional_id)
    #: What the tactic covers, as plain text.
    description: str | None = field(default=None, converter=to_optional_text)
    #: Its page on the framework's site.
    url: str | None = field(default=None, converter=to_optional_text)

    def __str__(self) -> str:
        return f"{self.id} {self.name}"


@model
@frozen(kw_only=True)
class TechniqueEntry:
    """A technique (or sub-technique, or Meta's procedure) as a catalogue defines it.

    ``tactics`` are tactic ids in the framework's order; a sub-technique has its ``parent``'s id.
    """

    #: The technique's id (``T0085.001``).
    id: str = field(converter=_to_id)
    #: The technique's name.
    name: str = field(converter=_to_name)
    #: The ids of the tactics it serves, in the framework's order.
    tactics: tuple[str, ...] = field(default=(), converter=_to_ids)
    #: The parent technique's id, for a sub-technique.
    parent: str | None = field(default=None, converter=_to_optional_id)
    #: What the technique is, as plain text.
    description: str | None = field(default=None, converter=to_optional_text)
    #: Its page on the framework's site.
    url: str | None = field(default=None, converter=to_optional_text)

    @property
    def is_subtechnique(self) -> bool:
        return self.parent is not None

    def __str__(self) -> str:
        return f"{self.id} {self.name}"


@model
@frozen(kw_only=True)
class Removal:
    """A technique an earlier release had and this one does not: when it was last seen, and as what."""

    #: The removed technique's id.
    id: str = field(converter=_to_id)
    #: Its name in the last release that had it.
    name: str = field(converter=_to_name)
    #: The last release that had it.
    last_version: str | None = field(default=None, converter=to_optional_text)
    #: The first release without it.
    removed_in: str | None = field(default=None, converter=to_optional_text)

    def __str__(self) -> str:
        where = f" in {self.removed_in}" if self.removed_in else ""
        seen = f" (last seen in {self.last_version})" if self.last_version else ""
        return f"{self.id} {self.name!r} was removed{where}{seen}"


def _to_phases(value: Iterable[Phase]) -> tuple[Phase, ...]:
    return instances(value, Phase)


def to_tactic_entries(value: Iterable[TacticEntry]) -> tuple[TacticEntry, ...]:
    return instances(value, TacticEntry)


def to_technique_entries(value: Iterable[TechniqueEntry]) -> tuple[TechniqueEntry, ...]:
    return instances(value, TechniqueEntry)


def _to_removals(value: Iterable[Removal]) -> tuple[Removal, ...]:
    return instances(value, Removal)


Entry = TacticEntry | TechniqueEntry


@model
@frozen(kw_only=True, repr=False)
class Catalogue:
    """One release of a framework: phases, tactics and techniques, in the framework's own order.

    Look entries up by id (``catalogue["T0085.001"]``, :meth:`get`, ``in``) or by name, case and
    spacing ignored (:meth:`named`, :meth:`technique_named`); iterate techniques (sub-techniques
    included, each right after its parent) in framework order. ``removed`` lists ids earlier
    releases had (see :meth:`with_history`).
    """

    #: The framework's id: ``disarm``, ``attack`` or ``meta-ookc``.
    framework: str = field(converter=to_framework)
    #: The release (``1.6``); None when the file does not say.
    version: str | None = field(default=None, converter=to_optional_text)
    #: The framework's title as its file gives it.
    title: str | None = field(default=None, converter=to_optional_text)
    #: The licence the framework is published under (DISARM: CC BY-SA 4.0).
    licence: str | None = field(default=None, converter=to_optional_text)
    #: Where the catalogue was read from: a file name or URL.
    source: str | None = field(default=None, converter=to_optional_text)
    #: The phases that group the tactics, in the framework's order (DISARM only).
    phases: tuple[Phase, ...] = field(default=(), converter=_to_phases)
    #: The tactics, in the framework's order.
    tactics: tuple[TacticEntry, ...] = field(default=(), converter=to_tactic_entries)
    #: The techniques and sub-techniques, in the framework's order.
    techniques: tuple[TechniqueEntry, ...] = field(default=(), converter=to_technique_entries)
    #: Techniques earlier releases had and this one does not (see :meth:`with_history`).
    removals: tuple[Removal, ...] = field(default=(), converter=_to_removals)

    _by_id: Mapping[str, Entry] = field(init=False, repr=False, eq=False, hash=False)
    _by_name: Mapping[str, tuple[Entry, ...]] = field(init=False, repr=False, eq=False, hash=False)
    _children: Mapping[str, tuple[TechniqueEntry, ...]] = field(init=False, repr=False, eq=False, hash=False)
    _members: Mapping[str, tuple[TechniqueEntry, ...]] = field(init=False, repr=False, eq=False, hash=False)
    _order: tuple[TechniqueEntry, ...] = field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        problems = [*_duplicate_ids(self), *_phase_problems(self), *_technique_problems(self)]
        if problems:
            shown = "; ".join(p.message for p in problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
            error = CatalogueError(f"inconsistent catalogue: {shown}", source=self.source)
            error.problems = problems
            raise error
        entries: tuple[Entry, ...] = (*self.tactics, *self.techniques)
        by_name: dict[str, list[Entry]] = {}
        for entry in entries:
            by_name.setdefault(normalise_name(entry.name), []).append(entry)
        children: dict[str, list[TechniqueEntry]] = {}
        for technique in self.techniques:
            if technique.parent is not None:
                children.setdefault(technique.parent, []).append(technique)
        order = _framework_order(self, children)
        members: dict[str, list[TechniqueEntry]] = {tactic.id: [] for tactic in self.tactics}
        for technique in order:
            for tactic_id in technique.tactics:
                members[tactic_id].append(technique)

        object.__setattr__(self, "_by_id", {entry.id: entry for entry in entries})
        object.__setattr__(self, "_by_name", {k: tuple(v) for k, v in by_name.items()})
        object.__setattr__(self, "_children", {k: tuple(v) for k, v in children.items()})
        object.__setattr__(self, "_members", {k: tuple(v) for k, v in members.items()})
        object.__setattr__(self, "_order", order)

    # -- identity -----------------------------------------------------------------------------

    @property
    def label(self) -> str:
        """``"disarm 1.6"``: the framework and version, for messages."""
        return f"{self.framework} {self.version}" if self.version else self.framework

    def __repr__(self) -> str:  # the entries would run to hundreds of lines
        return f"<Catalogue {self.label}: {len(self.tactics)} tactics, {len(self.techniques)} techniques, source={self.source!r}>"

    def __str__(self) -> str:
        return (
            f"{self.title or self.framework} ({self.label}): {count_of(len(self.tactics), 'tactic')}, "
            f"{count_of(len(self.top_level), 'technique')}, {count_of(len(self.subtechniques), 'sub-technique')}"
        )

    # -- lookup by id -------------------------------------------------------------------------

    def __contains__(self, key: object) -> bool:
        if isinstance(key, TechniqueRef):
            return key.framework == self.framework and key.id in self._by_id
        return isinstance(key, str) and key in self._by_id

    def __getitem__(self, key: str) -> Entry:
        entry = self._by_id.get(key) if isinstance(key, str) else None
        if entry is None:
            raise UnknownEntryError(f"{key!r} is not a tactic or technique id of {self.label}", str(key))
        return entry

    def get(self, key: str) -> Entry | None:
        """The tactic or technique with this id, or ``None``."""
        return self._by_id.get(key)

    def technique(self, technique_id: str) -> TechniqueEntry:
        """The technique or sub-technique with this id (:class:`UnknownEntryError` if none)."""
        entry = self._by_id.get(technique_id)
        if not isinstance(entry, TechniqueEntry):
            raise UnknownEntryError(f"{technique_id!r} is not a technique id of {self.label}", technique_id)
        return entry

    def tactic(self, key: str) -> TacticEntry:
        """The tactic with this id, shortname or name (:class:`UnknownEntryError` if none)."""
        entry = self._by_id.get(key)
        if isinstance(entry, TacticEntry):
            return entry
        wanted = normalise_name(key)
        for tactic in self.tactics:
            if wanted in (normalise_name(tactic.name), (tactic.shortname or "").casefold()):
                return tactic
        raise UnknownEntryError(f"{key!r} is not a tactic id, shortname or name of {self.label}", key)

    # -- lookup by name -----------------------------------------------------------------------

    def named(self, name: str) -> tuple[Entry, ...]:
        """Every tactic and technique with this name (case and spacing ignored), in catalogue order.

        Names are not unique in every release (DISARM 1.6 has two "Traditional Media").
        """
        return self._by_name.get(normalise_name(name), ())

    def technique_named(self, name: str) -> TechniqueEntry:
        """The one technique with this name; :class:`UnknownEntryError` if none or several."""
        found = [entry for entry in self.named(name) if isinstance(entry, TechniqueEntry)]
        if len(found) == 1:
            return found[0]
        if not found:
            raise UnknownEntryError(f"no technique of {self.label} is named {name!r}", name)
        ids = ", ".join(entry.id for entry in found)
        raise UnknownEntryError(f"{len(found)} techniques of {self.label} are named {name!r} ({ids}); use an id", name)

    # -- structure ----------------------------------------------------------------------------

    def __iter__(self) -> Iterator[TechniqueEntry]:
        """Techniques and sub-techniques in framework order (tactic by tactic, parents first)."""
        return iter(self._order)

    def __len__(self) -> int:
        return len(self.techniques)

    @property
    def ids(self) -> frozenset[str]:
        """The ids of every technique and sub-technique."""
        return frozenset(technique.id for technique in self.techniques)

    @property
    def top_level(self) -> tuple[TechniqueEntry, ...]:
        """Techniques that are not sub-techniques, in framework order."""
        return tuple(t for t in self._order if t.parent is None)

    @property
    def subtechniques(self) -> tuple[TechniqueEntry, ...]:
        """Sub-techniques (Meta's procedures), in framework order."""
        return tuple(t for t in self._order if t.parent is not None)

    def children(self, technique_id: str) -> tuple[TechniqueEntry, ...]:
        """The sub-techniques of a technique."""
        return self._children.get(technique_id, ())

    def parent(self, technique_id: str) -> TechniqueEntry | None:
        """A sub-technique's parent (``None`` for a top-level technique)."""
        technique = self.technique(technique_id)
        return None if technique.parent is None else self.technique(technique.parent)

    def members(self, tactic: str) -> tuple[TechniqueEntry, ...]:
        """The techniques (sub-techniques included) of a tactic, given by id, shortname or name."""
        return self._members[self.tactic(tactic).id]

    def tactics_of(self, technique_id: str) -> tuple[TacticEntry, ...]:
        """The tactics a technique belongs to (a sub-technique's are its own, or else its parent's)."""
        technique = self.technique(technique_id)
        ids = technique.tactics or (self.technique(technique.parent).tactics if technique.parent else ())
        return tuple(t for t in self.tactics if t.id in ids)

    def phase(self, phase_id: str) -> Phase:
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        raise UnknownEntryError(f"{phase_id!r} is not a phase of {self.label}", phase_id)

    # -- history ------------------------------------------------------------------------------

    @property
    def removed(self) -> Mapping[str, Removal]:
        """Ids earlier releases had and this one dropped (empty unless built :meth:`with_history`)."""
        return MappingProxyType({removal.id: removal for removal in self.removals})

    def with_history(self, *earlier: Catalogue) -> Catalogue:
        """This catalogue, knowing which ids the ``earlier`` releases (oldest first) had and it lacks."""
        found: dict[str, Removal] = {removal.id: removal for removal in self.removals}
        following = [*earlier[1:], self]
        for old, new in zip(earlier, following, strict=True):
            if old.framework != self.framework:
                raise CatalogueError(f"cannot use {old.label} as history of {self.label}: another framework", source=self.source)
            for technique in old.techniques:
                if technique.id not in self.ids and technique.id not in new.ids:
                    found[technique.id] = Removal(
                        id=technique.id, name=technique.name, last_version=old.version, removed_in=new.version
                    )
        return attrs.evolve(self, removals=tuple(found.values()))

    def ref(self, technique_id: str) -> TechniqueRef:
        """A :class:`~opsmodel.TechniqueRef` to a technique of this catalogue, pinned to its version and named."""
        technique = self.technique(technique_id)
        return TechniqueRef(framework=self.framework, id=technique.id, version=self.version, name=technique.name)


# -- building a catalogue: its consistency, and the framework's order -----------------------------


def _duplicate_ids(catalogue: Catalogue) -> Iterator[Problem]:
    seen: set[str] = set()
    groups: tuple[tuple[str, tuple[Entry, ...]], ...] = (("tactics", catalogue.tactics), ("techniques", catalogue.techniques))
    for kind, entries in groups:
        for index, entry in enumerate(entries):
            if entry.id in seen:
                yield Problem(
                    code="catalogue-duplicate-id",
                    message=f"id {entry.id!r} is defined twice",
                    path=f"$.{kind}[{index}].id",
                    value=entry.id,
                )
            seen.add(entry.id)


def _phase_problems(catalogue: Catalogue) -> Iterator[Problem]:
    phase_ids = {phase.id for phase in catalogue.phases}
    for index, tactic in enumerate(catalogue.tactics):
        if tactic.phase is not None and tactic.phase not in phase_ids:
            yield Problem(
                code="catalogue-unknown-phase",
                message=f"tactic {tactic.id} names an unknown phase {tactic.phase!r}",
                path=f"$.tactics[{index}].phase",
                value=tactic.phase,
            )


def _technique_problems(catalogue: Catalogue) -> Iterator[Problem]:
    tactic_ids = {tactic.id for tactic in catalogue.tactics}
    techniques = {technique.id: technique for technique in catalogue.techniques}
    for index, technique in enumerate(catalogue.techniques):
        unknown = [t for t in technique.tactics if t not in tactic_ids]
        if unknown:
            yield Problem(
                code="catalogue-unknown-tactic",
                message=f"technique {technique.id} names unknown tactics {unknown}",
                path=f"$.techniques[{index}].tactics",
                value=unknown,
            )
        parent = techniques.get(technique.parent) if technique.parent is not None else None
        if technique.parent is not None and parent is None:
            yield Problem(
                code="catalogue-unknown-parent",
                message=f"sub-technique {technique.id} names an unknown parent {technique.parent!r}",
                path=f"$.techniques[{index}].parent",
                value=technique.parent,
            )
        elif parent is not None and parent.parent is not None:
            yield Problem(
                code="catalogue-nested-subtechnique",
                message=f"sub-technique {technique.id} has a sub-technique ({parent.id}) as parent",
                path=f"$.techniques[{index}].parent",
                value=parent.id,
            )


def _framework_order(catalogue: Catalogue, children: Mapping[str, list[TechniqueEntry]]) -> tuple[TechniqueEntry, ...]:
    """Tactic by tactic (a technique under its first tactic), each technique followed by its sub-techniques."""
    rank = {tactic.id: index for index, tactic in enumerate(catalogue.tactics)}
    position = {technique.id: index for index, technique in enumerate(catalogue.techniques)}
    tops = [t for t in catalogue.techniques if t.parent is None]
    tops.sort(key=lambda t: (min((rank[x] for x in t.tactics), default=len(rank)), position[t.id]))
    order: list[TechniqueEntry] = []
    for top in tops:
        order.append(top)
        order.extend(children.get(top.id, ()))
    return tuple(order)


#: The codes of the problems an inconsistent :class:`Catalogue` reports in its :class:`CatalogueError`.
CONSISTENCY_CODES: dict[str, str] = {
    "catalogue-duplicate-id": "two tactics or techniques of a catalogue have the same id",
    "catalogue-unknown-phase": "a tactic names a phase the catalogue does not define",
    "catalogue-unknown-tactic": "a technique names a tactic the catalogue does not define",
    "catalogue-unknown-parent": "a sub-technique names a parent the catalogue does not define",
    "catalogue-nested-subtechnique": "a sub-technique's parent is itself a sub-technique",
}
