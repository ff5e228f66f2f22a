"""The API reference from the classes themselves: field descriptions, no duplicates, enums as tables.

- Each attrs field is one entry, with its type (from the annotation) and its description: the
  ``#:`` comment above the field in the class's source. autodoc cannot find those comments
  itself, because a public class names its public module (``opsmodel``) as ``__module__``, not
  the private module that holds its source.
- The attrs-generated ``__init__`` would list every field a second time as a parameter, and an
  enum's metaclass ``__call__`` would add a "value, *args, **kwargs" block: both are dropped,
  as is the ``(*args, **kwargs)`` signature of a protocol.
- An enum is shown as a table of its values (with each member's ``#:`` comment, if any) instead of
  one entry per member.

:func:`field_comments` needs no Sphinx, so the tests use it to check that every public field has a
description.
"""

from __future__ import annotations

import ast
import enum
import functools
import importlib
import inspect
import sys
import types
from typing import Any

import attrs


def _defining_module(cls: type) -> types.ModuleType | None:
    """The module whose source defines ``cls`` (its ``__module__`` may be a public module that re-exports it)."""
    candidates = [sys.modules.get(cls.__module__)]
    candidates += [module for name, module in sorted(sys.modules.items()) if name.split(".")[0] == cls.__module__.split(".")[0]]
    for module in candidates:
        if module is not None and getattr(module, cls.__qualname__, None) is cls and cls.__qualname__ in _class_nodes(module):
            return module
    return None


@functools.cache
def _class_nodes(module: types.ModuleType) -> dict[str, tuple[ast.ClassDef, tuple[str, ...]]]:
    """The top-level classes a module's source defines, each with the source's lines."""
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return {}
    lines = tuple(source.splitlines())
    return {node.name: (node, lines) for node in ast.parse(source).body if isinstance(node, ast.ClassDef)}


def field_comments(cls: type) -> dict[str, str]:
    """Each field's (or enum member's) description, by name, from the class and its bases.

    The description is the ``#:`` comment on the lines above the field; a string on the line
    after it (an attribute docstring, which autodoc also reads) counts as well.
    """
    comments: dict[str, str] = {}
    for base in reversed(cls.__mro__):
        comments.update(_own_comments(base))
    return comments


def _own_comments(cls: type) -> dict[str, str]:
    module = _defining_module(cls)
    if module is None:
        return {}
    node, lines = _class_nodes(module)[cls.__qualname__]
    comments = {}
    for statement, following in zip(node.body, [*node.body[1:], None], strict=True):
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            names = [statement.target.id]
        elif isinstance(statement, ast.Assign):
            names = [target.id for target in statement.targets if isinstance(target, ast.Name)]
        else:
            continue
        text = " ".join(_comment_above(lines, statement.lineno - 2)) or _docstring(following)
        if text:
            comments.update(dict.fromkeys(names, text))
    return comments


def _comment_above(lines: tuple[str, ...], index: int) -> list[str]:
    above: list[str] = []
    while index >= 0 and lines[index].strip().startswith("#:"):
        above.insert(0, lines[index].strip()[2:].strip())
        index -= 1
    return above


def _docstring(statement: ast.stmt | None) -> str:
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str):
        return " ".join(statement.value.value.split())
    return ""


def _owner(full_name: str) -> type | None:
    """The class named by the dotted path before the last dot (``opsmodel.Source`` for ``opsmodel.Source.id``)."""
    module_path, _, rest = full_name.rpartition(".")[0].partition(".")
    parts = [module_path, *rest.split(".")] if rest else [module_path]
    for split in range(len(parts), 0, -1):
        try:
            found: Any = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for name in parts[split:]:
            found = getattr(found, name, None)
        return found if isinstance(found, type) else None
    return None


def _is_enum(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, enum.Enum)


def _enum_table(cls: type[enum.Enum]) -> list[str]:
    comments = field_comments(cls)
    header = ["Value", "Member", *(["Meaning"] if comments else [])]
    table = ["", ".. list-table::", "   :header-rows: 1", "", *_row(header)]
    for member in cls:
        cells = [f"``{member.value!r}``", f"``{member.name}``", *([comments.get(member.name, "")] if comments else [])]
        table += _row(cells)
    return [*table, ""]


def _row(cells: list[str]) -> list[str]:
    first, *rest = cells
    return [f"   * - {first}", *(f"     - {cell}" for cell in rest)]


def _process_docstring(app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    if what == "attribute":
        owner = _owner(name)
        if owner is not None and attrs.has(owner) and not lines:
            description = field_comments(owner).get(name.rpartition(".")[2])
            if description:
                lines[:] = [description]
    elif what == "class" and _is_enum(obj):
        lines.extend(_enum_table(obj))


def _process_signature(app: Any, what: str, name: str, obj: Any, options: Any, signature: str | None, returns: str | None) -> Any:
    if what == "class" and _is_enum(obj):
        return "", None  # the metaclass's __call__(value, *args, **kwargs) says nothing about the enum
    if what == "class" and getattr(obj, "_is_protocol", False):
        return "", None  # a protocol is never built: its (*args, **kwargs) says nothing
    return None


def _skip_member(app: Any, what: str, name: str, obj: Any, skip: bool, options: Any) -> bool | None:
    if what == "class" and isinstance(obj, enum.Enum):
        return True  # shown in the enum's table
    return None


def _drop_constructor_parameters(app: Any, domain: str, objtype: str, contentnode: Any) -> None:
    """Forget the recorded ``__init__`` types of attrs classes and enums, so no parameter list repeats the fields."""
    if domain != "py" or objtype not in ("class", "exception"):
        return
    signature = contentnode.parent[0]
    full_name = f"{signature.get('module')}.{signature.get('fullname')}" if signature.get("module") else signature.get("fullname")
    cls = _owner(f"{full_name}.x")
    if cls is None or not (attrs.has(cls) or _is_enum(cls)):
        return
    document = getattr(app.env, "current_document", None)
    annotations = getattr(document, "autodoc_annotations", None) if document is not None else None
    if annotations is None:  # Sphinx before 8.2 keeps them in the environment's temporary data
        annotations = app.env.temp_data.get("annotations", {})
    annotations.pop(full_name, None)


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("sphinx.ext.autodoc")
    app.connect("autodoc-process-docstring", _process_docstring)
    app.connect("autodoc-process-signature", _process_signature)
    app.connect("autodoc-skip-member", _skip_member)
    # before autodoc's own handler (priority 500) turns the recorded types into a parameter list
    app.connect("object-description-transform", _drop_constructor_parameters, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
