"""Public modules name themselves as the home of the classes they export.

Classes live in private modules (``opsmodel._model.operations``) but users meet them through
public ones (``opsmodel``). Pickle, ``repr`` of classes, tracebacks and Sphinx all read a class's
``__module__``, so each public module ends with ``publish(__name__)``: a pickle then names
``opsmodel.Operation`` and keeps loading whatever private module the class moves to next.
"""

from __future__ import annotations

import inspect
import sys
import typing

import attrs

_PRIVATE = "opsmodel._"


def publish(module_name: str) -> None:
    """Make ``module_name`` the ``__module__`` of each class it exports that a private module defines.

    A class exported by several public modules keeps the first that published it; exported
    aliases (``Finding = Problem``) are skipped, since pickle finds a class by its own name.
    """
    module = sys.modules[module_name]
    for name in module.__all__:
        value = getattr(module, name)
        if isinstance(value, type) and value.__qualname__ == name and value.__module__.startswith(_PRIVATE):
            _settle_annotations(value)
            value.__module__ = module_name


def _settle_annotations(cls: type) -> None:
    # typing.get_type_hints (used by attrs, cattrs and Sphinx) evaluates string annotations in the
    # globals of the class's __module__; resolve them while that is still the defining module.
    own = inspect.get_annotations(cls)
    if not own:
        return
    try:
        hints = typing.get_type_hints(cls)
    except NameError:  # a name only imported for type checkers: nothing more can be resolved
        return
    cls.__annotations__ = {name: hints[name] for name in own}
    if attrs.has(cls):
        attrs.resolve_types(cls)
