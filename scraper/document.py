"""The one intermediate form every front end produces: blocks, the table, footnotes, with spans.

A Document knows nothing of ZDR or HIPAA: it is the page's structure as a reader sees it.
Texts are plain (links become their text, code its characters); links are kept beside them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schema.span import Span, value


@value
class Link:
    text: str
    url: str


@dataclass
class Inline:
    """Inline markup read as a reader sees it: plain text, with the links and footnote marks
    found in it kept aside. Both the Markdown and the HTML front end build these."""

    text: str = ""
    links: list[Link] = field(default_factory=list)
    marks: list[int] = field(default_factory=list)


@value
class Text:
    """A run of plain text with the links it contained."""

    text: str
    span: Span
    links: tuple[Link, ...] = ()


@value
class Cell:
    """A table cell; `marks` are the footnote numbers attached to it."""

    text: str
    span: Span
    marks: tuple[int, ...] = ()
    links: tuple[Link, ...] = ()


@value
class Row:
    cells: tuple[Cell, ...]
    span: Span


@value
class Table:
    header: tuple[Cell, ...]
    rows: tuple[Row, ...]
    span: Span


@value
class Heading:
    """A section heading; `level` is None where the form does not say (the text dump)."""

    text: str
    span: Span
    level: int | None = None


@value
class Paragraph:
    body: Text


@value
class ListBlock:
    items: tuple[Text, ...]
    span: Span


@value
class Step:
    title: Text
    body: tuple[Text, ...]


@value
class Steps:
    steps: tuple[Step, ...]
    span: Span


@value
class Code:
    text: str
    span: Span
    language: str | None = None


@value
class Question:
    """A FAQ entry (an accordion or `<details>`): the question and its answer's blocks."""

    question: Text
    answer: tuple[Block, ...]


@value
class TableBlock:
    table: Table


Block = Heading | Paragraph | ListBlock | Steps | Code | Question | TableBlock


def texts(block: Block) -> list[Text]:
    """A block's texts: a paragraph's body, a list's items one each; other blocks have none
    (a step's body, a question's answer are read from these)."""
    if isinstance(block, Paragraph):
        return [block.body]
    if isinstance(block, ListBlock):
        return list(block.items)
    return []


@value
class Footnote:
    number: int
    body: Text


@value
class Document:
    """The page: title, summary line, blocks in page order, and the footnotes under the table.

    `source_url` is the page's own URL and `source_date` (YYYY-MM-DD) the day the copy was
    taken, where the form states them (Markdown front matter); `lang` the language where the
    form states it (HTML `<html lang>`).
    """

    title: str
    description: str | None
    blocks: tuple[Block, ...]
    footnotes: tuple[Footnote, ...] = field(default=())
    source_url: str | None = None
    source_date: str | None = None
    lang: str | None = None  # the language the page declares (HTML `lang`)

    def tables(self) -> list[Table]:
        return [b.table for b in self.blocks if isinstance(b, TableBlock)]
