"""An eligibility column whose header gives no arrangement id (no Latin letter: a stray `資格` in
an English copy, an emoji, punctuation or digits only, nothing) is refused in one located line
naming the header, exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CORPUS, CliRun

APRIL = (CORPUS / "en-mdx-2026-04-26.md").read_text(encoding="utf-8")
HEADER = "| Feature | Endpoint | ZDR eligible | HIPAA eligible | Details |"


def refused(cli: CliRun, tmp_path: Path, column: str) -> tuple[Path, str]:
    """The April copy with `column` in place of `HIPAA eligible`, compiled: its one error line."""
    page = tmp_path / "page.md"
    page.write_text(
        APRIL.replace(HEADER, f"| Feature | Endpoint | ZDR eligible | {column} | Details |"), encoding="utf-8"
    )
    run = cli("compile", str(page))
    assert run.code == 2 and run.out == "", run.err
    (line,) = run.err.splitlines()
    return page, line


@pytest.mark.parametrize("column", ["資格", "🔒 eligible", "?!", "123", ""])
def test_a_column_that_names_no_arrangement_is_refused_in_one_line(cli: CliRun, tmp_path: Path, column: str) -> None:
    page, line = refused(cli, tmp_path, column)
    assert line.startswith(f"retention: error: {page}:137:") and f"column {column!r} names no arrangement" in line


@pytest.mark.parametrize("column", ["ZDR eligible", "zdr Eligible"])
def test_a_column_naming_an_arrangement_twice_is_refused_at_its_cell(cli: CliRun, tmp_path: Path, column: str) -> None:
    page, line = refused(cli, tmp_path, column)  # one line: not also "footnote 2 is never cited"
    assert line.startswith(f"retention: error: {page}:137:39: table: column 4 ({column!r}) names arrangement 'zdr'")
