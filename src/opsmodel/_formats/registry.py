"""The format registry: one :class:`Format` entry per file format opsmodel reads or writes.

An entry declares a format's name, how to recognise its content, its reader, its writer and
how to check a raw document (:attr:`Format.check`, which yields :class:`Piece` values: what a
document, or a line of a JSON Lines document, holds and what is wrong with it, as
:class:`~opsmodel.errors.Problem` values with the raw-document codes of :data:`DOCUMENT_CODES`).
The command line, ``opsmodel convert`` and document validation find formats here and nowhere
else; adding a format is one entry module and one line in :mod:`opsmodel._formats.builtin`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Literal

import attrs

from .._core.errors import LimitError, OpsmodelError, Problem
from .._core.limits import loads_json
from .._model.operations import Operation, Report

# code -> (name, description); documented in docs/reference/rules.md like the rules
DOCUMENT_CODES: dict[str, tuple[str, str]] = {
    "OPS001": ("not-json", "The document (or a line of a JSON Lines document) is not valid JSON or not UTF-8 text."),
    "OPS002": ("empty-document", "The document holds no data at all."),
    "OPS003": (
        "unknown-document",
        "The document is JSON but neither an opsmodel report or operation nor a STIX bundle, or its format "
        "cannot be read by this installation.",
    ),
    "OPS004": ("document-invalid", "The opsmodel JSON document breaks the format: a missing, misspelt or ill-typed field."),
    "OPS005": ("stix-invalid", "The STIX bundle breaks STIX 2.1 or cannot be read back as operations."),
    "OPS006": ("layer-invalid", "The Navigator layer cannot be read: not a layer, or an entry without a valid technique id."),
}

Reader = Callable[[str], Report]
Writer = Callable[[Report, IO[str]], None]


class _NotJson:
    """What :meth:`Registry.detect` passes to ``detect`` when the whole text is not one JSON value."""

    def __repr__(self) -> str:
        return "NOT_JSON"


NOT_JSON: Any = _NotJson()


def _problem_tuple(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(problems)


@attrs.frozen(kw_only=True)
class Piece:
    """A document, or one line of a JSON Lines document, as read: its data (if it loads) and its problems.

    ``loaded`` is the report or operation it holds (None when it does not load, or holds neither:
    a Navigator layer, a JSON Lines header without a report); ``line`` is its 1-based line in a
    JSON Lines document.
    """

    #: The report or operation the piece holds; None when it does not load or holds neither.
    loaded: Report | Operation | None = None
    #: What is wrong with the piece as a document.
    problems: tuple[Problem, ...] = attrs.field(default=(), converter=_problem_tuple)
    #: Its 1-based line in a JSON Lines document.
    line: int | None = None


Action = Literal["read", "write", "check"]
Detector = Callable[[Any, str], bool]
Checker = Callable[[str], Iterator[Piece]]
DataChecker = Callable[[str, Any], Iterator[Piece]]


@attrs.frozen
class Format:
    """One file format: its name, what it is, and what opsmodel can do with it.

    ``detect(data, text)`` tells whether a text is in this format (``data`` is the text read as
    one JSON value, or :data:`NOT_JSON`); ``read`` turns a text into a report; ``write`` writes a
    report to a text stream; ``check`` yields the :class:`Piece` values of a raw document;
    ``lines`` says the pieces are the lines of one corpus (checked together); ``file_name`` is
    the file ``opsmodel demo --out`` writes. ``check_data(text, data)`` is ``check`` given the
    text already read as one JSON value (by :meth:`Registry.detect_data`), so that detecting a
    document's format and checking it read the text once.
    """

    #: The format's name, as ``--to`` and ``--format`` take it (``json``, ``stix``).
    name: str
    #: What the format is, in a few words, for the command's help.
    description: str
    #: The file ``opsmodel demo --out`` writes in this format.
    file_name: str
    #: ``detect(data, text)``: whether a text is in this format; None for a format only written.
    detect: Detector | None = attrs.field(default=None, eq=False, kw_only=True)
    #: Turns a text into a report; None for a format opsmodel only writes.
    read: Reader | None = attrs.field(default=None, eq=False, kw_only=True)
    #: Writes a report to a text stream; None for a format opsmodel only reads.
    write: Writer | None = attrs.field(default=None, eq=False, kw_only=True)
    #: ``check`` of a text already read as one JSON value (``check_data(text, data)``); None when
    #: the format's check must read the text itself.
    check_data: DataChecker | None = attrs.field(default=None, eq=False, kw_only=True)
    #: Yields the :class:`Piece` values of a raw document, for ``opsmodel validate``; by default,
    #: the text read as JSON (a text that is not JSON is one problem) and then ``check_data``.
    check: Checker | None = attrs.field(
        default=attrs.Factory(lambda entry: _reading_json(entry.check_data), takes_self=True), eq=False, kw_only=True
    )
    #: True when the pieces are the lines of one corpus, checked together.
    lines: bool = attrs.field(default=False, kw_only=True)

    def can(self, action: Action) -> bool:
        """Whether the format can ``"read"``, ``"write"`` or ``"check"`` documents."""
        does = {"read": self.read, "write": self.write, "check": self.check}
        return does[action] is not None


@attrs.define
class Registry:
    """The formats, by name, in registration order; the first whose ``detect`` accepts a text is its format."""

    _formats: dict[str, Format] = attrs.field(factory=dict, alias="formats")
    fallback: str = "json"
    """The format of a text no format recognises (reading it then names its problem)."""

    def register(self, entry: Format, *, replace: bool = False) -> Format:
        """Add a format (``replace=True`` to change one already registered)."""
        if entry.name in self._formats and not replace:
            raise ValueError(f"a format named {entry.name!r} is already registered")
        self._formats[entry.name] = entry
        return entry

    def __getitem__(self, name: str) -> Format:
        return self._formats[name]

    def __contains__(self, name: object) -> bool:
        return name in self._formats

    def __iter__(self) -> Iterator[Format]:
        return iter(tuple(self._formats.values()))

    def names(self, can: Action | None = None) -> tuple[str, ...]:
        """The names of the formats, or of those that can ``"read"``, ``"write"`` or ``"check"``."""
        return tuple(entry.name for entry in self if can is None or entry.can(can))

    def find(self, name: str, can: Action) -> Format:
        """The format ``name`` if it can ``"read"``, ``"write"`` or ``"check"``; else a ValueError naming those that can."""
        entry = self._formats.get(name)
        if entry is not None and entry.can(can):
            return entry
        available = ", ".join(map(repr, self.names(can))) or "none"
        if entry is None:
            raise ValueError(f"unknown document format {name!r}; expected one of {available}")
        raise ValueError(f"the {name!r} format cannot {can} documents; formats that can: {available}")

    def detect(self, text: str) -> Format:
        """The format of a text, from its content."""
        return self.detect_data(text)[0]

    def detect_data(self, text: str) -> tuple[Format, Any]:
        """The format of a text, and the text read as one JSON value (:data:`NOT_JSON` when it is not one)."""
        data = parse_or_not(text.lstrip("\ufeff").strip())
        for entry in self:
            if entry.detect is not None and entry.detect(data, text):
                return entry, data
        return self._formats[self.fallback], data


def parse_or_not(text: str) -> Any:
    """The JSON value a text holds, or :data:`NOT_JSON`."""
    try:
        return loads_json(text)
    except ValueError:  # not JSON, or past a limit (a LimitError is a ValueError)
        return NOT_JSON


# ---------------------------------------------------------------------------------------------
# What the entries share to check a raw document


def document_problem(code: str, message: str, value: Any = None, *, path: str = "$", line: int | None = None) -> Problem:
    """A raw-document problem: one of :data:`DOCUMENT_CODES`, named as its rule."""
    return Problem(code=code, message=message, path=path, value=value, line=line, rule=DOCUMENT_CODES[code][0])


def parse_json(text: str, *, line: int | None = None) -> tuple[Any, Problem | None]:
    """The JSON value of a document (or of one line), or the OPS001 problem that stops it."""
    try:
        return loads_json(text), None
    except LimitError as exc:
        return None, _as_document_problem("OPS001", exc.problems[0], line)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}" if line is None else f"column {exc.colno}"
        return None, document_problem("OPS001", f"not valid JSON at {where}: {exc.msg}", text[exc.pos : exc.pos + 20], line=line)


def not_an_object(data: Any, expected: str, *, line: int | None = None) -> Problem | None:
    """The OPS003 problem of a JSON value that is not an object (None when it is one)."""
    if isinstance(data, dict):
        return None
    return document_problem("OPS003", f"expected {expected}, got {type(data).__name__}", line=line)


def problems_of(code: str, error: OpsmodelError, *, line: int | None = None) -> tuple[Problem, ...]:
    """The problems of a reader's error as raw-document problems with ``code``; the reader's own code ends the message."""
    # a count of problems left out stays one, for the callers that add such counts up
    return tuple(
        attrs.evolve(problem, line=line) if problem.code == "too-many-problems" else _as_document_problem(code, problem, line)
        for problem in error.problems
    )


def as_document_problems(code: str, problems: Iterable[Problem], *, line: int | None = None) -> tuple[Problem, ...]:
    """``problems`` (a reader's or a check's) as raw-document problems with ``code``; their own code ends the message."""
    return tuple(_as_document_problem(code, found, line) for found in problems)


def _as_document_problem(code: str, found: Problem, line: int | None) -> Problem:
    path = found.path if found.path.startswith("$") else "$"
    value = found.value if found.value is not None else found.object_id
    return attrs.evolve(
        found,
        code=code,
        path=path,
        value=value,
        message=f"{found.message} [{found.code}]",
        line=found.line if line is None else line,
        rule=DOCUMENT_CODES[code][0],
    )


def read_pieces(read: Callable[[], Report | Operation | None], code: str, *, line: int | None = None) -> Piece:
    """The piece ``read()`` gives, or the problems of the error it raises (as ``code``)."""
    try:
        return Piece(loaded=read(), line=line)
    except OpsmodelError as exc:
        return Piece(problems=problems_of(code, exc, line=line), line=line)


def whole_document(code: str, read: Callable[[str, Any], Report | Operation | None], expected: str | None) -> DataChecker:
    """The ``check_data`` of a format whose document is one JSON value: the value goes to ``read(text, data)``.

    ``expected`` describes the JSON object the document must be (None: any JSON value goes to
    ``read``); the problems of ``read``'s error are reported with ``code``.
    """

    def check_data(text: str, data: Any) -> Iterator[Piece]:
        refused = None if expected is None else not_an_object(data, expected)
        if refused is not None:
            yield Piece(problems=(refused,))
        else:
            yield read_pieces(lambda: read(text, data), code)

    return check_data


def _reading_json(check_data: DataChecker | None) -> Checker | None:
    """The check of a raw text that ``check_data`` checks once it is read as JSON."""
    if check_data is None:
        return None
    checks_data = check_data  # bound for the closure: mypy does not narrow a parameter inside it

    def check(text: str) -> Iterator[Piece]:
        data, broken = parse_json(text)
        if broken is not None:
            yield Piece(problems=(broken,))
        else:
            yield from checks_data(text, data)

    return check
