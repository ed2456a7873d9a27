"""A localized copy's rows keyed to the English page: each row gets the id of the English feature
whose doc link names the same page AND whose endpoints (paths and what each requires) are the
same. Never by name (names are translated) nor by row order (copies reorder): a row that matches
no English feature, or more than one, is reported and gets no id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from schema import models as m
from scraper.errors import Problem, RetentionError, at, fail
from scraper.extract.locale import LOCALE_CODE
from scraper.source import Source
from scraper.vocabulary import filler

_SUFFIX = re.compile(r"\.(md|mdx|html?)$", re.IGNORECASE)
_DOCS_LOCALE = re.compile(rf"(?:^|/)docs/{LOCALE_CODE}/")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


@dataclass(frozen=True)
class Matching:
    """Localized rows paired with English features, and the rows left over."""

    pairs: list[tuple[m.Feature, m.Feature]]  # (localized row, English feature)
    unmatched: list[tuple[m.Feature, str]]  # localized rows that match nothing, and why


def page_key(url: str | None) -> tuple[str, str] | None:
    """(the doc page's path as one hyphenated key, its last segment), locale, host, folders
    `.`/`..`/`docs` and `.md` left out: converters flatten `build-with-claude/effort` to
    `./developer-build-with-claude-effort.md`, so either form must give comparable keys."""
    if not url:
        return None
    path = _DOCS_LOCALE.sub("/", _SUFFIX.sub("", urlsplit(url).path))
    parts = [p.lower() for p in path.split("/") if p not in ("", ".", "..", "docs")]
    return ("-".join(parts), parts[-1]) if parts else None


def same_page(a: str | None, b: str | None) -> int:
    """How surely two doc links name the same page: 2 same last segment (or one the tail of the
    other's key), 1 one's last segment is a whole run of the other's words, 0 not the same."""
    ka, kb = page_key(a), page_key(b)
    if ka is None or kb is None:
        return 0
    if ka[1] == kb[1] or ka[0].endswith("-" + kb[1]) or kb[0].endswith("-" + ka[1]):
        return 2
    inside = f"-{ka[0]}-".find(f"-{kb[1]}-") >= 0 or f"-{kb[0]}-".find(f"-{ka[1]}-") >= 0
    return 1 if inside else 0


def _names(req: m.Requirement) -> set[str]:
    text = f"{req.name} {req.value or ''}"
    return {w.lower() for w in _WORD.findall(text)} - filler()


def same_requirement(a: m.Requirement | None, b: m.Requirement | None) -> bool:
    """Both none, the same name when both were read by a template, else a code name in common
    (`with browser toolset` and `带 browser 工具集` both name `browser`)."""
    if a is None or b is None:
        return a is b
    if a.kind != "other" and b.kind != "other":
        return a.name == b.name
    return bool(_names(a) & _names(b))


def _same(a: m.Endpoint, b: m.Endpoint) -> bool:
    return a.path == b.path and same_requirement(a.requires, b.requires)


def same_endpoints(a: list[m.Endpoint], b: list[m.Endpoint]) -> bool:
    """The same paths, each requiring the same thing (in any order)."""
    if len(a) != len(b):
        return False
    left = list(b)
    for endpoint in a:
        twin = next((e for e in left if _same(e, endpoint)), None)
        if twin is None:
            return False
        left.remove(twin)
    return True


def _candidates(row: m.Feature, english: list[m.Feature]) -> list[m.Feature]:
    scored = [(same_page(row.doc_url, f.doc_url), f) for f in english if same_endpoints(row.endpoints, f.endpoints)]
    best = max((s for s, _ in scored), default=0)
    return [f for s, f in scored if s == best and s > 0]


def match(localized: m.Dataset, english: m.Dataset) -> Matching:
    """Pair every localized row with at most one English feature, and each feature with at most one row."""
    found = {id(row): _candidates(row, english.features) for row in localized.features}
    claims: dict[str, int] = {}
    for cands in found.values():
        if len(cands) == 1:
            claims[cands[0].id] = claims.get(cands[0].id, 0) + 1
    pairs, unmatched = [], []
    for row in localized.features:
        cands = found[id(row)]
        if not cands:
            unmatched.append((row, "matches no English feature by doc link and endpoints"))
        elif len(cands) > 1:
            unmatched.append((row, f"matches {len(cands)} English features ({', '.join(f.id for f in cands)})"))
        elif claims[cands[0].id] > 1:
            unmatched.append((row, f"matches {cands[0].id}, as another row of the copy does"))
        else:
            pairs.append((row, cands[0]))
    return Matching(pairs, unmatched)


def by_id(localized: m.Dataset, english: m.Dataset) -> Matching:
    """A localized dataset already keyed (compiled with its English ids): pairs by id."""
    ids = {f.id: f for f in english.features}
    pairs = [(f, ids[f.id]) for f in localized.features if f.id in ids]
    unmatched = [(f, f"id {f.id} is not on the English page") for f in localized.features if f.id not in ids]
    return Matching(pairs, unmatched)


def _linked(data: m.Dataset, kind: str, message: str, where: str) -> None:
    """Rows are matched by doc link and endpoints: a side whose rows have no doc link at all
    cannot be matched, and is refused in one line rather than row by row."""
    if data.features and not any(f.doc_url for f in data.features):
        raise fail(kind, message, where)


_NO_ENGLISH_LINKS = (
    "the English side has no doc links (compiled from a text dump), and rows are matched by doc link "
    "and endpoints: give --english a Markdown or HTML copy of the English page, or its dataset"
)
_NO_COPY_LINKS = (
    "the copy's rows have no doc links (a converter that drops links?), and rows are matched by "
    "doc link and endpoints: compile a copy that keeps its links (its Markdown or HTML)"
)


def pairing(localized: m.Dataset, english: m.Dataset, english_origin: str, origin: str) -> Matching:
    """`match` after checking that both sides can be matched at all: the copy read from `origin`
    (refused at its first row) and the English side, each with doc links. `compile --english` and
    `drift` both pair through here, so both refuse a side without links in the same one line."""
    if localized.features:
        first = localized.features[0].span
        _linked(localized, "match", _NO_COPY_LINKS, at(origin, first.line, first.col))
    _linked(english, "english", _NO_ENGLISH_LINKS, english_origin)
    return match(localized, english)


def _problem(source: Source, row: m.Feature, why: str) -> Problem:
    return Problem("match", f"row {row.name!r}: {why}; it gets no id", at(source.origin, row.span.line, row.span.col))


def keyed(localized: m.Dataset, english: m.Dataset, english_origin: str, source: Source) -> m.Dataset:
    """The localized dataset with every row under its English id; any row left unmatched is
    refused (one line each, naming the row), never given an invented id."""
    found = pairing(localized, english, english_origin, source.origin)
    if found.unmatched:
        raise RetentionError([_problem(source, row, why) for row, why in found.unmatched])
    return under_english_ids(localized, found.pairs)


def under_english_ids(copy: m.Dataset, pairs: list[tuple[m.Feature, m.Feature]]) -> m.Dataset:
    """The copy's paired rows under their English ids (a row not paired is left out), each footnote
    citing the cells under those ids; a footnote no row cites any more is kept, for the caller to drop."""
    ids = {id(row): eng.id for row, eng in pairs}
    features = [row.model_copy(update={"id": ids[id(row)]}) for row in copy.features if id(row) in ids]
    notes = [n.model_copy(update={"applies_to": cited(n.number, features)}) for n in copy.footnotes]
    return copy.model_copy(update={"features": features, "footnotes": notes})


def cited(number: int, features: list[m.Feature]) -> list[tuple[str, str]]:
    """The cells citing footnote `number`, under the rows' English ids."""
    return [(f.id, arr) for f in features for arr, e in f.eligibility.items() if number in e.footnotes]
