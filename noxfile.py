"""Development sessions: ``nox`` runs the whole test suite; ``nox -s demo`` runs the main job."""

from __future__ import annotations

import os
from pathlib import Path

import nox

nox.needs_version = ">=2024.10.9"
nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_missing_interpreters = bool(os.environ.get("CI"))
nox.options.sessions = ["tests", "tests_oldest", "typing", "lint", "docs", "clients", "frames", "dask", "fuzz", "browser"]

PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
PYPROJECT = nox.project.load_toml("pyproject.toml")


def _group(name: str) -> list[str]:
    return list(nox.project.dependency_groups(PYPROJECT, name))


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The test suite (unit, property, docs examples and the real STIX judges) on one Python."""
    session.install("-e", ".", *_group("tests"))
    session.run("pytest", "-n", "auto", *session.posargs)


@nox.session(python=PYTHONS[0])
def tests_oldest(session: nox.Session) -> None:
    """The test suite on the oldest Python with the oldest runtime dependencies we claim to support."""
    floors = [requirement.replace(">=", "==") for requirement in PYPROJECT["project"]["dependencies"]]
    session.install("-e", ".", *_group("tests"), *floors)
    session.run("pytest", "-n", "auto", *session.posargs)


@nox.session(python="3.11")
def typing(session: nox.Session) -> None:
    """mypy --strict over the package, the tests and this file; pyright over the constructor cases in tests/typing/."""
    session.install("-e", ".", *_group("typing"), *_group("tests"))
    session.run("mypy", "--strict", *session.posargs)
    session.run("basedpyright")


@nox.session(python="3.11")
def lint(session: nox.Session) -> None:
    """ruff's checks and formatting (generated vocabularies are excluded in pyproject.toml), and the layer contracts."""
    session.install(*_group("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    # import-linter reads the source without importing it; it only needs to find the package.
    session.run("lint-imports", env={"PYTHONPATH": "src"})


@nox.session(python="3.11")
def fuzz(session: nox.Session) -> None:
    """Every reader driven by seeded, mutated documents and random bytes: at least 100,000 inputs, no foreign exception.

    Seeded (``--seed``) and bounded: about ``--seconds`` of work, more only to reach ``--minimum`` inputs.
    """
    session.install("-e", ".")
    args = session.posargs or ["--seed", "20261203", "--seconds", "120", "--minimum", "100000"]
    session.run("python", "-m", "tests.fuzz.driver", *args)


@nox.session(python="3.11")
def docs(session: nox.Session) -> None:
    """The documentation, built as Read the Docs builds it, with warnings as errors."""
    session.install("-e", ".", *_group("docs"))
    out = Path("docs/_build/html")
    session.run("sphinx-build", "--quiet", "--fail-on-warning", "--keep-going", "-b", "html", "docs", str(out), *session.posargs)


@nox.session(python="3.11")
def demo(session: nox.Session) -> None:
    """The main job on the bundled example: a summary of the five networks, and its files in out/."""
    session.install("-e", ".")
    session.run("opsmodel", "demo", "--out", "out", *session.posargs)


@nox.session(python="3.11", default=False)
def bench(session: nox.Session) -> None:
    """The benchmark against stix2 and the json floor, then the corpus and taxonomy figures (on demand).

    ``-- --quick`` gives the table alone, on tiny sizes; nothing is asserted.
    """
    session.install("--only-binary", "pyarrow,pandas,polars", "-e", ".[frames]", *_group("bench"))
    session.run("python", "bench/run.py", *session.posargs)
    if "--quick" not in session.posargs:
        # the figures of their own: corpus load, clusters, shards and tables; catalogue loading
        session.run("python", "bench/bench_corpus.py")
        session.run("python", "bench/bench_taxonomy.py")


@nox.session(python="3.11", default=False)
def schema(session: nox.Session) -> None:
    """Regenerate the shipped JSON Schema from the model (a test checks that it is in step)."""
    session.install("-e", ".")
    target = Path("src/opsmodel/schemas/opsmodel-1.1.schema.json")
    with target.open("w", encoding="utf-8") as handle:
        session.run("python", "-m", "opsmodel._formats.json.schema", stdout=handle)


@nox.session(python="3.11", default=False)
def vocabularies(session: nox.Session) -> None:
    """Regenerate the vocabulary modules in src/opsmodel/_generated/ from the data files kept in data/."""
    session.run("python", "scripts/vocabularies.py")


# Sessions with a venv of their own (clients, frames, dask, browser) install only these beside
# what they test, and run only their files, `tests/test_<marker>_*.py`: tests/conftest.py collects
# those only when their marker is the whole `-m` expression.
OWN_SESSION_TOOLS = ["pytest>=8", "hypothesis>=6.100"]


def _run_own_tests(session: nox.Session, marker: str) -> None:
    tests = sorted(str(path) for path in Path("tests").glob(f"test_{marker}_*.py"))
    session.run("pytest", "-m", marker, "-p", "no:cacheprovider", *tests, *session.posargs)


# The real CTI clients pin what our test group wants newer (pycti: requests<2.34, setuptools~=82.0,
# stix2~=3.0.1; misp-stix: pycountry<25, stix2<4), so they get their own venv with only pytest and
# hypothesis beside them, and run only the tests marked `clients`.
CLIENTS = ["pycti>=7", "misp-stix>=2025", "pymisp>=2.5", "medallion>=3", "taxii2-client>=2.3", "mitreattack-python>=4.0"]


@nox.session(python="3.11")
def clients(session: nox.Session) -> None:
    """The real clients (pycti, misp-stix, pymisp, medallion with taxii2-client, navlayers) on the demo and generated reports."""
    session.install("-e", ".", *OWN_SESSION_TOOLS, *CLIENTS)
    _run_own_tests(session, "clients")


@nox.session(python="3.11")
def frames(session: nox.Session) -> None:
    """The corpus tables with the frames extra (pyarrow, pandas, polars): schemas, data frames, read-back, the CLI's files."""
    # binary wheels only: on 2 cores, building pyarrow or polars from source would take the whole CI run
    session.install("--only-binary", "pyarrow,pandas,polars", "-e", ".[frames]", *OWN_SESSION_TOOLS)
    _run_own_tests(session, "frames")


CHROMIUM = Path("/usr/bin/chromium")


@nox.session(python="3.11")
def browser(session: nox.Session) -> None:
    """The HTML pages in headless Chromium: no console message, the expected elements, a screenshot.

    Chromium comes from Debian's packages (never a downloaded browser): when /usr/bin/chromium is
    missing it is installed with apt-get, which needs root, as CI has on its fresh machine.
    """
    if not CHROMIUM.is_file():
        if os.geteuid() != 0:
            session.error(f"{CHROMIUM} is missing: install Debian's chromium package (`sudo apt-get install chromium`)")
        apt = {"DEBIAN_FRONTEND": "noninteractive"}
        session.run("apt-get", "update", "-q", external=True, env=apt)
        session.run("apt-get", "install", "-y", "-q", "chromium", external=True, env=apt)
    session.install("-e", ".", *OWN_SESSION_TOOLS)
    _run_own_tests(session, "browser")


@nox.session(python="3.11")
def dask(session: nox.Session) -> None:
    """Shards on Dask's local scheduler (the dask extra): bags, data frames, and 100,000 generated operations in flat memory."""
    session.install("--only-binary", "pyarrow,pandas,numpy,dask", "-e", ".[dask]", *OWN_SESSION_TOOLS)
    _run_own_tests(session, "dask")
