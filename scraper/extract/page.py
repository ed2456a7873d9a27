"""The page around the table as data: one registered reader per page field.

Each field of `Page` has one reader in `FIELDS`, keyed on the page's structure (sections found
by their headings' roles, block kinds, the table's place) and on the prose cues the vocabulary
declares for the copy's language, never on a sentence spelled here. A field a reader cannot
find comes out empty, and publishing an emptied field is a named, gated change (schema/diff_fields.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

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
    texts,
)
from scraper.extract import cells
from scraper.extract.cells import Data
from scraper.extract.sections import Part, label_text, sections, steps_under
from scraper.vocabulary import ENGLISH, Vocabulary


def _block(block: Block) -> Data | None:
    """A block as a `m.Block`'s fields (validated once, with its section)."""
    if isinstance(block, Paragraph):
        return {"kind": "paragraph", "text": block.body.text}
    if isinstance(block, ListBlock):
        return {"kind": "list", "items": [i.text for i in block.items]}
    if isinstance(block, Steps):
        return {"kind": "steps", "items": [f"{s.title.text}: {_step_text(s)}" for s in block.steps]}
    if isinstance(block, Code):
        return {"kind": "code", "text": block.text}
    if isinstance(block, Question):
        return {"kind": "question", "text": block.question.text, "items": _answer(block)}
    if isinstance(block, TableBlock):
        return {"kind": "table", "items": [r.cells[0].text for r in block.table.rows]}
    return None


def _texts(block: Block) -> list[str]:
    return [t.text for t in texts(block)]


def _answer(question: Question) -> list[str]:
    return [text for block in question.answer for text in _texts(block)]


def _step_text(step: Step) -> str:
    return " ".join(t.text for t in step.body)


def _step(step: Step) -> Data:
    """A step as a `m.Step`'s fields (validated once, with the page)."""
    return {"title": step.title.text, "text": _step_text(step)}


def _lists(sec: Part | None) -> list[ListBlock]:
    return [b for b in sec.blocks if isinstance(b, ListBlock)] if sec else []


def _paragraphs(sec: Part | None) -> list[str]:
    return [b.body.text for b in sec.blocks if isinstance(b, Paragraph)] if sec else []


def _faq_blocks(sec: Part) -> list[Data]:
    """The FAQ section's blocks, questions grouped with their answers whatever the form: a
    Question block (accordion, `<details>`), or in a dump a paragraph ending in "?" followed by
    the paragraphs and lists that answer it."""
    result: list[Data] = []
    for block in sec.blocks:
        if isinstance(block, Paragraph) and block.body.text.endswith(("?", "？")):
            result.append({"kind": "question", "text": block.body.text, "items": []})
        elif result and result[-1]["kind"] == "question" and isinstance(block, Paragraph | ListBlock):
            result[-1]["items"] += _texts(block)
        elif (converted := _block(block)) is not None:  # a Question block is one already
            result.append(converted)
    return result


@dataclass
class PageContext:
    """What every field reader may look at: the document, its sections, the table, the words."""

    doc: Document
    table: Table | None
    words: Vocabulary
    secs: list[Part] = field(init=False)
    roles: list[str | None] = field(init=False)  # each section's role, read once
    first: dict[str | None, Part] = field(init=False)  # each role's first section, found once

    def __post_init__(self) -> None:
        self.secs = sections(self.doc)
        self.roles = [self.words.role(s.title) for s in self.secs]
        self.first = {}
        for sec, role in zip(self.secs, self.roles, strict=True):
            self.first.setdefault(role, sec)

    def role(self, role: str) -> Part | None:
        """The first section whose heading holds a word of `role` in the copy's language (or English)."""
        return self.first.get(role)

    @cached_property
    def data(self) -> list[Data]:
        """Every section as a `m.Section`'s fields, read once: the limitations and the FAQ are
        some of them (validated with the page: one validation instead of a model per section)."""
        faq = self.role("faq")
        return [_section(s, faq=s is faq) for s in self.secs]

    def data_of(self, sec: Part) -> Data:
        return self.data[next(i for i, s in enumerate(self.secs) if s is sec)]

    def cue(self, name: str) -> re.Pattern[str]:
        found = self.words.cue(name)
        if found is None:
            raise KeyError(f"no vocabulary declares the cue {name!r}")
        return found

    @cached_property
    def phi_sentences(self) -> list[str]:
        """The sentences of the PHI section's paragraphs, split once for the two fields read there."""
        return [s for p in _paragraphs(self.role("phi")) for s in cells.sentences(p)]

    @cached_property
    def limitations(self) -> list[Part]:
        """The sections under a "Limitations…" heading; on a page without one, the sections between
        the eligibility table's and the FAQ (where the page has always put them). Headings with no
        text of their own (a parent of subsections) are left out."""
        start = next((i + 1 for i, r in enumerate(self.roles) if r == "limitations"), None)
        if start is None:
            start = next((i + 1 for i, s in enumerate(self.secs) if _holds(s, self.table)), len(self.secs))
        result = []
        for sec, role in zip(self.secs[start:], self.roles[start:], strict=True):
            if role in ("faq", "related_resources"):
                break
            if sec.blocks:
                result.append(sec)
        return result


Reader = Callable[[PageContext], Any]
FIELDS: dict[str, Reader] = {}


def reads(name: str) -> Callable[[Reader], Reader]:
    """Register the one reader of the page field `name` (in the order of `Page`)."""

    def register(reader: Reader) -> Reader:
        assert name not in FIELDS, f"two readers for {name}"
        FIELDS[name] = reader
        return reader

    return register


def _listed(ctx: PageContext, cue: str, lead: re.Pattern[str]) -> list[str]:
    """What a sentence carrying `cue` lists: the list under it, or the items it writes inline
    after `lead` (the page has given both shapes)."""
    says = ctx.words.says
    for sec in ctx.secs:
        for block, after in zip(sec.blocks, [*sec.blocks[1:], None], strict=False):
            text = label_text(block) or ""
            if not says(cue, text):
                continue
            if isinstance(after, ListBlock):
                return [i.text for i in after.items]
            for sentence in cells.sentences(text):
                if says(cue, sentence) and (items := cells.series(sentence, lead)):
                    return items
    return []


@reads("description")
def _description(ctx: PageContext) -> str | None:
    return ctx.doc.description


@reads("hipaa_steps")
def _hipaa_steps(ctx: PageContext) -> list[Data]:
    steps = steps_under(ctx.doc, ctx.cue("hipaa_steps"))
    return [_step(s) for s in steps.steps] if steps else []


@reads("phi_locations")
def _phi_locations(ctx: PageContext) -> list[str]:
    """Where PHI appears: the PHI section's first list, else the list its prose writes inline."""
    phi = ctx.role("phi")
    if lists := _lists(phi):
        return [i.text for i in lists[0].items]
    lead = ctx.cue("phi_locations")
    for sentence in ctx.phi_sentences:
        if not ctx.words.says("phi_excluded", sentence) and (items := cells.series(sentence, lead)):
            return items
    return []


@reads("phi_excluded_fields")
def _excluded(ctx: PageContext) -> str | None:
    """The sentence of the PHI section naming the fields not expected to hold PHI."""
    return next((s for s in ctx.phi_sentences if ctx.words.says("phi_excluded", s)), None)


@reads("schema_restrictions")
def _schema_restrictions(ctx: PageContext) -> list[str]:
    return _listed(ctx, "schema_restrictions", ctx.cue("schema_restrictions_lead"))


@reads("error_example")
def _error_example(ctx: PageContext) -> dict[str, object] | None:
    """The first code block holding a JSON object: the HIPAA 400 error."""
    for block in ctx.doc.blocks:
        if isinstance(block, Code):
            try:
                value = json.loads(block.text)
            except (ValueError, RecursionError):
                continue
            if isinstance(value, dict):
                return value
    return None


@reads("limitations")
def _limitation_sections(ctx: PageContext) -> list[Data]:
    return [ctx.data_of(s) for s in ctx.limitations]  # never the FAQ, so read as any section


@reads("policy_violation_retention")
def _violation_retention(ctx: PageContext) -> Data | None:
    """The retention period the limitations state (data kept for policy violations or by law)."""
    found = (cells.retention(" ".join(_paragraphs(sec))) for sec in ctx.limitations)
    return next((r for r in found if r is not None), None)


@reads("faq")
def _faq(ctx: PageContext) -> list[Data]:
    """The FAQ section's questions as `Question`s' fields (validated once, with the page)."""
    sec = ctx.role("faq")
    blocks = ctx.data_of(sec)["blocks"] if sec else []
    return [{"question": b["text"], "answer": b["items"]} for b in blocks if b["kind"] == "question"]


@reads("related_resources")
def _related(ctx: PageContext) -> list[Data]:
    """The related resources as `m.Link`s' fields (validated once, with the page)."""
    lists = _lists(ctx.role("related_resources"))
    return [{"text": i.text, "url": cells.url(i.links[0].url) if i.links else None} for lst in lists for i in lst.items]


@reads("sections")
def _sections(ctx: PageContext) -> list[Data]:
    return ctx.data


def _holds(sec: Part, table: Table | None) -> bool:
    return any(isinstance(b, TableBlock) and b.table is table for b in sec.blocks)


def _section(sec: Part, faq: bool = False) -> Data:
    blocks = _faq_blocks(sec) if faq else [b for b in (_block(x) for x in sec.blocks) if b is not None]
    return {"id": cells.slug(sec.title), "title": sec.title, "blocks": blocks}


def page(doc: Document, table: Table | None = None, words: Vocabulary = ENGLISH) -> m.Page:
    """The page's fields around the eligibility `table` (which places the limitations), each
    read by its registered reader, in the copy's words."""
    ctx = PageContext(doc, table, words)
    return m.Page(**{name: reader(ctx) for name, reader in FIELDS.items()})
