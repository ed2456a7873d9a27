"""The published dataset's version: semver, bumped by the most severe change since the last one.

A removal or a narrowing is a major bump (a consumer relying on the old data may now be wrong),
an addition or widening a minor one, a rewording a patch; no change keeps the version.
"""

from __future__ import annotations

import re

from schema.diff import Severity

FIRST_VERSION = "1.0.0"
SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def parse(version: str) -> tuple[int, int, int]:
    match = SEMVER.match(version)
    if match is None:
        raise ValueError(f"not a semantic version: {version!r}")
    major, minor, patch = (int(x) for x in match.groups())
    return major, minor, patch


def bump(version: str, part: Severity) -> str:
    major, minor, patch = parse(version)
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def latest(versions: list[str]) -> str | None:
    """The highest of `versions` by semver order (not string order: 10.0.0 > 9.0.0)."""
    return max(versions, key=parse, default=None)


def next_version(base: str | None, severity: Severity | None) -> str:
    """The version to publish after `base` (None: nothing published yet) given the diff's severity."""
    if base is None:
        return FIRST_VERSION
    if severity is None:
        return base
    return bump(base, severity)
