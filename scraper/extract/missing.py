"""What an input lacks when its eligibility table cannot be read, said in one line.

Converters that flatten the page (BeautifulSoup `get_text()`, inscriptis, html-text, pandoc
plain, lynx, w3m) keep the table's words but not its cells; others keep a pipe table in a file
named or sniffed as another form. The line names what is there, the form the input was read
as and how that form was chosen, and what to do; it names no structure the input lacks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from schema.span import span_at
from scraper.document import Table
from scraper.errors import Problem, at
from scraper.source import PIPE_TABLE, Source
from scraper.vocabulary import ENGLISH, LOCALES, WHERE, Vocabulary

MIN_COLUMNS = 4  # a table shaped like the page's: feature, endpoint, one arrangement, details
MIN_ROWS = 3
_KEEPERS = "a converter that keeps tables (html2text, markdownify, pandoc -t gfm) or the page's HTML or Markdown"
# the header: "Feature", "Endpoint", then "... eligible" on that line or, when a dump wrapped the
# column titles (w3m), on the next
_HEAD = re.compile(
    rf"^[ \t|]*{ENGLISH.feature_column}([ \t|]*){ENGLISH.endpoint_column}[ \t|]*\S[^\n]*?(?:\n[^\n]*?)??"
    rf"{ENGLISH.eligible_suffix.strip()}",
    re.MULTILINE | re.IGNORECASE,
)
_ONE_A_LINE = re.compile(
    rf"^[ \t]*{ENGLISH.feature_column}[ \t]*\n(?:[ \t]*\n)*[ \t]*{ENGLISH.endpoint_column}[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


def _form(source: Source) -> str:
    return f"read as {source.format} ({source.how})"


def diagnose(source: Source) -> Problem | None:
    """The one-line refusal for a page whose table is flattened or in another form; None when
    the input shows no sign of the table at all (the caller's own message stands)."""
    head = _HEAD.search(source.text)
    pipes = head is not None and "|" in head.group(0) and PIPE_TABLE.search(source.text, head.end())
    if head is not None and pipes and source.format != "markdown":
        message = (
            f"the feature eligibility table is a Markdown pipe table, but the input was {_form(source)};"
            " use --input-format markdown"
        )
        return Problem("table", message, source.where(span_at(source.text, head.start())))
    if head is not None and source.format == "text" and "|" not in head.group(0):
        glued = not head.group(1)
        after = source.text[head.end() :].split("\n", 2)
        if glued and (len(after) < 2 or after[1].strip()):
            return None  # a crawler's dump, rows right under the header: its own reading stands
        how = "its cells glued together" if glued else "its cells separated only by spaces"
        message = (
            f"the feature eligibility table is flattened into lines ({how}: columns and footnote marks"
            f" cannot be told apart); input {_form(source)}; use {_KEEPERS}, or name the form with --input-format"
        )
        return Problem("table", message, source.where(span_at(source.text, head.start())))
    broken = _broken_rows(source) if source.format == "markdown" else None
    if broken is not None:
        line, count, total = broken
        message = (
            f"the feature eligibility table's rows are broken across lines ({count} of its {total} lines hold"
            " under half the cells of its header: a converter wrapped a padded table, as html2text does with"
            f" pad_tables and a body width); input {_form(source)}; convert without wrapping (html2text"
            f" body_width=0) or use {_KEEPERS}"
        )
        return Problem("table", message, source.where(span_at(source.text, line)))
    one_a_line = _ONE_A_LINE.search(source.text)
    if one_a_line is not None:
        message = (
            f"the feature eligibility table is flattened into lines (one cell a line: rows cannot be told"
            f" apart); input {_form(source)}; use {_KEEPERS}, or name the form with --input-format"
        )
        return Problem("table", message, source.where(span_at(source.text, one_a_line.start())))
    return None


def _page_table(text: str) -> int | None:
    """Where the header line of the first pipe table with the page's columns starts (`Feature |
    Endpoint | ...` in any known language): a small table above it is not the one to diagnose."""
    for found in PIPE_TABLE.finditer(text):
        start = text.rfind("\n", 0, max(found.start() - 1, 0)) + 1
        names = [name.strip().strip("*_") for name in text[start : found.start()].strip().strip("|").split("|")]
        if len(names) > 1 and any(
            v.is_column(names[0], "feature") and v.is_column(names[1], "endpoint") for v in LOCALES.values()
        ):
            return start
    return None


def _broken_rows(source: Source) -> tuple[int, int, int] | None:
    """(offset of the first broken row, broken rows, rows) when at least a quarter of the row lines
    of the pipe table with the page's columns hold fewer than half its header's cells (a row short
    of an empty last cell, as html2text writes it, is whole); None when its rows are whole."""
    start = _page_table(source.text)
    if start is None:
        return None
    lines = source.text[start:].split("\n")  # the header, the separator, the rows
    header = lines[0]
    if header.endswith("  ") or "|" not in header:
        return None  # html2text's hard breaks: rows wrapped onto several lines are joined, not broken
    cells = header.strip().strip("|").count("|")
    rows = []
    for line in lines[2:]:
        if not line.strip():
            break
        rows.append(line)
    short = [k for k, line in enumerate(rows) if line.strip().strip("|").count("|") < cells // 2]
    if len(short) < 2 or len(short) * 4 < len(rows):
        return None
    offset = start + sum(len(x) + 1 for x in lines[: 2 + short[0]])
    return offset, len(short), len(rows)


def no_table(source: Source, words: Vocabulary = ENGLISH, tables: Sequence[Table] = ()) -> Problem:
    """No table with the page's columns (in the copy's language): say so, with the form assumed
    and a hint. Where the page has a table shaped like the page's (four columns or more, a row
    a feature) in words no vocabulary reads, it is named, at its place: most likely the page in
    another language."""
    eligible = words.eligible_column.format(name="…")
    names = (words.feature_column, words.endpoint_column, eligible, words.details_columns[0])
    said = f"no table with the page's columns ({' | '.join(names)})"
    shaped = [t for t in tables if len(t.header) >= MIN_COLUMNS and len(t.rows) >= MIN_ROWS]
    if shaped:
        table = max(shaped, key=lambda t: len(t.rows))
        columns = " | ".join(c.text for c in table.header)
        known = "|".join(sorted(LOCALES))
        message = (
            f"{said}; the table here has the columns {columns!r}: a copy in another language is read in its"
            f" own words (--locale {known}; another language needs its words in {WHERE}); input {_form(source)}"
        )
        return Problem("table", message, source.where(table.span))
    message = f"{said}; input {_form(source)}; if it is another form, name it with --input-format, or use {_KEEPERS}"
    return Problem("table", message, at(source.origin, 1, 1))

