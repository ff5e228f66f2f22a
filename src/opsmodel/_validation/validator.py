"""The :class:`Validator`: rules, selection, strictness and catalogue chosen once, then applied to any data.

In the style of :mod:`jsonschema`'s validators: :meth:`Validator.iter_errors` yields every
problem lazily, :meth:`Validator.validate` raises one :class:`~opsmodel.errors.ValidationError`
carrying all of them and :meth:`Validator.is_valid` answers yes or no. The module functions
:func:`iter_errors`, :func:`validate` and :func:`is_valid` build a validator and ask it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from .._core.errors import Problem, ValidationError
from .._model.operations import Operation, Report
from .engine import Context, Lookups, Rule
from .rules import RULES


def _selectors(value: Iterable[str] | None) -> tuple[str, ...] | None:
    if isinstance(value, str):
        raise TypeError("select and ignore take a list of codes, not a single string")
    return None if value is None else tuple(value)


def _rules(value: Iterable[Rule] | None) -> tuple[Rule, ...]:
    return RULES if value is None else tuple(value)


def _ignored(value: Iterable[str]) -> tuple[str, ...]:
    return _selectors(value) or ()


@attrs.frozen(kw_only=True)
class Validator:
    """Checks reports and operations with a chosen set of rules.

    ``rules`` defaults to :data:`opsmodel.validation.RULES`; ``select`` keeps only the rules
    matching its codes, code prefixes (``"OPS1"``) or names; ``ignore`` drops rules likewise;
    ``strict`` reports warnings as errors; ``catalogue`` (an :class:`opsmodel.taxonomy.Catalogue`
    or a duck-typed one) enables the technique checks (OPS6xx).

    >>> from opsmodel import examples
    >>> from opsmodel.validation import Validator
    >>> dates = Validator(select=["OPS1"])
    >>> [rule.code for rule in dates.rules][:2]
    ['OPS101', 'OPS102']
    >>> dates.is_valid(examples.load("openai-2024-05"))
    True
    """

    #: The rules to choose from (the ``rules`` argument); :data:`opsmodel.validation.RULES` by
    #: default.
    available: tuple[Rule, ...] = attrs.field(default=None, converter=_rules, alias="rules", repr=False)
    #: Codes, code prefixes (``OPS1``) or names of the rules to run; None runs them all.
    select: tuple[str, ...] | None = attrs.field(default=None, converter=_selectors)
    #: Codes, code prefixes or names of rules to leave out.
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_ignored)
    #: True reports warnings as errors.
    strict: bool = False
    #: A :class:`opsmodel.taxonomy.Catalogue` (or a duck-typed one) that enables the technique
    #: checks (OPS6xx).
    catalogue: Any = None

    @functools.cached_property
    def rules(self) -> tuple[Rule, ...]:
        """The rules this validator applies: those given, kept by ``select``, minus those ``ignore`` names."""
        return _chosen(self.available, self.select, self.ignore)

    def contexts(self, obj: Report | Operation) -> Iterator[tuple[Operation, Context]]:
        """Each operation of ``obj`` with the context its rules see (its report, index and the catalogue)."""
        if isinstance(obj, Report):
            first: dict[str, int] = {}
            for i, op in enumerate(obj.operations):
                first.setdefault(op.id, i)
            shared = Lookups(obj.operations)
            for i, op in enumerate(obj.operations):
                yield op, Context(report=obj, index=i, catalogue=self.catalogue, operation_ids=first, lookups=shared)
        elif isinstance(obj, Operation):
            yield obj, Context(catalogue=self.catalogue)
        else:
            raise TypeError(f"iter_errors: expected a Report or an Operation, got {type(obj).__name__}")

    def iter_errors(self, obj: Report | Operation) -> Iterator[Problem]:
        """Yield every problem of a report or an operation, lazily: operation by operation, rule by rule."""
        rules = self.rules
        for operation, context in self.contexts(obj):
            yield from self.check_operation(operation, context, rules)

    def check_operation(self, operation: Operation, context: Context, rules: Sequence[Rule] | None = None) -> Iterator[Problem]:
        """The problems of one operation in the context given (the engine's inner loop).

        Each rule's check is called directly (what :meth:`Rule.problems` does, without a generator
        per rule and operation): most checks find nothing, and the wrapping cost more than they did.
        """
        for rule in self.rules if rules is None else rules:
            for problem in rule.check(operation, context):
                yield rule.complete(problem, context, strict=self.strict)

    def validate(self, obj: Report | Operation) -> None:
        """Raise one :class:`~opsmodel.errors.ValidationError` carrying every problem if any problem is an error."""
        problems = list(self.iter_errors(obj))
        if any(problem.is_error for problem in problems):
            raise ValidationError(problems)

    def is_valid(self, obj: Report | Operation) -> bool:
        """Whether no rule finds an error (warnings count only when strict); stops at the first."""
        return not any(problem.is_error for problem in self.iter_errors(obj))


def _chosen(rules: tuple[Rule, ...], select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> tuple[Rule, ...]:
    kept = rules if select is None else tuple(r for r in rules if any(r.matches(key) for key in select))
    return tuple(r for r in kept if not any(r.matches(key) for key in ignore))


Checked = Report | Operation
Rules = Iterable[Rule] | None
Codes = Iterable[str] | None


def iter_errors(
    obj: Checked,
    *,
    rules: Rules = None,
    select: Codes = None,
    ignore: Iterable[str] = (),
    strict: bool = False,
    catalogue: Any = None,
) -> Iterator[Problem]:
    """Yield every problem of a report or an operation, lazily: operation by operation, rule by rule.

    ``rules`` defaults to :data:`opsmodel.validation.RULES`; ``select`` keeps only the rules
    matching its codes, code prefixes (``"OPS1"``) or names; ``ignore`` drops rules likewise;
    ``strict`` reports warnings as errors; ``catalogue`` (an :class:`opsmodel.taxonomy.Catalogue`)
    enables the technique checks. The same as ``Validator(...).iter_errors(obj)``.
    """
    return Validator(rules=rules, select=select, ignore=ignore, strict=strict, catalogue=catalogue).iter_errors(obj)


def validate(obj: Checked, **options: Any) -> None:
    """Raise one :class:`~opsmodel.errors.ValidationError` carrying every problem if any problem is an error.

    ``options`` are the keyword arguments of :func:`iter_errors`: ``Validator(**options).validate(obj)``.
    """
    Validator(**options).validate(obj)


def is_valid(obj: Checked, **options: Any) -> bool:
    """Whether no rule finds an error (warnings count only with ``strict=True``); stops at the first.

    ``options`` are the keyword arguments of :func:`iter_errors`: ``Validator(**options).is_valid(obj)``.
    """
    return Validator(**options).is_valid(obj)
