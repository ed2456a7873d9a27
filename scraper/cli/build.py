"""`retention build`: the main job."""

from __future__ import annotations

from pathlib import Path

import click

from scraper.cli.options import ACCEPT, INPUT_FORMAT, MAX_BYTES, chosen_format, dist_option
from scraper.errors import Exit


@click.command("build")
@click.argument("source", required=False, type=click.Path(path_type=Path, allow_dash=True))
@dist_option("Folder the outputs are published to.")
@INPUT_FORMAT
@MAX_BYTES
@ACCEPT
def build_cmd(source: Path | None, dist: Path, input_format: str, max_bytes: int, accept: bool) -> int:
    """The main job: compile SOURCE, validate it, compare it with DIST and publish it there.

    Without SOURCE, the copy of the page bundled with the tool is compiled. When the data
    changed, DIST gets the new retention.json, retention.md and retention_constants.py,
    history/<version>.json and an updated CHANGELOG.md, all at once (a complete new tree is
    swapped in); dataset_version is bumped by the highest severity of the changes. The same
    data twice writes nothing. Rows, arrangements and footnotes keep the ids published before
    (a rename records the former name and is a patch). A change too large to be plausible, or a
    page field that went empty, or a text dump row that reads two ways where the published version
    does not say which, is refused (exit 4) unless --accept; a page that cannot be fully read, or
    a DIST that disagrees with itself (see `retention verify`), is refused (exit 2); a disk that
    cannot be written is exit 5; Ctrl-C is exit 130 and says whether the version was published.
    Nothing is written on failure.

    Example: retention build sources/en-text-2026-04.txt --dist dist
    """
    from scraper import resources
    from scraper import source as sources
    from scraper.publish.build import build

    page = sources.read(source or resources.bundled_source(), chosen_format(input_format), max_bytes)
    click.echo(build(page, dist, accept))
    return Exit.OK
