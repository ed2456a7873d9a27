"""`retention preflight`: may this request be sent under an arrangement?"""

from __future__ import annotations

from pathlib import Path

import click

from scraper.cli.options import MAX_BYTES, OUTPUT, emit, output_format
from scraper.errors import Exit, fail


def _header(text: str) -> tuple[str, str]:
    name, sep, value = text.partition(":")
    if not sep or not name.strip():
        raise fail("usage", f"--header {text!r} is not 'name: value'", "--header")
    return name.strip(), value.strip()


@click.command("preflight")
@click.argument("request", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option("--arrangement", "-a", required=True, help="Arrangement id from the dataset: zdr, hipaa, ...")
@click.option("--endpoint", help="The URL or API path the request goes to (default: the envelope's, else implied).")
@click.option("--header", "headers", multiple=True, metavar="'NAME: VALUE'", help="A request header; repeatable.")
@click.option("--allow-unknown", is_flag=True, help="Report parts the page does not list as warnings (exit 0).")
@click.option(
    "--dataset",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="The dataset to judge by. Default: dist/retention.json when this folder has one, "
    "else the newest dataset shipped with retention (named on stderr).",
)
@output_format(["text", "json"], "text for a person, json for a program.")
@OUTPUT
@MAX_BYTES
def preflight_cmd(
    request: Path,
    arrangement: str,
    endpoint: str | None,
    headers: tuple[str, ...],
    allow_unknown: bool,
    dataset: Path | None,
    fmt: str,
    output: Path | None,
    max_bytes: int,
) -> int:
    """Say whether REQUEST (a file, or - for stdin) may be sent under ARRANGEMENT.

    REQUEST is a request body, or an envelope {"method", "url" or "path", "headers", "body"}.
    Every part is classified: the endpoint (a full URL, ids in sub-paths: /v1/files/{id}/content
    is the Files API), each top-level parameter, tool type, content block and source, and each
    anthropic-beta header. A body of requests[].params is a batch when no endpoint is given.
    Prints each feature row used with the page's status as the reason, footnotes and details as
    context, and every part the page does not list (unknown: not allowed unless --allow-unknown).
    Exit 0 allowed, 1 not allowed, 2 bad input.

    Example: retention preflight body.json --arrangement hipaa --header 'anthropic-beta: files-api-2025-04-14'
    """
    from scraper import dataset_io
    from scraper.preflight import core
    from scraper.preflight.request import as_json, evaluate, read_request

    pairs = [_header(h) for h in headers]
    dataset, shipped = _dataset(dataset)
    if not dataset.is_file():
        hint = "run `retention build` first, or name one with --dataset"
        raise fail("dataset", f"no dataset at {dataset}: {hint}", str(dataset))
    data = dataset_io.load_dataset(dataset, max_bytes)
    if shipped:
        dated = f", the page as of {data.source.date}" if data.source.date else ""
        click.echo(f"retention: judging by the dataset shipped with retention: {data.dataset_version}{dated}", err=True)
    known = [a.id for a in data.arrangements]
    if arrangement not in known:
        raise fail("arrangement", f"unknown arrangement {arrangement!r} (known: {', '.join(known)})", str(dataset))
    body, origin = read_request(request, max_bytes)
    verdict = evaluate(data, body, arrangement, origin, endpoint, pairs, allow_unknown)
    emit(as_json(verdict) if fmt == "json" else "\n".join(core.describe(verdict, allow_unknown)) + "\n", output)
    return Exit.OK if verdict.allowed else Exit.CHANGED


def _dataset(named: Path | None) -> tuple[Path, bool]:
    """The dataset to judge by, and whether it is the one shipped with the tool."""
    from scraper.resources import shipped_dataset

    if named is not None:
        return named, False
    here = Path("dist/retention.json")
    return (here, False) if here.is_file() else (shipped_dataset(), True)
