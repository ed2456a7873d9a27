"""`retention compile` and `retention validate`: one page or one dataset, nothing written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from scraper.cli.options import ENGLISH, INPUT_FORMAT, LOCALE, MAX_BYTES, OUTPUT, chosen_format, emit
from scraper.errors import Exit

if TYPE_CHECKING:
    from schema.models import Dataset
    from scraper.source import Source


@click.command("compile")
@click.argument("source", type=click.Path(path_type=Path, allow_dash=True))
@INPUT_FORMAT
@MAX_BYTES
@OUTPUT
@LOCALE
@click.option("--url", help="The URL the copy was published at (its /docs/<locale>/ names the language).")
@ENGLISH
def compile_cmd(
    source: Path,
    input_format: str,
    max_bytes: int,
    output: Path | None,
    locale: str | None,
    url: str | None,
    english: Path,
) -> int:
    """Compile the page SOURCE and print its dataset JSON on stdout; publish nothing.

    SOURCE is a file, or - for standard input. The dataset is validated before it is printed;
    a page that cannot be fully read is refused with one located line per problem (exit 2).
    Feature ids are derived here from the row names (there is no published history to keep
    them from: a renamed row gets a new id); `retention build` keeps the ids already published
    (a renamed row keeps its id and records its former name). dataset_version is 0.0.0.

    A copy in another language (its URL's /docs/<locale>/, its HTML lang, or --locale) is read
    in that language's words, and each row gets the id of the English feature with the same doc
    link and endpoints in --english (a page or a dataset); a row that matches none is refused.
    Names, details and page text stay as the copy writes them.

    A field every copy of the page states (the summary, FAQ, HIPAA steps, what each arrangement
    covers, ...) that this copy leaves empty is named on stderr, one line each: most often a
    converter dropped it. The dataset is still printed (exit 0); `build` refuses it (exit 4,
    --accept overrides) on a first build, and where the published version has the field.

    Example: retention compile sources/en-text-2026-04.txt > dataset.json
    """
    from dataclasses import replace

    from scraper import source as sources
    from scraper.compiler import compile_source
    from scraper.dataset_io import dumps
    from scraper.localize.match import keyed
    from scraper.localize.sides import english_side

    page = replace(sources.read(source, chosen_format(input_format), max_bytes), locale=locale, url=url)

    def key(data: Dataset, copy: Source) -> Dataset:
        return keyed(data, english_side(english, max_bytes), str(english), copy)

    dataset = compile_source(page, key)
    emit(dumps(dataset), output)
    _name_unstated(dataset, page.origin)
    return Exit.OK


def _name_unstated(dataset: Dataset, origin: str) -> None:
    """One stderr line for each field every copy of the page states that this one left empty:
    the dataset is still printed (compile publishes nothing), but the loss is not silent."""
    from scraper.publish.expected import refused_when, unstated

    english = dataset.source.locale == "en"
    for path in unstated(dataset):
        build = f"; `retention build` refuses it without --accept {refused_when(path)}" if english else ""
        click.echo(
            f"retention: warning: {origin}: {path} is empty, though every copy of the page states it"
            f" (dropped by a converter, or worded so that it was not read){build}",
            err=True,
        )


@click.command("validate")
@click.argument("dataset", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@MAX_BYTES
@OUTPUT
def validate_cmd(dataset: Path, max_bytes: int, output: Path | None) -> int:
    """Check the dataset JSON file DATASET against the schema and the semantic rules.

    Rules: every footnote mark has a footnote and every footnote is cited; ids are unique;
    every feature has a status for every arrangement; endpoints start with /v1/; names and
    details hold no control or bidi characters. Each problem is printed with its JSON path.
    Exit 0 when valid, 2 otherwise.
    """
    from scraper.dataset_io import load_dataset

    data = load_dataset(dataset, max_bytes)
    emit(
        f"{dataset}: valid ({len(data.features)} features, {len(data.arrangements)} arrangements, "
        f"{len(data.footnotes)} footnotes)\n",
        output,
    )
    return Exit.OK
