"""An independent reading of a Markdown copy's eligibility table, for checking the compiler.

Deliberately naive and separate from the compiler's code: split pipes, strip markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_SUP = re.compile(r"<sup>(\d+)</sup>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")

STATUS = {"Yes": "yes", "Yes (qualified)": "qualified", "No": "no"}


@dataclass(frozen=True)
class Status:
    word: str  # as written: Yes, Yes (qualified), No
    marks: tuple[int, ...]

    @property
    def status(self) -> str:
        return STATUS[self.word]


@dataclass(frozen=True)
class MdRow:
    name: str
    endpoint: str
    statuses: tuple[Status, ...]
    details: str


def plain(cell: str) -> str:
    return _LINK.sub(r"\1", cell).replace("`", "").strip()


def _status(cell: str) -> Status:
    marks = tuple(int(n) for n in _SUP.findall(cell))
    word = _TAG.sub("", _SUP.sub("", cell)).strip()
    return Status(word, marks)


def read(text: str) -> tuple[list[str], list[MdRow], dict[int, str]]:
    """Column names, rows and footnotes of the first `| Feature | Endpoint |` table (padded or not)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"\| Feature +\| Endpoint +\|", line))
    columns = [c.strip() for c in lines[start].strip().strip("|").split("|")]
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        statuses = tuple(_status(c) for c in cells[2:-1])
        rows.append(MdRow(plain(cells[0]), plain(cells[1]), statuses, plain(cells[-1])))
    notes = {}
    for line in lines:
        match = re.fullmatch(r"<sup>(\d+)</sup> (.*)", line)
        if match:
            notes[int(match.group(1))] = plain(match.group(2))
    return columns, rows, notes
