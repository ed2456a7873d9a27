"""How a copy of the page in another language differs from the English page: one record per
difference, and the summary dist/ publishes. Pure data (computed in scraper/localize/drift.py)."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Drift:
    """One way the copy differs from the English page."""

    kind: str  # arrangement_missing, arrangement_added, row_missing, row_added, status, footnotes
    message: str
    feature: str | None = None  # the English id
    name: str | None = None  # the row's name as the copy writes it
    arrangement: str | None = None
    english: str | None = None
    localized: str | None = None
    where: str | None = None  # the copy's row, file:line:col

    def record(self) -> dict[str, str | None]:
        return asdict(self)


def summary(locale: str, found: list[Drift]) -> dict[str, object]:
    """Counts by kind, and the English ids concerned: what dist/retention.md says of a language."""
    kinds: dict[str, list[str]] = {}
    for item in found:
        kinds.setdefault(item.kind, []).append(item.feature or item.arrangement or item.name or "")
    return {"locale": locale, "in_step": not found, "differences": {k: v for k, v in sorted(kinds.items())}}
