"""The semantic diff: each kind of change and its severity, keyed by ids, and `retention diff`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonpatch
import pytest

from schema.diff import Change, diff, highest
from schema.models import Dataset
from scraper import dataset_io, frontends
from scraper.render.escape import md as escape
from scraper.render.reports import render
from scraper.render.wording import message
from tests.conftest import BUNDLED, CliRun, compile_text
from tests.diff_pages import april, edit, edit_feature, feature, march, may, may_text


def kinds(changes: list[Change]) -> set[tuple[str, str | None, str | None, str]]:
    return {(c.kind, c.feature, c.arrangement, c.severity) for c in changes}


def test_a_page_against_itself_is_no_change() -> None:
    assert diff(april(), april()) == []
    assert highest([]) is None


def test_rows_reordered_and_moved_lines_are_no_change() -> None:
    shuffled = compile_text(may_text(reverse=True, cut=(3, 2)))
    assert [f.id for f in shuffled.features] != [f.id for f in may().features]
    assert shuffled.features[0].span != feature(may(), shuffled.features[0].id).span
    assert diff(may(), shuffled) == []


def test_march_to_april_the_real_story() -> None:
    changes = diff(march(), april())
    assert ("arrangement_added", None, "hipaa", "minor") in kinds(changes)
    assert ("feature_added", "advisor_tool", None, "minor") in kinds(changes)
    assert {c.kind for c in changes} >= {"footnote_reworded", "footnote_added", "details_changed"}
    assert highest(changes) == "minor"
    added = next(c for c in changes if c.kind == "feature_added")
    said = message(added, march(), april())
    assert "Advisor tool" in said and "ZDR yes" in said
    hipaa = next(c for c in changes if c.kind == "arrangement_added")
    said = message(hipaa, march(), april())
    assert "HIPAA" in said and "Batch processing" in said


def test_reverse_of_an_addition_is_major() -> None:
    changes = diff(april(), march())
    assert ("arrangement_removed", None, "hipaa", "major") in kinds(changes)
    assert ("feature_removed", "advisor_tool", None, "major") in kinds(changes)
    assert highest(changes) == "major"


def test_tool_search_widened_in_may_and_narrowed_backwards() -> None:
    forward = diff(april(), may())
    assert ("eligibility_widened", "tool_search", "zdr", "minor") in kinds(forward)
    change = next(c for c in forward if c.kind == "eligibility_widened")
    assert (change.old, change.new) == ("qualified", "yes")
    assert "Tool search" in message(change, april(), may())
    back = diff(may(), april())
    assert ("eligibility_narrowed", "tool_search", "zdr", "major") in kinds(back)


@pytest.mark.parametrize(
    ("old", "new", "severity"),
    [
        ("yes", "qualified", "major"),
        ("yes", "no", "major"),
        ("qualified", "no", "major"),
        ("no", "yes", "minor"),
        ("no", "qualified", "minor"),
    ],
)
def test_eligibility_direction(old: str, new: str, severity: str) -> None:
    def with_status(status: str) -> Dataset:
        elig = dict(feature(april(), "citations").eligibility)
        elig["hipaa"] = elig["hipaa"].model_copy(update={"status": status})
        return edit_feature(april(), "citations", eligibility=elig)

    (change,) = diff(with_status(old), with_status(new))
    assert (change.feature, change.arrangement, change.severity) == ("citations", "hipaa", severity)


def test_rename_keeps_the_feature() -> None:
    renamed = edit_feature(april(), "effort", id="effort_parameter", name="Effort parameter")
    changes = diff(april(), renamed)
    assert kinds(changes) == {("feature_renamed", "effort_parameter", None, "patch")}
    assert "Effort → Effort parameter" in message(changes[0], april(), renamed)


def test_rename_with_other_changes_reports_them_too() -> None:
    elig = dict(feature(april(), "effort").eligibility)
    elig["zdr"] = elig["zdr"].model_copy(update={"status": "no"})
    renamed = edit_feature(april(), "effort", id="effort_level", name="Effort level", eligibility=elig)
    assert kinds(diff(april(), renamed)) == {
        ("feature_renamed", "effort_level", None, "patch"),
        ("eligibility_narrowed", "effort_level", "zdr", "major"),
    }


def test_an_unrelated_row_in_place_of_another_is_not_a_rename() -> None:
    """Citations and the new row share only a bare /v1/messages (as a dozen rows do) and no doc
    link: a removal and an addition, not a patch."""
    replaced = edit_feature(april(), "citations", id="quantum_widgets", name="Quantum widgets")
    assert kinds(diff(april(), replaced)) == {
        ("feature_added", "quantum_widgets", None, "minor"),
        ("feature_removed", "citations", None, "major"),
    }


def test_several_renames_at_once_pair_by_likeness() -> None:
    both = edit_feature(april(), "citations", id="source_citations", name="Source citations")
    both = edit_feature(both, "prompt_caching", id="prompt_cache", name="Prompt cache")
    renamed = {(c.old, c.new) for c in diff(april(), both) if c.kind == "feature_renamed"}
    assert renamed == {("Citations", "Source citations"), ("Prompt caching", "Prompt cache")}


def test_endpoints_and_requirements() -> None:
    base = feature(april(), "agent_skills")
    skills, messages = base.endpoints[1], base.endpoints[0]
    dropped = edit_feature(april(), "agent_skills", endpoints=[messages])
    assert kinds(diff(april(), dropped)) == {("endpoint_removed", "agent_skills", None, "major")}
    assert kinds(diff(dropped, april())) == {("endpoint_added", "agent_skills", None, "minor")}
    req = messages.requires.model_copy(update={"name": "skills_v2"}) if messages.requires else None
    changed = edit_feature(april(), "agent_skills", endpoints=[messages.model_copy(update={"requires": req}), skills])
    (change,) = diff(april(), changed)
    assert (change.kind, change.severity) == ("requirement_changed", "minor")
    assert "skills_v2" in message(change, april(), changed)


def test_details_and_retention() -> None:
    batch = feature(april(), "batch_processing")
    assert batch.retention is not None
    longer = batch.retention.model_copy(update={"duration": "P30D", "phrase": "30-day retention"})
    changed = edit_feature(april(), "batch_processing", details="30-day retention.", retention=longer)
    assert kinds(diff(april(), changed)) == {
        ("details_changed", "batch_processing", None, "patch"),
        ("retention_changed", "batch_processing", None, "minor"),
    }


def test_a_doc_link_gone_or_come_is_a_change_never_unchanged() -> None:
    linked = edit_feature(april(), "batch_processing", doc_url="/docs/en/build-with-claude/batch-processing")
    gone, came = diff(linked, april()), diff(april(), linked)
    assert kinds(gone) == kinds(came) == {("doc_url_changed", "batch_processing", None, "patch")}
    assert message(gone[0], linked, april()) == "Batch processing: doc link gone"
    assert message(came[0], april(), linked) == "Batch processing: doc link added"


def test_footnotes_added_removed_reworded_renumbered_and_cells() -> None:
    notes = april().footnotes
    reworded = edit(
        april(),
        footnotes=[
            notes[0].model_copy(update={"text": "Dynamic filtering is never eligible."}).model_dump(),
            *[n.model_dump() for n in notes[1:]],
        ],
    )
    assert kinds(diff(april(), reworded)) == {("footnote_reworded", None, None, "patch")}
    assert {c.kind for c in diff(march(), april()) if c.footnote == 3} == {"footnote_added"}
    assert {c.kind for c in diff(april(), march()) if c.footnote == 3} == {"footnote_removed"}


def test_footnote_newly_cited() -> None:
    elig = dict(feature(april(), "citations").eligibility)
    elig["zdr"] = elig["zdr"].model_copy(update={"footnotes": [2]})
    cited = edit_feature(april(), "citations", eligibility=elig)
    notes = [n.model_dump() for n in cited.footnotes]
    notes[1]["applies_to"] = [*notes[1]["applies_to"], ["citations", "zdr"]]
    cited = edit(cited, footnotes=notes)
    (change,) = diff(april(), cited)
    assert (change.kind, change.footnote, change.severity) == ("footnote_cells_changed", 2, "minor")
    assert "now cited by Citations (ZDR)" in message(change, april(), cited)


def test_footnote_renumbered_is_wording() -> None:
    notes = [n.model_dump() for n in april().footnotes]
    notes[0]["number"], notes[1]["number"] = notes[1]["number"], notes[0]["number"]
    features = []
    for f in april().model_dump()["features"]:
        for e in f["eligibility"].values():
            e["footnotes"] = sorted({1: 2, 2: 1}.get(n, n) for n in e["footnotes"])
        features.append(f)
    swapped = edit(april(), footnotes=notes, features=features)
    assert kinds(diff(april(), swapped)) == {("footnote_renumbered", None, None, "patch")}


def test_scope_and_arrangement_wording() -> None:
    zdr, hipaa = april().arrangements
    fewer = edit(
        april(), arrangements=[zdr.model_copy(update={"covers": zdr.covers[:1]}).model_dump(), hipaa.model_dump()]
    )
    assert kinds(diff(april(), fewer)) == {("scope_removed", None, "zdr", "major")}
    assert kinds(diff(fewer, april())) == {("scope_added", None, "zdr", "minor")}
    renamed = edit(
        april(), arrangements=[zdr.model_dump(), hipaa.model_copy(update={"name": "HIPAA-ready access"}).model_dump()]
    )
    assert kinds(diff(april(), renamed)) == {("arrangement_renamed", None, "hipaa", "patch")}
    unnamed = edit(april(), arrangements=[zdr.model_dump(), hipaa.model_copy(update={"name": "HIPAA"}).model_dump()])
    (change,) = diff(april(), unnamed)
    assert (change.kind, change.field, change.severity) == ("page_field_emptied", "arrangements.hipaa.name", "major")


def test_page_sections() -> None:
    page = april().page.model_dump()
    page["sections"] = [s for s in page["sections"] if s["id"] != "cors_not_supported_for_zdr"]
    page["sections"][1]["blocks"][0]["text"] = "Anthropic keeps nothing."
    changed = edit(april(), page=page)
    assert {(c.kind, c.field, c.severity) for c in diff(april(), changed)} == {
        ("section_removed", "page.sections.cors_not_supported_for_zdr", "patch"),
        ("section_changed", "page.sections.anthropic_s_approach_to_data_retention", "patch"),
    }
    page = april().page.model_dump()
    page["policy_violation_retention"]["duration"] = "P3Y"
    page["phi_locations"] = ["somewhere"]
    changed = edit(april(), page=page)
    assert {(c.kind, c.field, c.severity) for c in diff(april(), changed)} == {
        ("retention_changed", "page.policy_violation_retention", "minor"),
        ("page_changed", "page.phi_locations", "patch"),
    }


def test_reports() -> None:
    changes = diff(april(), march())
    text = render("text", changes, april(), march())
    assert "highest: major" in text and "MAJOR  Feature removed: Advisor tool" in text
    md = render("markdown", changes, april(), march())
    assert "### Major" in md and "### Minor" in md and "### Patch" in md
    records = json.loads(render("json", changes, april(), march()))
    assert {"kind", "feature", "arrangement", "old", "new", "severity", "message"} <= set(records[0])
    ops = json.loads(render("patch", changes, april(), march()))
    assert jsonpatch.apply_patch(april().model_dump(mode="json"), ops) == march().model_dump(mode="json")
    assert escape("<b>@team *x*</b>") == "\\<b\\>&#64;team \\*x\\*\\</b\\>"


def test_cli_diff_exit_codes_and_inputs(cli: CliRun, tmp_path: Path) -> None:
    march_page = tmp_path / "march.txt"
    march_page.write_text(dataset_io.dumps(march()), encoding="utf-8")
    assert cli("diff", str(BUNDLED), str(BUNDLED)).code == 0
    run = cli("diff", str(march_page), str(BUNDLED))
    assert run.code == 1 and "Feature added: Advisor tool" in run.out and "HIPAA" in run.out
    back = cli("diff", str(BUNDLED), str(march_page), "--format", "json")
    assert back.code == 1 and "major" in {r["severity"] for r in json.loads(back.out)}
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0.0"}', encoding="utf-8")
    run = cli("diff", str(bad), str(BUNDLED))
    assert run.code == 2 and "bad.json" in run.err and "Traceback" not in run.err
    assert cli("diff", str(tmp_path / "missing.txt"), str(BUNDLED)).code == 2


needs_markdown = pytest.mark.skipif(
    "markdown" not in frontends.PARSERS,
    reason="the Markdown front end has not landed",
)


@needs_markdown
def test_real_markdown_copies_march_to_may(cli: CliRun) -> None:
    from tests.conftest import MD_MAY, MDX_MARCH

    run = cli("diff", str(MDX_MARCH), str(MD_MAY), "--format", "json")
    assert run.code == 1
    found = {(r["kind"], r["feature"], r["arrangement"]) for r in json.loads(run.out)}
    assert ("arrangement_added", None, "hipaa") in found
    assert ("feature_added", "advisor_tool", None) in found
    assert ("eligibility_widened", "tool_search", "zdr") in found
    back = cli("diff", str(MD_MAY), str(MDX_MARCH))
    assert back.code == 1 and "highest: major" in back.out
    assert cli("diff", str(MD_MAY), str(MD_MAY)).code == 0


def test_published_history_tells_the_real_story() -> None:
    """dist/ holds every copy of sources/manifest.json in order, March first, September last."""
    repo = Path(__file__).resolve().parent.parent
    dist = repo / "dist"
    manifest = json.loads((dist / "history" / "manifest.json").read_text(encoding="utf-8"))
    ordered = sorted(manifest, key=lambda v: tuple(int(x) for x in v.split(".")))
    copies = json.loads((repo / "sources" / "manifest.json").read_text(encoding="utf-8"))["copies"]
    assert [manifest[v]["file"] for v in ordered] == [c["file"] for c in copies]
    assert [manifest[v]["date"] for v in ordered] == [c["date"] for c in copies]
    log = (dist / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Arrangement added: HIPAA readiness" in log and "Feature added: Advisor tool" in log
    assert dataset_io.load_dataset(dist / "retention.json").source.date == "2026-09-26"


def _april_text(old: str, new: str) -> Dataset:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    return compile_text(text.replace(old, new, 1))


@pytest.mark.parametrize("name", ["Messages-API", "messages API", "Messages  API", "Messages API."])
def test_a_rename_that_keeps_the_slug_is_reported(name: str) -> None:
    renamed = _april_text("Messages API/v1/messagesYesYes", f"{name}/v1/messagesYesYes")
    assert feature(renamed, "messages_api").name == name
    (change,) = diff(april(), renamed)
    assert (change.kind, change.feature, change.severity) == ("feature_renamed", "messages_api", "patch")
    assert f"Messages API → {name}" in message(change, april(), renamed)


def test_an_endpoint_added_to_a_path_already_listed_is_an_addition() -> None:
    row = 'Fast mode/v1/messages (with speed: "fast")'
    more = _april_text(row, row + " / /v1/messages (with fast_mode_beta header)")
    (change,) = diff(april(), more)
    assert (change.kind, change.feature, change.severity) == ("endpoint_added", "fast_mode", "minor")
    assert message(change, april(), more) == "Fast mode: endpoint added: /v1/messages (with fast_mode_beta header)"
    (back,) = diff(more, april())
    assert (back.kind, back.severity) == ("endpoint_removed", "major")


def test_endpoints_of_one_path_only_reordered_are_no_change() -> None:
    row = 'Fast mode/v1/messages (with speed: "fast")'
    more = _april_text(row, row + " / /v1/messages (with fast_mode_beta header)")
    swapped = edit_feature(more, "fast_mode", endpoints=feature(more, "fast_mode").endpoints[::-1])
    assert feature(swapped, "fast_mode").endpoints != feature(more, "fast_mode").endpoints
    assert diff(more, swapped) == []


@needs_markdown
def test_a_dataset_is_read_as_one_whatever_input_format_says(cli: CliRun, tmp_path: Path) -> None:
    from tests.conftest import MD_MAY

    published = tmp_path / "retention.json"
    assert cli("compile", str(MD_MAY), "--output", str(published)).code == 0
    run = cli("diff", str(published), str(MD_MAY), "--input-format", "markdown")
    assert run.code == 0, run.err
