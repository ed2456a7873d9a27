"""Inline HTML to plain text: links kept beside the text, `<sup>` numbers read as footnote marks,
and each element's line and column found in the source text (lxml gives lines only).
"""

from __future__ import annotations

import re

from lxml import html

from schema.span import Span
from scraper.document import Inline, Link
from scraper.frontends.markdown.attributes import INVISIBLE_STYLE

SKIP = {"script", "style", "template", "noscript", "svg", "button", "img", "iframe", "head", "nav", "footer", "input"}
_SPACE = re.compile(r"\s+")
_MARK = re.compile(r"\s*\d+(?:\s*,?\s*\d+)*\s*")


def hidden(el: html.HtmlElement) -> bool:
    """Elements a reader does not see as the article's text: scripts, icons, buttons, site chrome
    by its element (`nav`, `footer`), and parts hidden by `hidden`, `aria-hidden="true"` or an
    inline `display: none` / `visibility: hidden`. Class names are never read: words such as
    "sidebar" or "feedback" inside the article are the author's, not chrome (the article is
    found by its place, see html/__init__.py)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in SKIP or el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    return _INVISIBLE_STYLE.search(el.get("style") or "") is not None


_INVISIBLE_STYLE = re.compile(INVISIBLE_STYLE, re.IGNORECASE)


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
    """Line and column of each element: lxml knows the line, the column is found by searching
    that line for the start tag, in document order. Worked out one tag at a time, the first time
    an element of that tag is asked for: a page asks for a few tags' places, not for its icons'."""

    def __init__(self, text: str, root: html.HtmlElement) -> None:
        self.text = text
        self.root = root
        self.spans: dict[html.HtmlElement, Span] = {}
        self._lines: list[str] | None = None
        self._lowered: dict[int, str] = {}
        self._tags: set[str] = set()

    def _line(self, number: int) -> str:
        if self._lines is None:
            self._lines = self.text.splitlines()
        found = self._lowered.get(number)
        if found is None:
            found = self._lines[number - 1].lower() if number <= len(self._lines) else ""
            self._lowered[number] = found
        return found

    def _locate(self, tag: str) -> None:
        self._tags.add(tag)
        cursor: dict[int, int] = {}
        start = "<" + tag.lower()
        for el in self.root.iter(tag):
            line = el.sourceline
            if not line:
                continue
            found = self._line(line).find(start, cursor.get(line, 0))
            if found >= 0:
                cursor[line] = found + 1
            self.spans[el] = Span(line, found + 1 if found >= 0 else 1)

    def span(self, el: html.HtmlElement) -> Span:
        found = self.spans.get(el)
        if found is not None:
            return found
        tag = el.tag
        if isinstance(tag, str) and tag not in self._tags:
            self._locate(tag)
            found = self.spans.get(el)
            if found is not None:
                return found
        parent = el.getparent()
        return self.span(parent) if parent is not None else Span(1, 1)
