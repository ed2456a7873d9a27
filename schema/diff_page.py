"""Changes to the page around the table: its sections, each page field, the policy-violation retention."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from schema.change import Change, jsonable, keyed
from schema.diff_fields import emptied_changes, page_field_changes
from schema.models import Dataset, Section


def _blocks(section: Section) -> list[str]:
    """A section's text, one entry per block; the eligibility table is compared as features."""
    return [b.text or " / ".join(b.items or []) for b in section.blocks if b.kind != "table"]


def page_changes(old: Dataset, new: Dataset) -> Iterator[Change]:
    """Sections by id (`old`/`new`: their blocks' text), the page fields, the policy-violation retention."""
    before, after = {s.id: _blocks(s) for s in old.page.sections}, {s.id: _blocks(s) for s in new.page.sections}
    for sid, was, now in keyed(before, after):
        change = partial(Change, field=f"page.sections.{sid}", old=was, new=now)
        if was is None:
            yield change("section_added", "patch")
        elif now is None:
            yield change("section_removed", "patch")
        else:
            yield change("section_changed", "patch")
    yield from emptied_changes(old, new)
    yield from page_field_changes(old, new)
    a, b = old.page.policy_violation_retention, new.page.policy_violation_retention
    if a != b and b is not None:
        field = "page.policy_violation_retention"
        yield Change("retention_changed", "minor", field=field, old=jsonable(a), new=jsonable(b))
