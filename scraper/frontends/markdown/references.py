"""Reference-style links: `[text][16]` with `[16]: url` defined elsewhere in the document.

html2text writes every link this way with `inline_links=False` (its `links_each_paragraph`
puts the definitions under each paragraph, else they come after the footer), wrapping a long or
spaced URL onto the next lines. The definitions are taken out of the text before blocks are read
(they are not the page's words) and the inline reader resolves `[text][label]` and `[text][]`
with them, so that a cell reads as its text and keeps its link, as an inline link does.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

_DEFINITION = re.compile(r"([ ]*)\[([^\]\s][^\]]*)\]:[ \t]+<?(\S[^>]*?)>?(?:[ \t]+\"[^\"]*\")?[ \t]*")
_FENCE = re.compile(r"[ \t]{0,3}(```|~~~)")

DEFINED: ContextVar[dict[str, str]] = ContextVar("markdown_references", default={})  # noqa: B039  # read-only default


def label(text: str) -> str:
    """The key a label matches under: case and runs of spaces do not count (CommonMark)."""
    return " ".join(text.split()).casefold()


def collect(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """The lines with each definition blanked out (line numbers kept), and the URL of each label.
    A definition runs on over the following non-blank lines that hold no other definition (a
    wrapped URL, joined with a space, or with none after a hyphen); the first definition of a
    label wins. Fenced code is left alone; a definition indented as code is one only when the text
    uses its label (html2text puts the definitions of a paragraph's links inside the code block
    that follows it)."""
    out, found = list(lines), dict[str, str]()
    used = "\n".join(lines)
    if "]:" not in used:  # no definition anywhere: most pages
        return out, found
    fenced = False
    k = 0
    while k < len(lines):
        if _FENCE.match(lines[k]):
            fenced = not fenced
        match = None if fenced else _DEFINITION.fullmatch(lines[k])
        if match is None or (len(match.group(1)) > 3 and f"][{match.group(2)}]" not in used):
            k += 1
            continue
        url, out[k] = match.group(3), ""
        k += 1
        while k < len(lines) and lines[k].strip() and not _DEFINITION.fullmatch(lines[k]):
            url += ("" if url.endswith("-") else " ") + lines[k].strip()
            out[k] = ""
            k += 1
        found.setdefault(label(match.group(2)), url)
    return out, found


def target(text: str, named: str) -> str | None:
    """The URL of `[text][named]` (`[text][]`: the label is the text), None when undefined."""
    return DEFINED.get().get(label(named or text))
