"""`retention build`: the main job."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from scraper.cli.options import ACCEPT, INPUT_FORMAT, MAX_BYTES, chosen_format, dist_option
from scraper.errors import Exit, fail

if TYPE_CHECKING:
    from scraper.source import Source


@click.command("build")
@click.argument("source", required=False, type=click.Path(path_type=Path, allow_dash=True))
@dist_option("Folder the outputs are published to.")
@INPUT_FORMAT
@MAX_BYTES
@ACCEPT
@click.option(
    "--localized",
    multiple=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="A copy of the page in another language (repeatable): published to DIST/locales/ with its drift.",
)
def build_cmd(
    source: Path | None, dist: Path, input_format: str, max_bytes: int, accept: bool, localized: tuple[Path, ...]
) -> int:
    """The main job: compile SOURCE, validate it, compare it with DIST and publish it there.

    Without SOURCE, the newest copy of the page bundled with the tool is compiled (the last
    one sources/manifest.json lists). When the data
    changed, DIST gets the new retention.json, retention.md and retention_constants.py,
    history/<version>.json and an updated CHANGELOG.md, all at once (a complete new tree is
    swapped in); dataset_version is bumped by the highest severity of the changes. The same
    data twice writes nothing. Rows, arrangements and footnotes keep the ids published before
    (a rename records the former name and is a patch). A change too large to be plausible, or a
    page field that went empty (on a first build: a field every copy of the page states, such as
    the FAQ or the summary, left empty), or a text dump row that reads two ways where the
    published version does not say which, is refused (exit 4) unless --accept; a page that cannot be fully read, or
    a DIST that disagrees with itself (see `retention verify`), is refused (exit 2); a disk that
    cannot be written is exit 5; Ctrl-C is exit 130 and says whether the version was published.
    Nothing is written on failure.

    With --localized copies, DIST/locales/<locale>.json holds each copy's rows under the English
    ids, DIST/locales/<locale>.drift.json its drift, and retention.md says which languages are
    behind and on what. The English dataset stays the one published as retention.json.

    Example: retention build sources/en-text-2026-04.txt --dist dist
    """
    from scraper.publish.build import build

    page = _page(source, input_format, max_bytes)
    if not localized:
        click.echo(build(page, dist, accept))
        return Exit.OK
    click.echo(_build_with_locales(page, dist, accept, localized, max_bytes))
    return Exit.OK


def _build_with_locales(page: Source, dist: Path, accept: bool, copies: tuple[Path, ...], max_bytes: int) -> str:
    """`build`, also publishing each localized copy and its drift from the English page."""
    from scraper.localize import sides
    from scraper.localize.publish import with_locales
    from scraper.publish import atomic
    from scraper.publish import build as builder

    with atomic.locked(dist):
        plan = builder.plan(page, dist, accept=accept)
        reports = {}
        for path in copies:
            copy, is_dataset = sides.localized_side(path, max_bytes, None, None)
            found = sides.compare(plan.dataset, page.origin, copy, is_dataset)
            locale = found.copy.source.locale
            if locale in reports:
                raise fail("locale", f"a second --localized copy in {locale!r}: give one copy a language", str(path))
            reports[locale] = found
        return builder.publish_plan(with_locales(plan, reports), dist, page.origin, accept)


def _page(path: Path | None, input_format: str, max_bytes: int) -> Source:
    """The page named on the command line; None is the newest copy bundled with the tool
    (the last of sources/manifest.json, with the page's URL)."""
    from dataclasses import replace

    from scraper import resources, source

    chosen = chosen_format(input_format)
    if path is not None:
        return source.read(path, chosen, max_bytes)
    newest = resources.newest_copy()
    return replace(source.read(newest.path, chosen or newest.form, max_bytes), url=newest.url)
