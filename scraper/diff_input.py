"""Either side of a diff: a published dataset JSON, or a page in any form that is compiled."""

from __future__ import annotations

import json
from pathlib import Path

from schema.models import Dataset
from scraper import compiler, dataset_io, source
from scraper.source import DEFAULT_MAX_BYTES


def is_dataset(text: str) -> bool:
    """A JSON object carrying `schema_version` is a dataset; anything else is a page."""
    if not text.lstrip().startswith("{"):
        return False
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return False
    return isinstance(value, dict) and "schema_version" in value


def load(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Dataset:
    """The dataset at `path`, schema- and rule-checked; a page is compiled (which checks it)."""
    src = source.read(path, None, max_bytes)
    if not is_dataset(src.text):
        return compiler.compile_source(src)
    data = dataset_io.loads(src.text, src.origin)
    compiler.check(data, src.origin, in_source=False)
    return data
