"""The errors opsmodel raises and the one record of a problem they all carry.

>>> from opsmodel import Country, errors
>>> try:
...     Country(code="Narnia")
... except errors.OpsmodelError as exc:
...     [problem.code for problem in exc.problems]
['field']

Every error opsmodel raises on purpose is an :class:`OpsmodelError`; its :attr:`~OpsmodelError.problems`
are :class:`Problem` records (code, severity, path, message, value), the same record that
validation, the document readers and the command line report.
"""

from __future__ import annotations

from ._core.errors import (
    CORE_CODES,
    AccessError,
    DataError,
    DecodingError,
    FieldError,
    InputError,
    OpsmodelError,
    ParseError,
    Problem,
    Severity,
    ValidationError,
)
from ._formats.json.converter import ERROR_CODES as JSON_CODES
from ._formats.registry import DOCUMENT_CODES
from ._validation.catalogues import RULE_OF_CHECK
from ._validation.rules import RULES, RULES_BY_CODE

#: Every code a :class:`Problem` can carry, whichever part raised it: code -> description.
#: The union of the core's codes, the JSON reader's, the raw-document codes (OPS0xx) and the
#: validation rules' (OPS1xx-OPS6xx), and the technique checks of :func:`opsmodel.taxonomy.check`.
CODES: dict[str, str] = {
    **CORE_CODES,
    **JSON_CODES,
    **{code: description for code, (_, description) in DOCUMENT_CODES.items()},
    **{rule.code: rule.description for rule in RULES},
    # opsmodel.taxonomy.check's codes, described by the validation rule each one becomes
    **{code: RULES_BY_CODE[rule].description for code, rule in RULE_OF_CHECK.items()},
}

__all__ = [
    "CODES",
    "AccessError",
    "DataError",
    "DecodingError",
    "FieldError",
    "InputError",
    "OpsmodelError",
    "ParseError",
    "Problem",
    "Severity",
    "ValidationError",
]
