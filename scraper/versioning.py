"""The published dataset's version: kept when the data is unchanged, bumped when it changes."""

from __future__ import annotations

from schema.models import Dataset

FIRST_VERSION = "1.0.0"


def same_data(old: Dataset, new: Dataset) -> bool:
    """True when only the version differs."""
    return old.model_copy(update={"dataset_version": new.dataset_version}) == new


def bump(version: str, part: str) -> str:
    major, minor, patch = (int(x) for x in version.split("."))
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def next_version(old: Dataset | None, new: Dataset) -> str:
    """The version `new` is published under, given the dataset published before it."""
    if old is None:
        return FIRST_VERSION
    if same_data(old, new):
        return old.dataset_version
    return bump(old.dataset_version, "minor")
