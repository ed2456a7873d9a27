"""Everything `build` publishes, rendered from one dataset: file name -> content."""

from __future__ import annotations

from scraper.dataset_io import dumps
from schema.models import Dataset

DATASET = "retention.json"


def outputs(dataset: Dataset) -> dict[str, str]:
    """The files of dist/ (besides history) for `dataset`, by name relative to dist/."""
    return {DATASET: dumps(dataset)}
