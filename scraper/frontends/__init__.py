"""Front ends: take a Source (text dump, Markdown or HTML), give the shared Document.

One package per form; each stops at the same Document, so extraction is written once.
"""

from __future__ import annotations

from collections.abc import Callable

from scraper.document import Document
from scraper.errors import fail
from scraper.source import Source


def _text(source: Source) -> Document:
    from scraper.frontends import text

    return text.parse(source)


def _markdown(source: Source) -> Document:
    from scraper.frontends import markdown

    return markdown.parse(source)


def _html(source: Source) -> Document:
    from scraper.frontends.html import parse as parse_html

    return parse_html(source)


PARSERS: dict[str, Callable[[Source], Document]] = {"text": _text, "markdown": _markdown, "html": _html}


def parse(source: Source) -> Document:
    """Parse `source` with the front end of its format."""
    parser = PARSERS.get(source.format)
    if parser is None:
        known = ", ".join(sorted(PARSERS))
        raise fail("format", f"no front end for {source.format!r} input yet (have: {known})", f"{source.origin}:1:1")
    return parser(source)
