"""``opsmodel demo``, run as users run it: the real entry point in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


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
    written = sorted(p.name for p in (tmp_path / "out").glob("*"))
    assert written == sorted(entry.file_name for entry in FORMATS if entry.write is not None)
    assert not list(tmp_path.rglob("*.tmp")), "a temporary file was left behind"


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
