"""A localized copy's drift from the English page as a report: text for a terminal, Markdown for
a pull request or dist/retention.md, JSON records (with a summary) for tools."""

from __future__ import annotations

import json

from schema.drift import Drift, summary
from scraper.render.escape import md

FORMATS = ("text", "markdown", "json")
KINDS = {  # kind -> (one, several)
    "arrangement_missing": ("arrangement missing", "arrangements missing"),
    "arrangement_added": ("arrangement added", "arrangements added"),
    "row_missing": ("row missing", "rows missing"),
    "row_added": ("row added", "rows added"),
    "status": ("status that disagrees", "statuses that disagree"),
    "footnotes": ("cell whose footnote marks disagree", "cells whose footnote marks disagree"),
}


def verdict(found: list[Drift]) -> str:
    """`in step`, or what the copy is behind on: `3 rows missing, 1 status that disagree...`."""
    if not found:
        return "in step with the English page"
    counts = [f"{n} {one if n == 1 else many}" for kind, (one, many) in KINDS.items() if (n := _count(found, kind))]
    return "drifted: " + ", ".join(counts)


def _count(found: list[Drift], kind: str) -> int:
    return sum(d.kind == kind for d in found)


def text(found: list[Drift], heading: str, locale: str) -> str:
    lines = [f"{heading}: {verdict(found)}"]
    lines += [f"  {d.kind:19}  {d.message}" + (f"  ({d.where})" if d.where else "") for d in found]
    return "\n".join(lines) + "\n"


def markdown(found: list[Drift], heading: str, locale: str) -> str:
    lines = [f"## {md(heading)}", "", f"**{md(verdict(found))}**"]
    for kind, (_, label) in KINDS.items():
        group = [d for d in found if d.kind == kind]
        if group:
            lines += ["", f"### {label.capitalize()}", ""]
            lines += [f"- {md(d.message)}" for d in group]
    return "\n".join(lines) + "\n"


def records(found: list[Drift], heading: str, locale: str) -> str:
    body = {"summary": summary(locale, found), "drift": [d.record() for d in found]}
    return json.dumps(body, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def render(fmt: str, found: list[Drift], heading: str, locale: str) -> str:
    """The drift report in `fmt` (one of FORMATS)."""
    return {"text": text, "markdown": markdown, "json": records}[fmt](found, heading, locale)
