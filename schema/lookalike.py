"""Text that is not what it looks like: invisible, bidi and look-alike characters in identifiers.

A tool name with a zero-width space (`code\u200b_execution`) or a Cyrillic `е` looks like the
real one to a reviewer but matches nothing a request sends, so preflight would judge the wrong
name; a column header with one loses its arrangement's scopes. Identifiers (endpoint paths, the
tool, parameter, header and source names requests carry) must be plain ASCII; names a reader
sees (features, arrangement columns, status words) may be in any language, but never mix Latin
letters with look-alikes from other scripts inside one word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from schema.models import Dataset

INVISIBLE = {"Cc", "Cf", "Co", "Cs"}  # control, format (zero-width, bidi), private use, surrogates
_LOOKALIKE_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC")
_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"[A-Za-z]")  # an ASCII letter
# an ASCII control or any non-ASCII character; negated, since `[\x00-\x1f\x7f-\U0010ffff]` took 6 ms to compile
_SUSPECT = re.compile(r"[^\x20-\x7e]")


def _char(c: str) -> str:
    return f"U+{ord(c):04X} ({unicodedata.name(c, 'unnamed')})"


def _lookalike(c: str) -> bool:
    """A letter or digit drawn like an ASCII one: fullwidth and mathematical forms, and letters of
    scripts whose capitals and vowels copy Latin ones."""
    if c.isascii() or not c.isalnum():
        return False
    return unicodedata.normalize("NFKC", c).isascii() or unicodedata.name(c, "").startswith(_LOOKALIKE_SCRIPTS)


def first_invisible(text: str) -> str | None:
    """The first invisible or control character of `text`, or None. A printable text has none
    (`isprintable` excludes the whole "Other" category); otherwise only ASCII controls and
    non-ASCII characters can be one, so only those are looked up."""
    if text.isprintable():
        return None
    return next((c for c in _SUSPECT.findall(text) if unicodedata.category(c) in INVISIBLE), None)


def problem(text: str, identifier: bool, invisible: bool = True) -> str | None:
    """Why `text` is not what it looks like, or None. `identifier`: must be ASCII outright;
    `invisible`: check for invisible characters too (feature names have their own rule for that)."""
    if invisible and (hidden := first_invisible(text)) is not None:
        return f"invisible or control character {_char(hidden)}"
    if text.isascii():
        return None  # no look-alike and nothing non-ASCII in an identifier
    if identifier and (bad := next((c for c in text if not c.isascii()), None)):
        return f"non-ASCII character {_char(bad)} in an identifier"
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        if _LATIN.search(word):
            bad = next((c for c in word if _lookalike(c)), None)
            if bad:
                return f"look-alike character {_char(bad)} among Latin letters in {word!r}"
        elif bad := next((c for c in word if not c.isascii() and unicodedata.normalize("NFKC", c).isascii()), None):
            return f"look-alike character {_char(bad)}"
    return None


Where = tuple[str | int, ...]  # a JSON path as its parts: ("features", 0, "name")


def json_path(where: Where) -> str:
    """("features", 0, "endpoints", 1, "path") -> `features[0].endpoints[1].path`."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in where).removeprefix(".")


def texts(data: Dataset) -> Iterator[tuple[Where, str, bool, bool, int | None]]:
    """(JSON path's parts, text, is identifier, check invisible characters, feature index) for every
    name a request or reader matches; a feature name's invisible characters have their own rule
    (clean-text). The path is given as parts, formatted (json_path) only for a text with a
    problem: formatting one for each of a page's ~100 texts was most of the rule's cost."""
    for i, arrangement in enumerate(data.arrangements):
        yield ("arrangements", i, "column"), arrangement.column, False, True, None
        yield ("arrangements", i, "name"), arrangement.name, False, True, None
    for i, feature in enumerate(data.features):
        yield ("features", i, "name"), feature.name, False, False, i
        for j, endpoint in enumerate(feature.endpoints):
            yield ("features", i, "endpoints", j, "path"), endpoint.path, True, True, i
            req = endpoint.requires
            if req is not None:
                yield ("features", i, "endpoints", j, "requires", "name"), req.name, req.kind != "other", True, i
                if req.value is not None:
                    yield ("features", i, "endpoints", j, "requires", "value"), req.value, False, True, i
