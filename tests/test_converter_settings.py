"""Converter settings beyond tests/converters.py's: each excerpt in tests/excerpts/ is a few
lines of a real converter's output of the rendered page (bytes as the converter wrote them), read
as the clean copy reads.

- html2text `inline_links=False`: reference links `[Messages API][16]`, definitions after the
  footer, wrapped at a space in the URL;
- markdownify `sup_symbol="^"` (and pandoc `-t markdown_mmd`): marks written `Yes^1^`, footnotes `^1^ text`;
- pandoc `-t commonmark_x`: `:::` fenced divs, spans `[Yes]{.eligible}`, headings ending in
  `{#h}` after an anchor link with attributes;
- pandoc `-t markdown_mmd`: a heading's anchor tag wrapped onto the next line, ending in `[h]`;
- pandoc `-t commonmark` / `markdown_strict` and html2text `bypass_tables=True`: the table as raw
  HTML (`<table>` … `</table>`) inside the Markdown;
- pandoc `-t markdown`: grid, multiline and simple tables;
- html2text over the Indonesian copy: a line broken after `siap-` before `HIPAA`;
- markdownify over the Chinese copy: FAQ questions as paragraphs ending in a full-width `？`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from schema.models import Dataset
from scraper import source
from scraper.compiler import compile_source, read_rows
from scraper.errors import RetentionError

EXCERPTS = Path(__file__).parent / "excerpts"
MAY = "https://platform.claude.com/docs/en/build-with-claude/"


def read(name: str) -> Dataset:
    return compile_source(source.read(EXCERPTS / name))


MAY_EXCERPTS = [
    "html2text-reference-links.md",
    "markdownify-sup-caret.md",
    "pandoc-commonmark-x.md",
    "pandoc-commonmark-html-table.md",
    "pandoc-markdown-grid.md",
    "pandoc-markdown-multiline.md",
]


@pytest.mark.parametrize("name", MAY_EXCERPTS)
def test_the_may_tables_four_rows_and_two_footnotes_read_as_the_clean_copy(name: str) -> None:
    data = read(name)
    assert [f.name for f in data.features] == ["Messages API", "Token counting", "Web search", "Web fetch"]
    fetch = data.features[3]
    assert (fetch.eligibility["zdr"].status, fetch.eligibility["zdr"].footnotes) == ("yes", [1, 2])
    assert (fetch.eligibility["hipaa"].status, fetch.eligibility["hipaa"].footnotes) == ("no", [])
    assert fetch.details == "Fetched web content returned in the API response."
    assert [(n.number, n.applies_to) for n in data.footnotes] == [
        (1, [("web_search", "zdr"), ("web_search", "hipaa"), ("web_fetch", "zdr")]),
        (2, [("web_fetch", "zdr")]),
    ]
    assert data.footnotes[0].text == "Dynamic filtering is not eligible for ZDR or HIPAA."
    assert data.features[0].doc_url == MAY + "Messages API"  # pandoc writes `Messages%20API`: one URL


def test_an_html_table_inside_markdown_is_read_with_its_links() -> None:
    data = read("html2text-bypass-tables.md")  # html2text keeps the tags, Markdown inside the cells
    (row,) = data.features
    assert (row.name, row.doc_url, row.details) == ("1M token context window", "../Guides/build-with-claude-context-windows.md", None)
    assert [e.path for e in row.endpoints] == ["/v1/messages"]
    assert [c.column for c in data.arrangements] == ["ZDR eligible", "HIPAA eligible"]


def test_a_pandoc_simple_table_is_read() -> None:
    text = (EXCERPTS / "pandoc-markdown-simple.md").read_bytes()
    data = compile_source(source.from_bytes(text, "<stdin>"))  # sniffed from the content, too
    assert [f.name for f in data.features] == ["1M token context window", "Adaptive thinking", "Advisor tool"]
    assert data.features[2].eligibility["hipaa"].status == "no"


def test_an_html_table_never_closed_is_refused_at_its_line() -> None:
    text = (EXCERPTS / "html2text-bypass-tables.md").read_text(encoding="utf-8").replace("</table>", "")
    with pytest.raises(RetentionError) as refused:
        compile_source(source.from_bytes(text.encode("utf-8"), "page.md"))
    assert "page.md:2:1: structure: <table> is never closed" in str(refused.value)


def test_reference_links_keep_their_targets_and_leave_no_definition_behind() -> None:
    data = read("html2text-reference-links.md")
    assert data.features[2].doc_url == MAY + "Web search"
    text = str(data.model_dump(mode="json")["page"])
    assert "[16]" not in text and "]: https" not in text


def test_pandoc_wrappers_and_heading_attributes_hold_no_text() -> None:
    data = read("pandoc-commonmark-x.md")
    assert data.source.title == "API and data retention"
    assert data.page.description is not None and data.page.description.startswith("Learn about how Anthropic's APIs")
    assert [s.title for s in data.page.sections] == ["API and data retention", "Feature eligibility"]
    assert ":::" not in str(data.model_dump(mode="json"))


def test_a_wrapped_heading_ends_without_its_identifier() -> None:
    data = read("pandoc-markdown-mmd.md")
    assert [s.title for s in data.page.sections][-1] == "How Anthropic approaches data retention"


def test_a_line_broken_after_a_hyphen_joins_before_a_capital() -> None:
    data = read_rows(source.read(EXCERPTS / "html2text-id-hyphen.md"))
    assert data.page.description is not None and data.page.description.endswith("akses API siap-HIPAA.")


def test_a_question_ending_in_a_full_width_mark_is_a_question() -> None:
    data = read_rows(source.read(EXCERPTS / "markdownify-zh-CN-faq.md"))
    assert [q.question for q in data.page.faq] == [
        "我如何知道我的组织是否有 ZDR 安排？",
        "我可以在我的 ZDR 安排下使用符合 ZDR 资格（有条件）的功能吗？",
    ]
    assert data.page.faq[0].answer == ["请查看您的合同条款或联系您的 Anthropic 客户代表，以确认您的组织是否已有 ZDR 安排。"]


def test_a_flattened_table_with_markdown_links_is_refused_not_misread() -> None:
    """inscriptis `display_links=True` over a page without footnotes: cells separated by spaces,
    names written `[Messages API](…)`; read as a dump it gave names with their URLs glued on."""
    with pytest.raises(RetentionError) as refused:
        read("inscriptis-display-links.txt")
    (problem,) = refused.value.problems
    assert problem.where.endswith("inscriptis-display-links.txt:3:1")
    assert "flattened into lines (its cells separated only by spaces" in problem.message


def test_footnotes_right_under_a_wrapped_table_are_footnotes() -> None:
    """html2text `single_line_break=True`: no blank line between the last row and footnote 1."""
    data = read("html2text-single-line-break.md")
    assert [n.number for n in data.footnotes] == [1, 2]
    assert data.features[3].eligibility["zdr"].footnotes == [1, 2]


def test_a_header_wrapped_at_a_narrow_width_is_joined() -> None:
    """html2text `body_width=40` wraps the header itself before its hard break."""
    data = read_rows(source.read(EXCERPTS / "html2text-width-40.md"))
    assert [a.column for a in data.arrangements] == ["ZDR eligible", "HIPAA eligible"]
    assert [(f.name, f.doc_url) for f in data.features] == [
        ("Messages API", MAY + "Messages API"),
        ("Token counting", MAY + "Token counting"),
    ]


def test_a_pandoc_table_of_wide_characters_is_cut_by_display_width() -> None:
    data = read_rows(source.read(EXCERPTS / "pandoc-markdown-zh-CN.md"))
    assert [f.name for f in data.features] == ["1M 令牌上下文窗口", "自适应思考"]
    assert [e.path for e in data.features[0].endpoints] == ["/v1/messages"]


def test_a_padded_table_wrapped_into_pieces_is_refused_in_one_line() -> None:
    """html2text `pad_tables=True` at the default width cuts every row into several lines."""
    with pytest.raises(RetentionError) as refused:
        read("html2text-pad-tables.md")
    (problem,) = refused.value.problems
    assert problem.where.endswith("html2text-pad-tables.md:5:1")
    assert "rows are broken across lines" in problem.message and "read as markdown (from the .md suffix)" in problem.message
    assert "body_width=0" in problem.message


def test_a_footnote_wrapped_after_a_hyphen_joins_without_a_space() -> None:
    """html2text `body_width=40` over the March copy: `ZDR-` / `eligible.` in footnote 1."""
    data = read("html2text-width-40-march.md")
    assert [f.name for f in data.features] == ["Web search", "Web fetch"]
    assert data.footnotes[0].text == "Dynamic filtering is not ZDR-eligible."


def test_html2text_code_marks_hold_no_text() -> None:
    """html2text `mark_code=True` wraps code blocks in `[code]` ... `[/code]` lines."""
    data = read_rows(source.read(EXCERPTS / "html2text-mark-code.md"))
    blocks = data.page.sections[0].blocks
    assert [b.kind for b in blocks] == ["code", "table"]  # the paragraph above is the summary
    assert "[code]" not in str(data.model_dump(mode="json"))
    assert data.page.error_example is not None and data.page.error_example["type"] == "error"


@pytest.mark.parametrize(
    ("hiding", "refused"),
    [
        (None, False),  # the callout's icon: hidden, holds only an image without alternative text
        (("![](data:image/svg+xml;base64,", "Secret words ![](data:image/svg+xml;base64,"), True),
        (("Administration", "[Administration]{hidden}"), True),
    ],
)
def test_a_pandoc_div_or_span_hidden_from_readers_holding_text_is_refused(
    hiding: tuple[str, str] | None, refused: bool
) -> None:
    text = (EXCERPTS / "pandoc-commonmark-x.md").read_text(encoding="utf-8")
    assert '::: {.icon aria-hidden="true"}' in text
    if hiding is not None:
        text = text.replace(*hiding, 1)
    page = source.from_bytes(text.encode("utf-8"), "page.md")
    if not refused:
        assert len(compile_source(page).features) == 4
        return
    with pytest.raises(RetentionError) as caught:
        compile_source(page)
    assert "hidden from readers" in str(caught.value)


def test_a_space_a_converter_put_between_chinese_characters_is_dropped() -> None:
    """html2text writes `API **不会** 阻止` for `API <strong>不会</strong>阻止`; the space the
    author put after the full-width colon (`否： 该`) stays."""
    data = read_rows(source.read(EXCERPTS / "html2text-zh-CN-emphasis.md"))
    (item,) = data.page.sections[0].blocks[0].items or []
    assert "API 不会阻止这些功能" in item and item.startswith("否： 该功能")



@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("../Messages%20API", "../Messages API"),  # what a URL cannot hold raw, read back
        ("/docs/%E4%B8%AD%E6%96%87?q=%22a%22", '/docs/中文?q="a"'),
        ("/a%2Fb?x=%3F%26#%23", "/a%2Fb?x=%3F%26#%23"),  # reserved characters keep their escape
        ("/a%2520b%FF%C3", "/a%2520b%FF%C3"),  # an escaped `%`, bytes that are not UTF-8
    ],
)
def test_a_links_url_reads_the_escapes_a_converter_adds_back(written: str, read: str) -> None:
    from scraper.extract.cells import url

    assert url(written) == read


def test_a_heading_runs_on_only_where_the_page_is_wrapped_and_it_did_not_fit() -> None:
    """html2text at 40 columns wraps `## Anthropic's approach to data` / `retention`; a page not
    wrapped keeps a line written right under its heading as text."""
    narrow = compile_source(source.read(Path("tests/converted/en-mdx-2026-03/html2text-narrow.md")))
    assert "Anthropic's approach to data retention" in [s.title for s in narrow.page.sections]
    text = Path("tests/corpus/en-md-2026-09-26.md").read_text(encoding="utf-8")
    text = text.replace("## Related resources\n\n", "## Related resources\nSee also:\n\n", 1)
    page = read_rows(source.from_bytes(text.encode(), "page.md", "markdown"))
    related = next(s for s in page.page.sections if s.title == "Related resources")
    assert related.blocks[0].text == "See also:"
