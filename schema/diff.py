"""What changed between two datasets, in terms a compliance engineer acts on. Pure: no I/O.

Features and arrangements are matched by their stable ids, never by row order; a feature whose
id vanished while one with the same endpoints and doc link appeared was renamed (schema/matching.py),
and a name that changed as written (case and punctuation too) under a kept id is a rename. Footnotes are
matched by their text, then by their number. Spans, the source digest and the dataset version
describe where the data was read, not the data, so they never make a change.

Severity: `major` when a consumer relying on the old data could now be wrong (a feature or an
arrangement removed, eligibility narrowed, an endpoint dropped), `minor` for additions and
widenings, `patch` for wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from schema.change import SEVERITIES, Change, Severity, highest, jsonable, keyed, short
from schema.diff_fields import ARRANGEMENT_FIELDS, arrangement_field, filled
from schema.diff_notes import footnotes
from schema.diff_page import page_changes
from schema.matching import renames
from schema.models import Arrangement, Dataset, Endpoint, Feature, ScopeItem

__all__ = ["SEVERITIES", "Change", "Severity", "diff", "highest", "label"]

RANK = {"no": 0, "qualified": 1, "yes": 2}


def label(arrangement: Arrangement) -> str:
    """How a reader names an arrangement: its column without " eligible" (`ZDR`, `HIPAA`)."""
    return arrangement.column.removesuffix(" eligible").strip() or arrangement.id


def endpoint_text(endpoint: Endpoint) -> str:
    req = endpoint.requires
    if req is None:
        return endpoint.path
    if req.kind in ("tool", "source", "header"):
        return f"{endpoint.path} (with {req.name} {req.kind})"
    value = f': "{req.value}"' if req.value is not None else ""
    return f"{endpoint.path} (with {req.name}{value})"


def statuses(feature: Feature, labels: dict[str, str]) -> str:
    order = [a for a in labels if a in feature.eligibility] + sorted(set(feature.eligibility) - set(labels))
    return ", ".join(f"{labels.get(a, a)} {feature.eligibility[a].status}" for a in order)


def diff(old: Dataset, new: Dataset) -> list[Change]:
    """Every change from `old` to `new`: arrangements, features, footnotes, then the page."""
    labels = {a.id: label(a) for a in [*old.arrangements, *new.arrangements]}
    olds, news = {f.id: f for f in old.features}, {f.id: f for f in new.features}
    rename = renames(olds, news)
    return [
        *_arrangements(old, new),
        *_features(olds, news, rename, labels),
        *footnotes(old, new, rename, labels, {f.id: f.name for f in [*old.features, *new.features]}),
        *page_changes(old, new),
    ]


def scope_key(item: ScopeItem) -> str:
    return item.label or item.text


def _arrangements(old: Dataset, new: Dataset) -> Iterator[Change]:
    before, after = {a.id: a for a in old.arrangements}, {a.id: a for a in new.arrangements}
    for aid, arr in after.items():
        if aid not in before:
            tally = {s: [f.name for f in new.features if f.eligibility[aid].status == s] for s in RANK}
            yield Change("arrangement_added", "minor", _new_arrangement(arr, tally), arrangement=aid, new=jsonable(arr))
    for aid, arr in before.items():
        if aid not in after:
            message = f"Arrangement removed: {arr.name} (column “{arr.column}”)"
            yield Change("arrangement_removed", "major", message, arrangement=aid, old=jsonable(arr))
        else:
            yield from _arrangement(arr, after[aid])


def _new_arrangement(arr: Arrangement, tally: dict[str, list[str]]) -> str:
    listed = "; ".join(f"{s}: {', '.join(names)}" for s, names in tally.items() if s != "yes" and names)
    return f"Arrangement added: {arr.name} (column “{arr.column}”): {len(tally['yes'])} features yes; {listed}"


def _arrangement(a: Arrangement, b: Arrangement) -> Iterator[Change]:
    """Renames and scope changes; a field that went empty is reported by the page's fields."""
    empty = {
        name
        for name in ARRANGEMENT_FIELDS
        if filled(arrangement_field(a, name)) and not filled(arrangement_field(b, name))
    }
    if a.column != b.column or (a.name != b.name and "name" not in empty):
        message = f"Arrangement renamed: {a.name} (“{a.column}”) → {b.name} (“{b.column}”), id {b.id} kept"
        yield Change("arrangement_renamed", "patch", message, arrangement=b.id, old=a.name, new=b.name)
    if "covers" not in empty:
        yield from _scope(b, a.covers, b.covers, "covers", ("minor", "major"))
    if "excludes" not in empty:
        yield from _scope(b, a.excludes, b.excludes, "excludes", ("major", "minor"))


def _scope(
    arr: Arrangement, old: list[ScopeItem], new: list[ScopeItem], field: str, sev: tuple[Severity, Severity]
) -> Iterator[Change]:
    before, after = {scope_key(i): i for i in old}, {scope_key(i): i for i in new}
    who = f"{label(arr)} {field}"
    for key, was, now in keyed(before, after):
        change = partial(Change, arrangement=arr.id, field=field, old=jsonable(was), new=jsonable(now))
        if was is None:
            yield change("scope_added", sev[0], f"{who} now: {key}")
        elif now is None:
            yield change("scope_removed", sev[1], f"{who} no longer: {key}")
        else:
            yield change("scope_reworded", "patch", f"{who} “{key}” reworded")


def _features(
    olds: dict[str, Feature], news: dict[str, Feature], rename: dict[str, str], labels: dict[str, str]
) -> Iterator[Change]:
    for fid, f in news.items():
        if fid not in olds and fid not in rename.values():
            ends = ", ".join(endpoint_text(e) for e in f.endpoints)
            message = f"Feature added: {f.name} ({ends}): {statuses(f, labels)}"
            yield Change("feature_added", "minor", message, feature=fid, new=jsonable(f))
    for fid, f in olds.items():
        if fid in rename:
            yield from _feature(f, news[rename[fid]], labels)
        elif fid not in news:
            message = f"Feature removed: {f.name} (was {statuses(f, labels)})"
            yield Change("feature_removed", "major", message, feature=fid, old=jsonable(f))
        else:
            yield from _feature(f, news[fid], labels)


def _renamed(a: Feature, b: Feature) -> Change:
    """A name changed as written (case and punctuation count), with what became of the id."""
    kept = f"id {b.id} kept" if a.id == b.id else f"id {a.id} is now {b.id}"
    message = f"Feature renamed: {a.name} → {b.name} ({kept})"
    return Change("feature_renamed", "patch", message, feature=b.id, field="name", old=a.name, new=b.name)


def _feature(a: Feature, b: Feature, labels: dict[str, str]) -> Iterator[Change]:
    if a.name != b.name or a.id != b.id:
        yield _renamed(a, b)
    for arr, now in b.eligibility.items():
        was = a.eligibility.get(arr)
        if was is None or was.status == now.status:
            continue
        verb = "narrowed" if RANK[now.status] < RANK[was.status] else "widened"
        sev: Severity = "major" if verb == "narrowed" else "minor"
        message = f"{b.name}: {labels.get(arr, arr)} eligibility {verb}: {was.status} → {now.status}"
        yield Change(f"eligibility_{verb}", sev, message, feature=b.id, arrangement=arr, old=was.status, new=now.status)
    yield from _endpoints(a, b)
    if a.details != b.details:
        yield Change(
            "details_changed",
            "patch",
            f"{b.name}: details now: {short(b.details or '(none)')}",
            feature=b.id,
            old=a.details,
            new=b.details,
        )
    if a.retention != b.retention:
        message = f"{b.name}: retention {_retention(a)} → {_retention(b)}"
        yield Change(
            "retention_changed", "minor", message, feature=b.id, old=jsonable(a.retention), new=jsonable(b.retention)
        )
    if a.doc_url and b.doc_url and a.doc_url != b.doc_url:
        yield Change(
            "doc_url_changed", "patch", f"{b.name}: doc link changed", feature=b.id, old=a.doc_url, new=b.doc_url
        )


def _retention(f: Feature) -> str:
    return f"“{f.retention.phrase}”" if f.retention else "not stated"


def _endpoints(a: Feature, b: Feature) -> Iterator[Change]:
    for path, was, now in keyed(_by_path(a.endpoints), _by_path(b.endpoints)):
        change = partial(Change, feature=b.id, field=path, old=jsonable(was), new=jsonable(now))
        if was is None:
            yield change("endpoint_added", "minor", f"{b.name}: endpoint added: {_say(now)}")
        elif now is None:
            yield change("endpoint_removed", "major", f"{b.name}: endpoint removed: {_say(was)}")
        elif not (gone := [e for e in was if e not in now]):  # the path kept all it had: additions
            added = [e for e in now if e not in was]
            yield change("endpoint_added", "minor", f"{b.name}: endpoint added: {_say(added)}")
        elif all(e in was for e in now):
            yield change("endpoint_removed", "major", f"{b.name}: endpoint removed: {_say(gone)}")
        else:
            yield change("requirement_changed", "minor", f"{b.name}: requirement changed: {_say(was)} → {_say(now)}")


def _say(endpoints: list[Endpoint] | None) -> str:
    return ", ".join(map(endpoint_text, endpoints or []))


def _by_path(endpoints: list[Endpoint]) -> dict[str, list[Endpoint]]:
    result: dict[str, list[Endpoint]] = {}
    for endpoint in endpoints:
        result.setdefault(endpoint.path, []).append(endpoint)
    return result
