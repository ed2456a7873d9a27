"""Extract: takes a Document, gives the Dataset; the only stage that knows this page's domain.

Reads the eligibility table into features, arrangements and footnotes. Problems are collected,
not raised one at a time, so a bad page reports all of them.
"""

from __future__ import annotations

import re

from schema import lookalike
from schema import models as m
from schema.span import Span
from scraper.document import Cell, Document, Row, Table
from scraper.errors import Problem, RetentionError
from scraper.extract import cells, missing
from scraper.extract.legend import unknown_terms
from scraper.extract.page import page
from scraper.extract.scopes import arrangement_id, arrangements, unnamed
from scraper.source import Source
from scraper.vocabulary import ENGLISH, FROM_SUPERSCRIPT, SUPERSCRIPTS, Vocabulary

_FLATTENED = re.compile(r"(.*?[^\d\s,;])\s*(\d+(?:[\s,]+\d+)*)")
_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPTS}]")
_SUPERSCRIPT_RUN = re.compile(f"([{SUPERSCRIPTS}]+)")
_NUMBER = re.compile(r"\d+")
MAX_ROWS = 1000  # the page has ~30; far more is a broken or hostile page, not a table to publish
MAX_CELL = 10_000  # characters in one cell


def status_and_marks(cell: Cell, words: Vocabulary = ENGLISH) -> tuple[str | None, tuple[int, ...]]:
    """The status word and marks of a status cell; `Yes1 2` (marks a converter flattened) and
    `Yes¹ ²` (superscript digits) count too."""
    text = cell.text
    if not text.isascii():  # superscript digits are not ASCII: most cells need no translating
        text = _SUPERSCRIPT_RUN.sub(r" \1", text).translate(FROM_SUPERSCRIPT)
    text = text.strip().rstrip(",; ")
    status = words.status(text)
    if status is not None:
        return status, cell.marks
    match = _FLATTENED.fullmatch(text)
    flattened = words.status(match.group(1)) if match else None
    if match and flattened is not None:
        marks = tuple(int(n) for n in _NUMBER.findall(match.group(2)))
        return flattened, cell.marks + marks
    return None, cell.marks


class Extractor:
    def __init__(self, source: Source, doc: Document, words: Vocabulary = ENGLISH) -> None:
        self.source = source
        self.doc = doc
        self.words = words
        self.problems: list[Problem] = []

    def problem(self, kind: str, message: str, cell: Cell) -> None:
        self.problems.append(Problem(kind, message, self.source.where(cell.span)))

    def table(self) -> Table | None:
        tables = eligibility_tables(self.doc, self.words)
        if not tables:
            found = missing.diagnose(self.source) or missing.no_table(self.source, self.words, self.doc.tables())
            self.problems.append(found)
            return None
        if len(tables) > 1:
            self.problem("table", f"{len(tables)} feature eligibility tables; expected one", tables[1].header[0])
        return tables[0]

    def feature(self, row: Row, columns: list[tuple[str, str]], notes: set[int]) -> cells.Data | None:
        """One row as a `Feature`'s fields (validated once, with the dataset); `columns`: each
        status column's title and arrangement id."""
        last = row.cells[-1]
        if len(row.cells) == len(columns) + 2 and status_and_marks(last, self.words)[0] is not None:
            # only an empty Details cell may be left out (html2text drops it): the last cell is a status
            row = Row((*row.cells, Cell("", Span(last.span.line, last.span.col + len(last.text)))), row.span)
        if len(row.cells) != len(columns) + 3:
            self.problem("table", f"row has {len(row.cells)} cells, the header {len(columns) + 3}", row.cells[0])
            return None
        name, endpoint_cell, *statuses, details = row.cells
        eligibility: dict[str, cells.Data] = {}
        for (column, key), cell in zip(columns, statuses, strict=True):
            status, marks = status_and_marks(cell, self.words)
            if status is None:
                self.problem("status", f"unknown status {cell.text!r} in column {column!r}", cell)
                continue
            for mark in marks:
                if mark not in notes:
                    self.problem("footnote", f"footnote mark {mark} has no footnote", cell)
            eligibility[key] = {"status": status, "footnotes": sorted(set(marks))}  # validated with the feature
        for cell in (name, endpoint_cell, details):
            if cell.marks:
                self.problem("footnote", f"footnote mark {cell.marks[0]} outside a status cell", cell)
            if not cell.text.isascii() and (sup := _SUPERSCRIPT.search(cell.text)):
                self.problem("footnote", f"superscript mark {sup.group()!r} outside a status cell", cell)
        found = cells.endpoints(endpoint_cell.text, self.words)
        if found is None:
            self.problem("endpoint", f"cannot read endpoint cell {endpoint_cell.text!r}", endpoint_cell)
            found = []
        if not name.text.strip():
            self.problem("table", "row has no feature name", name)
        text = details.text.strip() or None
        return {
            "id": cells.slug(name.text) or "unnamed",
            "name": name.text.strip(),
            "doc_url": cells.url(name.links[0].url) if name.links else None,
            "endpoints": found,
            "eligibility": eligibility,
            "details": text,
            "retention": cells.retention(text),
            "span": name.span,
        }

    def footnotes(self, features: list[cells.Data]) -> list[m.Footnote]:
        result = []
        for note in self.doc.footnotes:
            applies = [
                (f["id"], arr) for f in features for arr, e in f["eligibility"].items() if note.number in e["footnotes"]
            ]
            span = note.body.span
            result.append(m.Footnote(number=note.number, text=note.body.text, applies_to=applies, span=span))
        return result

    def limits(self, table: Table) -> None:
        """Refuse a table too large to be the page's (checked before any row is read)."""
        if len(table.rows) > MAX_ROWS:
            self.problem("limit", f"table has {len(table.rows)} rows, over the limit of {MAX_ROWS}", table.header[0])
            raise RetentionError(self.problems)
        for row in table.rows:
            for cell in row.cells:
                if len(cell.text) > MAX_CELL:
                    self.problem("limit", f"cell of {len(cell.text)} characters, over the limit of {MAX_CELL}", cell)
        if self.problems:
            raise RetentionError(self.problems)

    def header(self, header: tuple[Cell, ...], keys: list[str]) -> None:
        """Refuse, at its cell, a column name that is not what it looks like (it would lose its
        scopes), an eligibility column that names no arrangement, or one naming the arrangement
        of a column before it (its statuses would overwrite the other's)."""
        first: dict[str, int] = {}
        for number, cell in enumerate(header, start=1):
            key = keys[number - 3] if 3 <= number < len(header) else None
            if (why := lookalike.problem(cell.text, identifier=False)) is not None:
                self.problem("lookalike", f"column {cell.text!r}: {why}", cell)
            elif key is None:
                continue
            elif (why := unnamed(cell.text, self.words)) is not None:
                self.problem("table", why, cell)
            elif key in first:
                said = f"column {number} ({cell.text!r}) names arrangement {key!r}, as column {first[key]} does"
                self.problem("table", f"{said}; each eligibility column names its own", cell)
            else:
                first[key] = number

    def dataset(self) -> m.Dataset:
        table = self.table()
        if table is None:
            raise RetentionError(self.problems)
        self.limits(table)
        titles = [c.text for c in table.header[2:-1]]
        columns = [(title, arrangement_id(title, self.words)) for title in titles]
        self.header(table.header, [key for _, key in columns])
        notes = {n.number for n in self.doc.footnotes}
        features = [f for row in table.rows if (f := self.feature(row, columns, notes)) is not None]
        for term, item in unknown_terms(self.doc, self.words):
            self.problems.append(
                Problem("status", f"the legend defines {term!r}, not a known status word", self.source.where(item.span))
            )
        if self.problems:
            raise RetentionError(self.problems)
        source = m.Source(
            url=self.source.url or self.doc.source_url,
            format=self.source.format,
            sha256=self.source.sha256,
            title=self.doc.title,
            date=self.doc.source_date,
            locale=self.words.locale,
        )
        return m.Dataset(
            schema_version=m.SCHEMA_VERSION,
            dataset_version="0.0.0",
            source=source,
            arrangements=arrangements(self.doc, titles, self.words),
            features=features,
            footnotes=self.footnotes(features),
            page=page(self.doc, table, self.words),
        )


def _is_eligibility(table: Table, words: Vocabulary) -> bool:
    """Feature | Endpoint | "<X> eligible"... in the copy's words (or English ones)."""
    names = [c.text.strip() for c in table.header]
    return (
        len(names) >= 4
        and words.is_column(names[0], "feature")
        and words.is_column(names[1], "endpoint")
        and words.arrangement_prefix(names[2]) is not None
    )


def eligibility_tables(doc: Document, words: Vocabulary) -> list[Table]:
    """The page's tables that are eligibility tables in this vocabulary's words."""
    return [t for t in doc.tables() if _is_eligibility(t, words)]


def has_table(doc: Document, words: Vocabulary) -> bool:
    """Whether the page holds an eligibility table in this vocabulary's words."""
    return bool(eligibility_tables(doc, words))


def extract(source: Source, doc: Document, words: Vocabulary = ENGLISH) -> m.Dataset:
    """The dataset of a parsed page, read in `words` (the vocabulary of the page's language);
    raises RetentionError listing every problem found."""
    return Extractor(source, doc, words).dataset()
