"""The one table of codes: every code any part of opsmodel can put in a Problem, with its description.

Each part keeps its own table (the core's, the JSON reader's, the raw-document codes, the rules');
:data:`CODES` is their union, published as :data:`opsmodel.errors.CODES`. It is built here, in
the highest private layer, because it is the one that sees every part.
"""

from __future__ import annotations

from .._core.errors import CORE_CODES, CORPUS_CODES, MISP_CODES, TAXII_CODES
from .._formats.json.errors import ERROR_CODES as JSON_CODES
from .._formats.registry import DOCUMENT_CODES
from .._formats.stix.ids import BUNDLE_CODES
from .._taxonomy.codes import TAXONOMY_CODES
from .rules import RULES

#: Every code a :class:`~opsmodel.errors.Problem` can carry, whichever part raised it: code -> description.
CODES: dict[str, str] = {
    **CORE_CODES,
    **JSON_CODES,
    **BUNDLE_CODES,
    **{code: description for code, (_, description) in DOCUMENT_CODES.items()},
    **{rule.code: rule.description for rule in RULES},
    **TAXONOMY_CODES,
    **MISP_CODES,
    **TAXII_CODES,
    **CORPUS_CODES,
}
