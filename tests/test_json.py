"""The JSON format: exact round trips, canonical text, every problem reported with its path."""

from __future__ import annotations

import datetime as dt
import io
import json
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import opsmodel as om
from opsmodel import json as ojson
from opsmodel import testing

# any value of any model class, drawn from the public strategies in opsmodel.testing
MODEL_VALUES = st.sampled_from(sorted(testing.STRATEGIES, key=lambda cls: cls.__name__)).flatmap(
    lambda cls: testing.STRATEGIES[cls]()
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


def _report(**facts: Any) -> om.Report:
    return om.Report(id="r", title="A report", publisher="Someone", **facts)


def _document(**body: Any) -> str:
    return json.dumps({"format": "opsmodel", "format_version": "1.0", **body})


@given(MODEL_VALUES)
def test_every_model_value_round_trips_exactly(value: Any) -> None:
    text = ojson.dumps(value)
    assert ojson.loads(text, type(value)) == value
    assert ojson.from_dict(ojson.to_dict(value), type(value)) == value


@given(testing.reports())
def test_canonical_documents_are_written_back_byte_for_byte(report: om.Report) -> None:
    canonical = ojson.dumps(report)
    assert ojson.dumps(ojson.loads(canonical)) == canonical


@given(testing.reports())
def test_equal_values_give_equal_bytes_and_plain_json(report: om.Report) -> None:
    again = ojson.loads(ojson.dumps(report))
    assert again is not report
    assert ojson.dumps(again) == ojson.dumps(report)
    assert json.loads(ojson.dumps(report)) == {"format": "opsmodel", "format_version": "1.1", **ojson.to_dict(report)}
    assert _plain_json(ojson.to_dict(report))


def _plain_json(value: Any) -> bool:
    if type(value) is dict:
        return all(type(k) is str and _plain_json(v) for k, v in value.items())
    if type(value) is list:
        return all(_plain_json(v) for v in value)
    return type(value) in (str, int, bool)


def test_defaults_are_left_out_and_fields_keep_the_model_order() -> None:
    operation = om.Operation(id="op", name="Op", summary="A network", kind=om.OperationKind.NETWORK, aliases=())
    data = ojson.to_dict(_report(operations=(operation,), authors=()))
    assert list(data) == ["id", "title", "publisher", "operations"]
    assert data["operations"] == [{"id": "op", "name": "Op", "summary": "A network"}]
    text = ojson.dumps(_report())
    assert text.startswith('{\n  "format": "opsmodel",\n  "format_version": "1.1",\n  "id": "r",')
    assert text.endswith("}\n")


def test_fuzzy_dates_are_readable_and_exact() -> None:
    since = om.parse_date("since at least February 2022")
    assert ojson.to_dict(since) == {"date": "2022-02", "bound": "on_or_before", "wording": "since at least February 2022"}
    moment = om.FuzzyDate.instant(dt.datetime(2024, 5, 30, 14, 0, 1, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))))
    assert ojson.to_dict(moment) == {"date": "2024-05-30T12:00:01.000005Z"}
    quarter = om.FuzzyDate.of(2024, quarter=2, part="late", approximate=True)
    assert ojson.to_dict(quarter) == {"date": "2024-Q2", "part": "late", "approximate": True}
    for value in (since, moment, quarter, om.FuzzyDate.of(2023, half=2), om.FuzzyDate.of(7)):
        assert ojson.from_dict(ojson.to_dict(value), om.FuzzyDate) == value


def test_unions_carry_a_type_and_countries_elsewhere_are_codes() -> None:
    target = om.Target(place=om.Region(name="the Sahel", members=("ML", "NE")))
    assert ojson.to_dict(target) == {"place": {"type": "region", "name": "the Sahel", "members": ["ML", "NE"]}}
    period = om.parse_period("over the last three months")
    data = ojson.to_dict(period)
    assert data["start"] == {"type": "relative_date", "amount": 3, "unit": "month"}
    assert ojson.to_dict(om.Period(start=om.FuzzyDate.of(2024)))["start"] == {"type": "fuzzy_date", "date": "2024"}


def test_every_problem_is_reported_at_once_with_its_path() -> None:
    text = _document(
        id="Bad Id",
        title=" ",
        publisher=5,
        operations=[
            {"id": "fine", "summary": "ok"},
            {"id": "nameless"},
            {
                "id": "c",
                "summary": "s",
                "activity": {"start": {"type": "fuzzy_date", "date": "2024-13"}, "end": {"type": "relative_date"}},
                "attributions": [{"claimant": "x", "countries": ["rus", "ZZ", 5]}],
                "targets": [{"place": {"type": "planet"}}],
                "impacts": [{"category": 2, "qualifier": "Upper end"}],
            },
        ],
        extra_field=1,
    )
    with pytest.raises(ojson.DocumentError) as caught:
        ojson.loads(text)
    found = {(p.path, p.code) for p in caught.value.problems}
    assert found == {
        ("$.id", "value"),
        ("$.title", "value"),
        ("$.publisher", "type"),
        ("$.operations[1].name", "constraint"),
        ("$.operations[2].activity.start.date", "value"),
        ("$.operations[2].activity.end.amount", "missing"),
        ("$.operations[2].activity.end.unit", "missing"),
        ("$.operations[2].attributions[0].countries[0]", "not_canonical"),
        ("$.operations[2].attributions[0].countries[1]", "value"),
        ("$.operations[2].attributions[0].countries[2]", "type"),
        ("$.operations[2].targets[0].place.type", "tag"),
        ("$.operations[2].impacts[0].qualifier", "value"),
        ("$.extra_field", "unknown_field"),
    }
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, om.OpsmodelError)
    assert all(p.code in ojson.ERROR_CODES for p in error.problems)
    bad_country = next(p for p in error.problems if p.path.endswith("countries[1]"))
    assert bad_country.value == "ZZ"
    assert "ISO 3166-1" in (bad_country.expected or "")
    assert "$.operations[2].attributions[0].countries[1]" in str(error)
    assert pickle.loads(pickle.dumps(error)).problems == error.problems


def test_model_rules_across_fields_surface_with_the_path() -> None:
    body = {"id": "r", "title": "t", "publisher": "p", "operations": [{"id": "a", "summary": "s", "activity": {
        "start": {"type": "fuzzy_date", "date": "2024"}, "end": {"type": "fuzzy_date", "date": "2020"}}}]}  # fmt: skip
    with pytest.raises(ojson.DocumentError) as caught:
        ojson.loads(_document(**body))
    (problem,) = caught.value.problems
    assert (problem.path, problem.code) == ("$.operations[0].activity.end", "constraint")
    assert problem.value == {"date": "2020"}


@pytest.mark.parametrize(
    ("text", "path", "code"),
    [
        ("", "$", "syntax"),
        ("{", "$", "syntax"),
        ("[]", "$", "type"),
        ('{"format": "stix"}', "$.format", "format"),
        ('{"format": "opsmodel", "format_version": "2.0"}', "$.format_version", "version"),
        ('{"format": "opsmodel"}', "$.format_version", "missing"),
        ("[" * 100_000, "$", "too_deep"),
        ("1" * 5000, "$", "number-too-long"),  # past MAX_NUMBER_CHARS, refused before Python converts it
    ],
)
def test_documents_that_are_not_ours_are_refused_clearly(text: str, path: str, code: str) -> None:
    with pytest.raises(ojson.DocumentError) as caught:
        ojson.loads(text)
    assert (caught.value.problems[0].path, caught.value.problems[0].code) == (path, code)


def test_non_canonical_spellings_are_refused_not_silently_changed() -> None:
    body = {"id": "r", "title": "t", "publisher": "p", "published": {"date": "2024-05-30T12:00:00.000000Z"}}
    with pytest.raises(ojson.DocumentError, match="not_canonical"):
        ojson.loads(_document(**body))
    with pytest.raises(ojson.DocumentError, match=r"\$\.languages\[0\]\.code"):
        ojson.from_dict({"id": "a", "summary": "s", "languages": [{"code": "rus"}]}, om.Operation)
    # the model reads any Unicode digits as a UN M.49 region; the format (and its schema) only ASCII
    with pytest.raises(ojson.DocumentError, match=r"\$\.languages\[0\]\.region"):
        ojson.from_dict({"id": "a", "summary": "s", "languages": [{"code": "es", "region": "\u0664\u0661\u0669"}]}, om.Operation)


@given(json_values)
def test_any_json_gives_a_value_or_a_document_error(value: Any) -> None:
    for text in (json.dumps(value), _document(**value) if isinstance(value, dict) else _document(operations=value)):
        try:
            result = ojson.loads(text)
        except ojson.DocumentError as exc:
            problems = exc.problems
        else:
            assert isinstance(result, om.Report)
            continue
        assert problems
        assert all(p.code in ojson.ERROR_CODES and p.path.startswith("$") for p in problems)


@given(testing.operations(), json_values)
def test_any_json_in_any_field_gives_a_value_or_a_document_error(operation: om.Operation, value: Any) -> None:
    data = ojson.to_dict(operation)
    for key in [*data, "activity", "targets"]:
        mutated = {**data, key: value}
        try:
            ojson.from_dict(mutated, om.Operation)
        except ojson.DocumentError as exc:
            problems = exc.problems
        else:
            continue
        assert problems
        assert all(p.path.startswith("$") and p.code in ojson.ERROR_CODES for p in problems)


def test_unknown_fields_are_refused_by_default_and_kept_on_request() -> None:
    place = {"type": "country", "code": "RU", "x_note": "n"}
    operation = {"id": "a", "summary": "s", "x_score": 3, "targets": [{"place": place}]}
    body = {"id": "r", "title": "t", "publisher": "p", "x_review": {"by": "me"}, "operations": [operation]}
    text = ojson.dumps(ojson.loads(_document(**body), keep_unknown=True))
    with pytest.raises(ojson.DocumentError) as caught:
        ojson.loads(text)
    assert [p.path for p in caught.value.problems] == [
        "$.operations[0].targets[0].place.x_note",
        "$.operations[0].x_score",
        "$.x_review",
    ]
    kept = ojson.loads(text, keep_unknown=True)
    assert ojson.unknown_fields(kept) == {"x_review": {"by": "me"}}
    assert ojson.unknown_fields(kept.operations[0]) == {"x_score": 3}
    assert ojson.dumps(kept) == text
    assert json.loads(text) == {"format": "opsmodel", "format_version": "1.1", **body}
    assert ojson.unknown_fields(_report()) == {}


def test_files_round_trip() -> None:
    report = _report(operations=(om.Operation(id="a", summary="s"),))
    handle = io.StringIO()
    ojson.dump(report, handle)
    handle.seek(0)
    assert ojson.load(handle) == report
    assert ojson.load(io.BytesIO(ojson.dumps(report).encode())) == report


def test_writing_something_else_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="opsmodel model value"):
        ojson.dumps({"id": "r"})


def test_the_converter_is_usable_directly() -> None:
    converter = ojson.make_converter()
    report = _report(published=om.FuzzyDate.of(2024, 5))
    assert converter.structure(converter.unstructure(report), om.Report) == report


def test_the_bundled_example_round_trips_exactly() -> None:
    from opsmodel import examples

    report = examples.load("openai-2024-05")
    text = ojson.dumps(report)
    assert ojson.loads(text) == report
    assert ojson.dumps(ojson.loads(text)) == text


def test_the_garbage_collector_is_left_as_it_was() -> None:
    import gc

    report = _report(operations=(om.Operation(id="a", summary="s"),))
    assert gc.isenabled()
    ojson.loads(ojson.dumps(report))
    with pytest.raises(ojson.DocumentError):
        ojson.loads("{}")
    assert gc.isenabled()
    gc.disable()
    try:
        ojson.loads(ojson.dumps(report))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_format_reference_lists_every_error_code() -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "docs" / "reference" / "json-format.md").read_text(encoding="utf-8")
    for code, meaning in ojson.ERROR_CODES.items():
        assert f"| `{code}` | {meaning} |" in page


def test_a_document_with_many_problems_keeps_them_all_and_a_short_message() -> None:
    body = {"id": "r", "title": "t", "publisher": "p", "operations": [{"id": f"op-{n}", "kind": "bot"} for n in range(30)]}
    with pytest.raises(ojson.DocumentError) as caught:
        ojson.loads(_document(**body))
    assert [p.path for p in caught.value.problems] == [f"$.operations[{n}].kind" for n in range(30)]
    assert "... and 10 more" in str(caught.value)
    assert str(caught.value).count("$.operations[") == 20
