"""Pictures of a report, a corpus or a cluster: one self-contained HTML page, built as plain strings.

No third-party package is needed: the page is HTML with inline CSS and inline SVG, built with the
standard library's :func:`html.escape`, so it needs no extra and opens offline in any browser.
"""

from __future__ import annotations

import os

from ..._core.files import atomic_writer
from ..._taxonomy.catalogue import Catalogue
from .page import Subject, to_html


def write_html(
    value: Subject, path: str | os.PathLike[str], *, title: str | None = None, catalogue: Catalogue | None = None
) -> None:
    """Write :func:`to_html`'s page to ``path`` atomically: the file appears whole or not at all."""
    page = to_html(value, title=title, catalogue=catalogue)
    with atomic_writer(path) as handle:
        handle.write(page)


__all__ = ["Subject", "to_html", "write_html"]
