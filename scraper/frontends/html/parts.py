"""Recognising the parts of rendered HTML: block tags, steps lists and their titles, footnote
lists, code languages; plain functions over lxml elements, used by html_blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TypeAlias, cast

from lxml import etree

Node: TypeAlias = etree._Element | str
BLOCKS = {"p", "ul", "ol", "table", "pre", "details", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}
CONTAINERS = {"div", "section", "article", "main", "header", "aside", "blockquote", "figure", "dl", "dd", "center"}
DIGITS = re.compile(r"\s*\d+\s*")


def tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def text_content(el: etree._Element) -> str:
    """All the text inside an element, as written (lxml.html's `text_content`)."""
    return "".join(cast("Iterator[str]", el.itertext()))


def classes(el: etree._Element) -> str:
    return " ".join([el.get("class", ""), el.get("data-component-part", ""), el.get("role", "")]).lower()


def content(el: etree._Element) -> list[Node]:
    """An element's children with the text between them, for inline reading."""
    nodes: list[Node] = []
    for child in el:
        nodes += [child, child.tail or ""]
    return nodes


def is_note_list(el: etree._Element) -> bool:
    """A list whose every item starts with a `<sup>N</sup>` mark: footnotes."""
    items = [c for c in el if isinstance(c.tag, str)]
    return bool(items) and all(
        tag(c) == "li" and not (c.text or "").strip() and len(c) and tag(c[0]) == "sup" for c in items
    )


def language(pre: etree._Element) -> str | None:
    for el in pre.iter():
        tokens: list[str] = str(el.get("class") or "").split()
        for token in tokens:
            if token.startswith("language-"):
                return token.removeprefix("language-")
    language = pre.get("data-language")
    return str(language) if language else None


def parts(item: etree._Element) -> list[etree._Element]:
    """The block parts of a list item, its step number left out and lone wrappers opened."""
    parts = [c for c in item if tag(c) in BLOCKS | CONTAINERS and not DIGITS.fullmatch(text_content(c))]
    while len(parts) == 1 and tag(parts[0]) in CONTAINERS:
        parts = [c for c in parts[0] if tag(c) in BLOCKS | CONTAINERS]
    return parts


def step_title(item: etree._Element) -> etree._Element:
    """A step's title: the element its class names so, else its heading, else a `<strong>` in
    its first part (one further on is the body's emphasis: pandoc drops the title's class and
    keeps `<p>Title</p>` before the body), else its first part."""
    for el in item.iter():
        if el is not item and "title" in classes(el):
            return el
    found = parts(item)
    first = found[0] if found else item
    for el in item.iter("h2", "h3", "h4", "h5", "h6", "strong"):
        if el.tag != "strong" or el is first or first in el.iterancestors():
            return el
    return first


def is_steps(el: etree._Element) -> bool:
    """`<ol class="steps">`, a `role="list"` of steps, or an `<ol>` whose every item has a
    title and a body (two block parts or more)."""
    names = classes(el)
    tokens = names.split()
    is_ol = tag(el) == "ol"
    if "steps" in tokens or (is_ol and "step" in names):
        return True
    if not is_ol and "list" not in tokens:  # most containers: no list of their items built
        return False
    items = [c for c in el if isinstance(c.tag, str)]
    if "list" in tokens and items and all("listitem" in classes(c) for c in items):
        return True
    return is_ol and bool(items) and all(len(parts(c)) >= 2 for c in items)
