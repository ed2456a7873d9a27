"""What changed between two datasets, in terms a compliance engineer acts on. Pure: no I/O.

Features and arrangements are matched by their stable ids, never by row order; a feature whose
id vanished while one with the same endpoints and doc link appeared was renamed (schema/matching.py),
and a name that changed as written (case and punctuation too) under a kept id is a rename. Footnotes are
matched by their text, then by their number. Spans, the source digest and the dataset version
describe where the data was read, not the data, so they never make a change.

Severity: `major` when a consumer relying on the old data could now be wrong (a feature or an
arrangement removed, eligibility narrowed, an endpoint dropped), `minor` for additions and
widenings, `patch` for wording.

The diff returns records only (schema/change.py); the sentences reports show are made from
them by scraper/render/wording.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from schema.change import SEVERITIES, Change, Severity, highest, jsonable, keyed
from schema.diff_fields import emptied_fields
from schema.diff_notes import footnotes
from schema.diff_page import page_changes
from schema.matching import renames
from schema.models import Arrangement, Dataset, Endpoint, Feature, ScopeItem

__all__ = ["SEVERITIES", "Change", "Severity", "diff", "highest"]

RANK = {"no": 0, "qualified": 1, "yes": 2}


def diff(old: Dataset, new: Dataset) -> list[Change]:
    """Every change from `old` to `new`: arrangements, features, footnotes, then the page."""
    olds, news = {f.id: f for f in old.features}, {f.id: f for f in new.features}
    rename = renames(olds, news)
    return [
        *_arrangements(old, new),
        *_features(olds, news, rename),
        *footnotes(old, new, rename),
        *page_changes(old, new),
    ]


def scope_key(item: ScopeItem) -> str:
    return item.label or item.text


def _arrangements(old: Dataset, new: Dataset) -> Iterator[Change]:
    before, after = {a.id: a for a in old.arrangements}, {a.id: a for a in new.arrangements}
    for aid, arr in after.items():
        if aid not in before:
            yield Change("arrangement_added", "minor", arrangement=aid, new=jsonable(arr))
    for aid, arr in before.items():
        if aid not in after:
            yield Change("arrangement_removed", "major", arrangement=aid, old=jsonable(arr))
        else:
            yield from _arrangement(arr, after[aid])


def _arrangement(a: Arrangement, b: Arrangement) -> Iterator[Change]:
    """Renames and scope changes; a field that went empty is reported by the page's fields."""
    empty = emptied_fields(a, b)
    if a.column != b.column or (a.name != b.name and "name" not in empty):
        yield Change("arrangement_renamed", "patch", arrangement=b.id, old=a.name, new=b.name)
    if "covers" not in empty:
        yield from _scope(b, a.covers, b.covers, "covers", ("minor", "major"))
    if "excludes" not in empty:
        yield from _scope(b, a.excludes, b.excludes, "excludes", ("major", "minor"))


def _scope(
    arr: Arrangement, old: list[ScopeItem], new: list[ScopeItem], field: str, sev: tuple[Severity, Severity]
) -> Iterator[Change]:
    before, after = {scope_key(i): i for i in old}, {scope_key(i): i for i in new}
    for _, was, now in keyed(before, after):
        change = partial(Change, arrangement=arr.id, field=field, old=jsonable(was), new=jsonable(now))
        if was is None:
            yield change("scope_added", sev[0])
        elif now is None:
            yield change("scope_removed", sev[1])
        else:
            yield change("scope_reworded", "patch")


def _features(olds: dict[str, Feature], news: dict[str, Feature], rename: dict[str, str]) -> Iterator[Change]:
    for fid, f in news.items():
        if fid not in olds and fid not in rename.values():
            yield Change("feature_added", "minor", feature=fid, new=jsonable(f))
    for fid, f in olds.items():
        if fid in rename:
            yield from _feature(f, news[rename[fid]])
        elif fid not in news:
            yield Change("feature_removed", "major", feature=fid, old=jsonable(f))
        else:
            yield from _feature(f, news[fid])


def _feature(a: Feature, b: Feature) -> Iterator[Change]:
    if a.name != b.name or a.id != b.id:  # a name changed as written (case and punctuation count)
        yield Change("feature_renamed", "patch", feature=b.id, field="name", old=a.name, new=b.name, former_id=a.id)
    for arr, now in b.eligibility.items():
        was = a.eligibility.get(arr)
        if was is None or was.status == now.status:
            continue
        narrowed = RANK[now.status] < RANK[was.status]
        kind = "eligibility_narrowed" if narrowed else "eligibility_widened"
        sev: Severity = "major" if narrowed else "minor"
        yield Change(kind, sev, feature=b.id, arrangement=arr, old=was.status, new=now.status)
    yield from _endpoints(a, b)
    if a.details != b.details:
        yield Change("details_changed", "patch", feature=b.id, old=a.details, new=b.details)
    if a.retention != b.retention:
        yield Change("retention_changed", "minor", feature=b.id, old=jsonable(a.retention), new=jsonable(b.retention))
    if a.doc_url != b.doc_url:  # a link gone (None) is a change too: never "unchanged"
        yield Change("doc_url_changed", "patch", feature=b.id, old=a.doc_url, new=b.doc_url)


def _endpoints(a: Feature, b: Feature) -> Iterator[Change]:
    """Per path: endpoints added or removed, or a requirement changed; `old`/`new` are the path's
    endpoints before and after (None where the path is new or gone)."""
    for path, was, now in keyed(_by_path(a.endpoints), _by_path(b.endpoints)):
        if was is not None and now is not None and _reordered(was, now):
            continue  # rows or cells that only move are not changes
        change = partial(Change, feature=b.id, field=path, old=jsonable(was), new=jsonable(now))
        if was is None or now is None:
            yield change("endpoint_added", "minor") if was is None else change("endpoint_removed", "major")
        elif all(e in now for e in was):  # the path kept all it had: additions
            yield change("endpoint_added", "minor")
        elif all(e in was for e in now):
            yield change("endpoint_removed", "major")
        else:
            yield change("requirement_changed", "minor")


def _reordered(was: list[Endpoint], now: list[Endpoint]) -> bool:
    """The same endpoints, each as often, in another order."""
    return len(was) == len(now) and all(was.count(e) == now.count(e) for e in was)


def _by_path(endpoints: list[Endpoint]) -> dict[str, list[Endpoint]]:
    result: dict[str, list[Endpoint]] = {}
    for endpoint in endpoints:
        result.setdefault(endpoint.path, []).append(endpoint)
    return result
