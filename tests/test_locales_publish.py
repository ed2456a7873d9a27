"""Other languages in dist/: `build --localized` and `check --locales` publish each copy's rows
and drift; retention.md says which languages are behind; without them nothing changes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from scraper.dataset_io import load_dataset
from tests.conftest import CORPUS, CliRun
from tests.http_server import Server, serving
from tests.test_render_markdown import lint

SEPTEMBER = CORPUS / "en-md-2026-09-26.md"
PATH = "/docs/{}/manage-claude/api-and-data-retention"


@pytest.fixture
def server() -> Iterator[Server]:
    with serving() as state:
        yield state


def test_build_publishes_each_language_and_says_which_is_behind(cli: CliRun, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    copies = (
        "--localized",
        str(CORPUS / "zh-CN-mdx-2026-09-undated.md"),
        "--localized",
        str(CORPUS / "id-mdx-2026-06-28.md"),
    )
    assert cli("build", str(SEPTEMBER), "--dist", str(dist), *copies).code == 0
    zh, idn = load_dataset(dist / "locales" / "zh-CN.json"), load_dataset(dist / "locales" / "id.json")
    assert zh.source.locale == "zh-CN" and len(zh.features) == 35
    assert {f.id for f in idn.features} <= {f.id for f in load_dataset(dist / "retention.json").features}
    drift = json.loads((dist / "locales" / "id.drift.json").read_text(encoding="utf-8"))
    assert drift["summary"]["differences"]["status"] == ["computer_use"]
    page = (dist / "retention.md").read_text(encoding="utf-8")
    assert "- **zh-CN**: in step with the English page" in page
    assert "- **id**: drifted: 5 rows missing" in page
    section = page[page.index("## Other languages") :]  # (the English part is linted in test_render_markdown)
    assert lint(tmp_path, "# Languages\n\n" + section, "--disable-rules", "md013").returncode == 0  # as the page does
    assert load_dataset(dist / "retention.json").source.locale == "en"


def test_build_without_copies_writes_no_language(cli: CliRun, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    assert cli("build", str(SEPTEMBER), "--dist", str(dist)).code == 0
    assert not (dist / "locales").exists() and "Other languages" not in (dist / "retention.md").read_text()


def test_check_fetches_each_locale_next_to_the_english_page(cli: CliRun, server: Server, tmp_path: Path) -> None:
    server.pages = {
        PATH.format("en"): SEPTEMBER.read_bytes(),
        PATH.format("id"): (CORPUS / "id-mdx-2026-04-10.md").read_bytes(),
        PATH.format("zh-CN"): (CORPUS / "zh-CN-mdx-2026-09-undated.md").read_bytes(),
    }
    dist = tmp_path / "dist"
    run = cli(
        "check", "--url", server.url(PATH.format("en")), "--dist", str(dist), "--locales", "id,zh-CN", "--publish"
    )
    assert run.code == 1
    assert "id copy against the English page: drifted" in run.out and "tool_search zdr: qualified" in run.out
    assert "zh-CN copy against the English page: in step" in run.out
    assert {s["path"] for s in server.seen} == set(server.pages)
    assert (dist / "locales" / "id.drift.json").exists()
    again = cli("check", "--url", server.url(PATH.format("en")), "--dist", str(dist), "--locales", "zh-CN")
    assert again.code == 0 and "in step" in again.out


def test_an_english_page_not_modified_still_reports_each_locale(cli: CliRun, server: Server, tmp_path: Path) -> None:
    server.page, server.content_type = SEPTEMBER.read_bytes(), "text/markdown; charset=utf-8"
    server.pages = {PATH.format("id"): (CORPUS / "id-mdx-2026-04-10.md").read_bytes()}
    dist, english = tmp_path / "dist", server.url(PATH.format("en"))
    assert cli("check", "--url", english, "--dist", str(dist), "--publish").code == 1
    run = cli("check", "--url", english, "--dist", str(dist), "--locales", "id")
    assert "(HTTP 304)" in run.out and "id copy against the English page: drifted" in run.out
    assert run.code == 1 and server.seen[-1]["path"] == PATH.format("id")


def test_build_refuses_an_english_dataset_or_two_copies_of_one_language(cli: CliRun, tmp_path: Path) -> None:
    dist, english = tmp_path / "dist", tmp_path / "en.json"
    assert cli("compile", str(SEPTEMBER), "--output", str(english)).code == 0
    run = cli("build", str(SEPTEMBER), "--dist", str(dist), "--localized", str(english))
    assert run.code == 2 and f"{english}: locale: this copy is in English" in run.err and "Traceback" not in run.err
    idn = str(CORPUS / "id-mdx-2026-06-28.md")
    twice = cli("build", str(SEPTEMBER), "--dist", str(dist), "--localized", idn, "--localized", idn)
    assert twice.code == 2 and "a second --localized copy in 'id'" in twice.err and "Traceback" not in twice.err
    assert len(twice.err.strip().splitlines()) == 1 and not dist.exists()


def test_compile_refuses_an_english_side_in_another_language(cli: CliRun, tmp_path: Path) -> None:
    zh = tmp_path / "zh-CN.json"  # a keyed copy: a dataset, not in English
    assert cli("compile", str(CORPUS / "zh-CN-mdx-2026-09-undated.md"), "--english", str(SEPTEMBER), "-o", str(zh)).code == 0
    run = cli("compile", str(CORPUS / "id-mdx-2026-06-28.md"), "--english", str(zh))
    assert run.code == 2 and "the English side is in 'zh-CN'" in run.err and "Traceback" not in run.err
