"""Comparing releases (:func:`diff`), carrying tags across them (:func:`crosswalk`), checking tags (:func:`check`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from attrs import field, frozen

from .._core.fields import Vocabulary, instances, model, to_optional_text, to_text
from .._model.operations import Operation, Report
from .._model.techniques import TechniqueRef, TechniqueUse
from .catalogue import Catalogue, CatalogueError, Removal, TacticEntry, TechniqueEntry, normalise_name

__all__ = [
    "CrosswalkStatus",
    "Diff",
    "Finding",
    "Moved",
    "Renamed",
    "Severity",
    "Translation",
    "check",
    "crosswalk",
    "diff",
]


# ---------------------------------------------------------------------------------------------
# diff


@model
@frozen(kw_only=True)
class Renamed:
    """An id whose name changed between two releases."""

    id: str = field(converter=to_text)
    old_name: str = field(converter=to_text)
    new_name: str = field(converter=to_text)

    def __str__(self) -> str:
        return f"{self.id}: {self.old_name!r} -> {self.new_name!r}"


def _to_id_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(to_text(item) for item in value)


@model
@frozen(kw_only=True)
class Moved:
    """A technique whose tactics changed between two releases."""

    id: str = field(converter=to_text)
    old_tactics: tuple[str, ...] = field(converter=_to_id_tuple)
    new_tactics: tuple[str, ...] = field(converter=_to_id_tuple)

    def __str__(self) -> str:
        return f"{self.id}: {', '.join(self.old_tactics) or '-'} -> {', '.join(self.new_tactics) or '-'}"


def _to_tactic_entries(value: Iterable[TacticEntry]) -> tuple[TacticEntry, ...]:
    return instances(value, TacticEntry)


def _to_technique_entries(value: Iterable[TechniqueEntry]) -> tuple[TechniqueEntry, ...]:
    return instances(value, TechniqueEntry)


def _to_renamed(value: Iterable[Renamed]) -> tuple[Renamed, ...]:
    return instances(value, Renamed)


def _to_moved(value: Iterable[Moved]) -> tuple[Moved, ...]:
    return instances(value, Moved)


@model
@frozen(kw_only=True)
class Diff:
    """What changed from one release of a framework to another (see :func:`diff`)."""

    framework: str = field(converter=to_text)
    old_version: str | None = field(default=None, converter=to_optional_text)
    new_version: str | None = field(default=None, converter=to_optional_text)
    tactics_added: tuple[TacticEntry, ...] = field(default=(), converter=_to_tactic_entries)
    tactics_removed: tuple[TacticEntry, ...] = field(default=(), converter=_to_tactic_entries)
    tactics_renamed: tuple[Renamed, ...] = field(default=(), converter=_to_renamed)
    added: tuple[TechniqueEntry, ...] = field(default=(), converter=_to_technique_entries)
    removed: tuple[TechniqueEntry, ...] = field(default=(), converter=_to_technique_entries)
    renamed: tuple[Renamed, ...] = field(default=(), converter=_to_renamed)
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
    old_tactics = {t.id: t for t in old.tactics}
    new_tactics = {t.id: t for t in new.tactics}
    old_techniques = {t.id: t for t in old.techniques}
    new_techniques = {t.id: t for t in new.techniques}
    return Diff(
        framework=old.framework,
        old_version=old.version,
        new_version=new.version,
        tactics_added=[t for t in new.tactics if t.id not in old_tactics],
        tactics_removed=[t for t in old.tactics if t.id not in new_tactics],
        tactics_renamed=[
            Renamed(id=t.id, old_name=t.name, new_name=new_tactics[t.id].name)
            for t in old.tactics
            if t.id in new_tactics and normalise_name(t.name) != normalise_name(new_tactics[t.id].name)
        ],
        added=[t for t in new if t.id not in old_techniques],
        removed=[t for t in old if t.id not in new_techniques],
        renamed=[
            Renamed(id=t.id, old_name=t.name, new_name=new_techniques[t.id].name)
            for t in old
            if t.id in new_techniques and normalise_name(t.name) != normalise_name(new_techniques[t.id].name)
        ],
        moved=[
            Moved(id=t.id, old_tactics=t.tactics, new_tactics=new_techniques[t.id].tactics)
            for t in old
            if t.id in new_techniques and set(t.tactics) != set(new_techniques[t.id].tactics)
        ],
    )


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

    UNCHANGED = "unchanged"
    RENAMED = "renamed"
    MOVED = "moved"
    RENAMED_AND_MOVED = "renamed_and_moved"
    REMOVED = "removed"
    UNKNOWN = "unknown"


def _to_optional_entry(value: Any) -> TechniqueEntry | None:
    return None if value is None else instances([value], TechniqueEntry)[0]


def _to_ref(value: Any) -> TechniqueRef:
    return instances([value], TechniqueRef)[0]


@model
@frozen(kw_only=True)
class Translation:
    """A technique tag carried into another release: the status, the entry there, and why.

    ``candidates`` are techniques of the target release with the tag's name, for a removed id.
    """

    ref: TechniqueRef = field(converter=_to_ref)
    status: CrosswalkStatus = field(converter=CrosswalkStatus)
    entry: TechniqueEntry | None = field(default=None, converter=_to_optional_entry)
    candidates: tuple[TechniqueEntry, ...] = field(default=(), converter=_to_technique_entries)
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
    label = target.label
    if ref.framework != target.framework:
        raise CatalogueError(f"cannot carry a {ref.framework} technique into {label}")
    before = source.get(ref.id) if source is not None else None
    old = before if isinstance(before, TechniqueEntry) else None
    old_name = old.name if old is not None else ref.name
    entry = target.get(ref.id)
    if isinstance(entry, TechniqueEntry):
        renamed = old_name is not None and normalise_name(old_name) != normalise_name(entry.name)
        moved = old is not None and set(old.tactics) != set(entry.tactics)
        status = {
            (False, False): CrosswalkStatus.UNCHANGED,
            (True, False): CrosswalkStatus.RENAMED,
            (False, True): CrosswalkStatus.MOVED,
            (True, True): CrosswalkStatus.RENAMED_AND_MOVED,
        }[(renamed, moved)]
        parts = [f"{ref.id} exists in {label} as {entry.name!r}"]
        if renamed:
            parts.append(f"(was {old_name!r})")
        if moved and old is not None:
            parts.append(f"and moved from {', '.join(old.tactics) or 'no tactic'} to {', '.join(entry.tactics) or 'no tactic'}")
        return Translation(ref=ref, status=status, entry=entry, reason=" ".join(parts))
    removal = target.removed.get(ref.id)
    if removal is None and old is not None:
        removal = Removal(id=old.id, name=old.name, last_version=source.version if source else None, removed_in=target.version)
    name = removal.name if removal is not None else old_name
    candidates = tuple(t for t in target.named(name) if isinstance(t, TechniqueEntry)) if name else ()
    hint = f"; {label} has {', '.join(f'{t.id} {t.name!r}' for t in candidates)} by that name" if candidates else ""
    if removal is not None:
        last = f", last seen in {removal.last_version}" if removal.last_version else ""
        where = f"in {target.framework} {removal.removed_in}" if removal.removed_in else f"before {label}"
        reason = f"{ref.id} {removal.name!r} was removed {where}{last}{hint}"
        return Translation(ref=ref, status=CrosswalkStatus.REMOVED, candidates=candidates, reason=reason)
    reason = f"{ref.id} is not a technique of {label}, and its history does not know it{hint}"
    return Translation(ref=ref, status=CrosswalkStatus.UNKNOWN, candidates=candidates, reason=reason)


# ---------------------------------------------------------------------------------------------
# check


class Severity(Vocabulary):
    ERROR = "error"
    WARNING = "warning"


@model
@frozen(kw_only=True)
class Finding:
    """One problem :func:`check` found with a technique tag.

    ``code`` is stable (``unknown-technique``, ``removed-technique``, ``name-mismatch``,
    ``parent-absent``, ``unknown-tactic``, ``tactic-mismatch``); ``path`` locates the tag in
    the checked object (``$.operations[1].techniques[0].technique.id``); ``value`` is the offending value.
    """

    code: str = field(converter=to_text)
    severity: Severity = field(converter=Severity)
    message: str = field(converter=to_text)
    value: Any = None
    path: str = field(default="$", converter=to_text)

    def __str__(self) -> str:
        return f"{self.path}: {self.severity.value}: {self.message} [{self.code}]"


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
            raise CatalogueError(f"cannot check {type(item).__name__} {item!r}: expected operations, technique uses or refs")


def check(items: Checkable, catalogue: Catalogue, *, history: History = None) -> tuple[Finding, ...]:
    """Check technique tags against a release; return what is wrong, in order (empty when all is well).

    ``items`` is a report, an operation, technique uses or refs (or a list of them). Tags of other
    frameworks are skipped. ``history`` (older catalogues, diffs, or both) tells a removed id from
    an unknown one; so does a catalogue built :meth:`~Catalogue.with_history`.
    """
    removed = _removals(catalogue, history)
    label = catalogue.label
    findings: list[Finding] = []
    for path, tag in _tags(items):
        ref = tag.technique if isinstance(tag, TechniqueUse) else tag
        if ref.framework != catalogue.framework:
            continue
        ref_path = f"{path}.technique" if isinstance(tag, TechniqueUse) else path
        entry = catalogue.get(ref.id)
        if not isinstance(entry, TechniqueEntry):
            findings.append(_missing(ref, catalogue, removed, f"{ref_path}.id"))
        elif ref.name is not None and normalise_name(ref.name) != normalise_name(entry.name):
            owners = [t.id for t in catalogue.named(ref.name) if isinstance(t, TechniqueEntry)]
            owner = f" ({ref.name!r} is {', '.join(owners)})" if owners else ""
            findings.append(
                Finding(
                    code="name-mismatch",
                    severity=Severity.WARNING,
                    message=f"{ref.id} is named {entry.name!r} in {label}, not {ref.name!r}{owner}",
                    value=ref.name,
                    path=f"{ref_path}.name",
                )
            )
        if isinstance(tag, TechniqueUse) and tag.tactic is not None and tag.tactic.framework == catalogue.framework:
            tactic = catalogue.get(tag.tactic.id)
            if not isinstance(tactic, TacticEntry):
                findings.append(
                    Finding(
                        code="unknown-tactic",
                        severity=Severity.ERROR,
                        message=f"{tag.tactic.id} is not a tactic of {label}",
                        value=tag.tactic.id,
                        path=f"{path}.tactic.id",
                    )
                )
            elif isinstance(entry, TechniqueEntry) and tactic not in catalogue.tactics_of(entry.id):
                where = ", ".join(t.id for t in catalogue.tactics_of(entry.id)) or "no tactic"
                findings.append(
                    Finding(
                        code="tactic-mismatch",
                        severity=Severity.WARNING,
                        message=f"{ref.id} belongs to {where} in {label}, not {tactic.id} {tactic.name!r}",
                        value=tag.tactic.id,
                        path=f"{path}.tactic.id",
                    )
                )
    return tuple(findings)


def _missing(ref: TechniqueRef, catalogue: Catalogue, removed: dict[str, Removal], path: str) -> Finding:
    label = catalogue.label
    removal = removed.get(ref.id)
    if removal is not None:
        where = f"in {catalogue.framework} {removal.removed_in}" if removal.removed_in else f"before {label}"
        last = f", last seen in {removal.last_version}" if removal.last_version else ""
        return Finding(
            code="removed-technique",
            severity=Severity.ERROR,
            message=f"{ref.id} {removal.name!r} was removed {where}{last}",
            value=ref.id,
            path=path,
        )
    parent_id = ref.parent_id
    if parent_id is not None and parent_id not in catalogue:
        return Finding(
            code="parent-absent",
            severity=Severity.ERROR,
            message=f"{ref.id} is not a technique of {label}, nor is its parent {parent_id}",
            value=ref.id,
            path=path,
        )
    hint = f" (its parent {parent_id} is)" if parent_id is not None else ""
    return Finding(
        code="unknown-technique",
        severity=Severity.ERROR,
        message=f"{ref.id} is not a technique of {label}{hint}",
        value=ref.id,
        path=path,
    )
