"""dist/retention_constants.py: the dataset as a typed module that needs only the standard library."""

from __future__ import annotations

from schema.models import Dataset
from scraper.render_env import render
from scraper.render_literal import check_module

MODULE = "retention_constants.py"


def render_python(dataset: Dataset) -> str:
    """Render the module and check it with ast and compile (it is never run here)."""
    text = render("constants.py.j2", data=dataset)
    check_module(text, MODULE)
    return text
