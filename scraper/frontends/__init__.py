"""Front ends: each turns a Source of one format into the shared Document."""

from __future__ import annotations

from collections.abc import Callable

from scraper.document import Document
from scraper.errors import fail
from scraper.source import Source


def _text(source: Source) -> Document:
    from scraper.frontends import text

    return text.parse(source)


PARSERS: dict[str, Callable[[Source], Document]] = {"text": _text}


def parse(source: Source) -> Document:
    """Parse `source` with the front end of its format."""
    parser = PARSERS.get(source.format)
    if parser is None:
        known = ", ".join(sorted(PARSERS))
        raise fail("format", f"no front end for {source.format!r} input yet (have: {known})", f"{source.origin}:1:1")
    return parser(source)
