"""The shipped JSON Schema: in step with the model, satisfied by every document written, and
never more permissive than the loader."""

from __future__ import annotations

import io
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import opsmodel as om
from opsmodel import json as ojson
from opsmodel import testing
from opsmodel._formats.json.schema import _shipped, build_schema, dumps_schema

from .test_json import MODEL_VALUES, json_values

SCHEMA = ojson.schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _validator_for(cls: type) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": f"#/$defs/{cls.__name__}"}
    )


def test_the_shipped_schema_is_the_one_the_model_generates() -> None:
    assert _shipped() == dumps_schema(build_schema()), "regenerate it: nox -s schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert ojson.schema() is not ojson.schema()


@given(testing.reports())
def test_every_document_written_validates(report: om.Report) -> None:
    VALIDATOR.validate(json.loads(ojson.dumps(report)))
    handle = io.StringIO()
    ojson.dump_lines(report.operations, handle)
    header, *lines = handle.getvalue().split("\n")[:-1]
    header_validator = _validator_for(type("LinesHeader", (), {}))
    header_validator.validate(json.loads(header))
    operation = _validator_for(om.Operation)
    for line in lines:
        operation.validate(json.loads(line))
    whole = io.StringIO()
    ojson.dump_lines(report, whole)
    header_validator.validate(json.loads(whole.getvalue().split("\n")[0]))


@given(MODEL_VALUES)
def test_every_value_written_validates_against_its_definition(value: Any) -> None:
    _validator_for(type(value)).validate(ojson.to_dict(value))


def _locations(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _locations(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _locations(item, (*path, index))
    return found


def _mutate(document: Any, path: tuple[Any, ...], how: str, new: Any) -> Any:
    if not path:
        return new if how == "replace" else document
    head, *rest = path
    copy = dict(document) if isinstance(document, dict) else list(document)
    if rest:
        copy[head] = _mutate(document[head], tuple(rest), how, new)
    elif how == "replace":
        copy[head] = new
    elif how == "delete":
        del copy[head]
    elif how == "add" and isinstance(document[head], dict):
        copy[head] = {**document[head], "x_unknown": new}
    return copy


@given(testing.reports(), st.data(), st.sampled_from(["replace", "delete", "add"]), json_values)
def test_documents_that_break_the_schema_are_refused_by_the_loader(
    report: om.Report, data: st.DataObject, how: str, new: Any
) -> None:
    document = json.loads(ojson.dumps(report))
    path = data.draw(st.sampled_from(_locations(document)))
    mutated = _mutate(document, path, how, new)
    if VALIDATOR.is_valid(mutated):
        return
    with pytest.raises(ojson.DocumentError) as caught:
        ojson.loads(json.dumps(mutated))
    assert caught.value.problems
    assert all(problem.path.startswith("$") for problem in caught.value.problems)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"operations": [{"id": "a", "summary": "s", "kind": "bot"}]}, "$.operations[0].kind"),
        ({"operations": [{"id": "a", "summary": "s", "languages": [{"code": "RUS"}]}]}, "$.operations[0].languages[0].code"),
        ({"published": {"date": "May 2024"}}, "$.published.date"),
        ({"title": 7}, "$.title"),
        ({"x_unknown": 1}, "$.x_unknown"),
    ],
)
def test_schema_and_loader_point_at_the_same_place(change: dict[str, Any], path: str) -> None:
    document = {"format": "opsmodel", "format_version": "1.0", "id": "r", "title": "t", "publisher": "p", **change}
    schema_paths = {error.json_path for error in VALIDATOR.iter_errors(document)}
    with pytest.raises(ojson.DocumentError) as caught:
        ojson.loads(json.dumps(document))
    assert [p.path for p in caught.value.problems] == [path]
    assert any(path.startswith(found) for found in schema_paths), schema_paths


def test_the_schema_patterns_are_portable_regular_expressions() -> None:
    """Validators in other languages use ECMA 262 regular expressions: no Python-only syntax."""
    text = json.dumps(SCHEMA)
    assert "?P<" not in text
    assert "\\\\Z" not in text
    assert "\\\\A" not in text
