"""Either side of a diff: a published dataset JSON, or a page in any form that is compiled."""

from __future__ import annotations

from pathlib import Path

from schema.models import Dataset
from scraper import compiler, dataset_io, source
from scraper.source import DEFAULT_MAX_BYTES, Format


def is_dataset(text: str) -> bool:
    """A JSON object is read as a dataset (and refused as one if it is not); anything else is a
    page. No page form starts with `{`."""
    return text.lstrip().startswith("{")


def load(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, fmt: Format | None = None) -> Dataset:
    """The dataset at `path`, schema- and rule-checked; a page is compiled (which checks it).
    A dataset is read as one whatever `fmt` says: `fmt` names the form of a page only."""
    src = source.read(path, fmt, max_bytes)
    if is_dataset(src.text):
        return dataset_io.loads(src.text, src.origin)
    return compiler.compile_source(src)
