"""Raw documents are checked before they become objects: every structural problem, with its path."""

from __future__ import annotations

import pytest

from opsmodel.validation import DOCUMENT_CODES, Severity, detect_format, iter_document_errors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"type": "bundle", "id": "bundle--1", "objects": []}', "stix"),
        ('{"id": "op", "name": "Op"}', "json"),
        ('\ufeff  {"id": "r", "operations": []}\n', "json"),
        ('{"id": "a", "name": "A"}\n{"id": "b", "name": "B"}\n', "jsonl"),
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


def test_json_lines_problems_carry_their_line() -> None:
    text = '[1]\n\n{"id": "b",\n7\n'
    findings = list(iter_document_errors(text))
    assert [(f.line, f.code) for f in findings] == [(1, "OPS003"), (3, "OPS001"), (4, "OPS003")]
    assert str(findings[1]).startswith("line 3: $: error OPS001: not valid JSON at column 12")
    assert findings[1].as_dict()["line"] == 3


def test_ignore_applies_to_document_codes_but_select_does_not() -> None:
    text = "[1]\n{broken\n"
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
