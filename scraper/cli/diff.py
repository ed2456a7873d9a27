"""`retention diff OLD NEW`: what changed between two versions of the page, and how much."""

from __future__ import annotations

from pathlib import Path

import click

from scraper.cli.options import INPUT_FORMAT, MAX_BYTES, OUTPUT, chosen_format, emit, output_format
from scraper.errors import Exit

UNPUBLISHED = "0.0.0"


@click.command("diff")
@click.argument("old", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.argument("new", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@output_format(
    ["text", "markdown", "json", "patch"],
    "text for a terminal, markdown for a PR body, json change records, patch (RFC 6902 OLD -> NEW).",
)
@OUTPUT
@INPUT_FORMAT
@MAX_BYTES
def diff_cmd(old: Path, new: Path, fmt: str, output: Path | None, input_format: str, max_bytes: int) -> int:
    """Compare OLD with NEW and report what changed, keyed by feature and arrangement ids.

    OLD and NEW are each a dataset JSON (an object with schema_version) or a page in any form
    (text dump, HTML, Markdown), which is compiled first (--input-format names the form of
    a page; a dataset is always read as one). Rows that move, and line numbers,
    are not changes. Each change has a severity: major (feature or arrangement removed,
    eligibility narrowed, endpoint removed), minor (added, widened, retention changed),
    patch (wording). A NEW that was never published (a page, or `retention compile` output:
    dataset_version 0.0.0) takes OLD's ids first, as `retention build` would: a renamed row is
    reported under the id it keeps. Exit 0 no change, 1 changes, 2 bad input.

    Example: retention diff dist/history/1.0.0.json sources/en-text-2026-04.txt --format markdown
    """
    from schema.diff import diff
    from scraper import diff_input
    from scraper.publish import ids as publish_ids
    from scraper.render import reports as diff_report

    form = chosen_format(input_format)
    before, after = diff_input.load(old, max_bytes, form), diff_input.load(new, max_bytes, form)
    if after.dataset_version == UNPUBLISHED:
        after = publish_ids.carry(before, after)
    changes = diff(before, after)
    emit(diff_report.render(fmt, changes, before, after, f"{old} -> {new}"), output)
    return Exit.CHANGED if changes else Exit.OK
