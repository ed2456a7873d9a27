"""Generate flattened text dumps like the crawler's, from table rows, cut wherever asked.

The page around the table comes from the bundled April copy; the table is glued from the
given rows the way the crawler glues it, and cut after `cut=(row, cells)`: that row's
remaining cells (one a line) and every later row go after the end of the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tests.md_table import MdRow

CORPUS = Path(__file__).resolve().parent / "corpus"
BUNDLED = CORPUS / "en-text-2026-04.txt"


@dataclass(frozen=True)
class Page:
    """The bundled dump split around its table: what precedes the header, and the rest of the page."""

    before: list[str]
    after: list[str]

    @classmethod
    def bundled(cls) -> Page:
        lines = BUNDLED.read_text(encoding="utf-8").splitlines()
        header = next(i for i, line in enumerate(lines) if line.strip().startswith("FeatureEndpoint"))
        rest = next(i for i, line in enumerate(lines) if line.strip() == "Limitations and exclusions")
        end = next(i for i in range(rest, len(lines)) if lines[i].strip() == "• Trust Center") + 1
        return cls(before=lines[:header], after=lines[rest:end])


def cells(row: MdRow) -> list[str]:
    statuses = [s.word + " ".join(str(m) for m in s.marks) for s in row.statuses]
    return [row.name, row.endpoint, *statuses, row.details]


def dump(
    columns: list[str],
    rows: list[MdRow],
    notes: dict[int, str],
    cut: tuple[int, int] | None = None,
    page: Page | None = None,
    tail_indent: str = "    ",
    sep: str = "",
) -> str:
    """A dump of `rows`; `cut=(k, c)` keeps the first c cells of row k before the break."""
    page = page or Page.bundled()
    glued = [sep.join(cells(r)) for r in rows]
    if cut is None:
        first, tail = glued, []
    else:
        k, c = cut
        row_cells = cells(rows[k])
        first = glued[:k] + ([sep.join(row_cells[:c])] if c else [])
        tail = (row_cells[c:] if c else [glued[k]]) + glued[k + 1 :]
    out = list(page.before)
    out.append("    " + sep.join(columns))
    out += ["    " + line for line in first]
    for number, text in sorted(notes.items()):
        out += ["", f"    {number} {text}"]
    out.append("")
    out += page.after
    out += [tail_indent + line for line in tail]
    return "\n".join(out) + "\n"
