"""Markdown written in other styles reads as the clean copy: setext headings (`Title` over `===` /
`---`, markdownify's default), ATX headings closed with hashes, indented code blocks (html2text's),
each made by rewriting a real copy of the page and compiled to the same dataset apart from spans.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from schema.models import Dataset
from tests import forms_compile as forms
from tests import md_variants as v
from tests.conftest import CORPUS, CliRun
from tests.test_ids import data, published

SEPTEMBER = (CORPUS / "en-md-2026-09-26.md").read_text(encoding="utf-8")
JULY = (CORPUS / "en-mdx-2026-07-undated.md").read_text(encoding="utf-8")
APRIL = (CORPUS / "en-mdx-2026-04-26.md").read_text(encoding="utf-8")
STYLES = {
    "setext, September": (v.setext, SEPTEMBER),
    "setext, July MDX": (v.setext, JULY),
    "setext, April MDX": (v.setext, APRIL),
    "closing hashes, September": (v.closing_hashes, SEPTEMBER),
    "closing hashes, July MDX": (v.closing_hashes, JULY),
    "indented code, September": (v.indented_code, SEPTEMBER),
    "setext and indented code, September": (lambda t: v.indented_code(v.setext(t)), SEPTEMBER),
}


def _without_spans(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_spans(x) for k, x in value.items() if k != "span"}
    if isinstance(value, list):
        return [_without_spans(x) for x in value]
    return value


def comparable(data: Dataset) -> Any:
    """The dataset apart from spans and the raw input's hash (the bytes differ by construction)."""
    dumped = data.model_dump(mode="json")
    dumped["source"].pop("sha256")
    return _without_spans(dumped)


@pytest.mark.parametrize("name", STYLES)
def test_style_reads_as_the_clean_copy(name: str) -> None:
    edit, text = STYLES[name]
    assert comparable(forms.markdown(edit(text))) == comparable(forms.markdown(text))


def test_the_rewritten_copies_still_state_every_field() -> None:
    """The comparison above is only worth something if the clean copy fills the fields."""
    page = forms.markdown(v.indented_code(v.setext(SEPTEMBER))).page
    assert page.description is not None and page.description.startswith("Learn about how Anthropic's APIs")
    assert page.error_example is not None and page.error_example["error"]["type"] == "invalid_request_error"
    assert len(page.faq) == 14 and len(page.hipaa_steps) == 3 and page.limitations


def test_indentation_in_mdx_is_layout_not_code() -> None:
    """MDX has no indented code: the body of a `<Step>` or `<Accordion>` indented four spaces is text."""
    page = forms.markdown(JULY).page
    assert page.hipaa_steps[1].text.startswith("Download the Business Associate Agreement")
    assert page.faq[0].answer == [
        "Check your contract terms or contact your Anthropic account representative to confirm whether your "
        "organization has ZDR arrangements in place."
    ]


@pytest.mark.parametrize("name", ["setext and indented code, September", "setext, July MDX"])
def test_restyled_copy_over_a_published_dist_changes_nothing(cli: CliRun, tmp_path: Path, name: str) -> None:
    """Built over the clean copy's published dist/: no field emptied, nothing to publish."""
    edit, text = STYLES[name]
    dist = published(cli, tmp_path, text, edit(text))
    assert data(dist)["dataset_version"] == "1.0.0"
    assert sorted(p.name for p in (dist / "history").glob("*.*.*.json")) == ["1.0.0.json"]
