"""Mends of the Markdown front end found by review: each test reads a small page whose text or
refusal a reader would miss, and failed before its mend."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scraper import source
from scraper.document import Document, Heading, Link, Paragraph, TableBlock
from scraper.errors import RetentionError
from scraper.frontends import markdown
from scraper.frontends.markdown import inline
from scraper.frontends.markdown.pandoc_tables import starts_table
from tests.conftest import CliRun


def read(text: str) -> Document:
    return markdown.parse(source.from_bytes(text.encode("utf-8"), "page.md", "markdown"))


def paragraphs(doc: Document) -> list[str]:
    return [b.body.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_definition_does_not_swallow_the_heading_under_it() -> None:
    doc = read("# Title\n\nSee [the docs][1].\n\n[1]: https://x\n## Retention\n\nThirty days.\n")
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["Retention"]
    assert paragraphs(doc) == ["Thirty days."]
    assert doc.description == "See the docs."


@pytest.mark.parametrize("use", ["", "Read [Beta][] and [Gamma][] first.\n\n"], ids=["label unused", "label used"])
def test_a_line_that_is_no_definition_stays_text(use: str) -> None:
    doc = read(f"# Title\n\nSummary.\n\n{use}[Beta]: keeps data 30 days.\n\n[Gamma]: note: keeps data.\n")
    assert paragraphs(doc)[-2:] == ["[Beta]: keeps data 30 days.", "[Gamma]: note: keeps data."]


CONTRADICTING_TABLES = {
    "html table": (
        "<table>\n<tr><th>Feature</th><th>ZDR eligible</th></tr>\n"
        '<tr><td>Web search</td><td><Eligible\nstatus="no">Yes</Eligible></td></tr>\n</table>\n',
        ":7:28:",
    ),
    "pandoc simple table": (
        "  Feature      ZDR eligible\n  ------------ -------------------------------------\n"
        '  Web search   <Eligible status="no">Yes</Eligible>\n',
        ":7:16:",
    ),
    "pandoc grid table": (
        "+------------+----------------------+\n| Feature    | ZDR eligible         |\n"
        "+============+======================+\n"
        '| Web search | <Eligible            |\n|            | status="no">Yes      |\n'
        "|            | </Eligible>          |\n+------------+----------------------+\n",
        ":8:16:",
    ),
}


@pytest.mark.parametrize("name", CONTRADICTING_TABLES)
def test_a_status_contradicting_its_word_is_refused_in_every_table(cli: CliRun, tmp_path: Path, name: str) -> None:
    table, where = CONTRADICTING_TABLES[name]
    page = tmp_path / "page.md"
    page.write_text(f"# API and data retention\n\nSummary.\n\n{table}\n", encoding="utf-8")
    run = cli("compile", str(page))
    assert run.code == 2 and run.out == "", run.err
    assert run.err.count("\n") == 1 and "Traceback" not in run.err, run.err
    assert where in run.err and "contradicts its word 'Yes'" in run.err, run.err


@pytest.mark.parametrize("inner", ["Secret text keeps data for ten years.\n", "::: inner\nSecret text keeps data.\n:::\n"])
def test_a_hidden_pandoc_div_is_refused_with_what_it_nests(cli: CliRun, tmp_path: Path, inner: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(f'# Title\n\nSummary.\n\n::: {{aria-hidden="true"}}\n{inner}:::\n\nAfter.\n', encoding="utf-8")
    run = cli("compile", str(page))
    assert run.code == 2 and run.out == "", run.err
    assert run.err.count("\n") == 1 and "page.md:5:1: hidden: element hidden from readers" in run.err, run.err


def test_a_pandoc_span_keeps_its_marks_and_links() -> None:
    read = inline.parse("[Yes with ^1^ a mark and [a link](https://x/u)]{.eligible}^2^")
    assert read.text == "Yes with a mark and a link"
    assert read.marks == [1, 2]
    assert read.links == [Link(text="a link", url="https://x/u")]


@pytest.mark.parametrize("under", ["", "More text under the rule.\n"])
def test_a_paragraph_over_a_spaced_rule_is_no_table(under: str) -> None:
    doc = read(f"# Title\n\nSummary.\n\nA paragraph line of the page.\n- - -\n{under}\nRetention\n---\n\nAfter.\n")
    assert not [b for b in doc.blocks if isinstance(b, TableBlock)]
    assert paragraphs(doc)[0] == "A paragraph line of the page."
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["Retention"]


def test_a_grid_table_without_its_closing_border_keeps_its_last_row() -> None:
    grid = "+------+-----+\n| Name | ZDR |\n+======+=====+\n| One  | Yes |\n+------+-----+\n| Two  | No  |\n"
    doc = read(f"# Title\n\nSummary.\n\n{grid}\nAfter.\n")
    tables = [b.table for b in doc.blocks if isinstance(b, TableBlock)]
    assert [c.text for c in tables[0].header] == ["Name", "ZDR"]
    assert [[c.text for c in row.cells] for row in tables[0].rows] == [["One", "Yes"], ["Two", "No"]]


CUT_TABLES = {  # found by test_a_cut_pandoc_table_is_read_or_refused, each escaped the reader
    "multiline table cut before its column line (StopIteration)": "- item\n\n  ----------------\n  Head     Col\n- - -\n",
    "spaced rule over a column line (IndexError)": "::: table-wrapper\n  Head    Col\n  - - -\n  ------- -----\n  one     two\n",
    "full line over a column line (IndexError)": "::: table-wrapper\n  -------------\n  - - -\n",
}


@pytest.mark.parametrize("name", CUT_TABLES)
def test_a_cut_pandoc_table_is_read_past(name: str) -> None:
    doc = read(f"# Title\n\nSummary.\n\n{CUT_TABLES[name]}\nAfter the table.\n")
    assert paragraphs(doc)[-1] == "After the table."


TESTS = Path(__file__).parent
PANDOC = [
    path.read_text(encoding="utf-8").splitlines()
    for path in sorted((TESTS / "converted").glob("*/pandoc-markdown.md"))
    + sorted((TESTS / "excerpts").glob("pandoc-markdown-*.md"))
]
STARTS = [(n, i) for n, lines in enumerate(PANDOC) for i in range(len(lines)) if starts_table(lines, i, len(lines))]


@st.composite
def cut_table(draw: st.DrawFn) -> list[str]:
    """A few lines around a pandoc table of a converted page, with a line that ends a container put in."""
    n, i = draw(st.sampled_from(STARTS))
    lines = PANDOC[n][draw(st.integers(max(0, i - 3), i)) : draw(st.integers(i + 1, i + 12))]
    at = draw(st.integers(0, len(lines)))
    return [*lines[:at], draw(st.sampled_from(["- item", "  - - -", "</details>", ":::", "1. x", "text"])), *lines[at:]]


@given(cut_table())
def test_a_cut_pandoc_table_is_read_or_refused(lines: list[str]) -> None:
    with contextlib.suppress(RetentionError):
        read("# Title\n\nSummary.\n\n" + "\n".join(lines) + "\n")
