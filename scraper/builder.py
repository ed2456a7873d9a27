"""`retention build`: compile, validate, version and publish to dist/."""

from __future__ import annotations

from pathlib import Path

from scraper import dataset_io, publish, versioning
from scraper.compiler import compile_source
from scraper.render import DATASET, outputs
from scraper.source import Source


def build(source: Source, dist: Path) -> str:
    """Publish `source` to `dist`; return a one-line report of what was done."""
    dataset = compile_source(source)
    previous_path = dist / DATASET
    previous = dataset_io.read(previous_path) if previous_path.exists() else None
    version = versioning.next_version(previous, dataset)
    dataset = dataset.model_copy(update={"dataset_version": version})
    if not publish.publish(dist, outputs(dataset)):
        return f"{dist}: unchanged (dataset {version}, {len(dataset.features)} features)"
    return f"{dist}: published dataset {version} ({len(dataset.features)} features, {len(dataset.footnotes)} footnotes)"
