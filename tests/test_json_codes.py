"""Every code the JSON readers put in a Problem is in ERROR_CODES; union tags are one per member."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import opsmodel as om
from opsmodel import json as ojson
from opsmodel._formats.stix.codec import decode, encode
from opsmodel._model.description import DATES, PLACES

from .test_json import json_values


def _codes(read: Any) -> set[str]:
    try:
        read()
    except ojson.DocumentError as exc:
        return {problem.code for problem in exc.problems}
    return set()


@settings(max_examples=40)
@given(json_values, st.sampled_from(["doc", "lines", "report_lines", "dict"]))
def test_every_code_the_readers_emit_is_in_the_table(value: Any, reader: str) -> None:
    text = om.json.dumps(om.Report(id="r", title="t", publisher="p"))[:-2] + ', "x": ' + __import__("json").dumps(value) + "}"
    header = ojson.dumps(om.Report(id="r", title="t", publisher="p"))
    readers = {
        "doc": lambda: ojson.loads(text),
        "lines": lambda: list(
            ojson.load_lines(
                io.StringIO('{"format":"opsmodel-lines","format_version":"1.0"}\n' + __import__("json").dumps(value) + "\n")
            )
        ),
        "report_lines": lambda: ojson.load_report_lines(io.StringIO('{"format":"opsmodel-lines","format_version":"1.0"}\n')),
        "dict": lambda: ojson.from_dict(value, om.Operation),
    }
    assert header
    assert _codes(readers[reader]) <= set(ojson.ERROR_CODES)


def test_unions_have_one_tag_per_member_and_the_stix_reader_takes_the_old_spelling() -> None:
    assert list(DATES.tags) == ["fuzzy_date", "relative_date"]
    assert list(PLACES.tags) == ["country", "subdivision", "region", "locality"]
    period = om.Period(start=om.parse_date("2024-05"))
    data = encode(period)
    assert data["start"]["type"] == "fuzzy_date"
    assert decode(om.Period, data) == period
    data["start"]["type"] = "fuzzy-date"
    assert decode(om.Period, data) == period
