"""Reading meaning out of cell text: ids, endpoints with their requirements, retention periods."""

from __future__ import annotations

import re
from typing import Any

from scraper.vocabulary import ENDPOINT_PATH, ENGLISH, Vocabulary

_ENDPOINT = re.compile(rf"({ENDPOINT_PATH})(?: ?[(（]([^()（）]*)[)）])?")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'(*`])")  # the stop, then the spaces between two sentences
_CONJUNCTION = re.compile(r"^(?:and|or)\s+")
_SLUG_WORD = re.compile(r"[a-z0-9]+")
_BRACKET_OR_COMMA = re.compile(r"[(),]")
Data = dict[str, Any]  # a model's fields as data: validated once, by the model that holds them


def slug(name: str) -> str:
    """Stable snake_case id of an English name: `Context management (compaction)` ->
    `context_management_compaction`."""
    return "_".join(_SLUG_WORD.findall(name.lower()))


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (a stop followed by a space and a capital or an opening mark)."""
    text, pieces, start = text.strip(), [], 0
    for end in _SENTENCE_END.finditer(text):  # a search that starts at a stop: far fewer places tried
        pieces.append(text[start : end.start() + 1])
        start = end.end()
    pieces.append(text[start:])
    return [s for s in pieces if s]


def series(text: str, lead: re.Pattern[str]) -> list[str]:
    """The items of an inline list written after the last match of `lead`: `A, B, and C` (commas
    inside parentheses do not split; the last item may open with "and"/"or"); [] for no list."""
    starts = [m.end() for m in lead.finditer(text)]
    if not starts:
        return []
    items, start = [], starts[-1]
    body = text.rstrip().rstrip(".")
    depth = body.count("(", 0, start) - body.count(")", 0, start)
    for match in _BRACKET_OR_COMMA.finditer(body, start):  # only these characters matter
        char = match.group()
        if char == "," and depth == 0:
            items.append(body[start : match.start()])
            start = match.end()
        elif char != ",":
            depth += 1 if char == "(" else -1
    items.append(body[start:])
    items = [_CONJUNCTION.sub("", item.strip()) for item in items]
    return items if len(items) > 1 and all(items) else []


def requirement(qualifier: str, words: Vocabulary = ENGLISH) -> Data:
    """`with web_search tool` (or `browser toolset`, `computer toolset or tool`) -> tool;
    `with speed: "fast"` -> parameter with value; the qualifier templates of the copy's
    language (`dengan alat web_search`) read the same. A `Requirement`'s fields."""
    text = qualifier.strip()
    for pattern, kind in words.all_qualifiers:
        match = pattern.fullmatch(text)
        if match:
            value = match.group(2) if match.re.groups > 1 else None
            return {"kind": kind, "name": match.group(1), "value": value}
    return {"kind": "other", "name": text, "value": None}


def endpoints(cell: str, words: Vocabulary = ENGLISH) -> list[Data] | None:
    """All endpoints listed in a cell (each an `Endpoint`'s fields, validated with the feature),
    or None when the cell holds anything else."""
    found: list[Data] = []
    pos = 0
    for match in _ENDPOINT.finditer(cell):
        gap = cell[pos : match.start()]
        if gap and not words.endpoint_gap.fullmatch(gap):  # nothing between is always allowed
            return None
        qualifier = match.group(2)
        needs = requirement(qualifier, words) if qualifier else None
        found.append({"path": match.group(1), "requires": needs})
        pos = match.end()
    if not found or cell[pos:].strip():
        return None
    return found


# what a URL cannot hold as written (RFC 3986): a converter writes it percent-encoded (pandoc
# `Messages%20API`), the page as it is (`Messages API`); one URL either way
_ESCAPED_UNSAFE = re.compile(
    r"%(?:2[02]|3[CEce]|5[CEce]|60|7[B-Db-d])"  # space " < > \ ^ ` { | }
    r"|%[C-Fc-f][0-9A-Fa-f](?:%[89ABab][0-9A-Fa-f])+"  # a UTF-8 sequence: a letter beyond ASCII
)


def url(written: str) -> str:
    """A link's URL as the page writes it: the escapes a converter adds for characters a URL
    cannot hold raw (a space, `"<>\\^`{|}`, non-ASCII letters) read back; reserved characters
    (`%2F`, `%3F`) keep their escape, since reading them back would change the URL."""
    if "%" not in written:
        return written
    return _ESCAPED_UNSAFE.sub(_unescaped, written)


def _unescaped(escape: re.Match[str]) -> str:
    try:
        return bytes.fromhex(escape.group().replace("%", "")).decode("utf-8")
    except UnicodeDecodeError:
        return escape.group()


_UNITS = {"minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M", "year": "Y"}
_PERIOD = r"(\d+)[ -](minute|hour|day|week|month|year)s?"
_RETENTION = (
    (re.compile(rf"\bup to {_PERIOD}", re.IGNORECASE), "up_to"),
    (re.compile(rf"\b{_PERIOD} retention", re.IGNORECASE), "exact"),
    (re.compile(rf"\bretained (?:for )?{_PERIOD}", re.IGNORECASE), "exact"),
)
_UNTIL_DELETED = re.compile(r"\buntil (?:explicitly |manually )?deleted", re.IGNORECASE)
# the earliest phrase of any kind in one scan; at one place the kinds' order decides, as above
_ANY_RETENTION = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (*(p for p, _ in _RETENTION), _UNTIL_DELETED)), re.IGNORECASE
)
_DIGIT = re.compile("[0-9]")


def iso_duration(amount: int, unit: str) -> str:
    """ISO 8601 duration: (24, "hour") -> PT24H, (29, "day") -> P29D."""
    code = _UNITS[unit.lower()]
    return f"PT{amount}{code[1]}" if code.startswith("T") else f"P{amount}{code}"


def _may_state(details: str) -> bool:
    """Whether `details` may hold a retention phrase: each holds a number or "until", which a
    plain scan finds in an ASCII text. Most rows' details state no period, and the phrase
    search, case-blind at every place, costs five times this scan (a text beyond ASCII is always
    searched: a full-width digit is a number, and `ı` matches `i` case-blind)."""
    return not details.isascii() or _DIGIT.search(details) is not None or "until" in details.lower()


def retention(details: str | None) -> Data | None:
    """The first retention period the details state, as a `Retention`'s fields (validated once,
    with the feature or page that holds it), or None."""
    found = _ANY_RETENTION.search(details) if details and _may_state(details) else None
    if found is None:
        return None
    for pattern, bound in _RETENTION:
        if match := pattern.match(found.string, found.start()):
            duration = iso_duration(int(match.group(1)), match.group(2))
            return {"duration": duration, "bound": bound, "phrase": match.group()}
    return {"duration": None, "bound": "until_deleted", "phrase": found.group()}
