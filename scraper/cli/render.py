"""`retention render`: one output for a dataset a consumer already holds."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from scraper.cli.options import MAX_BYTES, OUTPUT, emit
from scraper.errors import Exit


@click.command("render")
@click.argument("dataset", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--to",
    "to",
    type=click.Choice(["json", "markdown", "python"]),
    required=True,
    help="json: the canonical dataset; markdown: the readable page; python: the constants module.",
)
@OUTPUT
@MAX_BYTES
def render_cmd(dataset: Path, to: str, output: Path | None, max_bytes: int) -> int:
    """Render the dataset JSON file DATASET as one of the outputs `retention build` publishes.

    The dataset is checked first (schema and semantic rules, as `retention validate` does), so
    a hostile or broken file is refused (exit 2) instead of rendered. --to markdown gives the
    page dist/retention.md, --to python the standard-library-only module
    dist/retention_constants.py, --to json the canonical JSON. Same input, same bytes.

    Example: retention render dist/retention.json --to python -o retention_constants.py
    """
    from scraper.dataset_io import load_dataset
    from scraper.render import Target, render

    data = load_dataset(dataset, max_bytes)
    emit(render(data, cast("Target", to)), output)  # click.Choice has checked `to`
    return Exit.OK
