"""One option name means one thing on every command; bad datasets and URLs are usage errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from scraper.cli import cli as group
from scraper.cli import options
from tests.conftest import BUNDLED, GOLDEN, CliRun

COMMANDS: dict[str, click.Command] = dict(group.commands) if isinstance(group, click.Group) else {}
SHARED = {"--input-format": options.INPUT_FORMAT, "--max-bytes": options.MAX_BYTES, "--output": options.OUTPUT}
READS_A_PAGE = {"compile", "build", "check", "diff"}
PRINTS_A_RESULT = {"compile", "validate", "diff", "render", "check", "preflight"}


def _option(command: click.Command, flag: str) -> click.Option | None:
    found = [p for p in command.params if isinstance(p, click.Option) and flag in p.opts]
    return found[0] if found else None


def _shared_help(decorator: options.Decorator) -> str | None:
    probe = decorator(click.command()(lambda **_: None))
    assert isinstance(probe, click.Command)
    (param,) = probe.params
    assert isinstance(param, click.Option)
    return param.help


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_shared_options_mean_the_same_on_every_command(name: str) -> None:
    command = COMMANDS[name]
    for flag, decorator in SHARED.items():
        option = _option(command, flag)
        if option is not None:
            assert option.help == _shared_help(decorator), f"{name} {flag} says something else"
    fmt = _option(command, "--format")
    if fmt is not None:
        assert isinstance(fmt.type, click.Choice) and "auto" not in fmt.type.choices, f"{name} --format names an input"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_that_reads_or_prints_has_the_shared_options(name: str) -> None:
    command = COMMANDS[name]
    reads_a_file = any(isinstance(p, click.Argument) for p in command.params)
    assert not reads_a_file or _option(command, "--max-bytes"), f"{name} reads a file without --max-bytes"
    assert name not in READS_A_PAGE or _option(command, "--input-format"), f"{name} lacks --input-format"
    output = _option(command, "--output")
    assert name not in PRINTS_A_RESULT or (output is not None and "-o" in output.opts), f"{name} lacks -o/--output"


def _nested(tmp_path: Path) -> Path:
    path = tmp_path / "deep.json"
    path.write_text('{"schema_version": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    return path


def test_diff_refuses_a_deeply_nested_dataset_as_bad_input(cli: CliRun, tmp_path: Path) -> None:
    run = cli("diff", str(_nested(tmp_path)), str(GOLDEN / "bundled.json"))
    assert run.code == 2 and "Traceback" not in run.err
    assert f"{tmp_path / 'deep.json'}:1:1: json: dataset is nested too deeply" in run.err


def test_a_huge_integer_is_refused_with_its_file(cli: CliRun, tmp_path: Path) -> None:
    data = json.loads((GOLDEN / "bundled.json").read_text(encoding="utf-8"))
    text = re.sub(r'"line": \d+', '"line": ' + "9" * 5000, json.dumps(data), count=1)
    assert "9" * 5000 in text
    path = tmp_path / "huge.json"
    path.write_text(text, encoding="utf-8")
    for args in (("validate", str(path)), ("diff", str(path), str(path)), ("render", str(path), "--to", "json")):
        run = cli(*args)
        assert run.code == 2 and str(path) in run.err and "Traceback" not in run.err, args


def test_preflight_refuses_a_dataset_that_breaks_a_rule(cli: CliRun, tmp_path: Path) -> None:
    data = json.loads((GOLDEN / "bundled.json").read_text(encoding="utf-8"))
    del data["features"][0]["eligibility"]["hipaa"]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    body = tmp_path / "body.json"
    body.write_text('{"model": "m", "max_tokens": 1, "messages": []}', encoding="utf-8")
    run = cli("preflight", str(body), "--arrangement", "zdr", "--dataset", str(path))
    assert run.code == 2 and "Traceback" not in run.err
    assert f"{path}: features[0]" in run.err


@pytest.mark.parametrize("url", ["https://[::1/page", "ftp://example.com/x", "example.com/page"])
def test_a_malformed_url_is_a_usage_error(cli: CliRun, tmp_path: Path, url: str) -> None:
    run = cli("check", "--url", url, "--dist", str(tmp_path / "dist"))
    assert run.code == 2 and url in run.err and not (tmp_path / "dist").exists()


def test_output_never_crashes_on_a_narrow_terminal_encoding() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    run = subprocess.run(
        [sys.executable, "-m", "scraper", "render", str(GOLDEN / "bundled.json"), "--to", "markdown"],
        capture_output=True,
        env=env,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode("cp1252", "replace")
    assert b"\\u2705" in run.stdout  # the check mark, escaped rather than a crash


def test_o_writes_the_result_instead_of_printing_it(cli: CliRun, tmp_path: Path) -> None:
    out = tmp_path / "dataset.json"
    run = cli("compile", str(BUNDLED), "-o", str(out))
    assert run.code == 0 and run.out == ""
    assert json.loads(out.read_text(encoding="utf-8"))["features"]
