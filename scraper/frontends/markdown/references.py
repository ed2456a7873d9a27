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
from contextvars import ContextVar

_DEFINITION = re.compile(r"([ ]*)\[([^\]\s][^\]]*)\]:[ \t]+(.*?)[ \t]*")
# CommonMark's destination (`<...>`, or no space) and optional title
_STRICT = re.compile(r"(?:<([^<>\n]*)>|([^\s<][^\s]*))(?:[ \t]+(\"[^\"]*\"|'[^']*'|\([^()]*\)))?")
_TITLE = re.compile(r"[ \t]*(\"[^\"]*\"|'[^']*'|\([^()]*\))[ \t]*")
# html2text's target written as it is: a URL or path holding spaces (`…/build-with-claude/Web search`)
_SPACED = re.compile(r"(?:[A-Za-z][\w+.-]*://|\.{0,2}/|#)\S*(?:[ \t]+\S+)+")
# a line that opens a block (heading, list item, quote, table, fence, tag, div, rule) never continues a definition
_OPENS_BLOCK = re.compile(
    r"[ \t]*(?:#{1,6}(?:[ \t]|$)|(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|[>|<]|```|~~~|:::|[-*_=]{3})|.*\|"
)
_WRAP_WIDTH = 40  # a line this long or longer may have been wrapped (html2text's narrowest width in use)
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


def collect(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """The lines with each definition the page uses blanked out (line numbers kept), and the URL of
    each label; the first definition of a label wins. A definition may go on over the next lines
    with its title (`"..."`, `'...'`, `(...)`), or, when its line is long enough to have been
    wrapped, with the rest of a wrapped URL (joined with a space, or with none after a hyphen) up to
    a blank line, another definition or a line that opens a block. Fenced code is left alone
    (html2text puts a paragraph's definitions inside the indented code block that follows it, so
    an indented definition counts as any other)."""
    out, found = list(lines), dict[str, str]()
    if "]:" not in "\n".join(lines):  # no definition anywhere: most pages
        return out, found
    used = _used("\n".join(lines))
    fenced = False
    k = 0
    while k < len(lines):
        if _FENCE.match(lines[k]):
            fenced = not fenced
        match = None if fenced else _DEFINITION.fullmatch(lines[k])
        read = _destination(match.group(3)) if match and label(match.group(2)) in used else None
        if match is None or read is None:
            k += 1
            continue
        (url, titled), out[k] = read, ""
        url, k = _run_on(lines, out, k + 1, url, titled)
        found.setdefault(label(match.group(2)), url)
    return out, found


def _run_on(lines: list[str], out: list[str], k: int, url: str, titled: bool) -> tuple[str, int]:
    """The definition's URL with what it goes on with from line `k` (blanked), and the line after
    it: the rest of a URL wrapped after a long line, else a title on the next line."""
    while k < len(lines) and len(lines[k - 1].rstrip()) >= _WRAP_WIDTH and _wraps(lines[k]):
        url += ("" if url.endswith("-") else " ") + lines[k].strip()
        out[k] = ""
        k += 1
    if not titled and k < len(lines) and _TITLE.fullmatch(lines[k]) and len(lines[k - 1].rstrip()) < _WRAP_WIDTH:
        out[k] = ""
        k += 1
    return url, k


def _wraps(line: str) -> bool:
    """Whether `line` may be the rest of a wrapped URL: not blank, no definition, opens no block."""
    return bool(line.strip()) and not _DEFINITION.fullmatch(line) and not _OPENS_BLOCK.match(line)


def target(text: str, named: str) -> str | None:
    """The URL of `[text][named]` (`[text][]`: the label is the text), None when undefined."""
    return DEFINED.get().get(label(named or text))
