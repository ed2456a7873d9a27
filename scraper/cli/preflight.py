"""`retention preflight`: may this Messages API request be sent under an arrangement?"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from scraper.cli.options import MAX_BYTES, OUTPUT, emit, output_format
from scraper.errors import Exit, at, fail


def _request(path: Path, max_bytes: int) -> dict[str, Any]:
    from scraper import dataset_io, source

    src = source.read(path, "text", max_bytes)
    body = dataset_io.parse_json(src.text, src.origin, "request")
    if not isinstance(body, dict):
        raise fail("request", f"request must be a JSON object, not {type(body).__name__}", at(src.origin, 1, 1))
    return body


@click.command("preflight")
@click.argument("request", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option("--arrangement", "-a", required=True, help="Arrangement id from the dataset: zdr, hipaa, ...")
@click.option("--endpoint", default="/v1/messages", show_default=True, help="The API path the request goes to.")
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
    request: Path, arrangement: str, endpoint: str, dataset: Path | None, fmt: str, output: Path | None, max_bytes: int
) -> int:
    """Say whether the request body REQUEST (a file, or - for stdin) may be sent under ARRANGEMENT.

    Finds every feature the request uses (tools by type without the version suffix, top-level
    parameters, content sources, the endpoint itself) and prints the features the arrangement
    does not allow, with the page's reason, then notes for qualified features and footnotes.
    Exit 0 allowed, 1 uses a feature the arrangement does not allow, 2 bad input.

    Example: retention preflight body.json --arrangement hipaa
    """
    from scraper import dataset_io, preflight

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
    body = _request(request, max_bytes)
    notes = {n.number: n.text for n in data.footnotes}
    verdict = preflight.check(data.features, notes, body, arrangement, endpoint)
    emit(_json(verdict) if fmt == "json" else _text(verdict), output)
    return Exit.OK if verdict.allowed else Exit.CHANGED


def _dataset(named: Path | None) -> tuple[Path, bool]:
    """The dataset to judge by, and whether it is the one shipped with the tool."""
    from scraper.resources import shipped_dataset

    if named is not None:
        return named, False
    here = Path("dist/retention.json")
    return (here, False) if here.is_file() else (shipped_dataset(), True)


def _text(verdict: Any) -> str:
    if verdict.allowed:
        lines = [f"{verdict.arrangement}: allowed"]
    else:
        lines = [f"{verdict.arrangement}: NOT allowed; the request uses:"]
        lines += [f"  {fid} ({name}): {reason}" for fid, name, reason in verdict.blocked]
    if verdict.notes:
        lines += ["notes:"] + [f"  {note}" for note in verdict.notes]
    return "\n".join(lines) + "\n"


def _json(verdict: Any) -> str:
    blocked = [{"id": fid, "name": name, "reason": reason} for fid, name, reason in verdict.blocked]
    out = {"arrangement": verdict.arrangement, "allowed": verdict.allowed, "blocked": blocked, "notes": verdict.notes}
    return json.dumps(out, indent=2, sort_keys=True) + "\n"
