"""The text front end against the bundled copy and dumps generated from independent readings."""

from __future__ import annotations

import re

import pytest

from schema.models import Dataset
from tests import dumps, md_table
from tests.conftest import BUNDLED, MD_MAY, MDX_MARCH, compile_text

MAY = md_table.read(MD_MAY.read_text(encoding="utf-8"))
MARCH = md_table.read(MDX_MARCH.read_text(encoding="utf-8"))
# Tool search is the one row that changed between the bundled April copy and the May copy.
CHANGED_SINCE_APRIL = {"Tool search"}


def assert_agrees(data: Dataset, columns: list[str], rows: list[md_table.MdRow], notes: dict[int, str]) -> None:
    """Every field of every feature and footnote equals the independent reading."""
    arrangements = [c.removesuffix(" eligible").lower() for c in columns[2:-1]]
    assert [a.id for a in data.arrangements] == arrangements
    assert [f.name for f in data.features] == [r.name for r in rows]
    for feature, row in zip(data.features, rows, strict=True):
        assert [e.path for e in feature.endpoints] == re.findall(r"/v1/[a-z_/]+", row.endpoint), row.name
        for arrangement, expected in zip(arrangements, row.statuses, strict=True):
            got = feature.eligibility[arrangement]
            assert (got.status, got.footnotes) == (expected.status, list(expected.marks)), (row.name, arrangement)
        assert feature.details == (row.details or None), row.name
    assert {n.number: n.text for n in data.footnotes} == notes


def test_bundled_copy_agrees_with_the_may_markdown_except_what_changed() -> None:
    data = compile_text(BUNDLED.read_text(encoding="utf-8"))
    columns, rows, notes = MAY
    april = [r for r in rows if r.name not in CHANGED_SINCE_APRIL]
    kept = data.model_copy(update={"features": [f for f in data.features if f.name not in CHANGED_SINCE_APRIL]})
    assert_agrees(kept, columns, april, notes)
    tool_search = next(f for f in data.features if f.name == "Tool search")
    assert tool_search.eligibility["zdr"].status == "qualified"


def test_bundled_copy_facts() -> None:
    data = compile_text(BUNDLED.read_text(encoding="utf-8"))
    by_id = {f.id: f for f in data.features}
    assert len(data.features) == 30
    assert by_id["web_search"].span.line == 247  # the row the dump cuts
    assert by_id["web_fetch"].eligibility["zdr"].footnotes == [1, 2]
    assert by_id["1m_token_context_window"].endpoints[0].path == "/v1/messages"
    assert by_id["batch_processing"].details is not None
    assert by_id["batch_processing"].details.startswith("29-day retention")
    assert by_id["batch_processing"].retention is not None
    assert by_id["batch_processing"].retention.duration == "P29D"
    skills = by_id["agent_skills"].endpoints
    assert [(e.path, e.requires.name if e.requires else None) for e in skills] == [
        ("/v1/messages", "skills"),
        ("/v1/skills", None),
    ]
    fast = by_id["fast_mode"].endpoints[0].requires
    assert fast is not None and (fast.kind, fast.name, fast.value) == ("parameter", "speed", "fast")
    assert data.footnotes[0].applies_to == [("web_search", "zdr"), ("web_search", "hipaa"), ("web_fetch", "zdr")]
    assert data.page.faq == []  # the dump lost the FAQ answers and questions


WIDTH = len(MAY[0]) + 0


@pytest.mark.parametrize("row", range(len(MAY[1])))
def test_cut_anywhere_gives_the_same_table(row: int) -> None:
    columns, rows, notes = MAY
    for cells in range(len(columns) + 1):
        text = dumps.dump(columns, rows, notes, cut=(row, cells))
        assert_agrees(compile_text(text), columns, rows, notes)


def test_no_cut() -> None:
    columns, rows, notes = MAY
    assert_agrees(compile_text(dumps.dump(columns, rows, notes)), columns, rows, notes)


@pytest.mark.parametrize("cut", [None, (0, 0), (2, 2), (3, 3), (27, 1), (28, 4)])
def test_four_column_zdr_only_table(cut: tuple[int, int] | None) -> None:
    columns, rows, notes = MARCH
    assert columns[-1] == "Data retention details"
    data = compile_text(dumps.dump(columns, rows, notes, cut=cut))
    assert_agrees(data, columns, rows, notes)
    assert [a.id for a in data.arrangements] == ["zdr"]


def with_extra_column(name: str) -> tuple[list[str], list[md_table.MdRow]]:
    """May's table plus a column `name` whose status is the opposite of HIPAA's."""
    columns, rows, _ = MAY
    flip = {"Yes": "No", "No": "Yes", "Yes (qualified)": "No"}
    extra = [
        md_table.MdRow(r.name, r.endpoint, (*r.statuses, md_table.Status(flip[r.statuses[1].word], ())), r.details)
        for r in rows
    ]
    return [*columns[:-1], name, columns[-1]], extra


@pytest.mark.parametrize("cut", [None, (2, 4), (5, 5), (10, 0)])
def test_extra_column_is_a_new_arrangement(cut: tuple[int, int] | None) -> None:
    columns, rows = with_extra_column("FedRAMP eligible")
    data = compile_text(dumps.dump(columns, rows, MAY[2], cut=cut))
    assert_agrees(data, columns, rows, MAY[2])
    assert data.arrangements[-1].id == "fedramp"
    assert data.arrangements[-1].column == "FedRAMP eligible"


def test_unindented_tail() -> None:
    columns, rows, notes = MAY
    text = dumps.dump(columns, rows, notes, cut=(4, 2), tail_indent="")
    assert_agrees(compile_text(text), columns, rows, notes)


@pytest.mark.parametrize("sep", ["\t", " "])
@pytest.mark.parametrize("cut", [None, (2, 2), (7, 3)])
def test_cells_kept_apart_by_a_separator(sep: str, cut: tuple[int, int] | None) -> None:
    """Another crawler may keep a tab or a space between cells: the same table comes out."""
    columns, rows, notes = MAY
    assert_agrees(compile_text(dumps.dump(columns, rows, notes, cut=cut, sep=sep)), columns, rows, notes)
