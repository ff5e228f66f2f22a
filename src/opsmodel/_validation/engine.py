"""The validation engine: rules, their context, and turning what a check yields into problems.

Single fields are checked when a model object is built; the rules check what only the whole
operation (or the whole report) can tell: dates in order, references that resolve, duplicates,
a Breakout category that fits the platforms recorded, counts that agree.

Every rule looks at one operation at a time, with a :class:`Context` that knows the report
around it (if any), the operation's place in it and the technique catalogue (if one was given),
and yields :class:`~opsmodel.errors.Problem` values whose paths are relative to the operation.
The engine completes them: the rule's code, severity and name, and the absolute JSON path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from typing import Any

import attrs
from attrs import field, frozen

from .._core.errors import FieldError, Problem, Severity, show_value
from .._model.operations import Operation, Report
from . import catalogues

_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*$")


def _text(pattern: re.Pattern[str] | None, expected: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator: the value is a string (matching ``pattern``, if any), else a FieldError."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, str) and (pattern is None or pattern.fullmatch(value)):
            return
        problem = f"{show_value(value)} is not a rule code" if pattern else f"got {type(value).__name__} {show_value(value)}"
        raise FieldError(owner=type(instance).__name__, field=attribute.name, value=value, expected=expected, problem=problem)

    return check


_check_code = _text(_CODE, "a rule code of letters and digits such as 'OPS101', or a dotted name such as 'acme.no-url'")
_check_text = _text(None, "a string")


def _severity(value: Any) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise FieldError(
            owner="Rule",
            field="severity",
            value=value,
            expected="one of 'error', 'warning'",
            problem=f"got {show_value(value)}",
        ) from None


def _operations(value: Iterable[Operation]) -> tuple[Operation, ...]:
    return tuple(value)


@attrs.define(eq=False)
class Lookups:
    """What rules ask of a whole report, computed on first use and shared by the contexts of all its operations.

    A rule that compares an operation with the others of its report asks here (one pass over the
    report) instead of scanning the report once per operation, which made a 10,000-operation report
    cost 10,000 scans. Each lookup is computed only if a rule that needs it runs.
    """

    #: The report's operations, in order.
    operations: tuple[Operation, ...] = field(default=(), converter=_operations)
    # key function -> {value: index of the first operation with it}; filled as rules ask
    _first: dict[Callable[[Operation], Hashable], dict[Hashable, int]] = field(factory=dict, init=False)

    def first_index(self, key: Callable[[Operation], Hashable]) -> Mapping[Hashable, int]:
        """Each value of ``key(operation)`` over the operations, with the index of the first operation that has it."""
        found = self._first.get(key)
        if found is None:
            found = {}
            for index, operation in enumerate(self.operations):
                found.setdefault(key(operation), index)
            self._first[key] = found
        return found


def _lookups(context: Context) -> Lookups:
    return Lookups(() if context.report is None else context.report.operations)


@frozen(kw_only=True)
class Context:
    """What a rule may know besides the operation: its report, its index, the catalogue."""

    #: The report the operation belongs to, if any.
    report: Report | None = None
    #: The operation's index in the report's ``operations``.
    index: int | None = None
    #: The framework catalogue the technique checks use, if any.
    catalogue: Any = None
    operation_ids: Mapping[str, int] = field(factory=dict, eq=False, repr=False)
    """Each operation id of the report, with the index of its first operation (computed once per report)."""
    lines: bool = False
    """Whether the operation is a line of a JSON Lines file (its own document, whose path is ``$``)."""
    lookups: Lookups = field(default=attrs.Factory(_lookups, takes_self=True), eq=False, repr=False)
    """What rules ask of the whole report (shared by the contexts of its operations; built from ``report`` by default)."""
    # What the catalogue says about each operation, asked once however many technique rules run.
    # (the operation, its problems) for the last operation asked about: the rules of one operation run in a row.
    _techniques: list[tuple[Operation, tuple[Problem, ...]]] = field(factory=list, init=False, eq=False, repr=False)

    @property
    def path(self) -> str:
        """The JSON path of the operation being checked: ``$.operations[2]`` in a report, else ``$``.

        Operations of a JSON Lines corpus have an ``index`` (their position among the corpus's
        operations), the corpus's ``operation_ids`` and, when the header holds one, the ``report``;
        each line is its own document.
        """
        return "$" if self.index is None or self.report is None or self.lines else f"$.operations[{self.index}]"

    def technique_problems(self, operation: Operation) -> tuple[Problem, ...]:
        """What the catalogue finds wrong with the operation's technique uses (empty without a catalogue).

        Each problem's code is the OPS6xx rule's; the catalogue is asked once per operation.
        """
        if self.catalogue is None:
            return ()
        if not self._techniques or self._techniques[0][0] is not operation:
            self._techniques[:] = [(operation, tuple(catalogues.problems(self.catalogue, operation)))]
        return self._techniques[0][1]


Check = Callable[[Operation, Context], Iterable[Problem]]


@frozen(kw_only=True)
class Rule:
    """A named check with a stable code, a severity and a description.

    ``check(operation, context)`` yields :class:`~opsmodel.errors.Problem` values with a path
    relative to the operation (``"activity.start"``; ``"$"`` or ``""`` for the operation itself),
    a message and the offending value; the engine sets their code, severity, rule name and
    absolute path. Build your own and pass ``rules=[*opsmodel.validation.RULES, my_rule]``.
    """

    #: The rule's stable code (``OPS101``).
    code: str = field(validator=_check_code)
    #: Its stable name (``detected-before-activity``).
    name: str = field(validator=_check_text)
    #: The severity of what it finds.
    severity: Severity = field(converter=_severity)
    #: What it checks, in a sentence.
    description: str = field(validator=_check_text)
    #: ``check(operation, context)``: yields the problems it finds, with paths relative to the
    #: operation.
    check: Check = field(eq=False, repr=False)

    def matches(self, selector: str) -> bool:
        """Whether ``selector`` (a code, a code prefix such as ``OPS1``, or the rule's name) picks this rule."""
        return selects(selector, self.code, self.name)

    def problems(self, operation: Operation, context: Context, *, strict: bool = False) -> Iterator[Problem]:
        """The problems the rule finds in one operation, complete: code, severity, rule name, absolute path."""
        for problem in self.check(operation, context):
            yield self.complete(problem, context, strict=strict)

    def complete(self, problem: Problem, context: Context, *, strict: bool = False) -> Problem:
        """A problem the rule's check yielded, with the rule's code, severity and name, and its absolute path."""
        return attrs.evolve(
            problem,
            code=self.code,
            severity=Severity.ERROR if strict else self.severity,
            path=join_path(context.path, problem.path),
            rule=self.name,
        )


def selects(selector: str, code: str, name: str) -> bool:
    """Whether ``selector`` names ``code`` (or a prefix of it, case aside) or is exactly ``name``."""
    key = selector.strip()
    return bool(key) and (code.upper().startswith(key.upper()) or name == key)


def join_path(base: str, relative: str) -> str:
    """``join_path("$.operations[2]", "activity.start")`` gives ``$.operations[2].activity.start``.

    A relative path may start with ``$`` (the operation itself).
    """
    relative = relative.removeprefix("$").removeprefix(".")
    if not relative:
        return base
    if relative.startswith("["):
        return base + relative
    return f"{base}.{relative}"


def _code_number(code: str) -> tuple[int, str]:
    digits = re.search(r"\d+", code)
    return (int(digits.group()) if digits else 10**6, code)


def relevance(problem: Problem) -> tuple[Any, ...]:
    """The default ``key`` of :func:`best_match`, smaller is more useful.

    Errors beat warnings; then structural problems (low codes) beat consistency ones; then the
    shallowest path.
    """
    depth = problem.path.count(".") + problem.path.count("[")
    return (not problem.is_error, _code_number(problem.code), depth)


def best_match(problems: Iterable[Problem], key: Callable[[Problem], Any] = relevance) -> Problem | None:
    """The most useful problem for a one-line message (the smallest ``key``), or None when there are none.

    By default (:func:`relevance`) errors beat warnings; then structural problems (low codes)
    beat consistency ones; then the shallowest path; ties go to the first found.
    """
    best: Problem | None = None
    best_key: Any = None
    for problem in problems:
        found = key(problem)
        if best is None or found < best_key:
            best, best_key = problem, found
    return best
