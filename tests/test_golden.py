"""Golden files: the bundled copy's dataset, the exported JSON Schema, the committed dist/."""

from __future__ import annotations

import json
from pathlib import Path

from schema.export import SCHEMA_PATH, schema_json
from scraper.compiler import compile_source
from scraper.dataset_io import dumps
from scraper.source import read
from tests.conftest import BUNDLED, GOLDEN

REPO = Path(__file__).resolve().parent.parent


def test_bundled_copy_matches_golden_dataset() -> None:
    """If this fails after a deliberate change, run `make golden` and review the diff."""
    assert dumps(compile_source(read(BUNDLED))) == (GOLDEN / "bundled.json").read_text(encoding="utf-8")


def test_json_schema_has_not_drifted_from_the_models() -> None:
    """If this fails, run `make golden`: consumers in other languages read the exported schema."""
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_json()


def test_published_dataset_is_the_bundled_copy() -> None:
    """dist/retention.json is what `make build` makes of the bundled copy (same bytes but the version)."""
    published = json.loads((REPO / "dist" / "retention.json").read_text(encoding="utf-8"))
    golden = json.loads((GOLDEN / "bundled.json").read_text(encoding="utf-8"))
    assert published["source"]["sha256"] == golden["source"]["sha256"]
    assert {**published, "dataset_version": "0.0.0"} == golden


def test_bundled_source_is_the_corpus_copy_byte_for_byte() -> None:
    assert (REPO / "sources" / BUNDLED.name).read_bytes() == BUNDLED.read_bytes()
