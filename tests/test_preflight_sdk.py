"""The request-surface table against the official SDK, and the request hook on the SDK's client.

`anthropic` is a development dependency only: a new SDK release that adds a parameter, tool,
block, source, beta or endpoint fails here, naming it, until someone decides what it is.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

import anthropic
import anthropic.types as ga
import anthropic.types.beta as beta
import httpx2
import pytest
from anthropic.types import document_block_param, image_block_param, message_count_tokens_params
from anthropic.types import message_create_params as ga_create
from anthropic.types.beta import beta_context_management_config_param as edits_param
from anthropic.types.beta import beta_image_block_param, beta_request_document_block_param
from anthropic.types.beta import message_create_params as beta_create

from scraper.preflight import core
from scraper.preflight.surface import BETAS, BLOCKS, EDITS, ENDPOINTS, PARAMS, ROLES, SOURCES, TOOLS
from scraper.render.python import render_python
from tests.test_preflight import DATA, PLAIN


def keys(cls: Any) -> set[str]:
    """Every key a TypedDict declares, inherited ones included."""
    return {key for base in cls.__mro__ for key in getattr(base, "__annotations__", {})}


def type_literals(cls: Any) -> list[str]:
    """The values a TypedDict's `type` key may take (its Literal, read from the annotation)."""
    annotation = next((b.__annotations__["type"] for b in cls.__mro__ if "type" in getattr(b, "__annotations__", {})), "")
    return re.findall(r"'([^']+)'", str(getattr(annotation, "__forward_arg__", annotation)))


def union_literals(union: Any) -> set[str]:
    return {value for member in typing.get_args(union) for value in type_literals(member)}


def unclassified(found: set[str], table: Any) -> list[str]:
    return sorted(value for value in found if value not in table)


def test_every_message_create_parameter_is_classified() -> None:
    found = keys(ga_create.MessageCreateParamsBase) | keys(beta_create.MessageCreateParamsBase)
    found |= keys(message_count_tokens_params.MessageCountTokensParams)
    assert len(found) > 20
    assert unclassified(found, PARAMS) == []


def test_every_member_of_the_structured_parameters_is_classified() -> None:
    """thinking (each type and key), output_config, container, context_management: their members."""
    members = {name: {key for key, _ in rule} for name, rule in PARAMS.items() if not isinstance(rule, str)}
    found = set()
    for union in (ga.ThinkingConfigParam, beta.BetaThinkingConfigParam):
        for config in typing.get_args(union):
            found |= {f"thinking: type={kind}" for kind in type_literals(config)}
            found |= {f"thinking: {key}" for key in keys(config) - {"type"}}
    for name, configs in {
        "output_config": (ga.OutputConfigParam, beta.BetaOutputConfigParam),
        "container": (ga.ContainerParams, beta.BetaContainerParams),
        "context_management": (beta.BetaContextManagementConfigParam,),
    }.items():
        found |= {f"{name}: {key}" for config in configs for key in keys(config)}
    assert "thinking: type=adaptive" in found and "container: skills" in found
    assert sorted(f for f in found if f.split(": ")[1] not in members[f.split(": ")[0]]) == []


def test_every_message_role_is_classified() -> None:
    found: set[str] = set()
    for module in (ga, beta):
        for name in dir(module):
            cls = getattr(module, name)
            if isinstance(cls, type) and issubclass(cls, dict) and name.endswith("MessageParam") and "role" in keys(cls):
                annotation = next(b.__annotations__["role"] for b in cls.__mro__ if "role" in getattr(b, "__annotations__", {}))
                found |= set(re.findall(r"'([^']+)'", str(getattr(annotation, "__forward_arg__", annotation))))
    assert {"user", "assistant", "system"} <= found
    assert unclassified(found, ROLES) == []


def test_every_tool_type_ga_and_beta_is_classified_by_its_unversioned_prefix() -> None:
    found = union_literals(ga.ToolUnionParam) | union_literals(beta.BetaToolUnionParam)
    found |= union_literals(ga.MessageCountTokensToolParam)
    assert {"web_fetch_20250910", "custom", "mcp_toolset"} <= found
    assert unclassified({core.unversioned(kind) for kind in found}, TOOLS) == []


def test_every_content_block_type_is_classified() -> None:
    found: set[str] = set()
    for module in (ga, beta):
        for name in dir(module):
            cls = getattr(module, name)
            if isinstance(cls, type) and issubclass(cls, dict) and name.endswith(("BlockParam", "ErrorParam")):
                found |= set(type_literals(cls))
    assert {"text", "document", "search_result", "web_fetch_tool_result"} <= found
    assert unclassified(found, BLOCKS) == []


def test_every_document_and_image_source_type_is_classified() -> None:
    found = {f"document/{t}" for m in (document_block_param, beta_request_document_block_param) for t in union_literals(m.Source)}
    found |= {f"image/{t}" for m in (image_block_param, beta_image_block_param) for t in union_literals(m.Source)}
    assert {"document/file", "image/base64"} <= found
    assert unclassified(found, SOURCES) == []


def test_every_context_management_edit_is_classified() -> None:
    found = {core.unversioned(kind) for kind in union_literals(edits_param.Edit)}
    assert unclassified(found, EDITS) == []


def test_every_beta_the_sdk_declares_is_classified() -> None:
    literal = next(arg for arg in typing.get_args(ga.AnthropicBetaParam) if typing.get_origin(arg) is typing.Literal)
    found = set(typing.get_args(literal))
    assert "context-1m-2025-08-07" in found
    assert unclassified(found, BETAS) == []


def sdk_endpoints() -> set[str]:
    """Every path the client's resources call: string and f-string literals starting /v1/."""
    found = set()
    for path in Path(anthropic.__file__).parent.joinpath("resources").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("/v1/"):
                found.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                text = "".join(str(v.value) if isinstance(v, ast.Constant) else "{id}" for v in node.values)
                found |= {text} if text.startswith("/v1/") else set()
    return {re.sub(r"\{[^}]*\}", "{id}", path) for path in found}


def test_every_resource_endpoint_of_the_client_is_classified() -> None:
    found = sdk_endpoints()
    assert {"/v1/messages", "/v1/files/{id}/content", "/v1/sessions"} <= found
    assert sorted(p for p in found if core.endpoint_pattern(ENDPOINTS, core.normalise_endpoint(p)) is None) == []


@pytest.fixture(scope="module")
def constants(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The generated constants module, imported from a file as a consumer would."""
    path = tmp_path_factory.mktemp("rc") / "retention_constants.py"
    path.write_text(render_python(DATA), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("retention_constants_sdk_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REPLY = {
    "id": "msg_1",
    "type": "message",
    "role": "assistant",
    "model": "claude-x",
    "content": [{"type": "text", "text": "ok"}],
    "stop_reason": "end_turn",
    "stop_sequence": None,
    "usage": {"input_tokens": 1, "output_tokens": 1},
}


def test_the_hook_stops_a_forbidden_request_before_it_is_sent(constants: ModuleType) -> None:
    sent: list[httpx2.Request] = []

    def transport(request: httpx2.Request) -> httpx2.Response:
        sent.append(request)
        return httpx2.Response(200, json=REPLY)

    hook = constants.request_hook("hipaa")
    http = httpx2.Client(transport=httpx2.MockTransport(transport), event_hooks={"request": [hook]})
    client = anthropic.Anthropic(api_key="test", http_client=http, max_retries=0)
    reply = client.messages.create(model="claude-x", max_tokens=5, messages=[{"role": "user", "content": "hi"}])
    assert reply.content[0].type == "text" and len(sent) == 1

    fetch: Any = [{"type": "web_fetch_20250910", "name": "web_fetch"}]
    with pytest.raises(anthropic.APIConnectionError) as caught:  # the SDK wraps what its transport raises
        client.messages.create(model="claude-x", max_tokens=5, messages=PLAIN["messages"], tools=fetch)
    refused = caught.value.__cause__
    assert isinstance(refused, constants.Refused) and refused.verdict.blocked() == ["web_fetch"]
    assert "HIPAA eligible is No for Web fetch" in str(refused)
    with pytest.raises(anthropic.APIConnectionError) as caught:
        client.beta.files.list()
    assert isinstance(caught.value.__cause__, constants.Refused)
    assert len(sent) == 1, "a refused request reached the transport"
