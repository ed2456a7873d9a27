"""Publishing history: versions bumped by severity, history never rewritten, the changelog's story."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest

from scraper import dataset_io, source
from scraper.errors import RetentionError
from scraper.publish import versioning
from scraper.publish.build import build
from tests import dumps, md_table
from tests.conftest import BUNDLED, MD_MAY
from tests.diff_pages import april, march_text, may_text


def snapshot(dist: Path) -> dict[str, bytes]:
    return {str(p.relative_to(dist)): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}


def publish(dist: Path, text: str, name: str, accept: bool = False) -> str:
    return build(source.from_bytes(text.encode("utf-8"), name), dist, accept)


def reworded_may() -> str:
    columns, rows, notes = md_table.read(MD_MAY.read_text(encoding="utf-8"))
    rows = [dataclasses.replace(r, details="Standard API calls.") if r.name == "Messages API" else r for r in rows]
    return dumps.dump(columns, rows, notes)


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], dict[str, dict[str, bytes]]]:
    """March, April, April again, May, May reworded, then April again: a dist/ after each."""
    dist = tmp_path_factory.mktemp("story") / "dist"
    april_text = BUNDLED.read_text(encoding="utf-8")
    steps = [("march.txt", march_text()), ("april.txt", april_text), ("april.txt", april_text)]
    steps += [("may.txt", may_text()), ("may-reworded.txt", reworded_may()), ("april.txt", april_text)]
    reports, trees = [], {}
    for i, (name, text) in enumerate(steps):
        reports.append(publish(dist, text, name, accept=i == 0))  # a generated dump: the table alone
        trees[f"{i}:{name}"] = snapshot(dist)
    return dist, reports, trees


def test_versions_follow_severity(story: tuple[Path, list[str], dict[str, dict[str, bytes]]]) -> None:
    dist, reports, _ = story
    assert "published dataset 1.0.0" in reports[0]
    assert "published dataset 1.1.0" in reports[1]  # HIPAA and Advisor tool added: minor
    assert "unchanged" in reports[2]
    assert "published dataset 1.2.0" in reports[3]  # Tool search widened: minor
    assert "published dataset 1.2.1" in reports[4]  # wording only: patch
    assert "published dataset 2.0.0" in reports[5]  # Tool search narrowed again: major
    names = sorted(p.name for p in (dist / "history").iterdir())
    assert names == ["1.0.0.json", "1.1.0.json", "1.2.0.json", "1.2.1.json", "2.0.0.json", "manifest.json"]
    assert dataset_io.load_dataset(dist / "retention.json").dataset_version == "2.0.0"


def test_same_input_twice_writes_nothing(story: tuple[Path, list[str], dict[str, dict[str, bytes]]]) -> None:
    _, _, trees = story
    assert trees["1:april.txt"] == trees["2:april.txt"]


def test_history_is_never_rewritten(story: tuple[Path, list[str], dict[str, dict[str, bytes]]]) -> None:
    dist, _, trees = story
    first = trees["0:march.txt"]["history/1.0.0.json"]
    assert (dist / "history" / "1.0.0.json").read_bytes() == first
    assert json.loads(first)["dataset_version"] == "1.0.0"
    assert (dist / "history" / "2.0.0.json").read_bytes() == (dist / "retention.json").read_bytes()


def test_manifest_names_each_source(story: tuple[Path, list[str], dict[str, dict[str, bytes]]]) -> None:
    dist, _, _ = story
    manifest = json.loads((dist / "history" / "manifest.json").read_text(encoding="utf-8"))
    assert list(manifest) == ["1.0.0", "1.1.0", "1.2.0", "1.2.1", "2.0.0"]
    entry = manifest["1.1.0"]
    assert entry.pop("history_sha256") == hashlib.sha256((dist / "history" / "1.1.0.json").read_bytes()).hexdigest()
    assert entry == {
        "date": None,
        "file": "april.txt",
        "format": "text",
        "sha256": april().source.sha256,
        "url": None,
    }


def test_changelog_tells_the_story_newest_first(story: tuple[Path, list[str], dict[str, dict[str, bytes]]]) -> None:
    dist, _, _ = story
    log = (dist / "CHANGELOG.md").read_text(encoding="utf-8")
    heads = [line for line in log.splitlines() if line.startswith("## ")]
    assert heads == ["## 2.0.0", "## 1.2.1", "## 1.2.0", "## 1.1.0", "## 1.0.0"]
    section = log.split("## 1.1.0")[1].split("## 1.0.0")[0]
    assert "### Minor" in section and "### Patch" in section and "### Major" not in section
    assert "Feature added: Advisor tool" in section and "Arrangement added: HIPAA readiness" in section
    assert "Footnote 1 reworded" in section and "From april.txt" in section
    newest = log.split("## 2.0.0")[1].split("## 1.2.1")[0]
    assert "### Major" in newest and "Tool search: ZDR eligibility narrowed: yes → qualified" in newest
    assert "First published version: 29 features" in log.split("## 1.0.0")[1]


def test_failure_writes_nothing(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    publish(dist, BUNDLED.read_text(encoding="utf-8"), "april.txt", accept=True)  # the dump lost its FAQ
    before = snapshot(dist)
    columns, rows, notes = md_table.read(MD_MAY.read_text(encoding="utf-8"))
    rows[3] = dataclasses.replace(rows[3], statuses=(md_table.Status("Yes", (9,)), *rows[3].statuses[1:]))
    broken = dumps.dump(columns, rows, notes)
    with pytest.raises(RetentionError):
        publish(dist, broken, "broken.txt")
    assert snapshot(dist) == before


def test_a_dataset_published_before_history_is_adopted(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "retention.json").write_text(dataset_io.dumps(april().model_copy(update={"dataset_version": "1.4.0"})))
    report = publish(dist, may_text(), "may.txt")
    assert "published dataset 1.5.0" in report
    assert sorted(p.name for p in (dist / "history").iterdir()) == ["1.4.0.json", "1.5.0.json", "manifest.json"]
    manifest = json.loads((dist / "history" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["1.4.0"]["file"] is None and manifest["1.5.0"]["file"] == "may.txt"


def test_semver_order_not_string_order() -> None:
    assert versioning.latest(["9.1.0", "10.0.0", "2.0.0"]) == "10.0.0"
    assert versioning.next_version("1.9.3", "minor") == "1.10.0"
    assert versioning.next_version("1.9.3", None) == "1.9.3"
    assert versioning.next_version(None, "major") == "1.0.0"
