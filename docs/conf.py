"""Sphinx configuration; Read the Docs runs the same build as ``nox -s docs``."""

from __future__ import annotations

import sys
from pathlib import Path

from opsmodel import __version__

sys.path.insert(0, str(Path(__file__).parent / "_ext"))  # the local extensions

project = "opsmodel"
author = "The opsmodel developers"
copyright = "2026, The opsmodel developers"
release = __version__
version = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "fielddocs",  # field descriptions from #: comments, enums as tables (docs/_ext/fielddocs.py)
    "clireference",  # the command line reference from the argument parser (docs/_ext/clireference.py)
    "corpustables",  # the corpus tables' columns from opsmodel.corpus.TABLES (docs/_ext/corpustables.py)
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
# attrs-generated signatures and private helper types are not worth cross-referencing.
nitpicky = False
suppress_warnings = ["myst.xref_missing"]

html_theme = "furo"
html_title = f"opsmodel {release}"
html_static_path = ["../src/opsmodel/schemas"]  # publishes the STIX extension schema at _static/
