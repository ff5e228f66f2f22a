"""The documentation's code runs: every ```python block of each page, in order, in one namespace.

A python block followed by an ```output block must print exactly that output, so the pages
that show what their code prints (the tutorial) cannot drift from what it really prints.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
TUTORIAL = ROOT / "docs" / "tutorial" / "first-report.md"
# A python block, then (after blank lines only) the output block that shows what it prints, if any.
_BLOCK = re.compile(r"^```python\n(.*?)^```\n(?:[ \t]*\n)*(?:^```output\n(.*?)^```\n)?", re.M | re.S)


def _blocks(page: Path) -> list[tuple[str, str | None]]:
    """Each python block of the page with the output it shows (``None``: none shown)."""
    return [(code, output or None) for code, output in _BLOCK.findall(page.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("page", [p for p in PAGES if _blocks(p)], ids=lambda p: str(p.relative_to(ROOT)))
def test_page_code_runs(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # pages that save files save them here, not in the clone
    namespace: dict[str, object] = {"__name__": f"docs:{page.name}"}
    for number, (block, expected) in enumerate(_blocks(page), start=1):
        code = compile(block, f"{page.relative_to(ROOT)} block {number}", "exec")
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(code, namespace)
        if expected is not None:
            assert printed.getvalue() == expected, f"{page.relative_to(ROOT)} block {number} printed other output"


def test_pages_have_code() -> None:
    assert _blocks(TUTORIAL), "the tutorial lost its code"


def test_tutorial_shows_what_each_block_prints() -> None:
    missing = [number for number, (_, output) in enumerate(_blocks(TUTORIAL), start=1) if output is None]
    assert not missing, f"tutorial blocks {missing} show no output"


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^```console\n(.*?)\n```", readme, re.M | re.S)
    last_line = (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().splitlines()[-1]
    assert last_line in commands, "the last line of .ci/run is not one of README.md's commands"
    assert last_line.endswith("-m nox"), "the last line of .ci/run is not the test command"


def test_install_lines_name_the_distribution() -> None:
    """``opsmodel`` on the package index is another project: every install line says ``opsmodel-io``."""
    sources = [*PAGES, *(ROOT / "src" / "opsmodel").rglob("*.py")]
    wrong = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for path in sources
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"pip install\W+opsmodel(?!-io)\b", line)
    ]
    assert not wrong, wrong
