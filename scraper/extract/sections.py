"""The page's blocks grouped under its headings, whatever heading style the form used.

Headings of levels 1-3 open sections (deeper ones are labels inside them). A run of deeper
headings that ask something ("…?") under a section are that section's questions, as accordions
are: the FAQ reads the same whether its questions are `<Accordion>`s or `###` headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from schema.span import Span
from scraper.document import Block, Document, Heading, Paragraph, Question, Steps, Text

SECTION_LEVEL = 3


@dataclass
class Part:
    """A section of the page: its heading (level None where the form does not say) and blocks."""

    title: str
    level: int | None
    span: Span
    blocks: list[Block] = field(default_factory=list)


def sections(doc: Document) -> list[Part]:
    """The page's sections in order, the first one (under the title) holding the introduction."""
    flat = [Part(doc.title, 1, Span(1, 1))]
    for block in doc.blocks:
        if isinstance(block, Heading) and (block.level is None or block.level <= SECTION_LEVEL):
            flat.append(Part(block.text, block.level, block.span))
        elif isinstance(block, Heading):
            flat[-1].blocks.append(Paragraph(Text(block.text, block.span)))
        else:
            flat[-1].blocks.append(block)
    return _fold_questions(flat)


def _fold_questions(flat: list[Part]) -> list[Part]:
    result: list[Part] = []
    for part in flat:
        parent = result[-1] if result else None
        if parent is not None and _asks(part, parent):
            parent.blocks.append(Question(Text(part.title, part.span), tuple(part.blocks)))
        else:
            result.append(part)
    return result


def _asks(part: Part, parent: Part) -> bool:
    """A question heading one or more levels under the section (not the title) it belongs to."""
    deeper = part.level is not None and parent.level is not None and part.level > parent.level > 1
    return deeper and part.title.rstrip().endswith(("?", "？"))


def steps_under(doc: Document, word: re.Pattern[str]) -> Steps | None:
    """The first steps under a heading (at any level above them) matching `word`, else the first
    steps: the page also has steps for other set-ups, and their order has changed before."""
    chain: dict[int, str] = {}
    first: Steps | None = None
    for block in doc.blocks:
        if isinstance(block, Heading):
            level = block.level or SECTION_LEVEL
            chain = {k: v for k, v in chain.items() if k < level} | {level: block.text}
        elif isinstance(block, Steps):
            if any(word.search(text) for text in chain.values()):
                return block
            first = first or block
    return first


def label_text(block: Block) -> str | None:
    """The text of a block that can label the list after it: a paragraph or a heading."""
    if isinstance(block, Paragraph):
        return block.body.text
    if isinstance(block, Heading):
        return block.text
    return None
