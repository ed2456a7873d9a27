"""The page around the table as data: arrangements' scopes, HIPAA steps, PHI rules, FAQ, links."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field

from schema import models as m
from scraper.document import (
    Block,
    Code,
    Document,
    Heading,
    ListBlock,
    Paragraph,
    Question,
    Step,
    Steps,
    TableBlock,
    Text,
)
from scraper.extract import cells
from scraper.vocabulary import ENGLISH, Vocabulary


@dataclass
class _Section:
    title: str
    blocks: list[Block] = field(default_factory=list)


def sections(doc: Document) -> list[_Section]:
    """Blocks grouped under the page's headings (levels 2-3; deeper headings are labels)."""
    result = [_Section(doc.title)]
    for block in doc.blocks:
        if isinstance(block, Heading) and (block.level is None or block.level <= 3):
            result.append(_Section(block.text))
        elif isinstance(block, Heading):
            result[-1].blocks.append(Paragraph(Text(block.text, block.span)))
        else:
            result[-1].blocks.append(block)
    return result


def label_text(block: Block) -> str | None:
    if isinstance(block, Paragraph):
        return block.body.text
    if isinstance(block, Heading):
        return block.text
    return None


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


def _role(secs: list[_Section], words: Vocabulary, role: str) -> _Section | None:
    """The first section whose heading holds a word of `role` in the copy's language (or English)."""
    return next((sec for sec in secs if words.role(sec.title) == role), None)


def _lists(sec: _Section | None) -> list[ListBlock]:
    return [b for b in sec.blocks if isinstance(b, ListBlock)] if sec else []


def _paragraphs(sec: _Section | None) -> list[str]:
    return [b.body.text for b in sec.blocks if isinstance(b, Paragraph)] if sec else []


def _faq_blocks(sec: _Section) -> list[m.Block]:
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


def _faq(sec: _Section | None) -> list[m.Question]:
    blocks = _faq_blocks(sec) if sec else []
    return [m.Question(question=b.text or "", answer=b.items or []) for b in blocks if b.kind == "question"]


def _schema_restrictions(secs: list[_Section]) -> list[str]:
    for sec in secs:
        for block, after in itertools.pairwise(sec.blocks):
            text = label_text(block) or ""
            if "restriction applies to" in text.lower() and isinstance(after, ListBlock):
                return [i.text for i in after.items]
    return []


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


def _limitations(secs: list[_Section]) -> list[m.Section]:
    titles = [s.title.lower() for s in secs]
    start = next((i for i, t in enumerate(titles) if t.startswith("limitations")), None)
    if start is None:
        return []
    result = []
    for sec in secs[start + 1 :]:
        if "question" in sec.title.lower() or "related" in sec.title.lower():
            break
        result.append(_section(sec))
    return result


def _section(sec: _Section, faq: bool = False) -> m.Section:
    blocks = _faq_blocks(sec) if faq else [b for b in (_block(x) for x in sec.blocks) if b is not None]
    return m.Section(id=cells.slug(sec.title), title=sec.title, blocks=blocks)


def _related(sec: _Section | None) -> list[m.Link]:
    return [m.Link(text=i.text, url=i.links[0].url if i.links else None) for lst in _lists(sec) for i in lst.items]


def page(doc: Document, words: Vocabulary = ENGLISH) -> m.Page:
    secs = sections(doc)
    phi = _role(secs, words, "phi")
    steps = next((b for b in doc.blocks if isinstance(b, Steps)), None)
    excluded = [p for p in _paragraphs(phi) if "not expected to contain phi" in p.lower()]
    violation = _role(secs, words, "policy_violation")
    faq = _role(secs, words, "faq")
    return m.Page(
        description=doc.description,
        hipaa_steps=[_step(s) for s in steps.steps] if steps else [],
        phi_locations=[i.text for i in _lists(phi)[0].items] if _lists(phi) else [],
        phi_excluded_fields=excluded[0] if excluded else None,
        schema_restrictions=_schema_restrictions(secs),
        error_example=_error_example(doc),
        limitations=_limitations(secs),
        policy_violation_retention=cells.retention(" ".join(_paragraphs(violation))) if violation else None,
        faq=_faq(faq),
        related_resources=_related(_role(secs, words, "related_resources")),
        sections=[_section(s, faq=s is faq) for s in secs],
    )
