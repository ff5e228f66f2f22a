"""Comparing releases (:func:`diff`), carrying tags across them (:func:`crosswalk`), checking tags (:func:`check`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

from attrs import field, frozen

from .._core.errors import CatalogueError, Problem, show_value
from .._core.errors import Severity as Severity  # the command line still imports it from here
from .._core.fields import Vocabulary, instances, model, to_optional_text, to_text, with_article
from .._model.operations import Operation, Report
from .._model.techniques import TechniqueRef, TechniqueUse
from .catalogue import (
    Catalogue,
    Entry,
    Removal,
    TacticEntry,
    TechniqueEntry,
    normalise_name,
    to_tactic_entries,
    to_technique_entries,
)

# ---------------------------------------------------------------------------------------------
# diff


@frozen(kw_only=True)
class _Change:
    """What differs about one id between two releases."""

    #: The id of the tactic or technique that changed.
    id: str = field(converter=to_text)


@model
@frozen(kw_only=True)
class Renamed(_Change):
    """An id whose name changed between two releases."""

    #: The name in the old release.
    old_name: str = field(converter=to_text)
    #: The name in the new release.
    new_name: str = field(converter=to_text)

    def __str__(self) -> str:
        return f"{self.id}: {self.old_name!r} -> {self.new_name!r}"


def _to_id_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(to_text(item) for item in value)


@model
@frozen(kw_only=True)
class Moved(_Change):
    """A technique whose tactics changed between two releases."""

    #: The technique's tactic ids in the old release.
    old_tactics: tuple[str, ...] = field(converter=_to_id_tuple)
    #: Its tactic ids in the new release.
    new_tactics: tuple[str, ...] = field(converter=_to_id_tuple)

    def __str__(self) -> str:
        return f"{self.id}: {', '.join(self.old_tactics) or '-'} -> {', '.join(self.new_tactics) or '-'}"


def _to_renamed(value: Iterable[Renamed]) -> tuple[Renamed, ...]:
    return instances(value, Renamed)


def _to_moved(value: Iterable[Moved]) -> tuple[Moved, ...]:
    return instances(value, Moved)


@model
@frozen(kw_only=True)
class Diff:
    """What changed from one release of a framework to another (see :func:`diff`)."""

    #: The framework both releases belong to.
    framework: str = field(converter=to_text)
    #: The release compared from.
    old_version: str | None = field(default=None, converter=to_optional_text)
    #: The release compared to.
    new_version: str | None = field(default=None, converter=to_optional_text)
    #: Tactics only the new release has.
    tactics_added: tuple[TacticEntry, ...] = field(default=(), converter=to_tactic_entries)
    #: Tactics only the old release has.
    tactics_removed: tuple[TacticEntry, ...] = field(default=(), converter=to_tactic_entries)
    #: Tactics whose name changed.
    tactics_renamed: tuple[Renamed, ...] = field(default=(), converter=_to_renamed)
    #: Techniques only the new release has.
    added: tuple[TechniqueEntry, ...] = field(default=(), converter=to_technique_entries)
    #: Techniques only the old release has.
    removed: tuple[TechniqueEntry, ...] = field(default=(), converter=to_technique_entries)
    #: Techniques whose name changed.
    renamed: tuple[Renamed, ...] = field(default=(), converter=_to_renamed)
    #: Techniques whose tactics changed.
    moved: tuple[Moved, ...] = field(default=(), converter=_to_moved)

    def __bool__(self) -> bool:
        return not self.is_empty

    @property
    def is_empty(self) -> bool:
        """True when the two releases define the same tactics and techniques, with the same names and tactics."""
        return not any(
            (self.tactics_added, self.tactics_removed, self.tactics_renamed, self.added, self.removed, self.renamed, self.moved)
        )

    def apply(self, ids: Iterable[str]) -> frozenset[str]:
        """The old release's technique ids with this diff's removals and additions applied: the new release's ids."""
        return (frozenset(ids) - {t.id for t in self.removed}) | {t.id for t in self.added}

    def removals(self) -> tuple[Removal, ...]:
        """The removed techniques as :class:`Removal` records (what :meth:`Catalogue.with_history` keeps)."""
        return tuple(
            Removal(id=t.id, name=t.name, last_version=self.old_version, removed_in=self.new_version) for t in self.removed
        )

    def successors(self, technique_id: str) -> tuple[TechniqueEntry, ...]:
        """Added techniques carrying the name of the removed technique ``technique_id`` (likely replacements)."""
        gone = next((t for t in self.removed if t.id == technique_id), None)
        if gone is None:
            return ()
        return tuple(t for t in self.added if normalise_name(t.name) == normalise_name(gone.name))

    def __str__(self) -> str:
        old = self.old_version or "old"
        new = self.new_version or "new"
        lines = [f"{self.framework} {old} -> {new}:"]
        if self.is_empty:
            return lines[0] + " no changes"
        for title, items in (
            ("tactics added", [str(t) for t in self.tactics_added]),
            ("tactics removed", [str(t) for t in self.tactics_removed]),
            ("tactics renamed", [str(t) for t in self.tactics_renamed]),
            ("techniques added", [str(t) for t in self.added]),
            ("techniques removed", [str(t) for t in self.removed]),
            ("techniques renamed", [str(t) for t in self.renamed]),
            ("techniques moved between tactics", [str(t) for t in self.moved]),
        ):
            if items:
                lines.append(f"  {title} ({len(items)}):")
                lines.extend(f"    {item}" for item in items)
        return "\n".join(lines)


def diff(old: Catalogue, new: Catalogue) -> Diff:
    """What changed between two releases of one framework: tactics and techniques added, removed, renamed, moved.

    Entries are matched by id; a name compared case- and space-insensitively counts as unchanged.
    """
    if old.framework != new.framework:
        raise CatalogueError(f"cannot diff {old.label} against {new.label}: different frameworks")
    new_tactics = {t.id: t for t in new.tactics}
    new_techniques = {t.id: t for t in new.techniques}
    return Diff(
        framework=old.framework,
        old_version=old.version,
        new_version=new.version,
        tactics_added=_missing_from(new.tactics, old.tactics),
        tactics_removed=_missing_from(old.tactics, new.tactics),
        tactics_renamed=_renamed(old.tactics, new_tactics),
        added=_missing_from(new, old.techniques),
        removed=_missing_from(old, new.techniques),
        renamed=_renamed(old, new_techniques),
        moved=[
            Moved(id=t.id, old_tactics=t.tactics, new_tactics=new_techniques[t.id].tactics)
            for t in old
            if t.id in new_techniques and set(t.tactics) != set(new_techniques[t.id].tactics)
        ],
    )


_E = TypeVar("_E", TacticEntry, TechniqueEntry)


def _missing_from(entries: Iterable[_E], other: Iterable[_E]) -> list[_E]:
    """The entries (in their order) whose ids ``other`` lacks."""
    ids = {entry.id for entry in other}
    return [entry for entry in entries if entry.id not in ids]


def _renamed(old: Iterable[Entry], new: Mapping[str, Entry]) -> list[Renamed]:
    return [
        Renamed(id=t.id, old_name=t.name, new_name=new[t.id].name)
        for t in old
        if t.id in new and normalise_name(t.name) != normalise_name(new[t.id].name)
    ]


# ---------------------------------------------------------------------------------------------
# history: what earlier releases had


History = Diff | Catalogue | Iterable[Diff | Catalogue] | None


def _removals(catalogue: Catalogue, history: History) -> dict[str, Removal]:
    found = dict(catalogue.removed)
    if history is None:
        return found
    items: list[Diff | Catalogue] = [history] if isinstance(history, (Diff, Catalogue)) else list(history)
    older = [item for item in items if isinstance(item, Catalogue)]
    if older:
        found.update(catalogue.with_history(*older).removed)
    for item in items:
        if isinstance(item, Diff):
            for removal in item.removals():
                if removal.id not in catalogue.ids:
                    found[removal.id] = removal
    return found


# ---------------------------------------------------------------------------------------------
# crosswalk


class CrosswalkStatus(Vocabulary):
    """What became of a tagged technique in another release."""

    #: Same id, name and tactics.
    UNCHANGED = "unchanged"
    #: Same id and tactics, another name.
    RENAMED = "renamed"
    #: Same id and name, other tactics.
    MOVED = "moved"
    #: Same id, another name and other tactics.
    RENAMED_AND_MOVED = "renamed_and_moved"
    #: The id is gone (``candidates`` lists techniques with its name).
    REMOVED = "removed"
    #: The id is not in the target release, and its history does not know it.
    UNKNOWN = "unknown"


def _to_optional_entry(value: TechniqueEntry | None) -> TechniqueEntry | None:
    return None if value is None else instances([value], TechniqueEntry)[0]


def _to_ref(value: TechniqueRef) -> TechniqueRef:
    return instances([value], TechniqueRef)[0]


@model
@frozen(kw_only=True)
class Translation:
    """A technique tag carried into another release: the status, the entry there, and why.

    ``candidates`` are techniques of the target release with the tag's name, for a removed id.
    """

    #: The technique tag as the operation has it.
    ref: TechniqueRef = field(converter=_to_ref)
    #: What became of it in the target release: unchanged, renamed, moved, removed or unknown.
    status: CrosswalkStatus = field(converter=CrosswalkStatus)
    #: The technique in the target release; None when it is not there.
    entry: TechniqueEntry | None = field(default=None, converter=_to_optional_entry)
    #: Techniques of the target release with the tag's name, for an id that was removed.
    candidates: tuple[TechniqueEntry, ...] = field(default=(), converter=to_technique_entries)
    #: Why the tag got this status, in words.
    reason: str = field(converter=to_text)

    @property
    def exists(self) -> bool:
        return self.entry is not None

    def __str__(self) -> str:
        return self.reason


def crosswalk(item: TechniqueRef | TechniqueUse, target: Catalogue, *, source: Catalogue | None = None) -> Translation:
    """What became of a technique tag (made against ``source``, or against the tag's own version) in ``target``.

    ``source`` lets the answer say what the id meant and what a removed id was called; without it,
    ``target``'s history (:meth:`Catalogue.with_history`) and the tag's own name are used.
    """
    ref = item.technique if isinstance(item, TechniqueUse) else item
    if ref is None:  # a tactic mapped alone (model 1.1)
        raise CatalogueError(f"{item} names a tactic and no technique: there is no technique to carry")
    if ref.framework != target.framework:
        raise CatalogueError(f"cannot carry {with_article(ref.framework)} technique into {target.label}")
    before = source.get(ref.id) if source is not None else None
    old = before if isinstance(before, TechniqueEntry) else None
    entry = target.get(ref.id)
    if isinstance(entry, TechniqueEntry):
        return _still_there(ref, entry, old, target.label)
    return _gone(ref, target, old, source)


_STATUS = {  # (renamed, moved) -> status
    (False, False): CrosswalkStatus.UNCHANGED,
    (True, False): CrosswalkStatus.RENAMED,
    (False, True): CrosswalkStatus.MOVED,
    (True, True): CrosswalkStatus.RENAMED_AND_MOVED,
}


def _still_there(ref: TechniqueRef, entry: TechniqueEntry, old: TechniqueEntry | None, label: str) -> Translation:
    old_name = old.name if old is not None else ref.name
    renamed = old_name is not None and normalise_name(old_name) != normalise_name(entry.name)
    parts = [f"{ref.id} exists in {label} as {entry.name!r}"]
    if renamed:
        parts.append(f"(was {old_name!r})")
    moved = old is not None and set(old.tactics) != set(entry.tactics)
    if old is not None and moved:
        parts.append(f"and moved from {', '.join(old.tactics) or 'no tactic'} to {', '.join(entry.tactics) or 'no tactic'}")
    return Translation(ref=ref, status=_STATUS[(renamed, moved)], entry=entry, reason=" ".join(parts))


def _gone(ref: TechniqueRef, target: Catalogue, old: TechniqueEntry | None, source: Catalogue | None) -> Translation:
    label = target.label
    removal = target.removed.get(ref.id)
    if removal is None and old is not None:
        removal = Removal(id=old.id, name=old.name, last_version=source.version if source else None, removed_in=target.version)
    name = removal.name if removal is not None else (old.name if old is not None else ref.name)
    candidates = tuple(t for t in target.named(name) if isinstance(t, TechniqueEntry)) if name else ()
    hint = f"; {label} has {', '.join(f'{t.id} {t.name!r}' for t in candidates)} by that name" if candidates else ""
    if removal is not None:
        reason = f"{ref.id} {removal.name!r} was removed {_when_removed(removal, target)}{hint}"
        return Translation(ref=ref, status=CrosswalkStatus.REMOVED, candidates=candidates, reason=reason)
    reason = f"{ref.id} is not a technique of {label}, and its history does not know it{hint}"
    return Translation(ref=ref, status=CrosswalkStatus.UNKNOWN, candidates=candidates, reason=reason)


def _when_removed(removal: Removal, catalogue: Catalogue) -> str:
    """``in disarm 1.6, last seen in 1.5``: where a removal happened, for messages."""
    where = f"in {catalogue.framework} {removal.removed_in}" if removal.removed_in else f"before {catalogue.label}"
    return where + (f", last seen in {removal.last_version}" if removal.last_version else "")


# ---------------------------------------------------------------------------------------------
# check


#: The codes of the problems :func:`check` reports (validation maps them to OPS6xx codes).
CHECK_CODES: dict[str, str] = {
    "unknown-technique": "a technique id the release does not define (its parent may be)",
    "parent-absent": "a sub-technique id whose parent technique the release does not define either",
    "removed-technique": "a technique id an earlier release had and this one removed",
    "name-mismatch": "a technique tagged with a name other than the release's (a warning)",
    "unknown-tactic": "a tactic id the release does not define",
    "tactic-mismatch": "a technique tagged under a tactic it does not belong to in the release (a warning)",
}

# What check() reports is the one problem record of opsmodel; the old names stay for callers.
Finding = Problem


Checkable = Report | Operation | TechniqueUse | TechniqueRef | Iterable[Operation | TechniqueUse | TechniqueRef]


def _tags(items: Checkable) -> Iterator[tuple[str, TechniqueUse | TechniqueRef]]:
    if isinstance(items, Report):
        for index, operation in enumerate(items.operations):
            for path, tag in _tags(operation):
                yield f"$.operations[{index}]{path[1:]}", tag
        return
    if isinstance(items, Operation):
        for index, use in enumerate(items.techniques):
            yield f"$.techniques[{index}]", use
        return
    if isinstance(items, (TechniqueUse, TechniqueRef)):
        yield "$", items
        return
    for index, item in enumerate(items):
        if isinstance(item, Operation):
            for path, tag in _tags(item):
                yield f"$[{index}]{path[1:]}", tag
        elif isinstance(item, (TechniqueUse, TechniqueRef)):
            yield f"$[{index}]", item
        else:
            raise CatalogueError(
                f"cannot check {type(item).__name__} {show_value(item)}: expected operations, technique uses or refs"
            )


def check(items: Checkable, catalogue: Catalogue, *, history: History = None) -> tuple[Problem, ...]:
    """Check technique tags against a release; return what is wrong, in order (empty when all is well).

    ``items`` is a report, an operation, technique uses or refs (or a list of them). Tags of other
    frameworks are skipped. ``history`` (older catalogues, diffs, or both) tells a removed id from
    an unknown one; so does a catalogue built :meth:`~Catalogue.with_history`. Each problem has a
    code of :data:`CHECK_CODES`, the path of the tag in ``items`` and the offending value.
    """
    removed = _removals(catalogue, history)
    found: list[Problem] = []
    for path, tag in _tags(items):
        ref = tag.technique if isinstance(tag, TechniqueUse) else tag
        if ref is None:  # a tactic mapped alone (model 1.1): only its tactic to check
            assert isinstance(tag, TechniqueUse)
            found.extend(_tactic_problems(tag, None, catalogue, path))
            continue
        if ref.framework != catalogue.framework:
            continue
        ref_path = f"{path}.technique" if isinstance(tag, TechniqueUse) else path
        entry = catalogue.get(ref.id)
        if isinstance(entry, TechniqueEntry):
            found.extend(_name_problems(ref, entry, catalogue, ref_path))
        else:
            found.append(_missing(ref, catalogue, removed, f"{ref_path}.id"))
        if isinstance(tag, TechniqueUse):
            found.extend(_tactic_problems(tag, entry, catalogue, path))
    return tuple(found)


_WARNINGS = frozenset({"name-mismatch", "tactic-mismatch"})  # the tag is usable, only doubtful


def _finding(code: str, message: str, value: Any, path: str) -> Problem:
    severity = Severity.WARNING if code in _WARNINGS else Severity.ERROR
    return Problem(code=code, severity=severity, message=message, value=value, path=path)


def _name_problems(ref: TechniqueRef, entry: TechniqueEntry, catalogue: Catalogue, path: str) -> Iterator[Problem]:
    if ref.name is None or normalise_name(ref.name) == normalise_name(entry.name):
        return
    owners = [t.id for t in catalogue.named(ref.name) if isinstance(t, TechniqueEntry)]
    owner = f" ({ref.name!r} is {', '.join(owners)})" if owners else ""
    message = f"{ref.id} is named {entry.name!r} in {catalogue.label}, not {ref.name!r}{owner}"
    yield _finding("name-mismatch", message, ref.name, f"{path}.name")


def _tactic_problems(use: TechniqueUse, entry: Entry | None, catalogue: Catalogue, path: str) -> Iterator[Problem]:
    if use.tactic is None or use.tactic.framework != catalogue.framework:
        return
    tactic_id = use.tactic.id
    tactic = catalogue.get(tactic_id)
    if not isinstance(tactic, TacticEntry):
        yield _finding("unknown-tactic", f"{tactic_id} is not a tactic of {catalogue.label}", tactic_id, f"{path}.tactic.id")
    elif isinstance(entry, TechniqueEntry) and tactic not in catalogue.tactics_of(entry.id):
        where = ", ".join(t.id for t in catalogue.tactics_of(entry.id)) or "no tactic"
        message = f"{entry.id} belongs to {where} in {catalogue.label}, not {tactic.id} {tactic.name!r}"
        yield _finding("tactic-mismatch", message, tactic_id, f"{path}.tactic.id")


def _missing(ref: TechniqueRef, catalogue: Catalogue, removed: Mapping[str, Removal], path: str) -> Problem:
    removal = removed.get(ref.id)
    if removal is not None:
        message = f"{ref.id} {removal.name!r} was removed {_when_removed(removal, catalogue)}"
        return _finding("removed-technique", message, ref.id, path)
    parent_id = ref.parent_id
    if parent_id is not None and parent_id not in catalogue:
        message = f"{ref.id} is not a technique of {catalogue.label}, nor is its parent {parent_id}"
        return _finding("parent-absent", message, ref.id, path)
    hint = f" (its parent {parent_id} is)" if parent_id is not None else ""
    return _finding("unknown-technique", f"{ref.id} is not a technique of {catalogue.label}{hint}", ref.id, path)
