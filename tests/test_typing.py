"""The model is typed where users call it: mypy checks the constructor cases and the docs' code.

``tests/typing/`` holds files that are type-checked, never run: ``assert_type`` lines and lines
that must stay errors (``# type: ignore[code]``, which ``--strict`` reports once unused). The
python blocks of every page are checked too, each page as one module, so an example whose call
stops type-checking fails here as well as in the docs tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import mypy.api as mypy_api
import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
_PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```\n", re.M | re.S)
# The docs' code is written for readers: it reads optional fields without a None check and
# defines small helpers without annotations. Everything it passes to opsmodel is checked.
_DOCS_LENIENCY = [
    "--disable-error-code=union-attr",
    "--disable-error-code=no-untyped-def",
    "--disable-error-code=no-untyped-call",
    "--no-check-untyped-defs",
]


def _mypy(paths: list[Path], *options: str, cache: Path) -> str:
    """mypy --strict with the project's configuration over ``paths``; its report, empty if clean."""
    arguments = ["--strict", "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(cache), *options]
    report, errors, status = mypy_api.run([*arguments, *map(str, paths)])
    assert not errors, errors
    return "" if status == 0 else report


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mypy-cache")


@pytest.mark.slow
def test_constructor_cases_type_check(cache: Path) -> None:
    report = _mypy(sorted((ROOT / "tests" / "typing").glob("*.py")), cache=cache)
    assert not report, report


@pytest.mark.slow
def test_docs_code_type_checks(tmp_path: Path, cache: Path) -> None:
    modules = []
    for page in PAGES:
        blocks = _PYTHON_BLOCK.findall(page.read_text(encoding="utf-8"))
        if blocks:
            module = tmp_path / (re.sub(r"\W", "_", str(page.relative_to(ROOT).with_suffix(""))) + ".py")
            module.write_text("\n".join(blocks), encoding="utf-8")
            modules.append(module)
    assert modules, "no python blocks found in the docs"
    report = _mypy(modules, *_DOCS_LENIENCY, cache=cache)
    assert not report, report


@pytest.mark.slow
def test_a_wrong_constructor_argument_is_a_type_error(tmp_path: Path, cache: Path) -> None:
    """The issue's own case, without the ignore comment: mypy names the parameter and its type."""
    module = tmp_path / "wrong.py"
    module.write_text("import opsmodel\n\nopsmodel.Operation(id=123)\n", encoding="utf-8")
    report = _mypy([module], cache=cache)
    assert 'Argument "id" to "Operation" has incompatible type "int"; expected "str"' in report, report
