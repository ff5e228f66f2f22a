"""Raw documents are checked before they become objects: every structural problem, with its path."""

from __future__ import annotations

import json
from typing import Any

import pytest

from opsmodel.validation import DOCUMENT_CODES, Severity, detect_format, iter_document_errors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"type": "bundle", "id": "bundle--1", "objects": []}', "stix"),
        ('{"id": "op", "name": "Op"}', "json"),
        ('\ufeff  {"id": "r", "operations": []}\n', "json"),
        ('{"id": "a", "name": "A"}\n{"id": "b", "name": "B"}\n', "jsonl"),
        ('{"format": "opsmodel-lines", "format_version": "1.0"}\n', "jsonl"),
        ('{"id": "a"}\n\n{"id": "b",\n', "jsonl"),
        ("[1, 2]", "json"),
        ("not json at all", "json"),
        ('{"id": "a",\n"name": "A"', "json"),
        ("", "json"),
    ],
)
def test_detect_format(text: str, expected: str) -> None:
    assert detect_format(text) == expected


def test_syntax_errors_give_line_and_column() -> None:
    (finding,) = iter_document_errors('{\n  "id": "op",\n  "name" "Op"\n}')
    assert (finding.code, finding.severity, finding.path, finding.rule) == ("OPS001", Severity.ERROR, "$", "not-json")
    assert "line 3 column 10" in finding.message


def test_bytes_that_are_not_utf8() -> None:
    (finding,) = iter_document_errors(b'{"name": "Caf\xe9"}')
    assert finding.code == "OPS001"
    assert "not UTF-8" in finding.message
    assert "byte 13" in finding.message


def test_empty_documents() -> None:
    assert [f.code for f in iter_document_errors(" \n\t")] == ["OPS002"]
    assert [f.code for f in iter_document_errors(b"")] == ["OPS002"]


@pytest.mark.parametrize(("text", "kind"), [("[]", "json"), ('"text"', "json"), ("42", "stix")])
def test_json_that_is_not_an_object(text: str, kind: str) -> None:
    (finding,) = iter_document_errors(text, format=kind)
    assert finding.code == "OPS003"
    assert "a JSON object" in finding.message


HEADER = '{"format": "opsmodel-lines", "format_version": "1.0"}'


def test_json_lines_problems_carry_their_line() -> None:
    text = f'{HEADER}\n[1]\n\n{{"id": "b",\n7\n'
    findings = list(iter_document_errors(text))
    assert [(f.line, f.code) for f in findings] == [(2, "OPS003"), (4, "OPS001"), (5, "OPS003")]
    assert str(findings[1]).startswith("line 4, $: error OPS001: not valid JSON at column 12")
    assert findings[1].as_dict()["line"] == 4


def test_json_lines_without_a_header() -> None:
    text = '{"id": "a", "name": "A"}\n{"id": "b", "name": "B"}\n'
    findings = list(iter_document_errors(text, select=["OPS0"]))
    assert [(f.line, f.code) for f in findings] == [(1, "OPS004")]
    assert "header" in findings[0].message


def test_ignore_applies_to_document_codes_but_select_does_not() -> None:
    text = f"{HEADER}\n[1]\n{{broken\n"
    assert [f.code for f in iter_document_errors(text, ignore=["OPS003"])] == ["OPS001"]
    assert [f.code for f in iter_document_errors(text, ignore=["not-json"])] == ["OPS003"]
    # selecting only the date rules must not let an unreadable document pass
    assert [f.code for f in iter_document_errors(text, select=["OPS1"])] == ["OPS003", "OPS001"]
    assert [f.code for f in iter_document_errors(text, select=["OPS1"], ignore=["OPS0"])] == []


def test_unknown_formats_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown document format 'xml'"):
        list(iter_document_errors("{}", format="xml"))


def test_document_codes_are_distinct_from_rule_codes() -> None:
    from opsmodel.validation import RULES_BY_CODE

    assert not set(DOCUMENT_CODES) & set(RULES_BY_CODE)
    assert all(code.startswith("OPS0") for code in DOCUMENT_CODES)


# --- documents that the format modules read -------------------------------------------------------


def _report_document() -> dict[str, Any]:
    from opsmodel import examples
    from opsmodel import json as codec

    document: dict[str, Any] = json.loads(codec.dumps(examples.load("openai-2024-05")))
    return document


def test_the_bundled_example_as_json_has_no_errors() -> None:
    text = json.dumps(_report_document())
    assert detect_format(text) == "json"
    assert [str(f) for f in iter_document_errors(text) if f.is_error] == []


def test_structural_problems_of_our_json_all_come_with_paths() -> None:
    document = _report_document()
    del document["operations"][1]["id"]
    document["operations"][2]["detected"]["start"] = {"type": "fuzzy_date", "date": "the day after tomorrow"}
    document["operations"][3]["kind"] = 7
    findings = list(iter_document_errors(json.dumps(document)))
    assert {f.code for f in findings} == {"OPS004"}
    paths = [f.path for f in findings]
    assert "$.operations[1].id" in paths
    assert any(p.startswith("$.operations[2].detected.start") for p in paths)
    assert "$.operations[3].kind" in paths
    assert all("[" in f.message and f.message.endswith("]") for f in findings)  # the reader's own code


def test_a_document_that_loads_is_checked_with_the_rules() -> None:
    document = _report_document()
    document["operations"][0]["relations"] = [{"kind": "same_as", "other": "nowhere"}]
    findings = [f for f in iter_document_errors(json.dumps(document)) if f.is_error]
    assert [(f.code, f.path) for f in findings] == [("OPS201", "$.operations[0].relations[0].other")]


def test_a_lone_operation_document() -> None:
    from opsmodel import Operation, Relation
    from opsmodel import json as codec

    text = codec.dumps(Operation.named("Lone", relations=[Relation(kind="same_as", other="lone")]))
    findings = list(iter_document_errors(text))
    assert [(f.code, f.path) for f in findings if f.is_error] == [("OPS203", "$.relations[0].other")]


def test_json_lines_corpus_findings_name_the_line() -> None:
    import io

    from opsmodel import examples
    from opsmodel import json as codec

    stream = io.StringIO()
    codec.dump_lines(examples.load("openai-2024-05").operations, stream)
    lines = stream.getvalue().splitlines()
    broken = json.loads(lines[3])
    broken["relations"] = [{"kind": "same_as", "other": broken["id"]}]
    lines[3] = json.dumps(broken)
    lines.insert(2, '{"id": "Not A Slug"}')
    findings = [f for f in iter_document_errors("\n".join(lines) + "\n") if f.is_error]
    assert [(f.line, f.code) for f in findings][-1] == (5, "OPS203")
    assert {f.line for f in findings if f.code == "OPS004"} == {3}
    assert all(f.path.startswith("$") for f in findings)


def test_json_lines_corpus_relations_and_ids_resolve_across_lines() -> None:
    lines = [
        HEADER,
        json.dumps({"id": "a", "name": "A", "relations": [{"kind": "overlaps_with", "other": "b"}]}),
        json.dumps({"id": "b", "name": "B", "relations": [{"kind": "overlaps_with", "other": "elsewhere"}]}),
        json.dumps({"id": "a", "name": "A again"}),
    ]
    findings = [(f.line, f.code, f.path) for f in iter_document_errors("\n".join(lines), select=["OPS201", "OPS202", "OPS3"])]
    assert findings == [(3, "OPS202", "$.relations[0].other"), (4, "OPS301", "$.id")]


def test_json_lines_of_a_report_are_checked_against_the_report_in_the_header() -> None:
    import io

    from opsmodel import examples
    from opsmodel import json as codec

    stream = io.StringIO()
    codec.dump_lines(examples.load("openai-2024-05"), stream)
    text = stream.getvalue()
    # the header's report anchors "over the last three months": nothing is left unresolved
    assert list(iter_document_errors(text)) == []
    lines = text.splitlines()
    late = json.loads(lines[2])
    late["activity"] = {"start": {"type": "fuzzy_date", "date": "2025-01"}}
    lines[2] = json.dumps(late)
    findings = [(f.line, f.code, f.path) for f in iter_document_errors("\n".join(lines) + "\n") if f.code == "OPS103"]
    assert findings == [(3, "OPS103", "$.activity.start")]


# --- STIX bundles -----------------------------------------------------------------------------------


def test_the_bundled_example_as_stix_has_no_errors() -> None:
    from opsmodel import examples, stix

    text = stix.dumps(examples.load("openai-2024-05"))
    assert detect_format(text) == "stix"
    assert [str(f) for f in iter_document_errors(text) if f.is_error] == []


def test_stix_problems_come_with_paths_and_object_ids() -> None:
    from opsmodel import examples, stix

    bundle = json.loads(stix.dumps(examples.load("openai-2024-05")))
    bundle["objects"][3]["created"] = "yesterday"
    del bundle["objects"][5]["type"]
    findings = list(iter_document_errors(json.dumps(bundle)))
    assert findings
    assert {f.code for f in findings} == {"OPS005"}
    paths = [f.path for f in findings]
    assert any(p.startswith("$.objects[3]") for p in paths)
    assert any(p.startswith("$.objects[5]") for p in paths)


def test_rules_run_on_what_a_stix_bundle_holds() -> None:
    import attrs

    from opsmodel import Relation, examples, stix

    report = examples.load("openai-2024-05")
    first = attrs.evolve(report.operations[0], relations=(Relation(kind="same_as", other=report.operations[0].id),))
    text = stix.dumps(attrs.evolve(report, operations=(first, *report.operations[1:])))
    assert [(f.code, f.path) for f in iter_document_errors(text) if f.is_error] == [
        ("OPS203", "$.operations[0].relations[0].other")
    ]


def test_a_detected_format_that_cannot_be_checked_is_unknown() -> None:
    import attrs

    from opsmodel.formats import FORMATS

    stix = FORMATS["stix"]
    FORMATS.register(attrs.evolve(stix, check=None), replace=True)
    try:
        findings = list(iter_document_errors('{"type": "bundle", "id": "bundle--1", "objects": []}'))
    finally:
        FORMATS.register(stix, replace=True)
    assert [(f.code, f.message) for f in findings] == [("OPS003", "stix documents cannot be checked")]
