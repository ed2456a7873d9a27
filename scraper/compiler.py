"""The pipeline: source -> Document -> Dataset, checked by the schema's semantic rules."""

from __future__ import annotations

from schema.models import Dataset
from scraper import frontends, validate
from scraper.errors import RetentionError
from scraper.extract import extract, missing
from scraper.source import Source


def compile_source(source: Source) -> Dataset:
    """Parse, extract and check one page; raises RetentionError with every problem found, or
    with the one line that says the input's table is flattened or in another form."""
    try:
        dataset = extract(source, frontends.parse(source))
        validate.check(dataset, source.origin, in_source=True)
    except RetentionError as err:
        found = missing.diagnose(source)
        if found is not None:
            raise RetentionError([found], err.code) from None
        raise
    return dataset
