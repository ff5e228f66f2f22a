"""Atomic writes: the target appears whole, or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from opsmodel._core.files import atomic_writer


def test_success_replaces_the_target_with_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.json"
    with atomic_writer(target) as handle:
        handle.write("{}\n")
    assert target.read_text(encoding="utf-8") == "{}\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_failure_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def convert() -> None:
        with atomic_writer(target) as handle:
            handle.write("half")
            raise RuntimeError("conversion failed")

    with pytest.raises(RuntimeError, match="conversion failed"):
        convert()
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
