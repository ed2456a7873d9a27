"""Files shipped with the tool: templates, the copies of the page, the newest published dataset.

Inside a wheel they live in `scraper/_shipped/` (hatch force-include and `hatch_build.py`); in a
checkout they are the repo's `templates/`, `sources/` and `dist/retention.json`.

`sources/manifest.json` lists every copy of the page held, oldest first; it is the one place
that order lives (`make history` replays it, `retention build` compiles its newest copy). A
copy's `date` is only ever the day the copy itself states.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from scraper.errors import fail
from scraper.source import FORMATS, Format

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
    return read_manifest(manifest_path())[-1]


def shipped_dataset() -> Path:
    """The newest published dataset as shipped with the tool (in a checkout: dist/retention.json)."""
    return _shipped("retention.json", "dist/retention.json")


MANIFEST = "manifest.json"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Copy:
    """One copy of the page: its file beside the manifest, form, address, own date, and the
    plausibility gates it is known to trip (each reason exactly as the gate words it; empty: it
    must pass them all). The manifest says why beside them."""

    order: int
    path: Path
    sha256: str
    form: Format
    url: str | None
    date: str | None
    accept: tuple[str, ...]
    why: str | None = None


def _copy(raw: Any, folder: Path, where: str) -> Copy:
    if not isinstance(raw, dict):
        raise fail("manifest", "each copy must be a JSON object", where)
    form, date, name = raw.get("form"), raw.get("date"), raw.get("file")
    if not isinstance(name, str) or "/" in name or not (folder / name).is_file():
        raise fail("manifest", f"file {name!r} is not a file beside the manifest", where)
    if form not in FORMATS:
        raise fail("manifest", f"form {form!r} is not one of {', '.join(FORMATS)}", where)
    if date is not None and not (isinstance(date, str) and _DATE.fullmatch(date)):
        raise fail("manifest", f"date {date!r} is not YYYY-MM-DD or null", where)
    url, order, digest = raw.get("url"), raw.get("order"), raw.get("sha256")
    accept, why = _accept(raw.get("accept"), where)
    if not isinstance(order, int):
        raise fail("manifest", f"order {order!r} is not a number", where)
    if digest != hashlib.sha256((folder / name).read_bytes()).hexdigest():
        raise fail("manifest", f"{name} is not the copy as found: its sha256 differs from {digest!r}", where)
    return Copy(
        order=order,
        path=folder / name,
        sha256=digest,
        form=cast(Format, form),
        url=url if isinstance(url, str) else None,
        date=date,
        accept=accept,
        why=why,
    )


def _accept(raw: Any, where: str) -> tuple[tuple[str, ...], str | None]:
    """`accept`: null, or {"gates": [reason, ...], "why": "..."}: no gate passed without a why.
    The gates and the why (none for null)."""
    if raw is None:
        return (), None
    gates, why = (raw.get("gates"), raw.get("why")) if isinstance(raw, dict) else (None, None)
    if not (isinstance(gates, list) and gates and all(isinstance(g, str) for g in gates)):
        raise fail("manifest", "accept.gates must list the gate reasons the copy trips", where)
    if not (isinstance(why, str) and why.strip()):
        raise fail("manifest", "accept.why must say why those gates are passed", where)
    return tuple(gates), why


def read_manifest(path: Path) -> list[Copy]:
    """The copies the manifest lists, in their order (1, 2, 3 ...); a bad entry is refused by index."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise fail("manifest", f"unreadable: {err}", str(path)) from None
    raw = value.get("copies") if isinstance(value, dict) else None
    if not isinstance(raw, list) or not raw:
        raise fail("manifest", "no `copies` list", str(path))
    copies = [_copy(item, path.parent, f"{path}: copies[{i}]") for i, item in enumerate(raw)]
    if [c.order for c in copies] != list(range(1, len(copies) + 1)):
        raise fail("manifest", "copies must be listed in order 1, 2, 3 ...", str(path))
    return copies
