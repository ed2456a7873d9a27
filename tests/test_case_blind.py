"""The page's words are read case-blind, whatever else the text holds: a row's retention period
whatever the case of its words and the width of its digits (the quick scan that passes over
details stating no period never passes over one that does), and the prose cues of the PHI
guidelines in capitals, in a paragraph with letters beyond ASCII or not (the quick substring
scan for a cue of plain words gives the pattern's answer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from schema.models import Page
from scraper import source
from scraper.compiler import compile_source
from tests.conftest import CORPUS
from tests.md_variants import replace

SEPTEMBER = (CORPUS / "en-md-2026-09-26.md").read_text(encoding="utf-8")
FILES = "Files retained until explicitly deleted"
PERIODS = [
    ("data retained up to 30 days", "data retained up to ３０ days", "code_execution", "P30D", "up_to"),
    ("data retained up to 30 days", "data retained UP TO 30 DAYS", "code_execution", "P30D", "up_to"),
    (FILES, "Files retained UNTIL explicitly deleted", "files_api", None, "until_deleted"),
    (FILES, "Files retained untıl explicitly deleted", "files_api", None, "until_deleted"),
]


@pytest.mark.parametrize(("old", "new", "feature", "duration", "bound"), PERIODS, ids=[p[1] for p in PERIODS])
def test_a_period_written_otherwise_is_read_the_same(
    tmp_path: Path, old: str, new: str, feature: str, duration: str | None, bound: str
) -> None:
    page = tmp_path / "page.md"
    page.write_text(replace(old, new)(SEPTEMBER), encoding="utf-8")
    features = {f.id: f for f in compile_source(source.read(page)).features}
    found = features[feature].retention
    assert found is not None and (found.duration, found.bound) == (duration, bound)


RESTRICTION = "This restriction applies to schema property names"
EXCLUDED = "The following fields are not expected to contain PHI under the BAA"
CUES = [
    (RESTRICTION, "THIS RESTRICTION APPLIES TO schema property names"),
    (RESTRICTION, "This Restriction Applies To schema property names"),
    (RESTRICTION, "Thís restriction applies to schema property names"),
    (RESTRICTION, "This restrıction applies to schema property names"),
    (EXCLUDED, "The following fields are NOT EXPECTED TO CONTAIN PHI under the BAA"),
    (EXCLUDED, "The following fields — café — are not expected to contain PHI under the BAA"),
]


def _page(tmp_path: Path, text: str) -> Page:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return compile_source(source.read(path)).page


@pytest.mark.parametrize(("old", "new"), CUES, ids=[c[1] for c in CUES])
def test_a_cue_written_otherwise_is_read_the_same(tmp_path: Path, old: str, new: str) -> None:
    before, after = _page(tmp_path, SEPTEMBER), _page(tmp_path, replace(old, new)(SEPTEMBER))
    assert before.schema_restrictions and after.schema_restrictions == before.schema_restrictions
    assert before.phi_locations and after.phi_locations == before.phi_locations
    assert (after.phi_excluded_fields is None) == (before.phi_excluded_fields is None)
