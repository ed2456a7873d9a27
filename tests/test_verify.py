"""A dist/ edited by hand is named, never trusted: `retention verify` and every build refuse it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BUNDLED, CliRun

CHANGED = BUNDLED.read_text(encoding="utf-8").replace("Count tokens before", "Count the tokens before", 1)


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def two_versions(tmp_path: Path, cli: CliRun) -> Path:
    dist = tmp_path / "dist"
    page = tmp_path / "changed.txt"
    page.write_text(CHANGED, encoding="utf-8")
    assert cli("build", str(BUNDLED), "--dist", str(dist), "--accept").code == 0  # the dump lost its FAQ
    assert cli("build", str(page), "--dist", str(dist)).code == 0
    return dist


def edit_history(dist: Path) -> str:
    path = dist / "history" / "1.0.0.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["details"] = "Something that was never said."
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return "history/1.0.0.json"


def hand_set_version(dist: Path) -> str:
    path = dist / "retention.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"1.0.1"', '"7.0.0"', 1), encoding="utf-8")
    return "retention.json"


def drop_changelog_section(dist: Path) -> str:
    path = dist / "CHANGELOG.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## 1.0.0", "## one", 1), encoding="utf-8")
    return "CHANGELOG.md"


def unlink(name: str) -> Callable[[Path], str]:
    def edit(dist: Path) -> str:
        (dist / name).unlink()
        return name if name != "history/1.0.0.json" else "history/manifest.json"

    return edit


EDITS: dict[str, Callable[[Path], str]] = {
    "history file deleted": unlink("history/1.0.0.json"),
    "manifest deleted": unlink("history/manifest.json"),
    "retention.json deleted": unlink("retention.json"),
    "CHANGELOG deleted": unlink("CHANGELOG.md"),
    "history file edited": edit_history,
    "version set by hand": hand_set_version,
    "CHANGELOG section gone": drop_changelog_section,
}


def test_a_published_dist_verifies(two_versions: Path, cli: CliRun) -> None:
    result = cli("verify", "--dist", str(two_versions))
    assert result.code == 0 and "verified (dataset 1.0.1, 2 history versions agree)" in result.out


@pytest.mark.parametrize("edit", sorted(EDITS), ids=sorted(EDITS))
def test_a_hand_edited_dist_is_refused_naming_the_file(edit: str, two_versions: Path, cli: CliRun) -> None:
    named = EDITS[edit](two_versions)
    before = tree(two_versions)
    for args in (("verify",), ("build",)):
        result = cli(*args, "--dist", str(two_versions))
        assert result.code == 2 and "Traceback" not in result.err, result.err
        assert str(two_versions / named) in result.err, result.err
        assert result.out == ""
    assert tree(two_versions) == before


def test_a_dist_from_a_tool_before_hashes_adopts_a_newer_dataset(two_versions: Path, cli: CliRun) -> None:
    manifest_path = two_versions / "history" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest_path.write_text(json.dumps({v: {"format": e["format"]} for v, e in manifest.items()}), encoding="utf-8")
    hand_set_version(two_versions)  # a hash-era dist refuses this; an older tool's is adopted
    assert cli("verify", "--dist", str(two_versions)).code == 0
