"""The page around the table as data: arrangements' scopes, HIPAA steps, PHI rules, FAQ, links."""

from __future__ import annotations

import json
import re

from schema import models as m
from scraper.document import (
    Block,
    Code,
    Document,
    ListBlock,
    Paragraph,
    Question,
    Step,
    Steps,
    Table,
    TableBlock,
)
from scraper.extract import cells
from scraper.extract.sections import Part, label_text, sections, steps_under
from scraper.vocabulary import ENGLISH, Vocabulary

_EXCLUDED = "not expected to contain phi"
_APPEARS = re.compile(r"\bappears? in\b|:")
_APPLIES = re.compile(r"\bapplies to\b|:")


def _block(block: Block) -> m.Block | None:
    if isinstance(block, Paragraph):
        return m.Block(kind="paragraph", text=block.body.text)
    if isinstance(block, ListBlock):
        return m.Block(kind="list", items=[i.text for i in block.items])
    if isinstance(block, Steps):
        return m.Block(kind="steps", items=[_step(s).title + ": " + _step(s).text for s in block.steps])
    if isinstance(block, Code):
        return m.Block(kind="code", text=block.text)
    if isinstance(block, Question):
        return m.Block(kind="question", text=block.question.text, items=_answer(block))
    if isinstance(block, TableBlock):
        return m.Block(kind="table", items=[r.cells[0].text for r in block.table.rows])
    return None


def _texts(block: Block) -> list[str]:
    if isinstance(block, Paragraph):
        return [block.body.text]
    if isinstance(block, ListBlock):
        return [i.text for i in block.items]
    return []


def _answer(question: Question) -> list[str]:
    return [text for block in question.answer for text in _texts(block)]


def _step(step: Step) -> m.Step:
    return m.Step(title=step.title.text, text=" ".join(t.text for t in step.body))


def _role(secs: list[Part], words: Vocabulary, role: str) -> Part | None:
    """The first section whose heading holds a word of `role` in the copy's language (or English)."""
    return next((sec for sec in secs if words.role(sec.title) == role), None)


def _lists(sec: Part | None) -> list[ListBlock]:
    return [b for b in sec.blocks if isinstance(b, ListBlock)] if sec else []


def _paragraphs(sec: Part | None) -> list[str]:
    return [b.body.text for b in sec.blocks if isinstance(b, Paragraph)] if sec else []


def _faq_blocks(sec: Part) -> list[m.Block]:
    """The FAQ section's blocks, questions grouped with their answers whatever the form: a
    Question block (accordion, `<details>`), or in a dump a paragraph ending in "?" followed by
    the paragraphs and lists that answer it."""
    result: list[m.Block] = []
    for block in sec.blocks:
        if isinstance(block, Question):
            result.append(m.Block(kind="question", text=block.question.text, items=_answer(block)))
        elif isinstance(block, Paragraph) and block.body.text.endswith("?"):
            result.append(m.Block(kind="question", text=block.body.text, items=[]))
        elif result and result[-1].kind == "question" and isinstance(block, Paragraph | ListBlock):
            last = result[-1]
            result[-1] = m.Block(kind="question", text=last.text, items=[*(last.items or []), *_texts(block)])
        elif (converted := _block(block)) is not None:
            result.append(converted)
    return result


def _faq(sec: Part | None) -> list[m.Question]:
    blocks = _faq_blocks(sec) if sec else []
    return [m.Question(question=b.text or "", answer=b.items or []) for b in blocks if b.kind == "question"]


def _listed(secs: list[Part], phrase: str, lead: re.Pattern[str]) -> list[str]:
    """What a sentence containing `phrase` lists: the list under it, or the items it writes inline
    after `lead` (the page has given both shapes)."""
    for sec in secs:
        for block, after in zip(sec.blocks, [*sec.blocks[1:], None], strict=False):
            text = label_text(block) or ""
            if phrase not in text.lower():
                continue
            if isinstance(after, ListBlock):
                return [i.text for i in after.items]
            for sentence in cells.sentences(text):
                if phrase in sentence.lower() and (items := cells.series(sentence, lead)):
                    return items
    return []


def _phi_locations(phi: Part | None) -> list[str]:
    """Where PHI appears: the section's first list, else the list its prose writes inline."""
    if _lists(phi):
        return [i.text for i in _lists(phi)[0].items]
    for sentence in (s for p in _paragraphs(phi) for s in cells.sentences(p)):
        if _EXCLUDED not in sentence.lower() and (items := cells.series(sentence, _APPEARS)):
            return items
    return []


def _excluded(phi: Part | None) -> str | None:
    """The sentence naming the fields not expected to hold PHI."""
    found = (s for p in _paragraphs(phi) for s in cells.sentences(p) if _EXCLUDED in s.lower())
    return next(found, None)


def _error_example(doc: Document) -> dict[str, object] | None:
    for block in doc.blocks:
        if isinstance(block, Code):
            try:
                value = json.loads(block.text)
            except (ValueError, RecursionError):
                continue
            if isinstance(value, dict):
                return value
    return None


def _limitations(secs: list[Part], table: Table | None) -> list[Part]:
    """The sections under a "Limitations…" heading; on a page without one, the sections between
    the eligibility table's and the FAQ (where the page has always put them). Headings with no
    text of their own (a parent of subsections) are left out."""
    titles = [s.title.lower() for s in secs]
    start = next((i + 1 for i, t in enumerate(titles) if t.startswith("limitations")), None)
    if start is None:
        start = next((i + 1 for i, s in enumerate(secs) if _holds(s, table)), len(secs))
    result = []
    for sec in secs[start:]:
        if "question" in sec.title.lower() or "related" in sec.title.lower():
            break
        if sec.blocks:
            result.append(sec)
    return result


def _holds(sec: Part, table: Table | None) -> bool:
    return any(isinstance(b, TableBlock) and b.table is table for b in sec.blocks)


def _violation_retention(limits: list[Part]) -> m.Retention | None:
    """The retention period the limitations state (data kept for policy violations or by law)."""
    found = (cells.retention(" ".join(_paragraphs(sec))) for sec in limits)
    return next((r for r in found if r is not None), None)


def _section(sec: Part, faq: bool = False) -> m.Section:
    blocks = _faq_blocks(sec) if faq else [b for b in (_block(x) for x in sec.blocks) if b is not None]
    return m.Section(id=cells.slug(sec.title), title=sec.title, blocks=blocks)


def _related(sec: Part | None) -> list[m.Link]:
    return [m.Link(text=i.text, url=i.links[0].url if i.links else None) for lst in _lists(sec) for i in lst.items]


def page(doc: Document, table: Table | None = None, words: Vocabulary = ENGLISH) -> m.Page:
    """The page's fields around the eligibility `table` (which places the limitations), its
    sections found by their headings in the copy's words."""
    secs = sections(doc)
    phi = _role(secs, words, "phi")
    steps = steps_under(doc, "hipaa")
    limits = _limitations(secs, table)
    faq = _role(secs, words, "faq")
    return m.Page(
        description=doc.description,
        hipaa_steps=[_step(s) for s in steps.steps] if steps else [],
        phi_locations=_phi_locations(phi),
        phi_excluded_fields=_excluded(phi),
        schema_restrictions=_listed(secs, "restriction applies to", _APPLIES),
        error_example=_error_example(doc),
        limitations=[_section(s) for s in limits],
        policy_violation_retention=_violation_retention(limits),
        faq=_faq(faq),
        related_resources=_related(_role(secs, words, "related_resources")),
        sections=[_section(s, faq=s is faq) for s in secs],
    )
