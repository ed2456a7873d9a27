"""The pipeline: source -> Document -> Dataset, checked by the schema's semantic rules."""

from __future__ import annotations

from schema.models import Dataset
from scraper import frontends, validate
from scraper.extract import extract
from scraper.frontends.text.ambiguity import Evidence
from scraper.source import Source


def compile_source(source: Source, evidence: Evidence | None = None) -> Dataset:
    """Parse, extract and check one page; raises RetentionError with every problem found.
    `evidence` (the published version, --accept) settles rows a text dump glues ambiguously."""
    dataset = extract(source, frontends.parse(source, evidence))
    validate.check(dataset, source.origin, in_source=True)
    return dataset
