"""One change between two datasets: what, how severe, and the values. Pure data, no wording:
the sentence a report shows is made from the record by scraper/render/wording.py."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

K = TypeVar("K")
V = TypeVar("V")

Severity = Literal["major", "minor", "patch"]
SEVERITIES: tuple[Severity, ...] = ("major", "minor", "patch")

# Every kind of change the diff emits; each has one wording in scraper/render/wording.py.
KINDS = (
    "arrangement_added",
    "arrangement_removed",
    "arrangement_renamed",
    "scope_added",
    "scope_removed",
    "scope_reworded",
    "feature_added",
    "feature_removed",
    "feature_renamed",
    "eligibility_narrowed",
    "eligibility_widened",
    "endpoint_added",
    "endpoint_removed",
    "requirement_changed",
    "details_changed",
    "retention_changed",
    "doc_url_changed",
    "footnote_added",
    "footnote_removed",
    "footnote_reworded",
    "footnote_renumbered",
    "footnote_cells_changed",
    "section_added",
    "section_removed",
    "section_changed",
    "page_field_emptied",
    "page_changed",
)
RECORD = ("kind", "severity", "feature", "arrangement", "footnote", "field", "old", "new")


@dataclass(frozen=True)
class Change:
    """One change: `kind` says what (one of KINDS), `old`/`new` the values (JSON-ready).
    `former_id` is context a record does not show: a renamed feature's id before the rename."""

    kind: str
    severity: Severity
    feature: str | None = None
    arrangement: str | None = None
    footnote: int | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    former_id: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown change kind {self.kind!r}")  # a bug in the diff: every kind is declared

    def record(self) -> dict[str, Any]:
        """The change as the JSON report shows it (the reporter adds the `message`)."""
        return {key: getattr(self, key) for key in RECORD}


def highest(changes: list[Change]) -> Severity | None:
    """The most severe change's severity, None when nothing changed."""
    return next((s for s in SEVERITIES if any(c.severity == s for c in changes)), None)


def jsonable(value: Any) -> Any:
    """Models and lists of them as JSON-ready values, for change records."""
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value.model_dump(mode="json") if hasattr(value, "model_dump") else value


def keyed(before: Mapping[K, V], after: Mapping[K, V]) -> Iterator[tuple[K, V | None, V | None]]:
    """What differs between two keyed collections: (key, old, new) with old None for an
    addition and new None for a removal; `after`'s order first, then the removals."""
    for key, new in after.items():
        old = before.get(key)
        if old != new:
            yield key, old, new
    for key, old in before.items():
        if key not in after:
            yield key, old, None
