"""`retention drift ENGLISH LOCALIZED`: how far a copy in another language lags the English page."""

from __future__ import annotations

from pathlib import Path

import click

from scraper.cli.options import INPUT_FORMAT, LOCALE, MAX_BYTES, OUTPUT, chosen_format, emit, output_format
from scraper.errors import Exit


@click.command("drift")
@click.argument("english", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.argument("localized", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@output_format(["text", "markdown", "json"], "text for a terminal, markdown for a PR body, json records.")
@OUTPUT
@INPUT_FORMAT
@LOCALE
@MAX_BYTES
def drift_cmd(
    english: Path, localized: Path, fmt: str, output: Path | None, input_format: str, locale: str | None, max_bytes: int
) -> int:
    """Report how the copy LOCALIZED differs from the English page ENGLISH.

    Each is a page in any form or a dataset. The copy's rows are keyed to the English ids by
    doc link and endpoints (never by name or order); the report lists rows the copy lacks or
    adds, statuses and footnote marks that disagree, and arrangements (columns) it lacks or adds,
    row by row with the copy's line. The copy's language comes from its URL, its HTML lang or
    --locale. Exit 0 in step, 1 drifted, 2 bad input.

    Example: retention drift english.md indonesian.md --format markdown
    """
    from scraper.localize import sides
    from scraper.render import drift as report

    form = chosen_format(input_format)
    base = sides.english_side(english, max_bytes, form)
    page, is_dataset = sides.localized_side(localized, max_bytes, form, locale)
    found = sides.compare(base, str(english), page, is_dataset)
    heading = f"{found.copy.source.locale} copy {localized} against the English page {english}"
    emit(report.render(fmt, found.found, heading, found.copy.source.locale), output)
    return Exit.CHANGED if found.found else Exit.OK
