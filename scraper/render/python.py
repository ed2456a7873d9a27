"""dist/retention_constants.py: the dataset as a typed module that needs only the standard library.

The preflight judge is embedded by one mechanism: the whole source of `scraper/preflight/core.py`
(a real, type-checked, stdlib-only module), read as package data with importlib.resources and
placed verbatim right after the module's docstring. The request-surface table reaches the module
as literals, like the dataset.
"""

from __future__ import annotations

from importlib import resources

from schema.models import Dataset
from scraper.preflight.request import beta_rule, page_words
from scraper.preflight.surface import SURFACE
from scraper.render.env import render
from scraper.render.literal import check_module

MODULE = "retention_constants.py"
EMBEDDED = ("scraper.preflight", "core.py")


def preflight_code() -> str:
    """The source of scraper/preflight/core.py, byte for byte."""
    package, name = EMBEDDED
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def surface_rows() -> list[tuple[str, list[tuple[str, object]]]]:
    """The surface table as (kind, [(part, rule)]) in a stable order, for the template's literals."""
    return [(kind, sorted(table.items())) for kind, table in SURFACE.items()]


def render_python(dataset: Dataset) -> str:
    """Render the module and check it with ast and compile (it is never run here)."""
    betas = [(a.id, beta_rule(a)) for a in dataset.arrangements]
    words = [(a.id, sorted(page_words(a).items())) for a in dataset.arrangements]
    code, surface = preflight_code(), surface_rows()
    text = render("constants.py.j2", data=dataset, preflight_code=code, surface=surface, betas=betas, words=words)
    check_module(text, MODULE)
    return text
