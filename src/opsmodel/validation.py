"""Validation of reports and operations: every problem, with a stable code and a JSON path.

In the style of :mod:`jsonschema`: :func:`iter_errors` yields every :class:`Finding` lazily,
:func:`validate` raises one :class:`ValidationError` carrying all of them, :func:`is_valid`
answers yes or no and :func:`best_match` picks the most useful finding for a one-line message.

>>> from opsmodel import examples, validation
>>> report = examples.load("openai-2024-05")
>>> validation.is_valid(report)
True
>>> [rule.code for rule in validation.RULES][:3]
['OPS101', 'OPS102', 'OPS103']

Raw documents (opsmodel JSON, JSON Lines, STIX bundles) are checked before they become
objects with :func:`iter_document_errors`.
"""

from __future__ import annotations

from ._validation.documents import DOCUMENT_CODES, detect_format, iter_document_errors
from ._validation.engine import (
    Context,
    Finding,
    Problem,
    Rule,
    Severity,
    ValidationError,
    best_match,
    is_valid,
    iter_errors,
    validate,
)
from ._validation.rules import RULES, RULES_BY_CODE

__all__ = [
    "DOCUMENT_CODES",
    "RULES",
    "RULES_BY_CODE",
    "Context",
    "Finding",
    "Problem",
    "Rule",
    "Severity",
    "ValidationError",
    "best_match",
    "detect_format",
    "is_valid",
    "iter_document_errors",
    "iter_errors",
    "validate",
]


from ._core.exports import publish

publish(__name__)
