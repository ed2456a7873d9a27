"""Golden files: the April dump's dataset (the text front end's case), the exported JSON Schema,
the committed dist/ and sources/."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from schema.export import SCHEMA_PATH, schema_json
from scraper.compiler import compile_source
from scraper.dataset_io import dumps
from scraper.publish.replay import replay
from scraper.resources import read_manifest
from scraper.source import read
from tests.conftest import BUNDLED, CORPUS, GOLDEN

REPO = Path(__file__).resolve().parent.parent


def test_bundled_copy_matches_golden_dataset() -> None:
    """If this fails after a deliberate change, run `make golden` and review the diff."""
    assert dumps(compile_source(read(BUNDLED))) == (GOLDEN / "bundled.json").read_text(encoding="utf-8")


def test_json_schema_has_not_drifted_from_the_models() -> None:
    """If this fails, run `make golden`: consumers in other languages read the exported schema."""
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_json()


def test_committed_dist_is_the_replayed_history(tmp_path: Path) -> None:
    """dist/ is what `make history` makes of sources/manifest.json, byte for byte: the newest copy
    published last, every earlier one in history/. If this fails, run `make history`."""
    copies = read_manifest(REPO / "sources" / "manifest.json")
    replay(copies, tmp_path / "dist")
    ours = {p.relative_to(tmp_path / "dist"): p.read_bytes() for p in (tmp_path / "dist").rglob("*") if p.is_file()}
    committed = {p.relative_to(REPO / "dist"): p.read_bytes() for p in (REPO / "dist").rglob("*") if p.is_file()}
    assert sorted(map(str, committed)) == sorted(map(str, ours))
    assert committed == ours
    published = json.loads((REPO / "dist" / "retention.json").read_text(encoding="utf-8"))
    assert published["source"]["sha256"] == hashlib.sha256(copies[-1].path.read_bytes()).hexdigest()


def test_sources_are_the_copies_as_found() -> None:
    """The manifest pins each copy's sha256 (reading it refuses a changed byte); the copies in
    tests/corpus (the April dump is the text front end's case) are the same files."""
    copies = read_manifest(REPO / "sources" / "manifest.json")
    assert [c.path.name for c in copies][-1] == "en-md-2026-09-26.md"
    in_tests = [c for c in copies if (CORPUS / c.path.name).exists()]
    assert BUNDLED.name in {c.path.name for c in in_tests}
    for copy in in_tests:
        assert copy.path.read_bytes() == (CORPUS / copy.path.name).read_bytes(), copy.path.name
