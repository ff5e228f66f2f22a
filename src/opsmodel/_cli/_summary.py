"""A plain-text table of a report's operations, for terminals and logs.

The table fits a width (100 columns by default, narrower than most terminals) by wrapping its
longest cells; list cells wrap between their items, so that "write comments" never splits
across lines unless one item alone is wider than its column.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Sequence
from typing import TextIO

from .. import Operation, Report
from ._io import count_of

DEFAULT_WIDTH = 100
_GAP = "  "
_COLUMNS = ("Operation", "Origin", "Platforms", "Languages", "AI used for", "Breakout")
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"

# A cell is the items it lists; a cell that is not a list is one item.
_Cell = tuple[str, ...]


def _one_line_text(text: str) -> str:
    """The text with every run of whitespace, line breaks included, as one space: one table line stays one line."""
    return " ".join(text.split())


def _row(operation: Operation) -> tuple[_Cell, ...]:
    origin = tuple(country.code for country in operation.origin_countries) or ("unknown",)
    platforms = tuple(str(p) for p in operation.platforms) or ("-",)
    languages = tuple(str(lang) for lang in operation.languages) or ("-",)
    purposes = tuple(dict.fromkeys(p.value.replace("_", " ") for use in operation.ai_uses for p in use.purposes)) or ("-",)
    impact = str(operation.impacts[-1]) if operation.impacts else "-"
    cells = ((operation.display_name,), origin, platforms, languages, purposes, (impact,))
    return tuple(tuple(_one_line_text(item) or "-" for item in cell) for cell in cells)


def _one_line(cell: _Cell) -> str:
    return ", ".join(cell)


def _floors(columns: Sequence[Sequence[_Cell]], width: int) -> list[int]:
    """The narrowest each column may get: its longest item if all fit in ``width``, else its longest word."""
    items = [max(len(item) + 1 for cell in column for item in cell) for column in columns]
    if sum(items) + len(_GAP) * (len(columns) - 1) <= width:
        return items
    return [max(len(word) for cell in column for item in cell for word in f"{item},".split()) for column in columns]


def _fit(natural: list[int], floors: list[int], width: int) -> list[int]:
    """Column widths within ``width``: the widest column gives up a character until the table fits."""
    widths = list(natural)
    budget = width - len(_GAP) * (len(widths) - 1)
    while sum(widths) > budget:
        shrinkable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not shrinkable:
            break  # every column is down to its longest word: wider than asked beats cut words
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def _wrap(cell: _Cell, width: int) -> list[str]:
    """The cell's lines: items packed greedily, separated by ", ", an over-long item wrapped at spaces."""
    lines: list[str] = []
    for number, item in enumerate(cell):
        text = item + ("," if number < len(cell) - 1 else "")
        if lines and len(lines[-1]) + 1 + len(text) <= width:
            lines[-1] = f"{lines[-1]} {text}"
        else:
            lines.extend(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""])
    return lines


def _render_row(cells: Sequence[_Cell], widths: Sequence[int], *, wrap: bool, name_style: str = "") -> list[str]:
    """The row's lines; ``name_style`` (an ANSI code) styles the first column's text, not its padding."""
    if wrap:
        columns = [_wrap(cell, width) for cell, width in zip(cells, widths, strict=True)]
    else:
        columns = [[_one_line(cell)] for cell in cells]
    out = []
    for index in range(max(len(lines) for lines in columns)):
        texts = [lines[index] if index < len(lines) else "" for lines in columns]
        padded = [text.ljust(width) for text, width in zip(texts, widths, strict=True)]
        padded[0] = _style(texts[0], name_style) + padded[0][len(texts[0]) :]
        out.append(_GAP.join(padded).rstrip())
    return out


def summary_table(report: Report, *, width: int | None = DEFAULT_WIDTH, colour: bool = False) -> str:
    """The report's title line and one row per operation.

    ``width`` is the most columns a line may take (cells wrap to fit; ``None``: one line per
    operation, however wide); ``colour`` adds ANSI bold to the header and operation names.
    """
    header = tuple((title,) for title in _COLUMNS)
    rows = [_row(op) for op in report.operations]
    columns = [[row[i] for row in (header, *rows)] for i in range(len(_COLUMNS))]
    natural = [max(len(_one_line(cell)) for cell in column) for column in columns]
    widths = natural if width is None else _fit(natural, _floors(columns, width), width)
    bold, dim = (_BOLD, _DIM) if colour else ("", "")
    lines = [_style(_render_row(header, widths, wrap=False)[0], bold), _style(_GAP.join("-" * w for w in widths), dim)]
    for row in rows:
        lines.extend(_render_row(row, widths, wrap=width is not None, name_style=bold))
    published = f", {report.published}" if report.published else ""
    title = _one_line_text(f"{report.title} ({report.publisher}{published}): {count_of(len(report.operations), 'operation')}")
    titles = [title] if width is None else textwrap.wrap(title, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join([*titles, "", *lines]) + "\n"


def _style(text: str, code: str) -> str:
    return f"{code}{text}{_RESET}" if code and text else text


def wants_colour(stream: TextIO) -> bool:
    """Colour only for a person at a terminal, and never when ``NO_COLOR`` is set (https://no-color.org/)."""
    return not os.environ.get("NO_COLOR") and _is_terminal(stream)


def table_width(stream: TextIO) -> int:
    """100 columns, or fewer on a narrower terminal."""
    if _is_terminal(stream):
        return min(DEFAULT_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns)
    return DEFAULT_WIDTH


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty is not None and isatty())
