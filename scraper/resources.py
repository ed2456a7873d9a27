"""Files shipped with the tool: templates, the copies of the page, the newest published dataset.

Inside a wheel they live in `scraper/_shipped/` (hatch force-include); in a checkout they are
the repo's `templates/`, `sources/` and `dist/retention.json`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scraper.replay import Copy

_PACKAGE = Path(__file__).resolve().parent
_REPO = _PACKAGE.parent

BUNDLED_URL = "https://platform.claude.com/docs/en/manage-claude/api-and-data-retention"


def _shipped(name: str, in_repo: str) -> Path:
    inside = _PACKAGE / "_shipped" / name
    return inside if inside.exists() else _REPO / in_repo


def templates_dir() -> Path:
    return _shipped("templates", "templates")


def manifest_path() -> Path:
    """sources/manifest.json: every copy of the page held, oldest first."""
    return _shipped("sources", "sources") / "manifest.json"


def newest_copy() -> Copy:
    """The copy of the page that `retention build` compiles by default: the manifest's last."""
    from scraper.replay import read_manifest

    return read_manifest(manifest_path())[-1]


def shipped_dataset() -> Path:
    """The newest published dataset as shipped with the tool (in a checkout: dist/retention.json)."""
    return _shipped("retention.json", "dist/retention.json")
