"""Inline HTML to plain text: links kept beside the text, `<sup>` numbers read as footnote marks,
hidden parts left out."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from scraper.document import Inline, Link
from scraper.frontends.html import parts as hp
from scraper.frontends.markdown.attributes import INVISIBLE_STYLE

SKIP = {"script", "style", "template", "noscript", "svg", "button", "img", "iframe", "head", "nav", "footer", "input"}
_MARK = re.compile(r"\s*\d+(?:\s*,?\s*\d+)*\s*")
_NUMBER = re.compile(r"\d+")


def hidden_elements(root: etree._Element) -> set[etree._Element]:
    """Elements a reader does not see as the article's text: scripts, icons, buttons, site chrome
    by its element (`nav`, `footer`), and parts hidden by `hidden`, `aria-hidden="true"` or an
    inline `display: none` / `visibility: hidden`. Class names are never read: words such as
    "sidebar" or "feedback" inside the article are the author's, not chrome (the article is
    found by its place, see html/__init__.py). Found once per page, by lxml's own walks."""
    found = set(root.iter(*SKIP))
    marked = _MARKED_HIDDEN(root)
    for el in marked if isinstance(marked, list) else ():
        if not isinstance(el, etree._Element):
            continue
        invisible = _INVISIBLE_STYLE.search(el.get("style") or "")
        if el.get("hidden") is not None or el.get("aria-hidden") == "true" or invisible:
            found.add(el)
    return found


_INVISIBLE_STYLE = re.compile(INVISIBLE_STYLE, re.IGNORECASE)
# attribute steps: a fifth of the cost of `*[@hidden or ...]`
_MARKED_HIDDEN = etree.XPath("descendant::*/@hidden/.. | descendant::*/@aria-hidden/.. | descendant::*/@style/..")
_SEPARATED = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "pre", "blockquote"}
_SPECIAL = {"br", "sup", "a"} | _SEPARATED


def squeeze(text: str) -> str:
    """Runs of white space as one space, none at the ends."""
    return " ".join(text.split())


class InlineReader:
    """Reads inline content as a reader sees it; `hidden` holds the page's hidden elements."""

    def __init__(self, hidden: set[etree._Element]) -> None:
        self.hidden = hidden

    def read(self, nodes: list[hp.Node], marks: bool = True) -> Inline:
        """The plain reading of a run of inline nodes; strings are the text between elements
        (tails are not read from the elements themselves)."""
        parts: list[str] = []
        out = Inline()
        self._nodes(nodes, parts, out, marks, False)
        out.text = squeeze("".join(parts))
        return out

    def read_in(self, el: etree._Element, marks: bool = True) -> Inline:
        """The reading of an element's content (its text and children, not its tail)."""
        if not len(el):
            return Inline(squeeze(el.text or ""))
        parts = [el.text or ""]
        out = Inline()
        self._nodes(el, parts, out, marks, True)
        out.text = squeeze("".join(parts))
        return out

    def _nodes(self, nodes: Iterable[hp.Node], parts: list[str], out: Inline, marks: bool, tails: bool) -> None:
        """Read nodes in order into `parts`; leaves (most inline elements) without a call."""
        hidden = self.hidden
        for node in nodes:
            if isinstance(node, str):
                parts.append(node)
                continue
            tag = node.tag
            if len(node) or not isinstance(tag, str) or node in hidden:
                self._collect(node, parts, out, marks)
            elif tag not in _SPECIAL:
                parts.append(node.text or "")  # a plain leaf: `code`, `strong`
            elif tag == "a" and (href := node.get("href")):
                parts.append(text := node.text or "")  # a link holding only text
                out.links.append(Link(squeeze(text), href))
            else:
                self._collect(node, parts, out, marks)
            if tails:
                parts.append(node.tail or "")

    def _collect(self, el: etree._Element, parts: list[str], out: Inline, marks: bool) -> None:
        tag = el.tag
        if not isinstance(tag, str) or el in self.hidden:
            return
        if tag == "br":
            parts.append(" ")
        elif tag == "sup" and marks and _MARK.fullmatch(content := hp.text_content(el)):
            out.marks += [int(n) for n in _NUMBER.findall(content)]
        elif tag == "a" and el.get("href"):
            inner = [el.text or ""]
            links, out.links = out.links, []
            self._nodes(el, inner, out, marks, True)
            text = "".join(inner)
            parts.append(text)
            links.append(Link(text=squeeze(text), url=el.get("href", "")))
            out.links = links + out.links
        elif tag in _SEPARATED and (tag != "pre" or "\n" in hp.text_content(el)):
            parts.append(" ")  # a one-line <pre> inside text is a converter's code span (trafilatura)
            parts.append(el.text or "")
            self._nodes(el, parts, out, marks, True)
            parts.append(" ")
        else:
            parts.append(el.text or "")
            self._nodes(el, parts, out, marks, True)

    def raw_text(self, el: etree._Element) -> str:
        """The text of an element as written, whitespace kept, hidden parts (copy buttons) left out."""
        parts = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str) and child not in self.hidden:
                parts.append("\n" if child.tag == "br" else self.raw_text(child))
            parts.append(child.tail or "")
        return "".join(parts)
