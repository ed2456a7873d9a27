"""Mends of the Markdown front end found by review: each test reads a small page whose text or
refusal a reader would miss, and failed before its mend."""

from __future__ import annotations

from scraper import source
from scraper.document import Document, Heading, Paragraph
from scraper.frontends import markdown


def read(text: str) -> Document:
    return markdown.parse(source.from_bytes(text.encode("utf-8"), "page.md", "markdown"))


def paragraphs(doc: Document) -> list[str]:
    return [b.body.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_definition_does_not_swallow_the_heading_under_it() -> None:
    doc = read("# Title\n\nSee [the docs][1].\n\n[1]: https://x\n## Retention\n\nThirty days.\n")
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["Retention"]
    assert paragraphs(doc) == ["Thirty days."]
    assert doc.description == "See the docs."


def test_a_line_that_is_no_definition_stays_text() -> None:
    doc = read("# Title\n\nSummary.\n\n[Beta]: keeps data 30 days.\n")
    assert paragraphs(doc) == ["[Beta]: keeps data 30 days."]
