# generated — do not edit, run `make build`
# source sha256: 83dfbac783e9a2e4046671f98b467da101f15e28404bf17179be32ef653b459f
"""Which Claude API features each data-handling arrangement (ZDR, HIPAA, ...) allows.

Compiled by `retention` from Anthropic's "API and data retention" page, dataset
6.0.0. Standard library only; importing it reads and writes nothing.

    from retention_constants import ALLOWED, FEATURES, status

    status("web_fetch", "hipaa")          # -> "no"
    "web_search" in ALLOWED["zdr"]        # allowed = "yes" or "qualified"
    FEATURES["web_fetch"].eligibility["zdr"].footnotes   # -> (1, 2): read FOOTNOTES[n].text

Public names: DATASET_VERSION, SCHEMA_VERSION, SOURCE_SHA256, SOURCE_URL, STATUSES, the
frozen records (Requirement, Endpoint, Eligibility, Retention, Feature, Footnote, Arrangement,
Verdict; `Status` is a Literal type for type checkers), the tables ARRANGEMENTS, FEATURES,
FOOTNOTES, ALLOWED, FORMER_IDS, FORMER_ARRANGEMENT_IDS, and the functions status(),
current_id(), blocked_features() and check_request(). Ids are kept through renames; a former
id still answers in status() and current_id().
"""

from __future__ import annotations

from types import MappingProxyType

# Type-only imports: `typing` and `collections.abc` cost more than this whole module at import.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from typing import Any, Final, Literal

    Status = Literal["yes", "qualified", "no"]
    """yes: allowed; qualified: allowed with the conditions in its footnotes; no: not allowed."""

DATASET_VERSION: Final = '6.0.0'
SCHEMA_VERSION: Final = '1.0.0'
SOURCE_SHA256: Final = '83dfbac783e9a2e4046671f98b467da101f15e28404bf17179be32ef653b459f'
SOURCE_URL: Final[str | None] = 'https://platform.claude.com/docs/en/manage-claude/api-and-data-retention'
STATUSES: Final = ("yes", "qualified", "no")

# Records and preflight: the same code as the `retention preflight` command (scraper/preflight.py).
# Nothing here may import at run time: the constants module must load in a few milliseconds.
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
        return type(other) is type(self) and isinstance(other, Record) and other._values == self._values

    def __hash__(self) -> int:
        return hash(repr(self))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self._values, strict=True))
        return f"{type(self).__name__}({fields})"


def fill(record: Record, *values: object) -> None:
    """Set a record's fields, once, from its __init__ (in `_fields` order)."""
    object.__setattr__(record, "_values", values)


MESSAGES = "/v1/messages"

# Request shapes the page's words do not name, by feature id: (kind, path, value).
# kind "param": a dotted path in the request body ("output_config.format"); value None = any.
# kind "key": a key anywhere in the body. kind "source": a content block's source type.
# kind "tool_flag": a key set to a truthy value on any tools[] entry.
HINTS: Mapping[str, tuple[tuple[str, str, str | None], ...]] = {
    "structured_outputs": (
        ("param", "output_format", None),
        ("param", "output_config.format", None),
        ("tool_flag", "strict", None),
    ),
    "prompt_caching": (("key", "cache_control", None),),
    "pdf_support": (("source_media", "application/pdf", None),),
    "citations": (("key", "citations", None),),
    "adaptive_thinking": (("param", "thinking.type", "adaptive"),),
    "effort": (("param", "output_config.effort", None),),
    "agent_skills": (("param", "container.skills", None),),
    "files_api": (("source", "file", None),),
    "fine_grained_tool_streaming": (("tool_flag", "eager_input_streaming", None),),
}


def _walk(value: Any) -> Iterator[Mapping[str, Any]]:
    """Every JSON object inside `value`, depth first, without recursion (requests can be deep)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _param(request: Mapping[str, Any], path: str) -> Any:
    value: Any = request
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _tools(request: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    tools = request.get("tools")
    return [t for t in tools if isinstance(t, dict)] if isinstance(tools, list) else []


def _unversioned(kind: str) -> str:
    """`web_fetch_20250910` -> `web_fetch`: drop a trailing `_YYYYMMDD`."""
    head, sep, tail = kind.rpartition("_")
    return head if sep and len(tail) == 8 and tail.isdigit() else kind


def _tool_matches(tool: Mapping[str, Any], name: str) -> bool:
    kind = _unversioned(str(tool.get("type", "")))
    return kind == name or kind.startswith(name + "_") or tool.get("name") == name


def _block_types(request: Mapping[str, Any]) -> set[str]:
    return {str(obj["type"]) for obj in _walk(request.get("messages")) if isinstance(obj.get("type"), str)}


def _requirement_met(request: Mapping[str, Any], kind: str, name: str, value: str | None) -> bool:
    if kind == "tool":
        return any(_tool_matches(t, name) for t in _tools(request))
    if kind == "parameter":
        found = _param(request, name)
        return found is not None and (value is None or found == value)
    if kind == "source":
        types = _block_types(request)
        return name in types or name.removesuffix("s") in types
    return False


def _hint_met(request: Mapping[str, Any], kind: str, path: str, value: str | None) -> bool:
    if kind == "param":
        found = _param(request, path)
        return found is not None and (value is None or found == value)
    if kind == "key":
        return any(path in obj for obj in _walk(request))
    if kind == "tool_flag":
        return any(bool(t.get(path)) for t in _tools(request))
    sources = [obj["source"] for obj in _walk(request.get("messages")) if isinstance(obj.get("source"), dict)]
    if kind == "source":
        return any(s.get("type") == path for s in sources)
    return any(s.get("media_type") == path for s in sources)  # "source_media"


def uses(feature: Feature, request: Mapping[str, Any], endpoint: str) -> bool:
    """Whether a request to `endpoint` uses `feature`.

    A bare endpoint (no requirement) counts as used, unless HINTS says how to tell: a
    feature the page gives no other sign of is assumed present, so a verdict errs closed.
    """
    hints = HINTS.get(feature.id, ()) if endpoint == MESSAGES else ()
    for ep in feature.endpoints:
        if ep.path != endpoint:
            continue
        if ep.requires is None and not hints:
            return True
        if ep.requires is not None and _requirement_met(request, ep.requires.kind, ep.requires.name, ep.requires.value):
            return True
    return any(_hint_met(request, *hint) for hint in hints)


def _requests(request: Mapping[str, Any], endpoint: str) -> Iterator[tuple[Mapping[str, Any], str]]:
    """The request itself, and each Messages request inside a batch."""
    yield request, endpoint
    if endpoint == MESSAGES + "/batches":
        for item in request.get("requests") or []:
            params = item.get("params") if isinstance(item, dict) else None
            if isinstance(params, dict):
                yield params, MESSAGES


def used_features(features: Iterable[Feature], request: Mapping[str, Any], endpoint: str = MESSAGES) -> list[str]:
    """Ids of the features the request uses, in page order."""
    pairs = list(_requests(request, endpoint))
    return [f.id for f in features if any(uses(f, body, ep) for body, ep in pairs)]


def blocked(
    features: Iterable[Feature], request: Mapping[str, Any], arrangement: str, endpoint: str = MESSAGES
) -> list[str]:
    """Ids of the used features that `arrangement` does not allow (status "no"), in page order."""
    table = list(features)
    used = set(used_features(table, request, endpoint))
    return [f.id for f in table if f.id in used and f.eligibility[arrangement].status == "no"]


class Verdict(Record):
    """The answer for one request: allowed or not, what blocks it (feature id, name, the page's
    details), and what to read (notes on qualified features and footnotes)."""

    __slots__ = ()
    _fields = ("arrangement", "allowed", "blocked", "notes")
    arrangement: str
    allowed: bool
    blocked: tuple[tuple[str, str, str], ...]
    notes: tuple[str, ...]

    def __init__(
        self, arrangement: str, allowed: bool, blocked: tuple[tuple[str, str, str], ...], notes: tuple[str, ...]
    ) -> None:
        fill(self, arrangement, allowed, blocked, notes)


def check(
    features: Iterable[Feature],
    footnotes: Mapping[int, str],
    request: Mapping[str, Any],
    arrangement: str,
    endpoint: str = MESSAGES,
) -> Verdict:
    """The verdict, with notes for qualified features and for footnotes on the cells used."""
    table = list(features)
    used = set(used_features(table, request, endpoint))
    stops, notes = [], []
    for feature in (f for f in table if f.id in used):
        cell = feature.eligibility[arrangement]
        if cell.status == "no":
            stops.append((feature.id, feature.name, feature.details or ""))
        elif cell.status == "qualified":
            notes.append(f"{feature.id}: qualified under {arrangement}: {feature.details or ''}".rstrip(": "))
        notes += [f"{feature.id}: [{n}] {footnotes[n]}" for n in cell.footnotes if n in footnotes]
    return Verdict(arrangement, not stops, tuple(stops), tuple(notes))


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
        '1m_token_context_window': Feature(
            id='1m_token_context_window',
            name='1M token context window',
            doc_url='../Guides/build-with-claude-context-windows.md',
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
            details=None,
            retention=None,
        ),
        'adaptive_thinking': Feature(
            id='adaptive_thinking',
            name='Adaptive thinking',
            doc_url='../Guides/build-with-claude-thinking.md',
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
            details=None,
            retention=None,
        ),
        'advisor_tool': Feature(
            id='advisor_tool',
            name='Advisor tool',
            doc_url='../Agents-Tools/agents-and-tools-tool-use-advisor-tool.md',
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
        'agent_skills': Feature(
            id='agent_skills',
            name='Agent skills',
            doc_url='../Agents-Tools/agents-and-tools-agent-skills-overview.md',
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
        'bash_tool': Feature(
            id='bash_tool',
            name='Bash tool',
            doc_url='../Agents-Tools/agents-and-tools-tool-use-bash-tool.md',
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
        'batch_processing': Feature(
            id='batch_processing',
            name='Batch processing',
            doc_url='../Guides/build-with-claude-batch-processing.md',
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
        'browser_use': Feature(
            id='browser_use',
            name='Browser use',
            doc_url='../Agents-Tools/agents-and-tools-tool-use-browser-use-tool.md',
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='tool',
                        name='browser',
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
                'Client-side tool. Anthropic does not run browser actions or retain '
                'page content beyond standard API handling. Not covered under HIPAA '
                'readiness; requests that include the browser use tool are not '
                'blocked. See Browser use.'
            ),
            retention=None,
        ),
        'cache_diagnostics': Feature(
            id='cache_diagnostics',
            name='Cache diagnostics',
            doc_url='../Guides/build-with-claude-cache-diagnostics.md',
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='parameter',
                        name='diagnostics',
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
                "Your prompts and Claude's outputs are not stored. A fingerprint of "
                'cryptographic hashes and token-count estimates is retained briefly to '
                'enable comparison against the next request. See Cache diagnostics.'
            ),
            retention=None,
        ),
        'citations': Feature(
            id='citations',
            name='Citations',
            doc_url='../Guides/build-with-claude-citations.md',
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
            details=None,
            retention=None,
        ),
        'claude_managed_agents': Feature(
            id='claude_managed_agents',
            name='Claude Managed Agents',
            doc_url='managed-agents-overview.md',
            endpoints=(
                Endpoint(
                    path='/v1/agents',
                    requires=None,
                ),
                Endpoint(
                    path='/v1/sessions',
                    requires=None,
                ),
                Endpoint(
                    path='/v1/environments',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='no', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details=(
                'Sessions are stateful resources; transcripts persist until you delete '
                'them. Applies to all Managed Agents sub-features, including '
                'Self-hosted sandboxes.'
            ),
            retention=None,
        ),
        'code_execution': Feature(
            id='code_execution',
            name='Code execution',
            doc_url='../Agents-Tools/agents-and-tools-tool-use-code-execution-tool.md',
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
        'computer_use': Feature(
            id='computer_use',
            name='Computer use',
            doc_url='../Agents-Tools/agents-and-tools-tool-use-computer-use-tool.md',
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
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details=(
                'Client-side tool where screenshots and files are captured and stored '
                'in your environment, not by Anthropic. See Computer use.'
            ),
            retention=None,
        ),
        'context_editing': Feature(
            id='context_editing',
            name='Context editing',
            doc_url='../Guides/build-with-claude-context-editing.md',
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
                'Context edits (tool use clearing and thinking clearing) are applied '
                'in real time.'
            ),
            retention=None,
        ),
        'context_management_compaction': Feature(
            id='context_management_compaction',
            name='Context management (compaction)',
            doc_url='../Guides/build-with-claude-compaction-threshold.md',
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
                'Server-side compaction results are returned and round-tripped '
                'statelessly through the API response.'
            ),
            retention=None,
        ),
        'data_residency': Feature(
            id='data_residency',
            name='Data residency',
            doc_url='../Guides/build-with-claude-data-residency.md',
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
            details=None,
            retention=None,
        ),
        'effort': Feature(
            id='effort',
            name='Effort',
            doc_url='../Guides/build-with-claude-effort.md',
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
            details=None,
            retention=None,
        ),
        'fast_mode': Feature(
            id='fast_mode',
            name='Fast mode',
            doc_url='../Guides/build-with-claude-fast-mode.md',
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
        'files_api': Feature(
            id='files_api',
            name='Files API',
            doc_url='../Guides/build-with-claude-files.md',
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
            details=(
                'Files retained until explicitly deleted or they reach their '
                'configured expiration. See Files API.'
            ),
            retention=Retention(
                duration=None,
                bound='until_deleted',
                phrase='until explicitly deleted',
            ),
        ),
        'fine_grained_tool_streaming': Feature(
            id='fine_grained_tool_streaming',
            name='Fine-grained tool streaming',
            doc_url='../Agents-Tools/agents-and-tools-tool-use-fine-grained-tool-streaming.md',
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
            details=None,
            retention=None,
        ),
        'mcp_connector': Feature(
            id='mcp_connector',
            name='MCP connector',
            doc_url='../Agents-Tools/agents-and-tools-mcp-connector.md',
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
        'mcp_tunnels': Feature(
            id='mcp_tunnels',
            name='MCP tunnels',
            doc_url='../Agents-Tools/agents-and-tools-mcp-tunnels-overview.md',
            endpoints=(
                Endpoint(
                    path='/v1/tunnels',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='no', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details=(
                'Research preview. See MCP tunnels security for the data-flow boundary '
                'and subprocessor details.'
            ),
            retention=None,
        ),
        'memory_tool': Feature(
            id='memory_tool',
            name='Memory tool',
            doc_url='../Agents-Tools/agents-and-tools-tool-use-memory-tool.md',
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
        'messages_api': Feature(
            id='messages_api',
            name='Messages API',
            doc_url='../Guides/build-with-claude-working-with-messages.md',
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
        'mid_conversation_system_messages': Feature(
            id='mid_conversation_system_messages',
            name='Mid-conversation system messages',
            doc_url='../Guides/build-with-claude-mid-conversation-system-messages.md',
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=Requirement(
                        kind='other',
                        name='with role: "system" messages',
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
            details=(
                'Request-shape capability of the Messages API; mid-conversation system '
                'messages flow through the standard inference path and nothing is '
                'stored server-side after the response.'
            ),
            retention=None,
        ),
        'pdf_support': Feature(
            id='pdf_support',
            name='PDF support',
            doc_url='../Guides/build-with-claude-pdf-support.md',
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
                'HIPAA eligibility applies to PDFs sent inline through the Messages '
                'API, not through the Files API.'
            ),
            retention=None,
        ),
        'programmatic_tool_calling': Feature(
            id='programmatic_tool_calling',
            name='Programmatic tool calling',
            doc_url='../Agents-Tools/agents-and-tools-tool-use-programmatic-tool-calling.md',
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
        'prompt_caching': Feature(
            id='prompt_caching',
            name='Prompt caching',
            doc_url='../Guides/build-with-claude-prompt-caching.md',
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
        'search_results': Feature(
            id='search_results',
            name='Search results',
            doc_url='../Guides/build-with-claude-search-results.md',
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
            details=None,
            retention=None,
        ),
        'structured_outputs': Feature(
            id='structured_outputs',
            name='Structured outputs',
            doc_url='../Guides/build-with-claude-structured-outputs.md',
            endpoints=(
                Endpoint(
                    path='/v1/messages',
                    requires=None,
                ),
            ),
            eligibility=MappingProxyType(
                {
                    'zdr': Eligibility(status='qualified', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details=(
                "Your prompts and Claude's outputs are not stored. Only the JSON "
                'schema is cached, for up to 24 hours since last use. This also covers '
                'strict tool use (strict: true on tools), which uses the same grammar '
                'pipeline. PHI must not be included in JSON schema definitions; see '
                'PHI handling guidelines. See Structured outputs.'
            ),
            retention=Retention(
                duration='PT24H',
                bound='up_to',
                phrase='up to 24 hours',
            ),
        ),
        'text_editor_tool': Feature(
            id='text_editor_tool',
            name='Text editor tool',
            doc_url='../Agents-Tools/agents-and-tools-tool-use-text-editor-tool.md',
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
        'thinking': Feature(
            id='thinking',
            name='Thinking',
            doc_url='../Guides/build-with-claude-thinking.md',
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
            details=None,
            retention=None,
        ),
        'token_counting': Feature(
            id='token_counting',
            name='Token counting',
            doc_url='../Guides/build-with-claude-token-counting.md',
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
        'tool_search': Feature(
            id='tool_search',
            name='Tool search',
            doc_url='../Agents-Tools/agents-and-tools-tool-use-tool-search-tool.md',
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
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details=(
                'Server-side tool executed by Anthropic; the tool definitions in the '
                'request are searched in memory per call and nothing is stored after '
                'the response.'
            ),
            retention=None,
        ),
        'web_fetch': Feature(
            id='web_fetch',
            name='Web fetch',
            doc_url='../Agents-Tools/agents-and-tools-tool-use-web-fetch-tool.md',
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
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='no', footnotes=()),
                }
            ),
            details=(
                'Fetched web content returned in the API response. Dynamic filtering '
                'is not eligible for ZDR or HIPAA. Website publishers may retain '
                'request data (such as fetched URLs and request metadata) according to '
                'their own policies.'
            ),
            retention=None,
        ),
        'web_search': Feature(
            id='web_search',
            name='Web search',
            doc_url='../Agents-Tools/agents-and-tools-tool-use-web-search-tool.md',
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
                    'zdr': Eligibility(status='yes', footnotes=()),
                    'hipaa': Eligibility(status='yes', footnotes=()),
                }
            ),
            details=(
                'Real-time web search results returned in the API response. Dynamic '
                'filtering is not eligible for ZDR or HIPAA.'
            ),
            retention=None,
        ),
    }
)
"""Every feature of the eligibility table by id, in the table's row order."""

FOOTNOTES: Final[Mapping[int, Footnote]] = MappingProxyType(
    {
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
    if arrangement not in ARRANGEMENTS:
        raise KeyError(f"unknown arrangement {arrangement!r}; known: {', '.join(ARRANGEMENTS)}")
    return FEATURES[current_id(feature_id)].eligibility[arrangement].status


def blocked_features(request: Mapping[str, Any], arrangement: str, endpoint: str = MESSAGES) -> list[str]:
    """Ids of the features `request` (a Messages API body) uses that `arrangement` forbids, in page order.

    `endpoint` is the path the request goes to ("/v1/files", "/v1/messages/batches", ...).
    Raises KeyError for an unknown arrangement.
    """
    if arrangement not in ARRANGEMENTS:
        raise KeyError(f"unknown arrangement {arrangement!r}; known: {', '.join(ARRANGEMENTS)}")
    return blocked(FEATURES.values(), request, arrangement, endpoint)


def check_request(request: Mapping[str, Any], arrangement: str, endpoint: str = MESSAGES) -> Verdict:
    """The full verdict: allowed or not, the blocking features with the page's reason, and notes
    for qualified features and for footnotes on the cells the request uses."""
    if arrangement not in ARRANGEMENTS:
        raise KeyError(f"unknown arrangement {arrangement!r}; known: {', '.join(ARRANGEMENTS)}")
    notes = {number: note.text for number, note in FOOTNOTES.items()}
    return check(FEATURES.values(), notes, request, arrangement, endpoint)
