"""`retention render`: one output for a dataset a consumer already holds."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from scraper.cli import cli
from scraper.errors import Exit


@cli.command("render")
@click.argument("dataset", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--to",
    "to",
    type=click.Choice(["json", "markdown", "python"]),
    required=True,
    help="json: the canonical dataset; markdown: the readable page; python: the constants module.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default=None,
    help="Write here (atomically: the old file or the new, never half) instead of stdout.",
)
def render_cmd(dataset: Path, to: str, output: Path | None) -> int:
    """Render the dataset JSON file DATASET as one of the outputs `retention build` publishes.

    The dataset is checked first (schema and semantic rules, as `retention validate` does), so
    a hostile or broken file is refused (exit 2) instead of rendered. --to markdown gives the
    page dist/retention.md, --to python the standard-library-only module
    dist/retention_constants.py, --to json the canonical JSON. Same input, same bytes.

    Example: retention render dist/retention.json --to python -o retention_constants.py
    """
    from scraper import compiler, dataset_io
    from scraper.publish import atomic as publish
    from scraper.render import Target, render

    data = dataset_io.read(dataset)
    compiler.check(data, str(dataset), in_source=False)
    text = render(data, cast("Target", to))  # click.Choice has checked it
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
    else:
        publish.write_atomic(output, text)
    return Exit.OK
