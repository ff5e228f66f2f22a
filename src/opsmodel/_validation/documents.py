"""Validation of raw documents (opsmodel JSON, JSON Lines, STIX 2.1 bundles, Navigator layers).

Each format's registry entry (:mod:`opsmodel._formats.registry`) reads a document into pieces:
what it holds and its structural problems, with OPS0xx codes. What loads is then checked with
the rules, like any report or operation; the lines of a JSON Lines corpus are checked together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from .._core.collector import no_gc
from .._core.errors import MAX_PROBLEMS, Problem, too_many
from .._core.limits import MAX_DOCUMENT_CHARS
from .._formats.builtin import FORMATS
from .._formats.registry import DOCUMENT_CODES, NOT_JSON, Piece, document_problem
from .._model.operations import Operation, Report
from .engine import Context, selects
from .validator import Validator

Progress = Callable[[int, int], None]


def detect_format(text: str) -> str:
    """Guess a document's format from its content: ``"stix"``, ``"json"``, ``"jsonl"`` or ``"navigator"``.

    A JSON object whose ``type`` is ``"bundle"`` is STIX; a JSON object with a ``domain`` and a
    list of ``techniques`` is a Navigator layer; another single JSON value is opsmodel JSON;
    several lines that each hold a JSON object are JSON Lines. Text that is none of these is
    reported as ``"json"``, so that reading it names the syntax error.
    """
    return FORMATS.detect(text).name


def iter_document_errors(
    text: str | bytes,
    *,
    format: str | None = None,
    progress: Progress | None = None,
    **options: Any,
) -> Iterator[Problem]:
    """Yield every problem of a raw document: structural problems first, then the rules' findings.

    ``format`` is a registered format that can be checked (``"json"``, ``"jsonl"``, ``"stix"``,
    ``"navigator"``), detected from the content when omitted. In JSON Lines, each line is an
    operation: problems carry its ``line`` and paths start at it. ``progress(done, total)`` is
    called as the lines are read. ``options`` are the keyword arguments of :func:`iter_errors`
    (``rules``, ``select``, ``ignore``, ``strict``, ``catalogue``). Document codes (OPS0xx) are
    reported whatever ``select`` says (an unreadable document has not been checked) unless
    ``ignore`` names them.
    """
    return check_document(Validator(**options), text, format=format, progress=progress)


def check_document(
    validator: Validator, text: str | bytes, *, format: str | None = None, progress: Progress | None = None
) -> Iterator[Problem]:
    """The problems of a raw document, its loaded contents checked by ``validator``.

    At most :data:`~opsmodel.errors.MAX_PROBLEMS` are yielded; the last problem then counts the rest
    (code ``too-many-problems``), so that a document with a million bad entries stays cheap to report.

    The document is read and checked with the cyclic garbage collector paused (see ``no_gc``):
    reading it allocates millions of objects, which the collector would otherwise walk again and
    again while they are read and checked. So that the caller's code never runs paused, the pause
    ends before the first problem is handed over: the (at most ``MAX_PROBLEMS`` + 1) problems are
    gathered first; the document is read whole before the first of them anyway.
    """
    with no_gc():
        problems = list(_capped(_check_document(validator, text, format=format, progress=progress)))
    yield from problems


def _capped(found: Iterable[Problem]) -> Iterator[Problem]:
    more = 0
    for count, problem in enumerate(found):
        if problem.code == "too-many-problems" and isinstance(problem.value, int):
            more += problem.value
        elif count < MAX_PROBLEMS:
            yield problem
        else:
            more += 1
    if more:
        yield too_many(more)


def _check_document(
    validator: Validator, text: str | bytes, *, format: str | None = None, progress: Progress | None = None
) -> Iterator[Problem]:
    reported = _document_filter(validator.ignore)
    if isinstance(text, bytes):
        decoded = _decode(text)
        if isinstance(decoded, Problem):
            yield from _kept([decoded], reported)
            return
        text = decoded
    text = text.lstrip("\ufeff")
    entry, data = FORMATS.detect_data(text) if format is None else (FORMATS.find(format, "check"), NOT_JSON)
    if not text or text.isspace():  # (strip() would copy the whole text to say so)
        yield from _kept([document_problem("OPS002", "the document is empty")], reported)
        return
    if entry.check is None:  # detected as a format registered without a check
        yield from _kept([document_problem("OPS003", f"{entry.name} documents cannot be checked")], reported)
        return
    # the text as detection read it, unless it is past the size limit (before stripping) that the check reports
    read_once = entry.check_data is not None and data is not NOT_JSON and len(text) <= MAX_DOCUMENT_CHARS
    checked = entry.check_data(text, data) if read_once and entry.check_data is not None else entry.check(text)
    pieces = checked if progress is None else _with_progress(checked, text.count("\n") + 1, progress)
    if entry.lines:
        yield from _check_corpus(pieces, validator, reported)
        return
    for piece in pieces:
        yield from _kept(piece.problems, reported)
        if piece.loaded is not None:
            yield from validator.iter_errors(piece.loaded)


def _decode(data: bytes) -> str | Problem:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return document_problem("OPS001", f"not UTF-8 text: {exc.reason} at byte {exc.start}", data[exc.start : exc.start + 8])


def _with_progress(pieces: Iterable[Piece], total: int, progress: Progress | None) -> Iterator[Piece]:
    for piece in pieces:
        if progress is not None:
            progress((piece.line or total) - 1, total)
        yield piece


def _check_corpus(pieces: Iterable[Piece], validator: Validator, reported: Callable[[str], bool]) -> Iterator[Problem]:
    """The lines of a corpus: each line's own problems, then the rules over the operations together.

    Relations and ids across lines resolve; dates resolve against the header's report, if any.
    """
    header: Report | None = None
    corpus: list[tuple[int, Operation]] = []
    for piece in pieces:
        yield from _kept(piece.problems, reported)
        if isinstance(piece.loaded, Operation) and piece.line is not None:
            corpus.append((piece.line, piece.loaded))
        elif isinstance(piece.loaded, Report) and header is None:
            header = piece.loaded
    first: dict[str, int] = {}
    for index, (_, operation) in enumerate(corpus):
        first.setdefault(operation.id, index)
    rules = validator.rules
    for index, (line, operation) in enumerate(corpus):
        context = Context(report=header, index=index, catalogue=validator.catalogue, operation_ids=first, lines=True)
        for problem in validator.check_operation(operation, context, rules):
            yield attrs.evolve(problem, line=line)


def _kept(problems: Iterable[Problem], reported: Callable[[str], bool]) -> Iterator[Problem]:
    return (problem for problem in problems if reported(problem.code))


def _document_filter(ignore: Iterable[str]) -> Callable[[str], bool]:
    """Whether to report a document code: always, unless ``ignore`` names it.

    ``select`` does not drop document codes: a document that cannot be read has not been checked,
    and must not pass as valid because only, say, the date rules were selected.
    """
    ignored = tuple(ignore)

    def reported(code: str) -> bool:
        name = DOCUMENT_CODES[code][0] if code in DOCUMENT_CODES else code
        return not any(selects(key, code, name) for key in ignored)

    return reported
