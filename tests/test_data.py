"""The third-party test data is what tests/data/README.md says it is: each file listed, unchanged, and nothing else."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _listed() -> dict[str, str]:
    """File -> SHA-256, from the README's checksum block."""
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    return {name: digest for digest, name in re.findall(r"^([0-9a-f]{64})  (\S+)$", readme, re.M)}


def test_every_data_file_is_listed_with_its_checksum() -> None:
    listed = _listed()
    present = {
        p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.is_file() and p.name not in {"README.md", ".gitattributes"}
    }
    assert present == set(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == digest, f"{name} differs from its source"
