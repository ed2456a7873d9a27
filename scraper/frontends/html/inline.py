"""Inline HTML to plain text: links kept beside the text, `<sup>` numbers read as footnote marks,
and each element's line and column found in the source text (lxml gives lines only).
"""

from __future__ import annotations

import re

from lxml import html

from schema.span import Span
from scraper.document import Inline, Link

SKIP = {"script", "style", "template", "noscript", "svg", "button", "img", "iframe", "head", "nav", "footer", "input"}
_SPACE = re.compile(r"\s+")
_MARK = re.compile(r"\s*\d+(?:\s*,?\s*\d+)*\s*")


def hidden(el: html.HtmlElement) -> bool:
    """Elements that are not the article's text: scripts, icons, hidden parts, buttons, and site
    chrome marked as such (navigation, breadcrumbs, feedback widget, table of contents)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in SKIP or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if not el.attrib:
        return False
    marks = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}".lower()
    return any(word in marks for word in _CHROME) or "toc" in marks.split()


_CHROME = ("breadcrumb", "sidebar", "feedback", "table-of-contents", "pagination", "navigation")


def _collect(el: html.HtmlElement, out: Inline, marks: bool) -> None:
    if not isinstance(el.tag, str) or hidden(el):
        return
    tag = el.tag.lower()
    if tag == "br":
        out.text += " "
    elif tag == "sup" and marks and _MARK.fullmatch(el.text_content()):
        out.marks += [int(n) for n in re.findall(r"\d+", el.text_content())]
    elif tag == "a" and el.get("href"):
        inner = Inline()
        _children(el, inner, marks)
        text = _SPACE.sub(" ", inner.text).strip()
        out.text += inner.text
        out.marks += inner.marks
        out.links.append(Link(text=text, url=el.get("href", "")))
        out.links += inner.links
    elif tag in _SEPARATED:
        out.text += " "
        _children(el, out, marks)
        out.text += " "
    else:
        _children(el, out, marks)


_SEPARATED = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "pre", "blockquote"}


def _children(el: html.HtmlElement, out: Inline, marks: bool) -> None:
    out.text += el.text or ""
    for child in el:
        _collect(child, out, marks)
        out.text += child.tail or ""


def raw_text(el: html.HtmlElement) -> str:
    """The text of an element as written, whitespace kept, hidden parts (copy buttons) left out."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and not hidden(child):
            parts.append("\n" if child.tag.lower() == "br" else raw_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read(nodes: list[html.HtmlElement | str], marks: bool = True) -> Inline:
    """The plain reading of a run of inline nodes; strings are the text between elements (tails
    are not read from the elements themselves)."""
    out = Inline()
    for node in nodes:
        if isinstance(node, str):
            out.text += node
        else:
            _collect(node, out, marks)
    out.text = _SPACE.sub(" ", out.text).strip()
    return out


class Locator:
    """Line and column of an element, found when asked (most elements never are): lxml knows
    the line; the column is that of the element's start tag on it, counting the elements of the
    same tag that precede it on that line in document order."""

    def __init__(self, text: str, root: html.HtmlElement) -> None:
        self.text = text
        self.starts: list[int] | None = None  # offset of each line, computed when first needed
        self.spans: dict[html.HtmlElement, Span] = {}
        self.tags: dict[tuple[int, str], list[int]] = {}  # (line, tag) -> columns of its start tags

    def span(self, el: html.HtmlElement) -> Span:
        found = self.spans.get(el)
        if found is None:
            found = self.spans[el] = self._locate(el)
        return found

    def _locate(self, el: html.HtmlElement) -> Span:
        line = el.sourceline if isinstance(el.tag, str) else None
        if not line:
            parent = el.getparent()
            return self.span(parent) if parent is not None else Span(1, 1)
        tag = el.tag.lower()
        before = 0
        node = _preceding(el)
        while node is not None:
            if isinstance(node.tag, str) and node.sourceline:
                if node.sourceline < line:
                    break
                if node.sourceline == line and node.tag.lower() == tag:
                    before += 1
            node = _preceding(node)
        columns = self._columns(line, tag)
        return Span(line, columns[before] + 1 if before < len(columns) else 1)

    def _columns(self, line: int, tag: str) -> list[int]:
        """Where each `<tag` starts on the line (0-based), case ignored."""
        key = (line, tag)
        if key not in self.tags:
            if self.starts is None:
                self.starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
            start = self.starts[line - 1] if line <= len(self.starts) else len(self.text)
            end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
            pattern = re.compile("<" + re.escape(tag), re.IGNORECASE)
            self.tags[key] = [m.start() - start for m in pattern.finditer(self.text, start, end)]
        return self.tags[key]


def _preceding(el: html.HtmlElement) -> html.HtmlElement | None:
    """The element before `el` in document order."""
    prev = el.getprevious()
    if prev is None:
        parent: html.HtmlElement | None = el.getparent()
        return parent
    while len(prev):
        prev = prev[-1]
    return prev
