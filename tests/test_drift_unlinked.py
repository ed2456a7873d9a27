"""`retention drift` refuses a copy whose converter dropped every link in one line, as
`compile --english` does: rows are matched by doc link, so row-by-row drift would be noise."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import CORPUS, CliRun


def test_drift_of_a_copy_whose_converter_dropped_every_link_is_refused_in_one_line(cli: CliRun, tmp_path: Path) -> None:
    page = tmp_path / "id.md"
    text = (CORPUS / "id-mdx-2026-07-24.md").read_text(encoding="utf-8")
    page.write_text(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text), encoding="utf-8")
    run = cli("drift", str(CORPUS / "en-mdx-2026-07-undated.md"), str(page))
    assert run.code == 2 and run.out == ""
    (line,) = run.err.splitlines()
    assert line.startswith(f"retention: error: {page}:") and "the copy's rows have no doc links" in line
