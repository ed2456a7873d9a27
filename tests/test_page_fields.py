"""Every page field accounted for, built over a published dist/ from edited real copies.

A sentence reworded in a section is published as a change naming the field; a field the
published version filled that comes out empty is refused (exit 4, naming it, dist/ untouched)
unless --accept, and then published as a major `page_field_emptied`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CliRun
from tests.md_variants import Edit, replace
from tests.test_ids import MAY, changelog, changes, data, published

REWORDED = [
    ("page.description", "Learn about how Anthropic's APIs", "Learn how Anthropic's APIs", "page_changed"),
    ("page.hipaa_steps", "to sign a BAA that covers API usage", "to sign a BAA for API usage", "page_changed"),
    ("page.phi_locations", "- Attached files (images, PDFs)", "- Attached files (images, PDFs, text)", "page_changed"),
    ("page.phi_excluded_fields", "billing data, and support tickets", "and billing data", "page_changed"),
    ("page.schema_restrictions", "- `pattern` regular expressions\n", "", "page_changed"),
    ("page.error_example", "Retention: code_execution.", "Retention: web_fetch.", "page_changed"),
    ("page.limitations", "Never expose API keys directly", "Never expose API keys", "page_changed"),
    ("page.policy_violation_retention", "for up to 2 years", "for up to 3 years", "retention_changed"),
    ("page.faq", "to discuss deletion options", "about deletion options", "page_changed"),
    ("page.related_resources", "- [Trust Center](", "- [Anthropic Trust Center](", "page_changed"),
    ("covers", "ZDR applies to the Claude Messages", "ZDR covers the Claude Messages", "scope_reworded"),
    ("excludes", "Any usage on Console or Workbench", "Any use of Console or Workbench", "scope_reworded"),
]


@pytest.mark.parametrize(("field", "old", "new", "kind"), REWORDED, ids=[r[0] for r in REWORDED])
def test_a_reworded_sentence_is_a_change_naming_its_field(
    cli: CliRun, tmp_path: Path, field: str, old: str, new: str, kind: str
) -> None:
    dist = published(cli, tmp_path, MAY, replace(old, new)(MAY))
    version = data(dist)["dataset_version"]
    assert version in ("1.0.1", "1.1.0")
    named = {(c["kind"], c["field"]) for c in changes(cli, dist, "1.0.0", version)}
    assert (kind, field) in named
    assert not any(k == "page_field_emptied" for k, _ in named)


def _without_limitations(text: str) -> str:
    """The "Limitations and exclusions" section and its subsections dropped from the page."""
    return text[: text.index("## Limitations and exclusions")] + text[text.index("## Frequently asked questions") :]


# The reader follows the page's structure (a scope list's heading names its arrangement, the
# sections after the table are its limitations), so an edit empties a field only where it
# removes what the field is read from, or words it so that it no longer says it.
EMPTIED = [
    ("page.schema_restrictions", replace("This restriction applies to:", "This restriction covers:")),
    ("page.phi_excluded_fields", replace("are not expected to contain PHI", "should never hold PHI")),
    ("page.error_example", replace('"type": "error",', '"type": "error"')),
    ("page.limitations page.policy_violation_retention", _without_limitations),
    ("page.policy_violation_retention", replace("for up to 2 years", "for two years")),
    ("page.faq", replace("## Frequently asked questions", "## Common answers")),
    ("page.related_resources", replace("## Related resources", "## See also")),
    ("arrangements.zdr.name", replace("## Zero data retention (ZDR) scope", "## Scope")),
    ("arrangements.hipaa.covers", replace("**What HIPAA readiness covers**", "**HIPAA readiness applies to**")),
]


@pytest.mark.parametrize(("fields", "edit"), EMPTIED, ids=[e[0] for e in EMPTIED])
def test_a_field_that_went_empty_is_refused_then_accepted(
    cli: CliRun, tmp_path: Path, fields: str, edit: Edit
) -> None:
    dist = published(cli, tmp_path, MAY)
    before = {p: p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}
    page = tmp_path / "emptied.md"
    page.write_text(edit(MAY), encoding="utf-8")
    refused = cli("build", str(page), "--dist", str(dist))
    assert refused.code == 4 and all(f in refused.err for f in fields.split()) and "--accept" in refused.err
    assert "Traceback" not in refused.err
    assert {p: p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()} == before
    accepted = cli("build", str(page), "--dist", str(dist), "--accept")
    assert accepted.code == 0, accepted.err
    assert data(dist)["dataset_version"] == "2.0.0"
    emptied = [c for c in changes(cli, dist, "1.0.0", "2.0.0") if c["kind"] == "page_field_emptied"]
    assert [(c["field"], c["severity"]) for c in emptied] == [(f, "major") for f in fields.split()]
    assert all(f in changelog(dist) for f in fields.split())
