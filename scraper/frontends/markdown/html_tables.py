"""An HTML `<table>` inside Markdown: how converters keep a table Markdown cannot write.

pandoc `-t commonmark` and `-t markdown_strict` have no pipe tables and write the table as raw
HTML (`<td><a href="…">Messages API</a></td>`, `<sup>1</sup>`), lines wrapped anywhere;
html2text `bypass_tables=True` keeps the `<table>`/`<tr>`/`<td>` tags with Markdown inside the
cells. Both keep every cell, so the table is read: each `<th>`/`<td>`'s content becomes inline
Markdown (`<a href>` a link, `<code>` a code span; other tags vanish as in any Markdown line)
and is read as a pipe table's cell is. `colspan`/`rowspan` are not expanded (as in HTML pages).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from schema.span import Span, span_at
from scraper.document import Cell, Row, Table
from scraper.errors import fail
from scraper.frontends.markdown import inline as md_inline
from scraper.frontends.markdown import lines as ml
from scraper.frontends.markdown.attributes import check_cell

START = re.compile(r"<table\b", re.IGNORECASE)
_END = re.compile(r"</table\s*>", re.IGNORECASE)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?:</tr\s*>|(?=<tr\b)|\Z)", re.IGNORECASE | re.DOTALL)
_CELL = re.compile(r"<(t[hd])\b[^>]*>(.*?)(?:</t[hd]\s*>|(?=<t[hd]\b)|\Z)", re.IGNORECASE | re.DOTALL)
_ANCHOR = re.compile(r"<a\s[^>]*?\bhref=([\"'])(.*?)\1[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
_CODE = re.compile(r"<code\b[^>]*>(.*?)</code\s*>", re.IGNORECASE | re.DOTALL)


def _markdown(content: str) -> str:
    """A cell's HTML as one line of inline Markdown: links and code spans kept, lines joined."""
    content = _ANCHOR.sub(lambda a: f"[{a.group(3)}]({html.unescape(a.group(2))})", content)
    content = _CODE.sub(lambda c: f"`{html.unescape(c.group(1))}`", content)
    return ml.join_wrapped([part.strip() for part in content.splitlines() if part.strip()])


def read_html_table(lines: list[str], i: int, end: int, where: Callable[[Span], str]) -> tuple[Table, int]:
    """The `<table>` opening on line `i` (0-based) and the line after its `</table>`; `where`
    names a place: line `i` for a table never closed, a status cell whose attribute and word
    disagree."""
    close = next((k for k in range(i, end) if _END.search(lines[k])), None)
    if close is None:
        raise fail("structure", "<table> is never closed", where(Span(i + 1, ml.indent(lines[i]) + 1)))
    text = "\n".join(lines[i : close + 1])
    rows: list[tuple[bool, Row]] = []
    for row in _ROW.finditer(text):
        cells = []
        for cell in _CELL.finditer(row.group(1)):
            place = span_at(text, row.start(1) + cell.start())
            check_cell(_pieces(text, row.start(1) + cell.start(2), cell.group(2), i), where)
            read = md_inline.parse(_markdown(cell.group(2)))
            cells.append(Cell(read.text, Span(i + place.line, place.col), tuple(read.marks), tuple(read.links)))
        if cells:
            head = all(c.group(1).lower() == "th" for c in _CELL.finditer(row.group(1)))
            rows.append((head, Row(tuple(cells), cells[0].span)))
    span = Span(i + 1, ml.indent(lines[i]) + 1)
    if not rows or not rows[0][0]:
        return Table((), tuple(r for _, r in rows), span), close + 1
    return Table(rows[0][1].cells, tuple(r for _, r in rows[1:]), span), close + 1


def _pieces(text: str, start: int, content: str, i: int) -> list[tuple[int, int, str]]:
    """A cell's `content` (found at `start` in `text`, the lines from line `i` on) as its lines,
    each with its 0-based line and column."""
    place = span_at(text, start)
    line, col = i + place.line - 1, place.col - 1
    return [(line + n, col if n == 0 else 0, part) for n, part in enumerate(content.split("\n"))]
