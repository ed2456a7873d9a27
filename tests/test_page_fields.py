"""Every page field accounted for, built over a published dist/ from edited real copies.

A sentence reworded in a section is published as a change naming the field; a field the
published version filled that comes out empty is refused (exit 4, naming it, dist/ untouched)
unless --accept, and then published as a major `page_field_emptied`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CliRun
from tests.md_variants import replace
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


EMPTIED = [
    ("page.schema_restrictions", "This restriction applies to:", "This restriction covers:"),
    ("page.phi_excluded_fields", "are not expected to contain PHI", "should never hold PHI"),
    ("page.error_example", '"type": "error",', '"type": "error"'),
    ("page.limitations", "## Limitations and exclusions", "## Exclusions"),
    ("page.policy_violation_retention", "### Data retention for policy violations and", "### Data retention"),
    ("page.faq", "## Frequently asked questions", "## Common answers"),
    ("page.related_resources", "## Related resources", "## See also"),
    ("arrangements.zdr.name", "## Zero data retention (ZDR) scope", "## Zero data retention (ZDR)"),
    ("arrangements.hipaa.covers", "**What HIPAA readiness covers**", "**HIPAA readiness applies to**"),
]


@pytest.mark.parametrize(("field", "old", "new"), EMPTIED, ids=[e[0] for e in EMPTIED])
def test_a_field_that_went_empty_is_refused_then_accepted(
    cli: CliRun, tmp_path: Path, field: str, old: str, new: str
) -> None:
    dist = published(cli, tmp_path, MAY)
    before = {p: p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}
    page = tmp_path / "emptied.md"
    page.write_text(replace(old, new)(MAY), encoding="utf-8")
    refused = cli("build", str(page), "--dist", str(dist))
    assert refused.code == 4 and field in refused.err and "--accept" in refused.err
    assert "Traceback" not in refused.err
    assert {p: p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()} == before
    accepted = cli("build", str(page), "--dist", str(dist), "--accept")
    assert accepted.code == 0, accepted.err
    assert data(dist)["dataset_version"] == "2.0.0"
    emptied = [c for c in changes(cli, dist, "1.0.0", "2.0.0") if c["kind"] == "page_field_emptied"]
    assert [(c["field"], c["severity"]) for c in emptied] == [(field, "major")]
    assert field in changelog(dist)
