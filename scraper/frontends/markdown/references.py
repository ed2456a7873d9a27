"""Reference-style links: `[text][16]` with `[16]: url` defined elsewhere in the document.

html2text writes every link this way with `inline_links=False` (its `links_each_paragraph`
puts the definitions under each paragraph, else they come after the footer), writing a link's
target as it is, spaces included, and wrapping a long one onto the next lines. The definitions
are taken out of the text before blocks are read (they are not the page's words) and the inline
reader resolves `[text][label]` and `[text][]` with them, so that a cell reads as its text and
keeps its link, as an inline link does. Only a definition the page uses is taken out: any other
`[label]: words` line is the page's text and stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar

from scraper.frontends.markdown.wrapping import did_not_fit

# the destination may start on the next line (CommonMark; html2text at 40 columns: `   [16]:` / `https://…`)
_DEFINITION = re.compile(r"([ ]*)\[([^\]\s][^\]]*)\]:(?:[ \t]+(.*?))?[ \t]*")
# CommonMark's destination (`<...>`, or no space) and optional title
_STRICT = re.compile(r"(?:<([^<>\n]*)>|([^\s<][^\s]*))(?:[ \t]+(\"[^\"]*\"|'[^']*'|\([^()]*\)))?")
_TITLE = re.compile(r"[ \t]*(\"[^\"]*\"|'[^']*'|\([^()]*\))[ \t]*")
# html2text's target written as it is: a URL or path holding spaces (`…/build-with-claude/Web search`)
_SPACED = re.compile(r"(?:[A-Za-z][\w+.-]*://|\.{0,2}/|#)\S*(?:[ \t]+\S+)+")
# a line that opens a block (heading, list item, quote, table, fence, tag, div, rule) never continues a definition
_OPENS_BLOCK = re.compile(
    r"[ \t]*(?:#{1,6}(?:[ \t]|$)|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|[>|<]|```|~~~|:::|[-*_=]{3})|.*\|"
)
_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")
_USE = re.compile(r"\]\[([^\[\]]+)\]|\[([^\[\]]+)\]\[\]")

DEFINED: ContextVar[dict[str, str]] = ContextVar("markdown_references", default={})  # noqa: B039  # read-only default


def label(text: str) -> str:
    """The key a label matches under: case and runs of spaces do not count (CommonMark)."""
    return " ".join(text.split()).casefold()


def _used(text: str) -> set[str]:
    """The labels the text refers to: `[text][label]`, `[label][]`."""
    return {label(m.group(1) or m.group(2)) for m in _USE.finditer(text)}


def _destination(rest: str) -> tuple[str, bool] | None:
    """The URL of a definition's `rest` (after `[label]:`) and whether its title is given; None
    when `rest` is no destination: CommonMark's (no space unless in `<...>`, then a title), or
    html2text's URL or path written with its spaces."""
    strict = _STRICT.fullmatch(rest)
    if strict:
        return strict.group(1) if strict.group(1) is not None else strict.group(2), strict.group(3) is not None
    if _SPACED.fullmatch(rest):
        return rest, False
    return None


def collect(lines: list[str], width: Callable[[], int | None]) -> dict[str, str]:
    """The URL of each label the page defines and uses (the first definition of a label wins),
    each such definition blanked out of `lines` (line numbers kept). A definition may go on over
    the next lines with its title (`"..."`, `'...'`, `(...)`), or with the rest of a URL wrapped
    onto them (joined with a space, or with none after a hyphen) up to a blank line, another
    definition or a line that opens a block, where the page is wrapped: `width()` is the page's
    width, measured once the definitions' own lines are blank (wrapping.wrap_width), and a line
    goes on only where the next line's first word did not fit on it (wrapping.did_not_fit), as
    a heading runs on. Fenced code is left alone (html2text puts a paragraph's definitions inside
    the indented code block that follows it, so an indented definition counts as any other)."""
    found = dict[str, str]()
    if "]:" not in "\n".join(lines):  # no definition anywhere: most pages
        return found
    for k, written, name, url, titled in _definitions(lines):
        found.setdefault(name, _run_on(lines, k + 1, written, url, titled, width))
    return found


def _definitions(lines: list[str]) -> list[tuple[int, str, str, str, bool]]:
    """Each definition the page uses, outside fenced code: the line its destination ends on, what
    that line holds, its label, its URL and whether its title is given. Its lines are blanked."""
    used = _used("\n".join(lines))
    fenced = False
    starts = []
    for k, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        match = None if fenced else _DEFINITION.fullmatch(line)
        if match is None or label(match.group(2)) not in used:
            continue
        last = k if match.group(3) else k + 1  # `[16]:` alone: its destination is on the next line
        rest = match.group(3) or (lines[last].strip() if last < len(lines) and _wraps(lines[last]) else "")
        read = _destination(rest)
        if read is not None:
            starts.append((last, lines[last], label(match.group(2)), *read))
            lines[k : last + 1] = [""] * (last + 1 - k)
    return starts


def _run_on(lines: list[str], k: int, written: str, url: str, titled: bool, width: Callable[[], int | None]) -> str:
    """The URL of the definition `written` above line `k`, with what it goes on with from there
    (blanked): the rest of a URL wrapped where the page's width left no room, else a title on
    the next line."""
    while k < len(lines) and _wraps(lines[k]) and _wrapped(written, lines[k], width()):
        url += ("" if url.endswith("-") else " ") + lines[k].strip()
        written, lines[k] = lines[k], ""
        k += 1
    if not titled and k < len(lines) and _TITLE.fullmatch(lines[k]):
        lines[k] = ""
    return url


def _wrapped(line: str, following: str, width: int | None) -> bool:
    """Whether a converter wrapping the page at `width` broke `line` before `following`; never on
    a page not wrapped."""
    return width is not None and did_not_fit(line, following, width)


def _wraps(line: str) -> bool:
    """Whether `line` may be the rest of a wrapped URL: not blank, no definition, opens no block."""
    return bool(line.strip()) and not _DEFINITION.fullmatch(line) and not _OPENS_BLOCK.match(line)


def target(text: str, named: str) -> str | None:
    """The URL of `[text][named]` (`[text][]`: the label is the text), None when undefined."""
    return DEFINED.get().get(label(named or text))
