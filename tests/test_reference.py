"""The API reference describes every public field: a new field cannot land without its ``#:`` comment.

The reference is built from the classes (``docs/_ext/fielddocs.py``): each attrs field's entry
shows the ``#:`` comment above the field in its class's source. A field without one would show
only a name and a type.
"""

from __future__ import annotations

import enum
import importlib
from pathlib import Path

import attrs
import pytest

from ._docs_extensions import load_extension

ROOT = Path(__file__).resolve().parents[1]
PUBLIC_MODULES = [
    "opsmodel",
    "opsmodel.errors",
    "opsmodel.json",
    "opsmodel.stix",
    "opsmodel.misp",
    "opsmodel.taxii",
    "opsmodel.taxonomy",
    "opsmodel.validation",
    "opsmodel.formats",
    "opsmodel.testing",
    "opsmodel.examples",
    "opsmodel.corpus",
]


FIELDDOCS = load_extension("fielddocs")


def _public_classes() -> list[type]:
    found: dict[type, None] = {}
    for name in PUBLIC_MODULES:
        module = importlib.import_module(name)
        for export in module.__all__:
            value = getattr(module, export)
            if isinstance(value, type):
                found[value] = None
    return list(found)


ATTRS_CLASSES = [cls for cls in _public_classes() if attrs.has(cls)]


def test_the_public_classes_are_found() -> None:
    assert len(ATTRS_CLASSES) > 40
    assert {"Operation", "Problem", "Catalogue"} <= {cls.__name__ for cls in ATTRS_CLASSES}


@pytest.mark.parametrize("cls", ATTRS_CLASSES, ids=lambda cls: f"{cls.__module__}.{cls.__qualname__}")
def test_every_public_field_has_a_description(cls: type) -> None:
    described = FIELDDOCS.field_comments(cls)
    public = [field.name for field in attrs.fields(cls) if not field.name.startswith("_")]
    missing = [name for name in public if not described.get(name)]
    assert not missing, f"{cls.__qualname__}: add a '#:' comment above {missing} (docs/explanation/architecture.md)"


def test_comments_are_read_from_the_defining_module() -> None:
    """``Operation`` names ``opsmodel`` as its module; its comments are in ``opsmodel._model.operations``."""
    import opsmodel

    assert opsmodel.Operation.__module__ == "opsmodel"
    assert FIELDDOCS.field_comments(opsmodel.Operation)["id"].startswith("A stable identifier")


def test_an_enum_is_a_table_of_its_values() -> None:
    import opsmodel

    table = FIELDDOCS._enum_table(opsmodel.ClaimStatus)
    assert ".. list-table::" in table
    assert [line for line in table if "``'current'``" in line] == ["   * - ``'current'``"]
    assert issubclass(opsmodel.ClaimStatus, enum.Enum)
