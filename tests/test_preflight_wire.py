"""Real wire requests, captured from the official SDK, judged by the CLI and by the constants module.

One request per feature row of the bundled dataset, other shapes of the same rows, features the
page does not list, and endpoints written in other ways; each is judged under every arrangement
through the envelope form by `retention preflight` and by `check_request()` in the generated
module (imported with `python -I -S`). The two must agree, no forbidden or unknown use may be
allowed, and no request that uses only allowed features may be refused.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anthropic
import httpx2
import pytest

from schema.models import Dataset
from scraper import source
from scraper.compiler import compile_source
from scraper.dataset_io import dumps
from scraper.render.python import render_python
from tests.conftest import CORPUS, CliRun
from tests.test_preflight import DATA

M = "claude-x"
HI: Any = [{"role": "user", "content": "hi"}]
SCHEMA: Any = {"type": "object", "properties": {}}


def said(*blocks: Any) -> Any:
    return [{"role": "user", "content": list(blocks)}]


def create(**kw: Any) -> Callable[[anthropic.Anthropic], Any]:
    return lambda c: c.messages.create(model=M, max_tokens=16, **{"messages": HI, **kw})


def beta(*betas: str, **kw: Any) -> Callable[[anthropic.Anthropic], Any]:
    return lambda c: c.beta.messages.create(model=M, max_tokens=16, betas=list(betas), **{"messages": HI, **kw})


PDF = {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0="}}
FILE_DOC = {"type": "document", "source": {"type": "file", "file_id": "file_011"}}
BATCH: Any = [{"custom_id": "a", "params": {"model": M, "max_tokens": 16, "messages": HI}}]


@dataclass(frozen=True)
class Case:
    name: str
    send: Callable[[anthropic.Anthropic], Any] | None  # through the SDK; None: `envelope` as written
    uses: frozenset[str]  # feature ids besides messages_api
    unknown: bool = False
    envelope: dict[str, Any] | None = None


def case(name: str, send: Callable[[anthropic.Anthropic], Any], *uses: str, unknown: bool = False) -> Case:
    return Case(name, send, frozenset(uses), unknown)


def raw(name: str, envelope: dict[str, Any], *uses: str, unknown: bool = False) -> Case:
    return Case(name, None, frozenset(uses), unknown, envelope)


ROWS = [  # one request per feature row
    case("messages_api", create()),
    case("token_counting", lambda c: c.messages.count_tokens(model=M, messages=HI), "token_counting"),
    case("web_search", create(tools=[{"type": "web_search_20250305", "name": "web_search", "max_uses": 2}]), "web_search"),
    case("web_fetch", create(tools=[{"type": "web_fetch_20250910", "name": "web_fetch"}]), "web_fetch"),
    case("advisor_tool", beta("advisor-tool-2026-03-01", tools=[{"type": "advisor_20260301", "name": "advisor", "model": M}]), "advisor_tool"),
    case("memory_tool", create(tools=[{"type": "memory_20250818", "name": "memory"}]), "memory_tool"),
    case("context_management_compaction", beta("compact-2026-01-12", context_management={"edits": [{"type": "compact_20260112"}]}), "context_management_compaction"),
    case("context_editing", beta("context-management-2025-06-27", context_management={"edits": [{"type": "clear_tool_uses_20250919"}]}), "context_editing"),
    case("fast_mode", create(speed="fast"), "fast_mode"),
    case("1m_token_context_window", beta("context-1m-2025-08-07"), "1m_token_context_window"),
    case("adaptive_thinking", create(thinking={"type": "adaptive"}), "adaptive_thinking"),
    case("citations", create(messages=said({"type": "document", "source": {"type": "text", "media_type": "text/plain", "data": "x"}, "citations": {"enabled": True}})), "citations"),
    case("data_residency", create(inference_geo="us"), "data_residency"),
    case("effort", create(output_config={"effort": "low"}), "effort"),
    case("extended_thinking", create(thinking={"type": "enabled", "budget_tokens": 1024}), "extended_thinking"),
    case("pdf_support", create(messages=said(PDF, {"type": "text", "text": "summarise"})), "pdf_support"),
    case("search_results", create(messages=said({"type": "search_result", "source": "https://x", "title": "t", "content": [{"type": "text", "text": "r"}]})), "search_results"),
    case("bash_tool", create(tools=[{"type": "bash_20250124", "name": "bash"}]), "bash_tool"),
    case("text_editor_tool", create(tools=[{"type": "text_editor_20250728", "name": "str_replace_based_edit_tool"}]), "text_editor_tool"),
    case("computer_use", beta("computer-use-2025-01-24", tools=[{"type": "computer_20250124", "name": "computer", "display_width_px": 1024, "display_height_px": 768}]), "computer_use"),
    case("fine_grained_tool_streaming", create(tools=[{"name": "f", "input_schema": SCHEMA, "eager_input_streaming": True}]), "fine_grained_tool_streaming"),
    case("prompt_caching", create(system=[{"type": "text", "text": "s", "cache_control": {"type": "ephemeral"}}]), "prompt_caching"),
    case("structured_outputs", create(output_config={"format": {"type": "json_schema", "schema": SCHEMA}}), "structured_outputs"),
    case("tool_search", create(tools=[{"type": "tool_search_tool_regex_20251119", "name": "tool_search_tool_regex"}, {"name": "f", "input_schema": SCHEMA, "defer_loading": True}]), "tool_search"),
    case("batch_processing", lambda c: c.messages.batches.create(requests=BATCH), "batch_processing"),
    case("code_execution", create(tools=[{"type": "code_execution_20250825", "name": "code_execution"}]), "code_execution"),
    case("programmatic_tool_calling", create(tools=[{"type": "code_execution_20250825", "name": "code_execution"}, {"name": "f", "input_schema": SCHEMA, "allowed_callers": ["code_execution_20250825"]}]), "code_execution", "programmatic_tool_calling"),
    case("files_api", lambda c: c.beta.files.list(), "files_api"),
    case("agent_skills", lambda c: c.beta.skills.list(), "agent_skills"),
    case("mcp_connector", beta("mcp-client-2025-11-20", mcp_servers=[{"type": "url", "url": "https://mcp.example/sse", "name": "m"}], tools=[{"type": "mcp_toolset", "mcp_server_name": "m"}]), "mcp_connector"),
]

SHAPES = [  # other shapes of the same rows, and look-alikes that are not them
    case("batch results", lambda c: c.messages.batches.results("msgbatch_01"), "batch_processing"),
    case("batch cancel", lambda c: c.messages.batches.cancel("msgbatch_01"), "batch_processing"),
    case("file download", lambda c: c.beta.files.download("file_011"), "files_api"),
    case("file upload", lambda c: c.beta.files.upload(file=("a.txt", b"hello", "text/plain")), "files_api"),
    case("file delete", lambda c: c.beta.files.delete("file_011"), "files_api"),
    case("file source in a message", create(messages=said(FILE_DOC)), "files_api"),
    case("file image source", create(messages=said({"type": "image", "source": {"type": "file", "file_id": "file_1"}})), "files_api"),
    case("url pdf", create(messages=said({"type": "document", "source": {"type": "url", "url": "https://x/a.pdf"}})), "pdf_support"),
    case("skills in a container", beta("skills-2025-10-02", "code-execution-2025-08-25", container={"skills": [{"type": "anthropic", "skill_id": "pptx"}]}, tools=[{"type": "code_execution_20250825", "name": "code_execution"}]), "agent_skills", "code_execution"),
    case("web search result replayed", create(messages=[{"role": "user", "content": "q"}, {"role": "assistant", "content": [{"type": "server_tool_use", "id": "s1", "name": "web_fetch", "input": {}}, {"type": "web_fetch_tool_result", "tool_use_id": "s1", "content": {"type": "web_fetch_tool_result_error", "error_code": "unavailable"}}]}]), "web_fetch"),
    case("tool result with image", create(messages=said({"type": "tool_result", "tool_use_id": "t", "content": [{"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBO"}}]})),),
    case("custom tool named web_fetch", create(tools=[{"name": "web_fetch", "input_schema": SCHEMA}])),
    case("custom tool named code_execution", create(tools=[{"type": "custom", "name": "code_execution", "input_schema": SCHEMA}])),
    case("no MCP servers", beta(mcp_servers=[])),
    case("plain tool use", create(tools=[{"name": "get_weather", "description": "d", "input_schema": SCHEMA}], tool_choice={"type": "auto"})),
    case("speed standard", create(speed="standard")),
    case("thinking disabled", create(thinking={"type": "disabled"})),
    case("stop sequences, metadata, stream off", create(stop_sequences=["x"], metadata={"user_id": "u"}, stream=False)),
    case("models list", lambda c: c.models.list()),
    case("beta header named by a row", beta("context-1m-2025-08-07", "interleaved-thinking-2025-05-14", thinking={"type": "enabled", "budget_tokens": 1024}), "1m_token_context_window", "extended_thinking"),
]

UNLISTED = [  # features the page does not list
    case("compaction parameter", beta(compaction={"enabled": True}), unknown=True),
    case("thread parameter", beta(thread={"id": "t"}), unknown=True),
    case("browser toolset", create(tools=[{"type": "browser_toolset_20260801", "name": "browser"}]), unknown=True),
    case("sessions", lambda c: c.beta.sessions.list(), unknown=True),
    case("memory stores", lambda c: c.beta.memory_stores.list(), unknown=True),
    case("agents", lambda c: c.beta.agents.list(), unknown=True),
    case("beta the page does not name", beta("task-budgets-2026-03-13"), unknown=True),
    raw("legacy completions", {"method": "POST", "path": "/v1/complete", "body": {"prompt": "x"}}, unknown=True),
    raw("system message mid-conversation", {"path": "/v1/messages", "body": {"model": M, "max_tokens": 1, "messages": [*HI, {"role": "system", "content": "be brief"}]}}, unknown=True),
    raw("unknown block", {"path": "/v1/messages", "body": {"model": M, "max_tokens": 1, "messages": said({"type": "hologram"})}}, unknown=True),
]

WRITTEN = [  # endpoints written in other ways
    raw("batches, trailing slash", {"method": "POST", "url": "https://api.anthropic.com/v1/messages/batches/", "body": {"requests": BATCH}}, "batch_processing"),
    raw("batches, query", {"method": "GET", "url": "https://api.anthropic.com/v1/messages/batches?limit=2", "body": None}, "batch_processing"),
    raw("batch body, no endpoint", {"method": "POST", "body": {"requests": BATCH}}, "batch_processing"),
    raw("files content by path", {"method": "GET", "path": "/v1/files/file_011/content", "body": None}, "files_api"),
    raw("skill versions", {"method": "GET", "url": "https://api.anthropic.com/v1/skills/skill_01/versions", "body": None}, "agent_skills"),
    raw("host without scheme", {"url": "api.anthropic.com/v1/files", "body": None}, "files_api"),
    raw("messages, double slash", {"url": "https://api.anthropic.com//v1//messages", "body": {"model": M, "max_tokens": 1, "messages": HI}}),
    raw("messages, beta query", {"path": "/v1/messages?beta=true", "headers": {"anthropic-beta": "files-api-2025-04-14"}, "body": {"model": M, "max_tokens": 1, "messages": said(FILE_DOC)}}, "files_api"),
]

CASES = ROWS + SHAPES + UNLISTED + WRITTEN


class Captured(Exception):
    """Raised by the mock transport once it has recorded the request: nothing is ever answered."""


def capture(send: Callable[[anthropic.Anthropic], Any]) -> dict[str, Any]:
    """The request the SDK puts on the wire for `send`, as an envelope."""
    seen: list[httpx2.Request] = []

    def transport(request: httpx2.Request) -> httpx2.Response:
        request.read()
        seen.append(request)
        raise Captured

    http = httpx2.Client(transport=httpx2.MockTransport(transport))
    client = anthropic.Anthropic(api_key="test", http_client=http, max_retries=0)
    with pytest.raises(anthropic.APIConnectionError):
        send(client)
    request = seen[0]
    try:
        body = json.loads(request.content) if request.content else None
    except ValueError:
        body = None  # a multipart upload
    headers = {k: v for k, v in request.headers.items() if k.lower() not in ("x-api-key", "content-length")}
    return {"method": request.method, "url": str(request.url), "headers": headers, "body": body}


@pytest.fixture(scope="module")
def envelopes() -> list[dict[str, Any]]:
    return [c.envelope if c.send is None else capture(c.send) for c in CASES]  # type: ignore[misc]


def test_one_request_per_feature_row() -> None:
    assert [c.name for c in ROWS] == [f.id for f in DATA.features]


def expected_allowed(c: Case, arrangement: str) -> bool:
    statuses = {f.id: f.eligibility[arrangement].status for f in DATA.features}
    return not c.unknown and all(statuses[fid] != "no" for fid in c.uses)


PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import retention_constants as rc
out = []
for envelope in json.loads(sys.stdin.read()):
    row = {}
    for arrangement in rc.ARRANGEMENTS:
        v = rc.check_request(envelope, arrangement)
        row[arrangement] = [v.allowed, [u.id for u in v.features], [p for p, _ in v.unknown], [p for p, _ in v.refused]]
    out.append(row)
print(json.dumps(out))
"""


def judged(cli: CliRun, folder: Path, data: Dataset, envelopes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each envelope under each arrangement, by the CLI and by the constants module: both answers."""
    dataset = folder / "dataset.json"
    dataset.write_text(dumps(data), encoding="utf-8")
    (folder / "retention_constants.py").write_text(render_python(data), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-B", "-c", PROBE, str(folder)],
        input=json.dumps(envelopes),
        capture_output=True,
        text=True,
        check=True,
    )
    results = []
    for envelope, by_module in zip(envelopes, json.loads(done.stdout), strict=True):
        path = folder / "request.json"
        path.write_text(json.dumps(envelope), encoding="utf-8")
        row: dict[str, Any] = {}
        for arrangement in ("zdr", "hipaa"):
            run = cli("preflight", str(path), "-a", arrangement, "--dataset", str(dataset), "--format", "json")
            out = json.loads(run.out)
            assert run.code == (0 if out["allowed"] else 1)
            parts = [[u["part"] for u in out[key]] for key in ("unknown", "refused")]
            row[arrangement] = [out["allowed"], [f["id"] for f in out["features"]], *parts]
            assert row[arrangement] == by_module[arrangement], (envelope, arrangement)
            statuses = {f["id"]: f["status"] for f in out["features"]}
            fine = all(s in ("yes", "qualified") for s in statuses.values()) and not any(parts)
            assert out["allowed"] == fine, (envelope, arrangement)
        results.append(row)
    return results


def test_cli_and_constants_module_agree_and_fail_closed(
    cli: CliRun, tmp_path: Path, envelopes: list[dict[str, Any]]
) -> None:
    results = judged(cli, tmp_path, DATA, envelopes)
    for c, row in zip(CASES, results, strict=True):
        for arrangement in ("zdr", "hipaa"):
            allowed, used_ids, unknown, refused = row[arrangement]
            used = set(used_ids) - {"messages_api"}
            assert used == c.uses, (c.name, arrangement, used)
            assert bool(unknown) == c.unknown or (arrangement == "hipaa" and refused), (c.name, unknown)
            assert allowed == expected_allowed(c, arrangement), (c.name, arrangement, row)


def test_the_september_page_judges_the_same_requests_by_its_own_rows(
    cli: CliRun, tmp_path: Path, envelopes: list[dict[str, Any]]
) -> None:
    """The newest copy adds rows (managed agents, MCP tunnels, ...) and renames extended thinking."""
    results = judged(cli, tmp_path, compile_source(source.read(CORPUS / "en-md-2026-09-26.md")), envelopes)
    by_name = dict(zip((c.name for c in CASES), results, strict=True))
    assert by_name["extended_thinking"]["hipaa"][:2] == [True, ["messages_api", "thinking"]]
    assert by_name["sessions"]["zdr"][:3] == [False, ["claude_managed_agents"], []]
    assert by_name["system message mid-conversation"]["hipaa"][0] is True
