"""The command line: help everywhere, exit codes, outputs, and nothing written on failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from scraper.cli import cli as group
from tests.conftest import BUNDLED, CliRun

COMMANDS = sorted(group.commands) if isinstance(group, click.Group) else []


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(cli: CliRun, command: str) -> None:
    run = cli(command, "--help")
    assert run.code == 0
    assert "Usage: retention" in run.out
    doc = group.commands[command].help or ""
    assert len(doc.split()) > 15, f"{command} help is too thin to teach anything"


def test_compile_prints_a_valid_dataset_and_writes_nothing(cli: CliRun, tmp_path: Path) -> None:
    run = cli("compile", str(BUNDLED))
    assert run.code == 0
    data = json.loads(run.out)
    assert len(data["features"]) == 30
    out = tmp_path / "d.json"
    out.write_text(run.out, encoding="utf-8")
    check = cli("validate", str(out))
    assert check.code == 0 and "valid" in check.out


def test_validate_reports_schema_and_rule_problems_with_paths(cli: CliRun, tmp_path: Path) -> None:
    data = json.loads(cli("compile", str(BUNDLED)).out)
    data["features"][3]["eligibility"]["zdr"]["status"] = "maybe"
    data["features"][5]["surprise"] = 1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    run = cli("validate", str(bad))
    assert run.code == 2
    assert "features[3].eligibility.zdr.status" in run.err
    assert "features[5].surprise" in run.err

    data = json.loads(cli("compile", str(BUNDLED)).out)
    data["features"][1]["endpoints"][0]["path"] = "/v2/oops"
    data["features"][2]["eligibility"]["hipaa"]["footnotes"] = [9]
    bad.write_text(json.dumps(data), encoding="utf-8")
    run = cli("validate", str(bad))
    assert run.code == 2
    assert "features[1].endpoints[0]" in run.err and "footnote mark 9" in run.err


def test_validate_refuses_broken_json_with_line_and_column(cli: CliRun, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "schema_version": "1.0.0",\n  oops\n}', encoding="utf-8")
    run = cli("validate", str(bad))
    assert run.code == 2 and f"{bad}:3:3" in run.err and "Traceback" not in run.err


def test_build_publishes_then_reports_unchanged(cli: CliRun, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    first = cli("build", str(BUNDLED), "--dist", str(dist), "--accept")  # the dump lost its FAQ
    assert first.code == 0 and "published dataset 1.0.0" in first.out
    before = (dist / "retention.json").read_bytes()
    second = cli("build", str(BUNDLED), "--dist", str(dist))
    assert second.code == 0 and "unchanged" in second.out
    assert (dist / "retention.json").read_bytes() == before
    assert {p.name for p in dist.iterdir()} >= {"retention.json", "retention.md", "retention_constants.py"}


def test_usage_error_exits_2(cli: CliRun) -> None:
    run = cli("compile")
    assert run.code == 2 and "Missing argument" in run.err


def test_python_dash_m_scraper_runs_the_cli() -> None:
    done = subprocess.run([sys.executable, "-m", "scraper", "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "Usage: retention" in done.stdout


def test_an_unforeseen_bug_keeps_its_traceback_and_exits_70(cli: CliRun, monkeypatch: pytest.MonkeyPatch) -> None:
    import scraper.compiler

    def broken(*args: object) -> None:
        raise ZeroDivisionError("a bug nobody foresaw")

    monkeypatch.setattr(scraper.compiler, "compile_source", broken)
    run = cli("compile", str(BUNDLED))
    assert run.code == 70
    assert "Traceback" in run.err and "ZeroDivisionError: a bug nobody foresaw" in run.err
