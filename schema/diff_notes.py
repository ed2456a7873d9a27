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


def footnotes(
    old: Dataset, new: Dataset, rename: dict[str, str], labels: dict[str, str], names: dict[str, str]
) -> Iterator[Change]:
    features = {rename.get(f.id, f.id) for f in old.features} & {f.id for f in new.features}
    arrangements = {a.id for a in old.arrangements} & {a.id for a in new.arrangements}

    def cells(note: Footnote, ids: dict[str, str]) -> set[tuple[str, str]]:
        return {c for c in footnote_cells(note, ids) if c[0] in features and c[1] in arrangements}

    def say(found: set[tuple[str, str]] | list[tuple[str, str]]) -> str:
        return ", ".join(f"{names.get(f, f)} ({labels.get(a, a)})" for f, a in sorted(found))

    for a, b in match(old.footnotes, new.footnotes):
        if a is None and b is not None:
            message = f"Footnote {b.number} added: “{b.text}” (cited by {say(b.applies_to)})"
            yield Change("footnote_added", "minor", message, footnote=b.number, new=b.text)
        elif b is None and a is not None:
            message = f"Footnote {a.number} removed: “{a.text}” (was cited by {say(a.applies_to)})"
            yield Change("footnote_removed", "minor", message, footnote=a.number, old=a.text)
        elif a is not None and b is not None:
            if a.text != b.text:
                message = f"Footnote {b.number} reworded: “{a.text}” → “{b.text}”"
                yield Change("footnote_reworded", "patch", message, footnote=b.number, old=a.text, new=b.text)
            if a.number != b.number:
                message = f"Footnote renumbered: {a.number} → {b.number} (“{b.text}”)"
                yield Change("footnote_renumbered", "patch", message, footnote=b.number, old=a.number, new=b.number)
            was, now = cells(a, rename), cells(b, {})
            if was != now:
                parts = [
                    f"now cited by {say(now - was)}" if now - was else "",
                    f"no longer by {say(was - now)}" if was - now else "",
                ]
                message = f"Footnote {b.number}: " + "; ".join(p for p in parts if p)
                yield Change(
                    "footnote_cells_changed", "minor", message, footnote=b.number, old=sorted(was), new=sorted(now)
                )
