"""The request surface of the Claude API, as data: every part a request can carry -> what it is.

Each entry maps one part (an endpoint, a top-level parameter, a tool type without its date
suffix, a content block type, a block's source, a context-management edit, a field on blocks
and tools, an `anthropic-beta` value) to one of:
- a feature id of the dataset (a stable id: `retention build` refuses to publish a dataset that
  drops an id named here which the published dataset has, see scraper/publish/gates.py);
- NEUTRAL: plain use of the Messages API that no row of the page is about (`model`, text);
- UNLISTED: decided, but the page does not list it, so it is judged as unknown (not allowed).
A part the table does not name at all is unknown too. `tests/test_preflight_sdk.py` checks the
table against the official SDK, so a new SDK parameter fails the tests until someone decides.

A class may name alternatives, `extended_thinking|thinking`: the first id the dataset has.
A rule is a class (str) or members -> class pairs: `"key"` a member key, `"key=value"` a key
with that string value, `"=value"` the value itself, `"*"` any other key or value. Classes
starting with `@` walk the value: `@messages`, `@blocks`, `@tools`, `@edits`, `@betas`.
"""

from __future__ import annotations

from collections.abc import Mapping

from scraper.preflight.core import NEUTRAL, UNLISTED

Rule = str | tuple[tuple[str, str], ...]

# A class may name several ids, `a|b`: the first the dataset has. The page replaced its
# "Extended thinking" row by "Thinking" in September 2026 (a new id, not a rename).
THINKING = "extended_thinking|thinking"

# Path patterns: an exact path, or `prefix/**` for the prefix and any path below it (ids in sub-paths).
ENDPOINTS: dict[str, str] = {
    "/v1/messages": "messages_api",
    "/v1/messages/count_tokens": "token_counting",
    "/v1/messages/batches/**": "batch_processing",
    "/v1/files/**": "files_api",
    "/v1/skills/**": "agent_skills",
    "/v1/models/**": NEUTRAL,  # model names and limits: no request content
    "/v1/complete": UNLISTED,  # legacy Text Completions
    "/v1/agents/**": "claude_managed_agents",
    "/v1/sessions/**": "claude_managed_agents",
    "/v1/environments/**": "claude_managed_agents",
    "/v1/memory_stores/**": UNLISTED,
    "/v1/vaults/**": UNLISTED,
    "/v1/deployments/**": UNLISTED,
    "/v1/deployment_runs/**": UNLISTED,
    "/v1/dreams/**": UNLISTED,
    "/v1/tunnels/**": "mcp_tunnels",
    "/v1/user_profiles/**": UNLISTED,
    "/v1/organizations/**": UNLISTED,  # the Admin API
}

PARAMS: dict[str, Rule] = {
    "model": NEUTRAL,
    "max_tokens": NEUTRAL,
    "messages": "@messages",
    "system": "@blocks",
    "tools": "@tools",
    "tool_choice": NEUTRAL,
    "metadata": NEUTRAL,
    "stop_sequences": NEUTRAL,
    "stream": NEUTRAL,
    "temperature": NEUTRAL,
    "top_k": NEUTRAL,
    "top_p": NEUTRAL,
    "service_tier": NEUTRAL,
    "cache_control": "prompt_caching",  # automatic caching of the whole prompt
    "inference_geo": "data_residency",
    "speed": (("=fast", "fast_mode"), ("=standard", NEUTRAL)),
    "thinking": (
        ("type=enabled", THINKING),
        ("type=adaptive", "adaptive_thinking"),
        ("type=between_tools", THINKING),  # interleaved: thinking between tool calls
        ("type=disabled", NEUTRAL),
        ("budget_tokens", NEUTRAL),
        ("display", NEUTRAL),
        ("block_binding", UNLISTED),
    ),
    "output_config": (("format", "structured_outputs"), ("effort", "effort"), ("task_budget", UNLISTED)),
    "output_format": "structured_outputs",  # the beta's earlier spelling of output_config.format
    "effort": "effort",  # as the page names it
    "context_management": (("edits", "@edits"),),
    "container": (("=*", "code_execution"), ("id", "code_execution"), ("skills", "agent_skills")),
    "mcp_servers": "mcp_connector",
    "betas": "@betas",  # the beta SDK's list, sent as anthropic-beta headers
    "compaction": UNLISTED,
    "thread": UNLISTED,
    "diagnostics": "cache_diagnostics",
    "fallbacks": UNLISTED,
    "fallback_credit_token": UNLISTED,
    "billing_policy": UNLISTED,
    "user_profile_id": UNLISTED,
    "workspace_id": UNLISTED,
}

# A message's `role`: a system message in the middle of the conversation is a row of its own.
ROLES: dict[str, str] = {"user": NEUTRAL, "assistant": NEUTRAL, "system": "mid_conversation_system_messages"}

# Tool `type` without its `_YYYYMMDD` suffix. A tool without a type, or `custom`, is your own.
TOOLS: dict[str, str] = {
    "custom": NEUTRAL,
    "web_search": "web_search",
    "web_fetch": "web_fetch",
    "advisor": "advisor_tool",
    "memory": "memory_tool",
    "bash": "bash_tool",
    "text_editor": "text_editor_tool",
    "computer": "computer_use",
    "code_execution": "code_execution",
    "tool_search_tool_regex": "tool_search",
    "tool_search_tool_bm25": "tool_search",
    "mcp_toolset": "mcp_connector",
    "computer_toolset": "computer_use",
    "browser_toolset": "browser_use",
    "browser": "browser_use",
}

BLOCKS: dict[str, str] = {
    "text": NEUTRAL,
    "image": NEUTRAL,
    "document": NEUTRAL,  # what it holds is judged by its source
    "tool_use": NEUTRAL,
    "tool_result": NEUTRAL,
    "thinking": NEUTRAL,  # earlier output passed back; the `thinking` parameter is the use
    "redacted_thinking": NEUTRAL,
    "server_tool_use": NEUTRAL,  # the call; its result block names the tool
    "search_result": "search_results",
    "web_search_tool_result": "web_search",
    "web_search_result": "web_search",
    "web_search_tool_result_error": "web_search",
    "web_fetch_tool_result": "web_fetch",
    "web_fetch_result": "web_fetch",
    "web_fetch_tool_result_error": "web_fetch",
    "code_execution_tool_result": "code_execution",
    "code_execution_result": "code_execution",
    "code_execution_output": "code_execution",
    "encrypted_code_execution_result": "code_execution",
    "bash_code_execution_tool_result": "code_execution",
    "bash_code_execution_result": "code_execution",
    "bash_code_execution_output": "code_execution",
    "code_execution_tool_result_error": "code_execution",
    "bash_code_execution_tool_result_error": "code_execution",
    "text_editor_code_execution_tool_result": "code_execution",
    "text_editor_code_execution_tool_result_error": "code_execution",
    "text_editor_code_execution_view_result": "code_execution",
    "text_editor_code_execution_create_result": "code_execution",
    "text_editor_code_execution_str_replace_result": "code_execution",
    "container_upload": "code_execution",
    "tool_search_tool_result": "tool_search",
    "tool_search_tool_search_result": "tool_search",
    "tool_search_tool_result_error": "tool_search",
    "tool_reference": "tool_search",
    "mcp_tool_use": "mcp_connector",
    "mcp_tool_result": "mcp_connector",
    "mcp_tool_listing": "mcp_connector",
    "advisor_tool_result": "advisor_tool",
    "advisor_result": "advisor_tool",
    "advisor_redacted_result": "advisor_tool",
    "advisor_tool_result_error": "advisor_tool",
    "compaction": "context_management_compaction",
    "browser_state": UNLISTED,
    "fallback": UNLISTED,
    "tool_addition": UNLISTED,
    "tool_removal": UNLISTED,
}

# `block/source type`: base64 and URL documents are PDFs; a `file` source reads the Files API.
SOURCES: dict[str, str] = {
    "document/base64": "pdf_support",
    "document/url": "pdf_support",
    "document/file": "files_api",
    "document/text": NEUTRAL,
    "document/content": NEUTRAL,
    "image/base64": NEUTRAL,
    "image/url": NEUTRAL,
    "image/file": "files_api",
}

EDITS: dict[str, str] = {
    "clear_tool_uses": "context_editing",
    "clear_thinking": "context_editing",
    "compact": "context_management_compaction",
}

# Fields on content blocks, system blocks and tool definitions; other fields are content.
FIELDS: dict[str, Rule] = {
    "cache_control": "prompt_caching",
    "citations": (("enabled", "citations"), ("*", "citations")),
    "strict": "structured_outputs",
    "eager_input_streaming": "fine_grained_tool_streaming",
    "defer_loading": "tool_search",
    "allowed_callers": (("=direct", NEUTRAL), ("=*", "programmatic_tool_calling")),
    "file_id": "files_api",
}

BETAS: dict[str, str] = {
    "message-batches-2024-09-24": "batch_processing",
    "prompt-caching-2024-07-31": "prompt_caching",
    "extended-cache-ttl-2025-04-11": "prompt_caching",
    "pdfs-2024-09-25": "pdf_support",
    "token-counting-2024-11-01": "token_counting",
    "files-api-2025-04-14": "files_api",
    "skills-2025-10-02": "agent_skills",
    "computer-use-2024-10-22": "computer_use",
    "computer-use-2025-01-24": "computer_use",
    "computer-use-2025-11-24": "computer_use",
    "code-execution-2025-05-22": "code_execution",
    "code-execution-2025-08-25": "code_execution",
    "mcp-client-2025-04-04": "mcp_connector",
    "mcp-client-2025-11-20": "mcp_connector",
    "mcp-client-2026-09-15": "mcp_connector",
    "context-1m-2025-08-07": "1m_token_context_window",
    "context-management-2025-06-27": "context_editing",
    "compact-2026-01-12": "context_management_compaction",
    "compact-2026-09-04": "context_management_compaction",
    "structured-outputs-2025-11-13": "structured_outputs",
    "fast-mode-2026-02-01": "fast_mode",
    "advisor-tool-2026-03-01": "advisor_tool",
    "interleaved-thinking-2025-05-14": THINKING,
    "dev-full-thinking-2025-05-14": THINKING,
    "fine-grained-tool-streaming-2025-05-14": "fine_grained_tool_streaming",
    "token-efficient-tools-2025-02-19": NEUTRAL,
    "output-128k-2025-02-19": NEUTRAL,
    "output-300k-2026-03-24": NEUTRAL,
    "model-context-window-exceeded-2025-08-26": NEUTRAL,
    "managed-agents-2026-04-01": "claude_managed_agents",
    "mcp-tunnels-2026-06-22": "mcp_tunnels",
    "cache-diagnosis-2026-04-07": "cache_diagnostics",
}
_UNLISTED_BETAS = (
    "user-profiles-2026-03-24", "user-profiles-2026-08-18", "user-profiles-2026-09-04",
    "user-profiles-billing-2026-10-01", "dreaming-2026-04-21",
    "thinking-token-count-2026-05-13", "server-side-fallback-2026-06-01", "server-side-fallback-2026-07-01",
    "fallback-credit-2026-06-01", "fallback-credit-2026-07-01", "agent-memory-2026-07-22",
    "mid-conversation-tool-changes-2026-07-01", "task-budgets-2026-03-13",
    "thinking-display-updates-2026-08-18", "mid-conversation-output-config-2026-07-01",
    "thinking-binding-controls-2026-08-01", "mid-conversation-system-clear-at-2026-08-21",
    "inline-tools-2026-09-15", "ce-plugins-2026-09-01", "spend-limit-reads-2026-09-26",
    "telemetry-destinations-2026-08-11", "webhooks-2026-10-07", "admin-user-sign-out-2026-10-08",
    "message-threads-2026-08-12", "analytics-usage-cost-2026-08-24", "experimental-claude-tag-2026-10-21",
    "ce-user-management-2026-07-13",
)
BETAS.update(dict.fromkeys(_UNLISTED_BETAS, UNLISTED))  # betas of products and controls no row is about

SURFACE: dict[str, Mapping[str, Rule]] = {
    "endpoint": ENDPOINTS,
    "parameter": PARAMS,
    "role": ROLES,
    "tool": TOOLS,
    "block": BLOCKS,
    "source": SOURCES,
    "edit": EDITS,
    "field": FIELDS,
    "beta": BETAS,
}
"""The whole table by kind of part; the constants module carries it as literals."""


def feature_ids() -> list[tuple[str, str, str]]:
    """Every (kind, part, class) whose class names feature ids (`a|b`: any one of them will do)."""
    found = []
    for kind, table in SURFACE.items():
        for part, rule in table.items():
            classes = [rule] if isinstance(rule, str) else [cls for _, cls in rule]
            found += [(kind, part, cls) for cls in classes if cls not in (NEUTRAL, UNLISTED) and cls[0] != "@"]
    return found
