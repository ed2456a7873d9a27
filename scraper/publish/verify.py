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
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Published:
    """dist/ as read once: the dataset consumers read, every history file, the manifest."""

    current: Dataset | None
    entries: list[tuple[str, Dataset]] = field(default_factory=list)
    manifest: history.Manifest = field(default_factory=dict)


def read(dist: Path) -> tuple[Published, list[Problem]]:
    """Read dist/ once and say every way it disagrees with itself, each naming the file."""
    if not (dist / DATASET).exists():
        kept = [p for p in (history.MANIFEST, changelog.NAME) if (dist / p).exists()] + history.versions(dist)
        missing = f"{DATASET} is missing but the folder holds a published history"
        return Published(None), [Problem("verify", missing, str(dist / DATASET))] if kept else []
    current = dataset_io.load_dataset(dist / DATASET)
    versions = history.versions(dist)
    if not versions and not (dist / history.MANIFEST).exists():
        return Published(current), []  # published before history was kept: adopted by the next build
    state, found = _history(dist, current, versions)
    found += _current(dist, state, versions)
    found += _changelog(dist, versions)
    return state, found


def problems(dist: Path) -> list[Problem]:
    """Every way dist/ disagrees with itself, each naming the file; [] when it is consistent."""
    return read(dist)[1]


def check(dist: Path) -> Published:
    """dist/ as read, once it is known to agree with itself; else raise (exit 2) naming every
    file that disagrees with the rest."""
    state, found = read(dist)
    if found:
        raise RetentionError(found)
    return state


def summary(dist: Path, state: Published) -> str:
    """One line for `retention verify` when dist/ is consistent."""
    if state.current is None:
        return f"{dist}: nothing published yet"
    versions = len(history.versions(dist))
    return f"{dist}: verified (dataset {state.current.dataset_version}, {versions} history versions agree)"


def _history(dist: Path, current: Dataset, versions: list[str]) -> tuple[Published, list[Problem]]:
    """Every history file read once, checked against the manifest."""
    where = str(dist / history.MANIFEST)
    if not (dist / history.MANIFEST).exists():
        return Published(current), [Problem("verify", "the manifest of the published history is missing", where)]
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
    entries = [(v, dataset_io.load_dataset(dist / history.name(v))) for v in versions]
    for version, data in entries:
        found += _history_file(dist / history.name(version), data, version, manifest.get(version))
    return Published(current, entries, manifest), found


def _history_file(path: Path, data: Dataset, version: str, entry: object) -> list[Problem]:
    if data.dataset_version != version:
        return [Problem("verify", f"holds dataset_version {data.dataset_version}, not {version}", str(path))]
    recorded = entry.get("history_sha256") if isinstance(entry, dict) else None
    if recorded is not None and recorded != hashlib.sha256(_read(path)).hexdigest():
        return [Problem("verify", "changed since it was published (sha256 differs from the manifest)", str(path))]
    return []


def _current(dist: Path, state: Published, versions: list[str]) -> list[Problem]:
    where, current = str(dist / DATASET), state.current
    assert current is not None  # read() checks the history only beside a published dataset
    if not versions:
        return [Problem("verify", "no history file holds the published dataset", where)]
    newest = versions[-1]
    if current.dataset_version not in versions and _legacy(state.manifest, newest, current.dataset_version):
        return []  # published by a tool that kept no hashes: adopted into the history as it is
    if current.dataset_version != newest:
        message = f"dataset_version {current.dataset_version} is not the newest published version {newest}"
        return [Problem("verify", message, where)]
    if _read(dist / DATASET) != _read(dist / history.name(newest)):
        return [Problem("verify", f"differs from {history.name(newest)}, the version it claims to be", where)]
    return []


def _legacy(manifest: history.Manifest, newest: str, current: str) -> bool:
    """A retention.json newer than the history, in a dist/ whose manifest records no
    `history_sha256` (written by a tool before verification): the old adoption rule applies."""
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
