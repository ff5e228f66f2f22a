"""OPS6xx: technique and tactic ids checked against a catalogue (silent without one).

The catalogue is asked once per operation (:meth:`Context.technique_problems`); each rule keeps
the problems of its own code.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from ..._core.errors import Problem, Severity
from ..._model.operations import Operation
from ..engine import Context, Rule

ERROR, WARNING = Severity.ERROR, Severity.WARNING


def _catalogue_problems(code: str, operation: Operation, context: Context) -> Iterator[Problem]:
    """The problems of ``code`` among those the catalogue finds in the operation."""
    return (problem for problem in context.technique_problems(operation) if problem.code == code)


# code, name, severity, description: the catalogue's checks, one rule each
_TECHNIQUE_RULES = (
    (
        "OPS601",
        "technique-unknown",
        ERROR,
        "A technique id does not exist in the given catalogue version (only checked when a catalogue is passed).",
    ),
    (
        "OPS602",
        "technique-removed",
        ERROR,
        "A technique id existed in an earlier version of the framework but was removed from the given catalogue version.",
    ),
    (
        "OPS603",
        "technique-name-mismatch",
        WARNING,
        "A technique is recorded with a name that differs from the catalogue's name for its id (a mistyped id, "
        "or a renamed technique).",
    ),
    ("OPS604", "tactic-unknown", ERROR, "A technique use names a tactic id that does not exist in the given catalogue version."),
    (
        "OPS605",
        "tactic-mismatch",
        WARNING,
        "A technique use places the technique under a tactic that the catalogue version does not put it under.",
    ),
)

RULES = tuple(
    Rule(code=code, name=name, severity=severity, description=description, check=functools.partial(_catalogue_problems, code))
    for code, name, severity, description in _TECHNIQUE_RULES
)
