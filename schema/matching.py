"""Which published feature a row is: the rename rule shared by the diff and by id carry-over.

Pure: no I/O. A row whose id vanished is the row that appeared with the same endpoints and doc
link; where that does not single a row out, the names must be alike too.
"""

from __future__ import annotations

import difflib

from schema.models import Feature

MIN_SIMILARITY = 0.5


def renames(old: dict[str, Feature], new: dict[str, Feature]) -> dict[str, str]:
    """Old key -> new key (the dicts' keys: ids) for features that vanished while a twin
    appeared: the same endpoints and doc link. Where that does not single a row out (no link
    on one side, and endpoints other rows share, like a bare /v1/messages), the names must also
    be alike: a row removed and another added is never passed off as a rename. Best pairs
    first, so several renames at once pair up."""
    gone = [(k, f) for k, f in old.items() if k not in new]
    came = [(k, f) for k, f in new.items() if k not in old]
    common = _shared_endpoints(old) | _shared_endpoints(new)
    scored = []
    for i, (_, before) in enumerate(gone):
        for j, (_, after) in enumerate(came):
            score = _twin_score(before, after, common)
            if score is not None:
                scored.append((-score, i, j))
    result: dict[str, str] = {}
    for _, i, j in sorted(scored):
        if gone[i][0] not in result and came[j][0] not in result.values():
            result[gone[i][0]] = came[j][0]
    return result


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()


def _shared_endpoints(features: dict[str, Feature]) -> set[str]:
    seen: dict[str, int] = {}
    for f in features.values():
        key = repr(f.endpoints)
        seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count > 1}


def _twin_score(a: Feature, b: Feature, common: set[str]) -> float | None:
    """How surely `b` is `a` renamed (higher is surer), None when it is not a twin at all."""
    if a.endpoints != b.endpoints or (a.doc_url and b.doc_url and a.doc_url != b.doc_url):
        return None
    ratio = similarity(a.name, b.name)
    if a.doc_url and b.doc_url:
        return 2 + ratio
    if repr(a.endpoints) not in common:
        return 1 + ratio
    return ratio if ratio >= MIN_SIMILARITY else None
