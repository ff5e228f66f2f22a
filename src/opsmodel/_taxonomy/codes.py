"""Every code a problem of the taxonomy layer can carry, in one table (documented in the reference)."""

from __future__ import annotations

from .._core.errors import LIMIT_CODES, CatalogueError, DownloadError, LayerError, UnknownCategoryError, UnknownEntryError
from .catalogue import CONSISTENCY_CODES
from .crosswalk import CHECK_CODES

#: code -> description: what :func:`~opsmodel.taxonomy.check` finds, what an inconsistent catalogue
#: reports, and the code of each taxonomy error (a loader's, a layer's, a download's).
TAXONOMY_CODES: dict[str, str] = {
    **CHECK_CODES,
    **LIMIT_CODES,
    **CONSISTENCY_CODES,
    CatalogueError.code: "a framework file that cannot be read as a catalogue, or a catalogue used where it cannot be",
    UnknownEntryError.code: "a tactic, technique or phase id or name a catalogue does not have",
    LayerError.code: "a Navigator layer that cannot be read or drawn",
    DownloadError.code: "a published file that cannot be fetched, checked or saved",
    UnknownCategoryError.code: "a number that is not a Breakout Scale category (1 to 6)",
}
