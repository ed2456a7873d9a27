"""HTML blocks in reading order: headings, paragraphs, lists, tables with the footnotes under
them, code, steps and `<details>` questions; any other container (callouts, wrappers) is read
through, and loose inline content inside it becomes a paragraph.
"""

from __future__ import annotations

import re
from typing import TypeAlias

from lxml import html

from scraper.document import (
    Block,
    Cell,
    Code,
    Footnote,
    Heading,
    ListBlock,
    Paragraph,
    Question,
    Row,
    Step,
    Steps,
    Table,
    TableBlock,
    Text,
)
from scraper.frontends import html_inline as hi
from scraper.source import Span

Node: TypeAlias = html.HtmlElement | str
BLOCKS = {"p", "ul", "ol", "table", "pre", "details", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}
CONTAINERS = {"div", "section", "article", "main", "header", "aside", "blockquote", "figure", "dl", "dd", "center"}
_PLAIN_NOTE = re.compile(r"(\d+)\s+(\S.*)")
_DIGITS = re.compile(r"\s*\d+\s*")


def _tag(el: html.HtmlElement) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _classes(el: html.HtmlElement) -> str:
    return " ".join([el.get("class", ""), el.get("data-component-part", ""), el.get("role", "")]).lower()


class HtmlReader:
    """Reads blocks out of an element tree; one instance per page."""

    def __init__(self, locator: hi.Locator) -> None:
        self.locator = locator
        self.footnotes: list[Footnote] = []
        self.skip: set[html.HtmlElement] = set()
        self.after_table = False

    def read(self, el: html.HtmlElement) -> list[Block]:
        blocks: list[Block] = []
        run: list[Node] = [el.text or ""]
        anchor = el
        for child in el:
            if not isinstance(child.tag, str) or child in self.skip or hi.hidden(child):
                pass
            elif _tag(child) in BLOCKS | CONTAINERS:
                self._flush(run, anchor, blocks)
                self._block(child, blocks)
                run, anchor = [], child
            else:
                run.append(child)
            run.append(child.tail or "")
        self._flush(run, anchor, blocks)
        return blocks

    def _flush(self, run: list[Node], anchor: html.HtmlElement, blocks: list[Block]) -> None:
        inline = hi.read(run)
        if not inline.text:
            return
        first = next((n for n in run if not isinstance(n, str) or n.strip()), None)
        span = self.locator.span(first if isinstance(first, html.HtmlElement) else anchor)
        if self._footnote(run, inline, span):
            return
        self.after_table = False
        blocks.append(Paragraph(Text(inline.text, span, tuple(inline.links))))

    def _footnote(self, run: list[Node], inline: hi.Inline, span: Span) -> bool:
        """A run right under a table that starts with `<sup>N</sup>` (or `N ` for the next N)."""
        if not self.after_table:
            return False
        first = next((n for n in run if not isinstance(n, str) or n.strip()), None)
        if isinstance(first, html.HtmlElement) and _tag(first) == "sup" and _DIGITS.fullmatch(first.text_content()):
            rest = hi.read(run[run.index(first) + 1 :])
            number = int(first.text_content())
        elif (plain := _PLAIN_NOTE.fullmatch(inline.text)) and int(plain.group(1)) == len(self.footnotes) + 1:
            rest = hi.Inline(plain.group(2), inline.links)
            number = int(plain.group(1))
        else:
            return False
        self.footnotes.append(Footnote(number, Text(rest.text, span, tuple(rest.links))))
        return True

    def _block(self, el: html.HtmlElement, blocks: list[Block]) -> None:
        tag = _tag(el)
        span = self.locator.span(el)
        if tag in CONTAINERS and not _is_steps(el):
            blocks.extend(self.read(el))
            return
        if tag == "p" or (tag in ("ul", "ol") and self.after_table and _is_note_list(el)):
            for item in el if tag != "p" else [el]:
                self._flush([item.text or "", *_content(item)], item, blocks)
            return
        self.after_table = False
        if tag[:1] == "h" and tag[1:].isdigit():
            text = hi.read([el.text or "", *_content(el)], marks=False)
            blocks.append(Heading(text.text, span, int(tag[1:])))
        elif tag == "table":
            self._table(el, blocks)
        elif tag == "pre":
            blocks.append(Code(hi.raw_text(el).strip("\n"), span, _language(el)))
        elif tag == "details":
            blocks.append(self._question(el))
        elif _is_steps(el):
            blocks.append(self._steps(el))
        elif tag in ("ul", "ol"):
            blocks.append(ListBlock(tuple(self._items(el)), span))

    def _items(self, el: html.HtmlElement) -> list[Text]:
        items: list[Text] = []
        for li in el:
            if _tag(li) != "li":
                continue
            nested = [c for c in li if _tag(c) in ("ul", "ol")]
            run = [n for n in [li.text or "", *_content(li)] if n not in nested]
            inline = hi.read(run, marks=False)
            items.append(Text(inline.text, self.locator.span(li), tuple(inline.links)))
            for sub in nested:
                items.extend(self._items(sub))
        return items

    def _table(self, el: html.HtmlElement, blocks: list[Block]) -> None:
        rows = el.xpath("./thead/tr | ./tbody/tr | ./tr | ./tfoot/tr")
        if not rows:
            return
        header = tuple(self._cell(c) for c in rows[0] if _tag(c) in ("th", "td"))
        body = []
        for tr in rows[1:]:
            cells = tuple(self._cell(c) for c in tr if _tag(c) in ("th", "td"))
            if cells:
                body.append(Row(cells, cells[0].span))
        blocks.append(TableBlock(Table(header, tuple(body), self.locator.span(el))))
        self.after_table = True

    def _cell(self, el: html.HtmlElement) -> Cell:
        inline = hi.read([el.text or "", *_content(el)])
        return Cell(inline.text, self.locator.span(el), tuple(inline.marks), tuple(inline.links))

    def _question(self, el: html.HtmlElement) -> Question:
        summary = next((c for c in el.iter("summary")), None)
        title = hi.read([summary.text or "", *_content(summary)]) if summary is not None else hi.Inline()
        if summary is not None:
            self.skip.add(summary)
        span = self.locator.span(summary if summary is not None else el)
        return Question(Text(title.text, span, tuple(title.links)), tuple(self.read(el)))

    def _steps(self, el: html.HtmlElement) -> Steps:
        steps = []
        for item in el:
            if not isinstance(item.tag, str) or hi.hidden(item):
                continue
            title_el = _step_title(item)
            for sub in item.iter():
                if sub is title_el or (len(sub) == 0 and _DIGITS.fullmatch(sub.text_content() or "")):
                    self.skip.add(sub)
            title = hi.read([title_el.text or "", *_content(title_el)], marks=False)
            body = [t for b in self.read(item) for t in _texts(b)]
            steps.append(Step(Text(title.text, self.locator.span(title_el), tuple(title.links)), tuple(body)))
        return Steps(tuple(steps), self.locator.span(el))


def _content(el: html.HtmlElement) -> list[Node]:
    """An element's children with the text between them, for inline reading."""
    nodes: list[Node] = []
    for child in el:
        nodes += [child, child.tail or ""]
    return nodes


def _is_note_list(el: html.HtmlElement) -> bool:
    """A list whose every item starts with a `<sup>N</sup>` mark: footnotes."""
    items = [c for c in el if isinstance(c.tag, str)]
    return bool(items) and all(
        _tag(c) == "li" and not (c.text or "").strip() and len(c) and _tag(c[0]) == "sup" for c in items
    )


def _language(pre: html.HtmlElement) -> str | None:
    for el in pre.iter():
        tokens: list[str] = str(el.get("class") or "").split()
        for token in tokens:
            if token.startswith("language-"):
                return token.removeprefix("language-")
    language = pre.get("data-language")
    return str(language) if language else None


def _parts(item: html.HtmlElement) -> list[html.HtmlElement]:
    """The block parts of a list item, its step number left out and lone wrappers opened."""
    parts = [c for c in item if _tag(c) in BLOCKS | CONTAINERS and not _DIGITS.fullmatch(c.text_content())]
    while len(parts) == 1 and _tag(parts[0]) in CONTAINERS:
        parts = [c for c in parts[0] if _tag(c) in BLOCKS | CONTAINERS]
    return parts


def _step_title(item: html.HtmlElement) -> html.HtmlElement:
    for el in item.iter():
        if el is not item and "title" in _classes(el):
            return el
    for el in item.iter("h2", "h3", "h4", "h5", "h6", "strong"):
        return el
    parts = _parts(item)
    return parts[0] if parts else item


def _is_steps(el: html.HtmlElement) -> bool:
    """`<ol class="steps">`, a `role="list"` of steps, or an `<ol>` whose every item has a
    title and a body (two block parts or more)."""
    classes = _classes(el)
    if "steps" in classes.split() or (_tag(el) == "ol" and "step" in classes):
        return True
    items = [c for c in el if isinstance(c.tag, str)]
    if "list" in classes.split() and items and all("listitem" in _classes(c) for c in items):
        return True
    return _tag(el) == "ol" and bool(items) and all(len(_parts(c)) >= 2 for c in items)


def _texts(block: Block) -> list[Text]:
    if isinstance(block, Paragraph):
        return [block.body]
    if isinstance(block, ListBlock):
        return list(block.items)
    return []
