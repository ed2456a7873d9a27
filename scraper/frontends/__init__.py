"""Front ends: take a Source (text dump, Markdown or HTML), give the shared Document.

One package per form; each stops at the same Document, so extraction is written once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from scraper.document import Document
from scraper.errors import fail
from scraper.source import Source

if TYPE_CHECKING:
    from scraper.frontends.text.ambiguity import Evidence


def _text(source: Source, evidence: Evidence | None) -> Document:
    from scraper.frontends import text

    return text.parse(source, evidence)


def _markdown(source: Source, evidence: Evidence | None) -> Document:
    """Markdown is never ambiguous: `evidence` is not needed."""
    from scraper.frontends import markdown

    return markdown.parse(source)


def _html(source: Source, evidence: Evidence | None) -> Document:
    """HTML is never ambiguous: `evidence` is not needed."""
    from scraper.frontends.html import parse as parse_html

    return parse_html(source)


Parser = Callable[[Source, "Evidence | None"], Document]
PARSERS: dict[str, Parser] = {"text": _text, "markdown": _markdown, "html": _html}


def parse(source: Source, evidence: Evidence | None = None) -> Document:
    """Parse `source` with the front end of its format. `evidence` (the published version) decides
    between the two readings a glued text dump can have; the other forms are never ambiguous."""
    parser = PARSERS.get(source.format)
    if parser is None:
        known = ", ".join(sorted(PARSERS))
        raise fail("format", f"no front end for {source.format!r} input yet (have: {known})", f"{source.origin}:1:1")
    return parser(source, evidence)
