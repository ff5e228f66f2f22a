"""Whole documents: a model value with its envelope, as text or as plain data."""

from __future__ import annotations

import functools
import typing
from typing import IO, Any, TypeVar, Union

import attrs

from ..._core.errors import DocumentError
from ..._core.jsontext import dumps_indented
from ..._model.description import PLACES
from ..._model.operations import Report
from ..._model.places import Country
from .converter import converter
from .envelope import FORMAT, FORMAT_VERSION, SUPPORTED_VERSIONS, envelope_problems, escape_breaks, no_gc, parse
from .kept import KEPT
from .quick import CAREFUL, attempt
from .reading import read

T = TypeVar("T")

_PLACE: Any = Union[PLACES.members]


def to_dict(obj: Any) -> Any:
    """The plain data (JSON types only) the format writes for a model value, without the envelope.

    A dict for every class except :class:`~opsmodel.Country`, which the format writes as its code.
    """
    if not attrs.has(type(obj)):
        raise TypeError(f"expected an opsmodel model value (a Report, Operation...), got {type(obj).__name__}")
    return converter(False, False).unstructure(obj)


def from_dict(data: Any, cls: type[T], *, keep_unknown: bool = False) -> T:
    """Read a model value of class ``cls`` from plain data (as :func:`to_dict` gives).

    Raises :class:`~opsmodel.errors.DocumentError` listing every problem, each with its JSON path.
    """
    with no_gc():
        return read(data, cls, keep_unknown=keep_unknown, root="$", line=None)


def document(obj: Any) -> dict[str, Any]:
    """The whole document for ``obj``: the envelope and then the value's fields."""
    body = {"code": obj.code} if type(obj) is Country else to_dict(obj)
    return {"format": FORMAT, "format_version": FORMAT_VERSION, **body}


def dumps(obj: Any) -> str:
    """The canonical JSON document for a model value: same value, same text, byte for byte.

    Fields come in the model's order, defaults are left out, instants are UTC with ``Z``, and
    the text is indented by two spaces, UTF-8 friendly (not ``\\u``-escaped), ending in a newline.
    """
    with no_gc():
        data = document(obj)
        # the model holds no float: only kept unknown fields could (then the standard library writes)
        return escape_breaks(dumps_indented(data, exact_types=not KEPT)) + "\n"


@typing.overload
def loads(text: str | bytes, *, keep_unknown: bool = ...) -> Report: ...
@typing.overload
def loads(text: str | bytes, cls: type[T], *, keep_unknown: bool = ...) -> T: ...
def loads(text: str | bytes, cls: type[Any] = Report, *, keep_unknown: bool = False) -> Any:
    """Read a document written by :func:`dumps` (by default a :class:`~opsmodel.Report`).

    Refuses documents of other formats and unknown versions, and unknown fields unless
    ``keep_unknown`` (then they are kept and written back unchanged). Raises
    :class:`~opsmodel.errors.DocumentError`, a ``ValueError``, listing every problem with its JSON path.
    """
    with no_gc():
        return _loads(text, cls, keep_unknown)


def _loads(text: str | bytes, cls: type[Any], keep_unknown: bool) -> Any:
    if not keep_unknown:  # kept fields may hold anything: only the careful route reads them
        found = attempt(text, cls, functools.partial(_decode_strictly, cls))
        if found is not CAREFUL:
            return found
    data = parse(text)
    problems = envelope_problems(data, FORMAT, None)
    if problems:
        raise DocumentError(problems)
    body = {key: value for key, value in data.items() if key != "format" and key != "format_version"}
    if cls is Country:  # a document of one country: its code is a field, as in a place
        return read({**body, "type": PLACES.tag(Country)}, _PLACE, keep_unknown=keep_unknown, root="$", line=None)
    return read(body, cls, keep_unknown=keep_unknown, root="$", line=None)


def _decode_strictly(cls: type[Any], data: Any) -> Any:
    """The document's value if it decodes strictly (raises on anything else: the careful route explains)."""
    if type(data) is not dict or data.get("format") != FORMAT or data.get("format_version") not in SUPPORTED_VERSIONS:
        raise ValueError("not an opsmodel document")
    body = {key: value for key, value in data.items() if key != "format" and key != "format_version"}
    if cls is Country:
        return converter(False, False).structure({**body, "type": PLACES.tag(Country)}, _PLACE)
    return converter(False, False).structure(body, cls)


def dump(obj: Any, fp: IO[str]) -> None:
    """Write :func:`dumps` of ``obj`` to a text file."""
    fp.write(dumps(obj))


@typing.overload
def load(fp: IO[str] | IO[bytes], *, keep_unknown: bool = ...) -> Report: ...
@typing.overload
def load(fp: IO[str] | IO[bytes], cls: type[T], *, keep_unknown: bool = ...) -> T: ...
def load(fp: IO[str] | IO[bytes], cls: type[Any] = Report, *, keep_unknown: bool = False) -> Any:
    """Read a document from a file (see :func:`loads`)."""
    return loads(fp.read(), cls, keep_unknown=keep_unknown)
