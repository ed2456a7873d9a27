"""Raw input: bytes read with a size cap, decoded strictly, its format sniffed."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from schema.span import Span, span_at
from scraper.errors import at, fail

Format = Literal["text", "html", "markdown"]
FORMATS: tuple[Format, ...] = ("text", "html", "markdown")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """The page as read: its text, its format, where it came from and its digest."""

    text: str
    format: Format
    origin: str
    sha256: str
    url: str | None = None
    how: str = "given"  # how the format was chosen: "given", "from the .md suffix", "sniffed from the content"
    locale: str | None = None  # the language the command says the page is in (`--locale`)
    # `text` as UTF-8 bytes, as read (b"" when not read from bytes): a parser that takes bytes
    # gets them without encoding the page again
    raw: bytes = field(default=b"", repr=False, compare=False)

    def where(self, span: Span) -> str:
        return at(self.origin, span.line, span.col)


def _decode(raw: bytes, origin: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        place = span_at(raw, err.start)
        raise fail("encoding", f"not UTF-8 (byte 0x{raw[err.start]:02x})", at(origin, place.line, place.col)) from None
    nul = text.find("\x00")
    if nul >= 0:
        place = span_at(text, nul)
        raise fail("encoding", "NUL byte in input", at(origin, place.line, place.col))
    return text.removeprefix("\ufeff")


_HTML = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*(<!doctype|<html|<head|<body|<article|<main|<div|<table|<meta|<p>|<h1)",
    re.IGNORECASE | re.DOTALL,
)
_GLUED_HEADER = re.compile(r"^[ \t]*FeatureEndpoint\S", re.MULTILINE)
_MARKDOWN = re.compile(
    r"\A---[ \t]*\r?\n|^(#{1,6} |\|.*\|\s*$|```|<(Note|Warning|Steps|Eligible|Accordion)\b)|\]\((?:https?://|\.{0,2}/|#)",
    re.MULTILINE,
)
_TYPES: dict[str, Format] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}
_SUFFIXES: dict[str, Format] = {
    ".md": "markdown",
    ".mdx": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}
PIPE_TABLE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|", re.MULTILINE)  # a pipe table's separator line
_HTML_TABLE = re.compile(r"<table\b", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_HTML_HEADING = re.compile(r"<h[1-6]\b", re.IGNORECASE)


def hinted(url: str | None, content_type: str | None) -> Format | None:
    """The format a fetch or a file name names: a specific Content-Type, else the suffix of the
    URL's path or of the file (`.md`, `.html`, `.txt`)."""
    return _hint(url, content_type)[0]


def _hint(url: str | None, content_type: str | None) -> tuple[Format | None, str]:
    if content_type:
        kind = content_type.split(";")[0].strip().lower()
        if kind in _TYPES:
            return _TYPES[kind], f"from its Content-Type {kind}"
    if url:
        path = url.split("?")[0].split("#")[0].lower()
        for suffix, fmt in _SUFFIXES.items():
            if path.endswith(suffix):
                return fmt, f"from the {suffix} suffix"
    return None, ""


def sniff(text: str, url: str | None = None, content_type: str | None = None) -> Format:
    """Guess the format: from what a fetch says (Content-Type, URL suffix) when it is specific,
    else from the content: HTML tags first, then Markdown syntax, else a text dump."""
    return _sniff(text, url, content_type)[0]


def _sniff(text: str, url: str | None, content_type: str | None) -> tuple[Format, str]:
    named, how = _hint(url, content_type)
    if named is not None:
        return named, how
    return _by_content(text), "sniffed from the content"


def _by_content(text: str) -> Format:
    if _HTML.match(text):
        # Markdown that keeps some HTML wrappers (pandoc gfm opens with a <div>) is still
        # Markdown when its table is a pipe table and no <table> element is there, or when its
        # headings are Markdown's and none is HTML's (pandoc commonmark: `#` headings, an HTML table).
        pipe_table = PIPE_TABLE.search(text) and not _HTML_TABLE.search(text)
        headings = _MARKDOWN_HEADING.search(text) and not _HTML_HEADING.search(text)
        return "markdown" if pipe_table or headings else "html"
    if _GLUED_HEADER.search(text):
        return "text"  # a flattened table header: whatever else the cells hold, this is a dump
    if _MARKDOWN.search(text):
        return "markdown"
    return "text"


def from_bytes(
    raw: bytes,
    origin: str,
    fmt: Format | None = None,
    url: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    content_type: str | None = None,
) -> Source:
    """Check size and encoding before any parsing, then build the Source. Without `fmt`, the
    format comes from the Content-Type, else the suffix of `url` or of the file `origin`, else
    the content."""
    if len(raw) > max_bytes:
        raise fail("too-large", f"input is over the {max_bytes}-byte cap (--max-bytes)", origin)
    if not raw or raw.isspace():  # what `not raw.strip()` says, without copying the page to say it
        raise fail("empty", "input is empty", f"{origin}:1:1")
    text = _decode(raw, origin)
    digest = hashlib.sha256(raw).hexdigest()
    found, how = (fmt, "given") if fmt else _sniff(text, origin, content_type)
    raw = raw.removeprefix("\ufeff".encode())  # as `text` is (no copy when there is no BOM)
    return Source(text=text, format=found, origin=origin, sha256=digest, url=url, how=how, raw=raw)


def read(path: Path, fmt: Format | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Read a page from a file (or `-` for standard input)."""
    import sys

    origin = str(path)
    try:
        if origin == "-":
            raw = sys.stdin.buffer.read(max_bytes + 1)
            origin = "<stdin>"
        else:
            with path.open("rb") as handle:
                raw = handle.read(max_bytes + 1)
    except OSError as err:
        raise fail("unreadable", err.strerror or str(err), origin) from None
    return from_bytes(raw, origin, fmt, max_bytes=max_bytes)
