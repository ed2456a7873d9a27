"""dist/retention.md: the dataset as a page a reviewer reads (GitHub-flavoured Markdown)."""

from __future__ import annotations

import json

from schema.models import Dataset
from scraper.render.env import render
from scraper.vocabulary import ENGLISH

PAGE = "retention.md"
ICONS = {"yes": "✅", "qualified": "⚠️", "no": "❌"}
LABELS = {status: f"{icon} {ENGLISH.word(status)}" for status, icon in ICONS.items()}


def _summary(dataset: Dataset) -> dict[str, dict[str, list[str]]]:
    """Per arrangement, the feature names under each status, in table order."""
    return {
        a.id: {s: [f.name for f in dataset.features if f.eligibility[a.id].status == s] for s in LABELS}
        for a in dataset.arrangements
    }


def render_markdown(dataset: Dataset) -> str:
    """The page: source, eligibility table, footnotes, scopes, HIPAA steps, PHI rules, limitations."""
    error = dataset.page.error_example
    return render(
        "dataset.md.j2",
        data=dataset,
        labels=LABELS,
        summary=_summary(dataset),
        error_json=json.dumps(error, indent=2, sort_keys=True, ensure_ascii=True) if error is not None else "",
    )
