"""Where each element starts: lxml knows an element's line, the column is found by searching
that line for its start tag. Worked out only when a place is read: a page that compiles reads
the places of its rows and footnotes, not of every paragraph and cell."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from lxml import etree

from schema.span import Span


class Locator:
    """Line and column of each element: lxml knows the line, the column is found by searching
    that line for the start tag, in document order. Worked out one tag at a time and only as far
    into the page as asked: a page asks for the places of its cells and paragraphs, not of its
    icons or of every link."""

    def __init__(self, text: str, root: etree._Element) -> None:
        self.root = root
        # line and column of each element placed; a Span is made only for a place asked for (a
        # row's first cell), not for each of the cells placed on the way to it
        self.spans: dict[etree._Element, tuple[int, int]] = {}
        self._lines = text.splitlines()
        self._lowered: dict[int, str] = {}
        self._walks: dict[str, tuple[Iterator[etree._Element], dict[int, int]]] = {}
        self._done: set[str] = set()
        # where `el` starts, worked out when first read; a partial, not a method: one Python call
        # less for each of the page's hundreds of spans
        self.span: Callable[[etree._Element], Span] = partial(_Placed, self)

    def _advance(self, tag: str, target: etree._Element) -> Span | None:
        """Place the elements of `tag` in page order until `target`."""
        walk = self._walks.get(tag)
        if walk is None:
            walk = self._walks[tag] = (self._elements(tag), {})
        elements, cursor = walk
        lines, lowered, spans, start = self._lines, self._lowered, self.spans, "<" + tag.lower()
        reached = 0
        for el in elements:
            line: int | None = el.sourceline  # type: ignore[assignment]  # typed `...` in lxml-stubs
            if not line:
                continue
            raw = lowered.get(line)
            if raw is None:
                raw = lowered[line] = lines[line - 1].lower() if line <= len(lines) else ""
            found = raw.find(start, cursor.get(line, 0)) + 1  # 0: not on its line (a tag the parser added)
            if found:
                cursor[line] = found
            spans[el] = (line, found or 1)
            if el is target:
                reached = line
            elif reached and line != reached:
                return Span(*spans[target])  # the target's line is placed whole: a row's cells are asked for next
        self._done.add(tag)
        placed = spans.get(target)
        return Span(*placed) if placed is not None else None

    def _elements(self, tag: str) -> Iterator[etree._Element]:
        try:
            return self.root.iter(tag)
        except ValueError:  # a name lxml will not match by (a control character in it)
            return (el for el in self.root.iter() if el.tag == tag)

    def place(self, el: etree._Element) -> Span:
        """Where `el` starts, worked out now."""
        placed = self.spans.get(el)
        if placed is not None:
            return Span(*placed)
        tag = el.tag
        if isinstance(tag, str) and tag not in self._done:
            found = self._advance(tag, el)
            if found is not None:
                return found
        parent = el.getparent()
        return self.place(parent) if parent is not None else Span(1, 1)


class _Placed(Span):
    """A Span whose line and column are worked out by the Locator when first read; equal and
    hashed as the plain Span of the same place."""

    __slots__ = ("_el", "_locator")

    def __init__(self, locator: Locator, el: etree._Element) -> None:
        self._locator = locator
        self._el = el

    def __getattr__(self, name: str) -> int:
        """Called only while the place is not yet worked out (the slots are empty)."""
        if name not in ("line", "col"):
            raise AttributeError(name)
        found = self._locator.place(self._el)
        object.__setattr__(self, "line", found.line)
        object.__setattr__(self, "col", found.col)
        return found.line if name == "line" else found.col

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Span) and (self.line, self.col) == (other.line, other.col)

    __hash__ = Span.__hash__

    def __repr__(self) -> str:
        return repr(Span(self.line, self.col))
