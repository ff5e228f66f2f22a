"""The STIX bundle check as it was before its shapes (issue 14): the oracle of ``test_validation_fast_paths``.

A copy of ``opsmodel/_formats/stix/check.py`` as it tried every property name it knows on every
object; the check now asks each object's shape instead, and must find exactly the same problems.
Only ``check_bundle`` is used.
"""

from __future__ import annotations

import re
from typing import Any

from opsmodel._core.errors import BundleError, LimitError, Problem, show_value
from opsmodel._core.limits import check_value
from opsmodel._formats.stix.ids import BUNDLE_CODES, EXTENSION_ID, IDENTIFIER, TIMESTAMP, TLP_MARKINGS, parse_timestamp

_STIX_TYPES = frozenset(
    """attack-pattern campaign course-of-action grouping identity incident indicator infrastructure intrusion-set location
    malware malware-analysis note observed-data opinion report threat-actor tool vulnerability relationship sighting
    marking-definition language-content extension-definition artifact autonomous-system directory domain-name email-addr
    email-message file ipv4-addr ipv6-addr mac-addr mutex network-traffic process software url user-account
    windows-registry-key x509-certificate""".split()  # noqa: SIM905
)
_SCO_TYPES = frozenset(
    """artifact autonomous-system directory domain-name email-addr email-message file ipv4-addr ipv6-addr mac-addr mutex
    network-traffic process software url user-account windows-registry-key x509-certificate""".split()  # noqa: SIM905
)
_TIMESTAMPS = (
    "created",
    "modified",
    "published",
    "first_seen",
    "last_seen",
    "valid_from",
    "valid_until",
    "start_time",
    "stop_time",
)
_WELL_KNOWN = frozenset(
    [
        *TLP_MARKINGS.values(),
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed",
    ]
)
_UUID_TAIL = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def problem(code: str, path: Any, object_id: str | None, message: str, value: Any = None) -> Problem:
    """A problem in a bundle; ``path`` may be an object's lazily formatted path."""
    assert code in BUNDLE_CODES, code
    return Problem(code=code, path=str(path), object_id=object_id, message=message, value=value)


def check_bundle(bundle: Any, *, within_limits: bool = False) -> dict[str, dict[str, Any]]:
    """Every object by id, after checking the bundle's shape, ids, types, timestamps and references.

    Raises :class:`BundleError` with every problem found; nothing is returned half-checked.
    ``within_limits``: the bundle was read by ``loads_json``, which held it to the limits already.
    """
    if not within_limits:
        try:
            check_value(bundle)  # a bundle given in Python did not pass through loads_json
        except LimitError as exc:
            raise BundleError(exc.problems) from None
    problems: list[Problem] = []
    objects = _check_envelope(bundle, problems)
    by_id, paths = _check_objects(objects, problems)
    for object_id, obj in by_id.items():
        _check_references(obj, _Path(paths[object_id]), object_id, by_id, problems)
    if problems:
        raise BundleError(problems)
    return by_id


def _check_envelope(bundle: Any, problems: list[Problem]) -> list[Any]:
    """The bundle's objects, after checking the bundle's own type and id (raises if there are no objects)."""
    if not isinstance(bundle, dict):
        message = f"expected a STIX bundle (a JSON object), got {type(bundle).__name__}"
        raise BundleError([problem("not-bundle", "$", None, message)])
    bundle_id = bundle.get("id")
    kind = bundle.get("type")
    if kind != "bundle":
        owner = bundle_id if isinstance(bundle_id, str) else None
        problems.append(problem("not-bundle", "$.type", owner, f"expected 'bundle', got {show_value(kind)}", kind))
    if not isinstance(bundle_id, str) or not IDENTIFIER.match(bundle_id) or not bundle_id.startswith("bundle--"):
        problems.append(
            problem("bad-id", "$.id", None, f"expected a bundle id 'bundle--<uuid>', got {show_value(bundle_id)}", bundle_id)
        )
    objects = bundle.get("objects", [])
    if not isinstance(objects, list):
        problems.append(problem("bad-objects", "$.objects", None, f"expected a list of objects, got {type(objects).__name__}"))
        raise BundleError(problems)
    return objects


def _check_objects(objects: list[Any], problems: list[Problem]) -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    """The objects by id (the latest ``modified`` of each) and their indexes, checking each object alone."""
    by_id: dict[str, dict[str, Any]] = {}
    paths: dict[str, int] = {}  # object id -> index in the bundle (its path is formatted only for a problem)
    good_stamps: set[Any] = set()
    for index, obj in enumerate(objects):
        path = _Path(index)
        object_id = _check_object(obj, path, good_stamps, problems)
        if object_id is None:
            continue
        previous = by_id.get(object_id)
        if previous is not None and previous.get("modified") == obj.get("modified"):
            message = f"duplicate object: same id and modified time as $.objects[{paths[object_id]}]"
            problems.append(problem("duplicate", path, object_id, message))
            continue
        if previous is None or str(obj.get("modified", "")) > str(previous.get("modified", "")):
            by_id[object_id] = obj
            paths[object_id] = index
    return by_id, paths


def _check_object(obj: Any, path: _Path, good_stamps: set[Any], problems: list[Problem]) -> str | None:
    """The object's id if it has a type and an id of that type; its other problems are noted on the way."""
    if not isinstance(obj, dict):
        problems.append(problem("not-object", path, None, f"expected a STIX object, got {type(obj).__name__}"))
        return None
    object_id = obj.get("id")
    kind = obj.get("type")
    if not isinstance(kind, str):
        problems.append(
            problem("missing-type", f"{path}.type", object_id if isinstance(object_id, str) else None, "missing type")
        )
        return None
    if not isinstance(object_id, str) or not _is_id_of(object_id, kind):
        problems.append(
            problem("bad-id", f"{path}.id", None, f"expected an id '{kind}--<uuid>', got {show_value(object_id)}", object_id)
        )
        return None
    if not _known_type(kind, obj):
        message = f"unknown object type {show_value(kind)} (not STIX 2.1, not 'x-' prefixed, no new-sdo extension)"
        problems.append(problem("unknown-type", f"{path}.type", object_id, message, kind))
    if kind not in _SCO_TYPES and obj.get("spec_version", "2.1") != "2.1":
        version = obj.get("spec_version")
        problems.append(
            problem("spec-version", f"{path}.spec_version", object_id, f"expected '2.1', got {show_value(version)}", version)
        )
    for key in _TIMESTAMPS:
        if key in obj:
            value = obj[key]
            if type(value) is not str or value not in good_stamps:
                _check_timestamp(value, f"{path}.{key}", object_id, good_stamps, problems)
    _check_required(obj, kind, path, object_id, problems)
    _check_order(obj, path, object_id, good_stamps, problems)
    return object_id


# What stix2-validator's MUST rules require of the objects opsmodel reads (STIX 2.1, part 4-5):
# the properties each type requires beyond type and id, the pairs of timestamps that must be in
# order, and the type of object each common reference must point at.
_REQUIRED: dict[str, tuple[str, ...]] = {
    "campaign": ("spec_version", "created", "modified", "name"),
    "intrusion-set": ("spec_version", "created", "modified", "name"),
    "threat-actor": ("spec_version", "created", "modified", "name"),
    "attack-pattern": ("spec_version", "created", "modified", "name"),
    "identity": ("spec_version", "created", "modified", "name"),
    "report": ("spec_version", "created", "modified", "name", "published", "object_refs"),
    "location": ("spec_version", "created", "modified"),
    "relationship": ("spec_version", "created", "modified", "relationship_type", "source_ref", "target_ref"),
    "marking-definition": ("spec_version", "created"),
}
_ORDERED = (("created", "modified"), ("first_seen", "last_seen"), ("start_time", "stop_time"), ("valid_from", "valid_until"))
_REFERENCE_TYPES = {"created_by_ref": "identity", "object_marking_refs": "marking-definition"}


def _check_required(obj: dict[str, Any], kind: str, path: _Path, object_id: str, problems: list[Problem]) -> None:
    for key in _REQUIRED.get(kind, ()):
        if obj.get(key) is None:
            problems.append(problem("missing-property", f"{path}.{key}", object_id, f"{_a(kind)} requires the property {key!r}"))


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _check_order(obj: dict[str, Any], path: _Path, object_id: str, good_stamps: set[Any], problems: list[Problem]) -> None:
    for early, late in _ORDERED:
        first, then = obj.get(early), obj.get(late)
        if (
            type(first) is not str
            or type(then) is not str
            or first == then
            or first not in good_stamps
            or then not in good_stamps
        ):
            continue  # absent, equal, or already reported as a bad timestamp
        if parse_timestamp(then) < parse_timestamp(first):
            message = f"{late} {then} is before {early} {first}; STIX requires {late} >= {early}"
            problems.append(problem("time-order", f"{path}.{late}", object_id, message, then))


def _check_timestamp(value: Any, path: str, object_id: str, good_stamps: set[Any], problems: list[Problem]) -> None:
    if isinstance(value, str) and TIMESTAMP.match(value):
        try:
            parse_timestamp(value)
        except ValueError:
            pass
        else:
            good_stamps.add(value)  # the same few timestamps recur in every object: check each once
            return
    message = f"expected a STIX timestamp ('2024-05-30T00:00:00.000Z'), got {show_value(value)}"
    problems.append(problem("bad-timestamp", path, object_id, message, value))


def _check_references(obj: dict[str, Any], path: _Path, object_id: str, by_id: dict[str, Any], problems: list[Problem]) -> None:
    keys = obj.keys()
    if not _CLASSIFIED.issuperset(keys):
        _classify(keys)
    for key in sorted(keys & _SINGLE_REFERENCES):  # sorted: problems in a stable order
        value = obj[key]
        if type(value) is not str or value not in by_id:
            _check_ref(value, f"{path}.{key}", object_id, by_id, problems)
    for key in sorted(keys & _LIST_REFERENCES):
        value = obj[key]
        if not isinstance(value, list):
            problems.append(
                problem("bad-ref", f"{path}.{key}", object_id, f"expected a list of ids, got {show_value(value)}", value)
            )
            continue
        for i, ref in enumerate(value):
            if type(ref) is not str or ref not in by_id:
                _check_ref(ref, f"{path}.{key}[{i}]", object_id, by_id, problems)
    _check_typed_refs(obj, path, object_id, problems)
    payload = opsmodel_payload(obj)
    if payload is not None and "operation_refs" in payload:
        where, refs = f"{path}.extensions.{EXTENSION_ID}.operation_refs", payload["operation_refs"]
        if not isinstance(refs, list):
            problems.append(problem("bad-ref", where, object_id, f"expected a list of ids, got {show_value(refs)}", refs))
            return
        for i, ref in enumerate(refs):
            _check_ref(ref, f"{where}[{i}]", object_id, by_id, problems)


# Property names seen so far, and those that hold references (``*_ref``, ``*_refs``). The same
# few names recur in every object, so set operations at C speed find the references of each.
_CLASSIFIED: set[Any] = set()
_SINGLE_REFERENCES: set[str] = set()
_LIST_REFERENCES: set[str] = set()


def _classify(keys: Any) -> None:
    for key in keys:
        if type(key) is str:
            if key.endswith("_ref"):
                _SINGLE_REFERENCES.add(key)
            elif key.endswith("_refs"):
                _LIST_REFERENCES.add(key)
        if len(_CLASSIFIED) < 8192:  # foreign bundles may bring any names: stay bounded
            _CLASSIFIED.add(key)


class _Path:
    """``$.objects[i]``, formatted only when a problem needs it."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index

    def __str__(self) -> str:
        return f"$.objects[{self.index}]"

    def __format__(self, spec: str) -> str:
        return str(self)


def _is_id_of(object_id: str, kind: str) -> bool:
    prefix, separator, tail = object_id.partition("--")
    return prefix == kind and bool(separator) and len(tail) == 36 and _UUID_TAIL.fullmatch(tail) is not None


def _known_type(kind: str, obj: dict[str, Any]) -> bool:
    if kind in _STIX_TYPES or kind.startswith("x-"):
        return True
    extensions = obj.get("extensions")
    if isinstance(extensions, dict):
        return any(
            isinstance(e, dict) and e.get("extension_type") in ("new-sdo", "new-sro", "new-sco") for e in extensions.values()
        )
    return False


def _check_ref(ref: Any, path: str, object_id: str, by_id: dict[str, Any], problems: list[Problem]) -> None:
    if not isinstance(ref, str) or not IDENTIFIER.match(ref):
        problems.append(problem("bad-ref", path, object_id, f"expected a STIX id, got {show_value(ref)}", ref))
    elif ref not in by_id and ref not in _WELL_KNOWN:
        problems.append(problem("dangling-ref", path, object_id, f"dangling reference: {ref} is not in the bundle", ref))


def _check_typed_refs(obj: dict[str, Any], path: _Path, object_id: str, problems: list[Problem]) -> None:
    """References that must point at one type of object (a created_by_ref at an identity...)."""
    for key, expected in _REFERENCE_TYPES.items():
        value = obj.get(key)
        refs = value if isinstance(value, list) else [value] if value is not None else []
        for index, ref in enumerate(refs):
            if isinstance(ref, str) and IDENTIFIER.match(ref) and ref.partition("--")[0] != expected:
                where = f"{path}.{key}[{index}]" if isinstance(value, list) else f"{path}.{key}"
                message = f"{key} must refer to {_a(expected)}, not to {show_value(ref)}"
                problems.append(problem("ref-type", where, object_id, message, ref))


def opsmodel_payload(obj: dict[str, Any]) -> dict[str, Any] | None:
    """The payload of opsmodel's extension on an object, if it has one."""
    extensions = obj.get("extensions")
    if isinstance(extensions, dict):
        payload = extensions.get(EXTENSION_ID)
        if isinstance(payload, dict):
            return payload
    return None
