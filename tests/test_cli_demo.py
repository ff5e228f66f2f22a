"""``opsmodel demo``, run as users run it: the real entry point in a subprocess."""

from __future__ import annotations

import contextlib
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opsmodel import Report, examples
from opsmodel._cli._summary import summary_table
from opsmodel.testing import reports


def _opsmodel(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "opsmodel", *args], capture_output=True, text=True, timeout=120, check=False)


def test_demo_prints_the_five_networks() -> None:
    result = _opsmodel("demo")
    assert result.returncode == 0, result.stderr
    for name in ("Bad Grammar", "Doppelganger", "Spamouflage", "IUVM", "Zero Zeno"):
        assert name in result.stdout
    assert "at most Category 2" in result.stdout


def test_demo_writes_registered_formats(tmp_path: Path) -> None:
    from opsmodel.formats import FORMATS

    result = _opsmodel("demo", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    expected = sorted(entry.file_name for entry in FORMATS if entry.write is not None)
    # the summarised example's files keep their names in DIR; each other example's go in DIR/<name>
    written = sorted(p.name for p in (tmp_path / "out").glob("*") if p.is_file())
    assert written == expected
    others = [name for name in examples.names() if name != "openai-2024-05"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.is_dir()) == sorted(others)
    for name in others:
        assert sorted(p.name for p in (tmp_path / "out" / name).glob("*")) == expected
    assert not list(tmp_path.rglob("*.tmp")), "a temporary file was left behind"


def test_demo_prints_the_clusters_across_the_bundled_examples() -> None:
    result = _opsmodel("demo")
    assert result.returncode == 0, result.stderr
    clusters = result.stdout.split("Across the bundled examples (openai-2024-05, meta-2024-q1):\n")[1]
    assert clusters.splitlines()[0] == "meta-2024-q1/doppelganger: Doppelganger (2 records: Meta, OpenAI)"
    assert "  conflict: detected.start: from 2022-08 (Meta); around 2024-02-29 (OpenAI)\n" in clusters
    assert "unnamed (israel-stoic) = Zero Zeno (2 records: Meta, OpenAI)" in clusters
    assert clusters.endswith("2 reports, 12 operations, 10 clusters (2 across records), 1 conflict\n")


def test_demo_summarises_the_example_asked_for() -> None:
    result = _opsmodel("demo", "--example", "meta-2024-q1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Adversarial Threat Report, First Quarter 2024 (Meta, 2024-05-29): 7 operations")
    assert _opsmodel("demo", "--example", "no-such-report").returncode == 2


def test_unknown_command_is_a_usage_error() -> None:
    result = _opsmodel("no-such-command")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_help_and_version() -> None:
    assert _opsmodel("--help").returncode == 0
    assert _opsmodel("demo", "--help").returncode == 0
    version = _opsmodel("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("opsmodel ")


# The table: 100 columns, colour only for a terminal


def test_demo_table_fits_100_columns_and_has_no_colour_in_a_pipe() -> None:
    result = _opsmodel("demo")
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 100
    assert "\x1b" not in result.stdout
    assert "Doppelganger" in result.stdout
    assert "write headlines," in result.stdout  # wrapped between items, not inside them


def test_demo_wide_prints_one_line_per_operation() -> None:
    result = _opsmodel("demo", "--wide")
    assert result.returncode == 0, result.stderr
    table, clusters = result.stdout.split("\n\nAcross the bundled examples")
    lines = table.splitlines()
    assert len(lines) == 3 + 5 + 1  # title, blank, header and rule, five operations
    # one line per statement too: the analyst's link is not wrapped
    assert "  link: meta-2024-q1/israel-stoic same as Zero Zeno (openai-2024-05/zero-zeno), asserted by the analyst\n" in clusters
    assert any("write comments, translate, proofread, write headlines, write posts" in line for line in lines)
    assert max(len(line) for line in lines) > 100


def _demo_on_a_terminal(no_color: str | None) -> str:
    """What ``opsmodel demo`` prints when its stdout is a terminal (a pseudo-terminal here)."""
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env["COLUMNS"] = "120"
    if no_color is not None:
        env["NO_COLOR"] = no_color
    primary, secondary = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "opsmodel", "demo"], stdout=secondary, stderr=subprocess.PIPE, env=env
    ) as process:
        os.close(secondary)
        chunks = []
        with contextlib.suppress(OSError):  # Linux raises EIO once the child has closed the terminal
            while chunk := os.read(primary, 65536):
                chunks.append(chunk)
        process.wait(timeout=120)
    os.close(primary)
    assert process.returncode == 0
    return b"".join(chunks).decode("utf-8")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_demo_colours_a_terminal_unless_no_color() -> None:
    coloured = _demo_on_a_terminal(None)
    assert "\x1b[1mDoppelganger\x1b[0m" in coloured
    assert "\x1b" not in _demo_on_a_terminal("1")


def test_summary_table_wraps_to_the_width_asked() -> None:
    report = examples.load("openai-2024-05")
    for width in (70, 80, 100, 120):
        table = summary_table(report, width=width)
        assert max(len(line) for line in table.splitlines()) <= width, width
        assert "\x1b" not in table


@settings(max_examples=20)
@given(report=reports(), width=st.integers(min_value=30, max_value=160))
def test_wrapping_loses_no_word(report: Report, width: int) -> None:
    wrapped = summary_table(report, width=width)
    wide = summary_table(report, width=None)
    assert sorted(_words(wrapped)) == sorted(_words(wide))
    assert len(wide.splitlines()) == 3 + len(report.operations) + 1


def _words(table: str) -> list[str]:
    """The table's words, without the rule under the header (its dashes change with the column widths)."""
    lines = table.splitlines()
    rule = lines.index("") + 2
    return [word for number, line in enumerate(lines) if number != rule for word in line.split()]


def test_wrapping_keeps_hyphenated_words_whole() -> None:
    # hypothesis found it: "pro-Kremlin" in a title was split into "pro-" and "Kremlin"
    report = Report(id="r", title="nineteen characters pro-Kremlin networks", publisher="Someone")
    title_lines = summary_table(report, width=30).split("\n\n")[0].split()
    assert "pro-Kremlin" in title_lines
