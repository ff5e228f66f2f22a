"""The DISARM matrix as a heat map: tactics as columns, each technique a cell shaded by how many operations use it."""

from __future__ import annotations

from collections import defaultdict

from ..._model.techniques import TechniqueUse
from ..._taxonomy.catalogue import Catalogue
from ..records import OperationKey, Record
from .markup import element, esc, joined, text

# The column of uses that name no tactic, when no catalogue places their technique.
NOT_STATED = ""
LEVELS = 5


def _tactics_of(use: TechniqueUse, catalogue: Catalogue | None) -> tuple[tuple[str, str | None], ...]:
    if use.tactic is not None:
        return ((use.tactic.id, use.tactic.name),)
    if catalogue is not None and use.technique is not None and use.technique.id in catalogue:
        found = catalogue.tactics_of(use.technique.id)
        if found:
            return tuple((entry.id, entry.name) for entry in found)
    return ((NOT_STATED, None),)


class _Heat:
    """Which operations use each technique under each tactic, and the names the uses give."""

    def __init__(self, records: tuple[Record, ...], catalogue: Catalogue | None) -> None:
        self.cells: dict[str, dict[str, set[OperationKey]]] = defaultdict(lambda: defaultdict(set))
        self.tactic_only: dict[str, set[OperationKey]] = defaultdict(set)
        self.tactic_names: dict[str, str] = {}
        self.technique_names: dict[str, str] = {}
        for record in records:
            self._add(record, catalogue)

    def _name(self, names: dict[str, str], key: str, name: str | None) -> None:
        if name and key not in names:
            names[key] = name

    def _add(self, record: Record, catalogue: Catalogue | None) -> None:
        for use in record.operation.techniques:
            technique = use.technique
            if technique is None:
                # a tactic mapped alone (the converter guarantees a tactic): shown in its column
                assert use.tactic is not None
                self._name(self.tactic_names, use.tactic.id, use.tactic.name)
                self.tactic_only[use.tactic.id].add(record.key)
                continue
            name = technique.name or (catalogue.technique(technique.id).name if catalogue and technique.id in catalogue else None)
            self._name(self.technique_names, technique.id, name)
            for tactic, tactic_name in _tactics_of(use, catalogue):
                self._name(self.tactic_names, tactic, tactic_name)
                self.cells[tactic][technique.id].add(record.key)

    @property
    def columns(self) -> tuple[str, ...]:
        named = sorted(key for key in {*self.cells, *self.tactic_only} if key != NOT_STATED)
        return (*named, NOT_STATED) if NOT_STATED in self.cells else tuple(named)

    @property
    def most(self) -> int:
        counts = [len(keys) for column in self.cells.values() for keys in column.values()]
        return max([*counts, *(len(keys) for keys in self.tactic_only.values()), 1])

    def ordered(self, tactic: str) -> list[tuple[str, int]]:
        """The techniques of a column, the most used first, then by id."""
        found = [(technique, len(keys)) for technique, keys in self.cells.get(tactic, {}).items()]
        return sorted(found, key=lambda item: (-item[1], item[0]))


def _level(count: int, most: int) -> int:
    return max(1, -(-count * LEVELS // most))  # ceiling: one use in a large corpus still shows


def _header(heat: _Heat, tactic: str) -> str:
    used = set().union(*heat.cells.get(tactic, {}).values(), heat.tactic_only.get(tactic, set()))
    name = heat.tactic_names.get(tactic, "")
    label = f"{tactic} {name}".strip() if tactic != NOT_STATED else "tactic not stated"
    return element(
        "th",
        esc(label) + element("span", esc(f"{len(used)} operation{'s' if len(used) != 1 else ''}"), class_="count"),
        scope="col",
    )


def _cell(heat: _Heat, tactic: str, technique: str, count: int) -> str:
    name = heat.technique_names.get(technique, "")
    label = f"{technique} {name}".strip()
    title = f"{label}: used by {count} operation{'s' if count != 1 else ''}"
    content = esc(label) + element("span", esc(count), class_="count")
    return element(
        "td", content, class_=f"heat heat-{_level(count, heat.most)}", title=title, data_technique=technique, data_tactic=tactic
    )


def _column_cells(heat: _Heat, tactic: str) -> list[str]:
    cells = [_cell(heat, tactic, technique, count) for technique, count in heat.ordered(tactic)]
    only = len(heat.tactic_only.get(tactic, ()))
    if only:
        title = f"{only} operation{'s' if only != 1 else ''} use the tactic with no technique named"
        content = esc("tactic only") + element("span", esc(only), class_="count")
        cells.append(
            element("td", content, class_=f"heat tactic-only heat-{_level(only, heat.most)}", title=title, data_tactic=tactic)
        )
    return cells


def matrix(records: tuple[Record, ...], catalogue: Catalogue | None = None) -> str:
    """The heat map of ``records``' technique uses as an HTML table (a paragraph when none is tagged).

    A use is placed under the tactic it names, else under the catalogue's tactics for its technique
    (when a ``catalogue`` is given), else in a last column "tactic not stated".
    """
    heat = _Heat(records, catalogue)
    columns = heat.columns
    if not columns:
        return text("p", "No operation here is tagged with a technique.", class_="empty")
    cells = {tactic: _column_cells(heat, tactic) for tactic in columns}
    depth = max(len(found) for found in cells.values())
    body = joined(
        element("tr", joined(cells[tactic][row] if row < len(cells[tactic]) else "<td></td>" for tactic in columns))
        for row in range(depth)
    )
    head = element("thead", element("tr", joined(_header(heat, tactic) for tactic in columns)))
    caption = text("caption", f"Techniques by tactic: a cell is darker the more operations use it (at most {heat.most}).")
    return element("table", caption + head + element("tbody", body), id="matrix-table", class_="matrix")
