# The request judge, shared byte for byte by `retention preflight` and the constants module.
#
# dist/retention_constants.py embeds this whole file right after its own docstring (see
# scraper/render/python.py), so it has no docstring of its own and its first statement is the
# `from __future__` import. At run time it imports only `types` (the constants module loads in a
# few milliseconds with the standard library alone); type checkers read the names below.
# A request is classified part by part through the surface table (scraper/preflight/surface.py),
# then each part is judged: a feature row's status, neutral, or unknown (not allowed).
from __future__ import annotations

from types import MappingProxyType  # already loaded by every interpreter: costs nothing

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from typing import Any, Protocol

    Table = Mapping[str, Mapping[str, Any]]
    Part = tuple[str, "str | None"]

    class _Cell(Protocol):
        @property
        def status(self) -> str: ...
        @property
        def footnotes(self) -> Sequence[int]: ...

    class _Row(Protocol):
        @property
        def id(self) -> str: ...
        @property
        def name(self) -> str: ...
        @property
        def details(self) -> str | None: ...
        @property
        def eligibility(self) -> Mapping[str, _Cell]: ...


class Record:
    """An immutable record: fields set once by __init__, compared and hashed by value."""

    __slots__ = ("_values",)
    _fields: tuple[str, ...] = ()
    _values: tuple[object, ...]

    if not TYPE_CHECKING:  # type checkers see each record's annotated fields instead

        def __getattr__(self, name):
            if name.startswith("_") or name not in self._fields:
                raise AttributeError(f"{type(self).__name__} has no field {name!r}")
            return self._values[self._fields.index(name)]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._values == self._values

    def __hash__(self) -> int:
        return hash(repr(self))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self._values, strict=True))
        return f"{type(self).__name__}({fields})"


def fill(record: Record, *values: object) -> None:
    """Set a record's fields, once, from its __init__ (in `_fields` order)."""
    object.__setattr__(record, "_values", values)


NEUTRAL = "neutral"
UNLISTED = "unlisted"
MESSAGES = "/v1/messages"
BATCHES = "/v1/messages/batches"
ENVELOPE = ("method", "url", "path", "headers", "body")


def normalise_endpoint(target: str) -> str:
    """`https://api.anthropic.com/v1/messages/batches/?x=1` -> `/v1/messages/batches`."""
    text = target.strip().split("#", 1)[0].split("?", 1)[0]
    if "://" in text:
        text = text.split("://", 1)[1].partition("/")[2]
    segments = [segment for segment in text.split("/") if segment]
    if segments and not text.startswith("/") and "." in segments[0]:
        segments = segments[1:]  # a host without a scheme: api.anthropic.com/v1/messages
    return "/" + "/".join(segments)


def endpoint_pattern(patterns: Iterable[str], path: str) -> str | None:
    """The table's pattern for a normalised path: itself, else the longest `prefix/**` above it."""
    best: str | None = None
    for pattern in patterns:
        if pattern == path:
            return pattern
        head = pattern.removesuffix("/**")
        if head != pattern and (path == head or path.startswith(head + "/")) and len(pattern) > len(best or ""):
            best = pattern
    return best


def implied_endpoint(body: object) -> str:
    """The endpoint a body's shape implies: a list of `requests[].params` is a batch."""
    items = body.get("requests") if isinstance(body, dict) else None
    if isinstance(items, list) and items and all(isinstance(i, dict) and "params" in i for i in items):
        return BATCHES
    return MESSAGES


class EnvelopeError(ValueError):
    """A request envelope whose fields have the wrong shape (a ValueError, as documented)."""


def split_envelope(request: Any) -> tuple[str | None, list[tuple[str, str]], Any] | None:
    """(url or path, headers, body) of an envelope {method, url|path, headers, body}; None for a body.

    Raises EnvelopeError (a ValueError) naming the field of an envelope that is malformed.
    """
    if not isinstance(request, dict) or "body" not in request or not all(key in ENVELOPE for key in request):
        return None
    target = request.get("url", request.get("path"))
    headers = request.get("headers") or {}
    if target is not None and not isinstance(target, str):
        raise EnvelopeError("envelope `url`/`path` must be a string")
    if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
        raise EnvelopeError("envelope `headers` must be an object of strings")
    return target, list(headers.items()), request["body"]


def header_pairs(headers: Any) -> list[tuple[str, str]]:
    """(name, value) pairs of a mapping (dict, httpx Headers) or of a list of pairs."""
    items = headers.items() if hasattr(headers, "items") else headers or ()
    return [(str(name), str(value)) for name, value in items]


def beta_values(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """The `anthropic-beta` values (comma-separated, any number of headers)."""
    found = [v.strip() for name, value in pairs if name.lower() == "anthropic-beta" for v in value.split(",")]
    return [value for value in found if value]


def shown(text: str) -> str:
    """Text from a request as a person may see it: unprintable characters escaped, at most 80 long."""
    text = text if text.isprintable() else ascii(text)[1:-1]
    return text if len(text) <= 80 else text[:77] + "..."


def label(kind: str, name: str) -> str:
    """How a part is named: kind `name`."""
    return f"{kind} `{shown(name)}`"


def _empty(value: object) -> bool:
    return value is None or value is False or value in ("", [], {})


def unversioned(kind: str) -> str:
    """`web_fetch_20250910` -> `web_fetch`: drop a trailing `_YYYYMMDD`."""
    head, sep, tail = kind.rpartition("_")
    return head if sep and len(tail) == 8 and tail.isdigit() else kind


def _apply(table: Table, rule: Any, value: Any, kind: str, name: str) -> list[Part]:
    """The classes of `value` under `rule` (see surface.py): a part the table does not name is
    unknown whatever its value; a named part with an empty value is no use."""
    if rule is None:
        return [(label(kind, f"{name}={value}" if isinstance(value, str) else name), None)]
    if _empty(value):
        return []
    if isinstance(rule, str):
        return WALKS[rule](table, value) if rule.startswith("@") else [(label(kind, name), rule)]
    members = dict(rule)
    if isinstance(value, list):
        queue = [value]
        for item in queue:  # lists inside lists, flattened without recursion
            queue += item if isinstance(item, list) else []
        items = [item for item in queue if not isinstance(item, list)]
        return [part for item in items for part in _apply(table, rule, item, kind, name)]
    if not isinstance(value, dict):
        return [(label(kind, f"{name}={value}"), members.get(f"={value}", members.get("=*")))]
    parts: list[Part] = []
    for key, item in value.items():
        if isinstance(item, str) and f"{key}={item}" in members:
            parts.append((label(kind, f"{name}.{key}={item}"), members[f"{key}={item}"]))
        else:
            parts += _apply(table, members.get(key, members.get("*")), item, kind, f"{name}.{key}")
    return parts


def _fields(table: Table, obj: Mapping[str, Any]) -> list[Part]:
    rules = table["field"]
    return [part for key in obj if key in rules for part in _apply(table, rules[key], obj[key], "field", key)]


def _blocks(table: Table, value: Any) -> list[Part]:
    """Content blocks (a string is plain text): type, source, fields, nested content; breadth
    first without recursion, so no nesting depth can exhaust the stack."""
    parts: list[Part] = []
    queue = [value]
    for item in queue:  # the queue grows while it is read
        for block in item if isinstance(item, list) else [] if isinstance(item, str) else [item]:
            if not isinstance(block, dict):
                parts.append(("content block (not an object)", None))
                continue
            kind = str(block.get("type"))
            parts.append((label("content block", kind), table["block"].get(kind)))
            source = block.get("source")
            if isinstance(source, dict):
                key = f"{kind}/{source.get('type')}"
                parts.append((label("source", key), table["source"].get(key)))
            parts += _fields(table, block)
            if isinstance(block.get("content"), list | dict):
                queue.append(block["content"])
    return parts


def _messages(table: Table, value: Any) -> list[Part]:
    parts: list[Part] = []
    for message in value if isinstance(value, list) else [value]:
        if not isinstance(message, dict):
            parts.append(("message (not an object)", None))
            continue
        role = str(message.get("role"))
        parts += [(label("message role", role), table["role"].get(role)), *_blocks(table, message.get("content"))]
    return parts


def _tools(table: Table, value: Any) -> list[Part]:
    """Tool definitions by type without the date; no type (or `custom`) is your own tool."""
    parts: list[Part] = []
    for tool in value if isinstance(value, list) else [value]:
        kind = str(tool.get("type") or "custom") if isinstance(tool, dict) else "(not an object)"
        parts.append((label("tool", kind), table["tool"].get(unversioned(kind))))
        parts += _fields(table, tool) if isinstance(tool, dict) else []
    return parts


def _edits(table: Table, value: Any) -> list[Part]:
    edits = value if isinstance(value, list) else [value]
    kinds = [str(e.get("type")) if isinstance(e, dict) else "?" for e in edits]
    return [(label("context edit", kind), table["edit"].get(unversioned(kind))) for kind in kinds]


def _betas(table: Table, value: Any) -> list[Part]:
    betas = value if isinstance(value, list) else [value]
    return [(label("anthropic-beta", str(b)), table["beta"].get(str(b))) for b in betas]


WALKS: Mapping[str, Callable[[Table, Any], list[Part]]] = MappingProxyType(
    {"@messages": _messages, "@blocks": _blocks, "@tools": _tools, "@edits": _edits, "@betas": _betas}
)


def _params(table: Table, body: Any) -> list[Part]:
    if not isinstance(body, dict):
        return [("request body (not a JSON object)", None)]
    rules = table["parameter"]
    return [part for key, value in body.items() for part in _apply(table, rules.get(key), value, "parameter", key)]


def classify(table: Table, body: Any, path: str, betas: Iterable[str] = ()) -> list[Part]:
    """Every part of a request and its class: a feature id, NEUTRAL, UNLISTED, or None (unknown).

    `path` is normalised already (normalise_endpoint), as assess() does."""
    pattern = endpoint_pattern(table["endpoint"], path)
    parts: list[Part] = [(label("endpoint", path), None if pattern is None else table["endpoint"][pattern])]
    parts += _betas(table, list(betas)) if betas else []
    if path in (MESSAGES, MESSAGES + "/count_tokens"):
        parts += _params(table, body)
    elif path == BATCHES and body is not None:
        batch = body if isinstance(body, dict) else {}
        items = batch.get("requests")
        parts += [(label("batch field", key), None) for key in batch if key != "requests"]
        for item in items if isinstance(items, list) else [None]:
            parts += _params(table, item.get("params") if isinstance(item, dict) else item)
    return list(dict.fromkeys(parts))


class Use(Record):
    """One feature row a request uses: its status under the arrangement and why that decides."""

    __slots__ = ()
    _fields = ("id", "name", "status", "footnotes", "reason", "details", "parts")
    id: str
    name: str
    status: str
    footnotes: tuple[tuple[int, str], ...]
    reason: str
    details: str | None
    parts: tuple[str, ...]

    def __init__(
        self,
        id: str,
        name: str,
        status: str,
        footnotes: tuple[tuple[int, str], ...],
        reason: str,
        details: str | None,
        parts: tuple[str, ...],
    ) -> None:
        fill(self, id, name, status, footnotes, reason, details, parts)


class Verdict(Record):
    """The answer for one request: every feature it uses, the parts nobody accounted for
    (`unknown`: not allowed unless allow_unknown), parts refused outright, and the verdict."""

    __slots__ = ()
    _fields = ("dataset_version", "arrangement", "endpoint", "allowed", "features", "unknown", "refused")
    dataset_version: str
    arrangement: str
    endpoint: str
    allowed: bool
    features: tuple[Use, ...]
    unknown: tuple[tuple[str, str], ...]
    refused: tuple[tuple[str, str], ...]

    def __init__(
        self,
        dataset_version: str,
        arrangement: str,
        endpoint: str,
        allowed: bool,
        features: tuple[Use, ...],
        unknown: tuple[tuple[str, str], ...],
        refused: tuple[tuple[str, str], ...],
    ) -> None:
        fill(self, dataset_version, arrangement, endpoint, allowed, features, unknown, refused)

    def blocked(self) -> list[str]:
        """Ids of the features used that the arrangement does not allow, in page order."""
        return [use.id for use in self.features if use.status not in ("yes", "qualified")]


def _use(row: _Row, arrangement: str, words: Mapping[str, str], notes: Mapping[int, str], parts: list[str]) -> Use:
    cell = row.eligibility[arrangement]
    verdict = {"yes": "allowed", "qualified": "allowed with conditions"}.get(cell.status, "not allowed")
    said = words.get(cell.status, cell.status)
    reason = f"{verdict}: {words['column']} is {said} for {row.name} (page row {row.name!r})"
    cited = tuple((n, notes[n]) for n in cell.footnotes if n in notes)
    return Use(row.id, row.name, cell.status, cited, reason, row.details, tuple(parts))


def _resolve(named: str | None, known: set[str], aliases: Mapping[str, str]) -> str | None:
    """The dataset's id for a class: itself, the first of `a|b` the dataset has, or via an alias."""
    for option in [] if named is None or named in known else named.split("|"):
        if option in known or option in aliases:
            return option if option in known else aliases[option]
    return named


def judge(
    rows: Iterable[_Row],
    notes: Mapping[int, str],
    parts: Iterable[Part],
    arrangement: str,
    words: Mapping[str, str],
    beta_rule: str | None = None,
    allow_unknown: bool = False,
    version: str = "",
    endpoint: str = "",
    aliases: Mapping[str, str] | None = None,
) -> Verdict:
    """The verdict on classified parts. `words` are the page's: the arrangement's `column` ("ZDR
    eligible") and `label` ("ZDR"), and the word for each status ("no": "No"); `beta_rule`, when
    the arrangement excludes the betas the page does not list, is the page's sentence saying so;
    `aliases` maps ids rows were published under before to their ids."""
    table = list(rows)
    known = {row.id for row in table}
    label = words["label"]
    used: dict[str, list[str]] = {}
    unknown, refused = [], []
    for part, named in parts:
        cls = _resolve(named, known, aliases or {})
        if beta_rule and part.startswith("anthropic-beta") and cls not in known:
            why = f"no feature the page lists as eligible under {label}"
            refused.append((part, f"not allowed: {part} is {why} ({beta_rule})"))
        elif cls is None or cls == UNLISTED or (cls != NEUTRAL and cls not in known):
            why = "which the page does not list"
            why = why if cls in (None, UNLISTED) else f"mapped to feature `{cls}`, which this dataset lacks"
            unknown.append((part, f"uses {part}, {why}: not known to be eligible under {label}"))
        elif cls != NEUTRAL:
            used.setdefault(cls, []).append(part)
    uses = tuple(_use(row, arrangement, words, notes, used[row.id]) for row in table if row.id in used)
    forbidden = any(use.status not in ("yes", "qualified") for use in uses)
    allowed = not forbidden and not refused and (allow_unknown or not unknown)
    return Verdict(version, arrangement, endpoint, allowed, uses, tuple(unknown), tuple(refused))


def assess(
    table: Table,
    request: Any,
    endpoint: str | None,
    headers: Any,
    rows: Iterable[_Row],
    notes: Mapping[int, str],
    arrangement: str,
    words: Mapping[str, str],
    beta_rule: str | None = None,
    allow_unknown: bool = False,
    version: str = "",
    aliases: Mapping[str, str] | None = None,
) -> Verdict:
    """The verdict on a request, a body or an envelope: the one sequence `retention preflight` and
    check_request() both run. The endpoint is `endpoint`, else the envelope's, else the one the
    body's shape implies; betas come from the envelope's headers and `headers` (mapping or pairs).

    Raises EnvelopeError (a ValueError) naming the field of an envelope that is malformed.
    """
    envelope = split_envelope(request)
    target, pairs, body = envelope if envelope is not None else (None, [], request)
    where = normalise_endpoint(endpoint or target or implied_endpoint(body))
    parts = classify(table, body, where, beta_values([*pairs, *header_pairs(headers)]))
    return judge(rows, notes, parts, arrangement, words, beta_rule, allow_unknown, version, where, aliases)


def describe(verdict: Verdict, allow_unknown: bool = False) -> list[str]:
    """The verdict as lines a person reads: what stops it first, then context."""
    word = "allowed" if verdict.allowed else "NOT allowed"
    head = f"{verdict.arrangement}: {word} ({shown(verdict.endpoint)}, dataset {verdict.dataset_version})"
    lines = [head]
    for use in sorted(verdict.features, key=lambda u: u.status in ("yes", "qualified")):
        lines.append(f"  {use.id}: {use.reason}")
        lines += [f"    [{n}] {text}" for n, text in use.footnotes]
        lines += [f"    details: {use.details}"] if use.details and use.status != "yes" else []
    lines += [f"  refused: {reason}" for _, reason in verdict.refused]
    mark = "warning" if allow_unknown else "unknown"
    lines += [f"  {mark}: {reason}" for _, reason in verdict.unknown]
    return lines


class Refused(Exception):
    """Raised by a request hook before a request the arrangement does not allow is sent.

    `.verdict` holds the full answer; the message lists what stops the request.
    """

    def __init__(self, verdict: Verdict) -> None:
        super().__init__("\n".join(describe(verdict)))
        self.verdict = verdict


def request_parts(request: Any) -> tuple[str, list[tuple[str, str]], Any]:
    """(url, headers, JSON body or None) of an HTTP request object: `.url`, `.headers`, `.content`."""
    import json  # only when a hook runs: importing the module stays cheap

    try:
        body = json.loads(request.content) if request.content else None
    except (ValueError, RuntimeError, AttributeError):  # not JSON (a file upload), or a stream not read
        body = None
    return str(request.url), header_pairs(request.headers), body


def make_hook(check: Callable[[Any, str, list[tuple[str, str]]], Verdict]) -> Callable[[Any], None]:
    """A request hook (e.g. an httpx event hook) that raises Refused when `check(body, url,
    headers)` does not allow the request."""

    def hook(request: Any) -> None:
        url, headers, body = request_parts(request)
        verdict = check(body, url, headers)
        if not verdict.allowed:
            raise Refused(verdict)

    return hook

