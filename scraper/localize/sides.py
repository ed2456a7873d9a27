"""The two sides of a drift report: the English page (a page or a dataset, compiled in English)
and the localized copy (a page, read in its language and matched, or a dataset already keyed)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from schema import models as m
from schema.drift import Drift
from scraper import compiler, dataset_io, diff_input, source
from scraper.errors import fail
from scraper.localize import drift, match
from scraper.source import Format


@dataclass(frozen=True)
class Report:
    """A copy's drift: the copy (rows under English ids where matched) and its differences."""

    copy: m.Dataset
    matching: match.Matching
    found: list[Drift]


def english_side(path: Path, max_bytes: int, fmt: Format | None = None) -> m.Dataset:
    """The English page or dataset at `path`; a copy in another language is refused."""
    data = diff_input.load(path, max_bytes, fmt)
    if data.source.locale != "en":
        raise fail("locale", f"the English side is in {data.source.locale!r}; give the English page", str(path))
    return data


def compare(english: m.Dataset, english_origin: str, page: source.Source, dataset: bool = False) -> Report:
    """Read the copy `page` (a dataset when `dataset`) and report its drift from `english`."""
    copy = dataset_io.loads(page.text, page.origin) if dataset else compiler.read_rows(page)
    if copy.source.locale == "en":
        raise fail("locale", "this copy is in English: compare English copies with `retention diff`", page.origin)
    pairs = match.by_id(copy, english) if dataset else match.pairing(copy, english, english_origin, page.origin)
    return Report(copy, pairs, drift.drift(english, copy, pairs, page.origin))


def localized_side(path: Path, max_bytes: int, fmt: Format | None, locale: str | None) -> tuple[source.Source, bool]:
    """The copy's bytes, with the locale the command gives (if any), and whether it is a dataset
    (whatever `fmt` says: it names the form of a page only)."""
    page = source.read(path, fmt, max_bytes)
    return replace(page, locale=locale), diff_input.is_dataset(page.text)
