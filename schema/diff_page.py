"""Changes to the page around the table: its sections, each page field, the policy-violation retention."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from schema.change import Change, jsonable, keyed, short
from schema.diff_fields import emptied_changes, page_field_changes
from schema.models import Dataset, Section


def _blocks(section: Section) -> list[str]:
    """A section's text, one entry per block; the eligibility table is compared as features."""
    return [b.text or " / ".join(b.items or []) for b in section.blocks if b.kind != "table"]


def page_changes(old: Dataset, new: Dataset) -> Iterator[Change]:
    titles = {s.id: s.title for s in [*old.page.sections, *new.page.sections]}
    before, after = {s.id: _blocks(s) for s in old.page.sections}, {s.id: _blocks(s) for s in new.page.sections}
    for sid, was, now in keyed(before, after):
        change = partial(Change, field=f"page.sections.{sid}", old=was, new=now)
        if was is None:
            yield change("section_added", "patch", f"Section added: “{titles[sid]}”")
        elif now is None:
            yield change("section_removed", "patch", f"Section removed: “{titles[sid]}”")
        else:
            yield change("section_changed", "patch", f"Section “{titles[sid]}” changed{_excerpt(was, now)}")
    yield from emptied_changes(old, new)
    yield from page_field_changes(old, new)
    a, b = old.page.policy_violation_retention, new.page.policy_violation_retention
    if a != b and b is not None:
        message = f"Policy-violation retention: {a.phrase if a else 'not stated'} → {b.phrase}"
        yield Change(
            "retention_changed",
            "minor",
            message,
            field="page.policy_violation_retention",
            old=jsonable(a),
            new=jsonable(b),
        )


def _excerpt(was: list[str], now: list[str]) -> str:
    added = [t for t in now if t not in was]
    if not added:
        return f": {len([t for t in was if t not in now])} block(s) removed"
    return f": {short(added[0], 100)}" + (f" and {len(added) - 1} more" if len(added) > 1 else "")
