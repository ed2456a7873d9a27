"""pandoc's own Markdown tables (`pandoc -t markdown`): simple, multiline and grid tables.

pandoc writes the table the shortest way its cells allow: a simple table (a header line, a line
of dash runs, one row a line, a blank line), a multiline table (the same between two full dash
lines, rows of several lines separated by blank lines) or a grid table (`+---+` borders, `|`
between cells, `+===+` under the header). All keep every cell: the columns are where the dash
runs (or the `+`s) are, and a cell's text is the column's slice of each of its lines, joined
as wrapped lines are, then read as a pipe table's cell is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from schema.span import Span
from scraper.document import Cell, Row, Table
from scraper.frontends.markdown import inline as md_inline
from scraper.frontends.markdown import lines as ml
from scraper.frontends.markdown.attributes import check_cell

Where = Callable[[Span], str]

_RUNS = re.compile(r"[ \t]*-+(?:[ \t]+-+)+[ \t]*")  # a simple or multiline table's column line
_FULL = re.compile(r"[ \t]*-{3,}[ \t]*")  # a multiline table's top and bottom line
_BORDER = re.compile(r"[ \t]*\+(?:[-=:]+\+)+[ \t]*")  # a grid table's border


def _columns(line: str, mark: str) -> list[int]:
    """Where each column starts: each run of dashes (`mark` " "), or after each `+` (mark "+")."""
    if mark == "+":
        return [m.start() + 1 for m in re.finditer(r"\+", line)][:-1]
    return [m.start() for m in re.finditer(r"-+", line)]


def _slice(line: str, start: int, stop: int | None) -> str:
    """The characters of `line` between display columns `start` and `stop`: pandoc aligns by
    display width, where a Chinese character takes two columns."""
    if line.isascii():  # a column a character
        return line[start:stop]
    out, col = [], 0
    for char in line:
        if col >= start and (stop is None or col < stop):
            out.append(char)
        col += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return "".join(out)


def _cells(rows: list[tuple[int, str]], starts: list[int], where: Where, skip: int = 0) -> list[Cell]:
    """One cell per column: the slice of each line between its start and the next column's,
    joined; `skip` drops a grid's `|` before each cell. A status cell whose attribute and word
    disagree is refused (`where` names its place)."""
    cells = []
    for c, start in enumerate(starts):
        stop = starts[c + 1] - skip if c + 1 < len(starts) else None
        slices = [(j, start, _slice(line, start, stop).rstrip().rstrip("|")) for j, line in rows]
        check_cell(slices, where)
        parts = [piece.strip() for _, _, piece in slices]
        read = md_inline.parse(ml.join_wrapped([p for p in parts if p]))
        cells.append(Cell(read.text, Span(rows[0][0] + 1, start + 1), tuple(read.marks), tuple(read.links)))
    return cells


def starts_table(lines: list[str], i: int, end: int) -> bool:
    """Line `i` opens a grid, multiline or simple table that `read` can read before line `end`."""
    line = lines[i]
    nxt = lines[i + 1] if i + 1 < end else ""
    if line.lstrip()[:1] not in ("+", "-") and not nxt.lstrip().startswith("-"):
        return False  # none of the three opens here: most lines
    if _BORDER.fullmatch(line) and "-" in line:
        return nxt.strip().startswith("|")
    if _FULL.fullmatch(line):  # a multiline table: the header (a line or two), then its column line
        header = bool(nxt.strip()) and not _RUNS.fullmatch(nxt)
        return header and any(_RUNS.fullmatch(x) for x in lines[i + 2 : min(i + 4, end)])
    return bool(line.strip()) and "|" not in line and bool(_RUNS.fullmatch(nxt)) and _simple(lines, i, end)


def _simple(lines: list[str], i: int, end: int) -> bool:
    """A simple table opens on line `i`: its header's words stand over the dash runs of the next
    line (none in the gaps between them, where pandoc puts only spaces), and a row is right under
    them. A paragraph line over a `- - -` rule is no table."""
    header, dashes = lines[i], lines[i + 1]
    below = lines[i + 2] if i + 2 < end else ""
    if _RUNS.fullmatch(header) or not below.strip() or _RUNS.fullmatch(below):
        return False
    gaps = [0] + [m.end() for m in re.finditer(r"-+", dashes)]
    starts = _columns(dashes, " ")
    return all(not _slice(header, gap, start).strip() for gap, start in zip(gaps[:-1], starts, strict=True))


def read(lines: list[str], i: int, end: int, where: Where) -> tuple[Table, int]:
    """The table opening on line `i` and the line after it; `where` names a refused cell's place."""
    if _BORDER.fullmatch(lines[i]):
        return _grid(lines, i, end, where)
    multiline = bool(_FULL.fullmatch(lines[i]))
    k = i + 1 if multiline else i
    head_end = next(j for j in range(k, end) if _RUNS.fullmatch(lines[j]))
    starts = _columns(lines[head_end], " ")
    header = _cells([(j, lines[j]) for j in range(k, head_end)], starts, where)
    rows: list[Row] = []
    block: list[tuple[int, str]] = []
    j = head_end + 1
    while j < end and not _FULL.fullmatch(lines[j]) and not ml.WRAPPER_LINE.fullmatch(lines[j].strip()):
        if not multiline and (not lines[j].strip() or _RUNS.fullmatch(lines[j])):
            break
        if lines[j].strip():
            block.append((j, lines[j]))
        if block and (not multiline or not lines[j].strip()):  # a row: one line, or up to a blank line
            cells = _cells(block, starts, where)
            rows.append(Row(tuple(cells), cells[0].span))
            block = []
        j += 1
    if block:
        cells = _cells(block, starts, where)
        rows.append(Row(tuple(cells), cells[0].span))
    j += 1 if multiline and j < end else 0
    return Table(tuple(header), tuple(rows), Span(i + 1, ml.indent(lines[i]) + 1)), j


def _grid(lines: list[str], i: int, end: int, where: Where) -> tuple[Table, int]:
    starts = _columns(lines[i], "+")
    groups: list[tuple[bool, list[Cell]]] = []
    block: list[tuple[int, str]] = []
    j = i + 1
    while j < end and (lines[j].strip().startswith("|") or _BORDER.fullmatch(lines[j])):
        if _BORDER.fullmatch(lines[j]):
            groups.append(("=" in lines[j], _cells(block, starts, where, skip=1)))
            block = []
        else:
            block.append((j, lines[j]))
        j += 1
    if block:  # the last row group, its closing border missing: kept, as a reader sees it
        groups.append((False, _cells(block, starts, where, skip=1)))
    header = groups[0][1] if groups and groups[0][0] else []
    body = groups[1:] if header else groups
    rows = tuple(Row(tuple(cells), cells[0].span) for _, cells in body)
    return Table(tuple(header), rows, Span(i + 1, ml.indent(lines[i]) + 1)), j
