"""`retention drift ENGLISH LOCALIZED`: a copy against the English page of its era and of
September 2026, row by row; pages or datasets; exit 0 in step, 1 drifted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CORPUS, CliRun

SEPTEMBER = str(CORPUS / "en-md-2026-09-26.md")


def records(cli: CliRun, english: str, copy: str) -> tuple[int, set[tuple[str, str | None, str | None]]]:
    run = cli("drift", english, copy, "--format", "json")
    found = json.loads(run.out)["drift"]
    return run.code, {(d["kind"], d["feature"] or d["name"], d["arrangement"]) for d in found}


@pytest.mark.parametrize(
    ("copy", "era"),
    [
        ("id-mdx-2026-03-27.md", "en-mdx-2026-03.md"),
        ("id-mdx-2026-06-28.md", "en-mdx-2026-06-undated.md"),
        ("id-mdx-2026-07-24.md", "en-mdx-2026-07-undated.md"),
        ("zh-CN-mdx-2026-09-undated.md", "en-md-2026-09-26.md"),
    ],
)
def test_a_copy_in_step_with_its_era(cli: CliRun, copy: str, era: str) -> None:
    run = cli("drift", str(CORPUS / era), str(CORPUS / copy))
    assert run.code == 0 and "in step" in run.out


def test_april_copy_against_its_era_lacks_the_advisor_and_keeps_an_old_status(cli: CliRun) -> None:
    code, found = records(cli, str(CORPUS / "en-mdx-2026-04-26.md"), str(CORPUS / "id-mdx-2026-04-10.md"))
    assert code == 1
    assert found == {("row_missing", "advisor_tool", None), ("status", "tool_search", "zdr")}


def test_march_copy_against_september_row_by_row(cli: CliRun) -> None:
    code, found = records(cli, SEPTEMBER, str(CORPUS / "id-mdx-2026-03-27.md"))
    assert code == 1
    assert ("arrangement_missing", None, "hipaa") in {(k, None, a) for k, _, a in found if k == "arrangement_missing"}
    missing = {f for k, f, _ in found if k == "row_missing"}
    assert {"advisor_tool", "browser_use", "cache_diagnostics", "mcp_tunnels", "thinking"} <= missing
    assert ("status", "tool_search", "zdr") in found
    added = {f for k, f, _ in found if k == "row_added"}
    assert added == {"Pemikiran adaptif", "Pemikiran diperluas"}  # links English no longer has


def test_june_copy_against_september_names_each_row_and_line(cli: CliRun) -> None:
    run = cli("drift", SEPTEMBER, str(CORPUS / "id-mdx-2026-06-28.md"))
    assert run.code == 1
    assert "computer_use hipaa: no in the copy, yes in English" in run.out
    assert f"{CORPUS / 'id-mdx-2026-06-28.md'}:178:3" in run.out
    assert "row 'MCP tunnels' is not on the English page" in run.out  # /v1/organizations/tunnels, now /v1/tunnels
    assert "web_fetch zdr: footnotes 1, 2 in the copy, none in English" in run.out


def test_datasets_drift_as_their_pages_do(cli: CliRun, tmp_path: Path) -> None:
    era = str(CORPUS / "en-mdx-2026-04-26.md")
    copy = cli("compile", str(CORPUS / "id-mdx-2026-04-10.md"), "--english", era)
    eng = cli("compile", era)
    (tmp_path / "id.json").write_text(copy.out, encoding="utf-8")
    (tmp_path / "en.json").write_text(eng.out, encoding="utf-8")
    assert records(cli, str(tmp_path / "en.json"), str(tmp_path / "id.json")) == records(
        cli, era, str(CORPUS / "id-mdx-2026-04-10.md")
    )


def test_markdown_report_and_output_file(cli: CliRun, tmp_path: Path) -> None:
    out = tmp_path / "drift.md"
    run = cli("drift", SEPTEMBER, str(CORPUS / "id-mdx-2026-04-10.md"), "--format", "markdown", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert run.code == 1 and run.out == ""
    assert "### Statuses that disagree" in text and "tool_search zdr: qualified in the copy, yes in English" in text


def test_english_copies_are_compared_with_diff_not_drift(cli: CliRun) -> None:
    run = cli("drift", SEPTEMBER, str(CORPUS / "en-mdx-2026-07-undated.md"))
    assert run.code == 2 and "retention diff" in run.err
