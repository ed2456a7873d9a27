"""`retention build` (and `check --publish`): compile, diff with what was published, version, publish.

The steps are separate so that a check can stop between them: `plan` loads the previous
dataset, compiles the new one, gives its rows their published ids (publish/ids.py),
diffs them and decides the version; the plausibility gates run next, and only then are the
files rendered (`Plan.files`) and published in one call by `execute`. Nothing is written
until every step succeeded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from schema.diff import Change, diff, highest
from schema.models import Dataset
from scraper import dataset_io
from scraper.compiler import compile_source
from scraper.errors import fail
from scraper.frontends.text.ambiguity import Evidence
from scraper.publish import atomic as publish
from scraper.publish import changelog, gates, history, verify, versioning
from scraper.publish import ids as publish_ids
from scraper.render import DATASET, outputs
from scraper.source import Source
from scraper.validate import check


@dataclass(frozen=True)
class Plan:
    """What a publish would do: the dataset as published, the changes, and every file to write
    (rendered on first use, so that nothing is rendered for a page the gates refuse)."""

    previous: Dataset | None
    dataset: Dataset
    changes: list[Change]
    render: Callable[[], dict[str, str]]

    @cached_property
    def files(self) -> dict[str, str]:
        return self.render()

    @property
    def changed(self) -> bool:
        return self.previous is None or bool(self.changes)


def published(dist: Path) -> Dataset | None:
    """The dataset consumers read now: dist/retention.json, None before the first publish."""
    path = dist / DATASET
    return dataset_io.load_dataset(path) if path.exists() else None


def plan(
    source: Source, dist: Path, extra: dict[str, str] | None = None, accepted: str | None = None, accept: bool = False
) -> Plan:
    """Everything up to (not including) writing; `extra` files are published only with a change.
    `accepted` (why the version may pass the plausibility gates it trips) is kept in its history entry.
    dist/ is verified first: a dist/ that disagrees with itself is never diffed against. The
    published dataset settles rows a text dump glues ambiguously; `accept` takes the first reading."""
    state = verify.check(dist)
    previous = state.current
    evidence = Evidence.of(previous, accept)
    new = compile_source(source, evidence=evidence)
    entries, manifest, adopted = _past(state)
    if previous is not None:
        new = publish_ids.carry(previous, new, [data for _, data in entries])
        check(new, source.origin, in_source=True)
    changes = diff(previous, new) if previous is not None else []
    if previous is not None and not changes:
        kept = previous
        return Plan(
            kept, kept, [], lambda: {**outputs(kept), **adopted, **(_record(entries, manifest) if adopted else {})}
        )
    base = versioning.latest([v for v, _ in entries])
    version = versioning.next_version(base, highest(changes))
    if (dist / history.name(version)).exists():
        raise fail("history", f"{history.name(version)} is already published and is never rewritten", str(dist))
    dataset = new.model_copy(update={"dataset_version": version})
    entries = [*entries, (version, dataset)]
    entry = history.manifest_entry(source, dataset, accepted)
    if evidence.accepted:  # readings of ambiguous rows taken on --accept, recorded with the version
        entry["readings"] = [f"{where}: {why}" for where, why in sorted(evidence.accepted.items())]
    manifest = manifest | {version: entry}

    def render() -> dict[str, str]:
        files = {**outputs(dataset), **adopted, history.name(version): dataset_io.dumps(dataset)}
        return {**files, **_record(entries, manifest), **(extra or {})}

    return Plan(previous, dataset, changes, render)


def _past(state: verify.Published) -> tuple[list[tuple[str, Dataset]], history.Manifest, dict[str, str]]:
    """The published history, oldest first, with its manifest; a dataset published before history
    was kept is adopted into it as it is (the third value: the history file that adds)."""
    previous, entries, manifest = state.current, state.entries, state.manifest
    if previous is None or previous.dataset_version in {v for v, _ in entries}:
        return entries, manifest, {}
    version = previous.dataset_version
    entries = sorted([*entries, (version, previous)], key=lambda e: versioning.parse(e[0]))
    manifest = manifest | {version: history.manifest_entry(None, previous)}
    return entries, manifest, {history.name(version): dataset_io.dumps(previous)}


def _record(entries: list[tuple[str, Dataset]], manifest: history.Manifest) -> dict[str, str]:
    return {history.MANIFEST: history.manifest_text(manifest), changelog.NAME: changelog.render(entries, manifest)}


def execute(plan: Plan, dist: Path) -> str:
    """Publish the plan's files; a one-line report of what was done."""
    written = publish.publish(dist, plan.files)
    data = plan.dataset
    if not plan.changed:
        extra = f"; wrote missing outputs: {', '.join(written)}" if written else ""
        return f"{dist}: unchanged (dataset {data.dataset_version}, {len(data.features)} features){extra}"
    since = f", {highest(plan.changes)} changes since {plan.previous.dataset_version}" if plan.previous else ""
    return (
        f"{dist}: published dataset {data.dataset_version} "
        f"({len(data.features)} features, {len(data.footnotes)} footnotes{since})"
    )


def publish_plan(plan: Plan, dist: Path, origin: str, accept: bool = False) -> str:
    """Publish a plan unless a plausibility gate refuses the page at `origin` (exit 4; `accept`
    overrides)."""
    if plan.changed and not accept:
        gates.check(plan.previous, plan.dataset, origin, str(dist / DATASET))
    return execute(plan, dist)


def build(source: Source, dist: Path, accept: bool = False) -> str:
    """Publish `source` to `dist` under dist's lock; return a one-line report of what was done."""
    with publish.locked(dist):
        return publish_plan(plan(source, dist, accept=accept), dist, source.origin, accept)
