"""The validation engine: findings, rules, and running rules over reports and operations.

Single fields are checked when a model object is built; the rules here check what only the
whole operation (or the whole report) can tell: dates in order, references that resolve,
duplicates, a Breakout category that fits the platforms recorded, counts that agree.

Every rule looks at one operation at a time, with a :class:`Context` that knows the report
around it (if any), the operation's place in it and the technique catalogue (if one was given),
and yields :class:`Problem` values whose paths are relative to the operation. The engine turns
them into :class:`Finding` values with the rule's code and severity and absolute JSON paths.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs
from attrs import field, frozen

from .._core.errors import FieldError, OpsmodelError
from .._model.operations import Operation, Report

__all__ = [
    "Context",
    "Finding",
    "Problem",
    "Rule",
    "Severity",
    "ValidationError",
    "best_match",
    "is_valid",
    "iter_errors",
    "join_path",
    "validate",
]

_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)*$")


class Severity(str, enum.Enum):
    """How bad a finding is. Errors make data invalid; warnings only do in strict mode."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


def _to_severity(value: Any) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise FieldError(
            owner="Severity", field="value", value=value, expected="one of 'error', 'warning'", problem=f"got {value!r}"
        ) from None


def _check_code(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise FieldError(
            owner=type(instance).__name__,
            field=attribute.name,
            value=value,
            expected="a rule code of letters and digits such as 'OPS101', or a dotted name such as 'acme.no-url'",
            problem=f"{value!r} is not a rule code",
        )


def _check_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise FieldError(
            owner=type(instance).__name__,
            field=attribute.name,
            value=value,
            expected="a string",
            problem=f"got {type(value).__name__} {value!r}",
        )


@frozen(kw_only=True)
class Finding:
    """One problem found in a report, an operation or a raw document.

    ``code`` is stable across releases (see the rule reference), ``path`` is a JSON path into
    the data as the JSON format nests it (``$.operations[2].activity.start``), ``value`` is the
    offending value. ``line`` is the 1-based line of a JSON Lines input, when there is one.
    """

    code: str = field(validator=_check_code)
    severity: Severity = field(converter=_to_severity)
    path: str = field(validator=_check_text)
    message: str = field(validator=_check_text)
    value: Any = field(default=None, eq=False)
    rule: str | None = None
    line: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_dict(self) -> dict[str, Any]:
        """The finding as JSON-compatible data (the value is shown as text)."""
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message,
            "value": _show(self.value),
            "rule": self.rule,
        }
        if self.line is not None:
            data["line"] = self.line
        return data

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.path}: {self.severity.value} {self.code}: {self.message}"


def _show(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


@frozen(kw_only=True)
class Problem:
    """What a rule's check yields: a path relative to the operation, a message and the value.

    ``path`` uses the JSON format's nesting and attribute names (``activity.start``,
    ``relations[0].other``); an empty path means the operation itself.
    """

    path: str = field(validator=_check_text)
    message: str = field(validator=_check_text)
    value: Any = field(default=None, eq=False)


@frozen(kw_only=True)
class Context:
    """What a rule may know besides the operation: its report, its index, the catalogue."""

    report: Report | None = None
    index: int | None = None
    catalogue: Any = None
    operation_ids: Mapping[str, int] = field(factory=dict, eq=False, repr=False)
    """Each operation id of the report, with the index of its first operation (computed once per report)."""
    lines: bool = False
    """Whether the operation is a line of a JSON Lines file (its own document, whose path is ``$``)."""

    @property
    def path(self) -> str:
        """The JSON path of the operation being checked: ``$.operations[2]`` in a report, else ``$``.

        Operations of a JSON Lines corpus have an ``index`` (their position among the corpus's
        operations), the corpus's ``operation_ids`` and, when the header holds one, the ``report``;
        each line is its own document.
        """
        return "$" if self.index is None or self.report is None or self.lines else f"$.operations[{self.index}]"


Check = Callable[[Operation, Context], Iterable[Problem]]


@frozen(kw_only=True)
class Rule:
    """A named check with a stable code, a severity and a description.

    ``check(operation, context)`` yields :class:`Problem` values. Build your own and pass
    ``rules=[*opsmodel.validation.RULES, my_rule]``.
    """

    code: str = field(validator=_check_code)
    name: str = field(validator=_check_text)
    severity: Severity = field(converter=_to_severity)
    description: str = field(validator=_check_text)
    check: Check = field(eq=False, repr=False)

    def matches(self, selector: str) -> bool:
        """Whether ``selector`` (a code, a code prefix such as ``OPS1``, or the rule's name) picks this rule."""
        key = selector.strip()
        return bool(key) and (self.code.upper().startswith(key.upper()) or self.name == key)


def join_path(base: str, relative: str) -> str:
    """``join_path("$.operations[2]", "activity.start")`` gives ``$.operations[2].activity.start``."""
    if not relative:
        return base
    if relative.startswith("["):
        return base + relative
    return f"{base}.{relative}"


class ValidationError(OpsmodelError, ValueError):
    """Data failed validation; ``findings`` holds every finding (errors and warnings)."""

    findings: tuple[Finding, ...]

    def __init__(self, findings: Iterable[Finding]) -> None:
        self.findings = tuple(findings)
        errors = self.errors
        warnings = len(self.findings) - len(errors)
        shown = "; ".join(str(f) for f in errors[:3])
        more = f"; and {len(errors) - 3} more" if len(errors) > 3 else ""
        counts = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
        if warnings:
            counts += f", {warnings} warning{'s' if warnings != 1 else ''}"
        super().__init__(f"{counts}: {shown}{more}")

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.is_error)

    def __reduce__(self) -> tuple[Any, ...]:
        return (ValidationError, (self.findings,))


def _selected(rules: Sequence[Rule], select: Iterable[str] | None, ignore: Iterable[str]) -> tuple[Rule, ...]:
    if isinstance(ignore, str) or isinstance(select, str):
        raise TypeError("select and ignore take a list of codes, not a single string")
    chosen = tuple(rules)
    if select is not None:
        keys = tuple(select)
        chosen = tuple(r for r in chosen if any(r.matches(k) for k in keys))
    ignored = tuple(ignore)
    return tuple(r for r in chosen if not any(r.matches(k) for k in ignored))


def iter_errors(
    obj: Report | Operation,
    *,
    rules: Iterable[Rule] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    strict: bool = False,
    catalogue: Any = None,
) -> Iterator[Finding]:
    """Yield every finding for a report or an operation, lazily: operation by operation, rule by rule.

    ``rules`` defaults to :data:`opsmodel.validation.RULES`; ``select`` keeps only the rules
    matching its codes, code prefixes (``"OPS1"``) or names; ``ignore`` drops rules likewise;
    ``strict`` reports warnings as errors; ``catalogue`` (an :class:`opsmodel.taxonomy.Catalogue`)
    enables the technique checks.
    """
    chosen = _chosen_rules(rules, select, ignore)
    if isinstance(obj, Report):
        first: dict[str, int] = {}
        for i, op in enumerate(obj.operations):
            first.setdefault(op.id, i)
        contexts = [
            (op, Context(report=obj, index=i, catalogue=catalogue, operation_ids=first)) for i, op in enumerate(obj.operations)
        ]
    elif isinstance(obj, Operation):
        contexts = [(obj, Context(catalogue=catalogue))]
    else:
        raise TypeError(f"iter_errors: expected a Report or an Operation, got {type(obj).__name__} {obj!r}")
    for operation, context in contexts:
        yield from check_operation(operation, context, chosen, strict=strict)


def _chosen_rules(rules: Iterable[Rule] | None, select: Iterable[str] | None, ignore: Iterable[str]) -> tuple[Rule, ...]:
    if rules is None:
        from .rules import RULES

        rules = RULES
    return _selected(tuple(rules), select, ignore)


def check_operation(operation: Operation, context: Context, rules: Iterable[Rule], *, strict: bool) -> Iterator[Finding]:
    """The findings of ``rules`` for one operation in its context (the engine's inner loop)."""
    for rule in rules:
        for problem in rule.check(operation, context):
            yield Finding(
                code=rule.code,
                severity=Severity.ERROR if strict else rule.severity,
                path=join_path(context.path, problem.path),
                message=problem.message,
                value=problem.value,
                rule=rule.name,
            )


def validate(
    obj: Report | Operation,
    *,
    rules: Iterable[Rule] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    strict: bool = False,
    catalogue: Any = None,
) -> None:
    """Raise one :class:`ValidationError` carrying every finding if any finding is an error."""
    findings = list(iter_errors(obj, rules=rules, select=select, ignore=ignore, strict=strict, catalogue=catalogue))
    if any(f.is_error for f in findings):
        raise ValidationError(findings)


def is_valid(
    obj: Report | Operation,
    *,
    rules: Iterable[Rule] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    strict: bool = False,
    catalogue: Any = None,
) -> bool:
    """Whether no rule finds an error (warnings count only with ``strict=True``); stops at the first."""
    findings = iter_errors(obj, rules=rules, select=select, ignore=ignore, strict=strict, catalogue=catalogue)
    return not any(f.is_error for f in findings)


def _code_number(code: str) -> tuple[int, str]:
    digits = re.search(r"\d+", code)
    return (int(digits.group()) if digits else 10**6, code)


def best_match(findings: Iterable[Finding]) -> Finding | None:
    """The most useful finding for a one-line message, or None when there are none.

    Errors beat warnings; then structural problems (low codes) beat consistency ones; then the
    shallowest path; ties go to the first found.
    """
    best: Finding | None = None
    best_key: tuple[Any, ...] | None = None
    for finding in findings:
        key = (not finding.is_error, _code_number(finding.code), finding.path.count(".") + finding.path.count("["))
        if best_key is None or key < best_key:
            best, best_key = finding, key
    return best
