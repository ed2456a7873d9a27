"""Compile one version of the page in each form, and compare datasets with link fields aside."""

from __future__ import annotations

from typing import Any

from schema.models import Dataset
from scraper import source
from scraper.compiler import compile_source
from tests import forms_dump, html_render

LINK_FIELDS = {"span", "doc_url", "url"}


def compile_as(text: str, fmt: source.Format, origin: str) -> Dataset:
    return compile_source(source.from_bytes(text.encode("utf-8"), origin, fmt))


def markdown(text: str) -> Dataset:
    return compile_as(text, "markdown", "page.md")


def html(text: str) -> Dataset:
    return compile_as(html_render.render(text), "html", "page.html")


def dump(text: str, cut: tuple[int, int] | None = None) -> Dataset:
    return compile_as(forms_dump.dump(text, cut), "text", "page.txt")


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in LINK_FIELDS}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def comparable(data: Dataset) -> dict[str, Any]:
    """The dataset without what only some forms carry: spans, links, and the source's identity."""
    dumped = data.model_dump(mode="json")
    dumped.pop("source")
    result: dict[str, Any] = _strip(dumped)
    result["title"] = data.source.title
    return result
