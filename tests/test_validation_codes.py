"""Every code any part of opsmodel can put in a Problem is in the one table, opsmodel.errors.CODES."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from opsmodel import Country, Operation, Tactic, TechniqueRef, TechniqueUse, errors, examples, parse_date, stix, taxonomy
from opsmodel import json as codec
from opsmodel.testing import operations, reports
from opsmodel.validation import DOCUMENT_CODES, RULES, iter_document_errors, iter_errors


def _missing(codes: Iterable[str]) -> set[str]:
    return set(codes) - set(errors.CODES)


def _catalogue() -> taxonomy.Catalogue:
    return taxonomy.Catalogue(
        framework="disarm",
        version="1.0",
        tactics=[taxonomy.TacticEntry(id="TA06", name="Develop Content")],
        techniques=[taxonomy.TechniqueEntry(id="T0085", name="Develop Text-Based Content", tactics=["TA06"])],
    )


def _broken_documents() -> Iterator[str | bytes]:
    report = examples.load("openai-2024-05")
    good = json.loads(codec.dumps(report))
    yield b"\xff\xfe not text"
    yield "   "
    yield "[1, 2]"
    yield '{"id": "op", "name": }'
    yield json.dumps({**good, "title": 12, "surprise": True})
    yield '{"format": "opsmodel-lines", "format_version": "1.0"}\n[]\n{"id": 1}\n'
    yield '{"id": "op"}\n{"id": "op2"}\n'
    bundle = stix.to_stix(report)
    bundle["objects"][-1]["name"] = 12
    yield json.dumps(bundle)
    yield json.dumps({"type": "bundle", "id": "bundle--x", "objects": [{"type": "campaign"}]})
    yield json.dumps({"domain": "DISARM", "techniques": [{"techniqueID": "not an id"}, {"score": 1}]})


def test_the_table_holds_every_part_s_table() -> None:
    assert {"error", "invalid", "access", "field", "parse", "validation"} <= set(errors.CODES)
    assert set(codec.ERROR_CODES) <= set(errors.CODES)
    assert set(DOCUMENT_CODES) <= set(errors.CODES)
    assert {rule.code for rule in RULES} <= set(errors.CODES)
    assert all(isinstance(text, str) and text for text in errors.CODES.values())


def test_documents_examples_and_broken_ones_raise_only_known_codes() -> None:
    found: list[str] = []
    for name in examples.names():
        found += [p.code for p in iter_errors(examples.load(name), catalogue=_catalogue())]
    for document in _broken_documents():
        found += [p.code for p in iter_document_errors(document)]
    assert {"OPS001", "OPS002", "OPS003", "OPS004", "OPS005", "OPS006"} <= set(found)
    assert not _missing(found)


def test_reader_and_constructor_errors_carry_known_codes() -> None:
    raised: list[errors.OpsmodelError] = []
    attempts: list[Any] = [
        lambda: Country(code="Narnia"),
        lambda: parse_date("the day after never"),
        lambda: codec.loads('{"format": "opsmodel", "format_version": "1.0", "id": 3}'),
        lambda: codec.loads("[]"),
        lambda: list(codec.load_lines(io.StringIO('{"format": "opsmodel-lines", "format_version": "1.0"}\n{"id": 1}\n'))),
        lambda: taxonomy.from_layer({"techniques": [{"techniqueID": "nope"}]}),
    ]
    for attempt in attempts:
        with pytest.raises(errors.OpsmodelError) as caught:
            attempt()
        raised.append(caught.value)
    assert not _missing(problem.code for error in raised for problem in error.problems)


def test_taxonomy_checks_carry_known_codes() -> None:
    catalogue = _catalogue()
    operation = Operation.named(
        "Tagged",
        techniques=[
            TechniqueUse(technique="T0049"),
            TechniqueUse(
                technique=TechniqueRef(framework="disarm", id="T0085", name="Something else"),
                tactic=Tactic(framework="disarm", id="TA17"),
            ),
        ],
    )
    found = [finding.code for finding in taxonomy.check(operation, catalogue)]
    assert found
    assert not _missing(found)


def test_stix_bundle_problems_carry_known_codes() -> None:
    with pytest.raises(errors.OpsmodelError) as caught:
        stix.loads(json.dumps({"type": "bundle", "id": "bundle--x", "objects": [{"type": "campaign"}]}))
    problems = caught.value.problems
    if not all(isinstance(problem, errors.Problem) for problem in problems):
        pytest.skip("opsmodel.stix problems are not opsmodel.errors.Problem yet (the STIX part's change)")
    assert not _missing(problem.code for problem in problems)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports(max_operations=3, max_facts=2))
def test_generated_reports_raise_only_known_codes(report: Any) -> None:
    found = [p.code for p in iter_errors(report, catalogue=_catalogue())]
    found += [p.code for p in iter_document_errors(codec.dumps(report))]
    assert not _missing(found)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations(max_facts=2))
def test_generated_json_lines_raise_only_known_codes(operation: Operation) -> None:
    stream = io.StringIO()
    codec.dump_lines([operation, operation], stream)
    assert not _missing(p.code for p in iter_document_errors(stream.getvalue(), format="jsonl"))


def test_the_code_reference_lists_every_code() -> None:
    # each part documents its codes on its own reference page (rules, JSON format, STIX mapping, taxonomy)
    reference = Path(__file__).resolve().parents[1] / "docs" / "reference"
    page = "\n".join(path.read_text(encoding="utf-8") for path in sorted(reference.glob("*.md")))
    assert not [code for code in errors.CODES if f"`{code}`" not in page and f"### {code} " not in page]
