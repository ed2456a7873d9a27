"""Front end for the rendered page (HTML): the article found among the site chrome, then read
into blocks by `blocks`. Takes a Source, gives a Document.

The parser is hardened: no network access, no huge trees, comments and processing instructions
dropped. The HTML parser loads no DTD and resolves no external entities; character references
(`&amp;`) are part of the text and are decoded.
"""

from __future__ import annotations

import re

from lxml import etree

from schema.span import span_at
from scraper.document import Block, Document, Heading, Paragraph
from scraper.errors import fail
from scraper.frontends.html.blocks import HtmlReader
from scraper.frontends.html.inline import InlineReader, hidden_elements, squeeze
from scraper.frontends.html.places import Locator
from scraper.frontends.markdown import title_and_summary
from scraper.source import Source
from scraper.vocabulary import ENGLISH


def _parser() -> etree.HTMLParser:
    """Plain lxml elements (not lxml.html's classes, whose Python class lookup runs for every
    element touched): the walk over the page costs a seventh."""
    return etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def article(root: etree._Element) -> etree._Element:
    """The page's article: an <article>, <main> or role=main holding the h1, else the nearest
    ancestor of the h1 that also holds a table, else the body."""
    for candidates in (root.iter("article"), root.iter("main"), root.iterfind(".//*[@role='main']")):
        for el in candidates:
            if _holds(el, "h1"):
                return el
    for h1 in root.iter("h1"):
        for el in h1.iterancestors():
            if _holds(el, "table"):
                return el
    body = root.find("body")
    return body if body is not None else root


def _holds(el: etree._Element, tag: str) -> bool:
    return next(el.iterdescendants(tag), None) is not None


def canonical_url(heads: list[etree._Element]) -> str | None:
    """The page's own URL as its `<head>` states it: `<link rel="canonical">` or `og:url`."""
    for path, attribute in (("link[@rel='canonical']", "href"), ("meta[@property='og:url']", "content")):
        stated = (el.get(attribute) for head in heads for el in head.iterfind(path))
        found = next((str(value) for value in stated if value is not None), None)
        if found and found.startswith(("http://", "https://")):
            return found
    return None


_ENTITY_DECLARATION = re.compile(r"<!ENTITY", re.IGNORECASE)


def _refuse_entities(source: Source) -> None:
    """A DOCTYPE declaring entities (billion laughs, external files) has no place in a docs page.
    Tried at each `!` (a few in a page, found at memchr speed): a search for `<!` or for the
    pattern stops at each of the page's thousands of `<` and costs as much as encoding the page."""
    text = source.text
    bang = text.find("!")
    while bang >= 0:
        if bang and _ENTITY_DECLARATION.match(text, bang - 1):
            place = source.where(span_at(text, bang - 1))
            raise fail("hostile", "the DOCTYPE declares entities; refusing the page", place)
        bang = text.find("!", bang + 1)


def _before_chrome(blocks: list[Block]) -> list[Block]:
    """The blocks before the site's feedback widget when no heading follows it: a converter that
    drops `<article>`, `<main>` and `<nav>` (pandoc) leaves the widget, the table of contents and
    the footer after the article, as a converted Markdown page does (markdown.article_end)."""
    marker = ENGLISH.dump_article_marker.lower()
    for k in range(len(blocks) - 1, -1, -1):
        block = blocks[k]
        if isinstance(block, Heading):
            break
        if isinstance(block, Paragraph) and block.body.text.lower().startswith(marker):
            return blocks[:k]
    return blocks


def _without_title_block(blocks: list[Block], heads: list[etree._Element]) -> list[Block]:
    """The blocks without a title block repeating the page's `<title>` above the article's own
    `h1` (pandoc `--standalone` writes one from its metadata): the article's heading is its title."""
    titles = [el.text or "" for head in heads for el in head.iterfind("title")]
    if not titles:
        return blocks
    tops = [(k, b.text) for k, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1]
    if len(tops) < 2 or tops[0][1] != squeeze(titles[0]):
        return blocks
    return blocks[: tops[0][0]] + blocks[tops[0][0] + 1 :]


def parse(source: Source) -> Document:
    """Parse a rendered HTML page into a Document."""
    _refuse_entities(source)
    try:
        root = etree.fromstring(source.raw or source.text.encode("utf-8"), parser=_parser())
    except (etree.ParserError, ValueError) as err:
        raise fail("html", f"cannot parse the HTML: {err}", f"{source.origin}:1:1") from None
    if root is None:
        raise fail("html", "cannot parse the HTML: Document is empty", f"{source.origin}:1:1")
    body = article(root)  # what is hidden is looked for where it is read
    reader = HtmlReader(Locator(source.text, root), InlineReader(hidden_elements(body)), source.where)
    heads = list(root.iter("head"))  # found once: each search walks the whole page
    blocks = _without_title_block(_before_chrome(reader.read(body)), heads)
    title, description, rest = title_and_summary(blocks, {})
    return Document(
        title=title,
        description=description,
        blocks=tuple(rest),
        footnotes=tuple(reader.footnotes),
        source_url=canonical_url(heads),
        lang=root.get("lang") or None,
    )
