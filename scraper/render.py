"""Everything `build` publishes, rendered from one dataset: file name -> content."""

from __future__ import annotations

from schema.models import Dataset
from scraper.dataset_io import dumps

DATASET = "retention.json"


def outputs(dataset: Dataset) -> dict[str, str]:
    """The files of dist/ (besides history) for `dataset`, by name relative to dist/."""
    return {DATASET: dumps(dataset)}
