"""Markdown lists: each item with the blocks indented under it, and an ordered list whose every
item is a number over a heading and its body (how HTML converters write steps) read as steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from schema.span import Span
from scraper.document import Block, Heading, ListBlock, Step, Steps, Text, texts
from scraper.frontends.markdown import lines as ml


class Reader(Protocol):
    lines: list[str]

    def read(self, i: int, end: int) -> list[Block]: ...

    def paragraph_end(self, i: int, end: int) -> int: ...


@dataclass(frozen=True)
class _Item:
    text: Text
    blocks: list[Block]
    span: Span


def read_list(reader: Reader, i: int, end: int) -> tuple[list[Block], int]:
    """The list starting at line `i` as blocks, and the line after it."""
    lines = reader.lines
    first = ml.ITEM.match(lines[i].strip())
    ordered = bool(first and first.group(1)[0].isdigit())
    items: list[_Item] = []
    while i < end:
        stripped = lines[i].strip()
        item = ml.ITEM.match(stripped)
        if item is None:
            following = _skip_blank(lines, i, end)
            if not stripped and following < end and ml.ITEM.match(lines[following].strip()):
                i = following
                continue
            break
        stop = reader.paragraph_end(i, end)
        col = ml.indent(lines[i]) + item.end()
        raw = ml.join_wrapped([lines[i].lstrip()[item.end() :], *(lines[k].strip() for k in range(i + 1, stop))])
        nested = _nested_end(lines, stop, end, col)
        blocks = reader.read(stop, nested) if nested > stop else []
        items.append(_Item(ml.text_at(raw, i + 1, col + 1), blocks, Span(i + 1, ml.indent(lines[i]) + 1)))
        i = nested
    return _blocks(items, ordered), i


def _skip_blank(lines: list[str], i: int, end: int) -> int:
    while i < end and not lines[i].strip():
        i += 1
    return i


def _nested_end(lines: list[str], stop: int, end: int, col: int) -> int:
    """Past the last line indented to the item's content column `col` after its first paragraph
    (blank lines between included); `stop` when nothing is nested. A deeper item is a sibling."""
    j = _skip_blank(lines, stop, end)
    if j >= end or ml.indent(lines[j]) < col or ml.ITEM.match(lines[j].strip()):
        return stop
    k = j
    while k < end and (not lines[k].strip() or ml.indent(lines[k]) >= col):
        k += 1
    while k > j and not lines[k - 1].strip():
        k -= 1
    return k


def _blocks(items: list[_Item], ordered: bool) -> list[Block]:
    """Steps when every item of an ordered list opens with a heading (the item's own text is its
    number); else lists, each item's nested blocks following the list it ends."""
    if ordered and items and all(it.blocks and isinstance(it.blocks[0], Heading) for it in items):
        steps = [_step(it) for it in items]
        return [Steps(tuple(steps), items[0].span)]
    result: list[Block] = []
    run: list[_Item] = []
    for item in items:
        run.append(item)
        if item.blocks:
            result += [ListBlock(tuple(r.text for r in run), run[0].span), *item.blocks]
            run = []
    if run:
        result.append(ListBlock(tuple(r.text for r in run), run[0].span))
    return result


def _step(item: _Item) -> Step:
    heading = item.blocks[0]
    assert isinstance(heading, Heading)
    return Step(Text(heading.text, heading.span), tuple(t for b in item.blocks[1:] for t in texts(b)))
