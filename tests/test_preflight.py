"""Preflight: the features a request uses, judged against each arrangement, from the dataset."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from schema.models import Endpoint, Feature
from scraper import preflight
from scraper.dataset_io import loads
from tests.conftest import GOLDEN, CliRun

DATA = loads((GOLDEN / "bundled.json").read_text(encoding="utf-8"), "golden")
NOTES = {n.number: n.text for n in DATA.footnotes}
PLAIN: dict[str, Any] = {"model": "claude-x", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}


def request_for(endpoint: Endpoint) -> tuple[dict[str, Any], str]:
    """A request that uses `endpoint` as the page describes it, and the path it goes to."""
    body = json.loads(json.dumps(PLAIN))
    req = endpoint.requires
    if req is None:
        return body, endpoint.path
    if req.kind == "tool":
        body["tools"] = [{"type": f"{req.name}_20250101", "name": req.name}]
    elif req.kind == "parameter":
        body[req.name] = req.value if req.value is not None else {}
    elif req.kind == "source":
        body["messages"][0]["content"] = [{"type": req.name.removesuffix("s"), "source": "x", "title": "t"}]
    return body, endpoint.path


FORBIDDEN = [f for f in DATA.features if any(e.status == "no" for e in f.eligibility.values())]


@pytest.mark.parametrize("feature", FORBIDDEN, ids=[f.id for f in FORBIDDEN])
def test_every_forbidden_feature_is_caught(feature: Feature) -> None:
    body, path = request_for(feature.endpoints[0])
    for arrangement, cell in feature.eligibility.items():
        blocked = preflight.blocked(DATA.features, body, arrangement, path)
        assert (feature.id in blocked) == (cell.status == "no"), arrangement


def verdict(body: dict[str, Any], arrangement: str, endpoint: str = "/v1/messages") -> list[str]:
    return list(preflight.blocked(DATA.features, body, arrangement, endpoint))


@pytest.mark.parametrize(
    ("extra", "zdr", "hipaa"),
    [
        ({}, [], []),
        ({"tools": [{"type": "web_search_20250305", "name": "web_search", "max_uses": 3}]}, [], []),
        ({"speed": "fast"}, [], []),
        ({"tools": [{"type": "web_fetch_20250910", "name": "web_fetch"}]}, [], ["web_fetch"]),
        (
            {"context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]}},
            [],
            ["context_management_compaction", "context_editing"],
        ),
        (
            {"tools": [{"type": "code_execution_20250825", "name": "code_execution"}]},
            ["code_execution", "programmatic_tool_calling"],
            ["code_execution", "programmatic_tool_calling"],
        ),
        (
            {"mcp_servers": [{"type": "url", "url": "https://mcp.example", "name": "x"}]},
            ["mcp_connector"],
            ["mcp_connector"],
        ),
        (
            {"tools": [{"type": "tool_search_tool_regex_20251119", "name": "tool_search_tool_regex"}]},
            [],
            ["tool_search"],
        ),
        ({"tools": [{"type": "computer_20250124", "name": "computer", "display_width_px": 1}]}, [], ["computer_use"]),
    ],
)
def test_public_request_shapes(extra: dict[str, Any], zdr: list[str], hipaa: list[str]) -> None:
    body = {**PLAIN, **extra}
    assert verdict(body, "zdr") == zdr
    assert verdict(body, "hipaa") == hipaa


def test_search_result_blocks_match_the_search_results_source() -> None:
    body = {
        **PLAIN,
        "messages": [
            {"role": "user", "content": [{"type": "search_result", "source": "s", "title": "t", "content": []}]}
        ],
    }
    assert "search_results" in preflight.used_features(DATA.features, body)


def test_hints_cover_what_the_rows_do_not_name() -> None:
    file_source = {"type": "document", "source": {"type": "file", "file_id": "file_1"}}
    body = {**PLAIN, "messages": [{"role": "user", "content": [file_source]}]}
    assert verdict(body, "hipaa") == ["files_api"]
    pdf = {"type": "document", "source": {"type": "base64", "media_type": "application/pdf", "data": ""}}
    assert "pdf_support" in preflight.used_features(
        DATA.features, {**PLAIN, "messages": [{"role": "user", "content": [pdf]}]}
    )
    assert "structured_outputs" in preflight.used_features(
        DATA.features, {**PLAIN, "output_format": {"type": "json_schema"}}
    )
    assert "structured_outputs" in preflight.used_features(
        DATA.features, {**PLAIN, "tools": [{"name": "f", "strict": True}]}
    )
    assert "structured_outputs" not in preflight.used_features(DATA.features, PLAIN)
    cached = {**PLAIN, "system": [{"type": "text", "text": "s", "cache_control": {"type": "ephemeral"}}]}
    assert "prompt_caching" in preflight.used_features(DATA.features, cached)
    assert "agent_skills" in preflight.used_features(
        DATA.features, {**PLAIN, "container": {"skills": [{"type": "anthropic"}]}}
    )
    assert "adaptive_thinking" in preflight.used_features(DATA.features, {**PLAIN, "thinking": {"type": "adaptive"}})


def test_distinct_endpoints_and_batches() -> None:
    assert verdict({"purpose": "x"}, "zdr", "/v1/files") == ["files_api"]
    batch = {
        "requests": [
            {"custom_id": "a", "params": {**PLAIN, "tools": [{"type": "web_fetch_20250910", "name": "web_fetch"}]}}
        ]
    }
    assert verdict(batch, "hipaa", "/v1/messages/batches") == ["web_fetch", "batch_processing"]
    assert verdict(PLAIN, "hipaa", "/v1/messages/count_tokens") == []


def test_notes_name_qualified_features_and_footnotes() -> None:
    body = {
        **PLAIN,
        "tools": [{"type": "web_search_20250305", "name": "web_search"}],
        "output_format": {"type": "json_schema"},
    }
    result = preflight.check(DATA.features, NOTES, body, "zdr")
    assert result.allowed
    assert any(n.startswith("web_search: [1] Dynamic filtering") for n in result.notes)
    assert any(n.startswith("structured_outputs: qualified under zdr") for n in result.notes)


def test_cli_verdicts_and_exit_codes(cli: CliRun, tmp_path: Path) -> None:
    dataset = str(GOLDEN / "bundled.json")
    body = tmp_path / "req.json"
    body.write_text(json.dumps({**PLAIN, "tools": [{"type": "web_fetch_20250910", "name": "web_fetch"}]}))
    run = cli("preflight", str(body), "--arrangement", "hipaa", "--dataset", dataset)
    assert run.code == 1 and "web_fetch (Web fetch)" in run.out
    run = cli("preflight", str(body), "--arrangement", "zdr", "--dataset", dataset, "--format", "json")
    assert run.code == 0 and json.loads(run.out)["allowed"] is True


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        ("{not json", (), "request is not JSON"),
        ("[1, 2]", (), "must be a JSON object"),
        ("{}", ("--arrangement", "fedramp"), "unknown arrangement 'fedramp'"),
    ],
)
def test_cli_bad_input(cli: CliRun, tmp_path: Path, content: str, args: tuple[str, ...], message: str) -> None:
    body = tmp_path / "req.json"
    body.write_text(content)
    arrangement = () if args else ("--arrangement", "hipaa")
    run = cli("preflight", str(body), *arrangement, *args, "--dataset", str(GOLDEN / "bundled.json"))
    assert run.code == 2 and message in run.err and "Traceback" not in run.err


def test_cli_missing_dataset(cli: CliRun, tmp_path: Path) -> None:
    body = tmp_path / "req.json"
    body.write_text("{}")
    run = cli("preflight", str(body), "--arrangement", "zdr", "--dataset", str(tmp_path / "nope.json"))
    assert run.code == 2 and "nope.json" in run.err and "retention build" in run.err


SHAPES: list[tuple[dict[str, Any], str]] = [
    (PLAIN, "/v1/messages"),
    ({**PLAIN, "tools": [{"type": "web_fetch_20250910", "name": "web_fetch"}]}, "/v1/messages"),
    ({**PLAIN, "tools": [{"type": "web_search_20250305", "name": "web_search"}]}, "/v1/messages"),
    ({**PLAIN, "context_management": {"edits": []}}, "/v1/messages"),
    ({**PLAIN, "tools": [{"type": "code_execution_20250825", "name": "code_execution"}]}, "/v1/messages"),
    ({**PLAIN, "mcp_servers": [{"type": "url", "url": "https://mcp.example", "name": "m"}]}, "/v1/messages"),
    ({**PLAIN, "speed": "fast"}, "/v1/messages"),
    ({"purpose": "user_data"}, "/v1/files"),
]


def test_the_constants_module_gives_the_same_verdicts(tmp_path: Path) -> None:
    """blocked_features() in the generated module, imported with -I -S, agrees with the CLI's code."""
    import subprocess
    import sys

    from scraper.render.python import render_python

    (tmp_path / "retention_constants.py").write_text(render_python(DATA), encoding="utf-8")
    program = (
        "import json, sys\nsys.path.insert(0, sys.argv[1])\nimport retention_constants as rc\n"
        "shapes = json.loads(sys.stdin.read())\n"
        "print(json.dumps([[rc.blocked_features(body, a, ep) for a in ('zdr', 'hipaa')] for body, ep in shapes]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-B", "-c", program, str(tmp_path)],
        input=json.dumps(SHAPES),
        capture_output=True,
        text=True,
        check=True,
    )
    expected = [[preflight.blocked(DATA.features, body, a, ep) for a in ("zdr", "hipaa")] for body, ep in SHAPES]
    assert json.loads(done.stdout) == expected
    assert expected[1] == [[], ["web_fetch"]] and expected[4][0] == ["code_execution", "programmatic_tool_calling"]
