"""Checking a STIX bundle before reading it: shape, ids, types, timestamps and references.

Every problem found is collected (with its code from :data:`~.ids.BUNDLE_CODES`, JSON path and
object id) and raised together, so that one run shows all that is wrong with a bundle.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from attrs import frozen

from ..._core.errors import BundleError, LimitError, Problem, show_value
from ..._core.limits import check_value
from .ids import BUNDLE_CODES, EXTENSION_ID, IDENTIFIER, TIMESTAMP, TLP_MARKINGS, parse_timestamp

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
    return check_bundle_paths(bundle, within_limits=within_limits)[0]


def check_bundle_paths(bundle: Any, *, within_limits: bool = False) -> tuple[dict[str, dict[str, Any]], ObjectPaths]:
    """:func:`check_bundle`, and the JSON path of every object by id (what ``own.object_paths`` gives, found on the way)."""
    if not within_limits:
        try:
            check_value(bundle)  # a bundle given in Python did not pass through loads_json
        except LimitError as exc:
            raise BundleError(exc.problems) from None
    problems: list[Problem] = []
    objects = _check_envelope(bundle, problems)
    by_id, where, later = _check_objects(objects, problems)
    for object_id, obj in by_id.items():
        index, shape = where[object_id]
        _check_references(obj, shape, _Path(index), object_id, by_id, problems)
    if problems:
        raise BundleError(problems)
    return by_id, ObjectPaths(where, later)


class ObjectPaths(Mapping[str, str]):
    """The JSON path of each object of a checked bundle by id, formatted only when asked.

    As ``own.object_paths`` gives them: an id the bundle holds several versions of (with different
    ``modified`` times) has the path of its last occurrence.
    """

    __slots__ = ("_later", "_where")

    def __init__(self, where: dict[str, _Where], later: dict[str, int]) -> None:
        self._where = where
        self._later = later

    def __getitem__(self, object_id: str) -> str:
        index = self._later.get(object_id)
        return f"$.objects[{self._where[object_id][0] if index is None else index}]"

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


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


def _check_objects(
    objects: list[Any], problems: list[Problem]
) -> tuple[dict[str, dict[str, Any]], dict[str, _Where], dict[str, int]]:
    """The objects by id (the latest ``modified`` of each), where each is (index, shape), checking each object alone,
    and the last index of each id that occurs more than once."""
    by_id: dict[str, dict[str, Any]] = {}
    where: dict[str, _Where] = {}  # object id -> (index in the bundle, shape); its path is formatted only for a problem
    later: dict[str, int] = {}
    good_stamps: set[Any] = set()
    for index, obj in enumerate(objects):
        path = _Path(index)
        checked = _check_object(obj, path, good_stamps, problems)
        if checked is None:
            continue
        object_id, shape = checked
        previous = by_id.get(object_id)
        if previous is not None and previous.get("modified") == obj.get("modified"):
            message = f"duplicate object: same id and modified time as $.objects[{where[object_id][0]}]"
            problems.append(problem("duplicate", path, object_id, message))
            continue
        if previous is not None:
            later[object_id] = index
        if previous is None or str(obj.get("modified", "")) > str(previous.get("modified", "")):
            by_id[object_id] = obj
            where[object_id] = (index, shape)
    return by_id, where, later


def _check_object(obj: Any, path: _Path, good_stamps: set[Any], problems: list[Problem]) -> tuple[str, _Shape] | None:
    """The object's id and shape if it has a type and an id of that type; its other problems are noted on the way."""
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
    shape = _shape(obj)
    for key in shape.stamps:
        value = obj[key]
        if type(value) is not str or value not in good_stamps:
            _check_timestamp(value, f"{path}.{key}", object_id, good_stamps, problems)
    _check_required(obj, kind, path, object_id, problems)
    _check_order(obj, shape, path, object_id, good_stamps, problems)
    return object_id, shape


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


def _check_order(
    obj: dict[str, Any], shape: _Shape, path: _Path, object_id: str, good_stamps: set[Any], problems: list[Problem]
) -> None:
    for early, late in shape.ordered:
        first, then = obj[early], obj[late]
        if (
            type(first) is not str
            or type(then) is not str
            or first == then
            or first not in good_stamps
            or then not in good_stamps
        ):
            continue  # equal, or already reported as a bad timestamp
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


def _check_references(
    obj: dict[str, Any], shape: _Shape, path: _Path, object_id: str, by_id: dict[str, Any], problems: list[Problem]
) -> None:
    for key in shape.single_refs:
        value = obj[key]
        if type(value) is not str or value not in by_id:
            _check_ref(value, f"{path}.{key}", object_id, by_id, problems)
    for key in shape.list_refs:
        value = obj[key]
        if not isinstance(value, list):
            problems.append(
                problem("bad-ref", f"{path}.{key}", object_id, f"expected a list of ids, got {show_value(value)}", value)
            )
            continue
        for i, ref in enumerate(value):
            if type(ref) is not str or ref not in by_id:
                _check_ref(ref, f"{path}.{key}[{i}]", object_id, by_id, problems)
    for key, prefix in shape.typed_refs:
        value = obj[key]
        if not _all_prefixed(value, prefix):
            _check_typed_ref(key, value, path, object_id, problems)
    payload = opsmodel_payload(obj) if shape.extended else None
    if payload is not None and "operation_refs" in payload:
        where, refs = f"{path}.extensions.{EXTENSION_ID}.operation_refs", payload["operation_refs"]
        if not isinstance(refs, list):
            problems.append(problem("bad-ref", where, object_id, f"expected a list of ids, got {show_value(refs)}", refs))
            return
        for i, ref in enumerate(refs):
            _check_ref(ref, f"{where}[{i}]", object_id, by_id, problems)


@frozen(kw_only=True)
class _Shape:
    """What the checks look at in objects with one type and one list of property names, worked out once.

    Objects written by one tool come in a few shapes (every relationship opsmodel writes has the
    same properties in the same order), so the checks ask the shape which properties to look at
    instead of trying every name they know on every object.
    """

    #: The timestamp properties present, in the order of :data:`_TIMESTAMPS`.
    stamps: tuple[str, ...]
    #: The pairs of :data:`_ORDERED` with both properties present.
    ordered: tuple[tuple[str, str], ...]
    #: The properties holding one reference (``*_ref``), sorted: problems in a stable order.
    single_refs: tuple[str, ...]
    #: The properties holding a list of references (``*_refs``), sorted.
    list_refs: tuple[str, ...]
    #: The properties whose references must point at one type, with the id prefix of that type.
    typed_refs: tuple[tuple[str, str], ...]
    #: Whether the object has ``extensions`` (where opsmodel's payload may be).
    extended: bool


_Where = tuple[int, _Shape]
# (type, property names) -> shape; bounded, since foreign bundles may bring any names
_SHAPES: dict[tuple[str, tuple[Any, ...]], _Shape] = {}


def _shape(obj: dict[str, Any]) -> _Shape:
    names = tuple(obj)
    known = _SHAPES.get((obj["type"], names))
    if known is not None:
        return known
    present = set(names)
    shape = _Shape(
        stamps=tuple(key for key in _TIMESTAMPS if key in present),
        ordered=tuple(pair for pair in _ORDERED if pair[0] in present and pair[1] in present),
        single_refs=tuple(sorted(key for key in present if type(key) is str and key.endswith("_ref"))),
        list_refs=tuple(sorted(key for key in present if type(key) is str and key.endswith("_refs"))),
        typed_refs=tuple((key, f"{expected}--") for key, expected in _REFERENCE_TYPES.items() if key in present),
        extended="extensions" in present,
    )
    if len(_SHAPES) < 4096:
        _SHAPES[(obj["type"], names)] = shape
    return shape


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


def _all_prefixed(value: Any, prefix: str) -> bool:
    """Whether a reference (or every one of a list) is a string starting with ``prefix``: nothing to report then."""
    if type(value) is str:
        return value.startswith(prefix)
    return type(value) is list and all(type(ref) is str and ref.startswith(prefix) for ref in value)


def _check_typed_ref(key: str, value: Any, path: _Path, object_id: str, problems: list[Problem]) -> None:
    """A reference that must point at one type of object (a created_by_ref at an identity...)."""
    expected = _REFERENCE_TYPES[key]
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
