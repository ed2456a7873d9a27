"""Pipe tables and the footnotes written under them, read from Markdown lines."""

from __future__ import annotations

import re
from collections.abc import Callable

from schema.span import Span
from scraper.document import Footnote, Row, Table
from scraper.frontends.markdown import lines as ml

ParagraphEnd = Callable[[int, int], int]
_WRAPPER = re.compile(rf"</?div\b[^>]*>|{ml.PANDOC_DIV}")  # pandoc keeps the HTML's wrappers as lines (`:::` divs)


def read_table(lines: list[str], i: int, end: int) -> tuple[Table, int]:
    """The table whose header is line `i` (its separator line `i + 1`), and the line after it.
    Rows keep the cells they have: a row with a missing cell is the extractor's to refuse.

    A header ending in a hard line break (two spaces) is html2text's: every row ends in one,
    and a long row is wrapped onto the next lines at a space, so lines are joined up to it; a
    "row" with no pipe at all is the paragraph after the table."""
    last = ml.header_end(lines, i)
    assert last is not None  # the caller found a table here
    header = tuple(ml.split_row(ml.join_wrapped([x.strip() for x in lines[i : last + 1]]), i + 1))
    wrapped = lines[last].endswith("  ")
    k = last + 2
    rows: list[Row] = []
    while k < end and ("|" in lines[k] or wrapped) and lines[k].strip():
        first = k
        while wrapped and not lines[k].endswith("  ") and k + 1 < end and lines[k + 1].strip():
            k += 1
        text = lines[first] if k == first else ml.join_wrapped([x.strip() for x in lines[first : k + 1]])
        if "|" not in text:  # html2text `single_line_break`: no blank line before the footnotes
            return Table(header, tuple(rows), Span(i + 1, ml.indent(lines[i]) + 1)), first
        cells = tuple(ml.split_row(text, first + 1))
        rows.append(Row(cells, cells[0].span))
        k += 1
    return Table(header, tuple(rows), Span(i + 1, ml.indent(lines[i]) + 1)), k


def read_footnotes(
    lines: list[str], k: int, end: int, before: int, paragraph_end: ParagraphEnd
) -> tuple[list[Footnote], int]:
    """`<sup>N</sup> text` (or `^N^ text`, `[^N]: text`, or `N text` for the next N after the `before`
    footnotes already read) paragraphs right under a table, and the line after them."""
    notes: list[Footnote] = []
    while True:
        j = k
        while j < end and (not lines[j].strip() or _WRAPPER.fullmatch(lines[j].strip())):
            j += 1
        line = lines[j] if j < end else ""
        mark = ml.FOOTNOTE.match(line, ml.indent(line))
        if j >= end or mark is None or (mark.group(4) and int(mark.group(4)) != before + len(notes) + 1):
            return notes, k
        stop = paragraph_end(j, end)
        raw = ml.join_wrapped([line[mark.end() :].strip()] + [lines[x].strip() for x in range(j + 1, stop)])
        number = int(mark.group(1) or mark.group(2) or mark.group(3) or mark.group(4))
        notes.append(Footnote(number, ml.text_at(raw, j + 1, mark.end() + 1)))
        k = stop
