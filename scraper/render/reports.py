"""A diff as a report: text for a terminal, Markdown for a pull request, JSON records, or a patch.

The JSON patch (RFC 6902) turns the OLD dataset into the NEW one exactly, spans and digest
included; the other formats show only the semantic changes of `schema.diff`, each in the words
of scraper/render/wording.py (JSON: the change record with its `message`).
"""

from __future__ import annotations

import json
from collections.abc import Callable

import jsonpatch

from schema.diff import SEVERITIES, Change, highest
from schema.models import Dataset
from scraper.render.escape import md
from scraper.render.wording import messages

FORMATS = ("text", "markdown", "json", "patch")


def summary(changes: list[Change]) -> str:
    if not changes:
        return "no changes"
    counts = ", ".join(f"{n} {s}" for s in SEVERITIES if (n := sum(c.severity == s for c in changes)))
    return f"{len(changes)} change{'s' if len(changes) != 1 else ''} ({counts}); highest: {highest(changes)}"


def text(changes: list[Change], old: Dataset, new: Dataset, heading: str) -> str:
    lines = [f"{heading}: {summary(changes)}"]
    said = list(zip(changes, messages(changes, old, new), strict=True))
    lines += [f"  {c.severity.upper():5}  {m}" for s in SEVERITIES for c, m in said if c.severity == s]
    return "\n".join(lines) + "\n"


def markdown(changes: list[Change], old: Dataset, new: Dataset, heading: str) -> str:
    lines = [f"## {md(heading)}", "", f"**{summary(changes)}**"]
    lines += ["", f"- old: {_describe(old)}", f"- new: {_describe(new)}"]
    return "\n".join(lines + by_severity(changes, old, new)) + "\n"


def by_severity(changes: list[Change], old: Dataset, new: Dataset) -> list[str]:
    """Markdown lines: a `### Major` / `### Minor` / `### Patch` list of the changes in words."""
    said = list(zip(changes, messages(changes, old, new), strict=True))
    lines: list[str] = []
    for severity in SEVERITIES:
        group = [m for c, m in said if c.severity == severity]
        if group:
            lines += ["", f"### {severity.capitalize()}", "", *(f"- {md(m)}" for m in group)]
    return lines


def _describe(data: Dataset) -> str:
    where = data.source.url or data.source.format
    digest = data.source.sha256[:12]
    return f"dataset {data.dataset_version}, {len(data.features)} features, {md(where)} (sha256 {digest})"


def records(changes: list[Change], old: Dataset, new: Dataset, heading: str) -> str:
    said = [{**c.record(), "message": m} for c, m in zip(changes, messages(changes, old, new), strict=True)]
    return json.dumps(said, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def patch(changes: list[Change], old: Dataset, new: Dataset, heading: str) -> str:
    ops = jsonpatch.make_patch(old.model_dump(mode="json"), new.model_dump(mode="json")).patch
    return json.dumps(ops, indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[list[Change], Dataset, Dataset, str], str]] = {
    "text": text,
    "markdown": markdown,
    "json": records,
    "patch": patch,
}


def render(fmt: str, changes: list[Change], old: Dataset, new: Dataset, heading: str = "retention diff") -> str:
    """The report of `changes` from `old` to `new` in `fmt` (one of FORMATS)."""
    return RENDERERS[fmt](changes, old, new, heading)
