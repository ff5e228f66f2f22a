"""The validation API: lazy findings, one error carrying all, selection, strict mode, custom rules."""

from __future__ import annotations

import pickle
from collections.abc import Iterator

import attrs
import pytest

from opsmodel import Actor, Attribution, FieldError, FuzzyDate, Operation, OpsmodelError, Period, Report, Source, Target, examples
from opsmodel.validation import (
    RULES,
    RULES_BY_CODE,
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

SOURCE = Source(id="src", publisher="Publisher")


def bad_operation() -> Operation:
    """Two errors (unknown actor, detection before activity) and one warning (uncited target)."""
    return Operation(
        id="op",
        name="Op",
        activity=Period(start=FuzzyDate.of(2023, 5), sources=["src"]),
        detected=Period(start=FuzzyDate.of(2022), sources=["src"]),
        attributions=[Attribution(claimant="Meta", actor="ghost", sources=["src"])],
        targets=[Target(place="US")],
        sources=[SOURCE],
    )


def test_findings_name_code_severity_path_message_and_value() -> None:
    findings = list(iter_errors(bad_operation()))
    assert [(f.code, f.severity, f.path) for f in findings] == [
        ("OPS101", Severity.ERROR, "$.detected.start"),
        ("OPS204", Severity.ERROR, "$.attributions[0].actor"),
        ("OPS211", Severity.WARNING, "$.targets[0].sources"),
    ]
    unknown = findings[1]
    assert unknown.value == "ghost"
    assert "ghost" in unknown.message
    assert str(unknown) == "$.attributions[0].actor: error OPS204: no actor 'ghost' in the operation"
    assert unknown.as_dict() == {
        "code": "OPS204",
        "severity": "error",
        "path": "$.attributions[0].actor",
        "message": "no actor 'ghost' in the operation",
        "value": "ghost",
        "rule": "attribution-actor-unknown",
    }


def test_paths_inside_a_report_start_at_the_operation() -> None:
    report = Report(id="r", title="T", publisher="P", operations=[Operation.named("Fine", sources=[SOURCE]), bad_operation()])
    assert [f.path for f in iter_errors(report)][:2] == [
        "$.operations[1].detected.start",
        "$.operations[1].attributions[0].actor",
    ]


def test_iter_errors_is_lazy() -> None:
    calls: list[str] = []

    def check(operation: Operation, context: Context) -> Iterator[Problem]:
        calls.append(operation.id)
        yield Problem(path="id", message="seen", value=operation.id)

    spy = Rule(code="T001", name="spy", severity="warning", description="Records each call.", check=check)
    report = Report(id="r", title="T", publisher="P", operations=[Operation.named("A"), Operation.named("B")])
    findings = iter_errors(report, rules=[spy])
    assert calls == []
    assert next(findings).path == "$.operations[0].id"
    assert calls == ["a"]


def test_validate_raises_one_error_with_every_finding() -> None:
    with pytest.raises(ValidationError) as caught:
        validate(bad_operation())
    error = caught.value
    assert isinstance(error, OpsmodelError)
    assert isinstance(error, ValueError)
    assert [f.code for f in error.findings] == ["OPS101", "OPS204", "OPS211"]
    assert [f.code for f in error.errors] == ["OPS101", "OPS204"]
    assert str(error).startswith("2 errors, 1 warning: $.detected.start: error OPS101")
    assert pickle.loads(pickle.dumps(error)).findings == error.findings


def test_validate_and_is_valid_accept_warnings_unless_strict() -> None:
    operation = Operation.named("Op", targets=[Target(place="US")], sources=[SOURCE])
    assert [f.code for f in iter_errors(operation)] == ["OPS211"]
    assert is_valid(operation)
    validate(operation)
    assert not is_valid(operation, strict=True)
    with pytest.raises(ValidationError, match="1 error: "):
        validate(operation, strict=True)
    assert [f.severity for f in iter_errors(operation, strict=True)] == [Severity.ERROR]


def test_the_bundled_example_validates() -> None:
    report = examples.load("openai-2024-05")
    validate(report, strict=True)
    assert is_valid(report, strict=True)
    assert list(iter_errors(report)) == [], "the example should draw no warnings either"


@pytest.mark.parametrize(
    ("select", "ignore", "codes"),
    [
        (None, (), ["OPS101", "OPS204", "OPS211"]),
        (["OPS2"], (), ["OPS204", "OPS211"]),
        (["OPS101", "fact-uncited"], (), ["OPS101", "OPS211"]),
        (None, ["OPS1"], ["OPS204", "OPS211"]),
        (None, ["attribution-actor-unknown", "OPS211"], ["OPS101"]),
        (["OPS2"], ["ops211"], ["OPS204"]),
        ([], (), []),
    ],
)
def test_select_and_ignore_by_code_prefix_or_name(select: list[str] | None, ignore: list[str], codes: list[str]) -> None:
    assert [f.code for f in iter_errors(bad_operation(), select=select, ignore=ignore)] == codes


def test_a_single_string_is_refused_for_select_and_ignore() -> None:
    with pytest.raises(TypeError, match="list of codes"):
        list(iter_errors(bad_operation(), ignore="OPS101"))


def test_users_add_rules() -> None:
    def needs_url(operation: Operation, context: Context) -> Iterator[Problem]:
        for i, source in enumerate(operation.sources):
            if source.url is None:
                yield Problem(path=f"sources[{i}].url", message=f"source {source.id!r} has no URL")

    house = Rule(code="acme.url", name="source-url", severity="error", description="Every source has a URL.", check=needs_url)
    findings = list(iter_errors(bad_operation(), rules=[*RULES, house], select=["acme"]))
    assert [(f.code, f.path, f.severity) for f in findings] == [("acme.url", "$.sources[0].url", Severity.ERROR)]
    fixed = attrs.evolve(bad_operation(), sources=[attrs.evolve(SOURCE, url="https://example.org")])
    assert list(iter_errors(fixed, rules=[house])) == []


@pytest.mark.parametrize("code", ["", "1abc", "has space", "OPS-"])
def test_rule_codes_are_checked(code: str) -> None:
    with pytest.raises(FieldError, match="is not a rule code"):
        Rule(code=code, name="x", severity="error", description="d", check=lambda operation, context: ())


def test_unknown_severity_is_refused() -> None:
    with pytest.raises(FieldError, match="'error', 'warning'"):
        Finding(code="X1", severity="fatal", path="$", message="m")


def test_iter_errors_refuses_other_objects() -> None:
    with pytest.raises(TypeError, match="Report or an Operation"):
        list(iter_errors(Actor(id="a", name="A")))  # type: ignore[arg-type]


def test_built_in_rules_have_unique_codes_names_and_descriptions() -> None:
    assert len({r.code for r in RULES}) == len(RULES) == len(RULES_BY_CODE)
    assert len({r.name for r in RULES}) == len(RULES)
    assert all(r.description.endswith(".") for r in RULES)
    assert [r.code for r in RULES] == sorted(r.code for r in RULES)


def _finding(code: str, severity: str, path: str) -> Finding:
    return Finding(code=code, severity=severity, path=path, message="m")


def test_best_match_prefers_errors_then_low_codes_then_shallow_paths() -> None:
    assert best_match([]) is None
    warning = _finding("OPS004", "warning", "$")
    deep = _finding("OPS210", "error", "$.operations[0].targets[0].sources[1]")
    shallow = _finding("OPS210", "error", "$.operations[1].id")
    early = _finding("OPS101", "error", "$.operations[3].detected.start")
    assert best_match([warning]) is warning
    assert best_match([warning, deep, shallow]) is shallow
    assert best_match([warning, deep, shallow, early]) is early
    assert best_match(iter([deep, _finding("OPS210", "error", "$.operations[0].targets[1].sources[0]")])) is deep


def test_best_match_of_real_findings() -> None:
    best = best_match(iter_errors(bad_operation()))
    assert best is not None
    assert best.code == "OPS101"


def test_every_code_has_one_entry_in_the_rule_reference() -> None:
    from pathlib import Path

    from opsmodel.validation import DOCUMENT_CODES

    page = (Path(__file__).resolve().parents[1] / "docs" / "reference" / "rules.md").read_text(encoding="utf-8")
    headings = [line[4:] for line in page.splitlines() if line.startswith("### ")]
    expected = [f"{code} {name}" for code, (name, _) in DOCUMENT_CODES.items()] + [f"{r.code} {r.name}" for r in RULES]
    assert headings == expected
