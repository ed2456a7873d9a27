"""Ids consumers pin survive renames, reordering and renumbering, built over a published dist/.

Each case publishes a real copy of the page (the May Markdown copy, or the April dump) with
`retention build`, then an edited copy over it, and reads what consumers read: the JSON, the
CHANGELOG and the generated constants module imported from the temporary dist/.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import BUNDLED, MD_MAY, CliRun
from tests.md_variants import reorder, replace

Edit = Callable[[str], str]
MAY = MD_MAY.read_text(encoding="utf-8")


def published(cli: CliRun, tmp_path: Path, *pages: str, suffix: str = ".md") -> Path:
    """A dist/ with each page published in turn (every build must succeed)."""
    tmp_path.mkdir(exist_ok=True)
    dist = tmp_path / "dist"
    for i, text in enumerate(pages):
        page = tmp_path / f"page{i}{suffix}"
        page.write_text(text, encoding="utf-8")
        first = ("--accept",) if i == 0 else ()  # a first build of a dump that lost its FAQ
        run = cli("build", str(page), "--dist", str(dist), *first)
        assert run.code == 0, run.err
    return dist


def data(dist: Path) -> dict[str, Any]:
    value: dict[str, Any] = json.loads((dist / "retention.json").read_text(encoding="utf-8"))
    return value


def features(dist: Path) -> dict[str, dict[str, Any]]:
    return {f["id"]: f for f in data(dist)["features"]}


def constants(dist: Path) -> ModuleType:
    """The generated module, imported from `dist` under a name of its own."""
    name = f"retention_constants_{abs(hash(dist))}"
    spec = importlib.util.spec_from_file_location(name, dist / "retention_constants.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def changelog(dist: Path) -> str:
    """dist/CHANGELOG.md as a reader sees it (Markdown escapes of `_` undone)."""
    return (dist / "CHANGELOG.md").read_text(encoding="utf-8").replace("\\_", "_")


def changes(cli: CliRun, dist: Path, old: str, new: str) -> list[dict[str, Any]]:
    history = dist / "history"
    run = cli("diff", str(history / f"{old}.json"), str(history / f"{new}.json"), "--format", "json")
    assert run.code == 1, run.err
    found: list[dict[str, Any]] = json.loads(run.out)
    return found


def edits(*steps: Edit) -> str:
    text = MAY
    for step in steps:
        text = step(text)
    return text


def rename(old: str, new: str) -> Edit:
    """Rename the table row `old` (its link text only: the doc link stays)."""
    return replace(f"| [{old}](", f"| [{new}](")


RENAMES = [("Web search", "Web search tool"), ("Citations", "Source citations"), ("Prompt caching", "Prompt cache")]


def test_several_rows_renamed_at_once_and_reordered_keep_their_ids(cli: CliRun, tmp_path: Path) -> None:
    before = published(cli, tmp_path, MAY)
    ids = list(features(before))
    dist = published(cli, tmp_path, MAY, edits(*(rename(a, b) for a, b in RENAMES), reorder))
    after = features(dist)
    assert sorted(after) == sorted(ids) and list(after) == ids[::-1]
    assert data(dist)["dataset_version"] == "1.0.1"
    for (old, new), fid in zip(RENAMES, ["web_search", "citations", "prompt_caching"], strict=True):
        assert (after[fid]["name"], after[fid]["former_names"]) == (new, [old])
    assert "former_names" not in after["web_fetch"]
    log = changelog(dist)
    assert "Feature renamed: Web search → Web search tool (id web_search kept)" in log
    module = constants(dist)
    assert module.status("web_search", "zdr") == "yes"
    assert module.current_id("web_search_tool") == "web_search"
    assert module.FEATURES["web_search"].name == "Web search tool"
    assert "web_search" in module.ALLOWED["zdr"]
    with pytest.raises(KeyError, match="unknown feature id 'web_sarch'"):
        module.status("web_sarch", "zdr")


def test_a_rename_and_a_status_change_in_one_version(cli: CliRun, tmp_path: Path) -> None:
    row = next(line for line in MAY.splitlines() if line.startswith("| [Effort]("))
    narrowed = row.replace("<Eligible>Yes</Eligible>", '<Eligible status="no">No</Eligible>', 1)
    dist = published(cli, tmp_path, MAY, edits(replace(row, narrowed), rename("Effort", "Effort level")))
    assert data(dist)["dataset_version"] == "2.0.0"
    effort = features(dist)["effort"]
    assert (effort["name"], effort["former_names"], effort["eligibility"]["zdr"]["status"]) == (
        "Effort level",
        ["Effort"],
        "no",
    )
    found = {(c["kind"], c["feature"], c["severity"]) for c in changes(cli, dist, "1.0.0", "2.0.0")}
    assert found == {("feature_renamed", "effort", "patch"), ("eligibility_narrowed", "effort", "major")}
    module = constants(dist)
    assert module.status("effort", "zdr") == "no" and module.status("effort_level", "zdr") == "no"


def test_a_case_or_punctuation_rename_is_reported(cli: CliRun, tmp_path: Path) -> None:
    dist = published(cli, tmp_path, MAY, edits(rename("Messages API", "Messages-API")))
    (change,) = changes(cli, dist, "1.0.0", "1.0.1")
    assert (change["kind"], change["feature"], change["old"], change["new"]) == (
        "feature_renamed",
        "messages_api",
        "Messages API",
        "Messages-API",
    )
    assert "Messages API → Messages-API (id messages_api kept)" in changelog(dist)


HIPAA_RENAMED = [
    replace("| HIPAA eligible |", "| HIPAA-ready eligible |"),
    replace("### HIPAA readiness scope", "### HIPAA-ready access scope"),
    replace("**What HIPAA readiness covers**", "**What HIPAA-ready access covers**"),
    replace("**What HIPAA readiness does NOT cover**", "**What HIPAA-ready access does NOT cover**"),
]


def test_an_arrangement_renamed_keeps_its_id(cli: CliRun, tmp_path: Path) -> None:
    dist = published(cli, tmp_path, MAY, edits(*HIPAA_RENAMED))
    assert data(dist)["dataset_version"] == "1.0.1"
    hipaa = next(a for a in data(dist)["arrangements"] if a["id"] == "hipaa")
    assert (hipaa["name"], hipaa["former_names"]) == ("HIPAA-ready access", ["HIPAA readiness"])
    assert (hipaa["column"], hipaa["former_columns"]) == ("HIPAA-ready eligible", ["HIPAA eligible"])
    assert all(set(f["eligibility"]) == {"zdr", "hipaa"} for f in features(dist).values())
    kinds = {(c["kind"], c["arrangement"]) for c in changes(cli, dist, "1.0.0", "1.0.1") if c["arrangement"]}
    assert kinds == {("arrangement_renamed", "hipaa")}
    module = constants(dist)
    assert module.status("web_fetch", "hipaa") == "no" and module.status("web_fetch", "hipaa_ready") == "no"
    assert module.FORMER_ARRANGEMENT_IDS["hipaa_ready"] == "hipaa"
    assert "web_search" in module.ALLOWED["hipaa"]


def test_an_arrangement_renamed_while_a_status_changes_keeps_its_id(cli: CliRun, tmp_path: Path) -> None:
    row = next(line for line in MAY.splitlines() if line.startswith("| [Web fetch]("))
    widened = row.replace('<Eligible status="no">No</Eligible>', "<Eligible>Yes</Eligible>")
    dist = published(cli, tmp_path, MAY, edits(*HIPAA_RENAMED, replace(row, widened)))
    assert data(dist)["dataset_version"] == "1.1.0"
    found = {(c["kind"], c["feature"], c["arrangement"]) for c in changes(cli, dist, "1.0.0", "1.1.0")}
    assert {("arrangement_renamed", None, "hipaa"), ("eligibility_widened", "web_fetch", "hipaa")} <= found
    assert constants(dist).status("web_fetch", "hipaa") == "yes"


def _swap_notes(text: str) -> str:
    """Footnotes 1 and 2 swap numbers: every mark, and the two footnote lines in number order."""
    swapped = re.sub(r"<sup>([12])</sup>", lambda m: f"<sup>{3 - int(m.group(1))}</sup>", text)
    lines = swapped.splitlines()
    one = next(i for i, line in enumerate(lines) if line.startswith("<sup>2</sup> [Dynamic"))
    two = next(i for i, line in enumerate(lines) if line.startswith("<sup>1</sup> While"))
    lines[one], lines[two] = lines[two], lines[one]
    return "\n".join(lines) + "\n"


def test_a_footnote_renumbered_keeps_its_identity(cli: CliRun, tmp_path: Path) -> None:
    dist = published(cli, tmp_path, MAY, _swap_notes(MAY))
    assert data(dist)["dataset_version"] == "1.0.1"
    notes = {n["text"][:17]: n for n in data(dist)["footnotes"]}
    assert (notes["Dynamic filtering"]["number"], notes["Dynamic filtering"]["former_numbers"]) == (2, [1])
    assert {c["kind"] for c in changes(cli, dist, "1.0.0", "1.0.1")} == {"footnote_renumbered"}
    module = constants(dist)
    assert module.FEATURES["web_search"].eligibility["zdr"].footnotes == (2,)
    assert module.FOOTNOTES[2].text.startswith("Dynamic filtering")


def test_a_dump_row_renamed_keeps_its_id_without_doc_links(cli: CliRun, tmp_path: Path) -> None:
    april = BUNDLED.read_text(encoding="utf-8")
    renamed = april.replace("    Citations/v1/messages", "    Source citations/v1/messages", 1)
    dist = published(cli, tmp_path, april, renamed, suffix=".txt")
    assert features(dist)["citations"]["former_names"] == ["Citations"]
    assert constants(dist).current_id("source_citations") == "citations"


def test_ids_renamed_before_ids_were_kept_still_answer(cli: CliRun, tmp_path: Path) -> None:
    """A dist/ whose last version (published by an older tool) renamed web_search to
    web_search_tool: the next build records web_search as a former id and it answers again."""
    renamed = edits(rename("Web search", "Web search tool"))
    dist = published(cli, tmp_path, MAY)
    fresh = published(cli, tmp_path / "fresh", renamed)
    legacy = json.loads((fresh / "retention.json").read_text(encoding="utf-8")) | {"dataset_version": "1.0.1"}
    (dist / "retention.json").write_text(json.dumps(legacy), encoding="utf-8")
    manifest = json.loads((dist / "history" / "manifest.json").read_text(encoding="utf-8"))
    older = {v: {k: x for k, x in e.items() if k != "history_sha256"} for v, e in manifest.items()}
    (dist / "history" / "manifest.json").write_text(json.dumps(older), encoding="utf-8")  # an older tool's
    narrowed = renamed.replace("| [Effort](", "| [Effort level](")
    published(cli, tmp_path, narrowed)
    assert features(dist)["web_search_tool"]["former_ids"] == ["web_search"]
    assert constants(dist).status("web_search", "hipaa") == "yes"


def test_compile_derives_ids_from_names_and_says_so(cli: CliRun, tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(edits(rename("Web search", "Web search tool")), encoding="utf-8")
    run = cli("compile", str(page))
    assert "web_search_tool" in {f["id"] for f in json.loads(run.out)["features"]}
    help_text = cli("compile", "--help").out
    assert "ids are derived here from the row names" in help_text and "no published history" in help_text


def test_a_new_row_gets_a_new_id_and_is_minor(cli: CliRun, tmp_path: Path) -> None:
    row = "| [Batch cancel](https://x.invalid/b) | `/v1/messages/batches/cancel` | Yes | Yes | Cancels. |"
    dist = published(cli, tmp_path, MAY, edits(replace("| [Files API](", row + "\n| [Files API](")))
    assert data(dist)["dataset_version"] == "1.1.0"
    assert "former_names" not in features(dist)["batch_cancel"]


def test_diff_of_a_page_against_a_dataset_reports_the_id_build_would_keep(cli: CliRun, tmp_path: Path) -> None:
    dist = published(cli, tmp_path, MAY)
    page = tmp_path / "renamed.md"
    page.write_text(edits(rename("Web search", "Web search tool")), encoding="utf-8")
    run = cli("diff", str(dist / "retention.json"), str(page), "--format", "json")
    assert run.code == 1
    assert [(c["kind"], c["feature"]) for c in json.loads(run.out)] == [("feature_renamed", "web_search")]


def test_the_scheduled_check_reports_a_rename_under_the_kept_id(cli: CliRun, tmp_path: Path) -> None:
    dist = published(cli, tmp_path, MAY)
    page = tmp_path / "renamed.md"
    page.write_text(edits(rename("Web search", "Web search tool")), encoding="utf-8")
    run = cli("check", str(page), "--dist", str(dist), "--format", "json")
    assert run.code == 1
    assert [(c["kind"], c["feature"], c["severity"]) for c in json.loads(run.out)] == [
        ("feature_renamed", "web_search", "patch")
    ]
