"""The arrangements: one per "… eligible" column, named from its "<name> scope" heading, with
what it covers and excludes read from the "What X covers" / "What X does NOT cover" lists."""

from __future__ import annotations

import itertools
import re

from schema import models as m
from scraper.document import Document, Heading, ListBlock
from scraper.extract import cells
from scraper.extract.page import label_text
from scraper.vocabulary import ENGLISH, Vocabulary

_LABEL = re.compile(r"([^.:：]{1,60})(?:: |：\s*)(\S.*)")  # `Label: text`, `标签：text`


def _scope(items: ListBlock) -> list[m.ScopeItem]:
    result = []
    for item in items.items:
        match = _LABEL.fullmatch(item.text)
        label, text = (match.group(1), match.group(2)) if match else (None, item.text)
        result.append(m.ScopeItem(label=label, text=text))
    return result


def _scopes(doc: Document, prefix: str, words: Vocabulary) -> tuple[list[m.ScopeItem], list[m.ScopeItem]]:
    covers: list[m.ScopeItem] = []
    excludes: list[m.ScopeItem] = []
    blocks = list(doc.blocks)
    for block, after in itertools.pairwise(blocks):
        label = label_text(block)
        if label is None or not isinstance(after, ListBlock):
            continue
        found = words.scope_label(label)
        if found and prefix.lower() in found[1].lower().split():
            (excludes if found[0] == "excludes" else covers).extend(_scope(after))
    return covers, excludes


def _name(doc: Document, prefix: str, words: Vocabulary) -> str:
    """The arrangement's full name, from its "<name> scope" heading; else the column prefix."""
    for block in doc.blocks:
        name = words.scope_name(block.text) if isinstance(block, Heading) else None
        if name is not None and prefix.lower() in re.split(r"[\s()（）]+", name.lower()):
            return name
    return prefix


def arrangements(doc: Document, columns: list[str], words: Vocabulary = ENGLISH) -> list[m.Arrangement]:
    result = []
    for column in columns:
        prefix = words.arrangement_prefix(column) or column
        covers, excludes = _scopes(doc, prefix, words)
        result.append(
            m.Arrangement(
                id=cells.slug(prefix), name=_name(doc, prefix, words), column=column, covers=covers, excludes=excludes
            )
        )
    return result
