# generated — do not edit, run `make build`
# source sha256: 7cfad3da1516592ef603b0576bc55f3bbd28f6d0fc0a9f643f9b86f471d7ab2a
"""Which Claude API features each data-handling arrangement (ZDR, HIPAA, ...) allows.

Compiled by `retention` from Anthropic's "API and data retention" page, dataset
0.0.0. Standard library only; importing it reads and writes nothing.

    from retention_constants import ALLOWED, FEATURES, status

    status("web_fetch", "hipaa")          # -> "no"
    "web_search" in ALLOWED["zdr"]        # allowed = "yes" or "qualified"
    FEATURES["web_fetch"].eligibility["zdr"].footnotes   # -> (1, 2): read FOOTNOTES[n].text

Public names: DATASET_VERSION, SCHEMA_VERSION, SOURCE_SHA256, SOURCE_URL, STATUSES, the
frozen records (Requirement, Endpoint, Eligibility, Retention, Feature, Footnote, Arrangement,
Verdict, Use; `Status` is a Literal type for type checkers), the tables ARRANGEMENTS, FEATURES,
FOOTNOTES, ALLOWED, FORMER_IDS, FORMER_ARRANGEMENT_IDS, SURFACE (each part of an API request ->
feature id, "neutral" or "unlisted"), BETA_RULES and PAGE_WORDS (what preflight quotes of the
page), the functions status(), current_id(), check_request(), blocked_features() and
request_hook(), and the exception Refused. Ids are kept through renames; a former id still
answers in status() and current_id().

Preflight, before a request is sent (the same code as `retention preflight`):

    check_request(body, "hipaa", endpoint="/v1/messages", headers={"anthropic-beta": "..."})
    # -> Verdict: .allowed, .features (each Use: id, name, status, footnotes, reason),
    #    .unknown (parts the page does not list: not allowed unless allow_unknown=True)
    httpx.Client(event_hooks={"request": [request_hook("hipaa")]})
    # raises Refused (with .verdict) before a request the arrangement does not allow is sent
"""

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



if TYPE_CHECKING:
    from typing import Final, Literal

    Status = Literal["yes", "qualified", "no"]
    """yes: allowed; qualified: allowed with the conditions in its footnotes; no: not allowed."""

DATASET_VERSION: Final = '0.0.0'
SCHEMA_VERSION: Final = '1.0.0'
SOURCE_SHA256: Final = '7cfad3da1516592ef603b0576bc55f3bbd28f6d0fc0a9f643f9b86f471d7ab2a'
SOURCE_URL: Final[str | None] = None
STATUSES: Final = ("yes", "qualified", "no")


class Requirement(Record):
    """What a request must carry to use the feature: a tool, parameter, content source, header."""

    __slots__ = ()
    _fields = ("kind", "name", "value")
    kind: str
    name: str
    value: str | None

    def __init__(self, kind: str, name: str, value: str | None) -> None:
        fill(self, kind, name, value)


class Endpoint(Record):
    __slots__ = ()
    _fields = ("path", "requires")
    path: str
    requires: Requirement | None

    def __init__(self, path: str, requires: Requirement | None) -> None:
        fill(self, path, requires)


class Eligibility(Record):
    __slots__ = ()
    _fields = ("status", "footnotes")
    status: Status
    footnotes: tuple[int, ...]

    def __init__(self, status: Status, footnotes: tuple[int, ...]) -> None:
        fill(self, status, footnotes)


class Retention(Record):
    """How long data is kept: an ISO 8601 duration (None: until deleted), its bound, the words."""

    __slots__ = ()
    _fields = ("duration", "bound", "phrase")
    duration: str | None
    bound: str
    phrase: str

    def __init__(self, duration: str | None, bound: str, phrase: str) -> None:
        fill(self, duration, bound, phrase)


class Feature(Record):
    __slots__ = ()
    _fields = ("id", "name", "doc_url", "endpoints", "eligibility", "details", "retention")
    id: str
    name: str
    doc_url: str | None
    endpoints: tuple[Endpoint, ...]
    eligibility: Mapping[str, Eligibility]
    details: str | None
    retention: Retention | None

    def __init__(
        self,
        id: str,
        name: str,
        doc_url: str | None,
        endpoints: tuple[Endpoint, ...],
        eligibility: Mapping[str, Eligibility],
        details: str | None = None,
        retention: Retention | None = None,
    ) -> None:
        fill(self, id, name, doc_url, endpoints, eligibility, details, retention)


class Footnote(Record):
    __slots__ = ()
    _fields = ("number", "text", "applies_to")
    number: int
    text: str
    applies_to: tuple[tuple[str, str], ...]

    def __init__(self, number: int, text: str, applies_to: tuple[tuple[str, str], ...]) -> None:
        fill(self, number, text, applies_to)


class Arrangement(Record):
    __slots__ = ()
    _fields = ("id", "name", "column")
    id: str
    name: str
    column: str

    def __init__(self, id: str, name: str, column: str) -> None:
        fill(self, id, name, column)


ARRANGEMENTS: Final[Mapping[str, Arrangement]] = MappingProxyType(
    {
        'zdr': Arrangement(
            id='zdr',
            name='Zero data retention (ZDR)',
            column='ZDR eligible',
        ),
        'hipaa': Arrangement(
            id='hipaa',
            name='HIPAA readiness',
            column='HIPAA eligible',
        ),
    }
)
"""The arrangements by id, in the table's column order."""

FEATURES: Final[Mapping[str, Feature]] = MappingProxyType(
    {
        'messages_api': Feature(
            id='messages_api',
            name='Messages API',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='Standard API calls for generating Claude responses.',
            retention=None,
        ),
        'token_counting': Feature(
            id='token_counting',
            name='Token counting',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages/count_tokens',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='Count tokens before sending requests.',
            retention=None,
        ),
        'web_search': Feature(
            id='web_search',
            name='Web search',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='tool',
                        name='web_search',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=(1,)),
                    'hipaa': Eligibility(status='yes', footnotes=(1,)),
                }
            ),
            details='Real-time web search results returned in the API response.',
            retention=None,
        ),
        'web_fetch': Feature(
            id='web_fetch',
            name='Web fetch',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='tool',
                        name='web_fetch',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=(1, 2)),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details='Fetched web content returned in the API response.',
            retention=None,
        ),
        'advisor_tool': Feature(
            id='advisor_tool',
            name='Advisor tool',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='tool',
                        name='advisor',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details=(
                'Advisor model output is returned in the API response; nothing is '
                'stored server-side after the response.'
            ),
            retention=None,
        ),
        'memory_tool': Feature(
            id='memory_tool',
            name='Memory tool',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='tool',
                        name='memory',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='Client-side memory storage where you control data retention.',
            retention=None,
        ),
        'context_management_compaction': Feature(
            id='context_management_compaction',
            name='Context management (compaction)',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='parameter',
                        name='context_management',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details=(
                'Server-side compaction results are returned/round-tripped statelessly '
                'through the API response.'
            ),
            retention=None,
        ),
        'context_editing': Feature(
            id='context_editing',
            name='Context editing',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='parameter',
                        name='context_management',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details=(
                'Context edits (tool use clearing + thinking clearing) are applied in '
                'real time.'
            ),
            retention=None,
        ),
        'fast_mode': Feature(
            id='fast_mode',
            name='Fast mode',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='parameter',
                        name='speed',
                        value='fast',
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details=(
                'Same Messages API endpoint with faster inference. ZDR applies '
                'regardless of speed setting.'
            ),
            retention=None,
        ),
        '1m_token_context_window': Feature(
            id='1m_token_context_window',
            name='1M token context window',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='Extended context processing uses the standard Messages API.',
            retention=None,
        ),
        'adaptive_thinking': Feature(
            id='adaptive_thinking',
            name='Adaptive thinking',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='Dynamic thinking depth uses the standard Messages API.',
            retention=None,
        ),
        'citations': Feature(
            id='citations',
            name='Citations',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='Source attribution uses the standard Messages API.',
            retention=None,
        ),
        'data_residency': Feature(
            id='data_residency',
            name='Data residency',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='parameter',
                        name='inference_geo',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='Geographic routing uses the standard Messages API.',
            retention=None,
        ),
        'effort': Feature(
            id='effort',
            name='Effort',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='parameter',
                        name='effort',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='Token efficiency control uses the standard Messages API.',
            retention=None,
        ),
        'extended_thinking': Feature(
            id='extended_thinking',
            name='Extended thinking',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='parameter',
                        name='thinking',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='Step-by-step reasoning uses the standard Messages API.',
            retention=None,
        ),
        'pdf_support': Feature(
            id='pdf_support',
            name='PDF support',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details=(
                'PDF document processing uses the standard Messages API. HIPAA '
                'eligibility applies to PDFs sent inline via the Messages API, not '
                'through the Files API.'
            ),
            retention=None,
        ),
        'search_results': Feature(
            id='search_results',
            name='Search results',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='source',
                        name='search_results',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='RAG citation support uses the standard Messages API.',
            retention=None,
        ),
        'bash_tool': Feature(
            id='bash_tool',
            name='Bash tool',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='tool',
                        name='bash',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='Client-side tool executed in your environment.',
            retention=None,
        ),
        'text_editor_tool': Feature(
            id='text_editor_tool',
            name='Text editor tool',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='tool',
                        name='text_editor',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='Client-side tool executed in your environment.',
            retention=None,
        ),
        'computer_use': Feature(
            id='computer_use',
            name='Computer use',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='tool',
                        name='computer',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details=(
                'Client-side tool where screenshots and files are captured and stored '
                'in your environment, not by Anthropic. See Computer use.'
            ),
            retention=None,
        ),
        'fine_grained_tool_streaming': Feature(
            id='fine_grained_tool_streaming',
            name='Fine-grained tool streaming',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details='Streaming tool parameters uses the standard Messages API.',
            retention=None,
        ),
        'prompt_caching': Feature(
            id='prompt_caching',
            name='Prompt caching',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details=(
                "Your prompts and Claude's outputs are not stored. KV cache "
                'representations and cryptographic hashes are held in memory for the '
                'cache TTL and promptly deleted after expiry. See Prompt caching.'
            ),
            retention=None,
        ),
        'structured_outputs': Feature(
            id='structured_outputs',
            name='Structured outputs',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='qualified', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=(3,)),
                }
            ),
            details=(
                "Your prompts and Claude's outputs are not stored. Only the JSON "
                'schema is cached, for up to 24 hours since last use. This also covers '
                'strict tool use (strict: true on tools), which uses the same grammar '
                'pipeline. See Structured outputs.'
            ),
            retention=Retention(
                duration='PT24H',
                bound='up_to',
                phrase='up to 24 hours',
            ),
        ),
        'tool_search': Feature(
            id='tool_search',
            name='Tool search',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='tool',
                        name='tool_search',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='qualified', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details=(
                'Only tool catalog data (names, descriptions, argument metadata) is '
                'stored server-side. See Tool search.'
            ),
            retention=None,
        ),
        'batch_processing': Feature(
            id='batch_processing',
            name='Batch processing',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages/batches',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='no', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details='29-day retention; async storage required. See Batch processing.',
            retention=Retention(
                duration='P29D',
                bound='exact',
                phrase='29-day retention',
            ),
        ),
        'code_execution': Feature(
            id='code_execution',
            name='Code execution',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='tool',
                        name='code_execution',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='no', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details='Container data retained up to 30 days. See Code execution.',
            retention=Retention(
                duration='P30D',
                bound='up_to',
                phrase='up to 30 days',
            ),
        ),
        'programmatic_tool_calling': Feature(
            id='programmatic_tool_calling',
            name='Programmatic tool calling',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='tool',
                        name='code_execution',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='no', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details=(
                'Built on code execution containers; data retained up to 30 days. See '
                'Programmatic tool calling.'
            ),
            retention=Retention(
                duration='P30D',
                bound='up_to',
                phrase='up to 30 days',
            ),
        ),
        'files_api': Feature(
            id='files_api',
            name='Files API',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/files',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='no', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details='Files retained until explicitly deleted. See Files API.',
            retention=Retention(
                duration=None,
                bound='until_deleted',
                phrase='until explicitly deleted',
            ),
        ),
        'agent_skills': Feature(
            id='agent_skills',
            name='Agent skills',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='parameter',
                        name='skills',
                        value=None,
                    ),
                ),
                Endpoint(
                    path='/v1/skills',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='no', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details='Skill data retained per standard policy. See Agent skills.',
            retention=None,
        ),
        'mcp_connector': Feature(
            id='mcp_connector',
            name='MCP connector',
            doc_url=None,
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='parameter',
                        name='mcp_servers',
                        value=None,
                    ),
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='no', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details='Data retained per standard policy. See MCP connector.',
            retention=None,
        ),
    }
)
"""Every feature of the eligibility table by id, in the table's row order."""

FOOTNOTES: Final[Mapping[int, Footnote]] = MappingProxyType(
    {
        1: Footnote(
            number=1,
            text='Dynamic filtering is not eligible for ZDR or HIPAA.',
            applies_to=(('web_search', 'zdr'), ('web_search', 'hipaa'), ('web_fetch', 'zdr')),
        ),
        2: Footnote(
            number=2,
            text=(
                'While web fetch is ZDR-eligible, website publishers may retain '
                'request data (such as fetched URLs and request metadata) according to '
                'their own policies.'
            ),
            applies_to=(('web_fetch', 'zdr'),),
        ),
        3: Footnote(
            number=3,
            text=(
                'PHI must not be included in JSON schema definitions. See PHI handling '
                'guidelines.'
            ),
            applies_to=(('structured_outputs', 'hipaa'),),
        ),
    }
)
"""The table's footnotes by number; a feature's Eligibility.footnotes name them."""

ALLOWED: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        arrangement: frozenset(f.id for f in FEATURES.values() if f.eligibility[arrangement].status != "no")
        for arrangement in ARRANGEMENTS
    }
)
"""Per arrangement, the ids of the features it allows ("yes" or "qualified")."""

FORMER_IDS: Final[Mapping[str, str]] = MappingProxyType(
    {
    }
)
"""Other ids that mean a current feature -> its current id: ids it was published under before,
and the ids its names (current and former) derive to, which is what `retention compile` (no
history) calls it. Ids are kept through renames, so the FEATURES key is always the current id."""

FORMER_ARRANGEMENT_IDS: Final[Mapping[str, str]] = MappingProxyType(
    {
    }
)
"""The same for arrangements: ids its former and current columns derive to -> its current id."""

SURFACE: Final[Mapping[str, Mapping[str, Any]]] = MappingProxyType(
    {
        'endpoint': MappingProxyType(
            {
                '/v1/agents/**': 'claude_managed_agents',
                '/v1/complete': 'unlisted',
                '/v1/deployment_runs/**': 'unlisted',
                '/v1/deployments/**': 'unlisted',
                '/v1/dreams/**': 'unlisted',
                '/v1/environments/**': 'claude_managed_agents',
                '/v1/files/**': 'files_api',
                '/v1/memory_stores/**': 'unlisted',
                '/v1/messages': 'messages_api',
                '/v1/messages/batches/**': 'batch_processing',
                '/v1/messages/count_tokens': 'token_counting',
                '/v1/models/**': 'neutral',
                '/v1/organizations/**': 'unlisted',
                '/v1/sessions/**': 'claude_managed_agents',
                '/v1/skills/**': 'agent_skills',
                '/v1/tunnels/**': 'mcp_tunnels',
                '/v1/user_profiles/**': 'unlisted',
                '/v1/vaults/**': 'unlisted',
            }
        ),
        'parameter': MappingProxyType(
            {
                'betas': '@betas',
                'billing_policy': 'unlisted',
                'cache_control': 'prompt_caching',
                'compaction': 'unlisted',
                'container': (
                    ('=*', 'code_execution'),
                    ('id', 'code_execution'),
                    ('skills', 'agent_skills'),
                ),
                'context_management': (('edits', '@edits'),),
                'diagnostics': 'cache_diagnostics',
                'effort': 'effort',
                'fallback_credit_token': 'unlisted',
                'fallbacks': 'unlisted',
                'inference_geo': 'data_residency',
                'max_tokens': 'neutral',
                'mcp_servers': 'mcp_connector',
                'messages': '@messages',
                'metadata': 'neutral',
                'model': 'neutral',
                'output_config': (
                    ('format', 'structured_outputs'),
                    ('effort', 'effort'),
                    ('task_budget', 'unlisted'),
                ),
                'output_format': 'structured_outputs',
                'service_tier': 'neutral',
                'speed': (('=fast', 'fast_mode'), ('=standard', 'neutral')),
                'stop_sequences': 'neutral',
                'stream': 'neutral',
                'system': '@blocks',
                'temperature': 'neutral',
                'thinking': (
                    ('type=enabled', 'extended_thinking|thinking'),
                    ('type=adaptive', 'adaptive_thinking'),
                    ('type=between_tools', 'extended_thinking|thinking'),
                    ('type=disabled', 'neutral'),
                    ('budget_tokens', 'neutral'),
                    ('display', 'neutral'),
                    ('block_binding', 'unlisted'),
                ),
                'thread': 'unlisted',
                'tool_choice': 'neutral',
                'tools': '@tools',
                'top_k': 'neutral',
                'top_p': 'neutral',
                'user_profile_id': 'unlisted',
                'workspace_id': 'unlisted',
            }
        ),
        'role': MappingProxyType(
            {
                'assistant': 'neutral',
                'system': 'mid_conversation_system_messages',
                'user': 'neutral',
            }
        ),
        'tool': MappingProxyType(
            {
                'advisor': 'advisor_tool',
                'bash': 'bash_tool',
                'browser': 'browser_use',
                'browser_toolset': 'browser_use',
                'code_execution': 'code_execution',
                'computer': 'computer_use',
                'computer_toolset': 'computer_use',
                'custom': 'neutral',
                'mcp_toolset': 'mcp_connector',
                'memory': 'memory_tool',
                'text_editor': 'text_editor_tool',
                'tool_search_tool_bm25': 'tool_search',
                'tool_search_tool_regex': 'tool_search',
                'web_fetch': 'web_fetch',
                'web_search': 'web_search',
            }
        ),
        'block': MappingProxyType(
            {
                'advisor_redacted_result': 'advisor_tool',
                'advisor_result': 'advisor_tool',
                'advisor_tool_result': 'advisor_tool',
                'advisor_tool_result_error': 'advisor_tool',
                'bash_code_execution_output': 'code_execution',
                'bash_code_execution_result': 'code_execution',
                'bash_code_execution_tool_result': 'code_execution',
                'bash_code_execution_tool_result_error': 'code_execution',
                'browser_state': 'unlisted',
                'code_execution_output': 'code_execution',
                'code_execution_result': 'code_execution',
                'code_execution_tool_result': 'code_execution',
                'code_execution_tool_result_error': 'code_execution',
                'compaction': 'context_management_compaction',
                'container_upload': 'code_execution',
                'document': 'neutral',
                'encrypted_code_execution_result': 'code_execution',
                'fallback': 'unlisted',
                'image': 'neutral',
                'mcp_tool_listing': 'mcp_connector',
                'mcp_tool_result': 'mcp_connector',
                'mcp_tool_use': 'mcp_connector',
                'redacted_thinking': 'neutral',
                'search_result': 'search_results',
                'server_tool_use': 'neutral',
                'text': 'neutral',
                'text_editor_code_execution_create_result': 'code_execution',
                'text_editor_code_execution_str_replace_result': 'code_execution',
                'text_editor_code_execution_tool_result': 'code_execution',
                'text_editor_code_execution_tool_result_error': 'code_execution',
                'text_editor_code_execution_view_result': 'code_execution',
                'thinking': 'neutral',
                'tool_addition': 'unlisted',
                'tool_reference': 'tool_search',
                'tool_removal': 'unlisted',
                'tool_result': 'neutral',
                'tool_search_tool_result': 'tool_search',
                'tool_search_tool_result_error': 'tool_search',
                'tool_search_tool_search_result': 'tool_search',
                'tool_use': 'neutral',
                'web_fetch_result': 'web_fetch',
                'web_fetch_tool_result': 'web_fetch',
                'web_fetch_tool_result_error': 'web_fetch',
                'web_search_result': 'web_search',
                'web_search_tool_result': 'web_search',
                'web_search_tool_result_error': 'web_search',
            }
        ),
        'source': MappingProxyType(
            {
                'document/base64': 'pdf_support',
                'document/content': 'neutral',
                'document/file': 'files_api',
                'document/text': 'neutral',
                'document/url': 'pdf_support',
                'image/base64': 'neutral',
                'image/file': 'files_api',
                'image/url': 'neutral',
            }
        ),
        'edit': MappingProxyType(
            {
                'clear_thinking': 'context_editing',
                'clear_tool_uses': 'context_editing',
                'compact': 'context_management_compaction',
            }
        ),
        'field': MappingProxyType(
            {
                'allowed_callers': (('=direct', 'neutral'), ('=*', 'programmatic_tool_calling')),
                'cache_control': 'prompt_caching',
                'citations': (('enabled', 'citations'), ('*', 'citations')),
                'defer_loading': 'tool_search',
                'eager_input_streaming': 'fine_grained_tool_streaming',
                'file_id': 'files_api',
                'strict': 'structured_outputs',
            }
        ),
        'beta': MappingProxyType(
            {
                'admin-user-sign-out-2026-10-08': 'unlisted',
                'advisor-tool-2026-03-01': 'advisor_tool',
                'agent-memory-2026-07-22': 'unlisted',
                'analytics-usage-cost-2026-08-24': 'unlisted',
                'cache-diagnosis-2026-04-07': 'cache_diagnostics',
                'ce-plugins-2026-09-01': 'unlisted',
                'ce-user-management-2026-07-13': 'unlisted',
                'code-execution-2025-05-22': 'code_execution',
                'code-execution-2025-08-25': 'code_execution',
                'compact-2026-01-12': 'context_management_compaction',
                'compact-2026-09-04': 'context_management_compaction',
                'computer-use-2024-10-22': 'computer_use',
                'computer-use-2025-01-24': 'computer_use',
                'computer-use-2025-11-24': 'computer_use',
                'context-1m-2025-08-07': '1m_token_context_window',
                'context-management-2025-06-27': 'context_editing',
                'dev-full-thinking-2025-05-14': 'extended_thinking|thinking',
                'dreaming-2026-04-21': 'unlisted',
                'experimental-claude-tag-2026-10-21': 'unlisted',
                'extended-cache-ttl-2025-04-11': 'prompt_caching',
                'fallback-credit-2026-06-01': 'unlisted',
                'fallback-credit-2026-07-01': 'unlisted',
                'fast-mode-2026-02-01': 'fast_mode',
                'files-api-2025-04-14': 'files_api',
                'fine-grained-tool-streaming-2025-05-14': 'fine_grained_tool_streaming',
                'inline-tools-2026-09-15': 'unlisted',
                'interleaved-thinking-2025-05-14': 'extended_thinking|thinking',
                'managed-agents-2026-04-01': 'claude_managed_agents',
                'mcp-client-2025-04-04': 'mcp_connector',
                'mcp-client-2025-11-20': 'mcp_connector',
                'mcp-client-2026-09-15': 'mcp_connector',
                'mcp-tunnels-2026-06-22': 'mcp_tunnels',
                'message-batches-2024-09-24': 'batch_processing',
                'message-threads-2026-08-12': 'unlisted',
                'mid-conversation-output-config-2026-07-01': 'unlisted',
                'mid-conversation-system-clear-at-2026-08-21': 'unlisted',
                'mid-conversation-tool-changes-2026-07-01': 'unlisted',
                'model-context-window-exceeded-2025-08-26': 'neutral',
                'output-128k-2025-02-19': 'neutral',
                'output-300k-2026-03-24': 'neutral',
                'pdfs-2024-09-25': 'pdf_support',
                'prompt-caching-2024-07-31': 'prompt_caching',
                'server-side-fallback-2026-06-01': 'unlisted',
                'server-side-fallback-2026-07-01': 'unlisted',
                'skills-2025-10-02': 'agent_skills',
                'spend-limit-reads-2026-09-26': 'unlisted',
                'structured-outputs-2025-11-13': 'structured_outputs',
                'task-budgets-2026-03-13': 'unlisted',
                'telemetry-destinations-2026-08-11': 'unlisted',
                'thinking-binding-controls-2026-08-01': 'unlisted',
                'thinking-display-updates-2026-08-18': 'unlisted',
                'thinking-token-count-2026-05-13': 'unlisted',
                'token-counting-2024-11-01': 'token_counting',
                'token-efficient-tools-2025-02-19': 'neutral',
                'user-profiles-2026-03-24': 'unlisted',
                'user-profiles-2026-08-18': 'unlisted',
                'user-profiles-2026-09-04': 'unlisted',
                'user-profiles-billing-2026-10-01': 'unlisted',
                'webhooks-2026-10-07': 'unlisted',
            }
        ),
    }
)
"""Each part of an API request, by kind -> a feature id, "neutral" or "unlisted" (see Rule in
scraper/preflight/surface.py); a part not named here is unknown, and so not allowed."""

BETA_RULES: Final[Mapping[str, str | None]] = MappingProxyType(
    {
        'zdr': None,
        'hipaa': (
            'Beta features: Features in beta are generally not covered under the BAA '
            'unless explicitly listed as eligible in the feature eligibility table'
        ),
    }
)
"""Per arrangement, the page's words when it excludes the beta features it does not list."""

PAGE_WORDS: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        'zdr': MappingProxyType(
            {
                'column': 'ZDR eligible',
                'label': 'ZDR',
                'no': 'No',
                'qualified': 'Yes (qualified)',
                'yes': 'Yes',
            }
        ),
        'hipaa': MappingProxyType(
            {
                'column': 'HIPAA eligible',
                'label': 'HIPAA',
                'no': 'No',
                'qualified': 'Yes (qualified)',
                'yes': 'Yes',
            }
        ),
    }
)
"""Per arrangement, the page's words a reason quotes: column, label and the word for each status."""

PREFLIGHT_ALIASES: Final[Mapping[str, str]] = MappingProxyType(
    {
    }
)
"""Ids a feature was published under before -> its id: a SURFACE entry naming one still finds it."""


def current_id(feature_id: str) -> str:
    """The current id of the feature known as `feature_id` (a current id, or one in FORMER_IDS).

    Raises KeyError naming the known ids when it is neither.
    """
    if feature_id in FEATURES:
        return feature_id
    current = FORMER_IDS.get(feature_id)
    if current is None:
        raise KeyError(f"unknown feature id {feature_id!r}; known: {', '.join(FEATURES)}")
    return current


def status(feature_id: str, arrangement: str) -> Status:
    """The status of feature `feature_id` under `arrangement` ("zdr", "hipaa", ...); former ids
    of either (FORMER_IDS, FORMER_ARRANGEMENT_IDS) answer for the current one.

    Raises KeyError naming the known ids when either is unknown: a feature missing from the
    table is not "no", it is a question to ask.
    """
    arrangement = FORMER_ARRANGEMENT_IDS.get(arrangement, arrangement)
    _arrangement(arrangement)
    return FEATURES[current_id(feature_id)].eligibility[arrangement].status


def _arrangement(arrangement: str) -> Arrangement:
    if arrangement not in ARRANGEMENTS:
        raise KeyError(f"unknown arrangement {arrangement!r}; known: {', '.join(ARRANGEMENTS)}")
    return ARRANGEMENTS[arrangement]


def check_request(
    body: Mapping[str, Any],
    arrangement: str,
    endpoint: str | None = None,
    headers: Any = None,
    allow_unknown: bool = False,
) -> Verdict:
    """May this request be sent under `arrangement`? The same verdict as `retention preflight`.

    `body` is the JSON body, or an envelope {"method", "url" or "path", "headers", "body"}.
    `endpoint` is a URL or path ("https://api.anthropic.com/v1/files/file_1/content"); when
    neither it nor the envelope gives one, the body's shape decides (requests[].params: a batch).
    `headers` is a mapping or (name, value) pairs; anthropic-beta values are judged too. Every
    part the page does not list is in `.unknown` and makes the request NOT allowed, unless
    `allow_unknown`. Raises KeyError for an unknown arrangement, ValueError for a bad envelope.
    """
    _arrangement(arrangement)
    notes = {number: note.text for number, note in FOOTNOTES.items()}
    rule, words, version, olds = BETA_RULES[arrangement], PAGE_WORDS[arrangement], DATASET_VERSION, PREFLIGHT_ALIASES
    rows = FEATURES.values()
    return assess(SURFACE, body, endpoint, headers, rows, notes, arrangement, words, rule, allow_unknown, version, olds)


def blocked_features(
    body: Mapping[str, Any], arrangement: str, endpoint: str | None = None, headers: Any = None
) -> list[str]:
    """Ids of the features the request uses that `arrangement` does not allow, in page order.

    Parts the page does not list are not features: read check_request(...).unknown for them.
    """
    return check_request(body, arrangement, endpoint, headers).blocked()


def request_hook(arrangement: str, allow_unknown: bool = False) -> Callable[[Any], None]:
    """A hook for HTTP clients: called with a request (`.method`, `.url`, `.headers`, `.content`)
    before it is sent, it raises Refused when check_request() does not allow it.

        httpx.Client(event_hooks={"request": [request_hook("hipaa")]})
    """
    _arrangement(arrangement)

    def check(body: Any, url: str, headers: list[tuple[str, str]]) -> Verdict:
        return check_request(body, arrangement, url, headers, allow_unknown)

    return make_hook(check)
