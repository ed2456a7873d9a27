"""A padded table wrapped into pieces is named as such even when another pipe table comes first
on the page: the diagnosis reads the table with the page's columns, not the first one."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper import source
from scraper.compiler import compile_source
from scraper.errors import RetentionError

PADDED = Path(__file__).parent / "excerpts" / "html2text-pad-tables.md"
SMALL = "| Plan | Seats |\n|------|-------|\n| Team | 5 |\n| Enterprise | 50 |\n\n"


def test_a_small_table_above_does_not_hide_the_broken_rows(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(SMALL + PADDED.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(RetentionError) as refused:
        compile_source(source.read(page))
    (problem,) = refused.value.problems
    assert problem.where.endswith("page.md:10:1"), problem
    assert "rows are broken across lines" in problem.message and "body_width=0" in problem.message
