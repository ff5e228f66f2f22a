"""Origin-to-target flows: attributed countries on the left, targeted places and audiences on the right.

A line joins an origin to a target for each operation attributed to the one and aimed at the
other; its width grows with the number of operations. Operations with no current attribution of
origin, or no target, join a node that says so, rather than vanishing from the drawing.
"""

from __future__ import annotations

from collections import defaultdict

from ..._model.places import Country, Target
from ..claims import claims_of
from ..records import OperationKey, Record
from .markup import cut, element, joined, num, svg, text

NOT_ATTRIBUTED = "not attributed"
NO_TARGET = "no target stated"
WIDTH = 860
LEFT_X, RIGHT_X = 250.0, 610.0
ROW = 28
TOP = 30
MAX_STROKE = 16.0


def _origins(record: Record) -> dict[str, set[str]]:
    """Each country the record's current attributions place it in, with who says so."""
    found: dict[str, set[str]] = defaultdict(set)
    for claim in claims_of(record):
        if claim.fact == "origin":
            found[claim.value].add(claim.claimant)
    return found


def _place_name(target: Target) -> str:
    place = target.place
    named = f"{getattr(place, 'name', place)}" if place is not None else None
    if named is not None and target.audience is not None:
        return f"{target.audience} in {named}"
    return named if named is not None else str(target.audience)


def _country_name(code: str) -> str:
    return f"{Country(code=code).name} ({code})"


class _Flows:
    def __init__(self, records: tuple[Record, ...]) -> None:
        self.edges: dict[tuple[str, str], set[OperationKey]] = defaultdict(set)
        self.claimants: dict[tuple[str, str], set[str]] = defaultdict(set)
        for record in records:
            origins = _origins(record)
            targets = {_place_name(target) for target in record.operation.targets} or {NO_TARGET}
            for origin, claimants in sorted(origins.items()) or [(NOT_ATTRIBUTED, set())]:
                label = _country_name(origin) if origin != NOT_ATTRIBUTED else origin
                for target in sorted(targets):
                    self.edges[label, target].add(record.key)
                    self.claimants[label, target] |= claimants

    def side(self, index: int) -> list[str]:
        totals: dict[str, set[OperationKey]] = defaultdict(set)
        for pair, keys in self.edges.items():
            totals[pair[index]] |= keys
        return sorted(totals, key=lambda name: (-len(totals[name]), name))


def _node(name: str, y: float, left: bool) -> str:
    x = LEFT_X - 8 if left else RIGHT_X
    label_x, anchor = (LEFT_X - 14, "end") if left else (RIGHT_X + 14, "start")
    rect = element("rect", x=num(x), y=num(y - 9), width=8, height=18, class_="node")
    return element(
        "g",
        text("title", name) + rect + text("text", cut(name, 34), x=num(label_x), y=num(y + 4), text_anchor=anchor),
        class_="flow-node",
    )


def flows(records: tuple[Record, ...]) -> str:
    """The flows of ``records`` as inline SVG (a paragraph when there are no operations)."""
    found = _Flows(records)
    if not found.edges:
        return text("p", "No operations.", class_="empty")
    origins, targets = found.side(0), found.side(1)
    y_of = {**{("o", name): TOP + index * ROW for index, name in enumerate(origins)}}
    y_of.update({("t", name): TOP + index * ROW for index, name in enumerate(targets)})
    most = max(len(keys) for keys in found.edges.values())
    lines = []
    for (origin, target), keys in sorted(found.edges.items()):
        y1, y2 = y_of["o", origin], y_of["t", target]
        middle = (LEFT_X + RIGHT_X) / 2
        path = f"M{num(LEFT_X)},{num(y1)} C{num(middle)},{num(y1)} {num(middle)},{num(y2)} {num(RIGHT_X)},{num(y2)}"
        stroke = max(1.5, len(keys) / most * MAX_STROKE)
        said = f"; attributed by {', '.join(sorted(found.claimants[origin, target]))}" if found.claimants[origin, target] else ""
        title = f"{origin} to {target}: {len(keys)} operation{'s' if len(keys) != 1 else ''}{said}"
        lines.append(element("path", text("title", title), d=path, stroke_width=num(stroke), class_="flow", data_count=len(keys)))
    nodes = [_node(name, y_of["o", name], True) for name in origins] + [_node(name, y_of["t", name], False) for name in targets]
    headings = text("text", "attributed origin", x=LEFT_X - 14, y=14, text_anchor="end", class_="heading")
    headings += text("text", "target", x=RIGHT_X + 14, y=14, class_="heading")
    height = TOP + max(len(origins), len(targets)) * ROW
    desc = (
        "Lines join each attributed country of origin to each place or audience targeted, one line per pair, wider "
        f"for more operations (the widest: {most}). The operations table gives the same facts in words."
    )
    body = headings + element("g", joined(lines), class_="flows") + joined(nodes)
    return svg(body, id="flows-drawing", width=WIDTH, height=height, title="From attributed origins to targets", desc=desc)
