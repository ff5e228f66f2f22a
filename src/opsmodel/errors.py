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
    AccessError,
    BundleError,
    CatalogueError,
    CorpusError,
    DataError,
    DecodingError,
    DocumentError,
    DownloadError,
    FieldError,
    InputError,
    LayerError,
    LimitError,
    MispError,
    MissingExtraError,
    OpsmodelError,
    OutputError,
    ParseError,
    Problem,
    Severity,
    TaxiiError,
    UnknownCategoryError,
    UnknownEntryError,
    UnknownExampleError,
    ValidationError,
)
from ._core.limits import LIMIT_CODES, LIMITS
from ._validation.codes import CODES

__all__ = [
    "CODES",
    "LIMITS",
    "LIMIT_CODES",
    "AccessError",
    "BundleError",
    "CatalogueError",
    "CorpusError",
    "DataError",
    "DecodingError",
    "DocumentError",
    "DownloadError",
    "FieldError",
    "InputError",
    "LayerError",
    "LimitError",
    "MispError",
    "MissingExtraError",
    "OpsmodelError",
    "OutputError",
    "ParseError",
    "Problem",
    "Severity",
    "TaxiiError",
    "UnknownCategoryError",
    "UnknownEntryError",
    "UnknownExampleError",
    "ValidationError",
]


from ._core.exports import publish

publish(__name__)
