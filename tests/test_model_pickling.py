"""Model objects pickle compactly (only their non-default fields) and come back equal."""

from __future__ import annotations

import io
import pickle

from hypothesis import given, settings

from opsmodel import Operation, Report, examples, json
from opsmodel.testing import operations, reports


def _json_line(operation: Operation) -> int:
    buffer = io.StringIO()
    json.dump_lines([operation], buffer)
    return len(buffer.getvalue().splitlines()[1].encode("utf-8"))


@settings(max_examples=40)
@given(operations())
def test_an_operation_pickles_back_equal_and_near_its_json_size(operation: Operation) -> None:
    data = pickle.dumps(operation, protocol=pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(data)
    assert back == operation
    assert hash(back) == hash(operation)
    assert json.dumps(back) == json.dumps(operation)
    # attrs named every field in its pickles: a bare operation was 359 bytes for 21 of JSON
    assert len(data) <= 3 * _json_line(operation) + 200


@settings(max_examples=20)
@given(reports())
def test_a_report_pickles_back_equal(report: Report) -> None:
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        assert pickle.loads(pickle.dumps(report, protocol=protocol)) == report


def test_a_bare_operation_pickles_as_its_two_fields() -> None:
    operation = Operation(id="x", name="X")
    data = pickle.dumps(operation, protocol=pickle.HIGHEST_PROTOCOL)
    assert len(data) < 80
    assert b"aliases" not in data
    assert pickle.loads(data).aliases == ()


def test_the_bundled_example_pickles_smaller_than_its_json() -> None:
    report = examples.load("openai-2024-05")
    assert len(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)) < len(json.dumps(report).encode("utf-8")) / 2
