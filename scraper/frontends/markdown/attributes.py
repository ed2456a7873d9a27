"""Markup that says one thing and shows another is refused, with its place.

A status written twice must say one thing: `<Eligible status="no">Yes</Eligible>` is refused.
An HTML/JSX element hidden from readers (`hidden`, `aria-hidden="true"`, `display: none`,
`visibility: hidden`, or pandoc's `{aria-hidden="true"}` attributes on a `:::` div or a
`[span]`) in a Markdown page is refused too: the Markdown reader keeps the text of
tags it does not know, so hidden text would otherwise become data no reader saw.

The MDX component carries the status in an attribute and the word a reader sees in its body; a
reader trusts the word, a program might trust the attribute. When the two disagree (`no` and
`Yes`), neither is taken: the cell is refused with its place. A word or attribute this
vocabulary does not know is left to the extractor, which refuses unknown words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from schema.span import Span
from scraper.errors import fail
from scraper.frontends.markdown.lines import indent
from scraper.vocabulary import LOCALES

# a style that hides an element from readers; the HTML front end skips such elements alike
INVISIBLE_STYLE = r"display\s*:\s*none|visibility\s*:\s*hidden"
_HIDDEN = re.compile(
    r"<[A-Za-z][\w.:-]*\b[^>]*?(?:\shidden(?=[\s/>=])|aria-hidden\s*=\s*[\"']?true|"
    rf"style\s*=\s*[\"'][^\"']*(?:{INVISIBLE_STYLE}))",
    re.IGNORECASE,
)
_FENCE = re.compile(r"\s*(```|~~~)")
# pandoc's attributes that hide what they apply to: `::: {.icon aria-hidden="true"}`, `[x]{hidden}`
_PANDOC_HIDDEN = re.compile(
    r"\{[^{}\n]*?(?:(?<=[\s{])hidden(?=[\s}=])|aria-hidden\s*=\s*[\"']?true|"
    rf"style\s*=\s*[\"'][^\"']*(?:{INVISIBLE_STYLE}))[^{{}}\n]*\}}",
    re.IGNORECASE,
)
_DIV = re.compile(r"\s*:{3,}")
_SPAN = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:\([^()\s]*\))?(?=\{)")
_ELIGIBLE = re.compile(r"<Eligible\b[^>]*?\bstatus\s*=\s*[\"']?([\w-]+)[\"']?[^>]*>(.*?)</Eligible>", re.DOTALL)


def check_statuses(lines: list[str], start: int, stop: int, where: Callable[[Span], str]) -> None:
    """Raise at the first `<Eligible status=…>` of lines `start..stop` whose word says otherwise
    (a pipe table's rows: each line on its own)."""
    for k in range(start, stop):
        check_cell([(k, 0, lines[k])], where)


def check_cell(pieces: list[tuple[int, int, str]], where: Callable[[Span], str]) -> None:
    """Raise at the first `<Eligible status=…>` of one cell whose word says otherwise. The cell is
    given as its pieces (0-based line, 0-based column, text), read joined by line breaks: an HTML
    cell's lines, or a pandoc table's column slices; the element's own place is named."""
    text = "\n".join(piece for _, _, piece in pieces)
    for match in _ELIGIBLE.finditer(text):
        said = match.group(1).lower()
        word = re.sub(r"\s*\n\s*", " ", re.sub(r"<[^>]*>", "", match.group(2))).strip()
        read = {status for v in LOCALES.values() if (status := v.status(word)) is not None}
        if read and said not in read:
            message = f'<Eligible status="{said}"> contradicts its word {word!r} (reads {"/".join(sorted(read))})'
            raise fail("status", message, where(_place(pieces, match.start())))


def _place(pieces: list[tuple[int, int, str]], offset: int) -> Span:
    """The 1-based place of character `offset` of the pieces joined by line breaks."""
    for line, col, piece in pieces:
        if offset <= len(piece):
            return Span(line + 1, col + offset + 1)
        offset -= len(piece) + 1
    line, col, _ = pieces[-1]
    return Span(line + 1, col + 1)


def check_hidden(lines: list[str], where: Callable[[Span], str]) -> None:
    """Raise at the first element hidden from readers outside fenced code."""
    if not _may_hide("\n".join(lines).lower()):
        return
    fenced = False
    for k, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            for match in _HIDDEN.finditer(line):
                if _holds_text(lines, k, match.start()):
                    raise fail("hidden", _MESSAGE, where(Span(k + 1, match.start() + 1)))
            col = _pandoc_hidden(lines, k)
            if col is not None:
                raise fail("hidden", _MESSAGE, where(Span(k + 1, col + 1)))


def _may_hide(lowered: str) -> bool:
    """Whether a text may hold what _HIDDEN or _PANDOC_HIDDEN find: each names `hidden` or
    `display`; the ignore-case match also takes `ı`, `İ` (lowered `i̇`) and `ſ` for `i` and `s`."""
    return "hidden" in lowered or "display" in lowered or any(c in lowered for c in "ı\u0307ſ")


_MESSAGE = "element hidden from readers (hidden, aria-hidden or display:none): remove it or show it"


def _pandoc_hidden(lines: list[str], k: int) -> int | None:
    """The column of a pandoc div or span on line `k` whose attributes hide it and that holds
    text (an icon's image without alternative text hides nothing); None when there is none."""
    line = lines[k]
    attributes = _PANDOC_HIDDEN.search(line)
    if attributes is None:
        return None
    if _DIV.match(line):
        body = _div_body(lines, k)
        return indent(line) if re.sub(r"\s", "", _IMAGE.sub("", "".join(body))) else None
    for span in _SPAN.finditer(line):
        if line.startswith(attributes.group(), span.end()) and re.sub(r"\s", "", _IMAGE.sub("", span.group(1))):
            return span.start()
    return None


def _div_body(lines: list[str], k: int) -> list[str]:
    """The lines inside the pandoc div opened on line `k`, up to the `:::` that closes it: the
    divs nested in it (a `:::` line with a class or attributes opens one) are counted, and only
    their fence lines are left out."""
    body, depth = [], 1
    for later in lines[k + 1 : k + _REACH]:
        if _DIV.match(later):
            depth += 1 if later.strip().strip(":") else -1
            if depth == 0:
                break
        else:
            body.append(later)
    return body


_TAG = re.compile(r"<(/?)([A-Za-z][\w.:-]*)\b[^>]*?(/?)>")
_REACH = 40  # lines an element's body is looked for in
_IMAGE = re.compile(r"!\[\]\([^()\s]*\)")  # an image without alternative text: an icon, no words


def _holds_text(lines: list[str], k: int, start: int) -> bool:
    """Whether the element starting at `lines[k][start]` holds any text a reader would not see.
    An empty one (pandoc keeps the page's `aria-hidden` icons and heading anchors, which hold
    only an image without alternative text) hides nothing; an element whose end cannot be found
    is taken to hold text."""
    text = "\n".join([lines[k][start:], *lines[k + 1 : k + _REACH]])
    opening = _TAG.match(text)
    if opening is None:
        return True
    if opening.group(3):
        return False  # `<img hidden />`: no body
    name, depth, pos = opening.group(2).lower(), 1, opening.end()
    for tag in _TAG.finditer(text, opening.end()):
        if re.sub(r"\s", "", _IMAGE.sub("", text[pos : tag.start()])):
            return True
        pos = tag.end()
        if tag.group(2).lower() == name and not tag.group(3):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                return False
    return True
