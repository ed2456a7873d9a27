"""dist/ verified before it is trusted: the dataset, the manifest, every history file and the
CHANGELOG must agree with each other.

A dist/ edited by hand (a history file deleted or changed, the manifest gone, a version set in
retention.json by hand) would otherwise be read as the truth: the next build would diff against
it, adopt its version and write a CHANGELOG describing changes that never happened. Each build
runs this first; `retention verify` runs it alone. A dist/ published before history was kept
(retention.json alone) is accepted as it is; a manifest entry without `history_sha256` (written
before the hash was recorded) is checked for everything but the hash, and in a dist/ none of
whose entries has one, a retention.json newer than the history is adopted as before.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from schema.models import Dataset
from scraper import dataset_io
from scraper.errors import Problem, RetentionError, fail
from scraper.publish import changelog, history, versioning
from scraper.render import DATASET

_HEADING = re.compile(r"^## (\S+)$", re.MULTILINE)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise fail("verify", f"cannot read: {err.strerror or err}", str(path)) from None


def problems(dist: Path) -> list[Problem]:
    """Every way dist/ disagrees with itself, each naming the file; [] when it is consistent."""
    if not (dist / DATASET).exists():
        kept = [p for p in (history.MANIFEST, changelog.NAME) if (dist / p).exists()] + history.versions(dist)
        missing = f"{DATASET} is missing but the folder holds a published history"
        return [Problem("verify", missing, str(dist / DATASET))] if kept else []
    current = dataset_io.load_dataset(dist / DATASET)
    versions = history.versions(dist)
    if not versions and not (dist / history.MANIFEST).exists():
        return []  # published before history was kept: adopted by the next build
    found = _manifest(dist, versions)
    found += _current(dist, current, versions)
    found += _changelog(dist, versions)
    return found


def check(dist: Path) -> None:
    """Raise (exit 2) naming every file of dist/ that disagrees with the rest."""
    found = problems(dist)
    if found:
        raise RetentionError(found)


def summary(dist: Path) -> str:
    """One line for `retention verify` when dist/ is consistent."""
    versions = history.versions(dist)
    if not (dist / DATASET).exists():
        return f"{dist}: nothing published yet"
    data: Dataset = dataset_io.load_dataset(dist / DATASET)
    return f"{dist}: verified (dataset {data.dataset_version}, {len(versions)} history versions agree)"


def _manifest(dist: Path, versions: list[str]) -> list[Problem]:
    where = str(dist / history.MANIFEST)
    if not (dist / history.MANIFEST).exists():
        return [Problem("verify", "the manifest of the published history is missing", where)]
    manifest = history.read_manifest(dist)
    found = [
        Problem("verify", f"version {v} is listed but its history file is missing", where)
        for v in sorted(set(manifest) - set(versions))
    ]
    found += [
        Problem("verify", f"history file {v}.json is not listed in the manifest", where)
        for v in versions
        if v not in manifest
    ]
    for version in versions:
        found += _history_file(dist / history.name(version), version, manifest.get(version))
    return found


def _history_file(path: Path, version: str, entry: object) -> list[Problem]:
    data = dataset_io.load_dataset(path)
    if data.dataset_version != version:
        return [Problem("verify", f"holds dataset_version {data.dataset_version}, not {version}", str(path))]
    recorded = entry.get("history_sha256") if isinstance(entry, dict) else None
    if recorded is not None and recorded != hashlib.sha256(_read(path)).hexdigest():
        return [Problem("verify", "changed since it was published (sha256 differs from the manifest)", str(path))]
    return []


def _current(dist: Path, current: Dataset, versions: list[str]) -> list[Problem]:
    where = str(dist / DATASET)
    if not versions:
        return [Problem("verify", "no history file holds the published dataset", where)]
    newest = versions[-1]
    if current.dataset_version not in versions and _legacy(dist, newest, current.dataset_version):
        return []  # published by a tool that kept no hashes: adopted into the history as it is
    if current.dataset_version != newest:
        message = f"dataset_version {current.dataset_version} is not the newest published version {newest}"
        return [Problem("verify", message, where)]
    if _read(dist / DATASET) != _read(dist / history.name(newest)):
        return [Problem("verify", f"differs from {history.name(newest)}, the version it claims to be", where)]
    return []


def _legacy(dist: Path, newest: str, current: str) -> bool:
    """A retention.json newer than the history, in a dist/ whose manifest records no
    `history_sha256` (written by a tool before verification): the old adoption rule applies."""
    manifest = history.read_manifest(dist)
    hashed = any(isinstance(e, dict) and "history_sha256" in e for e in manifest.values())
    return (
        not hashed
        and versioning.SEMVER.match(current) is not None
        and (versioning.parse(current) > versioning.parse(newest))
    )


def _changelog(dist: Path, versions: list[str]) -> list[Problem]:
    path = dist / changelog.NAME
    if not path.exists():
        return [Problem("verify", "the CHANGELOG of the published history is missing", str(path))]
    listed = _HEADING.findall(_read(path).decode("utf-8", errors="replace"))
    if sorted(listed) != sorted(versions):
        message = f"lists versions {', '.join(listed) or 'none'}; the history holds {', '.join(versions)}"
        return [Problem("verify", message, str(path))]
    return []
