"""Front end for the page's Markdown/MDX source (the page URL plus `.md`, or a mirror's copy).

YAML front matter is skipped (its `source_url`, `title` and `description` are kept as fallbacks);
the first `#` heading is the title and the paragraph under it the summary; everything else is
read into blocks by `blocks`, with footnotes under the table collected on the side.
"""

from __future__ import annotations

import re

from scraper.document import Block, Document, Heading, Paragraph
from scraper.frontends.markdown.blocks import BlockReader
from scraper.source import Source

_FRONT_KEY = re.compile(r"([A-Za-z_][\w-]*):[ \t]*(.*)")


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
    """Title, summary and the blocks after them: the `#` heading and the paragraph right under it
    (else the front matter's). What precedes the heading (breadcrumbs, MDX imports) is not the article."""
    first = next((k for k, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1), None)
    if first is None:
        return meta.get("title", ""), meta.get("description"), blocks
    heading = blocks[first]
    assert isinstance(heading, Heading)
    after = blocks[first + 1] if first + 1 < len(blocks) else None
    if isinstance(after, Paragraph):
        return heading.text, after.body.text, blocks[first + 2 :]
    return heading.text, meta.get("description"), blocks[first + 1 :]


def parse(source: Source) -> Document:
    """Parse a Markdown/MDX page into a Document."""
    lines = source.text.splitlines()
    meta, start = front_matter(lines)
    reader = BlockReader(lines, source.where)
    blocks = reader.read(start, len(lines))
    title, description, rest = title_and_summary(blocks, meta)
    return Document(
        title=title,
        description=description,
        blocks=tuple(rest),
        footnotes=tuple(reader.footnotes),
        source_url=meta.get("source_url") or meta.get("url"),
    )
