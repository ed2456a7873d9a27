"""dist/retention_constants.py: the dataset as a typed module that needs only the standard library."""

from __future__ import annotations

from pathlib import Path

from schema.models import Dataset
from scraper import preflight
from scraper.render.env import render
from scraper.render.literal import check_module

MODULE = "retention_constants.py"
_BEGIN = "# --- begin shared ---"
_END = "# --- end shared ---"


def preflight_code() -> str:
    """The shared region of scraper/preflight.py, copied verbatim into the module."""
    source = Path(preflight.__file__).read_text(encoding="utf-8")
    start = source.index(_BEGIN) + len(_BEGIN)
    return source[start : source.index(_END)].strip("\n") + "\n"


def render_python(dataset: Dataset) -> str:
    """Render the module and check it with ast and compile (it is never run here)."""
    text = render("constants.py.j2", data=dataset, preflight_code=preflight_code())
    check_module(text, MODULE)
    return text
