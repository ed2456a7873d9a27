"""Text a converter wrapped at a fixed width (html2text's `body_width`): a heading longer than
the width runs on into the lines under it, and a long link definition's URL into the next line,
where Markdown alone would read a paragraph. One rule for both: the page's own width, measured
here, and a line the next word did not fit on at it (`did_not_fit`)."""

from __future__ import annotations

from collections.abc import Callable

MIN_BROKEN = 8  # lines broken inside a paragraph: fewer, and the page is not known to be wrapped
FULL_SHARE = 0.8  # of them, those the next word would not have fitted on: a wrap, not an author's breaks
HARD_BREAK = ("  ", "\\")  # a line ending so was broken by its author (`<br>`), not by the width

StartsBlock = Callable[[int], bool]


def did_not_fit(line: str, following: str, width: int) -> bool:
    """Whether `following`'s first word would not have fitted at the end of `line` at `width`:
    what a converter wrapping at `width` left, so the two lines are one."""
    return len(line.rstrip()) + 1 + len(following.split()[0]) > width


def wrap_width(lines: list[str], starts_block: StartsBlock) -> int | None:
    """The width the page's prose is wrapped at, or None when it is not wrapped: the W that most
    lines broken inside a paragraph fit, each at most W long with no room for the next word; an
    author's own line breaks (hard breaks, or anywhere in an unwrapped page) fall anywhere."""
    broken = [
        (len(lines[k].rstrip()), len(lines[k + 1].split()[0]))
        for k in range(len(lines) - 1)
        if lines[k].strip() and not lines[k].endswith(HARD_BREAK) and not starts_block(k) and not starts_block(k + 1)
    ]
    if len(broken) < MIN_BROKEN:
        return None
    fits = {w: sum(1 for length, word in broken if length <= w < length + 1 + word) for w in {n for n, _ in broken}}
    width = max(fits, key=lambda w: (fits[w], -w))  # an unbreakable run (a long URL) may pass it
    return width if fits[width] >= len(broken) * FULL_SHARE else None


def run_on_end(lines: list[str], i: int, end: int, width: int, starts_block: StartsBlock) -> int:
    """The line after the heading at `i` and the lines it ran on into: each line the next
    word did not fit on (at `width`) continues into a next line that starts no block."""
    k = i
    while k + 1 < end and not starts_block(k + 1) and did_not_fit(lines[k], lines[k + 1], width):
        k += 1
    return k + 1
