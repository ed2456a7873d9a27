"""Plausibility gates: changes too large to publish without a human saying so (`--accept`).

A scrape that lost half the table is far likelier than a page that did; publishing it would
tell every consumer that features vanished. Each gate explains itself; the build exits 4.
"""

from __future__ import annotations

from collections.abc import Callable

from schema.diff_fields import emptied
from schema.models import Dataset
from scraper.errors import Exit, Problem, RetentionError
from scraper.publish.expected import unstated

Gate = Callable[[Dataset, Dataset], str | None]

MAX_ROW_DROP = 0.20
MAX_STATUS_CHANGE = 0.50


def rows_dropped(old: Dataset, new: Dataset) -> str | None:
    before, after = len(old.features), len(new.features)
    if before and after < before * (1 - MAX_ROW_DROP):
        return f"the table shrank from {before} to {after} features (more than {MAX_ROW_DROP:.0%} fewer)"
    return None


def arrangement_gone(old: Dataset, new: Dataset) -> str | None:
    gone = [a.column for a in old.arrangements if a.id not in {b.id for b in new.arrangements}]
    return f"arrangement column(s) gone: {', '.join(gone)}" if gone else None


def statuses_churned(old: Dataset, new: Dataset) -> str | None:
    was = {(f.id, a): e.status for f in old.features for a, e in f.eligibility.items()}
    now = {(f.id, a): e.status for f in new.features for a, e in f.eligibility.items()}
    shared = was.keys() & now.keys()
    flipped = sum(1 for key in shared if was[key] != now[key])
    if shared and flipped > len(shared) * MAX_STATUS_CHANGE:
        return f"{flipped} of {len(shared)} statuses changed at once (more than {MAX_STATUS_CHANGE:.0%})"
    return None


def footnotes_collapsed(old: Dataset, new: Dataset) -> str | None:
    before, after = len(old.footnotes), len(new.footnotes)
    if before and after * 2 < before:
        return f"footnotes fell from {before} to {after}"
    return None


def links_dropped(old: Dataset, new: Dataset) -> str | None:
    """Rows that linked their documentation and no longer do: a converter that drops links
    (trafilatura) or a text dump, far likelier than a page that unlinked its rows."""
    now = {f.id: f.doc_url for f in new.features}
    linked = [f.id for f in old.features if f.doc_url and f.id in now]
    gone = sum(1 for fid in linked if not now[fid])
    if gone and gone > len(linked) * MAX_ROW_DROP:
        return f"{gone} of {len(linked)} rows lost their doc link (more than {MAX_ROW_DROP:.0%})"
    return None


def fields_emptied(old: Dataset, new: Dataset) -> str | None:
    """A page field the published version filled and this one leaves empty: most often a
    sentence or heading the tool no longer reads, not a page that dropped the field."""
    gone = [e.path for e in emptied(old, new)]
    return f"page field(s) filled before and empty now: {', '.join(gone)}" if gone else None


def preflight_ids_gone(old: Dataset, new: Dataset) -> str | None:
    """A preflight table entry names a feature the published dataset has and the new one lacks
    (no row carries it as a former id): requests using it would turn unknown with nobody deciding."""
    from scraper.preflight.request import aliases
    from scraper.preflight.surface import feature_ids

    had = {f.id for f in old.features}
    has = {f.id for f in new.features} | set(aliases(new))
    gone: dict[str, list[str]] = {}
    for kind, part, ids in feature_ids():
        options = ids.split("|")  # `a|b`: any one of them will do
        if any(o in had for o in options) and not any(o in has for o in options):
            gone.setdefault(ids, []).append(f"{kind} {part!r}")
    named = [f"{fid} ({', '.join(entries[:2])}{', ...' if len(entries) > 2 else ''})" for fid, entries in gone.items()]
    more = f" and {len(named) - 3} more" if len(named) > 3 else ""
    table = "the preflight table (scraper/preflight/surface.py)"
    return f"{table} names rows the new dataset lacks: {'; '.join(named[:3])}{more}" if named else None


GATES: list[Gate] = [
    rows_dropped,
    arrangement_gone,
    statuses_churned,
    footnotes_collapsed,
    links_dropped,
    fields_emptied,
    preflight_ids_gone,
]


def first_fields_unstated(new: Dataset) -> str | None:
    """A first publish (nothing to compare with): a field every copy of the page states is empty,
    most often a part of the page a converter dropped (readability, trafilatura)."""
    gone = unstated(new)
    return f"field(s) every copy of the page states are empty: {', '.join(gone)}" if gone else None


def reasons(old: Dataset | None, new: Dataset) -> list[str]:
    """Why each gate `new` trips against `old` refuses it, in gate order; empty when none does.
    With nothing published (`old` None) the gates are what every copy of the page states."""
    if old is None:
        return [reason] if (reason := first_fields_unstated(new)) is not None else []
    return [reason for gate in GATES if (reason := gate(old, new)) is not None]


def check(
    old: Dataset | None,
    new: Dataset,
    where: str,
    published: str = "the published dataset",
    held: list[str] | None = None,
) -> None:
    """Raise (exit 4) naming every gate the page at `where` fails against the `published` `old`
    (None: nothing published yet); `held`: those reasons, where the caller already has them
    (the replay compares them first)."""
    found = reasons(old, new) if held is None else held
    if found:
        if old is None:
            against = "a first publish; refusing to publish (--accept if the page really lacks them)"
        else:
            against = f"compared with {published} {old.dataset_version}"
            against += "; refusing to publish (--accept if the page really changed)"
        problems = [Problem("implausible", f"{r}, {against}", where) for r in found]
        raise RetentionError(problems, Exit.REFUSED)
