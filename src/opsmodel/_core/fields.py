"""Shared machinery for the model classes: error reporting, vocabularies, small validators.

Converters in the model are named functions, or the generic classes below applied to a type
(``TupleOf[AIPurpose]``): the attrs mypy plugin types ``__init__`` from either, and from nothing
else. They raise :class:`Invalid`, which knows the bad value and what was expected but not the
field; :func:`model` wraps each class's ``__init__`` so that, only on that error path, the
failing field is found and a :class:`~opsmodel.FieldError` naming class, field, value and
expectation is raised instead.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

if TYPE_CHECKING:
    from typing_extensions import Self

from .errors import FieldError, show_value
from .pickling import compact_pickles

T = TypeVar("T")
C = TypeVar("C", bound=type)

QUOTES = "'\"`"
_SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$")


def shown(value: Any) -> str:
    """A value as a message shows it: a model object by its text, anything else by a short ``repr``.

    Never an attrs ``repr``: that spells out every field (``fold=0`` of a datetime included).
    """
    if attrs.has(type(value)):
        return f"{type(value).__name__} {show_value(str(value))}"
    return show_value(value)


def with_article(noun: str) -> str:
    """The noun with its indefinite article: ``a Country``, ``an AssetKind``, ``an 'indicator'``.

    Quotes and backticks are looked through: the article goes by the word's first letter.
    """
    return f"{'an' if noun.lstrip(QUOTES)[:1].lower() in 'aeiou' else 'a'} {noun}"


def got(value: Any) -> str:
    """ "got str 'x'": the value's type and (short) text, for a converter's problem."""
    if attrs.has(type(value)):
        return f"got {shown(value)}"
    return f"got {type(value).__name__} {show_value(value)}"


class Invalid(Exception):
    """Raised by converters; turned into a FieldError once the field is known.

    Deliberately not a ValueError so that ``Enum._missing_`` re-raises it unchanged.
    """

    def __init__(self, value: Any, expected: str, problem: str | None = None, where: str = "") -> None:
        super().__init__(value, expected, problem, where)
        self.value = value
        self.expected = expected
        self.problem = problem if problem is not None else f"got {shown(value)}"
        self.where = where


def model(cls: C) -> C:
    """Make a frozen attrs class report conversion errors with its class and field names."""
    generated = cls.__init__  # type: ignore[misc]

    @functools.wraps(generated)
    def __init__(self: Any, **kwargs: Any) -> None:
        try:
            generated(self, **kwargs)
        except Invalid as exc:
            raise _locate(cls, kwargs, exc) from None
        except FieldError as exc:
            # A converter that builds a nested model object from plain data (a place from
            # "Narnia", a Count from -1) failed inside that class: name our field as well.
            raise _locate_nested(cls, kwargs, exc) from None

    cls.__init__ = __init__  # type: ignore[misc]
    compact_pickles(cls)
    return cls


def _locate(cls: type, kwargs: dict[str, Any], exc: Invalid) -> FieldError:
    for attribute in attrs.fields(cls):
        if attribute.converter is None or attribute.alias not in kwargs:
            continue
        value = kwargs[attribute.alias]
        try:
            attribute.converter(value)
        except Invalid as found:
            return FieldError(
                owner=cls.__name__,
                field=attribute.name + found.where,
                value=found.value,
                expected=found.expected,
                problem=found.problem,
            )
    return FieldError(owner=cls.__name__, field="?", value=exc.value, expected=exc.expected, problem=exc.problem)


def _locate_nested(cls: type, kwargs: dict[str, Any], exc: FieldError) -> FieldError:
    for attribute in attrs.fields(cls):
        if attribute.converter is None or attribute.alias not in kwargs:
            continue
        try:
            attribute.converter(kwargs[attribute.alias])
        except FieldError as found:
            return FieldError(
                owner=cls.__name__,
                field=f"{attribute.name}.{found.field}",
                value=found.value,
                expected=found.expected,
                problem=found.problem,
            )
        except Invalid:
            continue
    return exc  # raised by one of our own validators: it already names our field


def fail(instance: Any, attribute: attrs.Attribute[Any], value: Any, expected: str, problem: str | None = None) -> FieldError:
    """Build the error a validator raises."""
    return FieldError(
        owner=type(instance).__name__,
        field=attribute.name,
        value=value,
        expected=expected,
        problem=problem if problem is not None else f"got {shown(value)}",
    )


E = TypeVar("E", bound=enum.Enum)


class _VocabularyType(enum.EnumMeta):
    # Converters call the class on every construction; members pass through without Enum's
    # lookup machinery, which dominates the cost of building small objects. Typed for type
    # checkers that read a metaclass's __call__ (pyright): a member or its text in, a member out.
    def __call__(cls: type[E], value: str, *args: Any, **kwargs: Any) -> E:  # type: ignore[misc]
        given: Any = value
        if given.__class__ is cls:
            return given
        member: E = enum.EnumMeta.__call__(cls, value, *args, **kwargs)
        return member


class Vocabulary(str, enum.Enum, metaclass=_VocabularyType):
    """A closed vocabulary whose members are also their lowercase string values.

    Lookup is forgiving about case, spaces and hyphens (``"Upper end"`` finds ``UPPER_END``)
    and a miss names every accepted value.
    """

    if TYPE_CHECKING:
        # For type checkers only: a vocabulary is built from a member or its text (the attrs
        # plugin types a constructor parameter whose converter is the class from this).
        def __new__(cls, value: str) -> Self: ...

        # Every member's value is its lowercase text: a str, not the Any a custom __new__ gives.
        @property
        def value(self) -> str: ...

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if isinstance(value, str):
            key = re.sub(r"[\s-]+", "_", value.strip()).lower()
            for member in cls:
                if member.value == key or member.name.lower() == key:
                    return member
        choices = ", ".join(repr(m.value) for m in cls)
        raise Invalid(value, f"one of {choices}", problem=f"{shown(value)} is not {with_article(cls.__name__)}")

    @classmethod
    def _plural(cls) -> str:
        """The vocabulary's name in the plural, as messages say it: ``AIPurpose`` gives "AI purposes".

        Acronyms keep their capitals; a vocabulary whose name reads badly so says its own.
        """
        words = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|_", " ", cls.__name__).split()
        return " ".join(word if word.isupper() else word.lower() for word in words) + "s"


_SEQUENCES = frozenset({tuple, list})


def tuple_of(value: Any, item: Callable[[Any], T], what: str, *, ready: Callable[[Any], object] | None = None) -> tuple[T, ...]:
    """Convert an iterable (not a bare string) to a tuple, converting every item.

    A tuple whose items are all ``ready`` (already what ``item`` returns) is kept as it is, and
    a list of them becomes a tuple without calling ``item``: converters run on every
    construction, and most values arrive already converted.
    """
    if ready is not None and (kind := type(value)) in _SEQUENCES and all(map(ready, value)):
        return value if kind is tuple else tuple(value)
    if isinstance(value, (str, bytes, dict)) or not isinstance(value, Iterable):
        raise Invalid(value, f"a list or tuple of {what}", problem=got(value))
    result = []
    for index, element in enumerate(value):
        try:
            result.append(item(element))
        except Invalid as exc:
            raise Invalid(exc.value, exc.expected, exc.problem, where=f"[{index}]{exc.where}") from None
        except FieldError as exc:
            # An item built from plain data failed inside its own class: keep the inner field.
            raise Invalid(exc.value, exc.expected, exc.problem, where=f"[{index}].{exc.field}") from None
    return tuple(result)


V = TypeVar("V", bound=Vocabulary)
M = TypeVar("M")


# The attrs mypy plugin types a constructor's parameter from a converter that is a named
# function, a class, or a generic class applied to a type (``TupleOf[AIPurpose]``), never from a
# call. So that one definition serves every vocabulary and every model class, the converters
# below are generic classes. Type checkers read the ``__new__`` each declares as the converter's
# signature (what it accepts, what it returns; mypy wants a class's ``__new__`` to return an
# instance, hence the ignores). At run time, subscribing one returns the converter function its
# ``_make`` makes for the type, once per type; they are never instantiated.


class _Converter:
    """The base of the generic converters: ``Kind[T]`` is ``Kind``'s converter function for ``T``."""

    def __new__(cls, *args: Any) -> Any:
        raise TypeError(f"{cls.__name__} is a converter: use {cls.__name__}[SomeType](value)")

    def __class_getitem__(cls, item: Any) -> Any:
        kind: Any = cls  # typeshed's functools.cache takes Hashable, which mypy says a class is not
        return _made(kind, item)

    @staticmethod
    def _make(item: Any) -> Callable[[Any], Any]:
        raise NotImplementedError


@functools.cache
def _made(kind: type[_Converter], item: Any) -> Callable[[Any], Any]:
    return kind._make(item)


class TupleOf(_Converter, Generic[V]):
    """``converter=TupleOf[AIPurpose]``: a tuple of a vocabulary's members, from members or their text."""

    if TYPE_CHECKING:

        def __new__(cls, value: Iterable[V | str]) -> tuple[V, ...]: ...  # type: ignore[misc]

    @staticmethod
    def _make(vocabulary: Any) -> Callable[[Any], Any]:
        plural = vocabulary._plural()

        def is_member(item: Any) -> bool:
            return type(item) is vocabulary

        def to_members(value: Any) -> tuple[Any, ...]:
            return tuple_of(value, vocabulary, plural, ready=is_member)

        return to_members


class InstancesOf(_Converter, Generic[M]):
    """``converter=InstancesOf[Persona]``: a tuple of model objects from any iterable of them."""

    if TYPE_CHECKING:

        def __new__(cls, value: Iterable[M]) -> tuple[M, ...]: ...  # type: ignore[misc]

    @staticmethod
    def _make(cls: Any) -> Callable[[Any], Any]:
        def to_instances(value: Any) -> tuple[Any, ...]:
            return instances(value, cls)

        return to_instances


class OptionalOf(_Converter, Generic[M]):
    """``converter=OptionalOf[AIAccess]``: a value from itself or its text, or None.

    The text of a vocabulary's member is its value (``"api"``), that of a model object its name
    (``OptionalOf[Audience]`` reads ``"voters"`` as ``Audience(name="voters")``).
    """

    if TYPE_CHECKING:

        def __new__(cls, value: M | str | None) -> M | None: ...  # type: ignore[misc]

    @staticmethod
    def _make(cls: Any) -> Callable[[Any], Any]:
        if issubclass(cls, Vocabulary):
            # the vocabulary reads its text and explains a miss itself
            def to_optional_member(value: Any) -> Any:
                return None if value is None else cls(value)

            return to_optional_member
        expected = f"{with_article(cls.__name__)} or its name"

        def to_optional_by_name(value: Any) -> Any:
            if value is None or isinstance(value, cls):
                return value
            if isinstance(value, str):
                return cls(name=value)
            raise Invalid(value, expected)

        return to_optional_by_name


def optional_worded(value: Any, cls: type[T], read: Callable[[str], dict[str, Any]], expected: str) -> T | None:
    """``value`` as a ``cls`` or None: a ``cls`` as it is, or a report's wording, read and kept as ``wording``."""
    if value is None or isinstance(value, cls):
        return value
    if isinstance(value, str):
        return cls(**read(value), wording=value)  # type: ignore[call-arg]  # a worded model class
    raise Invalid(value, expected)


def read_text(value: Any, read: Callable[[str], T], expected: str) -> T:
    """Read a field given as text with ``read``; anything but a string is refused with ``expected``."""
    if not isinstance(value, str):
        raise Invalid(value, expected, problem=got(value))
    return read(value)


def instance_of(value: Any, cls: type[T], what: str) -> T:
    if not isinstance(value, cls):
        raise Invalid(value, what, problem=got(value))
    return value


def instances(value: Any, cls: type[T]) -> tuple[T, ...]:
    """A tuple of ``cls`` instances from any iterable of them."""
    kind = type(value)
    if kind in _SEQUENCES and all(type(item) is cls for item in value):
        return value if kind is tuple else tuple(value)  # the common case, without a call per item
    return tuple_of(value, lambda item: instance_of(item, cls, with_article(cls.__name__)), f"{cls.__name__} objects")


def _is_text(item: Any) -> bool:
    return type(item) is str and bool(item) and not item.isspace() and (item.isascii() or _SURROGATE.search(item) is None)


# A lone surrogate ("\ud800", from a JSON escape) is not a character: text holding one cannot be
# written as UTF-8, so it is refused where it enters the model rather than when it is saved.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


def to_text_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple_of(value, to_text, "non-empty strings", ready=_is_text)


def to_text(value: str) -> str:
    # the common case first, in one test: ASCII text that is not blank
    if type(value) is str and value.isascii() and value and not value.isspace():
        return value
    if not isinstance(value, str):
        raise Invalid(value, "a string", problem=got(value))
    if not value or value.isspace():
        raise Invalid(value, "a non-empty string", problem="got a blank string")
    if _has_surrogate(value):
        found = _SURROGATE.search(value)
        at = found.start() if found else 0
        raise Invalid(value, "text that can be written as UTF-8", problem=f"got a lone surrogate U+{ord(value[at]):04X} at {at}")
    return value


def to_optional_text(value: str | None) -> str | None:
    # to_text's common case inline: most optional texts are given, and ASCII
    if type(value) is str and value.isascii() and value and not value.isspace():
        return value
    return None if value is None else to_text(value)


def to_slug(value: str) -> str:
    if not _is_slug(value) and not (isinstance(value, str) and _SLUG.fullmatch(value)):
        raise Invalid(
            value,
            "an identifier of lowercase letters, digits, '.', '_' and '-' (e.g. 'bad-grammar')",
        )
    return value


# Identifiers recur (a source id is cited by every fact of its operation): the ones already
# matched are remembered, so that a set lookup replaces the pattern. Bounded: cleared when full.
_SLUGS_SEEN: set[str] = set()
_SLUGS_SEEN_MAX = 65_536


def _is_slug(item: Any) -> bool:
    if type(item) is not str:
        return False
    if item in _SLUGS_SEEN:
        return True
    if _SLUG.fullmatch(item) is None:
        return False
    if len(_SLUGS_SEEN) >= _SLUGS_SEEN_MAX:
        _SLUGS_SEEN.clear()
    _SLUGS_SEEN.add(item)
    return True


_JUST_STR = frozenset({str})


def to_source_ids(value: Iterable[str]) -> tuple[str, ...]:
    kind = type(value)
    # most lists of source ids repeat ids already matched: two C-level passes, no call per id
    # (the types first: an unhashable item must reach the careful path, not the set)
    if kind in _SEQUENCES and _JUST_STR.issuperset(map(type, value)) and _SLUGS_SEEN.issuperset(value):
        return value if isinstance(value, tuple) else tuple(value)
    return tuple_of(value, to_slug, "source ids", ready=_is_slug)


def to_optional_slug(value: str | None) -> str | None:
    return None if value is None else to_slug(value)


def any_given(*names: str, expected: str, problem: str | None = None) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator: at least one of the fields ``names`` is given (not None).

    attrs runs validators once every field is set, so it may sit on any field; the error names
    that one. Unless told, the problem says what is missing: "neither name nor description given".
    """
    missing = problem if problem is not None else f"neither {', '.join(names[:-1])} nor {names[-1]} given"

    def check_any_given(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        for name in names:
            if getattr(instance, name) is not None:
                return
        raise fail(instance, attribute, value, expected, problem=missing)

    return check_any_given


def whole_number(least: int, most: int | None = None, *, expected: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator: an ``int`` (a bool is not one) from ``least`` to ``most`` (no upper end if None)."""

    def check_whole_number(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not int or value < least or (most is not None and value > most):
            raise fail(instance, attribute, value, expected)

    return check_whole_number


def check_bool(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not True and value is not False:
        raise fail(instance, attribute, value, "True or False")


def slugify(text: str) -> str:
    """A stable identifier derived from a name: ``"Zero Zeno"`` gives ``"zero-zeno"``."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "unnamed"


def check_confidence_score(instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (type(value) is not int or not 0 <= value <= 100):
        raise fail(instance, attribute, value, "an integer from 0 to 100")


def words_of(member: Vocabulary) -> str:
    """A vocabulary member as words: ``accounts_banned`` reads "accounts banned"."""
    return str(member.value).replace("_", " ")
