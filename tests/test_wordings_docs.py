"""Every example of docs/reference/wordings.md reads as the page says it does."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import opsmodel as om

PAGE = Path(__file__).resolve().parents[1] / "docs" / "reference" / "wordings.md"
_ROW = re.compile(r"^\| `([^`]+)` \| `([^`]+)` \|")


def _period_text(text: str) -> str:
    return str(attrs.evolve(om.parse_period(text), wording=None))


_READERS: dict[str, Callable[[str], str]] = {
    "parse_count": lambda text: str(om.parse_count(text)),
    "parse_money": lambda text: str(om.parse_money(text)),
    "parse_share": lambda text: str(om.parse_share(text)),
    "parse_date": lambda text: str(om.parse_date(text)),
    "parse_period": _period_text,
    "parse_duration": lambda text: str(om.parse_duration(text)),
    "Language.parse": lambda text: str(om.Language.parse(text).tag),
}


def _examples() -> list[tuple[str, str, str]]:
    """(reader, wording, what the page says it reads as) for every table row of the page."""
    examples, reader = [], None
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            reader = next((name for name in _READERS if f"(`{name}`)" in line), None)
        elif reader is not None and (m := _ROW.match(line)):
            examples.append((reader, m[1], m[2]))
    return examples


EXAMPLES = _examples()


def test_the_page_lists_examples_for_every_reader() -> None:
    assert {reader for reader, _, _ in EXAMPLES} == set(_READERS)
    assert len(EXAMPLES) > 100


@pytest.mark.parametrize(("reader", "wording", "meaning"), EXAMPLES, ids=[f"{r}:{w}" for r, w, _ in EXAMPLES])
def test_each_example_reads_as_the_page_says(reader: str, wording: str, meaning: str) -> None:
    if meaning == "ParseError":
        with pytest.raises(om.ParseError):
            _READERS[reader](wording)
    else:
        assert _READERS[reader](wording) == meaning
