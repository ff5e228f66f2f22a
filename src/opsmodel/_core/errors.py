"""The exceptions opsmodel raises.

Every error a user can provoke with bad data is an :class:`OpsmodelError` and also a
:class:`ValueError`, so code written against the standard library's conventions keeps working.
"""

from __future__ import annotations

from typing import Any

__all__ = ["FieldError", "OpsmodelError", "ParseError"]


class OpsmodelError(Exception):
    """Base class of every error opsmodel raises on purpose."""


class FieldError(OpsmodelError, ValueError):
    """A model field was given a value it cannot hold.

    The message names the class and field, shows the offending value and says what was
    expected, e.g. ``Country.code: 'Narnia' is not a country; expected an ISO 3166-1
    alpha-2 or alpha-3 code or an English country name``.
    """

    owner: str
    field: str
    value: Any
    expected: str
    problem: str

    def __init__(self, *, owner: str, field: str, value: Any, expected: str, problem: str) -> None:
        self.owner = owner
        self.field = field
        self.value = value
        self.expected = expected
        self.problem = problem
        super().__init__(f"{owner}.{field}: {problem}; expected {expected}")

    def __reduce__(self) -> tuple[Any, ...]:
        # keyword-only __init__: teach pickle (and multiprocessing) how to rebuild us
        return (_rebuild_field_error, (self.owner, self.field, self.value, self.expected, self.problem))


def _rebuild_field_error(owner: str, field: str, value: Any, expected: str, problem: str) -> FieldError:
    return FieldError(owner=owner, field=field, value=value, expected=expected, problem=problem)


class ParseError(OpsmodelError, ValueError):
    """A text (a date, a count, a country name...) could not be read."""

    text: Any
    expected: str
    problem: str

    def __init__(self, *, text: Any, expected: str, problem: str) -> None:
        self.text = text
        self.expected = expected
        self.problem = problem
        super().__init__(f"{problem}; expected {expected}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_parse_error, (self.text, self.expected, self.problem))


def _rebuild_parse_error(text: Any, expected: str, problem: str) -> ParseError:
    return ParseError(text=text, expected=expected, problem=problem)
