"""The local Sphinx extensions of docs/_ext, loaded by file path (docs/ is not a package)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

EXTENSIONS = Path(__file__).resolve().parents[1] / "docs" / "_ext"


def load_extension(name: str) -> ModuleType:
    """The module ``docs/_ext/<name>.py``."""
    spec = importlib.util.spec_from_file_location(name, EXTENSIONS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
