"""Reference definitions whose URL a converter wrapped (html2text `inline_links=False`): a
definition goes on over the next line only where the page is wrapped and its line left no room
for that line's first word, the rule a wrapped heading follows (markdown/wrapping.py). A line
written under a definition on a page that is not wrapped, or whose first word fitted, is the
page's text; URLs html2text wrapped at 40 or 78 columns read whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scraper import frontends, source
from scraper.compiler import compile_source
from scraper.document import Paragraph
from tests.converters import CORPUS, copies, output

COPIES = [p.stem for p in copies()]
WEB_SEARCH = "https://platform.claude.com/docs/en/agents-and-tools/tool-use/web-search-tool"
LINK = re.compile(r"Link\(text='((?:[^'\\]|\\.)*)', url='((?:[^'\\]|\\.)*)'\)")


def test_a_line_under_a_definition_on_a_page_not_wrapped_stays_text() -> None:
    """The clean copy is not wrapped: the sentence under a long definition was read as the end
    of its URL (any line under one 40 columns long was), and vanished from the page."""
    text = (CORPUS / "en-md-2026-09-26.md").read_text(encoding="utf-8")
    added = f"See the [web search tool][ws] page.\n\n[ws]: {WEB_SEARCH}\nDynamic filtering is not eligible for ZDR.\n\n"
    text = text.replace("## Related resources\n\n", "## Related resources\n\n" + added, 1)
    document = frontends.parse(source.from_bytes(text.encode("utf-8"), "page.md", "markdown"))
    read = [b.body for b in document.blocks if isinstance(b, Paragraph)][-2:]
    assert [r.text for r in read] == ["See the web search tool page.", "Dynamic filtering is not eligible for ZDR."]
    assert [(link.text, link.url) for link in read[0].links] == [("web search tool", WEB_SEARCH)]


def test_a_line_whose_first_word_fitted_is_no_part_of_the_url() -> None:
    """html2text at 78 columns: `   [57]: ../Agents-Tools/…-advisor-tool.md` is 66 long, so
    `Beta.` would have fitted on it; a line written there is not the URL's end."""
    path = output("en-md-2026-09-26", "html2text-reference-links")
    definition = "   [57]: ../Agents-Tools/agents-and-tools-tool-use-advisor-tool.md\n"
    text = path.read_text(encoding="utf-8")
    assert definition + "\n" in text
    text = text.replace(definition + "\n", definition + "Beta.\n\n", 1)
    data = compile_source(source.from_bytes(text.encode("utf-8"), "page.md"))
    advisor = next(f for f in data.features if f.name == "Advisor tool")
    assert advisor.doc_url == "../Agents-Tools/agents-and-tools-tool-use-advisor-tool.md"


def links(path: Path) -> list[tuple[str, str]]:
    """Every link of the page as read, in page order."""
    document = frontends.parse(source.from_bytes(path.read_bytes(), str(path), "markdown"))
    return LINK.findall(repr(document))


@pytest.mark.parametrize(
    ("inline", "referenced"),
    [("html2text", "html2text-reference-links"), ("html2text-narrow", "html2text-reference-links-narrow")],
    ids=["78 columns", "40 columns"],
)
@pytest.mark.parametrize("copy", COPIES)
def test_wrapped_definitions_read_as_the_same_page_with_inline_links(copy: str, inline: str, referenced: str) -> None:
    """At 40 columns html2text breaks `   [16]:` from its URL and a URL over several lines, each
    shorter than 40: the links read as the same converter's inline links do."""
    expected = links(output(copy, inline))
    assert expected and links(output(copy, referenced)) == expected
