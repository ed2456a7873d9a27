"""The legend some copies put above the table ("Each eligibility column uses three values:"
then `**Yes:** …`, `**Yes (qualified):** …`, `**No:** …`): every word it defines must be a
status word the vocabulary knows, so a copy that introduces a new word is refused naming it
rather than read with a guess."""

from __future__ import annotations

import itertools
import re

from scraper.document import Document, ListBlock, Paragraph, Text
from scraper.vocabulary import Vocabulary, fold

_TERM = re.compile(r"([^:：]{1,40})[:：]")


def legend(doc: Document, words: Vocabulary) -> list[Text]:
    """The legend's items: the list right after a paragraph that starts with the legend sentence."""
    intros = [fold(v.legend) for v in words.chain() if v.legend]
    for block, after in itertools.pairwise(doc.blocks):
        if not (isinstance(block, Paragraph) and isinstance(after, ListBlock)):
            continue
        if any(fold(block.body.text).startswith(i) for i in intros):
            return list(after.items)
    return []


def unknown_terms(doc: Document, words: Vocabulary) -> list[tuple[str, Text]]:
    """The words the legend defines that no status word of the vocabulary matches."""
    result = []
    for item in legend(doc, words):
        match = _TERM.match(item.text)
        if match and words.status(match.group(1)) is None:
            result.append((match.group(1).strip(), item))
    return result
