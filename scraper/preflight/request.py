"""Judging a request file against a dataset: the CLI's side of preflight (pydantic, files).

The judging itself is core.py's, the same code the constants module runs; this module reads
the request (size cap, strict UTF-8, located JSON errors), resolves endpoint and headers from
the envelope and the command line, and reports the verdict as text or JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from schema.models import Arrangement, Dataset
from scraper.errors import at, fail
from scraper.preflight import core
from scraper.preflight.surface import SURFACE
from scraper.vocabulary import ENGLISH


def read_request(path: Path, max_bytes: int) -> tuple[dict[str, Any], str]:
    """The request JSON object in a file (or `-`), and where it came from."""
    from scraper import dataset_io, source

    page = source.read(path, "text", max_bytes)
    request = dataset_io.parse_json(page.text, page.origin, "request")
    if not isinstance(request, dict):
        raise fail("request", f"request must be a JSON object, not {type(request).__name__}", at(page.origin, 1, 1))
    return request, page.origin


def page_words(arrangement: Arrangement) -> dict[str, str]:
    """The page's words a reason quotes: column, label ("ZDR") and the word for each status."""
    words = {status: word for word, status in reversed(ENGLISH.statuses.items())}
    label = ENGLISH.arrangement_prefix(arrangement.column) or arrangement.column
    return {**words, "column": arrangement.column, "label": label}


def aliases(data: Dataset) -> dict[str, str]:
    """Ids a feature was published under before -> its id, for table entries naming an old id."""
    return {former: f.id for f in data.features for former in f.former_ids}


def beta_rule(arrangement: Arrangement) -> str | None:
    """The page's words when the arrangement excludes beta features it does not list, else None."""
    cue = ENGLISH.cue("beta_exclusion")
    for item in arrangement.excludes:
        if cue is not None and cue.match(item.label or ""):
            return f"{item.label}: {item.text}"
    return None


def evaluate(
    data: Dataset,
    request: dict[str, Any],
    arrangement: str,
    origin: str,
    endpoint: str | None = None,
    headers: list[tuple[str, str]] | None = None,
    allow_unknown: bool = False,
) -> core.Verdict:
    """The verdict on `request` (a body or an envelope); options given here win over the envelope."""
    chosen = next(a for a in data.arrangements if a.id == arrangement)
    notes = {n.number: n.text for n in data.footnotes}
    words, rule, olds = page_words(chosen), beta_rule(chosen), aliases(data)
    try:
        return core.assess(
            SURFACE, request, endpoint, headers, data.features, notes, arrangement, words, rule, allow_unknown,
            data.dataset_version, olds,
        )
    except core.EnvelopeError as err:  # only the envelope's shape: any other error is a bug
        raise fail("request", str(err), f"{origin}: envelope") from None


def as_json(verdict: core.Verdict) -> str:
    """dataset_version, each used feature {id, name, status, footnotes, reason}, unknown parts, verdict."""
    features = [
        {
            "id": u.id,
            "name": u.name,
            "status": u.status,
            "footnotes": [{"number": n, "text": text} for n, text in u.footnotes],
            "reason": u.reason,
            "details": u.details,
            "parts": list(u.parts),
        }
        for u in verdict.features
    ]
    out = {
        "dataset_version": verdict.dataset_version,
        "arrangement": verdict.arrangement,
        "endpoint": verdict.endpoint,
        "verdict": "allowed" if verdict.allowed else "not allowed",
        "allowed": verdict.allowed,
        "features": features,
        "unknown": [{"part": part, "reason": reason} for part, reason in verdict.unknown],
        "refused": [{"part": part, "reason": reason} for part, reason in verdict.refused],
    }
    return json.dumps(out, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
