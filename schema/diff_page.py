"""Changes to the page around the table: its sections, and the policy-violation retention."""

from __future__ import annotations

from collections.abc import Iterator

from schema.change import Change, jsonable, short
from schema.models import Dataset, Page, Section


def _blocks(section: Section) -> list[str]:
    """A section's text, one entry per block; the eligibility table is compared as features."""
    return [b.text or " / ".join(b.items or []) for b in section.blocks if b.kind != "table"]


def page_changes(old: Dataset, new: Dataset) -> Iterator[Change]:
    before, after = {s.id: s for s in old.page.sections}, {s.id: s for s in new.page.sections}
    found = False
    for sid, sec in after.items():
        if sid not in before:
            found = True
            yield Change(
                "section_added",
                "patch",
                f"Section added: “{sec.title}”",
                field=f"page.sections.{sid}",
                new=_blocks(sec),
            )
        elif _blocks(before[sid]) != _blocks(sec):
            found = True
            was, now = _blocks(before[sid]), _blocks(sec)
            message = f"Section “{sec.title}” changed{_excerpt(was, now)}"
            yield Change("section_changed", "patch", message, field=f"page.sections.{sid}", old=was, new=now)
    for sid, sec in before.items():
        if sid not in after:
            found = True
            yield Change(
                "section_removed",
                "patch",
                f"Section removed: “{sec.title}”",
                field=f"page.sections.{sid}",
                old=_blocks(sec),
            )
    a, b = old.page.policy_violation_retention, new.page.policy_violation_retention
    if a != b:
        message = f"Policy-violation retention: {a.phrase if a else 'not stated'} → {b.phrase if b else 'not stated'}"
        yield Change(
            "retention_changed",
            "minor",
            message,
            field="page.policy_violation_retention",
            old=jsonable(a),
            new=jsonable(b),
        )
    if not found:
        for name in sorted(Page.model_fields):
            if name not in ("sections", "policy_violation_retention") and getattr(old.page, name) != getattr(
                new.page, name
            ):
                was_value, new_value = jsonable(getattr(old.page, name)), jsonable(getattr(new.page, name))
                yield Change(
                    "page_changed",
                    "patch",
                    f"Page field {name} changed",
                    field=f"page.{name}",
                    old=was_value,
                    new=new_value,
                )


def _excerpt(was: list[str], now: list[str]) -> str:
    added = [t for t in now if t not in was]
    if not added:
        return f": {len([t for t in was if t not in now])} block(s) removed"
    return f": {short(added[0], 100)}" + (f" and {len(added) - 1} more" if len(added) > 1 else "")
