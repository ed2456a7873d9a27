"""Line-level recognisers for Markdown/MDX: what kind of block a line opens, and inline runs with spans."""

from __future__ import annotations

import re

from schema.span import Span
from scraper.document import Cell, Text
from scraper.frontends.markdown import inline as md_inline

HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
RULE = re.compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")
COPY_LABEL = re.compile(r"\ACopy(?=[\[{<(\"'])")  # a copy button's label a converter glued to the code


def join_wrapped(parts: list[str]) -> str:
    """Lines of one paragraph, item or cell joined with a space, except after a word's hyphen:
    html2text wraps `ZDR-eligible` after the hyphen, and no page breaks a line there itself."""
    joined = ""
    for part in parts:
        joined += part if joined.endswith("-") and joined[-2:-1].isalpha() and part[:1].isalpha() else " " + part
    return joined.strip()
FENCE = re.compile(r"(`{3,}|~{3,})[ \t]*([^`\s]*)[^`]*")
ITEM = re.compile(r"([-*+]|\d{1,9}[.)])([ \t]+|\Z)")
SEPARATOR = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?")
TAG_LINE = re.compile(r"</?([A-Za-z][\w.]*)(?:\s[^<>]*)?/?>")
COMMENT = re.compile(r"<!--.*?-->|\{/\*.*?\*/\}")
OPEN = re.compile(r"<([A-Za-z][\w.]*)\b")
TITLE = re.compile(r"""\btitle=(?:\{\s*)?(["'`])((?:\\.|(?!\1).)*)\1""")
FOOTNOTE = re.compile(r"(?:<sup>\s*(\d+)\s*</sup>|\^(\d+)\^)[ \t]*|\[\^(\d+)\]:[ \t]*|(\d+)[ \t]+(?=\S)")
# pandoc's heading identifiers: `{#id .class}` (commonmark_x, markdown) or `[id]` (markdown_mmd)
HEADING_ID = re.compile(r"[ \t]+(?:\{[ \t]*[#.][^{}]*\}|\[[^\]\s]+\])\Z")
PANDOC_DIV = r":{3,}(?:[ \t].*)?"  # a pandoc fenced div's opening or closing line
WRAPPER_LINE = re.compile(rf"{PANDOC_DIV}|\[/?code\]")  # wrappers: pandoc's `:::` divs, html2text's `[code]` marks
SUMMARY = re.compile(r"<summary>(.*)</summary>", re.IGNORECASE)
PIPE = re.compile(r"(?<!\\)\|")
BAR = re.compile(r"\|")
SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*")
COMPONENT = re.compile(r"</?[A-Z][\w.]*(?:\s[^<>]*)?/?>")
CODE_INDENT = 4


def uncomment(line: str) -> str:
    """The line without its HTML and MDX comments."""
    return COMMENT.sub("", line) if "<!--" in line or "{/*" in line else line


def indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def is_mdx(lines: list[str]) -> bool:
    """Whether the lines hold MDX components (`<Note>`, `<Steps>`): MDX has no indented code
    blocks, so indentation there is layout, not code."""
    return any(COMPONENT.fullmatch(line.strip()) for line in lines)


def setext_level(line: str) -> int | None:
    """1 for a `===` underline, 2 for `---`, else None (the line under a paragraph)."""
    match = SETEXT.fullmatch(line)
    if match is None:
        return None
    return 1 if match.group(1).startswith("=") else 2


def text_at(raw: str, line: int, col: int) -> Text:
    """The plain reading of `raw`, found at 1-based `line`, `col`."""
    inline = md_inline.parse(raw)
    return Text(text=inline.text, span=Span(line, col), links=tuple(inline.links))


def title_attribute(line: str) -> str | None:
    """The title of `<Step title="…">`, `<section title='…'>` or `<Accordion title={'…'}>`."""
    match = TITLE.search(line)
    if match is None:
        return None
    return re.sub(r"\\(.)", r"\1", match.group(2))


def split_row(line: str, lineno: int) -> list[Cell]:
    """The cells of a pipe-table line, each with the span of its first character."""
    body_start = indent(line)
    stripped = line.rstrip()
    if stripped.startswith("|", body_start):
        body_start += 1
    end = len(stripped)
    if end > body_start and stripped.endswith("|") and not stripped.endswith("\\|"):
        end -= 1
    cells = []
    start = body_start
    bars = PIPE if "\\|" in stripped else BAR  # an escaped pipe is text; most rows have none
    bounds = [m.start() for m in bars.finditer(stripped, body_start, end)] + [end]
    for stop in bounds:
        raw = stripped[start:stop]
        lead = len(raw) - len(raw.lstrip())
        inline = md_inline.parse(raw.replace("\\|", "|"))
        col = start + lead + 1 if raw.strip() else start + 1
        cells.append(Cell(inline.text, Span(lineno, col), tuple(inline.marks), tuple(inline.links)))
        start = stop + 1
    return cells


def is_table_start(lines: list[str], i: int) -> bool:
    """A header line with pipes followed by a `| --- |` separator line."""
    return header_end(lines, i) is not None


def header_end(lines: list[str], i: int) -> int | None:
    """The last line of the pipe-table header starting on line `i`: `i` itself, or, for a header
    html2text wrapped at a narrow width (`body_width=40`), the line ending in its hard break
    (two spaces) up to three lines on; the separator line follows it. None: no table starts."""
    if "|" not in lines[i]:
        return None
    last = i
    while not lines[last].endswith("  ") and last < i + 3 and last + 1 < len(lines) and lines[last + 1].strip():
        if _separator(lines, last + 1):
            break
        last += 1
    return last if _separator(lines, last + 1) else None


def _separator(lines: list[str], k: int) -> bool:
    return k < len(lines) and "-" in lines[k] and bool(SEPARATOR.fullmatch(lines[k].strip()))


def tag_name(line: str) -> str | None:
    """The tag's name when the stripped line is nothing but one JSX/HTML tag."""
    match = TAG_LINE.fullmatch(line.strip())
    return match.group(1) if match else None


def closes(line: str, name: str) -> bool:
    return line.strip().startswith(f"</{name}")


def join_tags(lines: list[str]) -> list[str]:
    """Lines with each JSX opening tag written over several lines (`<Accordion` / `title="…"` /
    `>`) put back on its first line; the lines it used become blank, so line numbers stay."""
    result = list(lines)
    for i, line in enumerate(result):
        stripped = line.strip()
        first = stripped[:1]  # a cut tag's line starts with `#`, an open tag's with `<`
        if first == "#" and _CUT_TAG.search(stripped):
            _join_cut_tag(result, i)
            continue
        if first != "<" or not OPEN.match(stripped) or ">" in stripped:
            continue
        for k in range(i + 1, min(i + 12, len(result))):
            if ">" in result[k]:
                joined = " ".join(x.strip() for x in result[i : k + 1])
                if TAG_LINE.fullmatch(joined):
                    result[i] = line[: indent(line)] + joined
                    result[i + 1 : k + 1] = [""] * (k - i)
                break
    return result


_CUT_TAG = re.compile(r"^#{1,6} .*<[A-Za-z][^<>]*\Z")  # pandoc wraps a heading inside its anchor's tag


def _join_cut_tag(result: list[str], i: int) -> None:
    """A heading whose last HTML tag runs onto the next line(s) (pandoc's line wrapping) is put
    back on one line; the lines it used become blank, so line numbers stay. At narrow widths
    (`--columns=40`) the next tag is cut too: joined until no tag is left open."""
    k = i + 1
    while k < min(i + 8, len(result)) and result[k].strip():
        if ">" in result[k]:
            result[i] = " ".join([result[i].rstrip(), *(x.strip() for x in result[i + 1 : k + 1])])
            result[i + 1 : k + 1] = [""] * (k - i)
            if not _CUT_TAG.search(result[i].strip()):
                return
        k += 1
