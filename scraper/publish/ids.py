"""Ids assigned once and kept: a freshly compiled dataset takes the published ids of its rows.

A compile derives every id from a name (`Web search tool` -> `web_search_tool`); consumers pin
the ids they were published with. Before a build diffs and publishes, each new row is matched to
a published one and keeps its id: by the name as written, then by the derived id, then by a
former name or id, then by the rename rule of the diff (same endpoints and doc link, see
schema/matching.py). A rename records the former name; only a row that matches nothing keeps a
new id. Arrangements (by column id, name, former names and columns, or a column sharing a word
whose statuses mostly agree) and footnotes (by text, then number) are carried the same way.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from schema.diff_notes import match as match_footnotes
from schema.matching import renames
from schema.models import Arrangement, Dataset, Feature, Footnote
from scraper.extract import cells
from scraper.vocabulary import column_label

Rule = Callable[[Feature, Feature], bool]
T = TypeVar("T", bound=Hashable)

MIN_AGREEMENT = 0.8  # share of statuses a renamed column must keep to be the same arrangement


def dedupe(items: Iterable[T], current: T) -> list[T]:
    """`items` in order, once each, without `current`: a former-names (or -numbers) list."""
    return [x for x in dict.fromkeys(items) if x != current]


def _feature_rules(history: dict[str, list[str]]) -> list[Rule]:
    return [
        lambda old, new: old.name == new.name,
        lambda old, new: old.id == new.id,
        lambda old, new: new.name in old.former_names or new.id in [*old.former_ids, *history.get(old.id, [])],
    ]


def _match_features(previous: list[Feature], new: list[Feature], history: dict[str, list[str]]) -> dict[int, Feature]:
    """Index of a new row -> the published feature it is, rule by rule over the rows still unmatched."""
    found: dict[int, Feature] = {}
    for rule in _feature_rules(history):
        for i, row in enumerate(new):
            taken = {f.id for f in found.values()}
            hit = next((f for f in previous if i not in found and f.id not in taken and rule(f, row)), None)
            if hit is not None:
                found[i] = hit
    by_id = {f.id: f for f in previous}
    rows = {(found[i].id if i in found else f"\0{i}"): i for i in range(len(new))}  # no id starts with \0
    for old_id, key in renames(by_id, {key: new[i] for key, i in rows.items()}).items():
        found[rows[key]] = by_id[old_id]
    return found


def _fresh_id(derived: str, used: set[str]) -> str:
    """A new row's id: its derived id, suffixed when a kept or former id already holds it."""
    candidates = itertools.chain([derived], (f"{derived}_{n}" for n in itertools.count(2)))
    return next(c for c in candidates if c not in used)


def _features(previous: Dataset, features: list[Feature], history: dict[str, list[str]]) -> list[Feature]:
    found = _match_features(previous.features, features, history)
    used = {f.id for f in previous.features} | {i for f in previous.features for i in f.former_ids}
    result = []
    for i, row in enumerate(features):
        old = found.get(i)
        if old is None:
            fresh = _fresh_id(row.id, used)
            used.add(fresh)
            result.append(row.model_copy(update={"id": fresh}))
            continue
        former_ids = dedupe([*history.get(old.id, []), *old.former_ids], old.id)
        names = dedupe([*old.former_names, old.name], row.name)
        result.append(row.model_copy(update={"id": old.id, "former_names": names, "former_ids": former_ids}))
    return result


def _statuses(data: Dataset, arrangement: str) -> dict[str, str]:
    return {f.id: f.eligibility[arrangement].status for f in data.features if arrangement in f.eligibility}


def _same_arrangement(previous: Dataset, old: Arrangement, new: Dataset, arr: Arrangement) -> bool:
    """`arr` is the published `old` under a new column: the same name, a former name or column,
    or a column sharing a word whose statuses mostly agree (a status may change with it)."""
    if old.id == arr.id or arr.name in (old.name, *old.former_names) or arr.column in old.former_columns:
        return True
    if not _words(old.column) & _words(arr.column):
        return False
    was, now = _statuses(previous, old.id), _statuses(new, arr.id)
    shared = was.keys() & now.keys()
    agree = sum(1 for k in shared if was[k] == now[k])
    return bool(shared) and agree >= len(shared) * MIN_AGREEMENT


def _words(column: str) -> set[str]:
    return set(cells.slug(column_label(column)).split("_")) - {""}


def _arrangement_ids(previous: Dataset, new: Dataset) -> dict[str, Arrangement]:
    """New arrangement id -> the published arrangement it is (each matched once, in column order);
    a published id the new columns still derive is never another column's rename."""
    found: dict[str, Arrangement] = {}
    derived = {a.id for a in new.arrangements}
    for arr in new.arrangements:
        olds = [a for a in previous.arrangements if a not in found.values()]
        same = [a for a in olds if a.id == arr.id]
        renamed = [a for a in olds if a.id not in derived and _same_arrangement(previous, a, new, arr)]
        if same or renamed:
            found[arr.id] = (same or renamed)[0]
    return found


def _arrangements(previous: Dataset, new: Dataset) -> Dataset:
    """`new` with its arrangements under their published ids (eligibility keys and footnotes too)."""
    found = _arrangement_ids(previous, new)
    ids = {new_id: old.id for new_id, old in found.items()}
    arrangements = [
        a.model_copy(
            update={
                "id": found[a.id].id,
                "former_names": dedupe([*found[a.id].former_names, found[a.id].name], a.name),
                "former_columns": dedupe([*found[a.id].former_columns, found[a.id].column], a.column),
            }
        )
        if a.id in found
        else a
        for a in new.arrangements
    ]
    features = [
        f.model_copy(update={"eligibility": {ids.get(k, k): e for k, e in f.eligibility.items()}}) for f in new.features
    ]
    notes = [n.model_copy(update={"applies_to": [(f, ids.get(a, a)) for f, a in n.applies_to]}) for n in new.footnotes]
    return new.model_copy(update={"arrangements": arrangements, "features": features, "footnotes": notes})


def _footnotes(previous: Dataset, notes: list[Footnote], ids: dict[str, str]) -> list[Footnote]:
    pairs = {id(b): a for a, b in match_footnotes(previous.footnotes, notes) if a is not None and b is not None}
    result = []
    for note in notes:
        old = pairs.get(id(note))
        former = dedupe([*old.former_numbers, old.number], note.number) if old else []
        applies = [(ids.get(f, f), a) for f, a in note.applies_to]
        result.append(note.model_copy(update={"applies_to": applies, "former_numbers": former}))
    return result


def former_ids(history: list[Dataset]) -> dict[str, list[str]]:
    """Id -> the ids it had before, from renames published before ids were kept (a vanished id
    whose twin appeared in the next version)."""
    chain: dict[str, list[str]] = {}
    for a, b in itertools.pairwise(history):
        for old_id, new_id in renames({f.id: f for f in a.features}, {f.id: f for f in b.features}).items():
            chain[new_id] = dedupe([*chain.pop(old_id, []), old_id], new_id)
    return chain


def carry(previous: Dataset, new: Dataset, history: list[Dataset] | None = None) -> Dataset:
    """`new` with every row, arrangement and footnote that was published under its published
    identity; `history` (oldest first) supplies ids renamed before ids were kept."""
    new = _arrangements(previous, new)
    features = _features(previous, new.features, former_ids(history or []))
    ids = {a.id: b.id for a, b in zip(new.features, features, strict=True)}
    return new.model_copy(update={"features": features, "footnotes": _footnotes(previous, new.footnotes, ids)})
