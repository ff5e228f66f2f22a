"""How validation asks a technique catalogue about an operation's technique uses.

With an :class:`opsmodel.taxonomy.Catalogue`, the checking is :func:`opsmodel.taxonomy.check`'s
and its findings are mapped to OPS6xx codes. Any other object is duck-typed, so that users can
plug in a catalogue of their own: it needs a ``framework`` (``"disarm"``), a ``get(id)``
returning the technique or tactic entry (an object with a ``name``, or the name itself) or None;
optionally ``removed`` (the ids earlier versions had and this one dropped), ``tactics_of(id)``
(the tactic ids, or entries with an ``id``, a technique belongs to) and ``version``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .._core.errors import Problem
from .._model.operations import Operation
from .._model.techniques import TechniqueUse
from .._taxonomy.catalogue import Catalogue
from .._taxonomy.crosswalk import check

# the code of each problem opsmodel.taxonomy.check finds -> the validation rule that reports it
RULE_OF_CHECK = {
    "unknown-technique": "OPS601",
    "parent-absent": "OPS601",
    "removed-technique": "OPS602",
    "name-mismatch": "OPS603",
    "unknown-tactic": "OPS604",
    "tactic-mismatch": "OPS605",
}


def problems(catalogue: Any, operation: Operation) -> Iterator[Problem]:
    """Every technique problem, with its OPS6xx code and its path relative to the operation."""
    if isinstance(catalogue, Catalogue):
        for finding in check(operation, catalogue):
            code = RULE_OF_CHECK.get(finding.code)
            if code is not None:
                path = finding.path.removeprefix("$").lstrip(".")
                yield Problem(code=code, path=path, message=finding.message, value=finding.value)
        return
    for i, use in enumerate(operation.techniques):
        for code, path, message, value in _duck_typed(catalogue, use):
            yield Problem(code=code, path=f"techniques[{i}].{path}", message=message, value=value)


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.casefold()).strip()


def _label(catalogue: Any) -> str:
    framework = getattr(catalogue, "framework", None) or "the catalogue"
    version = getattr(catalogue, "version", None)
    return f"{framework} {version}" if version else str(framework)


def _tactic_alone(catalogue: Any, use: TechniqueUse, framework: str | None) -> Iterator[tuple[str, str, str, Any]]:
    tactic = use.tactic
    if tactic is None or (framework is not None and framework != tactic.framework):
        return
    if catalogue.get(tactic.id) is None:
        yield "OPS604", "tactic.id", f"{tactic.id} is not a tactic of {_label(catalogue)}", tactic.id


def _duck_typed(catalogue: Any, use: TechniqueUse) -> Iterator[tuple[str, str, str, Any]]:
    ref = use.technique
    framework = getattr(catalogue, "framework", None)
    if ref is None:  # a tactic mapped alone (model 1.1): only its tactic to check
        yield from _tactic_alone(catalogue, use, framework)
        return
    if framework is not None and framework != ref.framework:
        return
    label = _label(catalogue)
    entry = catalogue.get(ref.id)
    if entry is None:
        if ref.id in getattr(catalogue, "removed", ()):
            yield "OPS602", "technique.id", f"{ref.id} was removed before {label}", ref.id
        else:
            yield "OPS601", "technique.id", f"{ref.id} is not a technique of {label}", ref.id
    else:
        name = entry if isinstance(entry, str) else getattr(entry, "name", None)
        if ref.name is not None and isinstance(name, str) and _norm(ref.name) != _norm(name):
            yield "OPS603", "technique.name", f"{ref.id} is named {name!r} in {label}, not {ref.name!r}", ref.name
    tactic = use.tactic
    if tactic is None or tactic.framework != ref.framework:
        return
    if catalogue.get(tactic.id) is None:
        yield "OPS604", "tactic.id", f"{tactic.id} is not a tactic of {label}", tactic.id
    elif entry is not None and callable(getattr(catalogue, "tactics_of", None)):
        owners = [getattr(t, "id", t) for t in catalogue.tactics_of(ref.id)]
        if tactic.id not in owners:
            where = ", ".join(map(str, owners)) or "no tactic"
            yield "OPS605", "tactic.id", f"{ref.id} belongs to {where} in {label}, not {tactic.id}", tactic.id
