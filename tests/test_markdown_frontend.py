"""The Markdown/MDX front end: the corpus copies and later shapes of the page, checked field by
field against tests.md_table's independent reading; refusals located at file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import forms_compile as forms
from tests import md_table
from tests import md_variants as v
from tests.conftest import MD_MAY, MDX_MARCH, CliRun
from tests.test_text_frontend import assert_agrees

MAY = MD_MAY.read_text(encoding="utf-8")
MARCH = MDX_MARCH.read_text(encoding="utf-8")
AGENTS = [
    "[Managed agents](https://x/agents)",
    "`/v1/agents`, `/v1/sessions`, `/v1/environments`",
    '<Eligible status="no">No</Eligible>',
    '<Eligible status="no">No</Eligible>',
    "",
]
SHAPES = {
    "march": MARCH,
    "may": MAY,
    "reordered": v.reorder(MAY),
    "new row with three endpoints and no details": v.add_row(AGENTS, 5)(MAY),
    "empty details": v.map_rows(lambda c: [*c[:-1], ""] if c[0].startswith("[Effort") else c)(MAY),
    "no footnotes": v.without_footnotes(MAY),
    "fedramp column": v.extra_column("FedRAMP eligible")(MAY),
    "march fedramp column": v.extra_column("FedRAMP eligible")(MARCH),
    "new sections": v.new_sections(MAY),
}


def check(text: str) -> None:
    assert_agrees(forms.markdown(text), *md_table.read(text))


@pytest.mark.parametrize("name", SHAPES)
def test_agrees_with_the_independent_reading(name: str) -> None:
    check(SHAPES[name])


def test_march_copy_is_zdr_only() -> None:
    data = forms.markdown(MARCH)
    assert [a.id for a in data.arrangements] == ["zdr"]
    assert data.arrangements[0].name == "Zero data retention (ZDR)"
    assert len(data.features) == 29 and len(data.footnotes) == 2
    assert data.features[0].doc_url == "./developer-build-with-claude-working-with-messages.md"
    assert [q.question for q in data.page.faq][2] == 'What happens if I use a feature marked "No"?'


def test_may_copy_facts() -> None:
    data = forms.markdown(MAY)
    by_id = {f.id: f for f in data.features}
    assert data.source.url == "https://platform.claude.com/docs/en/build-with-claude/api-and-data-retention"
    assert data.page.description is not None and data.page.description.startswith("Learn about")
    compaction = by_id["context_management_compaction"]
    assert compaction.doc_url == "https://platform.claude.com/docs/en/build-with-claude/Context management (compaction)"
    assert by_id["web_fetch"].eligibility["zdr"].footnotes == [1, 2]
    assert by_id["structured_outputs"].eligibility["zdr"].status == "qualified"
    assert by_id["tool_search"].eligibility["zdr"].status == "yes"
    assert data.page.hipaa_steps[0].title == "Sign a Business Associate Agreement"
    assert data.page.schema_restrictions == [
        "Schema property names",
        "enum values",
        "const values",
        "pattern regular expressions",
    ]
    assert data.page.error_example is not None and data.page.error_example["type"] == "error"
    assert len(data.page.faq) == 13
    assert data.page.policy_violation_retention is not None
    assert data.page.policy_violation_retention.duration == "P2Y"


def test_spans_point_at_the_cells() -> None:
    data = forms.markdown(MAY)
    lines = MAY.splitlines()
    for feature in data.features:
        line = lines[feature.span.line - 1]
        assert line[feature.span.col - 1 :].startswith("[" + feature.name + "]")
    for note in data.footnotes:
        assert md_table.plain(lines[note.span.line - 1][note.span.col - 1 :]) == note.text


def test_ids_stay_when_rows_move() -> None:
    ids = {f.name: f.id for f in forms.markdown(MAY).features}
    moved = forms.markdown(v.reorder(MAY)).features
    assert [f.id for f in moved] == [ids[f.name] for f in moved] and moved[0].name == "MCP connector"


def test_new_row_and_new_column() -> None:
    data = forms.markdown(v.extra_column("FedRAMP eligible")(v.add_row(AGENTS, 5)(MAY)))
    agents = next(f for f in data.features if f.id == "managed_agents")
    assert [e.path for e in agents.endpoints] == ["/v1/agents", "/v1/sessions", "/v1/environments"]
    assert agents.details is None and agents.retention is None
    assert data.arrangements[-1].id == "fedramp" and set(agents.eligibility) == {"zdr", "hipaa", "fedramp"}


def test_new_sections_are_data() -> None:
    data = forms.markdown(v.new_sections(MAY))
    titles = [s.title for s in data.page.sections]
    assert "Regional processing" in titles and "Changes since last version" in titles
    regional = data.page.sections[titles.index("Regional processing")]
    assert regional.blocks[0].text == "Some features run in selected regions only; see regions."
    assert regional.blocks[1].items == ["First point", "Second point with code"]


@pytest.mark.parametrize(
    "edit",
    [
        v.pad,
        v.map_rows(lambda c: [c[0], c[1], *(x.replace("<sup>", " <sup>") for x in c[2:])]),
        v.map_rows(lambda c: [c[0], c[1], *(x.replace("<sup>", "").replace("</sup>", "") for x in c[2:-1]), c[-1]]),
        v.replace("<sup>1</sup> [Dynamic", "1 [Dynamic"),
        lambda t: v.replace("<Accordion title={'What", "<Accordion title='What")(v.replace("ZDR?'}>", "ZDR?'>")(t)),
        v.replace("## Frequently asked questions\n", "## Frequently asked questions\n\n<AccordionGroup>\n"),
        v.replace("| Feature | Endpoint |", "Feature | Endpoint |"),
        v.replace("<sup>1</sup> <sup>2</sup>", "<sup>1, 2</sup>"),
    ],
    ids=[
        "padded",
        "spaced sup",
        "flattened marks",
        "plain footnote",
        "quoted title",
        "accordion group",
        "no outer pipe",
        "one sup, two marks",
    ],
)
def test_other_spellings_give_the_same_dataset(edit: v.Edit) -> None:
    text = edit(MAY)
    if "<AccordionGroup>" in text:
        text = text.replace("## Related resources", "</AccordionGroup>\n\n## Related resources")
    assert forms.comparable(forms.markdown(text)) == forms.comparable(forms.markdown(MAY))


REFUSALS = [
    (
        "missing cell",
        v.replace("| `/v1/messages/count_tokens` | <Eligible>Yes</Eligible> |", "| `/v1/messages/count_tokens` |"),
        ":141:3:",
        "row has 4 cells",
    ),
    (
        "unknown status",
        v.replace(
            "| <Eligible>Yes</Eligible> | Source attribution", "| <Eligible>Maybe</Eligible> | Source attribution"
        ),
        ":151:126:",
        "unknown status 'Maybe'",
    ),
    (
        "mark without footnote",
        v.replace(
            "<Eligible>Yes</Eligible><sup>1</sup> <sup>2</sup>", "<Eligible>Yes</Eligible><sup>1</sup> <sup>4</sup>"
        ),
        ":143:123:",
        "footnote mark 4",
    ),
    (
        "flattened mark without footnote",
        v.replace("<Eligible>Yes</Eligible><sup>1</sup> <sup>2</sup>", "Yes1 7"),
        ":143:123:",
        "footnote mark 7",
    ),
    ("unclosed accordion", v.replace("</Accordion>\n", ""), ":205:1:", "never closed"),
    (
        "mark on a feature name",
        v.replace("[Web fetch](", "<sup>2</sup>[Web fetch]("),
        ":143:3:",
        "outside a status cell",
    ),
]


@pytest.mark.parametrize(("name", "edit", "where", "message"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refused_with_a_located_message(
    cli: CliRun, tmp_path: Path, name: str, edit: v.Edit, where: str, message: str
) -> None:
    page = tmp_path / "page.md"
    page.write_text(edit(MAY), encoding="utf-8")
    run = cli("compile", str(page))
    assert run.code == 2, run.err
    assert "Traceback" not in run.err and run.out == ""
    assert where in run.err and message in run.err, run.err


def test_opening_tags_over_several_lines() -> None:
    text = MAY.replace(
        '<Step title="Sign a Business Associate Agreement">', '<Step\n  title="Sign a Business Associate Agreement"\n>'
    )
    text = text.replace('<section title="How do I request ZDR?">', '<section\n  title="How do I request ZDR?">')
    data = forms.markdown(text)
    assert data.page.hipaa_steps == forms.markdown(MAY).page.hipaa_steps
    assert data.page.faq == forms.markdown(MAY).page.faq
