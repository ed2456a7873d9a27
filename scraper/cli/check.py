"""`retention check`: the scheduled job. Acquire the page, compile it, compare with dist/, report."""

from __future__ import annotations

import json
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import click

from scraper.cli.options import ACCEPT, INPUT_FORMAT, MAX_BYTES, OUTPUT, chosen_format, dist_option, emit, output_format
from scraper.errors import Exit, RetentionError

if TYPE_CHECKING:
    from schema.models import Dataset
    from scraper.localize.sides import Report
    from scraper.publish.build import Plan
    from scraper.source import Source

FETCH_STATE = "history/fetch.json"


@click.command("check")
@click.argument("source", required=False, type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option("--url", help="Fetch the page from URL (https; plain http only to a loopback address).")
@dist_option("The published folder to compare with (and publish to, with --publish).")
@click.option("--publish", is_flag=True, help="When the page changed, publish the new version to DIST.")
@ACCEPT
@output_format(
    ["text", "markdown", "json"], "Form of the report: text, markdown (a pull-request body) or json change records."
)
@OUTPUT
@INPUT_FORMAT
@click.option(
    "--deadline", type=click.FloatRange(min=0.1), default=60.0, show_default=True, help="Seconds for the whole fetch."
)
@MAX_BYTES
@click.option("--locales", default="", help="Also fetch these languages' copies (id,zh-CN) and report their drift.")
def check_cmd(
    source: Path | None,
    url: str | None,
    dist: Path,
    publish: bool,
    accept: bool,
    fmt: str,
    output: Path | None,
    input_format: str,
    deadline: float,
    max_bytes: int,
    locales: str,
) -> int:
    """The scheduled job: acquire the page, compile and validate it, diff it against DIST/retention.json.

    The page is SOURCE (a file), or fetched from --url; with neither, the live page is fetched.
    Fetching sends the ETag / Last-Modified kept in DIST/history/fetch.json, so an unchanged page
    costs a 304. The report says what changed; DIST is left untouched unless --publish is given,
    which publishes the new version exactly as `retention build` does (history, changelog).
    Exit 0 unchanged (a 304 too), 1 changed, 2 bad input, 3 could not fetch, 4 refused to
    publish (a plausibility gate; --accept overrides). With --format json, stdout is JSON in
    every outcome: the change records ([] when unchanged or not modified), or on failure
    {"exit_code", "problems"}.

    --locales id,zh-CN fetches /docs/<locale>/... next to the English page, adds each copy's
    drift to the report (exit 1 when one drifted) and, with --publish, writes dist/locales/.

    Example: retention check --url https://platform.claude.com/docs/en/manage-claude/api-and-data-retention
    """
    from scraper.publish import build as builder
    from scraper.publish.atomic import locked

    if source is not None and url is not None:
        raise click.UsageError("give SOURCE or --url, not both")
    if locales and fmt == "json":
        raise click.UsageError("--format json reports the English changes only; use text or markdown with --locales")
    try:
        published = builder.published(dist) if source is None else None  # read once: fetch state and a 304 use it
        acquired = _acquire(source, url, published, dist, deadline, max_bytes, input_format)
        if acquired is None:
            data = _compared_on_304(published, url or _live_url())
            languages = _languages(locales, url, data, deadline, max_bytes)
            emit(_not_modified(data, fmt) + _drift(languages, fmt), output)
            return Exit.CHANGED if any(r.found for r in languages.values()) else Exit.OK
        src, extra = acquired
        with locked(dist) if publish else nullcontext():
            plan = builder.plan(src, dist, extra, accept=accept)
            languages = _languages(locales, url, plan.dataset, deadline, max_bytes)
            emit(_report(plan, fmt) + _drift(languages, fmt), output)
            plan = _with_locales(plan, languages)
            if publish and (plan.changed or languages):
                click.echo(builder.publish_plan(plan, dist, src.origin, accept), err=True)
    except RetentionError as err:
        if fmt == "json":  # a job reading JSON gets JSON here too (stdout or -o); the lines still go to stderr
            problems = [{"kind": p.kind, "message": p.message, "where": p.where} for p in err.problems]
            failed = {"exit_code": int(err.code), "problems": problems}
            emit(json.dumps(failed, indent=2, sort_keys=True) + "\n", output)
        raise
    return Exit.CHANGED if plan.changed or any(r.found for r in languages.values()) else Exit.OK


def _live_url() -> str:
    from scraper.resources import BUNDLED_URL

    return BUNDLED_URL


def _compared_on_304(published: Dataset | None, url: str) -> Dataset:
    """The published dataset a 304 answer stands for; refused when nothing is published."""
    from scraper.errors import fail

    if published is None:
        raise fail("fetch", "HTTP 304 Not Modified, but nothing is published to compare with", url, Exit.FETCH_FAILED)
    return published


def _not_modified(data: Dataset, fmt: str) -> str:
    """The report when the server answers 304: no changes, in the format asked for."""
    from scraper.render import reports as diff_report

    heading = f"API and data retention: not modified since dataset {data.dataset_version} (HTTP 304)"
    return diff_report.render(fmt, [], data, data, heading)


def _acquire(
    source: Path | None,
    url: str | None,
    published: Dataset | None,
    dist: Path,
    deadline: float,
    max_bytes: int,
    input_format: str,
) -> tuple[Source, dict[str, str]] | None:
    """The page and the fetch state to publish with it; None when the server says 304. The
    fetch state is sent only while it belongs to the `published` dataset."""
    from scraper import fetch, resources
    from scraper.source import read

    if source is not None:
        return read(source, chosen_format(input_format), max_bytes), {}
    url = url or resources.BUNDLED_URL
    known = fetch.Validators.read(dist / FETCH_STATE)
    if known is not None and (published is None or published.source.sha256 != known.sha256):
        known = None
    got = fetch.fetch(url, known, fetch.Limits(deadline=deadline, max_bytes=max_bytes))
    if got.source is None:
        return None
    return got.source, {FETCH_STATE: got.validators.text()}


def _report(plan: Plan, fmt: str) -> str:
    """The diff against what is published; before the first publish, against an empty dataset."""
    from schema.diff import diff
    from scraper.render import reports as diff_report

    new = plan.dataset
    old = plan.previous or new.model_copy(
        update={"arrangements": [], "features": [], "footnotes": [], "dataset_version": "0.0.0"}
    )
    changes = plan.changes if plan.previous else diff(old, new)
    if plan.changed:
        heading = f"API and data retention: dataset {old.dataset_version} -> {new.dataset_version}"
    else:
        heading = f"API and data retention: unchanged (dataset {new.dataset_version})"
    return diff_report.render(fmt, changes, old, new, heading)


def _languages(locales: str, url: str | None, english: Dataset, deadline: float, max_bytes: int) -> dict[str, Report]:
    """Each localized copy's drift from the English page just compiled (none without --locales)."""
    if not locales:
        return {}
    from scraper.localize.fetching import reports

    return reports(locales, url or _live_url(), english, deadline, max_bytes)


def _drift(languages: dict[str, Report], fmt: str) -> str:
    from scraper.render import drift as report

    parts = [
        report.render(fmt, r.found, f"{code} copy against the English page", code) for code, r in languages.items()
    ]
    return "".join(("\n" if fmt == "markdown" else "") + p for p in parts)


def _with_locales(plan: Plan, languages: dict[str, Report]) -> Plan:
    from scraper.localize.publish import with_locales

    return with_locales(plan, languages)
