"""Preflight: which features a Messages API request uses, and which an arrangement does not allow.

Standard library only, and written so that the region between the `shared` markers is copied
verbatim into the generated constants module: the CLI and `retention_constants` run one
implementation. Matching is driven by the dataset's endpoint requirements; HINTS covers the
features whose row says no more than `/v1/messages`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

TYPE_CHECKING = False  # the constants module's idiom: `typing` is too dear to import there


class _Requirement(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def value(self) -> str | None: ...


class _Endpoint(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def requires(self) -> _Requirement | None: ...


class _Eligibility(Protocol):
    @property
    def status(self) -> str: ...
    @property
    def footnotes(self) -> Sequence[int]: ...


class Feature(Protocol):
    """What preflight reads of a feature: the dataset's models and the constants' records both fit."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def details(self) -> str | None: ...
    @property
    def endpoints(self) -> Sequence[_Endpoint]: ...
    @property
    def eligibility(self) -> Mapping[str, _Eligibility]: ...


# --- begin shared ---
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


# --- end shared ---
