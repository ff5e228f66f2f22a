"""Markup by plain string building: every text escaped on the way in, every number rounded the same way."""

from __future__ import annotations

import html
from collections.abc import Iterable


def esc(value: object) -> str:
    """``value`` as text safe in an element's content and in a quoted attribute (``<``, ``&``, quotes)."""
    return html.escape(str(value), quote=True)


def num(value: float) -> str:
    """A coordinate with two decimals at most, so the same input gives the same bytes on every platform."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def attributes(values: dict[str, object]) -> str:
    """`` name="value"`` pairs, escaped, in the order given; None values left out."""
    return "".join(f' {name}="{esc(value)}"' for name, value in values.items() if value is not None)


def element(tag: str, content: str = "", /, **values: object) -> str:
    """One element holding ``content`` (already markup); ``class_`` stands for ``class``."""
    named = {key.rstrip("_").replace("_", "-"): value for key, value in values.items()}
    return f"<{tag}{attributes(named)}>{content}</{tag}>"


def void(tag: str, /, **values: object) -> str:
    """An element that has no content and no end tag (``meta``)."""
    named = {key.rstrip("_").replace("_", "-"): value for key, value in values.items()}
    return f"<{tag}{attributes(named)}>"


def text(tag: str, value: object, /, **values: object) -> str:
    """One element holding ``value`` as escaped text."""
    return element(tag, esc(value), **values)


def joined(parts: Iterable[str], separator: str = "") -> str:
    return separator.join(parts)


def svg(content: str, *, id: str, width: float, height: float, title: str, desc: str) -> str:
    """An inline SVG drawing with a ``<title>`` and a ``<desc>`` a screen reader announces."""
    heading = text("title", title, id=f"{id}-title") + text("desc", desc, id=f"{id}-desc")
    return element(
        "svg",
        heading + content,
        id=id,
        xmlns="http://www.w3.org/2000/svg",
        role="img",
        aria_labelledby=f"{id}-title {id}-desc",
        viewBox=f"0 0 {num(width)} {num(height)}",
        width=num(width),
        height=num(height),
    )


def cut(value: str, limit: int) -> str:
    """``value`` cut to ``limit`` characters with an ellipsis, for labels in a drawing (the table has it whole)."""
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"
