"""dist/retention_constants.py: the dataset as a typed module that needs only the standard library.

The preflight judge is embedded by one mechanism: the whole source of `scraper/preflight/core.py`
(a real, type-checked, stdlib-only module), read as package data with importlib.resources and
placed verbatim right after the module's docstring. The request-surface table reaches the module
as literals, like the dataset.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from importlib import resources

from schema.models import Dataset
from scraper.extract.cells import slug
from scraper.preflight.request import aliases, beta_rule, page_words
from scraper.preflight.surface import SURFACE
from scraper.render.env import render
from scraper.render.literal import check_module
from scraper.vocabulary import column_label

MODULE = "retention_constants.py"
EMBEDDED = ("scraper.preflight", "core.py")


def preflight_code() -> str:
    """The source of scraper/preflight/core.py, byte for byte."""
    package, name = EMBEDDED
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def surface_rows() -> list[tuple[str, list[tuple[str, object]]]]:
    """The surface table as (kind, [(part, rule)]) in a stable order, for the template's literals."""
    return [(kind, sorted(table.items())) for kind, table in SURFACE.items()]


def _unique(pairs: Iterable[tuple[str, str]], current: set[str]) -> dict[str, str]:
    """Alias -> id, sorted; an alias that is a current id or means two things is left out."""
    found = sorted(set(pairs))
    means = Counter(alias for alias, _ in found)
    return {alias: cid for alias, cid in found if alias not in current and means[alias] == 1}


def former_ids(dataset: Dataset) -> dict[str, str]:
    """FORMER_IDS: former ids, and the ids a feature's current and former names derive to."""
    pairs = [
        (alias, f.id)
        for f in dataset.features
        for alias in [*f.former_ids, *(slug(n) for n in [*f.former_names, f.name])]
        if alias
    ]
    return _unique(pairs, {f.id for f in dataset.features})


def former_arrangement_ids(dataset: Dataset) -> dict[str, str]:
    """FORMER_ARRANGEMENT_IDS: the ids an arrangement's current and former columns derive to."""
    pairs = [
        (alias, a.id)
        for a in dataset.arrangements
        for alias in (slug(column_label(c)) for c in [*a.former_columns, a.column])
        if alias
    ]
    return _unique(pairs, {a.id for a in dataset.arrangements})


def render_python(dataset: Dataset) -> str:
    """Render the module and check it with ast and compile (it is never run here)."""
    betas = [(a.id, beta_rule(a)) for a in dataset.arrangements]
    words = [(a.id, sorted(page_words(a).items())) for a in dataset.arrangements]
    text = render(
        "constants.py.j2",
        data=dataset,
        preflight_code=preflight_code(),
        surface=surface_rows(),
        betas=betas,
        words=words,
        aliases=sorted(aliases(dataset).items()),
        former_ids=former_ids(dataset),
        former_arrangement_ids=former_arrangement_ids(dataset),
    )
    check_module(text, MODULE)
    return text
