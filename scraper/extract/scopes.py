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
from scraper.vocabulary import ENGLISH

_COVERS = re.compile(ENGLISH.covers_heading, re.IGNORECASE)
_EXCLUDES = re.compile(ENGLISH.excludes_heading, re.IGNORECASE)
_LABEL = re.compile(r"((?:[^.:]|\.(?=\d)){1,100}): (\S.*)")  # a dot only in a version: "Fable 5.1"


def _scope(items: ListBlock) -> list[m.ScopeItem]:
    result = []
    for item in items.items:
        match = _LABEL.fullmatch(item.text)
        label, text = (match.group(1), match.group(2)) if match else (None, item.text)
        result.append(m.ScopeItem(label=label, text=text))
    return result


def _scopes(doc: Document, prefix: str) -> tuple[list[m.ScopeItem], list[m.ScopeItem], str | None]:
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
        for pattern, target in ((_EXCLUDES, excludes), (_COVERS, covers)):
            match = pattern.fullmatch(label.strip())
            if match and prefix.lower() in match.group(1).lower().split():
                target.extend(_scope(after))
                heading = heading or _enclosing(block, above)
                break
    return covers, excludes, heading


def _enclosing(label: Block, above: list[Heading]) -> str | None:
    """The heading a scope label belongs to: for a heading, the nearest one above it of a higher
    level; for a paragraph label (or where levels are unknown), the nearest heading that is not
    itself a scope label."""
    level = label.level if isinstance(label, Heading) else None
    for heading in reversed(above):
        if heading is label or _COVERS.fullmatch(heading.text) or _EXCLUDES.fullmatch(heading.text):
            continue
        if level is None or (heading.level is not None and heading.level < level):
            return heading.text
    return None


def _name(doc: Document, prefix: str, heading: str | None) -> str:
    """The arrangement's full name: the heading its scope lists sit under ("Zero data retention
    (ZDR)", "HIPAA readiness scope"), when it names the column's prefix; else a "<name> scope"
    heading; else the column prefix."""
    suffix = ENGLISH.scope_heading_suffix
    candidates = [heading] if heading else []
    candidates += [b.text for b in doc.blocks if isinstance(b, Heading) and b.text.endswith(suffix)]
    for text in candidates:
        name = text.removesuffix(suffix)
        if prefix.lower() in re.split(r"[\s()]+", name.lower()):
            return name
    return prefix


def arrangements(doc: Document, columns: list[str]) -> list[m.Arrangement]:
    result = []
    for column in columns:
        prefix = ENGLISH.arrangement_prefix(column) or column
        covers, excludes, heading = _scopes(doc, prefix)
        name = _name(doc, prefix, heading)
        result.append(m.Arrangement(id=cells.slug(prefix), name=name, column=column, covers=covers, excludes=excludes))
    return result
