"""The JSON text layer: orjson and the standard library give the same data, text and errors; the quick route.

Where orjson is installed (the test dependency group has it), every property compares the two
paths; without it, the standard path alone is checked and the orjson comparisons are skipped.
A subprocess checks the fallback with orjson hidden, and the environment variable.
"""

from __future__ import annotations

import functools
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from opsmodel import Operation, Report, testing
from opsmodel import json as ojson
from opsmodel._core import jsontext
from opsmodel._core.limits import MAX_DEPTH, MAX_STRING_CHARS, loads_json
from opsmodel._formats.json import quick
from opsmodel.errors import DocumentError, OpsmodelError

HAS_ORJSON = jsontext._orjson is not None
needs_orjson = pytest.mark.skipif(not HAS_ORJSON, reason="orjson is not installed (the orjson extra)")
SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture
def stdlib_only() -> Iterator[None]:
    """The standard library path for the test's duration (the setting restored after)."""
    before = jsontext.use_orjson()
    jsontext.use_orjson(False)
    try:
        yield
    finally:
        jsontext.use_orjson(before)


def _outcome(read: Callable[[], Any]) -> tuple[str, Any]:
    """What a read gives: its value, or its error's class and (for opsmodel's) problems."""
    try:
        return ("value", read())
    except OpsmodelError as exc:
        return (type(exc).__name__, [attrs.asdict(problem) for problem in exc.problems])
    except ValueError as exc:
        return (type(exc).__name__, str(exc))


def _both(read: Callable[[], Any]) -> tuple[tuple[str, Any], tuple[str, Any]]:
    """The outcome with orjson, then with the standard library."""
    before = jsontext.use_orjson()
    try:
        jsontext.use_orjson(True)
        fast = _outcome(read)
        jsontext.use_orjson(False)
        return fast, _outcome(read)
    finally:
        jsontext.use_orjson(before)


def _same(left: Any, right: Any) -> bool:
    """Equal, and of the same types all the way down (``1`` is not ``1.0``; NaN equals NaN)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return list(left) == list(right) and all(_same(left[key], right[key]) for key in left)
    if isinstance(left, (list, tuple)):
        return len(left) == len(right) and all(_same(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, float) and left != left:
        return bool(right != right)
    equal: bool = left == right
    return equal


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)
# numbers, constants, escapes and encodings where the parsers are known to differ
EDGE_TEXTS = [
    "18446744073709551616",
    "-9223372036854775809",
    "123456789012345678901234567890",
    "1e400",
    "-1e400",
    "1" + "0" * 150 + ".5",
    "0." + "0" * 200 + "1",
    "[" + "1" * 101 + "]",
    "NaN",
    "[-Infinity]",
    '"\\ud800"',
    '"\\udc00\\ud800"',
    '"\ud800"',
    '{"a": 1, "b": 2, "a": 3}',
    "\ufeff{}",
    '"\x7f\u2028\u2029"',
    '"\\u0000\\u001f"',
    '"\x01"',
    "[1,]",
    '{"a":1}\x00',
    " [ ] ",
    "",
    "-0",
    "-0.0",
    "1E2",
    "[" * 70 + "]" * 70,
    "[" * 2000 + "]" * 2000,
    "2.4e-324",
]


def _texts(value: Any) -> list[str]:
    return [json.dumps(value), json.dumps(value, ensure_ascii=False, indent=1)]


@needs_orjson
@settings(max_examples=300, deadline=None)
@given(json_values)
def test_parsing_json_values_is_the_same_with_orjson(value: Any) -> None:
    for text in _texts(value):
        for given_text in (text, text.encode("utf-8")):
            fast, standard = _both(functools.partial(loads_json, given_text))
            assert fast[0] == standard[0]
            assert _same(fast[1], standard[1])


@needs_orjson
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('{}[],:"\\ 0123456789.eE+-ntrufalsNIy\ud800\x00\ufeffaé\u2028'), max_size=30))
@example("")
def test_parsing_any_text_gives_the_same_value_or_error_with_orjson(text: str) -> None:
    fast, standard = _both(lambda: loads_json(text))
    assert fast[0] == standard[0]
    assert _same(fast[1], standard[1])


@needs_orjson
@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_parsing_edge_cases_is_the_same_with_orjson(text: str) -> None:
    for given_text in (text, text.encode("utf-8", "surrogatepass")):
        fast, standard = _both(functools.partial(loads_json, given_text))
        assert fast[0] == standard[0]
        assert _same(fast[1], standard[1])


def test_numbers_past_the_limit_are_refused_on_every_path() -> None:
    for enabled in (True, False):
        before = jsontext.use_orjson()
        jsontext.use_orjson(enabled)
        try:
            for text in ("1e400", "NaN", "1" * 101, "0." + "0" * 200 + "1"):
                with pytest.raises(OpsmodelError) as caught:
                    loads_json(text)
                assert caught.value.problems[0].code == "number-too-long"
        finally:
            jsontext.use_orjson(before)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(testing.reports())
def test_documents_read_and_write_the_same_on_both_paths(report: Report) -> None:
    fast_text, standard_text = _both(lambda: ojson.dumps(report))
    assert fast_text == standard_text == ("value", standard_text[1])
    fast, standard = _both(lambda: ojson.loads(standard_text[1]))
    assert fast == standard == ("value", report)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_kept_unknown_fields_are_written_the_same_on_both_paths(value: Any) -> None:
    written = ojson.dumps(Report(id="r", title="T", publisher="P"))
    text = written.replace('"publisher"', f'"x_extra": {json.dumps(value)},\n  "publisher"')
    fast, standard = _both(lambda: ojson.dumps(ojson.loads(text, keep_unknown=True)))
    assert fast == standard


def test_writing_escapes_and_integers_as_the_standard_library(stdlib_only: None) -> None:
    awkward = "".join(chr(code) for code in range(1, 0x250)) + "\u2028\u2029\ufeff\U0001f600"
    data = {"a": [awkward, -(2**63), 2**64 - 1, 2**64, True, None, [], {}, [[]]], "": "", 'k\n"': 0}
    expected = json.dumps(data, indent=2, ensure_ascii=False)
    assert jsontext.dumps_indented(data, exact_types=True) == expected
    jsontext.use_orjson(True)
    assert jsontext.dumps_indented(data, exact_types=True) == expected
    assert jsontext.dumps_indented({"f": 0.1, "g": 1e16}, exact_types=False) == json.dumps({"f": 0.1, "g": 1e16}, indent=2)


# --- the quick route: the same objects and the same refusals as the careful one


def _careful(read: Callable[[], Any], monkeypatch: pytest.MonkeyPatch) -> tuple[str, Any]:
    with monkeypatch.context() as patched:
        patched.setattr(quick, "applies", lambda text, cls: False)
        return _outcome(read)


def _corruptions(document: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The document with one value made bad in the ways the limits walk and the decoders catch."""
    deep: Any = "x"
    for _ in range(MAX_DEPTH + 5):
        deep = [deep]
    bad_values = [deep, 1.5, 2**70, 10**150, "x" * (MAX_STRING_CHARS + 3), {"nested": deep}, None, [1, "a"], True]
    operation = document["operations"][0] if document.get("operations") else None
    for bad in bad_values:
        yield {**document, "title": bad}
        yield {**document, "x_unknown": bad}
        if operation is not None:
            for key in list(operation)[:6]:
                yield {**document, "operations": [{**operation, key: bad}, *document["operations"][1:]]}


@pytest.mark.slow
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(testing.reports())
def test_the_quick_route_refuses_as_the_careful_one(report: Report) -> None:
    document = json.loads(ojson.dumps(report))
    with pytest.MonkeyPatch.context() as monkeypatch:
        for bad in _corruptions(document):
            text = json.dumps(bad, ensure_ascii=False)
            quick_outcome = _outcome(functools.partial(ojson.loads, text))
            assert quick_outcome == _careful(functools.partial(ojson.loads, text), monkeypatch)


def test_the_quick_route_refuses_deep_and_long_values_as_the_careful_one(monkeypatch: pytest.MonkeyPatch) -> None:
    report = Report(id="r", title="T", publisher="P", operations=(Operation(id="o", name="O"),))
    document = json.loads(ojson.dumps(report))
    seen: set[str] = set()
    for bad in _corruptions(document):
        text = json.dumps(bad)
        outcome = _outcome(functools.partial(ojson.loads, text))
        assert outcome[0] == "DocumentError"
        assert outcome == _careful(functools.partial(ojson.loads, text), monkeypatch)
        seen.update(problem["code"] for problem in outcome[1])
    assert {"too_deep", "string-too-long", "number-too-long", "type", "unknown_field"} <= seen


def _read_lines(lines: list[str]) -> list[Operation]:
    return list(ojson.load_lines(lines))


def test_lines_take_the_quick_route_and_refuse_as_the_careful_one(monkeypatch: pytest.MonkeyPatch) -> None:
    report = Report(id="r", title="T", publisher="P", operations=(Operation(id="o", name="O"), Operation(id="p", name="P")))
    written = io.StringIO()
    assert ojson.dump_lines(report, written) == 2
    lines = written.getvalue().splitlines(keepends=True)
    assert list(ojson.load_lines(lines)) == list(report.operations)
    for bad in ('{"id": "o", "name": 1}\n', '{"id": ' + "[" * 70 + "]" * 70 + "}\n", '{"id": "o", "x": 1e400}\n'):
        changed = [*lines, bad]
        outcome = _outcome(functools.partial(_read_lines, changed))
        assert outcome[0] == "DocumentError"
        assert outcome == _careful(functools.partial(_read_lines, changed), monkeypatch)


@attrs.frozen
class _Loop:
    """A class that holds itself: nested without bound, so never read on the quick route."""

    inner: tuple[_Loop, ...] = ()


def test_model_nesting_is_within_the_depth_limit() -> None:
    assert 3 < quick.nesting(Report) <= MAX_DEPTH
    assert quick.nesting(_Loop) > MAX_DEPTH


def test_strings_within_limit() -> None:
    small = '{"a": "' + "x" * 10 + '"}'
    assert quick.strings_within_limit(small)
    long_string = '{"a": "' + "x" * (MAX_STRING_CHARS + 1) + '"}'
    assert not quick.strings_within_limit(long_string)
    assert not quick.strings_within_limit(long_string.encode())
    escaped = '{"a": "' + '\\"' * (MAX_STRING_CHARS // 2 + 1) + '"}'
    assert not quick.strings_within_limit(escaped)
    many = json.dumps({"a": ["x" * 1000] * (3 * MAX_STRING_CHARS // 1000)})
    assert quick.strings_within_limit(many)
    with pytest.raises(DocumentError) as caught:
        ojson.loads(long_string)
    assert caught.value.problems[0].code == "string-too-long"


# --- the fallback without orjson, and the switches


def _run(code: str, **env: str) -> str:
    environment = {**os.environ, "PYTHONPATH": str(SRC), **env}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, check=True)
    return done.stdout.strip()


def test_without_orjson_the_standard_library_reads_and_writes() -> None:
    code = """
import sys
sys.modules["orjson"] = None  # hidden: importing it fails
from opsmodel import Report, json
from opsmodel._core import jsontext
report = Report(id="r", title="T\u2028", publisher="P")
assert json.loads(json.dumps(report)) == report
assert jsontext.use_orjson(True) is False
print(jsontext.orjson_in_use())
"""
    assert _run(code) == "False"


def test_the_environment_variable_forces_the_standard_library() -> None:
    code = "from opsmodel._core import jsontext; print(jsontext.orjson_in_use())"
    assert _run(code, OPSMODEL_JSON="stdlib") == "False"
    assert _run(code, OPSMODEL_JSON="") == str(HAS_ORJSON)
