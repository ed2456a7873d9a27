"""Options shared by several commands: one name, one meaning, one help text everywhere.

`--input-format` is the form of a page read; `--format` the form of what a command prints;
`-o/--output` where it goes; `--max-bytes` the cap on every file read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

if TYPE_CHECKING:
    from scraper.source import Format

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]

INPUT_FORMAT = click.option(
    "--input-format",
    "input_format",
    type=click.Choice(["auto", "text", "html", "markdown"]),
    default="auto",
    show_default=True,
    help="Form of a page read: auto sniffs it from the content.",
)
MAX_BYTES = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=5 * 1024 * 1024,
    show_default=True,
    help="Refuse any input file larger than this, before parsing.",
)
ACCEPT = click.option(
    "--accept",
    is_flag=True,
    help="Publish even a change a plausibility gate holds back (rows or a column gone, "
    "most statuses flipped, footnotes collapsed, a page field emptied).",
)
LOCALE = click.option(
    "--locale",
    default=None,
    help="Language of the page read (id, zh-CN...), when neither its URL nor its HTML lang says.",
)
ENGLISH = click.option(
    "--english",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("dist/retention.json"),
    show_default=True,
    help="For a copy in another language: the English page or dataset its rows are keyed to.",
)
OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False, allow_dash=True),
    default=None,
    help="Write the result to FILE (replaced atomically) instead of stdout.",
)


def dist_option(help_text: str) -> Decorator:
    """`--dist DIR`: the published folder."""
    return click.option(
        "--dist",
        type=click.Path(path_type=Path, file_okay=False),
        default=Path("dist"),
        show_default=True,
        help=help_text,
    )


def output_format(choices: list[str], help_text: str) -> Decorator:
    """`--format`: the form of what the command prints (never the form of an input)."""
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=choices[0], show_default=True, help=help_text
    )


def chosen_format(input_format: str) -> Format | None:
    """`--input-format` as the front end's format; None to sniff."""
    return None if input_format == "auto" else cast("Format", input_format)


def emit(text: str, output: Path | None) -> None:
    """Print the result, or replace FILE with it atomically (old or new, never half)."""
    if output is None or str(output) == "-":
        click.echo(text, nl=False)
        return
    from scraper.errors import Exit, fail
    from scraper.publish.atomic import cause, write_atomic

    try:
        write_atomic(output, text)
    except OSError as err:
        raise fail("unwritable", cause(err), str(output), Exit.CANNOT_WRITE) from None
