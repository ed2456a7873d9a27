"""HTML blocks in reading order: headings, paragraphs, lists, tables with the footnotes under
them, code, steps and `<details>` questions; any other container (callouts, wrappers) is read
through, and loose inline content inside it becomes a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from schema.span import Span
from scraper.document import (
    Block,
    Cell,
    Code,
    Footnote,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
    Question,
    Row,
    Step,
    Steps,
    Table,
    TableBlock,
    Text,
    texts,
)
from scraper.errors import fail
from scraper.frontends.html import inline as hi
from scraper.frontends.html import parts as hp
from scraper.frontends.html.places import Locator
from scraper.frontends.markdown.lines import COPY_LABEL

_PLAIN_NOTE = re.compile(r"(\d+)\s+(\S.*)")
_BLOCKS = hp.BLOCKS | hp.CONTAINERS
_LISTS = ("ul", "ol")
_SECTIONS = ("thead", "tbody", "tfoot")
_CELLS = ("th", "td")


class HtmlReader:
    """Reads blocks out of an element tree; one instance per page."""

    def __init__(self, locator: Locator, inline: hi.InlineReader, where: Callable[[Span], str]) -> None:
        self.locator = locator
        self.inline = inline
        self.hidden = inline.hidden
        self.where = where
        self.footnotes: list[Footnote] = []
        self.skip: set[etree._Element] = set()
        self.after_table = False

    def read(self, el: etree._Element) -> list[Block]:
        blocks: list[Block] = []
        text = el.text or ""
        run: list[hp.Node] = [text]
        filled = not text.isspace() and text != ""  # the run holds something to read
        anchor = el
        skip, hidden = self.skip, self.hidden
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or child in skip or child in hidden:
                pass
            elif tag in _BLOCKS:
                if filled:
                    self._flush(run, anchor, blocks)
                self._block(child, tag, blocks)
                run, anchor, filled = [], child, False
            else:
                run.append(child)
                filled = True
            tail = child.tail
            if tail:
                run.append(tail)
                filled = filled or not tail.isspace()
        if filled:
            self._flush(run, anchor, blocks)
        return blocks

    def _flush(self, run: list[hp.Node], anchor: etree._Element, blocks: list[Block]) -> None:
        inline = self.inline.read(run)
        if not inline.text:
            return
        first = next((n for n in run if not isinstance(n, str) or n.strip()), None)
        span = self.locator.span(first if isinstance(first, etree._Element) else anchor)
        if self.after_table and self._footnote(run, first, inline, span):
            return
        self.after_table = False
        blocks.append(Paragraph(Text(inline.text, span, tuple(inline.links))))

    def _paragraph(self, el: etree._Element, blocks: list[Block]) -> None:
        """A `<p>` with markup, not under a table: what `_flush` makes of its run, without the run
        (a list of its nodes) or the search for its first node."""
        inline = self.inline.read_in(el)
        if inline.text:
            first = el if (el.text or "").strip() else el[0]  # the run's first node (it has markup)
            blocks.append(Paragraph(Text(inline.text, self.locator.span(first), tuple(inline.links))))

    def _footnote(self, run: list[hp.Node], first: hp.Node | None, inline: Inline, span: Span) -> bool:
        """A run right under a table that starts with `<sup>N</sup>` (or `N ` for the next N)."""
        if isinstance(first, etree._Element) and hp.tag(first) == "sup" and hp.DIGITS.fullmatch(hp.text_content(first)):
            rest = self.inline.read(run[run.index(first) + 1 :])
            number = int(hp.text_content(first))
        elif (plain := _PLAIN_NOTE.fullmatch(inline.text)) and int(plain.group(1)) == len(self.footnotes) + 1:
            rest = Inline(plain.group(2), inline.links)
            number = int(plain.group(1))
        else:
            return False
        self.footnotes.append(Footnote(number, Text(rest.text, span, tuple(rest.links))))
        return True

    def _block(self, el: etree._Element, tag: str, blocks: list[Block]) -> None:
        if tag in hp.CONTAINERS and not hp.is_steps(el):
            blocks.extend(self.read(el))
            return
        if tag == "p" and not len(el) and not self.after_table:  # most paragraphs: plain text
            if plain := hi.squeeze(el.text or ""):
                blocks.append(Paragraph(Text(plain, self.locator.span(el))))
            return
        if tag == "p" and not self.after_table:  # a paragraph with markup: read in place, no run built
            self._paragraph(el, blocks)
            return
        if tag == "p" or (tag in _LISTS and self.after_table and hp.is_note_list(el)):
            for item in el if tag != "p" else [el]:
                self._flush([item.text or "", *hp.content(item)], item, blocks)
            return
        self.after_table = False
        if tag[:1] == "h" and tag[1:].isdigit():
            text = self.inline.read_in(el, marks=False)
            blocks.append(Heading(text.text, self.locator.span(el), int(tag[1:])))
        elif tag == "table":
            self._table(el, blocks)
        elif tag == "pre":
            code = COPY_LABEL.sub("", self.inline.raw_text(el).strip("\n"))  # pandoc keeps the button's label
            blocks.append(Code(code, self.locator.span(el), hp.language(el)))
        elif tag == "details":
            blocks.append(self._question(el))
        elif hp.is_steps(el):
            blocks.append(self._steps(el))
        elif tag in _LISTS:
            blocks.append(ListBlock(tuple(self._items(el)), self.locator.span(el)))

    def _items(self, el: etree._Element) -> list[Text]:
        items: list[Text] = []
        for li in el:
            if hp.tag(li) != "li":
                continue
            if not len(li):  # most items: plain text
                items.append(Text(hi.squeeze(li.text or ""), self.locator.span(li)))
                continue
            nested = [c for c in li if hp.tag(c) in ("ul", "ol")]
            if nested:
                run = [n for n in [li.text or "", *hp.content(li)] if n not in nested]
                inline = self.inline.read(run, marks=False)
            else:  # most items with markup: read in place, no run of nodes built
                inline = self.inline.read_in(li, marks=False)
            items.append(Text(inline.text, self.locator.span(li), tuple(inline.links)))
            for sub in nested:
                items.extend(self._items(sub))
        return items

    def _table(self, el: etree._Element, blocks: list[Block]) -> None:
        rows = [r for part in el for r in (part if part.tag in _SECTIONS else (part,)) if r.tag == "tr"]
        if not rows:
            return
        grid = [[c for c in tr if c.tag in _CELLS] for tr in rows]
        parts = [*rows, *(c for cells in grid for c in cells)]
        if not self.hidden.isdisjoint(parts):  # a row a reader cannot see but a program would read: name it
            part = next(p for p in parts if p in self.hidden)
            message = f"<{hp.tag(part)}> hidden from readers in a table; remove it or show it"
            raise fail("hidden", message, self.where(self.locator.span(part)))
        header, *body = [self._cells(tr) for tr in grid]
        rows_read = tuple(Row(cells, cells[0].span) for cells in body if cells)
        blocks.append(TableBlock(Table(header, rows_read, self.locator.span(el))))
        self.after_table = True

    def _cells(self, row: list[etree._Element]) -> tuple[Cell, ...]:
        span, read_in = self.locator.span, self.inline.read_in
        cells = []
        for el in row:
            if not len(el):  # a plain-text cell, most of them: no Inline and no tuples built
                cells.append(Cell(hi.squeeze(el.text or ""), span(el)))
                continue
            inline = read_in(el)
            cells.append(Cell(inline.text, span(el), tuple(inline.marks), tuple(inline.links)))
        return tuple(cells)

    def _question(self, el: etree._Element) -> Question:
        summary = next((c for c in el.iter("summary")), None)
        title = self.inline.read_in(summary) if summary is not None else Inline()
        if summary is not None:
            self.skip.add(summary)
        span = self.locator.span(summary if summary is not None else el)
        return Question(Text(title.text, span, tuple(title.links)), tuple(self.read(el)))

    def _steps(self, el: etree._Element) -> Steps:
        steps = []
        for item in el:
            if not isinstance(item.tag, str) or item in self.hidden:
                continue
            title_el = hp.step_title(item)
            for sub in item.iter():
                if sub is title_el or (not len(sub) and hp.DIGITS.fullmatch(sub.text or "")):  # a numbered leaf
                    self.skip.add(sub)
            title = self.inline.read_in(title_el, marks=False)
            body = [t for b in self.read(item) for t in texts(b)]
            steps.append(Step(Text(title.text, self.locator.span(title_el), tuple(title.links)), tuple(body)))
        return Steps(tuple(steps), self.locator.span(el))
