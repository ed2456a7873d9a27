"""Reassemble the text dump's eligibility table: rows, footnotes, and a tail cut off the end.

When the dump cuts the table, the cut row's remaining cells (one a line) and every later row
come after the page's last block, glued to it. The tail is found from the end of the file and
must account for exactly the missing cells plus whole rows; anything else is refused.
"""

from __future__ import annotations

import re
from typing import Protocol

from schema.span import Span
from scraper.document import Block, Cell, Footnote, Row, Table, TableBlock, Text
from scraper.errors import Exit, Problem, RetentionError, fail
from scraper.frontends.text.ambiguity import Evidence
from scraper.frontends.text.table import RowScan, RowScanner
from scraper.vocabulary import ENDPOINT_PREFIX


class TextFrontEnd(Protocol):
    """What the table reader needs of the dump being read (the front end's state)."""

    lines: list[str]
    end: int
    blocks: list[Block]
    footnotes: list[Footnote]

    evidence: Evidence | None

    def where(self, span: Span) -> str: ...


_FOOTNOTE = re.compile(r"(\d+) (\S.*)")
_BULLET = "•"


def _footnotes(fe: TextFrontEnd, k: int) -> tuple[list[Footnote], int]:
    """Single-line `N text` blocks right after the table."""
    notes: list[Footnote] = []
    while True:
        j = k
        while j < fe.end and not fe.lines[j].strip():
            j += 1
        match = _FOOTNOTE.fullmatch(fe.lines[j].strip()) if j < fe.end else None
        if match is None:
            return notes, k
        col = len(fe.lines[j]) - len(fe.lines[j].lstrip()) + len(match.group(1)) + 2
        notes.append(Footnote(int(match.group(1)), Text(match.group(2).strip(), Span(j + 1, col))))
        k = j + 1


def _is_row(scanner: RowScanner, line: str, lineno: int) -> bool:
    try:
        return ENDPOINT_PREFIX in line and scanner.row(line, lineno).needed <= 1
    except RetentionError as err:
        if err.code == Exit.REFUSED:
            raise  # a row that reads two ways is a row: refused, not taken for something else
        return False


def _fits_cell(scanner: RowScanner, index: int, line: str, lineno: int) -> bool:
    if index >= 2 + scanner.statuses:
        return False  # a details cell could be anything: never enough on its own
    try:
        scanner.cell(index, line, lineno)
    except RetentionError:
        return False
    return True


def _tail_start(fe: TextFrontEnd, scanner: RowScanner, last: RowScan, floor: int) -> int:
    """First line of the cut-off tail: whatever follows the page's last block, glued to it."""
    lines = fe.lines
    stop = fe.end
    while stop > floor and not lines[stop - 1].strip():
        stop -= 1
    start = stop
    while start > floor and lines[start - 1].strip():
        start -= 1
    if start >= stop:
        return stop
    first = lines[start]
    if _is_row(scanner, first, start + 1):
        return _cells_before(fe, scanner, last, start, floor)
    if last.needed and _fits_cell(scanner, len(last.cells), first, start + 1):
        return start
    page_end = start + 1
    if first.strip().startswith(_BULLET):
        while page_end < stop and lines[page_end].strip().startswith(_BULLET):
            page_end += 1
    return page_end


def _cells_before(fe: TextFrontEnd, scanner: RowScanner, last: RowScan, rows: int, floor: int) -> int:
    """Where the tail starts when whole rows end the file: at the cut row's missing cells if they
    end the block before (its empty Details cell was the blank line between), else at the rows."""
    lines, missing = fe.lines, last.needed - 1
    stop = rows
    while stop > floor and not lines[stop - 1].strip():
        stop -= 1
    start = stop - missing
    if missing <= 0 or start <= floor or any(not lines[k].strip() for k in range(start, stop)):
        return rows
    first = len(last.cells)
    if all(_fits_cell(scanner, first + n, lines[start + n], start + n + 1) for n in range(missing)):
        return start
    return rows


def _complete(fe: TextFrontEnd, scanner: RowScanner, last: RowScan, t: int) -> int:
    """Append the cut row's missing cells from the tail; return the next tail line."""
    lines = fe.lines
    for index in range(len(last.cells), scanner.width):
        details = index == scanner.width - 1
        if t >= fe.end or not lines[t].strip():
            if details:
                break
            where = fe.where(last.cells[0].span)
            raise fail("table", f"row {last.cells[0].text!r} is cut and its missing cells were not found", where)
        if details and _is_row(scanner, lines[t], t + 1):
            break
        last.cells.append(scanner.cell(index, lines[t], t + 1))
        t += 1
    return t


def _row(scan: RowScan, width: int) -> Row:
    cells = list(scan.cells)
    if len(cells) == width - 1:
        end = cells[-1].span
        cells.append(Cell(text="", span=Span(end.line, end.col + len(cells[-1].text))))
    return Row(cells=tuple(cells), span=cells[0].span)


class _Problems:
    """Row problems collected, so that a page with several bad rows reports every one."""

    def __init__(self) -> None:
        self.found: list[Problem] = []
        self.code = Exit.REFUSED  # only rows that read two ways: refused (4); anything else: 2

    def scan(self, scanner: RowScanner, line: str, lineno: int) -> RowScan | None:
        try:
            return scanner.row(line, lineno)
        except RetentionError as err:
            self.found += err.problems
            if err.code != Exit.REFUSED:
                self.code = Exit.BAD_INPUT
            return None

    def add(self, kind: str, message: str, where: str) -> None:
        self.found.append(Problem(kind, message, where))
        self.code = Exit.BAD_INPUT

    def raise_any(self) -> None:
        if self.found:
            raise RetentionError(self.found, self.code)


def read_table(fe: TextFrontEnd, i: int, header: tuple[Cell, ...]) -> int:
    """Read the table whose header is line `i`; return the index after its footnotes."""
    lines = fe.lines
    j = i + 1
    while j < fe.end and lines[j].strip() and not _FOOTNOTE.fullmatch(lines[j].strip()):
        j += 1
    notes, after = _footnotes(fe, j)
    scanner = RowScanner(len(header) - 3, {n.number for n in notes}, fe.where, fe.evidence)
    problems = _Problems()
    scans = [problems.scan(scanner, lines[k], k + 1) for k in range(i + 1, j)]
    for k, scan in zip(range(i + 1, j - 1), scans[:-1], strict=False):
        if scan is not None and scan.needed > 1:
            problems.add(
                "table", f"row is missing {scan.needed} of its {scanner.width} cells", fe.where(Span(k + 1, 1))
            )
    if scans and scans[-1] is None:
        problems.raise_any()  # the row a cut would continue is unreadable: the tail cannot be matched
    last = scans[-1] if scans and scans[-1] is not None else RowScan(cells=[], needed=0)
    tail = _tail_start(fe, scanner, last, after)
    t = _complete(fe, scanner, last, tail) if last.needed else tail
    scans += _tail_rows(fe, scanner, t, problems)
    problems.raise_any()
    fe.end = tail  # the tail is the table's: the page (and any later table) ends before it
    if not scans:
        raise fail("table", "table header without rows", fe.where(header[0].span))
    rows = tuple(_row(scan, scanner.width) for scan in scans if scan is not None)
    fe.blocks.append(TableBlock(Table(header=header, rows=rows, span=header[0].span)))
    fe.footnotes.extend(notes)
    return after


def _tail_rows(fe: TextFrontEnd, scanner: RowScanner, t: int, problems: _Problems) -> list[RowScan | None]:
    scans: list[RowScan | None] = []
    for k in range(t, fe.end):
        line = fe.lines[k]
        if not line.strip():
            continue
        scan = problems.scan(scanner, line, k + 1)
        if scan is not None and scan.needed > 1:
            problems.add("table", f"fragment left over after the page: {line.strip()[:40]!r}", fe.where(Span(k + 1, 1)))
        scans.append(scan)
    return scans
