"""Render: takes a Dataset (and changes), gives text: the published files and the reports.

One jinja2 environment, one escaper per target language (Markdown, Python literals).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from schema.models import Dataset
from scraper.dataset_io import dumps
from scraper.errors import fail
from scraper.render.markdown import PAGE, render_markdown
from scraper.render.python import MODULE, render_python

DATASET = "retention.json"
Target = Literal["json", "markdown", "python"]


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, path)
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def guard(dataset: Dataset) -> None:
    """Refuse text no output can carry exactly: NUL and lone surrogates (not valid UTF-8)."""
    for path, text in _strings(dataset.model_dump(mode="python"), ""):
        bad = next((c for c in text if c == "\0" or "\ud800" <= c <= "\udfff"), None)
        if bad is not None:
            raise fail("unrenderable", f"U+{ord(bad):04X} cannot be published", path or "(top level)")


def render(dataset: Dataset, to: Target) -> str:
    """One output for `dataset`: the canonical JSON, the Markdown page or the constants module."""
    guard(dataset)
    if to == "markdown":
        return render_markdown(dataset)
    if to == "python":
        return render_python(dataset)
    return dumps(dataset)


def outputs(dataset: Dataset) -> dict[str, str]:
    """The files of dist/ (besides history) for `dataset`, by name relative to dist/."""
    guard(dataset)
    return {DATASET: dumps(dataset), PAGE: render_markdown(dataset), MODULE: render_python(dataset)}
