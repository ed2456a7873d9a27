"""The HTML front end: renderings of every Markdown shape checked against tests.md_table's
independent reading, hand-written pages in other markup, hardening and located refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper import source
from tests import forms_compile as forms
from tests import html_render, md_table
from tests import md_variants as v
from tests.conftest import BUNDLED, MD_MAY, MDX_MARCH, CliRun
from tests.test_markdown_frontend import SHAPES
from tests.test_text_frontend import assert_agrees

MAY = MD_MAY.read_text(encoding="utf-8")

PLAIN_PAGE = """<!doctype html>
<html><head><link rel="canonical" href="https://platform.claude.com/docs/en/x"></head><body>
<nav><a href="/">Home</a><h1>Site navigation</h1></nav>
<main>
<h1>API and data retention</h1>
<p>Summary   of the
page.</p>
<h2>Getting started</h2>
<ol>
  <li><h3>Sign a BAA</h3><p>Contact <a href="https://x/sales">sales</a>.</p></li>
  <li><h3>Build</h3><p>Use the table.</p><ul><li>one</li></ul></li>
</ol>
<div class="callout warning"><p>Enforced per organization.</p></div>
<h2>HIPAA error handling</h2>
<pre><code class="language-json">{
  "type": "error"
}</code></pre>
<h2>Feature eligibility</h2>
<table>
<tr><th>Feature</th><th>Endpoint</th><th>ZDR eligible</th><th>Details</th></tr>
<tr><td><a href="/docs/ws">Web search</a></td><td><code>/v1/messages</code> (with <code>web_search</code> tool)</td><td>Yes<sup>1</sup></td><td>See <a href="/docs/ws#r">Web search</a>.</td></tr>
<tr><td>Files API</td><td><code>/v1/files</code></td><td>No</td><td>Files retained until explicitly deleted.</td></tr>
<tr><td>Batch processing</td><td>/v1/messages/batches</td><td>Yes (qualified)2</td><td></td></tr>
</table>
<ol class="footnotes"><li><sup>1</sup> <a href="/df">Dynamic filtering</a> is not ZDR-eligible.</li>
<li><sup>2</sup> Flattened mark.</li></ol>
<h2>Frequently asked questions</h2>
<details><summary>Is Claude Code eligible?</summary><p>Yes, through two paths.</p></details>
</main>
<footer><p>Was this page helpful?</p></footer>
</body></html>
"""


@pytest.mark.parametrize("name", SHAPES)
def test_rendering_agrees_with_the_independent_reading(name: str) -> None:
    text = SHAPES[name]
    assert_agrees(forms.html(text), *md_table.read(text))


def test_chrome_is_left_out() -> None:
    data = forms.html(MAY)
    assert data.source.title == "API and data retention"
    assert data.page.description is not None and data.page.description.startswith("Learn about")
    texts = [b.text or "" for s in data.page.sections for b in s.blocks]
    assert not any("helpful" in t or "Solutions" in t or "Search" in t or "Copy" in t for t in texts)
    assert data.page.sections[0].title == "API and data retention"


def test_spans_point_at_the_rows() -> None:
    page = html_render.render(MAY)
    lines = page.splitlines()
    for feature in forms.html(MAY).features:
        line = lines[feature.span.line - 1]
        assert line[feature.span.col - 1 :].startswith("<td><a href=")
        assert f">{feature.name}</a>" in line


def test_plain_html_page() -> None:
    data = forms.compile_as(PLAIN_PAGE, "html", "page.html")
    assert data.source.url == "https://platform.claude.com/docs/en/x"
    assert data.source.title == "API and data retention"
    assert data.page.description == "Summary of the page."
    assert [(s.title, s.text) for s in data.page.hipaa_steps] == [
        ("Sign a BAA", "Contact sales."),
        ("Build", "Use the table. one"),
    ]
    assert data.page.error_example == {"type": "error"}
    web, files, batch = data.features
    assert web.doc_url == "/docs/ws" and web.details == "See Web search."
    assert web.endpoints[0].requires is not None and web.endpoints[0].requires.name == "web_search"
    assert (web.eligibility["zdr"].status, web.eligibility["zdr"].footnotes) == ("yes", [1])
    assert (batch.eligibility["zdr"].status, batch.eligibility["zdr"].footnotes) == ("qualified", [2])
    assert batch.details is None and files.retention is not None
    assert [(n.number, n.text) for n in data.footnotes] == [
        (1, "Dynamic filtering is not ZDR-eligible."),
        (2, "Flattened mark."),
    ]
    assert [(q.question, q.answer) for q in data.page.faq] == [
        ("Is Claude Code eligible?", ["Yes, through two paths."])
    ]
    warning = data.page.sections[1].blocks[-1]
    assert warning.kind == "paragraph" and warning.text == "Enforced per organization."


def test_entity_declarations_are_refused_and_never_resolved(tmp_path: Path) -> None:
    from lxml import html

    from scraper.errors import RetentionError
    from scraper.frontends.html import _parser

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    doctype = f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
    page = PLAIN_PAGE.replace("<!doctype html>", doctype).replace("Flattened mark.", "Mark &x; &amp; more.")
    with pytest.raises(RetentionError, match="DOCTYPE declares entities") as caught:
        forms.compile_as(page, "html", "page.html")
    assert "page.html:1:17" in str(caught.value)
    tree = html.document_fromstring(page.encode(), parser=_parser())  # the parser alone: defence in depth
    assert "TOP-SECRET" not in html.tostring(tree, encoding="unicode")


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE html [<!entity x "y">]>',  # any case
        '<!DOCTYPE html [<!ENT\u0130TY x "y">]>',  # a capital I with a dot folds to i, as it always did
        '<!-- Note! --><!DOCTYPE html [<!-- so! --><!ENTITY x "y">]>',  # after other `!`s and `<!`s
    ],
)
def test_entity_declarations_are_found_whatever_comes_before(doctype: str) -> None:
    from scraper.errors import RetentionError

    page = PLAIN_PAGE.replace("<!doctype html>", doctype)
    with pytest.raises(RetentionError, match="DOCTYPE declares entities") as caught:
        forms.compile_as(page, "html", "page.html")
    assert f"page.html:1:{doctype.rindex('<!') + 1}:" in str(caught.value)


@pytest.mark.parametrize(
    ("path", "expected"),
    [(MDX_MARCH, "markdown"), (MD_MAY, "markdown"), (BUNDLED, "text")],
)
def test_auto_format_for_the_corpus(path: Path, expected: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert source.sniff(text) == expected
    assert source.sniff(html_render.render(MAY)) == "html"
    assert source.sniff(PLAIN_PAGE) == "html"


def test_format_hints_from_a_fetch() -> None:
    assert source.sniff("plain words", url="https://platform.claude.com/docs/en/x.md") == "markdown"
    assert source.sniff("plain words", content_type="text/html; charset=utf-8") == "html"
    assert source.sniff("<!-- generated -->\n<html><body></body></html>") == "html"
    assert source.sniff("<Note>\nhello\n</Note>\n") == "markdown"


def _line_of(page: str, needle: str) -> int:
    return next(i for i, line in enumerate(page.splitlines(), 1) if needle in line)


REFUSALS = [
    (
        "missing cell",
        v.replace("| `/v1/messages/count_tokens` | <Eligible>Yes</Eligible> |", "| `/v1/messages/count_tokens` |"),
        "count_tokens",
        "row has 4 cells",
    ),
    (
        "unknown status",
        v.replace(
            "| <Eligible>Yes</Eligible> | Source attribution", "| <Eligible>Maybe</Eligible> | Source attribution"
        ),
        "Source attribution",
        "unknown status 'Maybe'",
    ),
    (
        "mark without footnote",
        v.replace("<sup>1</sup> <sup>2</sup>", "<sup>1</sup> <sup>4</sup>"),
        "Fetched web content",
        "footnote mark 4",
    ),
]


@pytest.mark.parametrize(("name", "edit", "needle", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refused_with_a_located_message(
    cli: CliRun, tmp_path: Path, name: str, edit: v.Edit, needle: str, message: str
) -> None:
    rendered = html_render.render(edit(MAY))
    page = tmp_path / "page.html"
    page.write_text(rendered, encoding="utf-8")
    run = cli("compile", str(page))
    assert run.code == 2, run.err
    assert "Traceback" not in run.err and run.out == ""
    assert f"page.html:{_line_of(rendered, needle)}:" in run.err and message in run.err, run.err


def test_a_page_without_a_table_is_refused(cli: CliRun, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><main><h1>Hi</h1><p>Nothing here.</p></main></body></html>", encoding="utf-8")
    run = cli("compile", str(page))
    assert run.code == 2 and "page.html:1:1" in run.err and "no table with the page's columns" in run.err


def test_chrome_by_its_place_and_unmarked_steps() -> None:
    page = (
        PLAIN_PAGE.replace("<main>\n", '<main>\n<div class="breadcrumbs">Administration</div>\n')
        .replace(
            "</details>\n</main>", '</details>\n</main><div class="feedback-widget">Was this page helpful?</div>\n'
        )
        .replace("<li><h3>Sign a BAA</h3><p>", "<li><span>1</span><div><p>Sign a BAA</p><p>")
        .replace("</a>.</p></li>", "</a>.</p></div></li>")
    )
    data = forms.compile_as(page, "html", "page.html")
    assert data.page.sections[0].blocks == []
    assert data.page.hipaa_steps[0].title == "Sign a BAA" and data.page.hipaa_steps[0].text == "Contact sales."
    assert all("helpful" not in (b.text or "") for s in data.page.sections for b in s.blocks)


def test_cells_with_blocks_and_linked_marks() -> None:
    page = PLAIN_PAGE.replace(
        "<td>Yes<sup>1</sup></td>", '<td><p>Yes</p> <sup><a href="#fn1">1</a></sup>, </td>'
    ).replace(
        "<td>Files retained until explicitly deleted.</td>",
        "<td><p>Files retained</p><p>until explicitly deleted.</p></td>",
    )
    web, files, _ = forms.compile_as(page, "html", "page.html").features
    assert (web.eligibility["zdr"].status, web.eligibility["zdr"].footnotes) == ("yes", [1])
    assert files.details == "Files retained until explicitly deleted."


@pytest.mark.parametrize("copy", [MDX_MARCH, MD_MAY])
def test_cli_compiles_every_form_with_auto_format(cli: CliRun, tmp_path: Path, copy: Path) -> None:
    import json

    text = copy.read_text(encoding="utf-8")
    rendered = tmp_path / "page.html"
    rendered.write_text(html_render.render(text), encoding="utf-8")
    formats = {}
    for path in (copy, rendered):
        run = cli("compile", str(path))
        assert run.code == 0, run.err
        formats[path.suffix] = json.loads(run.out)["source"]["format"]
    assert formats == {".md": "markdown", ".html": "html"}


@pytest.mark.parametrize("word", ["sidebar", "navigation", "feedback", "breadcrumb", "toc", "pagination"])
def test_class_names_inside_the_article_never_delete_content(word: str) -> None:
    page = PLAIN_PAGE.replace(
        '<div class="callout warning">', f'<div class="callout {word}-note" id="{word}">'
    ).replace("<td>Files retained until", f'<td><span class="{word}">Files</span> retained until')
    data = forms.compile_as(page, "html", "page.html")
    assert data.features[1].details == "Files retained until explicitly deleted."
    assert any("Enforced per organization." in (b.text or "") for s in data.page.sections for b in s.blocks)


@pytest.mark.parametrize(
    "attribute", ["hidden", 'aria-hidden="true"', 'style="display: none"', 'style="visibility:hidden"']
)
def test_a_hidden_table_row_is_refused_with_its_place(attribute: str, cli: CliRun, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PLAIN_PAGE.replace("<tr><td>Files API", f"<tr {attribute}><td>Files API"), encoding="utf-8")
    run = cli("compile", str(page))
    assert run.code == 2 and "Traceback" not in run.err
    assert f"{page}:22:1: hidden: <tr> hidden from readers" in run.err, run.err


def test_hidden_prose_is_left_out_like_a_browser_does() -> None:
    page = PLAIN_PAGE.replace(
        "<p>Enforced per organization.</p>", '<p>Enforced per organization.</p><p style="display:none">Secret.</p>'
    )
    data = forms.compile_as(page, "html", "page.html")
    assert all("Secret" not in (b.text or "") for s in data.page.sections for b in s.blocks)


@pytest.mark.parametrize("seed", range(5))
def test_an_elements_place_does_not_depend_on_the_order_places_are_asked_in(seed: int) -> None:
    import random

    from lxml import etree

    from scraper.frontends.html import _parser
    from scraper.frontends.html.places import Locator

    page = (
        "<html><body><main><h1>T</h1><p>a</p><p>b <a href='x'>l</a> <A HREF='y'>m</A></p>\n"
        "<table><tr><TD>1</TD><td>2</td></tr>\n<tr><td>3</td>\n<td>4</td></tr></table>\n"
        "<ul><li>one</li><li>two <a href='z'>n</a></li></ul></main></body></html>"
    )
    root = etree.fromstring(page.encode(), _parser())
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    in_order = Locator(page, root)
    expected = [in_order.place(el) for el in elements]
    shuffled = elements[:]
    random.Random(seed).shuffle(shuffled)
    any_order = Locator(page, root)
    asked = {el: any_order.place(el) for el in shuffled}
    assert [asked[el] for el in elements] == expected
    lines = page.splitlines()
    for tag in ("td", "a", "p", "li", "tr"):
        spans = [span for el, span in zip(elements, expected, strict=True) if el.tag == tag]
        assert len(set(spans)) == len(spans), tag  # each element its own start tag
        assert all(lines[s.line - 1][s.col - 1 :].lower().startswith(f"<{tag}") for s in spans), tag


def test_a_tag_name_with_a_control_character_is_read_like_any_unknown_tag() -> None:
    """Fuzz regression: a tag named with a control character made lxml refuse it as a search filter."""
    clean = html_render.render(MAY)
    strong = "<strong>Cross-Origin Resource Sharing (CORS)</strong>"
    page = clean.replace(strong, strong.replace("strong", "s\x1ftrong"), 1)
    assert page != clean
    data = forms.compile_as(page, "html", "page.html")
    assert data.features == forms.html(MAY).features
