"""The exceptions opsmodel raises and the one record of a problem they all carry.

Every error opsmodel raises on purpose is an :class:`OpsmodelError`, and every problem anywhere
(a bad field, a broken document, a validation finding, a technique a catalogue does not know) is
a :class:`Problem`: a stable code, a severity, a JSON path, a message and the offending value.
Errors about the data given are also :class:`ValueError`\\ s (:class:`DataError`); errors reaching
files or the network are also :class:`OSError`\\ s (:class:`AccessError`), so code written
against the standard library's conventions keeps working.
"""

from __future__ import annotations

import enum
import reprlib
from collections.abc import Iterable
from typing import Any, ClassVar

import attrs

#: The codes of problems that are not tied to one format or rule (each layer adds its own table;
#: :data:`opsmodel.errors.CODES` is the union of all of them).
CORE_CODES: dict[str, str] = {
    "error": "an error with no more specific code",
    "invalid": "data that is not what it should be, with no more specific code",
    "access": "a file or network resource that cannot be read, written or fetched",
    "field": "a model field given a value it cannot hold (FieldError)",
    "parse": "a text (a date, a count, a country name) that cannot be read (ParseError)",
    "validation": "a report or operation that failed validation, summarised (ValidationError)",
    "input": "an input file that cannot be read (InputError)",
    "not-utf8": "an input that is not UTF-8 text (DecodingError)",
    "limit": "outside data past one of the documented limits, with no more specific code (LimitError)",
    "output": "an output file that cannot be written (a read-only directory, a full disk, a directory in the way)",
}


class Severity(str, enum.Enum):
    """How bad a problem is: errors make data invalid; warnings only do in strict mode."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


def _to_severity(value: Any) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise FieldError(
            owner="Problem", field="severity", value=value, expected="one of 'error', 'warning'", problem=f"got {value!r}"
        ) from None


def _must_be_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise FieldError(
            owner=type(instance).__name__,
            field=attribute.name,
            value=value,
            expected="a string",
            problem=f"got {type(value).__name__} {show_value(value)}",
        )


_SHOW = reprlib.Repr()
_SHOW.maxstring = 80
_SHOW.maxother = 80
_SHOW.maxlevel = 3


def show_value(value: Any) -> str:
    """A short, safe ``repr`` of a value for a message: long strings and deep containers are cut."""
    try:
        return _SHOW.repr(value)
    except Exception:  # a user's object whose repr fails must not hide the real problem
        return f"<{type(value).__name__}>"


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong, wherever it was found: in a field, a document, a report or a catalogue check.

    ``code`` is stable across releases (:data:`opsmodel.errors.CODES` lists every code);
    ``path`` is a JSON path into the data as the JSON format nests it
    (``$.operations[2].activity.start``; relative to the operation in a rule's own check);
    ``value`` is the offending value. The optional fields say more where it is known: what was
    ``expected``, the 1-based ``line`` of a JSON Lines input, the STIX ``object_id`` and the
    ``rule`` name of a validation finding.
    """

    # A rule's check may leave the code out: the validation engine sets the rule's code.
    #: A stable code naming the kind of problem (``type``, ``OPS101``...); see
    #: :data:`opsmodel.errors.CODES`.
    code: str = attrs.field(default="error", validator=_must_be_text)
    #: What is wrong, in words.
    message: str = attrs.field(validator=_must_be_text)
    #: A JSON path to the bad value as the JSON format nests it
    #: (``$.operations[2].activity.start``).
    path: str = attrs.field(default="$", validator=_must_be_text)
    #: ``error`` makes the data invalid; a ``warning`` only does in strict mode.
    severity: Severity = attrs.field(default=Severity.ERROR, converter=_to_severity)
    # shown cut in a repr: a value may be ten megabytes, or nested deeper than repr() can follow
    #: The offending value, if there is one.
    value: Any = attrs.field(default=None, eq=False, repr=lambda value: show_value(value))
    #: What was expected instead.
    expected: str | None = None
    #: The 1-based line of a JSON Lines input the problem is on.
    line: int | None = None
    #: The id of the STIX object the problem is in.
    object_id: str | None = None
    #: The name of the validation rule that found it.
    rule: str | None = None

    @property
    def is_error(self) -> bool:
        """Whether the problem is an error (not a warning)."""
        return self.severity is Severity.ERROR

    @property
    def location(self) -> str:
        """The path, preceded by the line of a JSON Lines record and followed by a STIX object's id."""
        where = self.path if self.line is None else f"line {self.line}, {self.path}"
        return f"{where} ({self.object_id})" if self.object_id else where

    def as_dict(self) -> dict[str, Any]:
        """The problem as JSON-compatible data (a value that is not plain JSON is shown as text)."""
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.value,
            "path": self.path,
            "message": self.message,
            "value": _plain(self.value),
        }
        for name in ("expected", "line", "object_id", "rule"):
            extra = getattr(self, name)
            if extra is not None:
                data[name] = extra
        return data

    def __str__(self) -> str:
        expected = f"; expected {self.expected}" if self.expected else ""
        return f"{self.location}: {self.severity.value} {self.code}: {self.message}{expected}"


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return value if len(value) <= 200 else value[:200] + "..."
    return show_value(value)


#: Problems one error collects; past it, one last problem (code ``too-many-problems``) counts the rest.
MAX_PROBLEMS = 1000


def capped(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """The first :data:`MAX_PROBLEMS` problems, then one that counts those left out (memory stays bounded)."""
    kept: list[Problem] = []
    more = 0
    for found in problems:
        if found.code == "too-many-problems" and isinstance(found.value, int):
            more += found.value  # a count made further down, by a reader that stopped collecting
        elif len(kept) < MAX_PROBLEMS:
            kept.append(found)
        else:
            more += 1
    if more:
        kept.append(too_many(more))
    return tuple(kept)


def _counted(problems: tuple[Problem, ...]) -> int:
    """How many problems there were, those counted but not collected included."""
    if problems and problems[-1].code == "too-many-problems":
        return len(problems) - 1 + int(problems[-1].value)
    return len(problems)


def count_of(number: int, noun: str) -> str:
    """``count_of(1, "error")`` is ``"1 error"``, ``count_of(2, "error")`` is ``"2 errors"``."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def too_many(more: int, path: str = "$") -> Problem:
    """The problem that says ``more`` problems were counted but not collected."""
    noun = "problem" if more == 1 else "problems"
    message = f"{more} more {noun} not listed (at most {MAX_PROBLEMS} are collected)"
    return Problem(code="too-many-problems", path=path, message=message, value=more)


def _one_line(text: str, limit: int = 1000) -> str:
    text = text if len(text) <= limit else text[: limit - 3] + "..."
    return text.replace("\n", " ")


def _summary(headline: str, problems: tuple[Problem, ...], shown: int) -> str:
    # each problem on one line of bounded length, whatever a value or message holds
    lines = [f"  {_one_line(str(problem))}" for problem in problems[:shown]]
    if len(problems) > shown:
        lines.append(f"  ... and {len(problems) - shown} more (see the error's problems)")
    return headline + ("\n" + "\n".join(lines) if lines else "")


class OpsmodelError(Exception):
    """Base class of every error opsmodel raises on purpose; :attr:`problems` says what went wrong.

    Subclasses that hold several problems set them; any other error holds one problem whose
    code is the class's :attr:`code` and whose message is the error's own.
    """

    code: str = "error"

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem the error reports, each with a code and a path."""
        found: tuple[Problem, ...] | None = self.__dict__.get("_problems")
        if found is not None:
            return found
        return (Problem(code=self.code, message=str(self)),)

    @problems.setter
    def problems(self, problems: Iterable[Problem]) -> None:
        self.__dict__["_problems"] = tuple(problems)


class DataError(OpsmodelError, ValueError):
    """The data given is not what it should be (a value, a text, a document, a catalogue file)."""

    code = "invalid"


class AccessError(OpsmodelError, OSError):
    """A file or a network resource could not be read, written or fetched."""

    code = "access"

    def __init__(self, message: str) -> None:
        super().__init__(message)  # one argument: OSError would read two as (errno, strerror)


class _ProblemsError(DataError):
    """An error that lists many problems: its message counts them and spells out the first few.

    A subclass says where the problems are (``_headline``, with ``{}`` for "3 problems") and how
    many its message spells out (``_shown``); :attr:`problems` keeps them all, capped at
    :data:`MAX_PROBLEMS` with one last problem counting the rest.
    """

    _headline: ClassVar[str] = "{}"
    _shown: ClassVar[int] = 10

    def __init__(self, problems: Iterable[Problem]) -> None:
        found = capped(problems)
        super().__init__(_summary(self._headline.format(count_of(_counted(found), "problem")), found, self._shown))
        self.problems = found

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems,))


class FieldError(DataError):
    """A model field was given a value it cannot hold.

    The message names the class and field, shows the offending value and says what was
    expected, e.g. ``Country.code: 'Narnia' is not a country; expected an ISO 3166-1
    alpha-2 or alpha-3 code or an English country name``.
    """

    code = "field"
    owner: str
    field: str
    value: Any
    expected: str
    problem: str

    def __init__(self, *, owner: str, field: str, value: Any, expected: str, problem: str) -> None:
        self.owner = owner
        self.field = field
        self.value = value
        self.expected = expected
        self.problem = problem
        super().__init__(f"{owner}.{field}: {problem}; expected {expected}")
        self.problems = (Problem(code=self.code, message=f"{owner}.{field}: {problem}", value=value, expected=expected),)

    def __reduce__(self) -> tuple[Any, ...]:
        # keyword-only __init__: teach pickle (and multiprocessing) how to rebuild us
        return (_rebuild_field_error, (self.owner, self.field, self.value, self.expected, self.problem))


def _rebuild_field_error(owner: str, field: str, value: Any, expected: str, problem: str) -> FieldError:
    return FieldError(owner=owner, field=field, value=value, expected=expected, problem=problem)


class ParseError(DataError):
    """A text (a date, a count, a country name...) could not be read."""

    code = "parse"
    text: Any
    expected: str
    problem: str

    def __init__(self, *, text: Any, expected: str, problem: str) -> None:
        self.text = text
        self.expected = expected
        self.problem = problem
        super().__init__(f"{problem}; expected {expected}")
        self.problems = (Problem(code=self.code, message=problem, value=text, expected=expected),)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_parse_error, (self.text, self.expected, self.problem))


def _rebuild_parse_error(text: Any, expected: str, problem: str) -> ParseError:
    return ParseError(text=text, expected=expected, problem=problem)


# ---------------------------------------------------------------------------------------------
# The JSON format (opsmodel.json)


class DocumentError(_ProblemsError):
    """A document that cannot be read; :attr:`problems` lists every problem found, in document order.

    The message counts them and spells out the first 20.
    """

    _headline = "{} in the document:"
    _shown = 20


# ---------------------------------------------------------------------------------------------
# The model's errors (the bundled examples)


class UnknownExampleError(OpsmodelError, LookupError):
    """No bundled example has that name."""


# ---------------------------------------------------------------------------------------------
# Validation and the command line


class ValidationError(DataError):
    """Data failed validation; :attr:`problems` (also :attr:`findings`) holds every problem, errors and warnings."""

    code = "validation"

    def __init__(self, findings: Iterable[Problem]) -> None:
        self.problems = findings
        errors = self.errors
        warnings = len(self.problems) - len(errors)
        shown = "; ".join(_one_line(str(problem)) for problem in errors[:3])
        more = f"; and {len(errors) - 3} more" if len(errors) > 3 else ""
        counts = count_of(len(errors), "error") + (f", {count_of(warnings, 'warning')}" if warnings else "")
        super().__init__(f"{counts}: {shown}{more}")

    @property
    def findings(self) -> tuple[Problem, ...]:
        """Every problem found (the name validation used before :class:`Problem` was one record)."""
        return self.problems

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors (not warnings)."""
        return tuple(problem for problem in self.problems if problem.is_error)

    def __reduce__(self) -> tuple[Any, ...]:
        return (ValidationError, (self.problems,))


class LimitError(DataError):
    """Outside data past one of the documented limits (:data:`opsmodel.errors.LIMITS`).

    Too large a document, too deep a nesting, too long a number or string.

    Its one problem has a code of :data:`opsmodel.errors.LIMIT_CODES` and the path where the limit was hit.
    """

    code = "limit"

    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.path}: {problem.message}")
        self.problems = (problem,)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LimitError, (self.problems[0],))


class OutputError(AccessError):
    """An output file cannot be written: a read-only directory, a full disk, a directory or a file in the way."""

    code = "output"


class InputError(AccessError):
    """An input file cannot be read (missing, a directory, no permission)."""

    code = "input"


class DecodingError(DataError):
    """An input is not UTF-8 text."""

    code = "not-utf8"


# ---------------------------------------------------------------------------------------------
# Taxonomy: catalogues, Navigator layers, downloads of published files, the Breakout Scale


class _SourcedError(OpsmodelError):
    """An error about one file, URL or layer (``source``, ``None`` when built in memory): ``problem`` says what.

    It carries one :class:`Problem` with the class's code, unless its ``problems`` are set to several
    (an inconsistent catalogue reports each inconsistency), each with a code of
    :data:`opsmodel.taxonomy.TAXONOMY_CODES`.
    """

    source: str | None
    problem: str

    def __init__(self, problem: str, *, source: str | None = None) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}" if source else problem)
        self.problems = (Problem(code=self.code, message=problem, value=source),)

    def __reduce__(self) -> tuple[Any, ...]:
        # keyword-only arguments: teach pickle (and multiprocessing) how to rebuild us
        return (_rebuild_sourced, (type(self), self.problem, self.source, self.problems))


def _rebuild_sourced(kind: type[_SourcedError], problem: str, source: str | None, problems: tuple[Problem, ...]) -> _SourcedError:
    error = kind(problem, source=source)
    error.problems = problems
    return error


class CatalogueError(_SourcedError, DataError):
    """A catalogue (or the file it was read from) is not what it should be.

    ``source`` names the file (or ``None`` for one built in memory) and ``problem`` says what is wrong.
    """

    code = "catalogue"


class LayerError(_SourcedError, DataError):
    """A Navigator layer could not be read (or written): names the place and the problem."""

    code = "layer"


class DownloadError(_SourcedError, AccessError):
    """A published file could not be fetched, or what came was not the file expected.

    ``source`` is the URL, the file or the published name; ``problem`` says what went wrong.
    """

    code = "download"


class UnknownEntryError(DataError, KeyError):
    """A catalogue has no tactic, technique or phase with that id or name (``key``)."""

    code = "unknown-entry"

    def __init__(self, message: str, key: str) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.problems = (Problem(code=self.code, message=message, value=key),)

    def __str__(self) -> str:  # KeyError would show the repr of the message
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        return (UnknownEntryError, (self.message, self.key))


class UnknownCategoryError(DataError):
    """Not a Breakout Scale category (an integer from 1 to 6)."""

    code = "unknown-category"


# ---------------------------------------------------------------------------------------------
# STIX bundles (opsmodel.stix; the codes are opsmodel.stix.BUNDLE_CODES)


class BundleError(_ProblemsError):
    """A STIX bundle could not be read (or written with these options); :attr:`problems` lists every problem.

    Each problem has a code from :data:`opsmodel.stix.BUNDLE_CODES`, the JSON path into the
    bundle and the id of the STIX object it is in.

    :param problems: every problem found, in the order found.
    :type problems: Iterable[opsmodel.errors.Problem]
    """

    _headline = "the STIX bundle has {}:"
    _shown = 50


# ---------------------------------------------------------------------------------------------
# Clients: MISP events and TAXII collections (opsmodel.misp, opsmodel.taxii)

#: The codes of the problems a limit raises (see ``opsmodel._core.limits``); every reader may raise them.
LIMIT_CODES: dict[str, str] = {
    "too-large": "a document longer than the limit on a document's size",
    "too-deep": "JSON nested deeper than the limit on nesting",
    "number-too-long": "a number longer than the limit on a number's length, or one that is not finite",
    "string-too-long": "a string value or CSV cell longer than the limit on a string's length",
    "too-many-problems": "more problems than one error or report collects; the last problem counts the rest",
}

#: The codes of problems in MISP events (:class:`MispError`).
MISP_CODES: dict[str, str] = {
    **LIMIT_CODES,
    "misp-json": "a MISP event text that is not JSON",
    "misp-event": "data that is not a MISP event in the MISP core format",
    "misp-object": "a MISP object or attribute that is not what the MISP core format says",
    "misp-payload": "an opsmodel-json attribute whose opsmodel data cannot be read",
    "misp-loss": "something in an event that cannot be mapped to the model (see import_misp)",
}

#: The codes of problems talking to TAXII servers (:class:`TaxiiError`, :class:`MissingExtraError`).
TAXII_CODES: dict[str, str] = {
    "taxii": "a TAXII server refused a request or could not be reached",
    "taxii-status": "a TAXII server accepted a publication but did not store every object",
    "missing-extra": "an optional dependency is not installed (install the extra the message names)",
}


class MispError(_ProblemsError):
    """A MISP event that cannot be read, or holds things that cannot be mapped; ``problems`` lists each."""

    code = "misp-event"
    _headline = "{} in a MISP event"


class TaxiiError(AccessError):
    """A TAXII server refused a request, could not be reached, or did not store what was published."""

    code = "taxii"


class MissingExtraError(OpsmodelError, ImportError):
    """An optional feature's dependency is not installed; the message names the extra to install."""

    code = "missing-extra"


# ---------------------------------------------------------------------------------------------
# Corpora of many reports (opsmodel.corpus)

#: The codes of problems building a corpus of reports and its tables (:class:`CorpusError`).
CORPUS_CODES: dict[str, str] = {
    "corpus-read": "a file of a corpus cannot be read as a report (the reader's own problems follow)",
    "corpus-duplicate": "two different reports of a corpus have one id",
    "corpus-table": "an unknown table name, or a table that cannot be read back as objects",
    "corpus-shards": "a folder of shards without a readable manifest, or reports asked of a shard of bare operations",
}


class CorpusError(_ProblemsError):
    """A corpus that cannot be built (a file that is not a report, two reports with one id) or a table it cannot give."""

    code = "corpus-read"
    _headline = "{} in a corpus"
