"""How far a localized copy is from the English page: rows it lacks or adds, statuses and
footnote marks that disagree, arrangements it lacks or adds. The English page is the authority;
each difference is one record, in the English page's order, then the copy's extra rows."""

from __future__ import annotations

from schema import models as m
from schema.drift import Drift
from scraper.errors import at
from scraper.localize.match import Matching


def _arrangements(english: m.Dataset, copy: m.Dataset) -> list[Drift]:
    theirs = {a.id for a in copy.arrangements}
    ours = {a.id for a in english.arrangements}
    lacks = [
        Drift("arrangement_missing", f"no {a.id} column (English has {a.column!r})", arrangement=a.id)
        for a in english.arrangements
        if a.id not in theirs
    ]
    adds = [
        Drift("arrangement_added", f"a {a.id} column ({a.column!r}) the English page does not have", arrangement=a.id)
        for a in copy.arrangements
        if a.id not in ours
    ]
    return lacks + adds


def _marks(marks: list[int]) -> str:
    return ", ".join(str(n) for n in marks) or "none"


def _cells(row: m.Feature, eng: m.Feature, where: str) -> list[Drift]:
    result = []
    for arr, ours in eng.eligibility.items():
        theirs = row.eligibility.get(arr)
        if theirs is None:
            continue
        if theirs.status != ours.status:
            result.append(
                Drift(
                    "status",
                    f"{eng.id} {arr}: {theirs.status} in the copy, {ours.status} in English",
                    eng.id,
                    row.name,
                    arr,
                    ours.status,
                    theirs.status,
                    where,
                )
            )
        if theirs.footnotes != ours.footnotes:
            english, copy = _marks(ours.footnotes), _marks(theirs.footnotes)
            result.append(
                Drift(
                    "footnotes",
                    f"{eng.id} {arr}: footnotes {copy} in the copy, {english} in English",
                    eng.id,
                    row.name,
                    arr,
                    english,
                    copy,
                    where,
                )
            )
    return result


def drift(english: m.Dataset, copy: m.Dataset, matching: Matching, origin: str) -> list[Drift]:
    """Every difference between the copy and the English page, English page order first."""

    def where(row: m.Feature) -> str:
        return at(origin, row.span.line, row.span.col)

    rows = {eng.id: row for row, eng in matching.pairs}
    result = _arrangements(english, copy)
    for eng in english.features:
        row = rows.get(eng.id)
        if row is None:
            result.append(Drift("row_missing", f"no row for {eng.id} ({eng.name!r})", eng.id, english=eng.name))
        else:
            result.extend(_cells(row, eng, where(row)))
    for row, why in matching.unmatched:
        result.append(
            Drift(
                "row_added",
                f"row {row.name!r} is not on the English page: {why}",
                name=row.name,
                localized=row.name,
                where=where(row),
            )
        )
    return result
