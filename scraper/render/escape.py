"""Markdown escaping for data: whatever a value holds, it renders as that text and nothing else.

Every character that could act as markup where it stands (emphasis, code, links, HTML, tables,
headings, entities, math) is backslash-escaped, and no other (`@` becomes a reference, so a
pull-request body mentions nobody), so plain names read as written;
invisible and control characters become numeric character references, so they show in the
source instead of acting on it; a newline becomes `<br>`, so a value always stays on one line
and can never break a table row or a list.
"""

from __future__ import annotations

import re
import unicodedata

_ESCAPED = frozenset("\\`*[]<>|~$")
_AS_REFERENCE = frozenset({"Cc", "Cf", "Co", "Zl", "Zp"})
_LIST_START = re.compile(r"^([-+])(?= |$)|^(\d+)([.)])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_SAFE_CODE = re.compile(r"[A-Za-z0-9_./{}:=\"' ,()-]+")
_SAFE_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#@!$*+,;=%]+")


def _needs_escape(text: str, i: int) -> bool:
    """Whether text[i] could act as markup where it stands.

    `_` between letters or digits cannot open or close emphasis; `#` acts only at the start
    (a heading) or as a trailing run (a heading's closing sequence); `&` only before `name;`.
    """
    ch = text[i]
    if ch in _ESCAPED:
        return True
    if ch == "_":
        return not (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum())
    if ch == "#":
        return i == 0 or text[i:].strip("#") == ""
    return ch == "&" and _ENTITY.match(text, i) is not None


def _char(text: str, i: int) -> str:
    ch = text[i]
    if ch == "\n":
        return "<br>"
    if _needs_escape(text, i):
        return "\\" + ch
    if ch == "@":
        return "&#64;"  # never an @-mention where the Markdown is a pull-request body
    if unicodedata.category(ch) in _AS_REFERENCE:
        return f"&#x{ord(ch):X};"
    return ch


def _edges(text: str, body: str) -> str:
    """Leading and trailing whitespace as references: a cell or list item would drop it."""
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip()) if text.strip() else 0
    head = "".join(f"&#x{ord(c):X};" for c in text[:lead])
    tail = "".join(f"&#x{ord(c):X};" for c in text[len(text) - trail :])
    return head + body + tail


def md(value: object) -> str:
    """`value` as inline Markdown text that renders (and re-parses) to exactly `value`."""
    text = str(value)
    core = text.strip()
    body = "".join(_char(core, i) for i in range(len(core))).replace("://", "\\://")
    body = _LIST_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), body)
    return _edges(text, body)


def code(value: object) -> str:
    """`value` as a code span when it is a plain token (a path, a parameter), else as text."""
    text = str(value)
    if _SAFE_CODE.fullmatch(text) and text == text.strip():
        return f"`{text}`"
    return md(text)


def safe_url(value: object) -> bool:
    """True for an http(s) URL that can sit in a link destination without escaping."""
    return isinstance(value, str) and _SAFE_URL.fullmatch(value) is not None


def fenced(value: object, lang: str = "") -> str:
    """`value` as a fenced code block whose fence no backtick run inside can close."""
    text = str(value)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{lang}\n{text}\n{fence}"
