"""Where a bundle's STIX properties say something else than the opsmodel extension data they travel with.

:func:`~opsmodel.stix.from_stix` reads an opsmodel bundle from its extension data, which holds
every fact exactly; the standard properties are written from the same facts for the tools that
do not know the extension. When someone edits a bundle (renames a campaign in OpenCTI, moves its
``first_seen``), the two disagree and the edit would be silently lost on reading. Raw-document
validation reports each such place: the objects the extension data would be written as are
compared, property by property, with the objects in the bundle. Only their standard properties
are written again (the extension payloads they would carry are not compared, see ``_IGNORED``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ..._core.collector import no_gc
from ..._core.errors import Problem, Severity, show_value
from ..._model.operations import Report
from .check import opsmodel_payload, problem
from .export import iter_standard
from .ids import OPENCTI_EXTENSION_ID, TIMESTAMP, parse_timestamp

# What does not say anything about the facts: when and by which options the bundle was written.
_IGNORED = frozenset({"type", "id", "spec_version", "created", "modified", "extensions", "object_marking_refs"})


def contradictions(bundle: Mapping[str, Any], report: Report) -> Iterator[Problem]:
    """A warning (code ``stix-mismatch``) for each STIX property that contradicts its object's extension data."""
    objects = bundle.get("objects")
    if not isinstance(objects, list):
        return
    carrying = {
        obj["id"]: (index, obj)
        for index, obj in enumerate(objects)
        if isinstance(obj, dict) and isinstance(obj.get("id"), str) and opsmodel_payload(obj) is not None
    }
    if not carrying:
        return
    flavour = written_flavour(objects)
    # writing a bundle again allocates as much as reading it, all acyclic: see no_gc. The few
    # problems are gathered inside the pause, so that the collector never waits on the caller.
    with no_gc():
        found = [
            problem
            for written in iter_standard(report, flavour=flavour)
            if written["id"] in carrying
            for problem in _differences(written, *carrying[written["id"]])
        ]
    yield from found


def written_flavour(objects: list[Any]) -> str:
    """The flavour a bundle was written in: OpenCTI's if an object declares one of OpenCTI's extensions."""
    # extensions that are not an object (an edited bundle) declare nothing, and must not stop the check
    opencti = any(isinstance(obj, dict) and OPENCTI_EXTENSION_ID in _extensions(obj) for obj in objects)
    return "opencti" if opencti else "stix"


def _extensions(obj: dict[str, Any]) -> dict[str, Any]:
    extensions = obj.get("extensions")
    return extensions if isinstance(extensions, dict) else {}


def _differences(written: dict[str, Any], index: int, obj: dict[str, Any]) -> Iterator[Problem]:
    for key in sorted((written.keys() & obj.keys()) - _IGNORED):
        said, meant = obj[key], written[key]
        if not _same(said, meant):
            message = f"{key} is {show_value(said)}, but the opsmodel extension data says {show_value(meant)}"
            found = problem("stix-mismatch", f"$.objects[{index}].{key}", obj["id"], message, said)
            yield attrs.evolve(found, severity=Severity.WARNING)


def _same(said: Any, meant: Any) -> bool:
    if said == meant:
        return True
    if isinstance(said, str) and isinstance(meant, str) and TIMESTAMP.match(said) and TIMESTAMP.match(meant):
        try:
            return parse_timestamp(said) == parse_timestamp(meant)
        except ValueError:
            return False
    if isinstance(said, list) and isinstance(meant, list):  # the same items in another order say the same
        return sorted(map(_key, said)) == sorted(map(_key, meant))
    return False


def _key(item: Any) -> str:
    return json.dumps(item, sort_keys=True, default=str)
