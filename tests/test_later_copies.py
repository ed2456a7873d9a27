"""The later English copies are read fully: every page field each version states, in the shape
that version gives it (bold labels or headings, lists or inline prose, `<Steps>` or numbered
headings, accordions or `###` questions). Values are read off the pages themselves.
"""

from __future__ import annotations

import pytest

from schema.models import Dataset
from tests import forms_compile as forms
from tests.conftest import CORPUS
from tests.test_markdown_frontend import check

COPIES = {
    "april-26": ("en-mdx-2026-04-26.md", 30, 3),
    "june": ("en-mdx-2026-06-undated.md", 33, 3),
    "july": ("en-mdx-2026-07-undated.md", 34, 0),
    "september": ("en-md-2026-09-26.md", 35, 0),
}
LATER = ("july", "september")
SCHEMA_WORDS = ["property names", "enum values", "const values", "pattern regular expressions"]


def compiled(name: str) -> Dataset:
    return forms.markdown((CORPUS / COPIES[name][0]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", COPIES)
def test_table_agrees_with_the_independent_reading(name: str) -> None:
    """Every row, cell, mark and footnote, against tests.md_table's naive reading of the copy."""
    check((CORPUS / COPIES[name][0]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", COPIES)
def test_table_and_footnotes(name: str) -> None:
    data = compiled(name)
    _, rows, notes = COPIES[name]
    assert (len(data.features), len(data.footnotes)) == (rows, notes)
    by_id = {f.id: f for f in data.features}
    assert by_id["advisor_tool"].eligibility["zdr"].status == "yes"
    assert by_id["advisor_tool"].eligibility["hipaa"].status == "no"
    assert by_id["structured_outputs"].eligibility["zdr"].status == "qualified"
    assert by_id["batch_processing"].retention is not None and by_id["batch_processing"].retention.duration == "P29D"
    assert [e.path for e in by_id["agent_skills"].endpoints] == ["/v1/messages", "/v1/skills"]


@pytest.mark.parametrize("name", COPIES)
def test_arrangements_are_named_and_scoped(name: str) -> None:
    zdr, hipaa = compiled(name).arrangements
    assert (zdr.name, hipaa.name) == ("Zero data retention (ZDR)", "HIPAA readiness")
    assert "Claude Code" in [i.label for i in zdr.covers]
    assert [i.label for i in hipaa.covers] == ["Claude API"]
    assert "Claude consumer products" in [i.label for i in zdr.excludes]
    assert "Beta features" in [i.label for i in hipaa.excludes]


@pytest.mark.parametrize("name", COPIES)
def test_page_fields(name: str) -> None:
    page = compiled(name).page
    assert page.description is not None and page.description.startswith("Learn about how Anthropic's APIs")
    assert len(page.hipaa_steps) == 3 and all(s.title and s.text for s in page.hipaa_steps)
    assert len(page.phi_locations) == 3 and page.phi_locations[1].lower() == "attached files (images, pdfs)"
    assert page.phi_excluded_fields is not None
    assert page.phi_excluded_fields.startswith("The following fields are not expected to contain PHI")
    assert page.phi_excluded_fields.endswith("billing data, and support tickets.")
    assert [s.lower() for s in page.schema_restrictions][1:] == SCHEMA_WORDS[1:]
    assert page.error_example is not None
    assert page.error_example["error"]["message"].endswith("without Zero Data Retention: code_execution.")
    assert page.policy_violation_retention is not None and page.policy_violation_retention.duration == "P2Y"
    assert page.faq[-1].question == "How do I request ZDR?" and page.faq[-1].answer
    assert page.related_resources[0].text == "Privacy Policy" and len(page.related_resources) == 6


@pytest.mark.parametrize("name", ["april-26", "june"])
def test_earlier_shape(name: str) -> None:
    """Scopes under bold labels, steps in `<Steps>`, lists under their lead-in, a "Limitations" heading."""
    page = compiled(name).page
    assert page.hipaa_steps[0].title == "Sign a Business Associate Agreement"
    assert page.phi_locations[0] == "Message content (prompts and responses from Claude)"
    assert page.schema_restrictions[0] == "Schema property names"
    assert [s.title for s in page.limitations] == [
        "CORS not supported for ZDR",
        "Data retention for policy violations and where required by law",
    ]
    assert len(page.faq) == {"april-26": 13, "june": 14}[name]


@pytest.mark.parametrize("name", LATER)
def test_restructured_shape(name: str) -> None:
    """Scopes under `###` headings, PHI locations and schema restrictions inline in prose, no
    "Limitations" heading (its place taken by "Retention regardless of arrangement")."""
    data = compiled(name)
    page = data.page
    assert page.hipaa_steps[0].title == "Open your organization's privacy settings"
    assert page.hipaa_steps[2].title == "Enablement takes effect immediately"
    assert page.phi_locations == [
        "message content (prompts and Claude's responses)",
        "attached files (images, PDFs)",
        "file names or metadata associated with message content",
    ]
    assert page.schema_restrictions == ["schema property names", *SCHEMA_WORDS[1:]]
    assert [s.title for s in page.limitations] == ["Retention regardless of arrangement"]
    assert len(page.faq) == 14 and len(page.faq[11].answer) == 6
    assert page.faq[11].question == "Is Claude Code eligible for ZDR?"
    zdr = data.arrangements[0]
    assert len(zdr.covers) == 3 and len(zdr.excludes) == 9
    assert zdr.excludes[-2].label == "Cross-Origin Resource Sharing (CORS)"
    legend = next(s for s in page.sections if s.title == "Feature eligibility").blocks[2]
    assert legend.items is not None and [i.split(":")[0] for i in legend.items] == ["Yes", "Yes (qualified)", "No"]


def test_september_chrome_is_not_the_article() -> None:
    """Site navigation before the title and the "Copy page" labels around the summary are skipped;
    the steps written `1.  1` over a `###` heading are steps, not sections."""
    data = compiled("september")
    titles = [s.title for s in data.page.sections]
    assert titles[0] == "API and data retention" and "Copy page" not in str(data.page.sections[0])
    assert "Open your organization's privacy settings" not in titles
    assert "How do I request ZDR?" not in titles
    zdr = data.arrangements[0]
    assert zdr.excludes[5].label == "Claude Fable 5.1, Claude Mythos 5.1, Claude Fable 5, and Claude Mythos 5"
    by_id = {f.id: f for f in data.features}
    browser = by_id["browser_use"].endpoints[0].requires
    assert browser is not None and (browser.kind, browser.name) == ("tool", "browser")
    assert by_id["thinking"].eligibility["hipaa"].status == "yes"


def test_hipaa_steps_are_the_ones_under_the_hipaa_heading() -> None:
    """The July page also has steps for enabling 30-day retention; moved before the HIPAA section,
    they are still not taken for the HIPAA steps."""
    text = (CORPUS / COPIES["july"][0]).read_text(encoding="utf-8")
    hipaa, model, table = (text.index(h) for h in ("## HIPAA readiness", "## Model-specific", "## Feature eligibility"))
    moved = text[:hipaa] + text[model:table] + text[hipaa:model] + text[table:]
    steps = forms.markdown(moved).page.hipaa_steps
    assert [s.title for s in steps] == [s.title for s in compiled("july").page.hipaa_steps]
    assert steps[0].title == "Open your organization's privacy settings"
