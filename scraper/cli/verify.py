"""`retention verify`: check that a published dist/ agrees with itself, on its own."""

from __future__ import annotations

from pathlib import Path

import click

from scraper.cli.options import dist_option
from scraper.errors import Exit


@click.command("verify")
@dist_option("Folder the outputs were published to.")
def verify_cmd(dist: Path) -> int:
    """Check that DIST's retention.json, history files, manifest and CHANGELOG agree.

    retention.json must be the newest history file byte for byte; every history file must be
    listed in history/manifest.json with the sha256 it was published with; the CHANGELOG must
    have one section per published version. Every build runs the same check first. A folder
    that disagrees with itself (edited by hand, a file deleted) is named, one line per file,
    exit 2. Nothing is written.

    Example: retention verify --dist dist
    """
    from scraper.publish import verify

    click.echo(verify.summary(dist, verify.check(dist)))
    return Exit.OK
