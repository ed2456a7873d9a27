"""Later shapes of the page, made by editing a Markdown copy's table: rows moved, added or emptied,
a new column, no footnotes, a padded table, flattened marks, new sections. Test-only.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Edit = Callable[[str], str]


def _table(text: str) -> tuple[list[str], int, int]:
    """The lines, and the first and past-the-last row line of the `| Feature | Endpoint |` table."""
    lines = text.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("| Feature | Endpoint |"))
    end = head + 2
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return lines, head + 2, end


def _join(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split(" | ")]


def row(values: list[str]) -> str:
    return "| " + " | ".join(values) + " |"


def reorder(text: str) -> str:
    """Rows in reverse order."""
    lines, start, end = _table(text)
    return _join(lines[:start] + lines[start:end][::-1] + lines[end:])


def add_row(values: list[str], at: int) -> Edit:
    def edit(text: str) -> str:
        lines, start, _ = _table(text)
        return _join([*lines[: start + at], row(values), *lines[start + at :]])

    return edit


def map_rows(change: Callable[[list[str]], list[str]], header: Callable[[list[str]], list[str]] | None = None) -> Edit:
    """Apply `change` to every row's cells (and `header` to the header and separator)."""

    def edit(text: str) -> str:
        lines, start, end = _table(text)
        if header:
            lines[start - 2] = row(header(cells(lines[start - 2])))
            lines[start - 1] = row(["---"] * len(cells(lines[start - 2])))
        lines[start:end] = [row(change(cells(line))) for line in lines[start:end]]
        return _join(lines)

    return edit


def extra_column(name: str) -> Edit:
    """A new "… eligible" column before Details: `No` where HIPAA (or ZDR) says anything else."""
    flip = {"Yes": "No", "No": "Yes"}

    def change(values: list[str]) -> list[str]:
        word = re.sub(r"<[^>]+>", "", values[-2]).strip()
        word = re.sub(r"\d+$", "", word).strip()
        return [*values[:-1], flip.get(word, "No"), values[-1]]

    return map_rows(change, lambda h: [*h[:-1], name, h[-1]])


def without_footnotes(text: str) -> str:
    """No marks in the table and no footnote lines under it."""
    text = re.sub(r"(?: ?<sup>\d+</sup>)+", "", text)
    return _join([line for line in text.splitlines() if not re.match(r"<sup>\d+</sup> ", line)])


def replace(old: str, new: str) -> Edit:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return edit


def new_sections(text: str) -> str:
    """A section with a callout and a list before the table, and one with a code block after it."""
    lines, start, end = _table(text)
    before = [
        "## Regional processing",
        "",
        "<Info>",
        "Some features run in **selected regions** only; see [regions](https://example.com/regions (all)).",
        "</Info>",
        "",
        "- First point",
        "- Second point with `code`",
        "",
    ]
    at = max(i for i in range(start) if lines[i].startswith("## "))
    after = ["", "## Changes since last version", "", "```json", '["added", "removed"]', "```", ""]
    skip = end
    while skip < len(lines) and (not lines[skip].strip() or lines[skip].startswith("<sup>")):
        skip += 1
    return _join(lines[:at] + before + lines[at:skip] + after + lines[skip:])


def pad(text: str) -> str:
    """Align the table's pipes with padding, the separator with colons (as formatters do)."""
    lines, start, end = _table(text)
    table = [cells(line) for line in [lines[start - 2], *lines[start:end]]]
    widths = [max(len(r[k]) for r in table) for k in range(len(table[0]))]
    padded = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in table]
    separator = "|" + "|".join(":" + "-" * w + " " for w in widths) + "|"
    return _join([*lines[: start - 2], padded[0], separator, *padded[1:], *lines[end:]])


def _outside_fences(text: str, change: Callable[[str], list[str] | None]) -> str:
    """Each line outside fenced code replaced by `change(line)` (None keeps it); at least one must change."""
    out: list[str] = []
    fenced = changed = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        new = None if fenced else change(line)
        out += [line] if new is None else new
        changed = changed or new is not None
    assert changed, "nothing to rewrite"
    return _join(out)


def setext(text: str) -> str:
    """`#` and `##` headings underlined (`Title` over `===` / `---`), as markdownify writes them."""

    def change(line: str) -> list[str] | None:
        match = re.fullmatch(r"(#{1,2}) (.+)", line)
        if match is None:
            return None
        return [match.group(2), ("=" if match.group(1) == "#" else "-") * len(match.group(2))]

    return _outside_fences(text, change)


def closing_hashes(text: str) -> str:
    """Every ATX heading closed with hashes (`## Title ##`) and indented by one space."""
    return _outside_fences(text, lambda line: [f" {line} {line.split()[0]}"] if re.match(r"#{1,6} ", line) else None)


def indented_code(text: str) -> str:
    """Fenced code blocks written as indented code (four spaces, blank lines around), as html2text does."""
    out: list[str] = []
    fenced = False
    for line in text.splitlines():
        if line.startswith(("```", "~~~")):
            fenced = not fenced
            out.append("")
        else:
            out.append("    " + line if fenced and line.strip() else line)
    assert out != text.splitlines(), "no fenced code"
    return _join(out)
