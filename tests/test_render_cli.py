"""`retention render DATASET --to json|markdown|python [-o FILE]`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.render import render
from tests.conftest import GOLDEN, CliRun
from tests.test_render_python import bundled

DATASET = GOLDEN / "bundled.json"


@pytest.mark.parametrize("to", ["json", "markdown", "python"])
def test_render_prints_the_output_on_stdout(cli: CliRun, to: str) -> None:
    run = cli("render", str(DATASET), "--to", to)
    assert run.code == 0 and run.err == ""
    assert run.out == render(bundled(), to)  # type: ignore[arg-type]


def test_json_output_is_the_canonical_dataset(cli: CliRun) -> None:
    assert cli("render", str(DATASET), "--to", "json").out == DATASET.read_text(encoding="utf-8")


def test_output_file_is_written_whole_and_nothing_else(cli: CliRun, tmp_path: Path) -> None:
    target = tmp_path / "out" / "retention_constants.py"
    run = cli("render", str(DATASET), "--to", "python", "-o", str(target))
    assert run.code == 0 and run.out == ""
    assert target.read_text(encoding="utf-8") == (GOLDEN / "retention_constants.py").read_text(encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_hostile_dataset_is_refused_and_nothing_written(cli: CliRun, tmp_path: Path) -> None:
    data = json.loads(DATASET.read_text(encoding="utf-8"))
    data["features"][2]["name"] = "Web search\u202e\n{{ 7*7 }}"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "page.md"
    run = cli("render", str(bad), "--to", "markdown", "-o", str(target))
    assert run.code == 2 and "features[2].name" in run.err and "clean-text" in run.err
    assert "Traceback" not in run.err and not target.exists()


def test_broken_json_and_unknown_target_exit_2(cli: CliRun, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{\n  oops", encoding="utf-8")
    run = cli("render", str(bad), "--to", "python")
    assert run.code == 2 and f"{bad}:2:3" in run.err
    assert cli("render", str(DATASET), "--to", "yaml").code == 2
    assert cli("render", str(DATASET)).code == 2
