"""Markdown/MDX blocks: headings, paragraphs, lists, fences, pipe tables with their footnotes,
callouts, steps and accordions, each read from a range of lines so containers can recurse.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from schema.span import Span
from scraper.document import (
    Block,
    Code,
    Footnote,
    Heading,
    Paragraph,
    Question,
    Step,
    Steps,
    Table,
    TableBlock,
    Text,
    texts,
)
from scraper.errors import fail
from scraper.frontends.markdown import html_tables, pandoc_tables, wrapping
from scraper.frontends.markdown import lines as ml
from scraper.frontends.markdown.attributes import check_statuses
from scraper.frontends.markdown.lists import read_list
from scraper.frontends.markdown.tables import read_footnotes, read_table

QUESTIONS = {"section", "Accordion", "details"}
Where = Callable[[Span], str]


class BlockReader:
    """Reads the blocks of a list of lines; footnotes under tables are collected on the side."""

    def __init__(self, lines: list[str], where: Where) -> None:
        self.lines = ml.join_tags(lines)
        self.where = where
        self.footnotes: list[Footnote] = []
        self.indented_code = not ml.is_mdx(self.lines)

    def read(self, i: int, end: int) -> list[Block]:
        """The blocks of lines `i` to `end`; their common indentation is the container's own."""
        blocks: list[Block] = []
        base = min((ml.indent(line) for line in self.lines[i:end] if line.strip()), default=0)
        while i < end:
            i = self._block(i, end, blocks, base)
        return blocks

    def _block(self, i: int, end: int, blocks: list[Block], base: int) -> int:
        line = ml.uncomment(self.lines[i])
        stripped = line.strip()
        if stripped and pandoc_tables.starts_table(self.lines, i, end):
            table, k = pandoc_tables.read(self.lines, i, end, self.where)
            return self._footnotes(table, k, end, blocks)
        if not stripped or ml.RULE.fullmatch(stripped) or ml.WRAPPER_LINE.fullmatch(stripped):
            return i + 1
        if self.indented_code and ml.indent(line) - base >= ml.CODE_INDENT:
            return self._indented_code(i, end, blocks, base + ml.CODE_INDENT)
        heading = ml.HEADING.fullmatch(stripped)
        if heading:
            stop = self._heading_end(i, end)
            title = " ".join([heading.group(2), *(self.lines[k].strip() for k in range(i + 1, stop))])
            text = ml.text_at(ml.HEADING_ID.sub("", title), i + 1, ml.indent(line) + len(heading.group(1)) + 2)
            blocks.append(Heading(text.text, Span(i + 1, ml.indent(line) + 1), len(heading.group(1))))
            return stop
        if ml.FENCE.fullmatch(stripped):
            return self._code(i, end, blocks)
        if ml.is_table_start(self.lines, i):
            return self._table(i, end, blocks)
        if html_tables.START.match(stripped):
            table, k = html_tables.read_html_table(self.lines, i, end, self.where)
            return self._footnotes(table, k, end, blocks)
        name = ml.tag_name(stripped)
        if name is not None:
            return self._tag(name, i, end, blocks)
        if ml.ITEM.match(stripped):
            found, stop = read_list(self, i, end)
            blocks += found
            return stop
        stop = self.paragraph_end(i, end)
        level = ml.setext_level(self.lines[stop]) if stop < end else None
        if level is not None:
            blocks.append(Heading(self._run(i, stop).text, Span(i + 1, ml.indent(line) + 1), level))
            return stop + 1
        run = self._run(i, stop)
        if run.text:  # HTML wrappers a converter kept (`<div class="icon">`, `</div>`) hold no text
            blocks.append(Paragraph(run))
        return stop

    def _heading_end(self, i: int, end: int) -> int:
        """The line after the heading at `i`: where a converter wrapped the page at a width
        (html2text's `body_width`), a heading longer than it runs on into the lines under it."""
        if i + 1 >= end or self._starts_block(i + 1) or self.wrap_width is None:
            return i + 1
        return wrapping.run_on_end(self.lines, i, end, self.wrap_width, self._starts_block)

    @cached_property
    def wrap_width(self) -> int | None:
        """The width the page is wrapped at (None: not wrapped), measured once, when first asked:
        by the link definitions (after their own lines are blanked) or by a heading."""
        return wrapping.wrap_width(self.lines, self._starts_block)

    def _run(self, i: int, stop: int) -> Text:
        raw = ml.join_wrapped([ml.uncomment(self.lines[k]).strip() for k in range(i, stop)])
        return ml.text_at(raw, i + 1, ml.indent(self.lines[i]) + 1)

    def _starts_block(self, i: int) -> bool:
        stripped = self.lines[i].strip()
        if not stripped:
            return True
        first = stripped[0]  # each pattern below can only start with the characters tested before it
        return bool(
            (first == "#" and ml.HEADING.fullmatch(stripped))
            or (first in "`~" and ml.FENCE.fullmatch(stripped))
            or ((first in "-*+" or first.isdigit()) and ml.ITEM.match(stripped))
            or (first == "<" and ml.tag_name(stripped))
            or ml.is_table_start(self.lines, i)
            or (first in "-*_" and ml.RULE.fullmatch(stripped))
            or (first in ":[" and ml.WRAPPER_LINE.fullmatch(stripped))
            or (first in "=-" and ml.setext_level(self.lines[i]) is not None)
        )

    def paragraph_end(self, i: int, end: int) -> int:
        i += 1
        while i < end and not self._starts_block(i):
            i += 1
        return i

    def _code(self, i: int, end: int, blocks: list[Block]) -> int:
        opening = ml.FENCE.fullmatch(self.lines[i].strip())
        assert opening is not None
        fence, depth = opening.group(1), ml.indent(self.lines[i])
        stop = i + 1
        while stop < end and not self.lines[stop].strip().startswith(fence):
            stop += 1
        body = "\n".join(line.lstrip() if line[:depth].strip() else line[depth:] for line in self.lines[i + 1 : stop])
        blocks.append(Code(body, Span(i + 1, depth + 1), opening.group(2) or None))
        return min(stop + 1, end)

    def _indented_code(self, i: int, end: int, blocks: list[Block], depth: int) -> int:
        """An indented code block: lines indented `depth` or more (blank ones between), dedented."""
        stop = i
        while stop < end and (not self.lines[stop].strip() or ml.indent(self.lines[stop]) >= depth):
            stop += 1
        while not self.lines[stop - 1].strip():
            stop -= 1
        body = "\n".join(line[depth:] for line in self.lines[i:stop])
        blocks.append(Code(body, Span(i + 1, depth + 1)))
        return stop

    def _close(self, name: str, i: int, end: int) -> int:
        """Index of the line closing the `<name>` opened on line `i` (nesting counted)."""
        depth = 0
        for k in range(i, end):
            stripped = self.lines[k].strip()
            if ml.tag_name(stripped) == name and not stripped.endswith("/>"):
                depth += -1 if ml.closes(stripped, name) else 1
                if depth == 0:
                    return k
        raise fail("structure", f"<{name}> is never closed", self.where(Span(i + 1, ml.indent(self.lines[i]) + 1)))

    def _tag(self, name: str, i: int, end: int, blocks: list[Block]) -> int:
        stripped = self.lines[i].strip()
        if stripped.startswith("</") or stripped.endswith("/>"):
            return i + 1
        if name in QUESTIONS:
            close = self._close(name, i, end)
            title = ml.title_attribute(stripped) or self._summary(i + 1, close)
            question = ml.text_at(title, i + 1, ml.indent(self.lines[i]) + 1)
            blocks.append(Question(question, tuple(self.read(i + 1, close))))
            return close + 1
        if name == "Steps":
            close = self._close(name, i, end)
            blocks.append(self._steps(i, close))
            return close + 1
        return i + 1

    def _summary(self, i: int, close: int) -> str:
        """The `<summary>` of a `<details>` written in the Markdown, blanked so it is read once."""
        for k in range(i, close):
            match = ml.SUMMARY.fullmatch(self.lines[k].strip())
            if match:
                self.lines[k] = ""
                return match.group(1)
        return ""

    def _steps(self, i: int, close: int) -> Steps:
        steps = []
        k = i + 1
        while k < close:
            if ml.tag_name(self.lines[k]) != "Step" or ml.closes(self.lines[k], "Step"):
                k += 1
                continue
            stop = self._close("Step", k, close)
            title = ml.text_at(ml.title_attribute(self.lines[k]) or "", k + 1, ml.indent(self.lines[k]) + 1)
            steps.append(Step(title, tuple(t for b in self.read(k + 1, stop) for t in texts(b))))
            k = stop + 1
        return Steps(tuple(steps), Span(i + 1, ml.indent(self.lines[i]) + 1))

    def _table(self, i: int, end: int, blocks: list[Block]) -> int:
        table, k = read_table(self.lines, i, end)
        check_statuses(self.lines, i, k, self.where)
        return self._footnotes(table, k, end, blocks)

    def _footnotes(self, table: Table, k: int, end: int, blocks: list[Block]) -> int:
        """The table's block, then the footnotes under it (from line `k`); the line after them."""
        blocks.append(TableBlock(table))
        notes, k = read_footnotes(self.lines, k, end, len(self.footnotes), self.paragraph_end)
        self.footnotes += notes
        return k
