"""HTML blocks in reading order: headings, paragraphs, lists, tables with the footnotes under
them, code, steps and `<details>` questions; any other container (callouts, wrappers) is read
through, and loose inline content inside it becomes a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import html

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

_PLAIN_NOTE = re.compile(r"(\d+)\s+(\S.*)")


class HtmlReader:
    """Reads blocks out of an element tree; one instance per page."""

    def __init__(self, locator: hi.Locator, where: Callable[[Span], str]) -> None:
        self.locator = locator
        self.where = where
        self.footnotes: list[Footnote] = []
        self.skip: set[html.HtmlElement] = set()
        self.after_table = False

    def read(self, el: html.HtmlElement) -> list[Block]:
        blocks: list[Block] = []
        run: list[hp.Node] = [el.text or ""]
        anchor = el
        for child in el:
            if not isinstance(child.tag, str) or child in self.skip or hi.hidden(child):
                pass
            elif hp.tag(child) in hp.BLOCKS | hp.CONTAINERS:
                self._flush(run, anchor, blocks)
                self._block(child, blocks)
                run, anchor = [], child
            else:
                run.append(child)
            run.append(child.tail or "")
        self._flush(run, anchor, blocks)
        return blocks

    def _flush(self, run: list[hp.Node], anchor: html.HtmlElement, blocks: list[Block]) -> None:
        inline = hi.read(run)
        if not inline.text:
            return
        first = next((n for n in run if not isinstance(n, str) or n.strip()), None)
        span = self.locator.span(first if isinstance(first, html.HtmlElement) else anchor)
        if self._footnote(run, inline, span):
            return
        self.after_table = False
        blocks.append(Paragraph(Text(inline.text, span, tuple(inline.links))))

    def _footnote(self, run: list[hp.Node], inline: Inline, span: Span) -> bool:
        """A run right under a table that starts with `<sup>N</sup>` (or `N ` for the next N)."""
        if not self.after_table:
            return False
        first = next((n for n in run if not isinstance(n, str) or n.strip()), None)
        if isinstance(first, html.HtmlElement) and hp.tag(first) == "sup" and hp.DIGITS.fullmatch(first.text_content()):
            rest = hi.read(run[run.index(first) + 1 :])
            number = int(first.text_content())
        elif (plain := _PLAIN_NOTE.fullmatch(inline.text)) and int(plain.group(1)) == len(self.footnotes) + 1:
            rest = Inline(plain.group(2), inline.links)
            number = int(plain.group(1))
        else:
            return False
        self.footnotes.append(Footnote(number, Text(rest.text, span, tuple(rest.links))))
        return True

    def _block(self, el: html.HtmlElement, blocks: list[Block]) -> None:
        tag = hp.tag(el)
        span = self.locator.span(el)
        if tag in hp.CONTAINERS and not hp.is_steps(el):
            blocks.extend(self.read(el))
            return
        if tag == "p" or (tag in ("ul", "ol") and self.after_table and hp.is_note_list(el)):
            for item in el if tag != "p" else [el]:
                self._flush([item.text or "", *hp.content(item)], item, blocks)
            return
        self.after_table = False
        if tag[:1] == "h" and tag[1:].isdigit():
            text = hi.read([el.text or "", *hp.content(el)], marks=False)
            blocks.append(Heading(text.text, span, int(tag[1:])))
        elif tag == "table":
            self._table(el, blocks)
        elif tag == "pre":
            blocks.append(Code(hi.raw_text(el).strip("\n"), span, hp.language(el)))
        elif tag == "details":
            blocks.append(self._question(el))
        elif hp.is_steps(el):
            blocks.append(self._steps(el))
        elif tag in ("ul", "ol"):
            blocks.append(ListBlock(tuple(self._items(el)), span))

    def _items(self, el: html.HtmlElement) -> list[Text]:
        items: list[Text] = []
        for li in el:
            if hp.tag(li) != "li":
                continue
            nested = [c for c in li if hp.tag(c) in ("ul", "ol")]
            run = [n for n in [li.text or "", *hp.content(li)] if n not in nested]
            inline = hi.read(run, marks=False)
            items.append(Text(inline.text, self.locator.span(li), tuple(inline.links)))
            for sub in nested:
                items.extend(self._items(sub))
        return items

    def _table(self, el: html.HtmlElement, blocks: list[Block]) -> None:
        rows = el.xpath("./thead/tr | ./tbody/tr | ./tr | ./tfoot/tr")
        if not rows:
            return
        for part in [*rows, *(c for tr in rows for c in tr if hp.tag(c) in ("th", "td"))]:
            if hi.hidden(part):  # a row a reader cannot see but a program would read: name it
                span = self.locator.span(part)
                message = f"<{hp.tag(part)}> hidden from readers in a table; remove it or show it"
                raise fail("hidden", message, self.where(span))
        header = tuple(self._cell(c) for c in rows[0] if hp.tag(c) in ("th", "td"))
        body = []
        for tr in rows[1:]:
            cells = tuple(self._cell(c) for c in tr if hp.tag(c) in ("th", "td"))
            if cells:
                body.append(Row(cells, cells[0].span))
        blocks.append(TableBlock(Table(header, tuple(body), self.locator.span(el))))
        self.after_table = True

    def _cell(self, el: html.HtmlElement) -> Cell:
        inline = hi.read([el.text or "", *hp.content(el)])
        return Cell(inline.text, self.locator.span(el), tuple(inline.marks), tuple(inline.links))

    def _question(self, el: html.HtmlElement) -> Question:
        summary = next((c for c in el.iter("summary")), None)
        title = hi.read([summary.text or "", *hp.content(summary)]) if summary is not None else Inline()
        if summary is not None:
            self.skip.add(summary)
        span = self.locator.span(summary if summary is not None else el)
        return Question(Text(title.text, span, tuple(title.links)), tuple(self.read(el)))

    def _steps(self, el: html.HtmlElement) -> Steps:
        steps = []
        for item in el:
            if not isinstance(item.tag, str) or hi.hidden(item):
                continue
            title_el = hp.step_title(item)
            for sub in item.iter():
                if sub is title_el or (len(sub) == 0 and hp.DIGITS.fullmatch(sub.text_content() or "")):
                    self.skip.add(sub)
            title = hi.read([title_el.text or "", *hp.content(title_el)], marks=False)
            body = [t for b in self.read(item) for t in texts(b)]
            steps.append(Step(Text(title.text, self.locator.span(title_el), tuple(title.links)), tuple(body)))
        return Steps(tuple(steps), self.locator.span(el))
