"""The pipeline: source -> Document -> Dataset, checked by the schema's semantic rules.

A copy in another language is read in its own words, then its rows are keyed to the English
page's ids (scraper/localize/match.py): `english` supplies the English dataset when needed.
"""

from __future__ import annotations

from collections.abc import Callable

from schema.models import Dataset
from scraper import frontends, validate
from scraper.errors import fail
from scraper.extract import extract
from scraper.source import Source

English = Callable[[], tuple[Dataset, str]]  # the English dataset, and where it was read from


def read_rows(source: Source) -> Dataset:
    """Parse and extract one page in its language's words; ids are not yet checked (a
    localized copy's rows get theirs from the English page)."""
    from scraper.localize.locale import vocabulary_for

    doc = frontends.parse(source)
    return extract(source, doc, vocabulary_for(source, doc))


def compile_source(source: Source, english: English | None = None) -> Dataset:
    """Parse, extract and check one page; raises RetentionError with every problem found."""
    dataset = read_rows(source)
    if dataset.source.locale != "en":
        if english is None:
            raise fail(
                "locale",
                f"a copy in {dataset.source.locale!r} is read against the English page: "
                "compile it with `retention compile COPY --english PAGE|DATASET`",
                f"{source.origin}:1:1",
            )
        from scraper.localize.match import keyed

        dataset = keyed(dataset, *english(), source)
    validate.check(dataset, source.origin, in_source=True)
    return dataset
