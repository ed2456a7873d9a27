"""dist/history/: every published dataset as `<version>.json`, and a manifest of its sources.

History files are never rewritten: a version, once published, keeps its bytes. The manifest
maps each version to the copy of the page it was compiled from (file name, URL, sha256, the
page's own date), so the changelog can say where each version came from, and records the sha256
of the history file itself (`history_sha256`) so that a hand-edited history is noticed
(publish/verify.py).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from schema.models import Dataset
from scraper import dataset_io
from scraper.errors import fail
from scraper.publish import versioning
from scraper.source import Source

FOLDER = "history"
MANIFEST = f"{FOLDER}/manifest.json"

Manifest = dict[str, dict[str, Any]]


def name(version: str) -> str:
    return f"{FOLDER}/{version}.json"


def versions(dist: Path) -> list[str]:
    """Published versions, oldest first (semver order)."""
    found = [p.stem for p in (dist / FOLDER).glob("*.json") if versioning.SEMVER.match(p.stem)]
    return sorted(found, key=versioning.parse)


def read_manifest(dist: Path) -> Manifest:
    path = dist / MANIFEST
    if not path.exists():
        return {}
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise fail("history", f"unreadable manifest: {err}", str(path)) from None
    if not isinstance(value, dict):
        raise fail("history", "the manifest is not a JSON object", str(path))
    return value


def manifest_entry(source: Source | None, data: Dataset, accepted: str | None = None) -> dict[str, Any]:
    """Where a version came from: the copy's file name (None when it was fetched, or for a
    dataset adopted from dist/ as it was), URL, sha256 and the page's own date (None when the
    copy states none); `accepted`, when given, says why it passed the plausibility gates it trips."""
    fetched = source is None or source.origin == source.url or "://" in source.origin
    origin = None if fetched or source is None else Path(source.origin).name
    found = data.source
    entry = {"date": found.date, "file": origin, "format": found.format, "sha256": found.sha256, "url": found.url}
    entry |= {"accepted": accepted} if accepted else {}
    return entry | {"history_sha256": digest(dataset_io.dumps(data))}


def digest(text: str) -> str:
    """sha256 of a history file's bytes, recorded in the manifest so `verify` can check it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def manifest_text(manifest: Manifest) -> str:
    ordered = {v: manifest[v] for v in sorted(manifest, key=versioning.parse)}
    return json.dumps(ordered, indent=2, sort_keys=False, ensure_ascii=False) + "\n"
