"""What every family of built-in rules shares: registering a rule, and describing a value in a message."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from ..._core.errors import Severity
from ..engine import Check, Rule

ERROR, WARNING = Severity.ERROR, Severity.WARNING


@attrs.define
class Family:
    """The rules of one code family (OPS1xx...), in the order they are declared."""

    rules: list[Rule] = attrs.field(factory=list)

    def rule(self, code: str, name: str, severity: Severity) -> Callable[[Check], Check]:
        """Register the decorated check as a built-in rule of this family; its docstring is the rule's description.

        (Under ``python -OO``, which drops docstrings, the description is the rule's name.)
        """

        def register(check: Check) -> Check:
            description = " ".join((check.__doc__ or name).split())
            self.rules.append(Rule(code=code, name=name, severity=severity, description=description, check=check))
            return check

        return register


def describe(value: Any) -> str:
    """The value as a message shows it: its ``str`` when its class defines one, else its kind.

    Model classes without a ``__str__`` (an ``Attribution``, a ``Relation``) would show attrs'
    ``repr``, which is long and holds details (a datetime's ``fold``) that JSON does not keep.
    """
    own: object = type(value).__str__
    if own is object.__str__:
        return type(value).__name__.lower()
    return str(value)
