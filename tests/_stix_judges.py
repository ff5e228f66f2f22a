"""The real judges for STIX bundles: the OASIS validator and the stix2 library (test-only)."""

from __future__ import annotations

import json
from typing import Any

import stix2
import stix2validator
from stix2.properties import BooleanProperty, DictionaryProperty, ListProperty, ReferenceProperty, StringProperty

from opsmodel.stix import EXTENSION_ID, OPENCTI_EXTENSION_ID

TLP2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
_registered = False


def register() -> None:
    """Teach stix2 our extension, OpenCTI's three SDOs and the TLP 2.0 extension (so allow_custom=False works)."""
    global _registered
    if _registered:
        return

    @stix2.v21.CustomExtension(
        EXTENSION_ID,
        [
            ("operation", DictionaryProperty()),
            ("unnamed", BooleanProperty()),
            ("report", DictionaryProperty()),
            ("operation_refs", ListProperty(ReferenceProperty(valid_types="campaign", spec_version="2.1"))),
        ],
    )
    class _Opsmodel:
        extension_type = "property-extension"

    @stix2.v21.CustomExtension(TLP2_EXTENSION_ID, [("tlp_2_0", StringProperty(required=True))])
    class _Tlp2:
        extension_type = "property-extension"

    @stix2.v21.CustomObject(
        "channel",
        [
            ("name", StringProperty(required=True)),
            ("description", StringProperty()),
            ("channel_types", ListProperty(StringProperty())),
        ],
        OPENCTI_EXTENSION_ID,
    )
    class _Channel:
        pass

    # stix2 registers an extension once: the channel registered OpenCTI's; the others reuse it
    @stix2.v21.CustomObject(
        "narrative",
        [
            ("name", StringProperty(required=True)),
            ("description", StringProperty()),
            ("narrative_types", ListProperty(StringProperty())),
        ],
    )
    class _Narrative:
        pass

    @stix2.v21.CustomObject("language", [("name", StringProperty(required=True))])
    class _Language:
        pass

    _registered = True


def validator_findings(bundle: dict[str, Any]) -> tuple[list[str], list[tuple[str, str]]]:
    """(errors, warnings as (code, text)) from stix2-validator with default options and enforce_refs."""
    result = stix2validator.validate_string(json.dumps(bundle), stix2validator.ValidationOptions(enforce_refs=True))
    errors = [str(e) for e in result.errors]
    warnings = []
    for warning in result.warnings:
        text = str(warning)
        code = text.split("{", 1)[1].split("}", 1)[0] if "{" in text else "?"
        warnings.append((code, text))
    return errors, warnings


def assert_validator_clean(bundle: dict[str, Any]) -> None:
    """Zero errors and no warnings but 302 (a URL without a hash), in both flavours."""
    errors, warnings = validator_findings(bundle)
    assert errors == []
    unexpected = [text for code, text in warnings if code != "302"]
    assert unexpected == []


def stix2_parse(bundle: dict[str, Any]) -> Any:
    register()
    return stix2.parse(json.dumps(bundle), allow_custom=False)
