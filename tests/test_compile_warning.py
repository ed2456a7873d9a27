"""`retention compile`'s warning about a field every copy states says when `retention build`
refuses it, and only what holds: a part of a field (a FAQ answer) only on a first build, since a
later build compares the whole field with the published version's."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import CORPUS, CliRun

JULY = CORPUS / "en-mdx-2026-07-undated.md"


def test_a_lost_faq_answer_is_said_to_be_refused_only_on_a_first_build(cli: CliRun, tmp_path: Path) -> None:
    lines = JULY.read_text(encoding="utf-8").splitlines(keepends=True)
    assert "Check your contract terms" in lines[212]  # the first FAQ answer
    page = tmp_path / "page.md"
    page.write_text("".join(lines[:212] + lines[213:]), encoding="utf-8")
    warned = cli("compile", str(page))
    assert warned.code == 0 and warned.err.splitlines() == [
        f"retention: warning: {page}: page.faq[0].answer is empty, though every copy of the page states it"
        " (dropped by a converter, or worded so that it was not read); `retention build` refuses it without"
        " --accept on a first build"
    ]
    dist = tmp_path / "dist"
    assert cli("build", str(page), "--dist", str(dist)).code == 4  # a first build
    assert cli("build", str(JULY), "--dist", str(dist)).code == 0
    assert cli("build", str(page), "--dist", str(dist)).code == 0  # over a published version: not refused


def test_rows_that_lost_their_doc_links_are_named_and_refused_first_and_later(cli: CliRun, tmp_path: Path) -> None:
    text = JULY.read_text(encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(re.sub(r"^\| \[([^\]]*)\]\([^)]*\)", r"| \1", text, flags=re.MULTILINE), encoding="utf-8")
    warned = cli("compile", str(page))
    assert warned.code == 0 and warned.err.splitlines() == [
        f"retention: warning: {page}: features[].doc_url is empty, though every copy of the page states it"
        " (dropped by a converter, or worded so that it was not read); `retention build` refuses it without"
        " --accept where the published version has it, and on a first build"
    ]
    dist = tmp_path / "dist"
    assert cli("build", str(page), "--dist", str(dist)).code == 4  # a first build
    assert cli("build", str(JULY), "--dist", str(dist)).code == 0
    refused = cli("build", str(page), "--dist", str(dist))
    assert refused.code == 4 and "34 of 34 rows lost their doc link" in refused.err
