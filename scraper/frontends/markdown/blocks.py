"""Markdown/MDX blocks: headings, paragraphs, lists, fences, pipe tables with their footnotes,
callouts, steps and accordions, each read from a range of lines so containers can recurse.
"""

from __future__ import annotations

from collections.abc import Callable

from schema.span import Span
from scraper.document import (
    Block,
    Code,
    Footnote,
    Heading,
    ListBlock,
    Paragraph,
    Question,
    Step,
    Steps,
    TableBlock,
    Text,
)
from scraper.errors import fail
from scraper.frontends.markdown import lines as ml
from scraper.frontends.markdown.attributes import check_statuses
from scraper.frontends.markdown.tables import read_footnotes, read_table

QUESTIONS = {"section", "Accordion", "details"}
Where = Callable[[Span], str]


class BlockReader:
    """Reads the blocks of a list of lines; footnotes under tables are collected on the side."""

    def __init__(self, lines: list[str], where: Where) -> None:
        self.lines = ml.join_tags(lines)
        self.where = where
        self.footnotes: list[Footnote] = []

    def read(self, i: int, end: int) -> list[Block]:
        blocks: list[Block] = []
        while i < end:
            i = self._block(i, end, blocks)
        return blocks

    def _block(self, i: int, end: int, blocks: list[Block]) -> int:
        line = ml.COMMENT.sub("", self.lines[i])
        stripped = line.strip()
        if not stripped or ml.RULE.fullmatch(stripped):
            return i + 1
        heading = ml.HEADING.fullmatch(stripped)
        if heading:
            text = ml.text_at(heading.group(2), i + 1, ml.indent(line) + len(heading.group(1)) + 2)
            blocks.append(Heading(text.text, Span(i + 1, ml.indent(line) + 1), len(heading.group(1))))
            return i + 1
        if ml.FENCE.fullmatch(stripped):
            return self._code(i, end, blocks)
        if ml.is_table_start(self.lines, i):
            return self._table(i, end, blocks)
        name = ml.tag_name(stripped)
        if name is not None:
            return self._tag(name, i, end, blocks)
        if ml.ITEM.match(stripped):
            return self._list(i, end, blocks)
        stop = self._paragraph_end(i, end)
        blocks.append(Paragraph(self._run(i, stop)))
        return stop

    def _run(self, i: int, stop: int) -> Text:
        raw = " ".join(ml.COMMENT.sub("", self.lines[k]).strip() for k in range(i, stop))
        return ml.text_at(raw, i + 1, ml.indent(self.lines[i]) + 1)

    def _starts_block(self, i: int) -> bool:
        stripped = self.lines[i].strip()
        return bool(
            not stripped
            or ml.HEADING.fullmatch(stripped)
            or ml.FENCE.fullmatch(stripped)
            or ml.ITEM.match(stripped)
            or ml.tag_name(stripped)
            or ml.is_table_start(self.lines, i)
            or ml.RULE.fullmatch(stripped)
        )

    def _paragraph_end(self, i: int, end: int) -> int:
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

    def _list(self, i: int, end: int, blocks: list[Block]) -> int:
        start, items = i, []
        while i < end:
            stripped = self.lines[i].strip()
            item = ml.ITEM.match(stripped)
            if item is None:
                if not stripped and i + 1 < end and ml.ITEM.match(self.lines[i + 1].strip()):
                    i += 1
                    continue
                break
            stop = self._paragraph_end(i, end)
            first = self.lines[i].lstrip()[item.end() :]
            rest = [self.lines[k].strip() for k in range(i + 1, stop)]
            col = ml.indent(self.lines[i]) + item.end() + 1
            items.append(ml.text_at(" ".join([first, *rest]), i + 1, col))
            i = stop
        blocks.append(ListBlock(tuple(items), Span(start + 1, ml.indent(self.lines[start]) + 1)))
        return i

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
            steps.append(Step(title, tuple(_texts(self.read(k + 1, stop)))))
            k = stop + 1
        return Steps(tuple(steps), Span(i + 1, ml.indent(self.lines[i]) + 1))

    def _table(self, i: int, end: int, blocks: list[Block]) -> int:
        table, k = read_table(self.lines, i, end)
        check_statuses(self.lines, i, k, self.where)
        blocks.append(TableBlock(table))
        notes, k = read_footnotes(self.lines, k, end, len(self.footnotes), self._paragraph_end)
        self.footnotes += notes
        return k


def _texts(blocks: list[Block]) -> list[Text]:
    """A step's body as texts: paragraphs, and list items one each."""
    result: list[Text] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            result.append(block.body)
        elif isinstance(block, ListBlock):
            result.extend(block.items)
    return result
