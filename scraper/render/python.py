"""dist/retention_constants.py: the dataset as a typed module that needs only the standard library."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from schema.models import Dataset
from scraper import preflight
from scraper.extract.cells import slug
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
        for alias in (slug(c.removesuffix(" eligible")) for c in [*a.former_columns, a.column])
        if alias
    ]
    return _unique(pairs, {a.id for a in dataset.arrangements})


def render_python(dataset: Dataset) -> str:
    """Render the module and check it with ast and compile (it is never run here)."""
    text = render(
        "constants.py.j2",
        data=dataset,
        preflight_code=preflight_code(),
        former_ids=former_ids(dataset),
        former_arrangement_ids=former_arrangement_ids(dataset),
    )
    check_module(text, MODULE)
    return text
