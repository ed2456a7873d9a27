"""Glued dumps with two readings: named, never guessed.

In a flattened dump a footnote mark is glued to the details that follow it. When the details
begin with a digit or an acronym, the same characters read two ways: `NoNo129-day retention` is
mark 1 + "29-day retention" or no mark + "129-day retention"; `NoNo2FA secrets` is mark 2 +
"FA secrets" or no mark + "2FA secrets". The published version decides when exactly one reading
reproduces it (same details, same marks): the row did not change. Otherwise the row is refused
(exit 4) naming every reading and the line; `--accept` publishes the reading that keeps the
digits in the details, and the choice is recorded (history/manifest.json, `readings`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from schema.models import Dataset
from scraper.errors import Exit, fail


@dataclass(frozen=True)
class Reading:
    """Marks taken from the digits (none: they begin the details) and where the details start."""

    marks: tuple[int, ...]
    details_at: int


@dataclass
class Evidence:
    """What the published version says of each row (by feature name: its details and the marks of
    its last status column), whether `--accept` was given, and what it chose."""

    published: dict[str, tuple[str, tuple[int, ...]]] = field(default_factory=dict)
    accept: bool = False
    accepted: dict[str, str] = field(default_factory=dict)  # where -> the reading chosen, and why

    @classmethod
    def of(cls, dataset: Dataset | None, accept: bool = False) -> Evidence:
        if dataset is None or not dataset.arrangements:
            return cls(accept=accept)
        last = dataset.arrangements[-1].id
        published = {
            f.name: (f.details or "", tuple(f.eligibility[last].footnotes) if last in f.eligibility else ())
            for f in dataset.features
        }
        return cls(published, accept)


def _say(text: str, reading: Reading, before: tuple[int, ...]) -> str:
    details = text[reading.details_at :].strip()
    shown = details if len(details) <= 24 else details[:24] + "…"
    marks = before + reading.marks
    what = f"mark{'s' if len(marks) > 1 else ''} {' '.join(map(str, marks))}" if marks else "no mark"
    return f"{what} + details {shown!r}"


def choose(
    evidence: Evidence | None, name: str, text: str, before: tuple[int, ...], readings: list[Reading], where: str
) -> Reading:
    """The reading the published version confirms; else refuse (exit 4) or, with --accept, the
    first (digits kept in the details), recorded."""
    evidence = evidence or Evidence()
    known = evidence.published.get(name)
    confirmed = [r for r in readings if known == (text[r.details_at :].strip(), before + r.marks)]
    if len(confirmed) == 1:
        return confirmed[0]
    said = " or ".join(_say(text, r, before) for r in readings)
    if evidence.accept:
        evidence.accepted[where] = f"row {name!r} read as {_say(text, readings[0], before)} (--accept; could be {said})"
        return readings[0]
    raise fail(
        "ambiguous",
        f"row {name!r} reads two ways: {said}; the published version confirms neither (--accept publishes the first)",
        where,
        Exit.REFUSED,
    )
