"""One change between two datasets: what, how severe, in words, and the values. Pure data."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal, TypeVar

K = TypeVar("K")
V = TypeVar("V")

Severity = Literal["major", "minor", "patch"]
SEVERITIES: tuple[Severity, ...] = ("major", "minor", "patch")


@dataclass(frozen=True)
class Change:
    """One change: `kind` says what, `old`/`new` the values (JSON-ready), `message` in words."""

    kind: str
    severity: Severity
    message: str
    feature: str | None = None
    arrangement: str | None = None
    footnote: int | None = None
    field: str | None = None
    old: Any = None
    new: Any = None

    def record(self) -> dict[str, Any]:
        return asdict(self)


def highest(changes: list[Change]) -> Severity | None:
    """The most severe change's severity, None when nothing changed."""
    return next((s for s in SEVERITIES if any(c.severity == s for c in changes)), None)


def jsonable(value: Any) -> Any:
    """Models and lists of them as JSON-ready values, for change records."""
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value.model_dump(mode="json") if hasattr(value, "model_dump") else value


def short(text: str, limit: int = 160) -> str:
    return f"“{text}”" if len(text) <= limit else f"“{text[: limit - 1]}…”"


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
