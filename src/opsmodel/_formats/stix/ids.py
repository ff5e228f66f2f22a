"""Constants and small helpers shared by the STIX writer and reader."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import uuid

from ..._core.errors import LIMIT_CODES

#: Namespace of every opsmodel STIX id: ``uuid5(NAMESPACE_URL, "https://opsmodel.readthedocs.io/stix")``.
NAMESPACE = uuid.UUID("d11d14bf-f078-5e02-a1bc-a585e93f420e")
_NAMESPACE_BYTES = NAMESPACE.bytes
#: OpenCTI's namespace for deterministic ids (also STIX 2.1's SCO namespace).
OPENCTI_NAMESPACE = uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7")

#: The extension-definition's ``version``: the timestamp of its ``modified``, not a semantic version.
#: STIX 2.1 only encourages semantic versions there, and TAXII servers that key an object's version on
#: a ``version`` property before ``modified`` (medallion does) parse it as a timestamp: "1.0.0" made
#: every unfiltered read of a collection holding our bundle fail (docs/how-to/taxii.md).
EXTENSION_VERSION = "2024-01-01T00:00:00.000Z"
#: The version of the extension's payload, the model it carries: it follows the JSON format's
#: version (1.1 added optional fields and vocabulary members only, so a 1.0 payload reads as a
#: 1.1 one). It is not the extension-definition's ``version`` property (EXTENSION_VERSION); the
#: shipped schema's title and ``$comment`` give it.
EXTENSION_SCHEMA_VERSION = "1.1"
EXTENSION_ID = "extension-definition--a3e5e956-7fd2-4f69-a9f4-2e152677a330"
EXTENSION_SCHEMA_FILE = "stix-extension-opsmodel-v1.json"
EXTENSION_SCHEMA_URL = f"https://opsmodel.readthedocs.io/en/stable/_static/{EXTENSION_SCHEMA_FILE}"
OPSMODEL_IDENTITY_ID = "identity--ef5e8b32-6d6f-4c6c-b497-dae87e506480"
OPENCTI_EXTENSION_ID = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba"
#: The top-level property extension under which the OpenCTI flavour writes OpenCTI's own properties
#: (``x_opencti_location_type``): STIX 2.1 wants a custom property declared by an extension, and
#: OpenCTI reads the property only at the top level of the object.
OPENCTI_PROPERTIES_EXTENSION_ID = "extension-definition--3e167fc0-7ff1-43a7-a463-9b3e0613ade6"
TLP2_EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"

#: The OASIS TLP 2.0 marking-definition ids (cti-stix-common-objects).
TLP_MARKINGS: dict[str, str] = {
    "clear": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "green": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "amber": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "red": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
TLP_CREATED = "2022-10-01T00:00:00.000Z"

#: The timestamp used for ``created``/``modified`` when the report has no publication date.
DEFAULT_EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$")
IDENTIFIER = re.compile(
    r"^([a-z0-9][a-z0-9-]*[a-z0-9])--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)


#: Every code a problem in a STIX bundle can have (``Problem.code``), and what it means.
BUNDLE_CODES: dict[str, str] = {
    **LIMIT_CODES,
    "not-json": "the text is not JSON",
    "not-bundle": "the data is not a STIX bundle: not a JSON object, or its type is not 'bundle'",
    "bad-objects": "the bundle's objects are not a list",
    "not-object": "an item of the bundle's objects is not a JSON object",
    "missing-type": "an object has no type",
    "bad-id": "an id (the bundle's or an object's) is not '<type>--<uuid>' for its type",
    "unknown-type": "an object type that is not STIX 2.1, not 'x-' prefixed and not defined by a new-sdo extension",
    "spec-version": "an object's spec_version is not '2.1'",
    "bad-timestamp": "a timestamp is not a STIX timestamp ('2024-05-30T00:00:00.000Z') of a real moment",
    "duplicate": "two objects with the same id and the same modified time",
    "bad-ref": "a reference (a *_ref or *_refs property) is not a STIX id, or a *_refs property is not a list",
    "dangling-ref": "a reference to an object that is neither in the bundle nor a well-known marking",
    "ref-type": "a reference to an object of the wrong type (created_by_ref to a non-identity, object_marking_refs...)",
    "missing-property": "an object lacks a property STIX 2.1 requires of its type (a campaign's name, a report's published)",
    "time-order": "two timestamps out of order (last_seen before first_seen, modified before created...)",
    "stix-mismatch": "a STIX property of an object that contradicts the opsmodel extension data it carries",
    "extension": "opsmodel's extension payload on a campaign or report is missing or does not decode",
    "bad-value": "a foreign object's value that the opsmodel model refuses (an attribution confidence above 100...)",
    "unmappable": "from_stix met something it cannot map exactly (import_stix accepts the loss)",
    "bad-flavour": "an unknown flavour was asked of the writer",
    "bad-tlp": "an unknown TLP 2.0 level was asked of the writer",
}


def stix_id(kind: str, key: str) -> str:
    """An opsmodel STIX id: ``kind--`` and the UUIDv5 of ``"kind|key"`` under :data:`NAMESPACE`, stamped version 4.

    STIX 2.1 says ids of domain and relationship objects SHOULD be UUIDv4 (the OASIS validator
    warns, code 103, on anything else), so the name-based UUIDv5 bits are kept and only the
    version nibble says 4: the id is as deterministic as a UUIDv5 and as well-formed as a UUIDv4.
    ``uuid.UUID(bytes=uuid.uuid5(NAMESPACE, f"{kind}|{key}").bytes, version=4)`` gives the same value.
    """
    # every object of a bundle needs one: the hash starts from a copy of the namespace's, and
    # the version and variant bits are set on the hex digits (a third faster than on bytes)
    digest = _NAMESPACE_HASH.copy()
    digest.update(f"{kind}|{key}".encode())
    x = digest.hexdigest()
    return f"{kind}--{x[:8]}-{x[8:12]}-4{x[13:16]}-{_VARIANT[x[16]]}{x[17:20]}-{x[20:32]}"


_NAMESPACE_HASH = hashlib.sha1(_NAMESPACE_BYTES, usedforsecurity=False)
# The variant's hex digit: its two high bits are 10 (RFC 9562), its two low bits the hash's.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def opencti_uuid(name: str) -> uuid.UUID:
    """The UUIDv5 OpenCTI derives for a named object (narrative, channel, language) from its name."""
    canonical = json.dumps({"name": name.lower().strip()}, ensure_ascii=False, separators=(",", ":"))
    return uuid.uuid5(OPENCTI_NAMESPACE, canonical)


def opencti_id(kind: str, name: str) -> str:
    """The id we write for an OpenCTI named object: OpenCTI's own name-derived UUID, stamped version 4.

    The validator warns (103) on any id that is not a UUIDv4, so, as for our own ids, only the
    version nibble changes: the id stays derived from the name exactly as OpenCTI derives it,
    and OpenCTI, which recomputes its standard id from the name on import, merges the object
    with the one it holds and keeps ours among its STIX ids.
    """
    return f"{kind}--{uuid.UUID(bytes=opencti_uuid(name).bytes, version=4)}"


def timestamp(moment: dt.datetime) -> str:
    """A STIX timestamp in UTC with exactly millisecond precision."""
    moment = moment.astimezone(dt.timezone.utc)
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"


def day_start(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00.000Z"


def day_end(day: dt.date) -> str:
    return f"{day.isoformat()}T23:59:59.999Z"


def parse_timestamp(text: str) -> dt.datetime:
    """Read a STIX timestamp (caller has checked the shape)."""
    body = text[:-1]
    if "." in body:
        head, fraction = body.split(".")
        body = f"{head}.{(fraction + '000000')[:6]}"
    return dt.datetime.fromisoformat(body).replace(tzinfo=dt.timezone.utc)
