"""The eligibility table of a flattened text dump: cells glued together, rows possibly cut.

A row is `<feature><endpoint cell><status>[marks]...<details>` with no separators. Cell
boundaries come from what each column can hold: the endpoint cell is one or more lowercase
`/v1/...` paths with optional `(...)` qualifiers; a status is `Yes (qualified)`, `Yes` or `No`;
marks are footnote numbers (only numbers the footnote list defines), the rest is details.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from schema.span import Span
from scraper.document import Cell
from scraper.errors import fail
from scraper.frontends.text.ambiguity import Evidence, Reading, choose
from scraper.vocabulary import (
    ENDPOINT_PATH,
    ENDPOINT_PREFIX,
    ENDPOINT_SEPARATORS,
    ENGLISH,
    FROM_SUPERSCRIPT,
    SUPERSCRIPTS,
)

_ENDPOINT = ENDPOINT_PATH + r"(?: ?\([^()]*\))?"
_MARKDOWN_LINK = re.compile(r"\[[^\[\]]+\]\([^()\s][^()]*\)")
_JOIN = "|".join(re.escape(s) for s in ENDPOINT_SEPARATORS)
ENDPOINTS_RE = re.compile(rf"{_ENDPOINT}(?:(?:{_JOIN}){_ENDPOINT})*")
STATUS_RE = ENGLISH.status_regex()
_HEADER_START = re.compile(rf"{ENGLISH.feature_column}\s*{ENGLISH.endpoint_column}\s*")
_ELIGIBLE = ENGLISH.eligible_suffix.strip()
_DIGITS = re.compile(r"[0-9]+")
_SUPER = re.compile(rf"[{SUPERSCRIPTS}]+(?:[ ,]*[{SUPERSCRIPTS}]+)*")
_EXPECTED = " or ".join(w for w in ENGLISH.statuses if w[0].isupper())

Where = Callable[[Span], str]


def parse_header(line: str, lineno: int) -> tuple[Cell, ...] | None:
    """Header cells if `line` is the table's glued header line, else None.

    `FeatureEndpointZDR eligibleHIPAA eligibleDetails`: Feature, Endpoint, one or more
    "<X> eligible" columns, then the details column (whatever follows the last "eligible").
    """
    text = line.strip()
    match = _HEADER_START.match(text)
    last = text.rfind(_ELIGIBLE)
    if match is None or last < match.end():
        return None
    details = text[last + len(_ELIGIBLE) :].strip()
    prefixes = [p.strip() for p in text[match.end() : last].split(_ELIGIBLE)]
    if not details or not all(prefixes):
        return None
    names = [ENGLISH.feature_column, ENGLISH.endpoint_column, *(p + ENGLISH.eligible_suffix for p in prefixes), details]
    cells, pos = [], 0
    for name in names:
        pos = line.find(name, pos)
        if pos < 0:
            return None  # spacing inside a column name differs from its normalised form
        cells.append(Cell(text=name, span=Span(lineno, pos + 1)))
        pos += len(name)
    return tuple(cells)


@dataclass
class RowScan:
    """The cells read from one line; `needed` counts the cells that did not fit on it."""

    cells: list[Cell]
    needed: int


class RowScanner:
    """Reads rows and single cells for a table with `statuses` status columns."""

    def __init__(self, statuses: int, notes: set[int], where: Where, evidence: Evidence | None = None) -> None:
        self.statuses = statuses
        self.notes = notes
        self.where = where
        self.width = statuses + 3
        self.evidence = evidence
        self.name = ""  # the row being read, to look up what the published version says of it

    def row(self, line: str, lineno: int) -> RowScan:
        """Scan a glued row; a line that stops early is a partial row (the table was cut)."""
        start = len(line) - len(line.lstrip())
        text = line.rstrip()
        at = text.find(ENDPOINT_PREFIX, start)
        if at < 0:
            return RowScan([self._cell(text[start:], lineno, start)], self.width - 1)
        if not text[start:at].strip():
            raise fail("table", "row has no feature name", self.where(Span(lineno, start + 1)))
        cells = [self._name(text[start:at], lineno, start)]
        self.name = cells[0].text
        match = ENDPOINTS_RE.match(text, at)
        assert match is not None  # the text at `at` starts with /v1/
        cells.append(self._cell(match.group(), lineno, at))
        pos = match.end()
        for column in range(self.statuses):
            if pos >= len(text):
                return RowScan(cells, self.width - len(cells))
            cell, pos = self._status(text, pos, lineno, column == self.statuses - 1)
            cells.append(cell)
        details = text[pos:].strip()
        if details:
            cells.append(self._cell(text[pos:], lineno, pos))
            return RowScan(cells, 0)
        return RowScan(cells, 1)

    def cell(self, index: int, line: str, lineno: int) -> Cell:
        """Read one cell standing alone on a line (the tail of a cut row)."""
        start = len(line) - len(line.lstrip())
        text = line.rstrip()
        if index == 1 and not ENDPOINTS_RE.fullmatch(text, start):
            raise fail(
                "table", f"expected an endpoint cell, found {text[start:]!r}", self.where(Span(lineno, start + 1))
            )
        if 2 <= index < 2 + self.statuses:
            cell, pos = self._status(text, start, lineno, last=True, alone=True)
            if pos != len(text):
                raise fail(
                    "table", f"unexpected text after the status: {text[pos:]!r}", self.where(Span(lineno, pos + 1))
                )
            return cell
        return self._cell(text[start:], lineno, start)

    def _cell(self, raw: str, lineno: int, offset: int) -> Cell:
        lead = len(raw) - len(raw.lstrip())
        return Cell(text=raw.strip(), span=Span(lineno, offset + lead + 1))

    def _name(self, raw: str, lineno: int, offset: int) -> Cell:
        """The feature name cell; one that is a Markdown link (`[Web search](…)`, inscriptis with
        `display_links`) is a converter's flattened table, not a crawler's dump: refused (a
        details cell may quote a link as text)."""
        link = _MARKDOWN_LINK.search(raw)
        if link is not None:
            message = f"the feature name is a Markdown link {link.group()!r}, which no text dump has"
            raise fail("table", message, self.where(Span(lineno, offset + link.start() + 1)))
        return self._cell(raw, lineno, offset)

    def _status(self, text: str, pos: int, lineno: int, last: bool, alone: bool = False) -> tuple[Cell, int]:
        while pos < len(text) and text[pos] in " \t":
            pos += 1  # dumps that keep a separator between cells
        match = STATUS_RE.match(text, pos)
        if not match:
            shown = text[pos : pos + 20]
            raise fail(
                "status",
                f"unknown status word at {shown!r}: expected {_EXPECTED}",
                self.where(Span(lineno, pos + 1)),
            )
        marks, end = self._marks(text, match.end(), lineno, last, alone)
        return Cell(text=match.group(), span=Span(lineno, pos + 1), marks=tuple(marks)), end

    def _marks(self, text: str, pos: int, lineno: int, last: bool, alone: bool) -> tuple[list[int], int]:
        """Footnote marks after a status: superscripts always; ASCII digits unless they begin the
        details. Where glued digits read both ways, the published version or --accept decides."""
        if sup := _SUPER.match(text, pos):
            numbers = [int(n.translate(FROM_SUPERSCRIPT)) for n in re.split(r"[ ,]+", sup.group())]
            return self._known(numbers, lineno, pos), sup.end()
        marks: list[int] = []
        while (match := _DIGITS.match(text, pos)) is not None:
            after = text[match.end() : match.end() + 2]
            if last and not alone:
                reading = self._glued(text, pos, match.group(), tuple(marks), lineno)
                marks += self._known(list(reading.marks), lineno, pos)
                if reading.details_at != match.end() or not (after[:1] == " " and after[1:2].isdigit()):
                    return marks, reading.details_at
                pos = match.end() + 1
                continue
            marks += self._known([int(match.group())], lineno, pos)
            pos = match.end()
            if not (after[:1] == " " and after[1:2].isdigit()):
                break
            pos += 1
        return marks, pos

    def _known(self, marks: list[int], lineno: int, pos: int) -> list[int]:
        for number in marks:
            if number not in self.notes:
                raise fail("footnote", f"footnote mark {number} has no footnote", self.where(Span(lineno, pos + 1)))
        return marks

    def _glued(self, text: str, pos: int, digits: str, before: tuple[int, ...], lineno: int) -> Reading:
        """Digits glued between the last status and the details: marks, details, or both readings."""
        end = pos + len(digits)
        after = text[end : end + 2]
        whole = Reading((int(digits),), end)
        if _looks_like_mark_end(after) and not _acronym(after):
            return whole
        readings = [Reading((), pos)]  # the digits begin the details
        if _acronym(after) and int(digits) in self.notes:
            readings.append(whole)
        for cut in range(1, len(digits) - 1):  # a mark glued to a number of two digits or more
            if int(digits[:cut]) in self.notes and digits[cut] != "0":
                readings.append(Reading((int(digits[:cut]),), pos + cut))
        if len(readings) == 1:
            return readings[0]
        return choose(self.evidence, self.name, text, before, readings, self.where(Span(lineno, pos + 1)))


def _acronym(after: str) -> bool:
    """`FA` in `2FA`, `D ` in `3D `: a capital not followed by a lowercase letter could be part of
    a token that begins with the digits."""
    return after[:1].isupper() and not after[1:2].islower()


def _looks_like_mark_end(after: str) -> bool:
    """A mark ends the text, is glued to the capitalised details, or is followed by another mark."""
    if not after:
        return True
    if after[0].isupper():
        return True
    return after[0] in " \t" and (after[1:2].isdigit() or after[1:2].isupper())
