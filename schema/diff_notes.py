"""Footnote changes: matched by text (renumbered), then by number (reworded), and their cited cells."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from schema.change import Change
from schema.models import Dataset, Footnote


def footnote_cells(note: Footnote, rename: dict[str, str]) -> set[tuple[str, str]]:
    return {(rename.get(f, f), a) for f, a in note.applies_to}


def match(old: list[Footnote], new: list[Footnote]) -> list[tuple[Footnote | None, Footnote | None]]:
    """Footnote pairs: same text first (renumbered), then same number (reworded); the rest unpaired."""
    pairs: list[tuple[Footnote | None, Footnote | None]] = []
    left, right = list(old), list(new)
    keys: list[Callable[[Footnote], object]] = [lambda n: n.text, lambda n: n.number]
    for key in keys:
        for a in list(left):
            b = next((n for n in right if key(n) == key(a)), None)
            if b is not None:
                pairs.append((a, b))
                left.remove(a)
                right.remove(b)
    return pairs + [(a, None) for a in left] + [(None, b) for b in right]


def footnotes(old: Dataset, new: Dataset, rename: dict[str, str]) -> Iterator[Change]:
    """Footnotes added, removed, reworded, renumbered, and the cells a kept footnote cites
    (`old`/`new`: the sorted (feature, arrangement) pairs among rows and columns on both sides)."""
    features = {rename.get(f.id, f.id) for f in old.features} & {f.id for f in new.features}
    arrangements = {a.id for a in old.arrangements} & {a.id for a in new.arrangements}

    def cells(note: Footnote, ids: dict[str, str]) -> set[tuple[str, str]]:
        return {c for c in footnote_cells(note, ids) if c[0] in features and c[1] in arrangements}

    for a, b in match(old.footnotes, new.footnotes):
        if a is None and b is not None:
            yield Change("footnote_added", "minor", footnote=b.number, new=b.text)
        elif b is None and a is not None:
            yield Change("footnote_removed", "minor", footnote=a.number, old=a.text)
        elif a is not None and b is not None:
            if a.text != b.text:
                yield Change("footnote_reworded", "patch", footnote=b.number, old=a.text, new=b.text)
            if a.number != b.number:
                yield Change("footnote_renumbered", "patch", footnote=b.number, old=a.number, new=b.number)
            was, now = cells(a, rename), cells(b, {})
            if was != now:
                yield Change("footnote_cells_changed", "minor", footnote=b.number, old=sorted(was), new=sorted(now))
