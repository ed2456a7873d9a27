"""Front end for a crawler's flattened text dump of the rendered page.

The dump is site chrome, then the article: title, summary, "Was this page helpful?", the
"On this page" list (which names the headings), then blocks separated by blank lines. The
eligibility table's rows are glued cells, and the table may be cut: the rest of the cut row
(one cell a line) and every later row then follow the page's last block.
"""

from __future__ import annotations

import json
import re

from schema.span import Span
from scraper.document import (
    Block,
    Code,
    Document,
    Footnote,
    Heading,
    ListBlock,
    Paragraph,
    Step,
    Steps,
    Text,
)
from scraper.errors import fail
from scraper.frontends.text.ambiguity import Evidence
from scraper.frontends.text.cut import read_table
from scraper.frontends.text.table import parse_header
from scraper.source import Source
from scraper.vocabulary import ENGLISH

_HELPFUL = ENGLISH.dump_article_marker
_BULLET = "•"
_TOC = ENGLISH.dump_toc_marker
_STEP = re.compile(r"(\d+)\. \1")
_FOOTNOTE = re.compile(r"(\d+) (\S.*)")
_HEADING_LIKE = re.compile(r"[A-Z][^.:;!?,]{0,78}[^.:;!?,\s]")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


class TextFrontEnd:
    """Turns the dump's lines into a Document; one instance per source."""

    def __init__(self, source: Source, evidence: Evidence | None = None) -> None:
        self.source = source
        self.evidence = evidence  # the published version, for rows that read two ways
        self.lines = source.text.splitlines()
        self.toc: dict[str, int] | None = None  # heading -> its line in "On this page"
        self.seen: set[str] = set()
        self.blocks: list[Block] = []
        self.footnotes: list[Footnote] = []
        self.end = len(self.lines)

    def where(self, span: Span) -> str:
        return self.source.where(span)

    def parse(self) -> Document:
        title, description, i = self._article()
        while i < self.end:
            if not self.lines[i].strip():
                i += 1
                continue
            i = self._block(i, self.end, self.blocks)
        self._check_complete()
        return Document(
            title=title, description=description, blocks=tuple(self.blocks), footnotes=tuple(self.footnotes)
        )

    def _check_complete(self) -> None:
        """Every heading "On this page" lists must be in the article: else the dump is truncated."""
        for heading, lineno in (self.toc or {}).items():
            if heading not in self.seen:
                where = self.where(Span(lineno, 1))
                raise fail("structure", f"heading {heading!r} listed under {_TOC!r} is not in the article", where)

    def _article(self) -> tuple[str, str | None, int]:
        """Title, summary and the first body line, found by the "Was this page helpful?" marker."""
        lines = self.lines
        marks = [i for i, line in enumerate(lines) if line.strip() == _HELPFUL]
        if not marks:
            first = next((i for i, line in enumerate(lines) if line.strip()), 0)
            return lines[first].strip(), None, first + 1
        helpful = marks[0]
        before = [i for i in range(helpful) if lines[i].strip()]
        if len(before) < 2:
            raise fail("structure", f"no page title before {_HELPFUL!r}", self.where(Span(helpful + 1, 1)))
        self.toc = {}
        i = helpful + 1
        while i < len(lines) and (not lines[i].strip() or lines[i].strip().startswith(_BULLET)):
            if lines[i].strip():
                self.toc.setdefault(lines[i].strip()[1:].strip(), i + 1)
            i += 1
        return lines[before[-2]].strip(), lines[before[-1]].strip(), i

    def _chunk(self, i: int, end: int) -> int:
        """Index just past the run of non-blank lines starting at `i`."""
        while i < end and self.lines[i].strip():
            i += 1
        return i

    def _block(self, i: int, end: int, blocks: list[Block]) -> int:
        line = self.lines[i].strip()
        header = parse_header(self.lines[i], i + 1)
        if header is not None:
            return read_table(self, i, header)
        if self._is_heading(i):
            self.seen.add(line)
            blocks.append(Heading(text=line, span=Span(i + 1, _indent(self.lines[i]) + 1)))
            return i + 1
        if _STEP.fullmatch(line):
            return self._steps(i, end, blocks)
        if line.startswith(_BULLET):
            return self._list(i, end, blocks)
        if line[:1] in "{[":
            return self._code(i, end, blocks)
        stop = self._chunk(i, end)
        body = " ".join(self.lines[k].strip() for k in range(i, stop))
        blocks.append(Paragraph(Text(text=body, span=Span(i + 1, _indent(self.lines[i]) + 1))))
        return stop

    def _is_heading(self, i: int) -> bool:
        line = self.lines[i].strip()
        if self.toc is not None:
            return line in self.toc
        alone = (i == 0 or not self.lines[i - 1].strip()) and (
            i + 1 >= len(self.lines) or not self.lines[i + 1].strip()
        )
        return alone and _HEADING_LIKE.fullmatch(line) is not None

    def _list(self, i: int, end: int, blocks: list[Block]) -> int:
        items = []
        start = i
        while i < end and self.lines[i].strip().startswith(_BULLET):
            raw = self.lines[i]
            at = raw.index(_BULLET) + 1
            lead = len(raw[at:]) - len(raw[at:].lstrip())
            items.append(Text(text=raw[at:].strip(), span=Span(i + 1, at + lead + 1)))
            i += 1
        blocks.append(ListBlock(items=tuple(items), span=Span(start + 1, _indent(self.lines[start]) + 1)))
        return i

    def _steps(self, i: int, end: int, blocks: list[Block]) -> int:
        start, depth = i, _indent(self.lines[i])
        steps = []
        while i < end and _STEP.fullmatch(self.lines[i].strip()) and _indent(self.lines[i]) == depth:
            parts: list[Text] = []
            i += 1
            while i < end and (not self.lines[i].strip() or _indent(self.lines[i]) > depth):
                if self.lines[i].strip():
                    stop = self._chunk(i, end)
                    body = " ".join(self.lines[k].strip() for k in range(i, stop))
                    parts.append(Text(text=body, span=Span(i + 1, _indent(self.lines[i]) + 1)))
                    i = stop
                else:
                    i += 1
            if not parts:
                raise fail("structure", "step without a title", self.where(Span(i, 1)))
            steps.append(Step(title=parts[0], body=tuple(parts[1:])))
        blocks.append(Steps(steps=tuple(steps), span=Span(start + 1, depth + 1)))
        return i

    def _code(self, i: int, end: int, blocks: list[Block]) -> int:
        """A block starting with `{` or `[`: code, marked json when the whole chunk parses as JSON."""
        depth = _indent(self.lines[i])
        stop = self._chunk(i, end)
        body = "\n".join(line[depth:] for line in self.lines[i:stop])
        try:
            json.loads(body)
            language: str | None = "json"
        except (ValueError, RecursionError):
            language = None
        blocks.append(Code(text=body, span=Span(i + 1, depth + 1), language=language))
        return stop


def parse(source: Source, evidence: Evidence | None = None) -> Document:
    """Parse a flattened text dump into a Document; `evidence` decides rows that read two ways."""
    return TextFrontEnd(source, evidence).parse()
