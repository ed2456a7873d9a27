"""Inline Markdown/MDX to plain text, the way a reader sees it, with links and marks kept aside.

Links become their text (targets may hold spaces and balanced parentheses), code spans their
characters, emphasis markers and JSX/HTML tags vanish (`<Eligible status="no">No</Eligible>`
reads `No`), and footnote marks (`<sup>1</sup>`, `[^1]`) are collected instead of printed.
"""

from __future__ import annotations

import html
import re

from scraper.document import Inline, Link
from scraper.frontends.markdown import references

# marks: `<sup>1</sup>`, `[^1]`, and pandoc's superscript `^1^` (markdownify `sup_symbol="^"`, pandoc -t markdown_mmd)
_SUP = re.compile(r"<sup>\s*(\d+(?:\s*,?\s*\d+)*)\s*</sup>|\[\^(\d+)\]|\^(\d+)\^")
# pandoc's attributes after a bracketed span (`[Yes]{.eligible .eligible-yes}`, pandoc -t commonmark_x)
_ATTRIBUTES = re.compile(r"\{[ \t]*[#.][^{}\n]*\}")
_TAG = re.compile(r"</?[A-Za-z][\w.:-]*(?:\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)?/?>")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_CODE = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_EMPHASIS = re.compile(r"\*\*|(?<![\w\\])__|__(?!\w)|(?<![\w*\\])\*(?=\S)|(?<=\S)(?<!\\)\*(?![\w*])")
_MARKER = re.compile(r"[*_]")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MARKUP = re.compile(r"[<*_\\&]")
_BRACKETS = re.compile(r"[\\`\[\]()]")
_SPECIAL = re.compile(r"[\\`<\[!^]")
_ANY_MARKUP = re.compile(r"[\\`<\[!^*_&]")  # _SPECIAL and _MARKUP: a text without these reads as it is
_TITLE = re.compile(r"\s+(\"[^\"]*\"|'[^']*')\s*\Z")
# converters pad emphasis and code with a space (html2text `**x** ,`, trafilatura `( `x``)
_PADDED = re.compile(r"(?<=\S) (?=[,.;:!?)](?:\s|\Z))|(?<=\() ")
_PADDED_HINT = re.compile(r" [,.;:!?)]|\( ")  # what _PADDED needs, found without look-behinds
# Chinese and Japanese put no space between ideographs or kana: one between two of them is a
# converter's (html2text before `**`, trafilatura before a link); a space after punctuation
# (`否： 该`) is the author's, and Korean spaces its words: both are kept
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")


def _closing(text: str, start: int, opening: str, closing: str) -> int:
    """Index of the bracket closing the one at `start`, skipping escapes and code; -1 if none."""
    depth = 0
    i = start
    while (bracket := _BRACKETS.search(text, i)) is not None:
        i = bracket.start()
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "`" and opening == "[" and (code := _CODE.match(text, i)):
            i = code.end()
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _link(text: str, start: int, end: int) -> tuple[str, str, int] | None:
    """At `[` (closed at `end`): the link's text, its target and the index after it, or None if
    it is no link."""
    if not text.startswith("(", end + 1):
        return None
    close = _closing(text, end + 1, "(", ")")
    if close < 0:
        return None
    target = text[end + 2 : close].strip()
    if '"' in target or "'" in target:
        target = _TITLE.sub("", target)
    target = target.removeprefix("<").removesuffix(">")
    if "\\" in target:
        target = _ESCAPE.sub(r"\1", target)  # html2text writes `\(` in URLs
    return text[start + 1 : end], target, close + 1


def _reference(text: str, start: int, end: int) -> tuple[str, str, int] | None:
    """At `[` (closed at `end`): a reference link `[text][label]` or `[text][]` whose label is
    defined (see references.py): its text, target and the index after it; None otherwise."""
    if not text.startswith("[", end + 1):
        return None
    close = text.find("]", end + 2)
    if close < 0:
        return None
    url = references.target(text[start + 1 : end], text[end + 2 : close])
    return None if url is None else (text[start + 1 : end], url, close + 1)


def _span(text: str, start: int, end: int) -> tuple[str, int] | None:
    """At `[` (closed at `end`): a pandoc span `[text]{.class #id}`: its text and the index
    after its attributes."""
    attributes = _ATTRIBUTES.match(text, end + 1)
    return None if attributes is None else (text[start + 1 : end], attributes.end())


def _unemphasized(text: str) -> str:
    """`_EMPHASIS.sub("", text)`, trying the pattern only where a marker is: every match starts at
    a `*` or `_`, and the look-behinds made the substitution try all its branches everywhere."""
    kept: list[str] = []
    last = 0
    for marker in _MARKER.finditer(text):
        if marker.start() < last:
            continue
        found = _EMPHASIS.match(text, marker.start())
        if found is not None:
            kept.append(text[last : found.start()])
            last = found.end()
    kept.append(text[last:])
    return "".join(kept)


def _literal(raw: str) -> str:
    """Prose outside code: tags and emphasis removed, escapes and entities resolved."""
    if not _MARKUP.search(raw):
        return raw
    text = raw
    if "<" in text:
        text = _TAG.sub("", _BREAK.sub(" ", text))
    if "*" in text or "_" in text:
        text = _unemphasized(text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return html.unescape(text) if "&" in text else text


def _scan(text: str, out: Inline) -> None:
    pos = 0
    i = 0
    while (special := _SPECIAL.search(text, i)) is not None:
        i = special.start()
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "`":
            found = _CODE.match(text, i)
            if found:
                code = found.group(2)
                out.text += _literal(text[pos:i]) + (code.strip(" ") or code)
                pos = i = found.end()
                continue
        if char in "<[^" and (sup := _SUP.match(text, i)):
            out.text += _literal(text[pos:i])
            out.marks += [int(n) for n in re.findall(r"\d+", sup.group(1) or sup.group(2) or sup.group(3))]
            pos = i = sup.end()
            continue
        if char == "[" or (char == "!" and text.startswith("[", i + 1)):
            start = i + (char == "!")
            end = _closing(text, start, "[", "]")  # the brackets' end, read once for the three forms
            span = _span(text, start, end) if char == "[" and end >= 0 else None
            if span is not None:  # its text as any run is read: marks and links kept
                inner = parse(span[0])
                out.text += _literal(text[pos:i]) + inner.text
                out.marks += inner.marks
                out.links += inner.links
                pos = i = span[1]
                continue
            link = (_link(text, start, end) or _reference(text, start, end)) if end >= 0 else None
            if link:
                out.text += _literal(text[pos:i])
                if char == "[":
                    inner = parse(link[0])
                    out.text += inner.text
                    out.links.append(Link(text=inner.text.strip(), url=link[1]))
                attributes = _ATTRIBUTES.match(text, link[2])  # pandoc's `[a](#x){.anchor}`
                pos = i = attributes.end() if attributes else link[2]
                continue
        i += 1
    out.text += _literal(text[pos:])


def parse(text: str) -> Inline:
    """The plain reading of one inline run (a paragraph, list item, cell or title)."""
    out = Inline()
    if _ANY_MARKUP.search(text):
        _scan(text, out)
    else:  # no markup at all: most cells and many lines
        out.text = text
    text = " ".join(out.text.split())
    if _PADDED_HINT.search(text):
        text = _PADDED.sub("", text)
    out.text = text if text.isascii() else _CJK_GAP.sub("", text)
    return out
