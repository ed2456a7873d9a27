"""Preflight: every part of a request is classified and judged; unknown means not allowed."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from schema.models import Dataset
from scraper import source
from scraper.compiler import compile_source
from scraper.dataset_io import loads
from scraper.preflight import core, surface
from scraper.preflight.request import evaluate
from scraper.render.python import preflight_code, render_python
from tests.conftest import CORPUS, GOLDEN, MD_MAY, CliRun

DATA = loads((GOLDEN / "bundled.json").read_text(encoding="utf-8"), "golden")
PLAIN: dict[str, Any] = {"model": "claude-x", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}
CORE = Path(core.__file__)


def judge(
    body: dict[str, Any], arrangement: str, endpoint: str | None = None, data: Dataset = DATA, **kw: Any
) -> core.Verdict:
    return evaluate(data, body, arrangement, "req.json", endpoint, kw.get("headers"), kw.get("allow_unknown", False))


def ids(verdict: core.Verdict) -> list[str]:
    return [use.id for use in verdict.features]


@pytest.mark.parametrize(
    ("target", "feature"),
    [
        ("/v1/messages", "messages_api"),
        ("https://api.anthropic.com/v1/messages", "messages_api"),
        ("/v1/messages/", "messages_api"),
        ("/v1/messages?beta=true", "messages_api"),
        ("/v1/messages/batches", "batch_processing"),
        ("/v1/messages/batches/", "batch_processing"),
        ("https://api.anthropic.com/v1/messages/batches", "batch_processing"),
        ("https://api.anthropic.com//v1/messages/batches/?limit=20#x", "batch_processing"),
        ("/v1/messages/batches/msgbatch_01/results", "batch_processing"),
        ("/v1/messages/count_tokens", "token_counting"),
        ("/v1/files", "files_api"),
        ("/v1/files/file_011/content", "files_api"),
        ("/v1/skills/skill_01/versions", "agent_skills"),
    ],
)
def test_endpoints_are_normalised_then_classified(target: str, feature: str) -> None:
    body = PLAIN if target.rstrip("/").split("?")[0].endswith("/v1/messages") else {}
    assert ids(judge(body, "zdr", target))[0] == feature


@pytest.mark.parametrize(
    "target", ["/v1/sessions", "/v1/memory_stores", "/v1/agents/agent_1", "/v1/complete", "/v2/messages", "/v1/teleport"]
)
def test_endpoints_the_page_does_not_list_are_not_allowed(target: str) -> None:
    verdict = judge({}, "zdr", target)
    assert not verdict.allowed and verdict.unknown[0][0].startswith("endpoint `")
    assert judge({}, "zdr", target, allow_unknown=True).allowed


def test_a_batch_body_is_a_batch_without_an_endpoint() -> None:
    batch = {"requests": [{"custom_id": "a", "params": PLAIN}]}
    for arrangement in ("zdr", "hipaa"):
        verdict = judge(batch, arrangement)
        assert not verdict.allowed and ids(verdict) == ["batch_processing"]
        reason = verdict.features[0].reason
        column = "ZDR" if arrangement == "zdr" else "HIPAA"
        assert reason == f"not allowed: {column} eligible is No for Batch processing (page row 'Batch processing')"


@pytest.mark.parametrize(
    ("extra", "part"),
    [
        ({"compaction": {"enabled": True}}, "parameter `compaction`"),
        ({"thread": {"id": "t"}}, "parameter `thread`"),
        ({"diagnostics": {"previous_message_id": "m"}}, "parameter `diagnostics`"),
        ({"teleport": 1}, "parameter `teleport`"),
        ({"tools": [{"type": "browser_toolset_20260801", "name": "browser"}]}, "tool `browser_toolset_20260801`"),
        ({"tools": [{"type": "hologram_20270101", "name": "h"}]}, "tool `hologram_20270101`"),
        ({"thinking": {"type": "telepathic"}}, "parameter `thinking.type=telepathic`"),
        ({"speed": "ludicrous"}, "parameter `speed=ludicrous`"),
        ({"messages": [{"role": "user", "content": [{"type": "hologram"}]}]}, "content block `hologram`"),
        ({"context_management": {"edits": [{"type": "forget_all_20270101"}]}}, "context edit `forget_all_20270101`"),
    ],
)
def test_unknown_parts_are_not_allowed_and_listed_apart(extra: dict[str, Any], part: str) -> None:
    verdict = judge({**PLAIN, **extra}, "zdr")
    assert not verdict.allowed and not verdict.blocked()
    assert [p for p, _ in verdict.unknown] == [part]
    assert "not known to be eligible under ZDR" in verdict.unknown[0][1]
    warned = judge({**PLAIN, **extra}, "zdr", allow_unknown=True)
    assert warned.allowed and warned.unknown == verdict.unknown


def test_deeply_nested_content_is_judged_without_exhausting_the_stack() -> None:
    inner: dict[str, Any] = {"type": "document", "source": {"type": "file", "file_id": "f"}}
    for _ in range(20_000):
        inner = {"type": "tool_result", "tool_use_id": "t", "content": [inner]}
    verdict = judge({**PLAIN, "messages": [{"role": "user", "content": [inner]}]}, "zdr")
    assert verdict.blocked() == ["files_api"]
    callers: Any = ["code_execution_20250825"]
    for _ in range(20_000):
        callers = [callers]
    tool = {"name": "f", "input_schema": {}, "allowed_callers": callers}
    assert judge({**PLAIN, "tools": [tool]}, "zdr").blocked() == ["programmatic_tool_calling"]


def test_parts_are_named_printably_and_briefly() -> None:
    verdict = judge({**PLAIN, "x\x1b[31mred": 1, "speed": "f" * 500, "messages": ["not a message"]}, "zdr")
    names = [part for part, _ in verdict.unknown]
    assert names == ["message (not an object)", "parameter `x\\x1b[31mred`", f"parameter `speed={'f' * 71}...`"]


def test_custom_tools_never_match_server_tools_by_name() -> None:
    schema = {"type": "object", "properties": {}}
    for name in ("web_fetch", "code_execution", "computer", "memory"):
        for tool in ({"name": name, "input_schema": schema}, {"type": "custom", "name": name, "input_schema": schema}):
            verdict = judge({**PLAIN, "tools": [tool]}, "hipaa")
            assert verdict.allowed and ids(verdict) == ["messages_api"], (name, tool)


@pytest.mark.parametrize(
    "extra",
    [
        {"mcp_servers": []},
        {"mcp_servers": None},
        {"tools": []},
        {"context_management": {"edits": []}},
        {"container": None},
        {"cache_control": None},
        {"stream": False},
        {"messages": [{"role": "user", "content": [{"type": "document", "source": {"type": "text", "data": "x"}, "citations": {"enabled": False}}]}]},
        {"tools": [{"name": "f", "input_schema": {}, "strict": False, "eager_input_streaming": None}]},
    ],
)
def test_empty_lists_null_and_false_are_not_uses(extra: dict[str, Any]) -> None:
    verdict = judge({**PLAIN, **extra}, "hipaa")
    assert verdict.allowed and ids(verdict) == ["messages_api"] and not verdict.unknown


def test_a_parameter_the_table_does_not_name_is_unknown_even_when_empty() -> None:
    parts = core.classify(surface.SURFACE, {"model": "x", "brand_new": False, "other": {}}, core.MESSAGES)
    assert [part for part, cls in parts if cls is None] == ["parameter `brand_new`", "parameter `other`"]
    assert not judge({**PLAIN, "brand_new": None}, "hipaa").allowed


@pytest.mark.parametrize(
    ("edit", "feature"),
    [("clear_tool_uses_20250919", "context_editing"), ("compact_20260112", "context_management_compaction")],
)
def test_context_management_names_only_the_edit_it_uses(edit: str, feature: str) -> None:
    verdict = judge({**PLAIN, "context_management": {"edits": [{"type": edit}]}}, "hipaa")
    assert ids(verdict) == ["messages_api", feature] and not verdict.allowed


def test_headers_are_judged_and_hipaa_refuses_betas_it_does_not_list() -> None:
    one_m = [("anthropic-beta", "context-1m-2025-08-07")]
    verdict = judge(PLAIN, "hipaa", headers=one_m)
    assert verdict.allowed and "1m_token_context_window" in ids(verdict)
    neutral = [("Anthropic-Beta", "output-128k-2025-02-19, context-1m-2025-08-07")]
    assert judge(PLAIN, "zdr", headers=neutral).allowed
    refused = judge(PLAIN, "hipaa", headers=neutral, allow_unknown=True)
    assert not refused.allowed and refused.refused[0][0] == "anthropic-beta `output-128k-2025-02-19`"
    assert "Features in beta are generally not covered" in refused.refused[0][1]
    files = judge(PLAIN, "hipaa", headers=[("anthropic-beta", "files-api-2025-04-14")])
    assert files.blocked() == ["files_api"]


def test_reasons_are_the_status_with_details_and_footnotes_as_context() -> None:
    body = {**PLAIN, "tools": [{"type": "web_search_20250305", "name": "web_search"}, {"type": "computer_20250124"}]}
    verdict = judge(body, "hipaa")
    computer = next(u for u in verdict.features if u.id == "computer_use")
    assert computer.reason == "not allowed: HIPAA eligible is No for Computer use (page row 'Computer use')"
    assert "not by Anthropic" in (computer.details or "")  # context, not the reason
    search = next(u for u in verdict.features if u.id == "web_search")
    assert search.footnotes == ((1, "Dynamic filtering is not eligible for ZDR or HIPAA."),)
    lines = core.describe(verdict)
    assert lines[0] == "hipaa: NOT allowed (/v1/messages, dataset 0.0.0)"
    assert lines[1].startswith("  computer_use: not allowed: HIPAA eligible is No")


def test_a_part_mapped_to_an_id_the_dataset_lacks_is_unknown() -> None:
    without = DATA.model_copy(update={"features": [f for f in DATA.features if f.id != "files_api"]})
    file_source = {"type": "document", "source": {"type": "file", "file_id": "file_1"}}
    body = {**PLAIN, "messages": [{"role": "user", "content": [file_source]}]}
    verdict = judge(body, "zdr", data=without)
    assert not verdict.allowed and "which this dataset lacks" in verdict.unknown[0][1]


def test_a_table_id_a_row_was_published_under_before_still_finds_the_row(tmp_path: Path) -> None:
    renamed = [
        f.model_copy(update={"id": "batches", "former_ids": ["batch_processing"]}) if f.id == "batch_processing" else f
        for f in DATA.features
    ]
    data = DATA.model_copy(update={"features": renamed})
    batch = {"requests": [{"custom_id": "a", "params": PLAIN}]}
    assert ids(judge(batch, "zdr", data=data)) == ["batches"] and not judge(batch, "zdr", data=data).unknown
    (tmp_path / "retention_constants.py").write_text(render_python(data), encoding="utf-8")
    probe = "import sys, json; sys.path.insert(0, sys.argv[1]); import retention_constants as m\n"
    probe += "v = m.check_request(json.loads(sys.argv[2]), 'zdr'); print([u.id for u in v.features], len(v.unknown))"
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-B", "-c", probe, str(tmp_path), json.dumps(batch)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "['batches'] 0"


def test_renaming_a_row_changes_no_verdict() -> None:
    renamed = DATA.model_copy(
        update={"features": [f.model_copy(update={"name": f"{f.name} (renamed)"}) for f in DATA.features]}
    )
    file_source = {"type": "document", "source": {"type": "file", "file_id": "file_1"}}
    body = {**PLAIN, "messages": [{"role": "user", "content": [file_source]}]}
    for arrangement in ("zdr", "hipaa"):
        assert judge(body, arrangement, data=renamed).blocked() == judge(body, arrangement).blocked() == ["files_api"]


def test_a_row_renamed_in_the_page_does_not_turn_a_forbidden_use_into_an_allowed_one() -> None:
    page = MD_MAY.read_text(encoding="utf-8").replace("| [Files API](", "| [Files](", 1)
    renamed = compile_source(source.from_bytes(page.encode("utf-8"), "page.md"))
    file_source = {"type": "document", "source": {"type": "file", "file_id": "file_1"}}
    body = {**PLAIN, "messages": [{"role": "user", "content": [file_source]}]}
    for data in (compile_source(source.read(MD_MAY)), renamed):
        verdict = judge(body, "hipaa", data=data)
        assert not verdict.allowed, [f.id for f in data.features]


LATER = CORPUS / "en-md-2026-09-26.md"


def test_every_feature_id_the_table_names_is_a_row_of_a_real_copy_of_the_page() -> None:
    rows = {f.id for path in sorted(CORPUS.glob("en-*")) for f in compile_source(source.read(path)).features}
    assert [entry for entry in surface.feature_ids() for fid in entry[2].split("|") if fid not in rows] == []


def test_rows_of_a_later_page_are_judged_by_their_own_cells() -> None:
    data = compile_source(source.read(LATER))
    sessions = judge({}, "zdr", "https://api.anthropic.com/v1/sessions/sesn_1/events", data=data)
    assert sessions.blocked() == ["claude_managed_agents"] and not sessions.unknown
    diagnostics = judge({**PLAIN, "diagnostics": {"previous_message_id": "msg_1"}}, "zdr", data=data)
    cache = next(u for u in diagnostics.features if u.id == "cache_diagnostics")
    assert diagnostics.allowed and cache.reason.startswith("allowed with conditions: ZDR eligible is Yes (qualified)")
    thinking = judge({**PLAIN, "thinking": {"type": "enabled", "budget_tokens": 1024}}, "hipaa", data=data)
    assert thinking.allowed and ids(thinking) == ["messages_api", "thinking"]  # the April page: extended_thinking
    system = {**PLAIN, "messages": [*PLAIN["messages"], {"role": "system", "content": "be brief"}]}
    assert "mid_conversation_system_messages" in ids(judge(system, "hipaa", data=data))
    assert judge(system, "hipaa").unknown[0][0] == "message role `system`"  # the April page has no such row


def test_the_constants_module_embeds_core_whole_and_core_imports_only_the_standard_library() -> None:
    text = CORE.read_text(encoding="utf-8")
    assert preflight_code() == text
    module = render_python(DATA)
    assert module.count(text) == 1
    docstring_end = module.index('"""\n', module.index('"""') + 3) + 4
    assert module[docstring_end:].lstrip("\n").split("\n", 1)[0].startswith("# The request judge, shared byte for byte")
    tree = ast.parse(text)
    roots = {
        (alias.name if isinstance(node, ast.Import) else node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert roots <= set(sys.stdlib_module_names) | {"__future__"}
    runtime = [n.module for n in tree.body if isinstance(n, ast.ImportFrom) and n.module != "__future__"]
    assert runtime == ["types"] and not [n for n in tree.body if isinstance(n, ast.Import)]


def test_cli_envelope_headers_and_json(cli: CliRun, tmp_path: Path) -> None:
    dataset = str(GOLDEN / "bundled.json")
    envelope = {
        "method": "POST",
        "url": "https://api.anthropic.com/v1/messages?beta=true",
        "headers": {"anthropic-beta": "context-1m-2025-08-07", "x-api-key": "k"},
        "body": {**PLAIN, "tools": [{"type": "web_fetch_20250910", "name": "web_fetch"}]},
    }
    request = tmp_path / "req.json"
    request.write_text(json.dumps(envelope))
    run = cli("preflight", str(request), "-a", "hipaa", "--dataset", dataset, "--format", "json")
    out = json.loads(run.out)
    assert run.code == 1 and out["verdict"] == "not allowed" and out["dataset_version"] == "0.0.0"
    assert [f["id"] for f in out["features"]] == ["messages_api", "web_fetch", "1m_token_context_window"]
    assert set(out["features"][0]) >= {"id", "name", "status", "footnotes", "reason"} and out["unknown"] == []
    run = cli("preflight", str(request), "-a", "zdr", "--dataset", dataset, "-o", str(tmp_path / "out.txt"))
    assert run.code == 0 and run.out == ""
    written = (tmp_path / "out.txt").read_text()
    assert written.startswith("zdr: allowed") and "[2] While web fetch" in written


def test_cli_endpoint_header_and_allow_unknown_options(cli: CliRun, tmp_path: Path) -> None:
    dataset = str(GOLDEN / "bundled.json")
    request = tmp_path / "req.json"
    request.write_text(json.dumps({**PLAIN, "compaction": {"enabled": True}}))
    base = ("preflight", str(request), "-a", "zdr", "--dataset", dataset)
    run = cli(*base)
    assert run.code == 1 and "unknown: uses parameter `compaction`, which the page does not list" in run.out
    run = cli(*base, "--allow-unknown")
    assert run.code == 0 and "warning: uses parameter `compaction`" in run.out
    run = cli(*base, "--allow-unknown", "--endpoint", "https://api.anthropic.com/v1/messages/batches/")
    assert run.code == 1 and "batch_processing: not allowed" in run.out
    run = cli(*base, "--allow-unknown", "--header", "anthropic-beta: output-128k-2025-02-19", "-a", "hipaa")
    assert run.code == 1 and "refused: not allowed: anthropic-beta `output-128k-2025-02-19`" in run.out


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("{not json", (), "req.json:1:2: json: request is not JSON"),
        ("[1, 2]", (), "must be a JSON object"),
        ("{}", ("--arrangement", "fedramp"), "unknown arrangement 'fedramp'"),
        ('{"body": {}, "headers": {"a": 1}}', (), "req.json: envelope: request: envelope `headers`"),
        ('{"body": {}, "url": 5}', (), "envelope `url`/`path` must be a string"),
        ("{}", ("--header", "no colon"), "--header 'no colon' is not 'name: value'"),
        ('{"model": "' + "x" * 200 + '"}', ("--max-bytes", "100"), "over the 100-byte cap"),
        ("\xff{}", (), "req.json"),
    ],
)
def test_cli_bad_input(cli: CliRun, tmp_path: Path, content: str, args: tuple[str, ...], message: str) -> None:
    body = tmp_path / "req.json"
    body.write_bytes(content.encode("latin-1"))
    arrangement = () if "--arrangement" in args else ("--arrangement", "hipaa")
    run = cli("preflight", str(body), *arrangement, *args, "--dataset", str(GOLDEN / "bundled.json"))
    assert run.code == 2 and message in run.err and "Traceback" not in run.err and run.out == ""


def test_cli_missing_dataset(cli: CliRun, tmp_path: Path) -> None:
    body = tmp_path / "req.json"
    body.write_text("{}")
    run = cli("preflight", str(body), "--arrangement", "zdr", "--dataset", str(tmp_path / "nope.json"))
    assert run.code == 2 and "nope.json" in run.err and "retention build" in run.err


def test_build_refuses_to_drop_a_row_the_preflight_table_names(cli: CliRun, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    assert cli("build", str(MD_MAY), "--dist", str(dist)).code == 0
    before = {p.name: p.read_bytes() for p in dist.rglob("*") if p.is_file()}
    lines = MD_MAY.read_text(encoding="utf-8").splitlines(keepends=True)
    page = tmp_path / "page.md"
    page.write_text("".join(line for line in lines if not line.startswith("| [Batch processing]")), encoding="utf-8")
    run = cli("build", str(page), "--dist", str(dist))
    assert run.code == 4 and "batch_processing (endpoint '/v1/messages/batches/**'" in run.err
    assert {p.name: p.read_bytes() for p in dist.rglob("*") if p.is_file()} == before
