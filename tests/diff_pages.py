"""Datasets of the page's real versions, compiled today from text dumps of the Markdown copies.

March (4 columns, ZDR only) and May are read from their Markdown copies by tests/md_table.py
and glued into text dumps (tests/dumps.py), so they compile with the text front end alone.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from schema.models import Dataset, Feature
from tests import dumps, md_table
from tests.conftest import BUNDLED, MD_MAY, MDX_MARCH, compile_text


def march_text(cut: tuple[int, int] | None = None) -> str:
    columns, rows, notes = md_table.read(MDX_MARCH.read_text(encoding="utf-8"))
    return dumps.dump(columns, rows, notes, cut=cut)


def may_text(cut: tuple[int, int] | None = None, reverse: bool = False) -> str:
    columns, rows, notes = md_table.read(MD_MAY.read_text(encoding="utf-8"))
    return dumps.dump(columns, rows[::-1] if reverse else rows, notes, cut=cut)


@cache
def march() -> Dataset:
    return compile_text(march_text(), "march.txt")


@cache
def april() -> Dataset:
    return compile_text(BUNDLED.read_text(encoding="utf-8"), "april.txt")


@cache
def may() -> Dataset:
    return compile_text(may_text(), "may.txt")


def edit_feature(data: Dataset, fid: str, **update: Any) -> Dataset:
    """`data` with feature `fid` changed by `update` (validated like a loaded dataset)."""
    features = [f.model_copy(update=update) if f.id == fid else f for f in data.features]
    return Dataset.model_validate({**data.model_dump(), "features": [f.model_dump() for f in features]})


def feature(data: Dataset, fid: str) -> Feature:
    return next(f for f in data.features if f.id == fid)


def edit(data: Dataset, **update: Any) -> Dataset:
    """`data` with top-level fields replaced, round-tripped through validation."""
    return Dataset.model_validate({**data.model_dump(), **update})
