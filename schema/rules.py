"""Semantic rules a dataset must meet beyond its schema; each returns located findings.

Rules are plain functions in an explicit ordered list (RULES); a finding names the JSON path
and, where the value came from the page, its span there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from schema import ENDPOINT_PATH, lookalike
from schema.models import Dataset
from schema.span import Span


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    path: str
    span: Span | None = None


Rule = Callable[[Dataset], Iterator[Finding]]


def has_features(data: Dataset) -> Iterator[Finding]:
    if not data.features:
        yield Finding("has-features", "the dataset has no features", "features")
    if not data.arrangements:
        yield Finding("has-features", "the dataset has no arrangements", "arrangements")


def unique_ids(data: Dataset) -> Iterator[Finding]:
    seen = Counter(f.id for f in data.features)
    for i, feature in enumerate(data.features):
        if seen[feature.id] > 1:
            yield Finding(
                "unique-ids",
                f"feature id {feature.id!r} is used {seen[feature.id]} times",
                f"features[{i}].id",
                feature.span,
            )
    for arr, count in Counter(a.id for a in data.arrangements).items():
        if count > 1:
            yield Finding("unique-ids", f"arrangement id {arr!r} is used {count} times", "arrangements")
    for number, count in Counter(n.number for n in data.footnotes).items():
        if count > 1:
            yield Finding("unique-ids", f"footnote {number} is defined {count} times", "footnotes")


def status_per_arrangement(data: Dataset) -> Iterator[Finding]:
    wanted = {a.id for a in data.arrangements}
    for i, feature in enumerate(data.features):
        if feature.eligibility.keys() == wanted:
            continue  # the usual row, compared without building its set
        have = set(feature.eligibility)
        for missing in sorted(wanted - have):
            yield Finding(
                "status-per-arrangement",
                f"{feature.id}: no status for {missing!r}",
                f"features[{i}].eligibility",
                feature.span,
            )
        for extra in sorted(have - wanted):
            yield Finding(
                "status-per-arrangement",
                f"{feature.id}: status for unknown arrangement {extra!r}",
                f"features[{i}].eligibility",
                feature.span,
            )


def marks_have_footnotes(data: Dataset) -> Iterator[Finding]:
    defined = {n.number for n in data.footnotes}
    for i, feature in enumerate(data.features):
        for arr, elig in feature.eligibility.items():
            for mark in elig.footnotes:
                if mark not in defined:
                    yield Finding(
                        "marks-have-footnotes",
                        f"{feature.id}/{arr}: footnote mark {mark} has no footnote",
                        f"features[{i}].eligibility.{arr}",
                        feature.span,
                    )


def footnotes_cited(data: Dataset) -> Iterator[Finding]:
    cited: dict[int, set[tuple[str, str, int]]] = {}  # each mark's citations, gathered in one pass
    if data.footnotes:
        for f in data.features:
            for arr, e in f.eligibility.items():
                for mark in e.footnotes:
                    cited.setdefault(mark, set()).add((f.id, arr, mark))
    for i, note in enumerate(data.footnotes):
        applies = {(fid, arr, note.number) for fid, arr in note.applies_to}
        marked = cited.get(note.number, set())
        if not marked:
            yield Finding("footnotes-cited", f"footnote {note.number} is never cited", f"footnotes[{i}]", note.span)
        elif applies != marked:
            yield Finding(
                "footnotes-cited",
                f"footnote {note.number}: applies_to disagrees with the marks",
                f"footnotes[{i}].applies_to",
                note.span,
            )


_API_PATH = re.compile(ENDPOINT_PATH)


def endpoints_are_api_paths(data: Dataset) -> Iterator[Finding]:
    for i, feature in enumerate(data.features):
        if not feature.endpoints:
            yield Finding("endpoints", f"{feature.id}: no endpoint", f"features[{i}].endpoints", feature.span)
        for j, endpoint in enumerate(feature.endpoints):
            if not _API_PATH.fullmatch(endpoint.path):
                yield Finding(
                    "endpoints",
                    f"{feature.id}: endpoint {endpoint.path!r} does not start with /v1/",
                    f"features[{i}].endpoints[{j}]",
                    feature.span,
                )


def clean_text(data: Dataset) -> Iterator[Finding]:
    """Names and details carry no control, bidi or zero-width characters."""
    for i, feature in enumerate(data.features):
        for field, value in (("name", feature.name), ("details", feature.details or "")):
            bad = lookalike.first_invisible(value)
            if bad is not None:
                yield Finding(
                    "clean-text",
                    f"{feature.id}: {field} contains invisible or control character U+{ord(bad):04X}",
                    f"features[{i}].{field}",
                    feature.span,
                )
        if not feature.name.strip():
            yield Finding("clean-text", "a feature has an empty name", f"features[{i}].name", feature.span)


def what_it_looks_like(data: Dataset) -> Iterator[Finding]:
    """Identifiers and names carry no invisible, bidi or look-alike characters (schema/lookalike.py)."""
    for where, text, identifier, invisible, index in lookalike.texts(data):
        if text.isascii() and text.isprintable():
            continue  # printable ASCII: nothing to look at (most texts; a call of problem saved)
        why = lookalike.problem(text, identifier, invisible)
        if why is not None:
            span = data.features[index].span if index is not None else None
            yield Finding("lookalike", f"{text!r}: {why}", lookalike.json_path(where), span)


RULES: list[Rule] = [
    has_features,
    unique_ids,
    status_per_arrangement,
    marks_have_footnotes,
    footnotes_cited,
    endpoints_are_api_paths,
    clean_text,
    what_it_looks_like,
]


def check(data: Dataset) -> list[Finding]:
    """Every finding of every rule, in rule order."""
    return [finding for rule in RULES for finding in rule(data)]
