"""Validation of reports and operations: every problem, with a stable code and a JSON path.

In the style of :mod:`jsonschema`: a :class:`Validator` holds the rules, the selection, the
strictness and the catalogue chosen once; :func:`iter_errors` yields every problem lazily,
:func:`validate` raises one :class:`ValidationError` carrying all of them, :func:`is_valid`
answers yes or no and :func:`best_match` picks the most useful problem for a one-line message.
Problems are :class:`opsmodel.errors.Problem` values (``Finding`` and ``Problem`` here are the
same class).

>>> from opsmodel import examples, validation
>>> report = examples.load("openai-2024-05")
>>> validation.is_valid(report)
True
>>> [rule.code for rule in validation.RULES][:3]
['OPS101', 'OPS102', 'OPS103']

Raw documents (opsmodel JSON, JSON Lines, STIX bundles, Navigator layers) are checked before
they become objects with :func:`iter_document_errors`.
"""

from __future__ import annotations

from ._core.errors import Problem, Severity, ValidationError
from ._core.errors import Problem as Finding
from ._formats.registry import DOCUMENT_CODES
from ._validation.documents import detect_format, iter_document_errors
from ._validation.engine import Context, Rule, best_match
from ._validation.rules import RULES, RULES_BY_CODE
from ._validation.validator import Validator, is_valid, iter_errors, validate

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
    "Validator",
    "best_match",
    "detect_format",
    "is_valid",
    "iter_document_errors",
    "iter_errors",
    "validate",
]


from ._core.exports import publish

publish(__name__)
