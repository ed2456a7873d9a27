"""`retention check` as the scheduled job runs it, against a page served on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, CliRun
from tests.diff_pages import march_text, may_text
from tests.http_server import Reply, Server, serving

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def server() -> Iterator[Server]:
    with serving() as state:
        yield state


def tree(dist: Path) -> dict[str, bytes]:
    return {str(p.relative_to(dist)): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}


def test_check_url_flow(cli: CliRun, server: Server, tmp_path: Path) -> None:
    dist, url = tmp_path / "dist", server.url()
    check = ("check", "--url", url, "--dist", str(dist), "--deadline", "5")

    server.page = march_text().encode("utf-8")
    first = cli(*check, "--publish", "--accept")  # a generated dump: the table without the page around it
    assert first.code == 1 and "published dataset 1.0.0" in first.err
    assert json.loads((dist / "history" / "fetch.json").read_text())["url"] == url

    published = tree(dist)
    same = cli(*check)
    assert same.code == 0 and "not modified since dataset 1.0.0 (HTTP 304): no changes" in same.out
    assert server.seen[-1]["If-None-Match"]
    as_json = cli(*check, "--format", "json")
    assert as_json.code == 0 and json.loads(as_json.out) == [] and server.seen[-1]["If-None-Match"]
    assert tree(dist) == published

    server.page = BUNDLED.read_bytes()
    dry = cli(*check)
    assert dry.code == 1 and "Feature added: Advisor tool" in dry.out and "1.0.0 -> 1.1.0" in dry.out
    assert tree(dist) == published

    done = cli(*check, "--publish", "--format", "markdown")
    assert done.code == 1 and "### Minor" in done.out
    history = sorted(p.name for p in (dist / "history").glob("*.*.*.json"))
    assert history == ["1.0.0.json", "1.1.0.json"]
    log = (dist / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Feature added: Advisor tool" in log and "Arrangement added: HIPAA readiness" in log
    assert json.loads((dist / "retention.json").read_text())["source"]["url"] == url

    after = tree(dist)
    assert cli(*check, "--publish").code == 0 and tree(dist) == after


def test_same_data_in_new_bytes_is_no_change(cli: CliRun, server: Server, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    server.page = may_text().encode("utf-8")
    assert cli("check", "--url", server.url(), "--dist", str(dist), "--publish", "--accept").code == 1
    before = tree(dist)
    server.page = may_text(reverse=True, cut=(5, 2)).encode("utf-8")
    run = cli("check", "--url", server.url(), "--dist", str(dist), "--publish", "--format", "json")
    assert run.code == 0 and json.loads(run.out) == []
    assert tree(dist) == before


def test_check_a_file_and_write_the_report(cli: CliRun, tmp_path: Path) -> None:
    dist, report = tmp_path / "dist", tmp_path / "out" / "report.md"
    assert cli("build", str(BUNDLED), "--dist", str(dist), "--accept").code == 0  # the dump lost its FAQ
    page = tmp_path / "may.txt"
    page.write_text(may_text(), encoding="utf-8")
    run = cli("check", str(page), "--dist", str(dist), "--format", "markdown", "--output", str(report))
    assert run.code == 1 and run.out == ""
    assert "Tool search: ZDR eligibility widened: qualified → yes" in report.read_text(encoding="utf-8")
    assert cli("check", str(BUNDLED), "--dist", str(dist)).code == 0


def test_check_failures_write_nothing(cli: CliRun, server: Server, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    assert cli("build", str(BUNDLED), "--dist", str(dist), "--accept").code == 0  # the dump lost its FAQ
    before = tree(dist)
    server.then(Reply(404))
    missing = cli("check", "--url", server.url(), "--dist", str(dist), "--publish")
    assert missing.code == 3 and server.url() in missing.err and len(missing.err.strip().splitlines()) == 1
    server.page = b"just some words, no table at all\n"
    broken = cli("check", "--url", server.url(), "--dist", str(dist), "--publish")
    assert broken.code == 2 and "Traceback" not in broken.err
    both = cli("check", str(BUNDLED), "--url", server.url(), "--dist", str(dist))
    assert both.code == 2
    server.then(Reply(404))
    as_json = cli("check", "--url", server.url(), "--dist", str(dist), "--format", "json")
    assert as_json.code == 3 and server.url() in as_json.err
    report = json.loads(as_json.out)
    assert report["exit_code"] == 3 and "HTTP 404" in report["problems"][0]["message"]
    server.then(Reply(404))
    to_file = cli("check", "--url", server.url(), "--dist", str(dist), "--format", "json", "-o", str(tmp_path / "r.json"))
    assert to_file.code == 3 and json.loads((tmp_path / "r.json").read_text())["exit_code"] == 3
    assert tree(dist) == before


def _actionlint() -> str | None:
    local = Path(sys.executable).parent / "actionlint"
    return str(local) if local.exists() else shutil.which("actionlint")


def test_workflow_passes_actionlint() -> None:
    workflow = ROOT / ".github" / "workflows" / "check.yml"
    text = workflow.read_text(encoding="utf-8")
    assert "make check" in text and "schedule:" in text and "workflow_dispatch" in text
    assert "make package" in text  # the pull request's run also builds the data package
    binary = _actionlint()
    if binary is None:
        pytest.skip("actionlint is not installed (see README: Change detection)")
    result = subprocess.run([binary, "-no-color", str(workflow)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
