"""The data package as a consumer meets it: built, installed into an empty environment without
network, imported in isolated mode, type-checked, then upgraded to a newer dataset."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from scraper.publish import history
from scraper.publish.package import IMPORT_NAME, build_wheel

REPO = Path(__file__).resolve().parent.parent
DIST = REPO / "dist"

CONSUMER = """\
from __future__ import annotations  # `Status` is a type for type checkers only

import claude_retention_data as retention
from claude_retention_data.data import dataset

version: str = retention.DATASET_VERSION
answer: retention.Status = retention.status("web_search", "zdr")
verdict = retention.check_request({"model": "m", "messages": [], "tools": [{"type": "web_fetch_20250910"}]}, "hipaa")
blocked: list[str] = retention.blocked_features({"model": "m", "messages": []}, "zdr")
allowed: bool = verdict.allowed
ids: list[str] = [feature["id"] for feature in dataset()["features"]]
print(version, answer, allowed, len(ids))
"""


def _run(*args: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd)
    assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
    return done.stdout


def test_wheel_installs_imports_typechecks_and_upgrades(tmp_path: Path) -> None:
    older, newer = history.versions(DIST)[-2:]
    first = build_wheel(DIST / history.name(older), tmp_path / "old")
    second = build_wheel(DIST / "retention.json", tmp_path / "new")
    names = zipfile.ZipFile(first).namelist()
    for part in ("__init__.py", "data.py", "retention.json", "dataset.schema.json", "py.typed"):
        assert f"{IMPORT_NAME}/{part}" in names
    metadata = zipfile.ZipFile(second).read(f"{IMPORT_NAME}-{newer}.dist-info/METADATA").decode()
    assert f"Version: {newer}" in metadata and "Requires-Dist" not in metadata

    env = tmp_path / "env"
    _run(sys.executable, "-m", "venv", "--without-pip", env)  # empty; pip is driven from outside (faster)
    python = env / "bin" / "python"
    pip: list[str | Path] = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-index"]
    _run(*pip, first)
    consumer = tmp_path / "consumer.py"
    consumer.write_text(CONSUMER, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = _run(python, "-I", consumer, cwd=elsewhere).split()
    features = len(json.loads((DIST / history.name(older)).read_text(encoding="utf-8"))["features"])
    assert out[0] == older and out[1] in {"yes", "qualified", "no"} and out[3] == str(features)

    mypy: list[str | Path] = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--python-executable",
        python,
    ]
    _run(*mypy, consumer, cwd=elsewhere)

    _run(*pip, "--upgrade", second)
    newest = json.loads((DIST / "retention.json").read_text(encoding="utf-8"))
    out = _run(python, "-I", consumer, cwd=elsewhere).split()
    assert out[0] == newer == newest["dataset_version"] and out[3] == str(len(newest["features"]))
    assert out[1] == newest_status(newest, "web_search", "zdr")


def newest_status(data: dict[str, object], feature: str, arrangement: str) -> str:
    features = data["features"]
    assert isinstance(features, list)
    found = next(f for f in features if f["id"] == feature)
    return str(found["eligibility"][arrangement]["status"])


def test_a_missing_dataset_is_one_located_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scraper.publish.package", str(tmp_path / "none.json"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.strip().startswith("retention: error:") and "none.json" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_tool_wheel_ships_the_newest_dataset_and_preflight_uses_it_anywhere(tmp_path: Path) -> None:
    """The tool's own wheel carries dist/retention.json and every copy of the page; run from that
    wheel in another folder, preflight judges by the shipped dataset and says which."""
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "--wheel-dir",
        tmp_path,
        REPO,
    )
    wheel = zipfile.ZipFile(next(tmp_path.glob("retention-*.whl")))
    assert wheel.read("scraper/_shipped/retention.json") == (DIST / "retention.json").read_bytes()
    manifest = json.loads(wheel.read("scraper/_shipped/sources/manifest.json"))
    for copy in manifest["copies"]:
        assert wheel.read(f"scraper/_shipped/sources/{copy['file']}") == (REPO / "sources" / copy["file"]).read_bytes()

    wheel.extractall(tmp_path / "installed")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "body.json").write_text('{"model": "m", "messages": [], "tools": [{"type": "web_fetch_20250910"}]}')
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "installed")}
    preflight = [sys.executable, "-m", "scraper", "preflight", "body.json", "-a", "zdr"]
    done = subprocess.run(preflight, capture_output=True, text=True, cwd=elsewhere, env=env)
    newest = json.loads((DIST / "retention.json").read_text(encoding="utf-8"))
    assert done.returncode in (0, 1) and done.stdout.startswith("zdr: "), done.stderr
    said = f"retention: judging by the dataset shipped with retention: {newest['dataset_version']}"
    assert done.stderr.startswith(said)
    named = subprocess.run(
        [*preflight, "--dataset", DIST / "retention.json"], capture_output=True, text=True, cwd=elsewhere, env=env
    )
    assert named.stdout == done.stdout and named.stderr == ""
    where = [sys.executable, "-c", "import scraper.resources as r; print(r.shipped_dataset())"]
    shipped = subprocess.run(where, capture_output=True, text=True, cwd=elsewhere, env=env).stdout.strip()
    assert shipped == str(tmp_path / "installed" / "scraper" / "_shipped" / "retention.json")
