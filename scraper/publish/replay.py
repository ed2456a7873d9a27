"""The page's real history: `python -m scraper.publish.replay` publishes every copy that
`sources/manifest.json` lists, oldest first (what `make history` runs).

The manifest (read by scraper.resources), not a list in the Makefile, is the one place the
order lives. The replay refuses a manifest whose date disagrees with the copy's own.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from scraper.errors import fail
from scraper.resources import MANIFEST, Copy, manifest_path, read_manifest
from scraper.source import Source


def replay(copies: list[Copy], dist: Path, say: Callable[[str], None] | None = None) -> list[str]:
    """Publish each copy to `dist` (empty or missing: a history is replayed whole) in order, as
    `retention build` would; one report line each."""
    from scraper import source

    if dist.exists() and any(dist.iterdir()):
        raise fail("replay", "the history is replayed into an empty or missing folder only", str(dist))
    reports = []
    for copy in copies:
        page = replace(source.read(copy.path, copy.form), url=copy.url)
        reports.append(f"{copy.path.name}: {_publish(page, copy, dist)}")
        if say is not None:  # as each copy is published: a long replay shows its progress
            say(reports[-1])
    return reports


def _publish(page: Source, copy: Copy, dist: Path) -> str:
    """Publish one copy; its own date must be the manifest's, and the gates it trips exactly
    those its manifest entry accepts. Nothing is published otherwise."""
    from scraper.publish import atomic, gates
    from scraper.publish import build as builder
    from scraper.render import DATASET

    with atomic.locked(dist):
        accepted = f"{'; '.join(copy.accept)} ({copy.why})" if copy.accept else None
        plan = builder.plan(page, dist, accepted=accepted)
        stated = plan.dataset.source.date if plan.changed else copy.date
        if stated != copy.date:
            raise fail("manifest", f"the manifest dates the copy {copy.date}, the copy says {stated}", str(copy.path))
        held = []
        if plan.changed:
            held = gates.reasons(plan.previous, plan.dataset)
        if not set(held) <= set(copy.accept):  # refused, in the gates' own words
            gates.check(plan.previous, plan.dataset, page.origin, str(dist / DATASET), held)
        stale = sorted(set(copy.accept) - set(held))
        if stale:
            where = f"{copy.path.parent / MANIFEST}: copies[{copy.order - 1}].accept"
            raise fail("manifest", f"accepts a gate the copy no longer trips, remove it: {'; '.join(stale)}", where)
        return builder.execute(plan, dist)


def _say(line: str) -> None:
    """Print a version's line; once the reader has gone (`make history | head`), stdout goes to
    the null device and the replay finishes: the history is the work, the lines only report it."""
    try:
        print(line, flush=True)
    except BrokenPipeError:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())  # later lines, and Python's flush at exit, go nowhere
        os.close(null)


def main(argv: list[str] | None = None) -> int:
    """`python -m scraper.publish.replay [MANIFEST] --dist DIR`: replay the history into DIR."""
    import argparse

    from scraper.errors import RetentionError, report

    parser = argparse.ArgumentParser(prog="python -m scraper.publish.replay", description=main.__doc__)
    parser.add_argument("manifest", nargs="?", type=Path, default=manifest_path())
    parser.add_argument("--dist", type=Path, required=True, help="an empty or missing folder to publish into")
    args = parser.parse_args(argv)
    try:
        replay(read_manifest(args.manifest), args.dist, _say)
    except RetentionError as exc:
        return report(exc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
