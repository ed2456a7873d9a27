"""Every page field accounted for: which were filled before and are empty now, and which changed.

A field that goes empty is far likelier a page the tool no longer reads (a reworded sentence, a
new heading style) than a page that dropped it, and consumers of that field lose it silently:
so it is its own change, `page_field_emptied` (major), and a plausibility gate refuses it.
Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from schema.change import Change, jsonable
from schema.models import Arrangement, Dataset

# The page fields read from the text around the table, in page order; `sections` is compared
# section by section elsewhere.
PAGE_FIELDS = (
    "description",
    "hipaa_steps",
    "phi_locations",
    "phi_excluded_fields",
    "schema_restrictions",
    "error_example",
    "limitations",
    "policy_violation_retention",
    "faq",
    "related_resources",
)
ARRANGEMENT_FIELDS = ("name", "covers", "excludes")


@dataclass(frozen=True)
class Emptied:
    """A field filled in the old dataset and empty in the new one, by JSON path."""

    path: str
    old: Any
    arrangement: str | None = None


def filled(value: object) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def arrangement_field(arr: Arrangement, name: str) -> object:
    """An arrangement's field as the page filled it: a name that is only a bare part of its column
    title (`ZDR` of `ZDR eligible` or `Memenuhi syarat ZDR`: no heading naming it in full was read)
    counts as empty, in any language."""
    if name == "name":
        column = arr.column.strip()
        bare = arr.name.strip() and (column.startswith(arr.name.strip()) or column.endswith(arr.name.strip()))
        return None if bare else arr.name
    return getattr(arr, name)


def emptied_fields(a: Arrangement, b: Arrangement) -> list[str]:
    """The arrangement fields `a` filled and `b` (the same arrangement, later) leaves empty."""
    return [
        name
        for name in ARRANGEMENT_FIELDS
        if filled(arrangement_field(a, name)) and not filled(arrangement_field(b, name))
    ]


def emptied(old: Dataset, new: Dataset) -> list[Emptied]:
    """Page and arrangement fields filled in `old` and empty in `new` (arrangements matched by id)."""
    found = [
        Emptied(f"page.{name}", jsonable(getattr(old.page, name)))
        for name in PAGE_FIELDS
        if filled(getattr(old.page, name)) and not filled(getattr(new.page, name))
    ]
    after = {a.id: a for a in new.arrangements}
    for a in old.arrangements:
        b = after.get(a.id)
        if b is None:
            continue
        for name in emptied_fields(a, b):
            found.append(Emptied(f"arrangements.{a.id}.{name}", jsonable(getattr(a, name)), a.id))
    return found


def emptied_changes(old: Dataset, new: Dataset) -> Iterator[Change]:
    for gone in emptied(old, new):
        yield Change("page_field_emptied", "major", arrangement=gone.arrangement, field=gone.path, old=gone.old)


def page_field_changes(old: Dataset, new: Dataset) -> Iterator[Change]:
    """`page_changed` (patch) for each page field found but different: shorter, longer, reworded."""
    for name in PAGE_FIELDS:
        was, now = getattr(old.page, name), getattr(new.page, name)
        if was == now or (filled(was) and not filled(now)) or name == "policy_violation_retention":
            continue
        yield Change("page_changed", "patch", field=f"page.{name}", old=jsonable(was), new=jsonable(now))
