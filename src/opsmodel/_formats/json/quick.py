"""The quick route of the readers: parse, decode strictly, and skip the limits walk when the decoding proves it.

The careful route (:func:`~.envelope.parse`, then :func:`~.reading.read`) holds the whole text
to the limits with a walk over the parsed data before decoding it: on a large document the walk
costs as much as ``json.loads`` itself. When a document decodes strictly (no unknown field,
every value of the JSON type its field takes) into a model class, the walk has nothing left to
find:

* nesting: every container was decoded as a model object or an array of a field, so the data is
  no deeper than the class's own nesting (:func:`nesting`, at most a dozen levels, and the quick
  route is not taken for a class nested deeper than the limit);
* numbers: the standard parser checks each as it reads it; orjson gives floats for what it cannot
  hold exactly, and no field takes a float;
* strings: none can be longer than the text; past :data:`~opsmodel._core.limits.MAX_STRING_CHARS`
  characters, a cheap look at the text (:func:`strings_within_limit`) shows that no string is,
  or the careful route is taken.

Whatever fails on the quick route (a syntax error, a limit, a problem in the data) is read again
on the careful route, from the text, so that every refusal is the careful route's, with its
codes, paths and messages.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

import attrs

from ..._core.jsontext import parse
from ..._core.limits import MAX_DEPTH, MAX_DOCUMENT_CHARS, MAX_STRING_CHARS
from ..._model.description import Kind, TaggedUnion, fields_of

#: What :func:`attempt` gives when the quick route does not apply or fails: take the careful one.
CAREFUL: Any = object()

# A quote after anything but a backslash ends or starts a string: inside a string a quote is escaped.
_DELIMITER = re.compile(r'[^\\]"')
_DELIMITER_BYTES = re.compile(rb'[^\\]"')


@functools.cache
def nesting(cls: type, _within: frozenset[type] = frozenset()) -> int:
    """How many JSON containers the deepest path of a ``cls`` object nests (the object itself is one).

    An upper bound (a country outside a place is a string, counted as an object); a class that
    contains itself is nested without bound (a number past :data:`MAX_DEPTH`).
    """
    if cls in _within:
        return MAX_DEPTH + 1
    within = _within | {cls}
    deepest = 0
    for field in fields_of(cls):
        members: tuple[Any, ...] = ()
        if field.kind is Kind.MODEL:
            members = (field.item,)
        elif field.kind is Kind.UNION and isinstance(field.item, TaggedUnion):
            members = field.item.members
        inner = max((nesting(member, within) for member in members), default=0)
        deepest = max(deepest, inner + (1 if field.many else 0))
    return 1 + deepest


def strings_within_limit(text: str | bytes) -> bool:
    """True when no string of the JSON text can be longer than :data:`MAX_STRING_CHARS` (False: maybe one is).

    A string that long spans, between its quotes, a whole aligned block of half the limit in
    which every quote is escaped; so if each block holds a quote after something other than a
    backslash, there is none. A few searches that stop at the first quote of each block.
    """
    if len(text) <= MAX_STRING_CHARS:
        return True
    step = MAX_STRING_CHARS // 2
    search = (_DELIMITER_BYTES if isinstance(text, bytes) else _DELIMITER).search
    return all(search(text, start, start + step) for start in range(0, len(text) - step + 1, step))  # type: ignore[arg-type]


def applies(text: str | bytes, cls: Any) -> bool:
    """Whether the quick route may read ``text`` as a ``cls`` (a model class nested within the limit)."""
    return (
        isinstance(cls, type)
        and attrs.has(cls)
        and nesting(cls) <= MAX_DEPTH
        and len(text) <= MAX_DOCUMENT_CHARS
        and strings_within_limit(text)
    )


def attempt(text: str | bytes, cls: type, decode: Callable[[Any], Any]) -> Any:
    """``decode`` of the text's data, or :data:`CAREFUL` when the quick route does not apply or anything fails.

    ``decode`` must refuse (raise) anything but data decoding strictly into a ``cls`` object.
    """
    if not applies(text, cls):
        return CAREFUL
    try:
        data, _exact = parse(text)
        return decode(data)
    except Exception:
        return CAREFUL
