"""One version of the page gives one dataset whatever its form: Markdown, HTML, flattened dump.

Each corpus Markdown copy (and each later shape made from it) is compiled as Markdown, as an HTML
rendering of it, and as crawler-like dumps cut at several rows; the datasets must be equal apart
from link fields and spans (the dump has no links).
"""

from __future__ import annotations

import pytest

from tests import forms_compile as forms
from tests import md_table
from tests import md_variants as v
from tests.conftest import BUNDLED, CORPUS, MD_MAY, MDX_MARCH, compile_text

MAY = MD_MAY.read_text(encoding="utf-8")
MARCH = MDX_MARCH.read_text(encoding="utf-8")
COPIES = {"march": MARCH, "may": MAY}
SHAPES: dict[str, str] = {
    "march": MARCH,
    "april-26": (CORPUS / "en-mdx-2026-04-26.md").read_text(encoding="utf-8"),
    "may": MAY,
    "june": (CORPUS / "en-mdx-2026-06-undated.md").read_text(encoding="utf-8"),
    "july": (CORPUS / "en-mdx-2026-07-undated.md").read_text(encoding="utf-8"),
    "reordered": v.reorder(MAY),
    "new row": v.add_row(
        [
            "[Agents](https://x/Agents)",
            "`/v1/agents`, `/v1/sessions`, `/v1/environments`",
            '<Eligible status="no">No</Eligible>',
            '<Eligible status="no">No</Eligible>',
            "Sessions are stored until deleted.",
        ],
        2,
    )(MAY),
    "empty details": v.map_rows(lambda c: [*c[:-1], ""] if "Token" in c[0] else c)(MAY),
    "no footnotes": v.without_footnotes(MAY),
    "fedramp column": v.extra_column("FedRAMP eligible")(MAY),
    "new sections": v.new_sections(MARCH),
}


def _cuts(text: str) -> list[tuple[int, int] | None]:
    columns, rows, _ = md_table.read(text)
    last = len(rows) - 1
    return [None, (0, 0), (0, 2), (2, 3), (last // 2, 1), (last, len(columns) - 1)]


@pytest.mark.parametrize("name", SHAPES)
def test_markdown_and_html_agree(name: str) -> None:
    text = SHAPES[name]
    assert forms.comparable(forms.markdown(text)) == forms.comparable(forms.html(text))


@pytest.mark.parametrize("name", SHAPES)
def test_markdown_and_cut_dumps_agree(name: str) -> None:
    text = SHAPES[name]
    expected = forms.comparable(forms.markdown(text))
    for cut in _cuts(text):
        assert forms.comparable(forms.dump(text, cut)) == expected, cut


def test_links_are_kept_in_markdown_and_html_only() -> None:
    md, page, dump = forms.markdown(MAY), forms.html(MAY), forms.dump(MAY)
    assert (
        md.features[0].doc_url
        == page.features[0].doc_url
        == "https://platform.claude.com/docs/en/build-with-claude/Messages API"
    )
    assert dump.features[0].doc_url is None
    assert [r.url for r in md.page.related_resources] == [r.url for r in page.page.related_resources]
    assert all(r.url is None for r in dump.page.related_resources)


def test_the_april_dump_agrees_with_the_may_markdown_except_what_changed() -> None:
    """The bundled April dump and the May Markdown differ in exactly three known ways: the
    "Tool search" row, one "does not cover" bullet, and the FAQ the dump lost."""
    april = forms.comparable(compile_text(BUNDLED.read_text(encoding="utf-8")))
    may = forms.comparable(forms.markdown(MAY))
    for data in (april, may):
        data["features"] = [f for f in data["features"] if f["id"] != "tool_search"]
        data["page"]["faq"] = []
        data["page"]["sections"] = [s for s in data["page"]["sections"] if "questions" not in s["id"]]
        data["page"]["sections"][2]["blocks"][3]["items"] = [
            i for i in data["page"]["sections"][2]["blocks"][3]["items"] if "Managed Agents" not in i
        ]
        data["arrangements"][0]["excludes"] = [
            e for e in data["arrangements"][0]["excludes"] if e["label"] != "Claude Managed Agents"
        ]
    assert april == may
