"""The JSON Schema (draft 2020-12) of the opsmodel JSON format, generated from the model.

The shipped file ``schemas/opsmodel-<version>.schema.json`` is the output of
:func:`build_schema`; a test keeps the two in step. Regenerate it with
``python -m opsmodel._formats.json.schema > src/opsmodel/schemas/opsmodel-1.1.schema.json``.
Like the converter, it reads the model through :mod:`opsmodel._model.description`.
"""

from __future__ import annotations

import enum
import functools
import importlib.resources
import json
import re
import sys
from typing import Any

from ..._core.fields import _SLUG, to_optional_text, to_slug, to_source_ids, to_text, to_text_tuple
from ..._model.dates import FuzzyDate
from ..._model.description import UNIONS, Field, Kind, TaggedUnion, fields_of
from ..._model.operations import Operation, Report
from ..._model.places import Country
from .dates import DATE_PATTERN
from .envelope import FORMAT, FORMAT_VERSION, LINES_FORMAT, SUPPORTED_VERSIONS
from .hooks import CODE_PATTERNS

SCHEMA_ID = f"https://opsmodel.readthedocs.io/en/latest/_static/opsmodel-{FORMAT_VERSION}.schema.json"

_TEXT: dict[str, Any] = {"type": "string", "pattern": "\\S"}
_SLUG_SCHEMA: dict[str, Any] = {"type": "string", "pattern": _SLUG.pattern}
_BY_CONVERTER: dict[Any, dict[str, Any]] = {
    to_text: _TEXT,
    to_optional_text: _TEXT,
    to_text_tuple: _TEXT,
    to_slug: _SLUG_SCHEMA,
    to_source_ids: _SLUG_SCHEMA,
}
# Fields whose canonical spelling a pattern describes (the model's converters normalise to it).
_BY_FIELD: dict[tuple[str, str], dict[str, Any]] = {
    ("Actor", "parent"): _SLUG_SCHEMA,
    ("Attribution", "actor"): _SLUG_SCHEMA,
    ("Attribution", "client"): _SLUG_SCHEMA,
    ("Source", "covers"): _SLUG_SCHEMA,
    ("Relation", "described_in"): _SLUG_SCHEMA,
    **{key: {"type": "string", "pattern": pattern} for key, pattern in CODE_PATTERNS.items()},
    ("Tactic", "framework"): _SLUG_SCHEMA,
    ("TechniqueRef", "framework"): _SLUG_SCHEMA,
    ("Tactic", "id"): _TEXT,
    ("TechniqueRef", "id"): _TEXT,
    ("Impact", "category"): {"type": "integer", "minimum": 1, "maximum": 6},
    ("Confidence", "score"): {"type": "integer", "minimum": 0, "maximum": 100},
    ("Count", "value"): {"type": "integer", "minimum": 0},
    ("Count", "upper"): {"type": "integer", "minimum": 0},
    ("RelativeDate", "amount"): {"type": "integer", "minimum": 0},
}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # reserve: classes refer to each other
            self.defs[name] = self.definition(cls)
        return {"$ref": f"#/$defs/{name}"}

    def definition(self, cls: type) -> dict[str, Any]:
        if issubclass(cls, enum.Enum):
            return {"title": cls.__name__, "enum": [member.value for member in cls]}
        if cls is Country:
            return {
                "title": "Country",
                "description": "An ISO 3166-1 alpha-2 code (XK for Kosovo).",
                **_BY_FIELD[("Country", "code")],
            }
        return self.object(cls)

    def object(self, cls: type, tag: str | None = None) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tag is not None:
            properties["type"] = {"const": tag}
            required.append("type")
        for field in fields_of(cls):
            if cls is FuzzyDate and field.name == "value":
                # the loader's pattern without Python's named groups, which ECMA 262 spells differently
                properties["date"] = {"type": "string", "pattern": re.sub(r"\?P<\w+>", "?:", DATE_PATTERN)}
                required.append("date")
                continue
            if cls is FuzzyDate and field.name == "precision":
                continue
            properties[field.name] = self.field(cls, field)
            if field.required:
                required.append(field.name)
        doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n    ", " ").replace("\n", " ")
        return {
            "title": cls.__name__,
            "description": doc,
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def field(self, owner: type, field: Field) -> dict[str, Any]:
        special = _BY_FIELD.get((owner.__name__, field.name)) or _BY_CONVERTER.get(field.converter)
        one = self.item(field, special)
        if field.many:
            one = {"type": "array", "items": one}
        return {"anyOf": [one, {"type": "null"}]} if field.optional else one

    def item(self, field: Field, special: dict[str, Any] | None) -> dict[str, Any]:
        """The schema of the field's value (of each item, for a tuple), not null."""
        if field.kind is Kind.UNION:
            union: TaggedUnion = field.item
            return {"oneOf": [self.object(cls, tag=tag) for tag, cls in union.tags.items()]}
        if special is not None:
            return dict(special)
        if field.kind is Kind.SCALAR:
            return {"type": {str: "string", bool: "boolean", int: "integer"}[field.item]}
        if field.kind in (Kind.ENUM, Kind.MODEL):
            return self.ref(field.item)
        raise TypeError(f"no JSON Schema for {field.type!r}")  # pragma: no cover - a new model type needs a rule here


def build_schema() -> dict[str, Any]:
    """The schema of an opsmodel document (a report), with every model class under ``$defs``."""
    builder = _Builder()
    builder.ref(Report)
    builder.ref(Operation)
    for union in UNIONS:  # members also stand alone (without "type") as to_dict writes them
        for cls in union.members:
            builder.ref(cls)
    report = builder.defs["Report"]
    envelope = {
        "format": {"const": FORMAT},
        "format_version": {"enum": list(SUPPORTED_VERSIONS)},
    }
    builder.defs["LinesHeader"] = {
        "title": "LinesHeader",
        "description": (
            "The first line of an opsmodel JSON Lines file; every other line is an Operation. "
            "`report` holds the report's own fields when the file is a whole report."
        ),
        "type": "object",
        "properties": {
            "format": {"const": LINES_FORMAT},
            "format_version": {"enum": list(SUPPORTED_VERSIONS)},
            "report": {"allOf": [{"$ref": "#/$defs/Report"}], "not": {"required": ["operations"]}},
        },
        "required": ["format", "format_version"],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"opsmodel document, format version {FORMAT_VERSION}",
        "description": "A report on covert influence operations, as written by opsmodel.json.dumps.",
        "type": "object",
        "properties": {**envelope, **report["properties"]},
        "required": ["format", "format_version", *report["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


def dumps_schema(value: dict[str, Any]) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


@functools.cache
def _shipped() -> str:
    name = f"opsmodel-{FORMAT_VERSION}.schema.json"
    return importlib.resources.files("opsmodel").joinpath("schemas", name).read_text(encoding="utf-8")


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the format, as shipped with the package (a fresh copy)."""
    result: dict[str, Any] = json.loads(_shipped())
    return result


if __name__ == "__main__":  # pragma: no cover
    sys.stdout.write(dumps_schema(build_schema()))
