"""Steps a converter flattened into paragraphs: `1`, a title, its body, `2`, a title, ...

The site renders `<Steps>` as numbered items whose number, title and body are separate
elements; html2text, markdownify and pandoc turn each into a paragraph of its own. A run that
counts 1, 2, ... with a title and a body under each number is read back as steps. The last
step's body is the one paragraph or list right under its title: nothing marks where it ends, and
what follows (a warning, the next section's text) is not the step's.
"""

from __future__ import annotations

from scraper.document import Block, ListBlock, Paragraph, Step, Steps, Text, texts


def _number(block: Block) -> int | None:
    if isinstance(block, Paragraph) and block.body.text.isdecimal() and len(block.body.text) <= 2:
        return int(block.body.text)
    return None


def _texts(block: Block) -> list[Text] | None:
    """A body block's texts; None for a block that ends a step (a step number, neither a
    paragraph nor a list)."""
    if _number(block) is not None or not isinstance(block, Paragraph | ListBlock):
        return None
    return texts(block)


def _step(blocks: list[Block], k: int, n: int) -> tuple[Step, int] | None:
    """The step numbered `n` at `k` (its number paragraph), and the index after it."""
    title = blocks[k + 1] if k + 1 < len(blocks) else None
    if _number(blocks[k]) != n or not isinstance(title, Paragraph) or _number(title) is not None:
        return None
    body: list[Text] = []
    j = k + 2
    while j < len(blocks) and _number(blocks[j]) != n + 1 and (texts := _texts(blocks[j])) is not None:
        body += texts
        j += 1
        if n + 1 not in _ahead(blocks, j):
            break  # the last step: one block of body
    return (Step(title.body, tuple(body)), j) if body else None


def _ahead(blocks: list[Block], j: int) -> set[int]:
    """Step numbers met before the next block that is neither a paragraph nor a list."""
    found = set()
    for block in blocks[j:]:
        if _texts(block) is None and _number(block) is None:
            break
        if (n := _number(block)) is not None:
            found.add(n)
    return found


def fold(blocks: list[Block]) -> list[Block]:
    """The blocks with each flattened run of two steps or more read back as Steps."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        steps: list[Step] = []
        k = i
        while (found := _step(blocks, k, len(steps) + 1)) is not None:
            steps.append(found[0])
            k = found[1]
        if len(steps) >= 2:
            first = blocks[i]
            assert isinstance(first, Paragraph)
            out.append(Steps(tuple(steps), first.body.span))
            i = k
        else:
            out.append(blocks[i])
            i += 1
    return out
