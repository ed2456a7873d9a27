"""The words of footnote and page changes (scraper/render/wording.py words the rest), and
`Sides`: the two datasets a change was found between, where the wording reads names and labels."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from schema.change import Change
from schema.diff_fields import filled
from schema.models import Arrangement, Dataset, Feature, Footnote
from scraper.vocabulary import column_label


def label(arrangement: Arrangement) -> str:
    """How a reader names an arrangement: its column's name part (`ZDR`, `HIPAA`), else its id."""
    return column_label(arrangement.column).strip() or arrangement.id


@dataclass(frozen=True)
class Sides:
    old: Dataset
    new: Dataset

    @cached_property
    def names(self) -> dict[str, str]:
        """Feature id -> name, the new name where both sides have the id."""
        return {f.id: f.name for f in [*self.old.features, *self.new.features]}

    def name(self, fid: str | None) -> str:
        return self.names[fid or ""]

    @cached_property
    def labels(self) -> dict[str, str]:
        """Arrangement id -> label, in the order the old then the new dataset lists them."""
        return {a.id: label(a) for a in [*self.old.arrangements, *self.new.arrangements]}

    @cached_property
    def titles(self) -> dict[str, str]:
        """Section id -> title, the new title where both sides have the id."""
        return {s.id: s.title for s in [*self.old.page.sections, *self.new.page.sections]}

    def statuses(self, feature: Feature) -> str:
        """`ZDR yes, HIPAA no`: a feature's eligibility by label, in the arrangements' order."""
        labels = self.labels
        order = [a for a in labels if a in feature.eligibility] + sorted(set(feature.eligibility) - set(labels))
        return ", ".join(f"{labels.get(a, a)} {feature.eligibility[a].status}" for a in order)

    def cells(self, found: Iterable[tuple[str, str]]) -> str:
        """`Citations (ZDR), Web fetch (HIPAA)`: cited cells by feature name and arrangement label."""
        labels = self.labels
        return ", ".join(f"{self.names.get(f, f)} ({labels.get(a, a)})" for f, a in sorted(map(tuple, found)))


def short(text: str, limit: int = 160) -> str:
    """A quoted text, cut to `limit` characters with an ellipsis."""
    return f"“{text}”" if len(text) <= limit else f"“{text[: limit - 1]}…”"


def _note(data: Dataset, number: int | None) -> Footnote:
    return next(n for n in data.footnotes if n.number == number)


def _footnote_added(c: Change, w: Sides) -> str:
    return f"Footnote {c.footnote} added: “{c.new}” (cited by {w.cells(_note(w.new, c.footnote).applies_to)})"


def _footnote_removed(c: Change, w: Sides) -> str:
    return f"Footnote {c.footnote} removed: “{c.old}” (was cited by {w.cells(_note(w.old, c.footnote).applies_to)})"


def _footnote_cells(c: Change, w: Sides) -> str:
    was, now = set(map(tuple, c.old)), set(map(tuple, c.new))
    parts = [
        f"now cited by {w.cells(now - was)}" if now - was else "",
        f"no longer by {w.cells(was - now)}" if was - now else "",
    ]
    return f"Footnote {c.footnote}: " + "; ".join(p for p in parts if p)


def _section(how: str) -> Callable[[Change, Sides], str]:
    def word(c: Change, w: Sides) -> str:
        sid = (c.field or "").removeprefix("page.sections.")
        title = w.titles[sid]
        return f"Section “{title}” changed{_excerpt(c.old, c.new)}" if how == "changed" else f"Section {how}: “{title}”"

    return word


def _excerpt(was: list[str], now: list[str]) -> str:
    added = [t for t in now if t not in was]
    if not added:
        return f": {len([t for t in was if t not in now])} block(s) removed"
    return f": {short(added[0], 100)}" + (f" and {len(added) - 1} more" if len(added) > 1 else "")


def _size(value: object) -> str:
    if isinstance(value, list):
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, str):
        return short(value, 80)
    return "filled"


def _page_changed(c: Change, w: Sides) -> str:
    was, now = c.old, c.new
    how = "reworded"
    if isinstance(was, list) and isinstance(now, list) and len(was) != len(now):
        how = f"{'shorter' if len(now) < len(was) else 'longer'}: {len(was)} → {len(now)} items"
    elif not filled(was):
        how = "now filled"
    return f"Page field {(c.field or '').removeprefix('page.')} changed ({how})"


NOTE_WORDING: dict[str, Callable[[Change, Sides], str]] = {
    "footnote_added": _footnote_added,
    "footnote_removed": _footnote_removed,
    "footnote_reworded": lambda c, w: f"Footnote {c.footnote} reworded: “{c.old}” → “{c.new}”",
    "footnote_renumbered": lambda c, w: f"Footnote renumbered: {c.old} → {c.new} (“{_note(w.new, c.new).text}”)",
    "footnote_cells_changed": _footnote_cells,
    "section_added": _section("added"),
    "section_removed": _section("removed"),
    "section_changed": _section("changed"),
    "page_field_emptied": lambda c, w: f"Page field emptied: {c.field} (was {_size(c.old)}, now empty)",
    "page_changed": _page_changed,
}
