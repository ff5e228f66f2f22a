"""Navigator layers (layer format 4.5): operations drawn on the DISARM or ATT&CK matrix, and back.

A layer scores each technique by how many operations use it, colours it on a gradient, and
comments it with the operations (names, ids and procedures) so the picture links back to data.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import field, frozen

from .._core.errors import FieldError
from .._core.fields import model, slugify, to_optional_text
from .._model.operations import Operation, Report
from .._model.techniques import TechniqueRef, TechniqueUse
from .._version import __version__
from .catalogue import Catalogue, CatalogueError, TechniqueEntry
from .loaders import DISARM_TACTICS

__all__ = ["LAYER_FORMAT", "LayerError", "LayerTechnique", "from_layer", "layer_refs", "to_layer"]

LAYER_FORMAT = "4.5"
# The DISARM Navigator is a fork of ATT&CK Navigator 4.8.2 with the domain "DISARM", version "1".
_NAVIGATORS = {
    "disarm": {"domain": "DISARM", "navigator": "4.8.2"},
    "attack": {"domain": "enterprise-attack", "navigator": "5.1.0"},
}
# light to dark red; two colours so that navlayers can build the curve for any maxValue >= 1
GRADIENT = ("#fee0d2ff", "#de2d26ff")
_LAYER_FRAMEWORKS = ("disarm", "attack")


class LayerError(CatalogueError):
    """A Navigator layer could not be read (or written): names the place and the problem."""


def _operations(source: Report | Operation | Iterable[Operation]) -> tuple[Operation, ...]:
    if isinstance(source, Report):
        return source.operations
    if isinstance(source, Operation):
        return (source,)
    operations = tuple(source)
    for index, item in enumerate(operations):
        if not isinstance(item, Operation):
            raise LayerError(f"item {index} is a {type(item).__name__}, expected an Operation")
    return operations


def _default_name(source: Report | Operation | Iterable[Operation], count: int) -> str:
    if isinstance(source, Report):
        return source.title
    if isinstance(source, Operation):
        return source.display_name
    return f"{count} operations"


def to_layer(
    source: Report | Operation | Iterable[Operation],
    *,
    navigator: str = "disarm",
    framework: str = "disarm",
    catalogue: Catalogue | None = None,
    name: str | None = None,
    description: str | None = None,
    domain: str | None = None,
    data_url: str | None = None,
) -> dict[str, Any]:
    """A Navigator layer (a JSON-ready dict) of the techniques an operation, report or corpus uses.

    ``navigator`` is ``"disarm"`` (the DISARM Navigator, domain ``DISARM``) or ``"attack"`` (the
    ATT&CK Navigator, domain ``enterprise-attack`` unless ``domain`` says otherwise; ``data_url``
    sets ``customDataURL``, the STIX bundle it should draw, such as DISARM's). Only uses of
    ``framework`` (``"disarm"`` or ``"attack"``: Navigators need ATT&CK-style ids) are drawn.
    Each technique's score is the number of operations using it; its comment lists them. With a
    ``catalogue`` each technique is placed under its tactics, and techniques the catalogue lacks
    are left out (check them with :func:`opsmodel.taxonomy.check`).
    """
    if navigator not in _NAVIGATORS:
        raise LayerError(f"unknown navigator {navigator!r}; expected one of {', '.join(map(repr, _NAVIGATORS))}")
    if framework not in _LAYER_FRAMEWORKS:
        raise LayerError(
            f"cannot draw {framework!r} techniques: Navigators draw ATT&CK-style ids ('T0085.001'), "
            f"so the framework must be one of {', '.join(map(repr, _LAYER_FRAMEWORKS))}"
        )
    if catalogue is not None and catalogue.framework != framework:
        raise LayerError(f"the catalogue is {catalogue.label}, but the layer draws {framework} techniques")
    operations = _operations(source)

    # technique id -> {operation id -> (operation, uses)}
    usage: dict[str, dict[str, tuple[Operation, list[TechniqueUse]]]] = {}
    for operation in operations:
        for use in operation.techniques:
            ref = use.technique
            if ref.framework != framework or (catalogue is not None and not isinstance(catalogue.get(ref.id), TechniqueEntry)):
                continue
            usage.setdefault(ref.id, {}).setdefault(operation.id, (operation, []))[1].append(use)

    if catalogue is not None:
        rank = {t.id: i for i, t in enumerate(catalogue)}
        ordered = sorted(usage, key=lambda t: rank[t])
    else:
        ordered = sorted(usage)
    top = max((len(users) for users in usage.values()), default=0)

    techniques: list[dict[str, Any]] = []
    parents_shown: set[str] = set()
    for technique_id in ordered:
        users = usage[technique_id]
        score = len(users)
        lines = [f"Used by {score} operation{'s' if score != 1 else ''}:"]
        metadata: list[dict[str, Any]] = []
        links: dict[str, str] = {}
        tactic_names: dict[str, None] = {}
        for operation, uses in users.values():
            procedures = "; ".join(dict.fromkeys(use.procedure for use in uses if use.procedure))
            lines.append(f"- {operation.display_name} ({operation.id})" + (f": {procedures}" if procedures else ""))
            metadata.append({"name": "operation", "value": f"{operation.display_name} ({operation.id})"})
            for use in uses:
                shortname = _shortname(use)
                if shortname is not None:
                    tactic_names[shortname] = None
                for source_id in use.sources:
                    cited = operation.source(source_id)
                    if cited is not None and cited.url and cited.url.startswith(("http://", "https://")):
                        links.setdefault(cited.url, str(cited))
        entry: dict[str, Any] = {
            "techniqueID": technique_id,
            "score": score,
            "comment": "\n".join(lines),
            "enabled": True,
            "metadata": metadata,
            "links": [{"label": label, "url": url} for url, label in links.items()],
            "showSubtechniques": False,
        }
        parent = _parent(technique_id, framework, catalogue)
        if parent is not None:
            parents_shown.add(parent)
        shortnames: list[str | None]
        if catalogue is not None:
            shortnames = [t.shortname or slugify(t.name) for t in catalogue.tactics_of(technique_id)]
        else:
            shortnames = list(tactic_names)
        for shortname in shortnames or [None]:
            techniques.append({**entry, "tactic": shortname} if shortname else dict(entry))

    # show the sub-techniques used under their parents (the DISARM Navigator predates "expandedSubtechniques")
    for parent in sorted(parents_shown - set(usage)):
        tactics: list[str | None] = (
            [t.shortname or slugify(t.name) for t in catalogue.tactics_of(parent)]
            if catalogue is not None and parent in catalogue
            else []
        )
        for shortname in tactics or [None]:
            shown: dict[str, Any] = {"techniqueID": parent, "showSubtechniques": True}
            techniques.append({**shown, "tactic": shortname} if shortname else shown)
    for entry in techniques:
        if entry["techniqueID"] in parents_shown:
            entry["showSubtechniques"] = True

    settings = _NAVIGATORS[navigator]
    versions = {"navigator": settings["navigator"], "layer": LAYER_FORMAT}
    if navigator == "disarm":
        versions["attack"] = (catalogue.version or "1").split(".")[0] if catalogue is not None else "1"
    elif catalogue is not None and catalogue.version:
        versions["attack"] = catalogue.version
    layer_metadata = [{"name": "generated by", "value": f"opsmodel {__version__}"}]
    if catalogue is not None:
        layer_metadata.append({"name": "catalogue", "value": catalogue.label})
    layer: dict[str, Any] = {
        "name": name or _default_name(source, len(operations)),
        "versions": versions,
        "domain": domain or settings["domain"],
        "description": description
        or f"Techniques used by {len(operations)} operation{'s' if len(operations) != 1 else ''}, scored by how many use each.",
    }
    if data_url is not None:
        layer["customDataURL"] = data_url
    layer.update(
        {
            "sorting": 3,
            "layout": {
                "layout": "side",
                "aggregateFunction": "max",
                "showID": True,
                "showName": True,
                "showAggregateScores": False,
                "countUnscored": False,
                "expandedSubtechniques": "annotated",
            },
            "hideDisabled": False,
            "techniques": techniques,
            "gradient": {"colors": list(GRADIENT), "minValue": 0, "maxValue": max(top, 1)},
            "legendItems": [
                {"label": "used by 1 operation" if top > 1 else "used", "color": GRADIENT[0] if top > 1 else GRADIENT[1]},
                *([{"label": f"used by {top} operations", "color": GRADIENT[1]}] if top > 1 else []),
            ],
            "metadata": layer_metadata,
            "links": [],
            "showTacticRowBackground": False,
            "tacticRowBackground": "#dddddd",
            "selectTechniquesAcrossTactics": True,
            "selectSubtechniquesWithParent": False,
            "selectVisibleTechniques": False,
        }
    )
    return layer


def _shortname(use: TechniqueUse) -> str | None:
    """The Navigator's name for a use's tactic: from its name, or for DISARM from its id."""
    tactic = use.tactic
    if tactic is None or tactic.framework != use.technique.framework:
        return None
    if tactic.name:
        return slugify(tactic.name)
    known = DISARM_TACTICS.get(tactic.id) if tactic.framework == "disarm" else None
    return slugify(known[0]) if known else None


def _parent(technique_id: str, framework: str, catalogue: Catalogue | None) -> str | None:
    if catalogue is not None:
        entry = catalogue.get(technique_id)
        return entry.parent if isinstance(entry, TechniqueEntry) else None
    try:
        return TechniqueRef(framework=framework, id=technique_id).parent_id
    except FieldError:
        return None


# ---------------------------------------------------------------------------------------------
# reading layers back


def _to_optional_number(value: Any) -> float | None:
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


@model
@frozen(kw_only=True)
class LayerTechnique:
    """One technique entry of a layer: the technique, and how the layer annotates it."""

    technique: TechniqueRef
    tactic: str | None = field(default=None, converter=to_optional_text)
    score: float | None = field(default=None, converter=_to_optional_number)
    comment: str | None = field(default=None, converter=to_optional_text)
    color: str | None = field(default=None, converter=to_optional_text)
    enabled: bool = True

    @property
    def annotated(self) -> bool:
        """True when the layer scores, colours or comments the technique."""
        return self.score is not None or self.color is not None or self.comment is not None


def _framework_of(layer: Mapping[str, Any]) -> str:
    domain = str(layer.get("domain", ""))
    if domain.endswith("-attack") and not layer.get("customDataURL"):
        return "attack"
    return "disarm"


def from_layer(
    layer: Mapping[str, Any] | str, *, framework: str | None = None, version: str | None = None, source: str | None = None
) -> tuple[LayerTechnique, ...]:
    """The technique entries of a Navigator layer (a dict or its JSON text), in the layer's order.

    ``framework`` defaults to ``"attack"`` for an ATT&CK domain without custom data, else ``"disarm"``;
    ``version`` pins the refs. Entries whose id is not a technique id of the framework are an error.
    """
    where = source or "<layer>"
    data: Any = layer
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as exc:
            raise LayerError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", source=where) from None
    if isinstance(data, list) and len(data) == 1:  # Navigator 4.5 can save several layers in a list
        data = data[0]
    if not isinstance(data, Mapping) or not isinstance(data.get("techniques", []), list):
        raise LayerError("not a Navigator layer: expected a JSON object with a list of 'techniques'", source=where)
    chosen = framework or _framework_of(data)
    found: list[LayerTechnique] = []
    for index, entry in enumerate(data.get("techniques", [])):
        place = f"techniques[{index}]"
        if not isinstance(entry, Mapping) or not isinstance(entry.get("techniqueID"), str):
            raise LayerError(f"{place}: expected an object with a 'techniqueID' string, got {entry!r}", source=where)
        try:
            ref = TechniqueRef(framework=chosen, id=entry["techniqueID"].strip(), version=version)
        except FieldError as exc:
            raise LayerError(f"{place}.techniqueID: {exc.problem}; expected {exc.expected}", source=where) from None
        found.append(
            LayerTechnique(
                technique=ref,
                tactic=entry.get("tactic") or None,
                score=entry.get("score"),
                comment=entry.get("comment") or None,
                color=entry.get("color") or None,
                enabled=entry.get("enabled", True) is not False,
            )
        )
    return tuple(found)


def layer_refs(
    layer: Mapping[str, Any] | str, *, framework: str | None = None, version: str | None = None, annotated_only: bool = True
) -> tuple[TechniqueRef, ...]:
    """The distinct techniques a layer marks (scored, coloured or commented, and enabled), in order.

    With ``annotated_only=False``, every technique it lists.
    """
    refs = (
        entry.technique
        for entry in from_layer(layer, framework=framework, version=version)
        if not annotated_only or (entry.annotated and entry.enabled)
    )
    return tuple(dict.fromkeys(refs))
