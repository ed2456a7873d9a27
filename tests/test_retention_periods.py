"""A row's retention period is read whatever the case of its words and the width of its digits:
the quick scan that passes over details stating no period never passes over one that does."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper import source
from scraper.compiler import compile_source
from tests.conftest import CORPUS
from tests.md_variants import replace

SEPTEMBER = (CORPUS / "en-md-2026-09-26.md").read_text(encoding="utf-8")
PERIODS = [
    ("data retained up to 30 days", "data retained up to ３０ days", "code_execution", "P30D", "up_to"),
    ("data retained up to 30 days", "data retained UP TO 30 DAYS", "code_execution", "P30D", "up_to"),
    ("Files retained until explicitly deleted", "Files retained UNTIL explicitly deleted", "files_api", None, "until_deleted"),
    ("Files retained until explicitly deleted", "Files retained untıl explicitly deleted", "files_api", None, "until_deleted"),
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
