"""The words of a change: one sentence per change record, for every report that shows changes.

The diff (schema/diff.py) returns records only; this module is where they become English, one
function per kind in WORDING, given the two datasets the changes were found between (names,
labels and titles are read from them by id). Used by the diff reports (text, Markdown, JSON's
`message`), the changelog and `retention check`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from schema.change import Change
from schema.models import Arrangement, Dataset, Feature
from scraper.render.wording_notes import NOTE_WORDING, Sides, label, short

__all__ = ["WORDING", "label", "message", "messages"]

STATUSES = ("no", "qualified", "yes")


def endpoint_text(endpoint: dict[str, Any]) -> str:
    """`/v1/messages (with web_search tool)`, from an endpoint record."""
    path, req = endpoint["path"], endpoint["requires"]
    if req is None:
        return str(path)
    if req["kind"] in ("tool", "source", "header"):
        return f"{path} (with {req['name']} {req['kind']})"
    value = f': "{req["value"]}"' if req["value"] is not None else ""
    return f"{path} (with {req['name']}{value})"


def _endpoints(endpoints: list[dict[str, Any]] | None) -> str:
    return ", ".join(map(endpoint_text, endpoints or []))


def _arrangement(data: Dataset, aid: str | None) -> Arrangement:
    return next(a for a in data.arrangements if a.id == aid)


def _feature(data: Dataset, fid: str | None) -> Feature:
    return next(f for f in data.features if f.id == fid)


def _arrangement_added(c: Change, w: Sides) -> str:
    arr = _arrangement(w.new, c.arrangement)
    tally = {s: [f.name for f in w.new.features if f.eligibility[arr.id].status == s] for s in STATUSES}
    listed = "; ".join(f"{s}: {', '.join(names)}" for s, names in tally.items() if s != "yes" and names)
    return f"Arrangement added: {arr.name} (column “{arr.column}”): {len(tally['yes'])} features yes; {listed}"


def _arrangement_removed(c: Change, w: Sides) -> str:
    arr = _arrangement(w.old, c.arrangement)
    return f"Arrangement removed: {arr.name} (column “{arr.column}”)"


def _arrangement_renamed(c: Change, w: Sides) -> str:
    a, b = _arrangement(w.old, c.arrangement), _arrangement(w.new, c.arrangement)
    return f"Arrangement renamed: {a.name} (“{a.column}”) → {b.name} (“{b.column}”), id {b.id} kept"


def _scope(how: str) -> Callable[[Change, Sides], str]:
    def word(c: Change, w: Sides) -> str:
        item = c.new if c.new is not None else c.old
        key = item["label"] or item["text"]
        who = f"{w.labels[c.arrangement or '']} {c.field}"
        return f"{who} “{key}” reworded" if how == "reworded" else f"{who} {how}: {key}"

    return word


def _feature_added(c: Change, w: Sides) -> str:
    f = _feature(w.new, c.feature)
    ends = ", ".join(endpoint_text(e.model_dump(mode="json")) for e in f.endpoints)
    return f"Feature added: {f.name} ({ends}): {w.statuses(f)}"


def _feature_removed(c: Change, w: Sides) -> str:
    return f"Feature removed: {(f := _feature(w.old, c.feature)).name} (was {w.statuses(f)})"


def _feature_renamed(c: Change, w: Sides) -> str:
    kept = f"id {c.feature} kept" if c.former_id == c.feature else f"id {c.former_id} is now {c.feature}"
    return f"Feature renamed: {c.old} → {c.new} ({kept})"


def _eligibility(verb: str) -> Callable[[Change, Sides], str]:
    def word(c: Change, w: Sides) -> str:
        where = w.labels.get(c.arrangement or "", c.arrangement)
        return f"{w.name(c.feature)}: {where} eligibility {verb}: {c.old} → {c.new}"

    return word


def _endpoint_added(c: Change, w: Sides) -> str:
    return f"{w.name(c.feature)}: endpoint added: {_endpoints([e for e in c.new if e not in (c.old or [])])}"


def _endpoint_removed(c: Change, w: Sides) -> str:
    return f"{w.name(c.feature)}: endpoint removed: {_endpoints([e for e in c.old if e not in (c.new or [])])}"


def _requirement_changed(c: Change, w: Sides) -> str:
    return f"{w.name(c.feature)}: requirement changed: {_endpoints(c.old)} → {_endpoints(c.new)}"


def _details_changed(c: Change, w: Sides) -> str:
    return f"{w.name(c.feature)}: details now: {short(c.new or '(none)')}"


def _retention_changed(c: Change, w: Sides) -> str:
    """A feature's retention, or (no feature) the page's policy-violation retention."""
    if c.feature is None:
        return f"Policy-violation retention: {c.old['phrase'] if c.old else 'not stated'} → {c.new['phrase']}"
    was, now = (f"“{r['phrase']}”" if r else "not stated" for r in (c.old, c.new))
    return f"{w.name(c.feature)}: retention {was} → {now}"


def _doc_url_changed(c: Change, w: Sides) -> str:
    if c.new is None:
        return f"{w.name(c.feature)}: doc link gone"
    return f"{w.name(c.feature)}: doc link {'added' if c.old is None else 'changed'}"


WORDING: dict[str, Callable[[Change, Sides], str]] = {
    "arrangement_added": _arrangement_added,
    "arrangement_removed": _arrangement_removed,
    "arrangement_renamed": _arrangement_renamed,
    "scope_added": _scope("now"),
    "scope_removed": _scope("no longer"),
    "scope_reworded": _scope("reworded"),
    "feature_added": _feature_added,
    "feature_removed": _feature_removed,
    "feature_renamed": _feature_renamed,
    "eligibility_narrowed": _eligibility("narrowed"),
    "eligibility_widened": _eligibility("widened"),
    "endpoint_added": _endpoint_added,
    "endpoint_removed": _endpoint_removed,
    "requirement_changed": _requirement_changed,
    "details_changed": _details_changed,
    "retention_changed": _retention_changed,
    "doc_url_changed": _doc_url_changed,
    **NOTE_WORDING,
}


def messages(changes: list[Change], old: Dataset, new: Dataset) -> list[str]:
    """Each change in words, in order; `old`/`new` are the datasets `changes` were found between."""
    words = Sides(old, new)
    return [WORDING[c.kind](c, words) for c in changes]


def message(change: Change, old: Dataset, new: Dataset) -> str:
    return messages([change], old, new)[0]
