"""`retention compile`'s warning about a field every copy states says when `retention build`
refuses it, and only what holds: a part of a field (a FAQ answer) only on a first build, since a
later build compares the whole field with the published version's."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import CORPUS, CliRun

JULY = CORPUS / "en-mdx-2026-07-undated.md"


def warned(cli: CliRun, tmp_path: Path, text: str, path: str, when: str) -> tuple[Path, Path]:
    """`text` compiled warns of the empty field at `path`, saying `when` build refuses it; a first
    build refuses it, then the July copy is published: the page and the dist."""
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    run = cli("compile", str(page))
    assert run.code == 0 and run.err.splitlines() == [
        f"retention: warning: {page}: {path} is empty, though every copy of the page states it"
        f" (dropped by a converter, or worded so that it was not read); `retention build` refuses it without"
        f" --accept {when}"
    ]
    dist = tmp_path / "dist"
    assert cli("build", str(page), "--dist", str(dist)).code == 4  # a first build
    assert cli("build", str(JULY), "--dist", str(dist)).code == 0
    return page, dist


def test_a_lost_faq_answer_is_said_to_be_refused_only_on_a_first_build(cli: CliRun, tmp_path: Path) -> None:
    lines = JULY.read_text(encoding="utf-8").splitlines(keepends=True)
    assert "Check your contract terms" in lines[212]  # the first FAQ answer
    page, dist = warned(cli, tmp_path, "".join(lines[:212] + lines[213:]), "page.faq[0].answer", "on a first build")
    assert cli("build", str(page), "--dist", str(dist)).code == 0  # over a published version: not refused


def test_rows_that_lost_their_doc_links_are_named_and_refused_first_and_later(cli: CliRun, tmp_path: Path) -> None:
    unlinked = re.sub(r"^\| \[([^\]]*)\]\([^)]*\)", r"| \1", JULY.read_text(encoding="utf-8"), flags=re.MULTILINE)
    when = "where the published version has it, and on a first build"
    page, dist = warned(cli, tmp_path, unlinked, "features[].doc_url", when)
    refused = cli("build", str(page), "--dist", str(dist))
    assert refused.code == 4 and "34 of 34 rows lost their doc link" in refused.err
