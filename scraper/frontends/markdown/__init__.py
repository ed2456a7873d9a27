"""Front end for the page's Markdown/MDX source (the page URL plus `.md`, or a mirror's copy).

YAML front matter is skipped (its `source_url`, `title` and `description` are kept as fallbacks);
the first `#` heading is the title and the paragraph under it the summary; everything else is
read into blocks by `blocks` (lists by `lists`), with footnotes under the table collected on the side.
"""

from __future__ import annotations

import re
from dataclasses import replace

from scraper.document import Block, Code, Document, Heading, Paragraph
from scraper.frontends.markdown import lines as ml
from scraper.frontends.markdown import references, steps
from scraper.frontends.markdown.attributes import check_hidden
from scraper.frontends.markdown.blocks import BlockReader
from scraper.source import Source
from scraper.vocabulary import ENGLISH

_FRONT_KEY = re.compile(r"([A-Za-z_][\w-]*):[ \t]*(.*)")
_HEADING_LINE = re.compile(r"[ \t]{0,3}(#{1,6}[ \t]|[-=]{3,}[ \t]*$)")


def article_end(lines: list[str], start: int) -> int:
    """The line where the article ends: a converted page's site chrome after it (the feedback
    widget, then the table of contents and the footer) is not the article. The widget's line
    ends the article only when no heading follows it."""
    marker = ENGLISH.dump_article_marker.lower()
    for k in range(len(lines) - 1, start - 1, -1):
        if _HEADING_LINE.match(lines[k]):
            return len(lines)
        if lines[k].strip().lower().startswith(marker):
            return k
    return len(lines)
_LABEL_WORDS = 3
_SENTENCE_END = tuple(".!?:;。！？：")
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


def page_date(meta: dict[str, str]) -> str | None:
    """The day the copy was taken, as its front matter states it (`fetched_at`), else None."""
    match = _DATE.fullmatch(meta.get("fetched_at", "").strip())
    return match.group(1) if match else None


def front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """Top-level `key: value` pairs of a leading `---` block, and the first line after it."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            pairs = (_FRONT_KEY.fullmatch(line) for line in lines[1:end])
            return {m.group(1): _unquote(m.group(2)) for m in pairs if m}, end + 1
    return {}, 0


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def title_and_summary(blocks: list[Block], meta: dict[str, str]) -> tuple[str, str | None, list[Block]]:
    """Title, summary and the blocks after them: the `#` heading and the first paragraph under it
    (else the front matter's). What precedes the heading (site navigation, MDX imports) is not the
    article, nor are the widget labels a crawler keeps around the summary ("Copy page")."""
    first = next((k for k, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1), None)
    if first is None:
        return meta.get("title", ""), meta.get("description"), blocks
    heading = blocks[first]
    assert isinstance(heading, Heading)
    rest = _without_labels(blocks[first + 1 :])
    if rest and isinstance(rest[0], Paragraph):
        return heading.text, rest[0].body.text, _without_labels(rest[1:])
    return heading.text, meta.get("description"), rest


def _without_labels(blocks: list[Block]) -> list[Block]:
    """The blocks from the first one that is not a widget label: a paragraph of a few words that
    is no sentence (no closing punctuation), as a button's text is."""
    k = 0
    while k < len(blocks) and _is_label(blocks[k]):
        k += 1
    return blocks[k:]


def _is_label(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    text = block.body.text
    return len(text.split()) <= _LABEL_WORDS and not text.rstrip().endswith(_SENTENCE_END)


def _code(block: Block) -> Block:
    """Code without the copy button's label a converter glued to its first line (`Copy{`)."""
    if isinstance(block, Code):
        return replace(block, text=ml.COPY_LABEL.sub("", block.text))
    return block


def parse(source: Source) -> Document:
    """Parse a Markdown/MDX page into a Document."""
    lines = source.text.splitlines()
    meta, start = front_matter(lines)
    check_hidden(lines, source.where)
    reader = BlockReader(lines, source.where)
    token = references.DEFINED.set(references.collect(reader.lines, lambda: reader.wrap_width))
    try:
        blocks = reader.read(start, article_end(reader.lines, start))
        title, description, rest = title_and_summary(steps.fold([_code(b) for b in blocks]), meta)
    finally:
        references.DEFINED.reset(token)
    return Document(
        title=title,
        description=description,
        blocks=tuple(rest),
        footnotes=tuple(reader.footnotes),
        source_url=meta.get("source_url") or meta.get("url"),
        source_date=page_date(meta),
    )
