"""Files shipped with the tool: templates and the bundled copy of the page.

Inside a wheel they live in `scraper/_shipped/` (hatch force-include); in a checkout they are
the repo's `templates/` and `sources/` folders.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_REPO = _PACKAGE.parent

BUNDLED_NAME = "en-text-2026-04.txt"
BUNDLED_URL = "https://platform.claude.com/docs/en/manage-claude/api-and-data-retention"


def _shipped(folder: str) -> Path:
    inside = _PACKAGE / "_shipped" / folder
    return inside if inside.is_dir() else _REPO / folder


def templates_dir() -> Path:
    return _shipped("templates")


def bundled_source() -> Path:
    """The copy of the page that `retention build` compiles by default."""
    return _shipped("sources") / BUNDLED_NAME
