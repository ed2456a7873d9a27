"""The pipeline: source -> Document -> Dataset, checked by the schema's semantic rules.

A copy in another language is read in its own words; its rows get the English page's ids from
`key`, which the command supplies (scraper/localize/match.py), before the rules are checked.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from schema.models import Dataset
from scraper import frontends, other_form, validate
from scraper.errors import RetentionError, fail
from scraper.extract import extract, missing
from scraper.extract.locale import vocabulary_for
from scraper.frontends.text.ambiguity import Evidence
from scraper.source import Source

Key = Callable[[Dataset, Source], Dataset]  # a localized dataset -> the same under English ids


def read_rows(source: Source, evidence: Evidence | None = None) -> Dataset:
    """Parse and extract one page in its language's words; ids are not yet checked (a
    localized copy's rows get theirs from the English page). `evidence` (the published version,
    --accept) settles rows a text dump glues ambiguously."""
    doc = frontends.parse(source, evidence)
    return extract(source, doc, vocabulary_for(source, doc))


def compile_source(source: Source, key: Key | None = None, evidence: Evidence | None = None) -> Dataset:
    """Parse, extract and check one page; raises RetentionError with every problem found, or
    with the one line that says the input's table is flattened or in another form.

    The cyclic garbage collector is paused during the compile (and left as the caller had it):
    the objects a compile holds at once (the Document, the dataset) set off about three
    collections per compile, each traversing the young objects, one in four of them the middle
    generation and one in fifty the whole heap: some 1.5 ms of a 5 ms compile on average.
    Paused, about one collection in four compiles remains, after it. A compile makes little
    cyclic garbage (some 400 objects), bounded by one page.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _compile_or_diagnose(source, key, evidence)
    finally:
        if enabled:
            gc.enable()


def _compile_or_diagnose(source: Source, key: Key | None, evidence: Evidence | None) -> Dataset:
    try:
        return _compile(source, key, evidence)
    except RetentionError as err:
        found = missing.diagnose(source) or other_form.diagnose(source, err, read_rows)
        if found is not None:
            raise RetentionError([found], err.code) from None
        raise


def _compile(source: Source, key: Key | None, evidence: Evidence | None) -> Dataset:
    dataset = read_rows(source, evidence)
    if dataset.source.locale != "en":
        if key is None:
            raise fail(
                "locale",
                f"a copy in {dataset.source.locale!r} is read against the English page: "
                "compile it with `retention compile COPY --english PAGE|DATASET`",
                f"{source.origin}:1:1",
            )
        dataset = key(dataset, source)
    validate.check(dataset, source.origin, in_source=True)
    return dataset
