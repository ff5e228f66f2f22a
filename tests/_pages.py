"""Reading the HTML pages opsmodel draws: a strict parse, the elements found, the text a reader sees."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

# Elements with no end tag.
VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "col", "wbr"})
# SVG elements that may be written self-closed (``<rect .../>``) inside the drawings' <defs>.
SELF_CLOSED = frozenset({"rect", "line", "stop", "path", "polygon"})


class Page(HTMLParser):
    """A page parsed strictly: every element closed in order, or ``problems`` says where it was not."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: Counter[str] = Counter()
        self.ids: dict[str, str] = {}
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()
        if self.stack:
            self.problems.append(f"not closed: {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        found = dict(attrs)
        self.attrs.append((tag, found))
        if found.get("id"):
            if found["id"] in self.ids:
                self.problems.append(f"duplicate id {found['id']!r}")
            self.ids[str(found["id"])] = tag
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attrs.append((tag, dict(attrs)))
        if tag not in SELF_CLOSED and tag not in VOID:
            self.problems.append(f"self-closed <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def words(self) -> str:
        return "".join(self.text)
