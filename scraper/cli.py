"""The `retention` command line. Each command's docstring is its help.

Heavy modules (pydantic, lxml) are imported inside the commands that need them, so that
`retention --help` stays fast.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from scraper.errors import Exit, RetentionError

if TYPE_CHECKING:
    from scraper.source import Format, Source

FORMAT_CHOICE = click.Choice(["auto", "text", "html", "markdown"])
MAX_BYTES = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=5 * 1024 * 1024,
    show_default=True,
    help="Refuse inputs larger than this, before parsing.",
)


ACCEPT = click.option(
    "--accept",
    is_flag=True,
    help="Publish even a change a plausibility gate holds back (rows or a column gone, "
    "most statuses flipped, footnotes collapsed).",
)
FORMAT = click.option(
    "--format",
    "fmt",
    type=FORMAT_CHOICE,
    default="auto",
    show_default=True,
    help="Form of SOURCE; auto sniffs it from the content.",
)


def _source(path: Path | None, fmt: str, max_bytes: int) -> Source:
    """The page named on the command line; None is the newest copy bundled with the tool
    (the last of sources/manifest.json, with the page's URL)."""
    from dataclasses import replace

    from scraper import resources, source

    chosen = None if fmt == "auto" else cast("Format", fmt)
    if path is not None:
        return source.read(path, chosen, max_bytes)
    newest = resources.newest_copy()
    return replace(source.read(newest.path, chosen or newest.form, max_bytes), url=newest.url)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="retention")
def cli() -> None:
    """Compile Anthropic's "API and data retention" page into data.

    The page says which Claude API features are allowed under zero data retention (ZDR) and
    HIPAA readiness. retention reads it (flattened text dump, HTML or Markdown), checks it, and
    publishes one canonical JSON dataset in dist/.

    Exit codes: 0 ok, 1 changes found, 2 bad input or usage, 3 could not fetch,
    4 refused to publish, 70 internal error.
    """


@cli.command("compile")
@click.argument("source", type=click.Path(path_type=Path, allow_dash=True))
@FORMAT
@MAX_BYTES
def compile_cmd(source: Path, fmt: str, max_bytes: int) -> int:
    """Compile the page SOURCE and print its dataset JSON on stdout; write nothing.

    SOURCE is a file, or - for standard input. The dataset is validated before it is printed;
    a page that cannot be fully read is refused with one located line per problem (exit 2).

    Example: retention compile sources/en-text-2026-04.txt > dataset.json
    """
    from scraper.compiler import compile_source
    from scraper.dataset_io import dumps

    dataset = compile_source(_source(source, fmt, max_bytes))
    click.echo(dumps(dataset), nl=False)
    return Exit.OK


@cli.command("validate")
@click.argument("dataset", type=click.Path(path_type=Path, dir_okay=False))
def validate_cmd(dataset: Path) -> int:
    """Check the dataset JSON file DATASET against the schema and the semantic rules.

    Rules: every footnote mark has a footnote and every footnote is cited; ids are unique;
    every feature has a status for every arrangement; endpoints start with /v1/; names and
    details hold no control or bidi characters. Each problem is printed with its JSON path.
    Exit 0 when valid, 2 otherwise.
    """
    from scraper import compiler, dataset_io

    data = dataset_io.read(dataset)
    compiler.check(data, str(dataset), in_source=False)
    click.echo(
        f"{dataset}: valid ({len(data.features)} features, {len(data.arrangements)} arrangements, "
        f"{len(data.footnotes)} footnotes)"
    )
    return Exit.OK


@cli.command("build")
@click.argument("source", required=False, type=click.Path(path_type=Path, allow_dash=True))
@click.option(
    "--dist",
    "dist",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("dist"),
    show_default=True,
    help="Folder the outputs are published to.",
)
@FORMAT
@MAX_BYTES
@ACCEPT
def build_cmd(source: Path | None, dist: Path, fmt: str, max_bytes: int, accept: bool) -> int:
    """The main job: compile SOURCE, validate it, compare it with DIST and publish it there.

    Without SOURCE, the newest copy of the page bundled with the tool is compiled (the last
    one sources/manifest.json lists). When the data
    changed, DIST gets the new retention.json, retention.md and retention_constants.py,
    history/<version>.json and an updated CHANGELOG.md, all at once (a complete new tree is
    swapped in); dataset_version is bumped by the highest severity of the changes. The same
    data twice writes nothing. A change too large to be plausible is refused (exit 4) unless
    --accept; a page that cannot be fully read is refused (exit 2). Nothing is written on failure.

    Example: retention build sources/en-text-2026-04.txt --dist dist
    """
    from scraper.builder import build

    report = build(_source(source, fmt, max_bytes), dist, accept)
    click.echo(report)
    return Exit.OK


# Commands defined in their own modules register themselves on `cli` when imported.
COMMAND_MODULES = ("scraper.cli_check", "scraper.cli_diff", "scraper.cli_preflight", "scraper.cli_render")
for _module in COMMAND_MODULES:
    importlib.import_module(_module)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; map errors to the contract's exit codes (a bug keeps its traceback: 70)."""
    try:
        code = cli.main(args=argv, prog_name="retention", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return Exit.BAD_INPUT
    except click.Abort:
        click.echo("retention: aborted", err=True)
        return Exit.BAD_INPUT
    except RetentionError as exc:
        for problem in exc.problems:
            click.echo(f"retention: error: {problem}", err=True)
        return exc.code
    except Exception:
        import traceback  # only on the path of a bug: keeps start-up lean

        traceback.print_exc()
        return Exit.BUG
    return int(code or 0)


def run() -> None:
    sys.exit(main())
