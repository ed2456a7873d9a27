"""What dist/ says of the other languages: `locales/<locale>.json`, each copy's dataset (its rows
under the English ids; same schema as retention.json), `locales/<locale>.drift.json`, its drift
from the English page (summary and records), and a section of retention.md naming the languages
that are behind and on what. The English dataset stays the only authority."""

from __future__ import annotations

from dataclasses import replace

from schema import models as m
from scraper.dataset_io import dumps
from scraper.localize.match import under_english_ids
from scraper.localize.sides import Report
from scraper.publish.build import Plan
from scraper.render import drift as report
from scraper.render.escape import md
from scraper.render.markdown import PAGE, render_markdown


def keyed_rows(found: Report) -> m.Dataset:
    """The copy with the rows that match an English feature, under its id (a row the English page
    lacks is in the drift, not here: it has no id); footnotes cited only by such rows go too."""
    data = under_english_ids(found.copy, found.matching.pairs)
    return data.model_copy(update={"footnotes": [n for n in data.footnotes if n.applies_to]})


def files(reports: dict[str, Report]) -> dict[str, str]:
    """The files of dist/locales/ for each language's report."""
    result = {}
    for locale, found in sorted(reports.items()):
        result[f"locales/{locale}.json"] = dumps(keyed_rows(found))
        result[f"locales/{locale}.drift.json"] = report.records(found.found, "", locale)
    return result


def section(reports: dict[str, Report]) -> str:
    """The Markdown section of retention.md: each language, in step or what it is behind on."""
    lines = ["", "## Other languages", ""]
    for locale, found in sorted(reports.items()):
        lines.append(f"- **{md(locale)}**: {md(report.verdict(found.found))}")
        lines += [f"  - {md(d.message)}" for d in found.found]
    return "\n".join(lines) + "\n"


def with_locales(plan: Plan, reports: dict[str, Report]) -> Plan:
    """The plan, also writing dist/locales/ and the languages section of retention.md (rendered
    with the plan's other files, after the gates)."""
    if not reports:
        return plan

    def render() -> dict[str, str]:
        base = plan.render()
        page = base.get(PAGE) or render_markdown(plan.dataset)
        return {**base, **files(reports), PAGE: page.rstrip("\n") + "\n" + section(reports)}

    return replace(plan, render=render)
