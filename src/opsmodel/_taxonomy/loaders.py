"""Reading the files frameworks publish into :class:`~opsmodel.taxonomy.Catalogue` values.

* DISARM's STIX 2.1 bundle (ATT&CK-style: techniques carry ``source_name: "mitre-attack"``).
  Entries are keyed on ``external_id``; STIX ids are random and change with every release.
* DISARM's MISP galaxy cluster (``disarm-techniques.json``): tactics only by name.
* Meta's Online Operations Kill Chain CSV (``Tactic,Technique,Procedure``, ids inside labels).

Loading is cached on the file's resolved path, size and modification time: loading the same
unchanged file again returns the very same (immutable) catalogue without reading it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

import attrs

from .._core.errors import CatalogueError, LimitError, show_value
from .._core.fields import slugify
from .._core.limits import MAX_CSV_CELL_CHARS, MAX_DOCUMENT_CHARS, check_value, loads_json
from .._core.shapes import shape_problem
from .catalogue import Catalogue, Phase, TacticEntry, TechniqueEntry, normalise_name

# DISARM's phases and which phase each red-framework tactic belongs to: facts of the framework
# (DISARM's red_framework_ids.csv) that its STIX bundle does not carry.
DISARM_PHASES = (
    Phase(id="P01", name="Plan"),
    Phase(id="P02", name="Prepare"),
    Phase(id="P03", name="Execute"),
    Phase(id="P04", name="Assess"),
)
# tactic id -> (name, phase), in the framework's order (TA03 and TA04 were retired before v1.0)
DISARM_TACTICS: dict[str, tuple[str, str]] = {
    "TA01": ("Plan Strategy", "P01"),
    "TA02": ("Plan Objectives", "P01"),
    "TA13": ("Target Audience Analysis", "P01"),
    "TA14": ("Develop Narratives", "P02"),
    "TA06": ("Develop Content", "P02"),
    "TA15": ("Establish Assets", "P02"),
    "TA16": ("Establish Legitimacy", "P02"),
    "TA05": ("Microtarget", "P02"),
    "TA07": ("Select Channels and Affordances", "P02"),
    "TA08": ("Conduct Pump Priming", "P03"),
    "TA09": ("Deliver Content", "P03"),
    "TA17": ("Maximise Exposure", "P03"),
    "TA18": ("Drive Online Harms", "P03"),
    "TA10": ("Drive Offline Activity", "P03"),
    "TA11": ("Persist in the Information Environment", "P03"),
    "TA12": ("Assess Effectiveness", "P04"),
}
_DISARM_TACTIC_BY_NAME = {normalise_name(name): tactic_id for tactic_id, (name, _) in DISARM_TACTICS.items()}

T = TypeVar("T")
_VERSION_IN_NAME = re.compile(r"v(?:ersion)?[-_ ]?(\d+(?:\.\d+)+)", re.IGNORECASE)
META_HEADER = ("Tactic", "Technique", "Procedure")
META_URL = "https://github.com/facebook/threat-research/blob/main/Online_Operations_Killchain-TTPs.csv"


def _limited(source: str, exc: LimitError) -> CatalogueError:
    error = CatalogueError(str(exc), source=source)
    error.problems = exc.problems  # keep the limit's code and path
    return error


# The types of the properties the loaders read: a property of another type is refused with its path.
_Shape = dict[str, Any]  # see shape_problem
_STIX_OBJECT: _Shape = {
    "type": str,
    "id": str,
    "name": str,
    "description": str,
    "x_mitre_shortname": str,
    "external_references": [{"source_name": str, "external_id": str, "url": str}],
    "kill_chain_phases": [{"phase_name": str}],
    "tactic_refs": [str],
    "source_ref": str,
    "target_ref": str,
    "relationship_type": str,
    "definition": {"statement": str},
}
_MISP_VALUE: _Shape = {"value": str, "description": str, "meta": {"external_id": str, "kill_chain": [str], "refs": [str]}}


def _check_shapes(items: list[Any], shape: _Shape, path: str, where: str) -> None:
    for index, item in enumerate(items):
        problem = shape_problem(item, shape, f"{path}[{index}]") if isinstance(item, Mapping) else None
        if problem is not None:
            raise _fail(where, problem)


def _fail(source: str, problem: str) -> CatalogueError:
    return CatalogueError(problem, source=source)


def _version_from_path(path: Path) -> str | None:
    """``"1.6"`` from ``DISARM-v1.6.json`` or from a parent folder ``v1.7-navigator/``."""
    for part in (path.name, path.parent.name):
        found = _VERSION_IN_NAME.search(part)
        if found:
            return found.group(1)
    return None


# ---------------------------------------------------------------------------------------------
# cache


_CACHE: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_CACHE_SIZE = 32
_CACHE_LOCK = threading.Lock()


def clear_cache() -> None:
    """Forget every catalogue loaded so far (the next load reads its file again)."""
    with _CACHE_LOCK:
        _CACHE.clear()


def _cached(path: str | os.PathLike[str], kind: str, options: tuple[Any, ...], parse: Callable[[Path], T]) -> T:
    resolved = Path(path).expanduser().resolve()
    try:
        stat = resolved.stat()
    except OSError as exc:
        raise _fail(str(path), f"cannot read the file: {exc.strerror or exc}") from None
    key = (kind, str(resolved), stat.st_size, stat.st_mtime_ns, options)
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            found: T = _CACHE[key]
            return found
    value = parse(resolved)
    with _CACHE_LOCK:
        _CACHE[key] = value
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return value


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_DOCUMENT_CHARS:  # refused before it is read whole
            raise _fail(str(path), f"the file is larger than the limit of {MAX_DOCUMENT_CHARS} bytes")
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(str(path), f"not UTF-8 text (byte {exc.start}): is this the right file?") from None
    except OSError as exc:
        raise _fail(str(path), f"cannot read the file: {exc.strerror or exc}") from None


def _read_json(path: Path) -> Any:
    text = _read_text(path)
    if not text.strip():
        raise _fail(str(path), "the file is empty")
    try:
        return loads_json(text)
    except LimitError as exc:
        raise _limited(str(path), exc) from None
    except json.JSONDecodeError as exc:
        hint = " (the file looks truncated)" if not text.rstrip().endswith(("}", "]")) else ""
        raise _fail(str(path), f"not valid JSON{hint}: {exc.msg} at line {exc.lineno} column {exc.colno}") from None


# ---------------------------------------------------------------------------------------------
# DISARM STIX bundle


def load_disarm_stix(path: str | os.PathLike[str], *, version: str | None = None, framework: str = "disarm") -> Catalogue:
    """A catalogue from DISARM's STIX 2.1 bundle (``DISARM.json``), any release.

    ``version`` defaults to one found in the file or folder name (``DISARM-v1.6.json``) since the
    bundle itself does not say. Pass ``framework="attack"`` for an ATT&CK bundle of the same shape.
    """
    found_version = version if version is not None else _version_from_path(Path(path))
    return _cached(
        path,
        "stix",
        (found_version, framework),
        lambda resolved: parse_disarm_stix(_read_json(resolved), version=found_version, framework=framework, source=str(path)),
    )


_STIX_SOURCES = ("DISARM", "mitre-attack")  # the source_name of an entry's own external_id


def _external(obj: Mapping[str, Any]) -> Mapping[str, Any] | None:
    for reference in obj.get("external_references") or ():
        if isinstance(reference, Mapping) and reference.get("source_name") in _STIX_SOURCES and reference.get("external_id"):
            return reference
    return None


def _identified(objects: Iterable[Mapping[str, Any]], kind: str) -> Iterator[tuple[str, Mapping[str, Any], Mapping[str, Any]]]:
    """(external id, object, its reference) of the objects of a STIX type that carry a framework id."""
    for obj in objects:
        reference = _external(obj) if obj.get("type") == kind else None
        if reference is not None:
            yield str(reference["external_id"]), obj, reference


def parse_disarm_stix(
    bundle: Any, *, version: str | None = None, framework: str = "disarm", source: str | None = None
) -> Catalogue:
    """A catalogue from an already parsed STIX bundle (a dict); see :func:`load_disarm_stix`."""
    where = source or "<bundle>"
    if not isinstance(bundle, Mapping) or bundle.get("type") != "bundle" or not isinstance(bundle.get("objects"), list):
        raise _fail(where, "not a STIX bundle: expected a JSON object with type 'bundle' and a list of 'objects'")
    _check_plain(bundle, where)
    _check_shapes(bundle["objects"], _STIX_OBJECT, "objects", where)
    objects = [obj for obj in bundle["objects"] if isinstance(obj, Mapping)]
    live = [obj for obj in objects if not obj.get("revoked") and not obj.get("x_mitre_deprecated")]
    tactics = _stix_tactics(live, framework == "disarm")
    if not tactics:
        raise _fail(where, "the bundle has no x-mitre-tactic objects with an external_id: not a DISARM or ATT&CK bundle?")
    matrix = next((obj for obj in live if obj.get("type") == "x-mitre-matrix"), None)
    order = _matrix_order(matrix, live, tactics)
    return Catalogue(
        framework=framework,
        version=version,
        title=matrix.get("name") if matrix else None,
        licence=_bundle_licence(objects),
        source=source,
        phases=DISARM_PHASES if framework == "disarm" else (),
        tactics=tuple(tactics[t] for t in order),
        techniques=_technique_entries(_stix_techniques(live, tactics, where), order),
    )


def _check_plain(data: Any, where: str) -> None:
    try:
        check_value(data)  # data given in Python did not pass through loads_json
    except LimitError as exc:
        raise _limited(where, exc) from None


def _stix_tactics(live: list[Mapping[str, Any]], disarm: bool) -> dict[str, TacticEntry]:
    tactics: dict[str, TacticEntry] = {}
    for tactic_id, obj, reference in _identified(live, "x-mitre-tactic"):
        known = DISARM_TACTICS.get(tactic_id) if disarm else None
        tactics[tactic_id] = TacticEntry(
            id=tactic_id,
            name=obj.get("name") or tactic_id,
            shortname=obj.get("x_mitre_shortname") or slugify(str(obj.get("name", tactic_id))),
            phase=known[1] if known else None,
            description=plain_text(obj.get("description")),
            url=reference.get("url"),
        )
    return tactics


def _matrix_order(
    matrix: Mapping[str, Any] | None, live: list[Mapping[str, Any]], tactics: Mapping[str, TacticEntry]
) -> list[str]:
    """The framework's order of tactics: the matrix's tactic_refs, then any tactic it does not list."""
    by_stix_id = {obj.get("id"): obj for obj in live}
    order: list[str] = []
    for ref in (matrix or {}).get("tactic_refs") or ():
        reference = _external(by_stix_id.get(ref) or {})
        if reference is not None and str(reference["external_id"]) in tactics:
            order.append(str(reference["external_id"]))
    order.extend(t for t in tactics if t not in order)
    return order


def _stix_techniques(live: list[Mapping[str, Any]], tactics: Mapping[str, TacticEntry], where: str) -> list[dict[str, Any]]:
    """A row per attack-pattern (what :func:`_technique_entries` takes), each with its parent."""
    tactic_by_short = {tactic.shortname: tactic_id for tactic_id, tactic in tactics.items()}
    techniques: dict[str, dict[str, Any]] = {}
    id_of: dict[Any, str] = {}
    for technique_id, obj, reference in _identified(live, "attack-pattern"):
        if technique_id in techniques:
            raise _fail(where, f"two attack-patterns have the external_id {show_value(technique_id)}")
        phases = (
            tactic_by_short.get(str(phase.get("phase_name")))
            for phase in obj.get("kill_chain_phases") or ()
            if isinstance(phase, Mapping)
        )
        techniques[technique_id] = {
            "id": technique_id,
            "name": obj.get("name") or technique_id,
            "tactics": tuple(dict.fromkeys(p for p in phases if p is not None)),
            "parent": None,
            "description": plain_text(obj.get("description")),
            "url": reference.get("url"),
            "sub": bool(obj.get("x_mitre_is_subtechnique")) or "." in technique_id,
        }
        id_of[obj.get("id")] = technique_id
    if not techniques:
        raise _fail(where, "the bundle has no attack-pattern objects with a 'mitre-attack' external_id: no techniques to load")
    for child, parent in _subtechnique_links(live, id_of):
        techniques[child]["parent"] = parent
    for row in techniques.values():  # a release without relationships: fall back on the id grammar
        if row["sub"] and row["parent"] is None:
            row["parent"] = _parent_by_id(row["id"], techniques)
    return list(techniques.values())


def _subtechnique_links(live: list[Mapping[str, Any]], id_of: Mapping[Any, str]) -> Iterator[tuple[str, str]]:
    """(sub-technique id, parent id) from the bundle's subtechnique-of relationships."""
    for obj in live:
        if obj.get("type") == "relationship" and obj.get("relationship_type") == "subtechnique-of":
            child, parent = id_of.get(obj.get("source_ref")), id_of.get(obj.get("target_ref"))
            if child is not None and parent is not None:
                yield child, parent


def _parent_by_id(technique_id: str, ids: Iterable[str]) -> str | None:
    """``T0085`` for ``T0085.001`` when it is one of ``ids``."""
    parent = technique_id.rpartition(".")[0]
    return parent if parent in ids else None


def _bundle_licence(objects: list[Mapping[str, Any]]) -> str | None:
    marking = next((obj for obj in objects if obj.get("type") == "marking-definition"), None)
    statement = ((marking or {}).get("definition") or {}).get("statement")
    return _licence(str(statement)) if statement else None


def _technique_entries(rows: Iterable[Mapping[str, Any]], tactic_order: list[str]) -> tuple[TechniqueEntry, ...]:
    """Entries in id order from rows (id, name, tactics, parent, description, url); tactics in framework order."""
    rank = {tactic_id: index for index, tactic_id in enumerate(tactic_order)}
    return tuple(
        TechniqueEntry(
            id=row["id"],
            name=row["name"],
            tactics=tuple(sorted(row["tactics"], key=rank.__getitem__)),
            parent=row["parent"],
            description=row["description"],
            url=row["url"],
        )
        for row in sorted(rows, key=lambda r: _id_key(r["id"]))
    )


_SPDX = re.compile(r"^(?:CC|MIT|Apache|BSD|GPL|LGPL|MPL|ODC|CDLA)[-A-Za-z0-9.+]*$")


def _licence(statement: str) -> str:
    """``"CC-BY-SA-4.0"`` from DISARM's ``"CC-BY-SA-4.0 DISARM Foundation"``; other statements whole."""
    first = statement.split()[0] if statement.split() else ""
    return first if _SPDX.match(first) else statement.strip()


# DISARM writes its descriptions for its website: line breaks as <br> (also <br /> and a stray
# </br>) and headings in <b>/<i>. A catalogue holds plain text, so that the terminal, Navigator
# layers, STIX exports and Python callers all get the same readable text without an HTML parser.
_BREAK = re.compile(r"<\s*/?\s*br\s*/?\s*>", re.IGNORECASE)
_EMPHASIS = re.compile(r"<\s*/?\s*(?:b|i|strong|em)\s*>", re.IGNORECASE)


def plain_text(description: Any) -> str | None:
    """A framework's description as plain text: ``<br>`` as a line break, ``<b>``/``<i>`` dropped.

    >>> plain_text("Text.<br><br><b>Associated Techniques:</b><br>T0085.008")
    'Text.\\n\\nAssociated Techniques:\\nT0085.008'
    """
    if not description:
        return None
    text = _EMPHASIS.sub("", _BREAK.sub("\n", str(description)))
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() or None


def _id_key(technique_id: str) -> tuple[Any, ...]:
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"[.]", technique_id))


# ---------------------------------------------------------------------------------------------
# DISARM MISP galaxy cluster


def load_misp_galaxy(
    path: str | os.PathLike[str], *, version: str | None = None, licence: str | None = "CC-BY-SA-4.0"
) -> Catalogue:
    """A catalogue from MISP's DISARM techniques cluster (``clusters/disarm-techniques.json``).

    The cluster names tactics only by name (``tactics:Develop Content``); DISARM's tactic ids and
    phases are filled in from the names opsmodel knows. MISP's copy can lag DISARM's releases.
    """
    return _cached(
        path,
        "misp",
        (version, licence),
        lambda resolved: parse_misp_galaxy(_read_json(resolved), version=version, licence=licence, source=str(path)),
    )


def parse_misp_galaxy(
    data: Any, *, version: str | None = None, licence: str | None = "CC-BY-SA-4.0", source: str | None = None
) -> Catalogue:
    """A catalogue from an already parsed MISP galaxy cluster (a dict); see :func:`load_misp_galaxy`."""
    where = source or "<cluster>"
    if not isinstance(data, Mapping) or not isinstance(data.get("values"), list):
        raise _fail(where, "not a MISP galaxy cluster: expected a JSON object with a list of 'values'")
    _check_plain(data, where)
    _check_shapes(data["values"], _MISP_VALUE, "values", where)
    tactic_names: dict[str, str] = {}  # tactic id -> name, as the cluster spells it
    rows = [row for row in (_misp_row(value, tactic_names) for value in data["values"]) if row is not None]
    if not rows:
        raise _fail(where, "the cluster has no values with meta.external_id: no techniques to load")
    known_order = list(DISARM_TACTICS)
    order = sorted(tactic_names, key=lambda t: known_order.index(t) if t in known_order else len(known_order))
    ids = {row["id"] for row in rows}
    return Catalogue(
        framework="disarm",
        version=version,
        title=f"DISARM {data.get('name') or 'Techniques'} (MISP galaxy)",
        licence=licence,
        source=where,
        phases=DISARM_PHASES,
        tactics=tuple(
            TacticEntry(
                id=tactic_id,
                name=tactic_names[tactic_id],
                shortname=slugify(tactic_names[tactic_id]),
                phase=DISARM_TACTICS[tactic_id][1] if tactic_id in DISARM_TACTICS else None,
            )
            for tactic_id in order
        ),
        techniques=_technique_entries(({**row, "parent": _parent_by_id(row["id"], ids)} for row in rows), order),
    )


def _misp_row(value: Any, tactic_names: dict[str, str]) -> dict[str, Any] | None:
    """A row of :func:`_technique_entries` from a cluster value (``None`` without an id); learns tactic names."""
    meta = value.get("meta") if isinstance(value, Mapping) else None
    if not isinstance(meta, Mapping) or not meta.get("external_id"):
        return None
    technique_id = meta["external_id"]
    tactics: list[str] = []
    for chain in meta.get("kill_chain") or ():
        tactic_name = re.sub(r"\s+", " ", str(chain).partition(":")[2]).strip()
        if tactic_name:
            tactic_id = _DISARM_TACTIC_BY_NAME.get(normalise_name(tactic_name), slugify(tactic_name))
            tactic_names.setdefault(tactic_id, tactic_name)
            tactics.append(tactic_id)
    refs = meta.get("refs") or ()
    return {
        "id": str(technique_id),
        "name": value.get("value") or str(technique_id),
        "description": plain_text(value.get("description")),
        "url": str(refs[0]) if refs else None,
        "tactics": tuple(dict.fromkeys(tactics)),
    }


# ---------------------------------------------------------------------------------------------
# Meta's Online Operations Kill Chain CSV

_META_LABEL = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s+(\S.*?)\s*$", re.DOTALL)


def _meta_label(label: str, where: str, line: int, column: str) -> tuple[str, str]:
    found = _META_LABEL.match(label)
    if found is None:
        raise _fail(where, f"line {line}: {column} {show_value(label)} does not start with a dotted id like '0.6.2'")
    parts = found.group(1).split(".")
    if len(parts) == 4 and parts[3] == "0":  # '0.9.10.0' in the Q3 2024 file means 0.9.10
        parts = parts[:3]
    return ".".join(parts), found.group(2)


def _csv_rows(text: str, where: str) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of each CSV row; a CatalogueError naming the line where the CSV cannot be read."""
    if len(text) > MAX_DOCUMENT_CHARS:
        raise _fail(where, f"the file has {len(text)} characters, more than the limit of {MAX_DOCUMENT_CHARS}")
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            too_long = "field limit" in str(exc)
            problem = f"a cell longer than the limit of {MAX_CSV_CELL_CHARS} characters" if too_long else f"not CSV: {exc}"
            error = _fail(where, f"line {reader.line_num}: {problem}")
            error.problems = [attrs.evolve(error.problems[0], code="string-too-long")] if too_long else error.problems
            raise error from None
        if row is None:
            return
        yield reader.line_num, row


def load_meta_csv(path: str | os.PathLike[str], *, version: str | None = None, licence: str | None = "MIT") -> Catalogue:
    """A catalogue from Meta's ``Online_Operations_Killchain-TTPs.csv``.

    Tactics (``0``-``9``), techniques (``0.6``) and procedures (``0.6.2``, catalogued as
    sub-techniques) keep the dotted ids of their labels; labels lose their padding and line breaks.
    A procedure belongs to the technique of its row, even where its own id says otherwise.
    """
    return _cached(
        path, "meta", (version, licence), lambda resolved: parse_meta_csv(_read_text(resolved), version, licence, str(path))
    )


def parse_meta_csv(text: str, version: str | None = None, licence: str | None = "MIT", source: str | None = None) -> Catalogue:
    """A catalogue from the text of Meta's kill-chain CSV; see :func:`load_meta_csv`."""
    where = source or "<csv>"
    rows = _csv_rows(text, where)
    header = next(rows, (1, None))[1]
    if header is None:
        raise _fail(where, "the file is empty; expected a header Tactic,Technique,Procedure")
    cells = tuple(cell.strip() for cell in header)
    if cells != META_HEADER:
        hint = (
            " (a per-network indicator file, not the TTP index Online_Operations_Killchain-TTPs.csv)"
            if cells[:3] == META_HEADER
            else ""
        )
        raise _fail(where, f"line 1: the header is {show_value(','.join(header))}, expected 'Tactic,Technique,Procedure'{hint}")
    tactics: dict[str, TacticEntry] = {}
    techniques: dict[str, TechniqueEntry] = {}
    procedures: dict[str, TechniqueEntry] = {}
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 3 or not all(cell.strip() for cell in row):
            shown = show_value(row)
            raise _fail(where, f"line {line}: expected three non-empty cells (tactic, technique, procedure), got {shown}")
        tactic_id, tactic_name = _meta_label(row[0], where, line, "tactic")
        technique_id, technique_name = _meta_label(row[1], where, line, "technique")
        procedure_id, procedure_name = _meta_label(row[2], where, line, "procedure")
        if tactic_id not in tactics:
            tactics[tactic_id] = TacticEntry(id=tactic_id, name=tactic_name, shortname=slugify(tactic_name), url=META_URL)
        known = techniques.get(technique_id)
        if known is None:
            techniques[technique_id] = TechniqueEntry(id=technique_id, name=technique_name, tactics=(tactic_id,), url=META_URL)
        elif known.tactics != (tactic_id,):
            raise _fail(where, f"line {line}: technique {technique_id} appears under tactics {known.tactics[0]} and {tactic_id}")
        if procedure_id in procedures:
            raise _fail(where, f"line {line}: procedure id {procedure_id} appears twice")
        procedures[procedure_id] = TechniqueEntry(
            id=procedure_id, name=procedure_name, tactics=(tactic_id,), parent=technique_id, url=META_URL
        )
    if not techniques:
        raise _fail(where, "the file has a header but no rows: no techniques to load")
    return Catalogue(
        framework="meta-ookc",
        version=version,
        title="Online Operations Kill Chain",
        licence=licence,
        source=source,
        tactics=tuple(tactics.values()),
        techniques=(*techniques.values(), *procedures.values()),
    )


# ---------------------------------------------------------------------------------------------
# any of them


def load(path: str | os.PathLike[str], *, version: str | None = None) -> Catalogue:
    """A catalogue from any file opsmodel can read, recognised by its content.

    ``.csv`` files are read as Meta's kill chain; JSON files as a STIX bundle (``"type": "bundle"``)
    or a MISP galaxy cluster (``"values"``).
    """
    where = Path(path)
    if where.suffix.lower() == ".csv":
        return load_meta_csv(where, version=version)
    kind = _cached(where, "sniff", (), _sniff)
    if kind == "stix":
        return load_disarm_stix(where, version=version)
    return load_misp_galaxy(where, version=version)


def _sniff(path: Path) -> str:
    data = _read_json(path)
    if isinstance(data, Mapping) and data.get("type") == "bundle":
        return "stix"
    if isinstance(data, Mapping) and isinstance(data.get("values"), list):
        return "misp"
    raise _fail(str(path), "neither a STIX bundle (type 'bundle') nor a MISP galaxy cluster ('values'), nor a CSV file")
