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
    MISP_CODES,
    TAXII_CODES,
    AccessError,
    DataError,
    FieldError,
    MispError,
    MissingExtraError,
    OpsmodelError,
    ParseError,
    Problem,
    Severity,
    TaxiiError,
)

__all__ = [
    "MISP_CODES",
    "TAXII_CODES",
    "AccessError",
    "DataError",
    "FieldError",
    "MispError",
    "MissingExtraError",
    "OpsmodelError",
    "ParseError",
    "Problem",
    "Severity",
    "TaxiiError",
]
