"""The arrangements: one per "… eligible" column, with what it covers and excludes read from the
"What X covers" / "What X does NOT cover" lists (bold labels or headings), and named from the
heading those lists sit under."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from schema import models as m
from scraper.document import Block, Document, Heading, ListBlock
from scraper.extract import cells
from scraper.extract.sections import label_text
from scraper.vocabulary import ENGLISH, Vocabulary

_WORDS = re.compile(r"[\s()（）]+")  # what separates the words of a name
# `label: text`, the label up to the first colon (of 1-100 characters) with a dot only in a
# version ("Fable 5.1"); the label's length is checked apart, so the pattern runs in one pass
_LABEL = re.compile(r"([^.:：]*(?:\.(?=\d)[^.:：]*)*)(?:: |：\s*)(\S.*)")
MAX_LABEL = 100
_LETTER = re.compile("[a-z]")


def _scope(items: ListBlock) -> list[cells.Data]:
    """The list's items as `ScopeItem`s' fields (validated once, with their arrangement)."""
    result = []
    for item in items.items:
        match = _LABEL.fullmatch(item.text)
        if match and 0 < len(match.group(1)) <= MAX_LABEL:
            result.append({"label": match.group(1), "text": match.group(2)})
        else:
            result.append({"label": None, "text": item.text})
    return result


@dataclass(frozen=True)
class _Label:
    """A "What X covers" / "What X does not cover" label with the list under it."""

    kind: str  # covers | excludes
    named: list[str]  # the words of the arrangement it names, lowercase
    items: ListBlock
    heading: str | None  # the heading the label belongs to


def _labels(doc: Document, words: Vocabulary) -> list[_Label]:
    """Every scope label followed by a list, in page order (read once for all the columns)."""
    result = []
    above: list[Heading] = []
    for block, after in itertools.pairwise(doc.blocks):
        if isinstance(block, Heading):
            above.append(block)
        if not isinstance(after, ListBlock) or (label := label_text(block)) is None:
            continue
        if found := words.scope_label(label):
            result.append(_Label(found[0], found[1].lower().split(), after, _enclosing(block, above, words)))
    return result


def _scopes(labels: list[_Label], prefix: str) -> tuple[list[cells.Data], list[cells.Data], str | None]:
    """What the arrangement covers and excludes, and the heading those lists sit under."""
    mine = [label for label in labels if prefix.lower() in label.named]
    covers = [item for label in mine if label.kind == "covers" for item in _scope(label.items)]
    excludes = [item for label in mine if label.kind == "excludes" for item in _scope(label.items)]
    return covers, excludes, next((label.heading for label in mine if label.heading), None)


def _enclosing(label: Block, above: list[Heading], words: Vocabulary) -> str | None:
    """The heading a scope label belongs to: for a heading, the nearest one above it of a higher
    level; for a paragraph label (or where levels are unknown), the nearest heading that is not
    itself a scope label."""
    level = label.level if isinstance(label, Heading) else None
    for heading in reversed(above):
        if heading is label or words.scope_label(heading.text):
            continue
        if level is None or (heading.level is not None and heading.level < level):
            return heading.text
    return None


def _name(doc: Document, prefix: str, heading: str | None, words: Vocabulary) -> str:
    """The arrangement's full name: the heading its scope lists sit under ("Zero data retention
    (ZDR)", "HIPAA readiness scope"), when it names the column's prefix; else a "<name> scope"
    heading (the page's headings are read only then); else the column prefix."""
    under = [words.scope_name(heading) or heading] if heading else []
    named = (n for b in doc.blocks if isinstance(b, Heading) and (n := words.scope_name(b.text)))
    return next((n for n in itertools.chain(under, named) if prefix.lower() in _WORDS.split(n.lower())), prefix)


def arrangement_id(column: str, words: Vocabulary = ENGLISH) -> str:
    """The id of an eligibility column's arrangement (`ZDR eligible` -> `zdr`): the one rule the
    arrangements and the rows' eligibility keys both follow."""
    return cells.slug(words.arrangement_prefix(column) or column)


def unnamed(column: str, words: Vocabulary = ENGLISH) -> str | None:
    """Why an eligibility column's header gives its arrangement no id, or None. An id is made of
    the header's Latin letters and digits: a header with no Latin letter (`資格` where an English
    copy has `HIPAA eligible`, an emoji, punctuation or digits only, nothing) names nothing a
    consumer could pin, so the column is refused rather than published under such an id."""
    if _LETTER.search(arrangement_id(column, words)):
        return None
    example = words.eligible_column.format(name="HIPAA")
    why = "no Latin letter to make its id from"
    return f"column {column!r} names no arrangement ({why}); expected a title like {example!r}"


def arrangements(doc: Document, columns: list[str], words: Vocabulary = ENGLISH) -> list[m.Arrangement]:
    labels = _labels(doc, words)
    result = []
    for column in columns:
        prefix = words.arrangement_prefix(column) or column
        covers, excludes, heading = _scopes(labels, prefix)
        name = _name(doc, prefix, heading, words)
        arrangement = m.Arrangement(
            id=arrangement_id(column, words), name=name, column=column, covers=covers, excludes=excludes
        )
        result.append(arrangement)
    return result
