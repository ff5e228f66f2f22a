"""A plain-text table of a report's operations, for terminals and logs."""

from __future__ import annotations

from .. import Operation, Report

_COLUMNS = ("Operation", "Origin", "Platforms", "Languages", "AI used for", "Breakout")


def _row(operation: Operation) -> tuple[str, ...]:
    origin = ", ".join(country.code for country in operation.origin_countries) or "unknown"
    platforms = ", ".join(str(p) for p in operation.platforms) or "-"
    languages = ", ".join(str(lang) for lang in operation.languages) or "-"
    purposes = dict.fromkeys(p.value.replace("_", " ") for use in operation.ai_uses for p in use.purposes)
    impact = str(operation.impacts[-1]) if operation.impacts else "-"
    return (operation.display_name, origin, platforms, languages, ", ".join(purposes) or "-", impact)


def summary_table(report: Report) -> str:
    """The report's title line and one row per operation, columns padded to fit."""
    rows = [_COLUMNS, *(_row(op) for op in report.operations)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    published = f", {report.published}" if report.published else ""
    header = f"{report.title} ({report.publisher}{published}): {len(report.operations)} operations"
    return "\n".join([header, "", *lines]) + "\n"
