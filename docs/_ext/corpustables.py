"""The corpus tables' reference, generated from :data:`opsmodel.corpus.TABLES` so that it cannot drift.

``opsmodel-corpus-tables`` renders each table: its name, what one row is, whether it reads back
as objects, and one line per column with its Arrow, pandas and polars types
(:data:`opsmodel.corpus.DTYPES`) and what it holds.
"""

from __future__ import annotations

from typing import Any

from opsmodel.corpus import DTYPES, LOSSLESS, TABLES

DIRECTIVE = "opsmodel-corpus-tables"


def rst() -> list[str]:
    """The reference as reStructuredText lines."""
    lines: list[str] = []
    for name, spec in TABLES.items():
        back = " It reads back as objects (:func:`~opsmodel.corpus.objects`)." if name in LOSSLESS else ""
        lines += [f".. rubric:: {name}", "", f"One row: {spec.row}.{back}", ""]
        lines += [".. list-table::", "   :header-rows: 1", "", "   * - Column", "     - Arrow", "     - pandas", "     - polars"]
        lines += ["     - Holds"]
        for column in spec.columns:
            arrow, pandas, polars = DTYPES[column.dtype]
            lines += [f"   * - ``{column.name}``", f"     - ``{arrow}``", f"     - ``{pandas}``", f"     - ``{polars}``"]
            lines += [f"     - {column.description}"]
        lines.append("")
    return lines


def setup(app: Any) -> dict[str, Any]:
    from docutils import nodes
    from docutils.statemachine import StringList
    from sphinx.util.docutils import SphinxDirective

    class CorpusTables(SphinxDirective):
        def run(self) -> list[nodes.Node]:
            container = nodes.container()
            self.state.nested_parse(StringList(rst(), source="opsmodel.corpus.TABLES"), self.content_offset, container)
            return list(container.children)

    app.add_directive(DIRECTIVE, CorpusTables)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
