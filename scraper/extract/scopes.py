"""The arrangements: one per "… eligible" column, with what it covers and excludes read from the
"What X covers" / "What X does NOT cover" lists (bold labels or headings), and named from the
heading those lists sit under."""

from __future__ import annotations

import itertools
import re

from schema import models as m
from scraper.document import Block, Document, Heading, ListBlock
from scraper.extract import cells
from scraper.extract.sections import label_text
from scraper.vocabulary import ENGLISH, Vocabulary

_LABEL = re.compile(r"((?:[^.:：]|\.(?=\d)){1,100})(?:: |：\s*)(\S.*)")  # a dot only in a version: "Fable 5.1"


def _scope(items: ListBlock) -> list[m.ScopeItem]:
    result = []
    for item in items.items:
        match = _LABEL.fullmatch(item.text)
        label, text = (match.group(1), match.group(2)) if match else (None, item.text)
        result.append(m.ScopeItem(label=label, text=text))
    return result


def _scopes(doc: Document, prefix: str, words: Vocabulary) -> tuple[list[m.ScopeItem], list[m.ScopeItem], str | None]:
    """What the arrangement covers and excludes, and the heading those lists sit under."""
    covers: list[m.ScopeItem] = []
    excludes: list[m.ScopeItem] = []
    heading: str | None = None
    above: list[Heading] = []
    for block, after in itertools.pairwise(doc.blocks):
        if isinstance(block, Heading):
            above.append(block)
        label = label_text(block)
        if label is None or not isinstance(after, ListBlock):
            continue
        found = words.scope_label(label)
        if found and prefix.lower() in found[1].lower().split():
            (excludes if found[0] == "excludes" else covers).extend(_scope(after))
            heading = heading or _enclosing(block, above, words)
    return covers, excludes, heading


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
    heading; else the column prefix."""
    candidates = [words.scope_name(heading) or heading] if heading else []
    candidates += [n for b in doc.blocks if isinstance(b, Heading) and (n := words.scope_name(b.text))]
    for name in candidates:
        if prefix.lower() in re.split(r"[\s()（）]+", name.lower()):
            return name
    return prefix


def arrangements(doc: Document, columns: list[str], words: Vocabulary = ENGLISH) -> list[m.Arrangement]:
    result = []
    for column in columns:
        prefix = words.arrangement_prefix(column) or column
        covers, excludes, heading = _scopes(doc, prefix, words)
        name = _name(doc, prefix, heading, words)
        result.append(m.Arrangement(id=cells.slug(prefix), name=name, column=column, covers=covers, excludes=excludes))
    return result
