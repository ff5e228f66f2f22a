"""Reading plain data into model values, and explaining a refusal as problems at JSON paths.

The fast converter reads; only when it fails is the data read again with cattrs' detailed
validation, whose exception groups are flattened into :class:`~opsmodel.errors.Problem`\\ s,
each at its JSON path.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import Any, TypeVar

import attrs
from cattrs.errors import AttributeValidationNote, ClassValidationError, IterableValidationError, IterableValidationNote

from ..._core.errors import DocumentError, FieldError, Problem
from ..._core.fields import Invalid
from .converter import converter
from .errors import Mismatch, member, too_deep

T = TypeVar("T")
N = TypeVar("N")


def read(data: Any, cls: type[T], *, keep_unknown: bool, root: str, line: int | None) -> T:
    """``data`` read as a ``cls``; a :class:`DocumentError` listing every problem, with paths under ``root``."""
    try:
        result: T = converter(False, keep_unknown).structure(data, cls)
        return result
    except RecursionError:
        raise DocumentError([too_deep(root, line)]) from None
    except Exception:
        pass
    try:
        slow: T = converter(True, keep_unknown).structure(data, cls)
    except RecursionError:
        raise DocumentError([too_deep(root, line)]) from None
    except Exception as exc:
        raise DocumentError(list(problems_of(exc, root, line))) from None
    return slow  # pragma: no cover - the detailed reading refuses what the fast one refused


def _first_note(exc: BaseException, kind: type[N]) -> N | None:
    for note in getattr(exc, "__notes__", ()):
        if isinstance(note, kind):
            return note
    return None


def problems_of(exc: BaseException, path: str, line: int | None) -> Iterator[Problem]:
    """Flatten cattrs' exception groups (detailed validation) into problems with paths."""
    if isinstance(exc, ClassValidationError):
        for sub in exc.exceptions:
            attribute = _first_note(sub, AttributeValidationNote)
            yield from problems_of(sub, path + member(attribute.name) if attribute is not None else path, line)
    elif isinstance(exc, IterableValidationError):
        for sub in exc.exceptions:
            item = _first_note(sub, IterableValidationNote)
            yield from problems_of(sub, f"{path}[{item.index}]" if item is not None else path, line)
    else:
        yield _problem(exc, path, line)


def _problem(exc: BaseException, path: str, line: int | None) -> Problem:
    """The problem one refusal (not a group) makes at ``path``."""
    if isinstance(exc, Mismatch):
        return Problem(
            path=path + exc.where, code=exc.code, message=exc.problem, expected=exc.expected, value=exc.value, line=line
        )
    if isinstance(exc, FieldError):
        return _constraint(exc, path, line)
    if isinstance(exc, Invalid):
        return Problem(
            path=path + exc.where, code="value", message=exc.problem, expected=exc.expected, value=exc.value, line=line
        )
    if isinstance(exc, KeyError):
        return Problem(
            path=path, code="missing", message="the field is missing", expected="a value for this required field", line=line
        )
    if isinstance(exc, RecursionError):
        return Problem(path=path, code="too_deep", message="the value nests too deeply", expected="a shallower value", line=line)
    # every refusal the model makes is one of the above; keep the promise of a coded problem anyway
    return Problem(
        path=path, code="invalid", message=str(exc) or type(exc).__name__, expected="a valid value", line=line
    )  # pragma: no cover


def _constraint(exc: FieldError, path: str, line: int | None) -> Problem:
    field = exc.field
    if exc.owner == "FuzzyDate" and field in ("value", "precision"):
        field = "date"  # the format writes both as one field
    where = "" if field == "?" else ("" if field.startswith("[") else ".") + field
    return Problem(
        path=path + where, code="constraint", message=exc.problem, expected=exc.expected, value=_plain(exc.value), line=line
    )


def _plain(value: Any) -> Any:
    """A model value inside an error, as the document wrote it where that is cheap to know."""
    if attrs.has(type(value)):
        try:
            return converter(False, False).unstructure(value)
        except Exception:  # pragma: no cover - unstructuring a valid model value does not fail
            return value
    if isinstance(value, enum.Enum):
        return value.value
    return value
