"""The page's real history: `sources/manifest.json` lists every copy held, oldest first, and
`python -m scraper.replay` publishes them in that order (what `make history` runs).

The manifest, not a list in the Makefile, is the one place the order lives; the newest copy in
it is also what `retention build` compiles by default. A copy's `date` is only ever the day the
copy itself states: the replay refuses a manifest whose date disagrees with the copy's.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from scraper.errors import fail
from scraper.source import FORMATS, Format

MANIFEST = "manifest.json"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Copy:
    """One copy of the page: its file beside the manifest, form, address, own date, and why it
    may pass a plausibility gate (None: it must pass them all)."""

    order: int
    path: Path
    sha256: str
    form: Format
    url: str | None
    date: str | None
    accept: str | None


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
    url, accept, order, digest = raw.get("url"), raw.get("accept"), raw.get("order"), raw.get("sha256")
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
        accept=accept if isinstance(accept, str) else None,
    )


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


def replay(copies: list[Copy], dist: Path) -> list[str]:
    """Publish each copy to `dist` in order, as `retention build` would; one report line each."""
    from scraper import dataset_io, source
    from scraper.publish import build as builder

    reports = []
    for copy in copies:
        page = replace(source.read(copy.path, copy.form), url=copy.url)
        reports.append(f"{copy.path.name}: {builder.build(page, dist, accept=copy.accept is not None)}")
        stated = dataset_io.load_dataset(dist / "retention.json").source.date
        if stated != copy.date:
            raise fail("manifest", f"the manifest dates the copy {copy.date}, the copy says {stated}", str(copy.path))
    return reports


def main(argv: list[str] | None = None) -> int:
    """`python -m scraper.replay [MANIFEST] --dist DIR`: replay the history into DIR."""
    import argparse

    from scraper.errors import RetentionError, report
    from scraper.resources import manifest_path

    parser = argparse.ArgumentParser(prog="python -m scraper.replay", description=main.__doc__)
    parser.add_argument("manifest", nargs="?", type=Path, default=manifest_path())
    parser.add_argument("--dist", type=Path, required=True, help="an empty or missing folder to publish into")
    args = parser.parse_args(argv)
    try:
        for line in replay(read_manifest(args.manifest), args.dist):
            print(line)
    except RetentionError as exc:
        return report(exc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
