"""The JSON Schema of opsmodel's STIX extension, generated from the model (the shipped file is its output).

Regenerate with ``python -m opsmodel._formats.stix.schema > src/opsmodel/schemas/stix-extension-opsmodel-v1.json``;
a test checks the shipped file is current.
"""

from __future__ import annotations

import json
from typing import Any

from ..._model.operations import Operation, Report
from .codec import json_schema
from .ids import EXTENSION_ID, EXTENSION_SCHEMA_URL, EXTENSION_SCHEMA_VERSION


def build() -> dict[str, Any]:
    schema = json_schema(
        {"Operation": Operation, "Report": Report},
        title=f"opsmodel STIX 2.1 property extension, version {EXTENSION_SCHEMA_VERSION}",
        description=(
            f"The payload of the property extension {EXTENSION_ID}. On a campaign, 'operation' holds the "
            "opsmodel Operation except its name (the campaign's name; 'unnamed' is true when the operation has "
            "none) and summary (the campaign's description). On a report, 'report' holds the opsmodel Report "
            "except title (name), summary (description) and operations, whose campaigns 'operation_refs' lists "
            "in order. Fields equal to their default are left out; values of a union type carry a 'type' tag."
        ),
        schema_id=EXTENSION_SCHEMA_URL,
    )
    operation = {"$ref": "#/$defs/Operation"}
    report = {"$ref": "#/$defs/Report"}
    schema["$comment"] = (
        f"Payload version {EXTENSION_SCHEMA_VERSION}; payloads of earlier 1.x versions are valid payloads of this one."
    )
    schema["type"] = "object"
    schema["required"] = ["extension_type"]
    schema["properties"] = {
        "extension_type": {"const": "property-extension"},
        "operation": {"allOf": [operation, {"not": {"anyOf": [{"required": ["name"]}, {"required": ["summary"]}]}}]},
        "unnamed": {"const": True},
        "report": {"allOf": [report, {"not": {"anyOf": [{"required": [k]} for k in ("title", "summary", "operations")]}}]},
        "operation_refs": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "string", "pattern": "^campaign--[0-9a-f-]{36}$"},
        },
    }
    schema["additionalProperties"] = False
    # inside the payload the Report's own required title is carried by the STIX report's name
    schema["$defs"]["Report"] = dict(schema["$defs"]["Report"], required=["id", "publisher"])
    return schema


def main() -> None:  # pragma: no cover - a maintainer's tool
    print(json.dumps(build(), indent=2, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
