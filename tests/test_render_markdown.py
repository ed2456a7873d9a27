"""dist/retention.md: lint-clean GFM whose table re-parses to the dataset's cells, whatever they hold."""

from __future__ import annotations

import html
import re
import string
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from schema import rules
from schema.models import Dataset
from scraper import dataset_io
from scraper.render import outputs, render
from scraper.render.escape import md
from scraper.render.markdown import LABELS
from tests.conftest import GOLDEN
from tests.test_render_python import PAYLOADS, bundled, hostile, zdr_only

REPO = Path(__file__).resolve().parent.parent
PAGE = "retention.md"
GFM = "markdown-tables,markdown-extended-autolinks,markdown-strikethrough,markdown-task-list-items"
WORDS = {label: status for status, label in LABELS.items()}


def split_row(line: str) -> list[str]:
    """A GFM table row's cells, as cmark-gfm splits them: `\\x` pairs never delimit; `\\|` -> `|`."""
    cells, cell, i = [], "", 0
    body = line.strip()[1:-1] if line.strip().endswith("|") and not line.strip().endswith("\\|") else line.strip()[1:]
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            cell += body[i : i + 2]
            i += 2
        elif body[i] == "|":
            cells.append(cell)
            cell, i = "", i + 1
        else:
            cell, i = cell + body[i], i + 1
    cells.append(cell)
    return [re.sub(r"\\\|", "|", c).strip() for c in cells]


def inline_text(cell: str) -> str:
    """What a reader sees of an inline cell: escapes resolved, code spans literal, `<br>` a newline."""
    out, i = [], 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell) and cell[i + 1] in string.punctuation:
            out.append(cell[i + 1])
            i += 2
        elif cell[i] == "`":
            run = re.match(r"`+", cell[i:])
            assert run
            end = cell.index(run.group(), i + len(run.group()))
            out.append(cell[i + len(run.group()) : end])
            i = end + len(run.group())
        elif entity := re.match(r"&(#[xX][0-9a-fA-F]+|#\d+|[A-Za-z]+);", cell[i:]):
            out.append(html.unescape(entity.group()))
            i += len(entity.group())
        elif cell.startswith("<br>", i):
            out.append("\n")
            i += 4
        else:
            out.append(cell[i])
            i += 1
    return "".join(out)


def table(text: str) -> tuple[list[str], list[list[str]]]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Feature | Endpoint |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(split_row(line))
    return split_row(lines[start]), rows


def status_cell(cell: str) -> tuple[str, list[int]]:
    match = re.fullmatch(r"(.+?)((?:\[\^\d+\])*)", cell)
    assert match, cell
    return WORDS[match.group(1)], [int(n) for n in re.findall(r"\d+", match.group(2))]


def assert_table_is_the_dataset(text: str, data: Dataset) -> None:
    header, rows = table(text)
    assert [inline_text(c) for c in header] == [
        "Feature",
        "Endpoint",
        *(a.column for a in data.arrangements),
        "Details",
    ]
    assert len(rows) == len(data.features)
    for row, feature in zip(rows, data.features, strict=True):
        assert len(row) == len(header), row
        assert inline_text(row[0]) == feature.name
        assert re.findall(r"`(/v1/[^`]*)`", row[1]) == [e.path for e in feature.endpoints]
        statuses = [status_cell(c) for c in row[2:-1]]
        assert statuses == [
            (feature.eligibility[a.id].status, feature.eligibility[a.id].footnotes) for a in data.arrangements
        ]
        assert inline_text(row[-1]) == (feature.details or "")


def footnotes(text: str) -> dict[int, str]:
    return {int(m.group(1)): inline_text(m.group(2)) for m in re.finditer(r"^\[\^(\d+)\]: (.*)$", text, re.M)}


def lint(tmp_path: Path, text: str, *options: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / PAGE
    path.write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "pymarkdown", "--enable-extensions", GFM, *options, "scan", str(path)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_bundled_copy_matches_golden_page() -> None:
    """If this fails after a deliberate change, run `make golden` and review the diff."""
    assert render(bundled(), "markdown") == (GOLDEN / PAGE).read_text(encoding="utf-8")


def test_published_page_is_rendered_from_the_published_dataset() -> None:
    published = dataset_io.load_dataset(REPO / "dist" / "retention.json")
    assert (REPO / "dist" / PAGE).read_text(encoding="utf-8") == outputs(published)[PAGE]


def test_page_passes_the_markdown_linter(tmp_path: Path) -> None:
    run = lint(tmp_path, render(bundled(), "markdown"))
    assert run.returncode == 0, run.stdout + run.stderr


def test_table_reparses_to_the_dataset() -> None:
    data = bundled()
    text = render(data, "markdown")
    assert_table_is_the_dataset(text, data)
    assert footnotes(text) == {n.number: n.text for n in data.footnotes}


def test_page_carries_source_banner_scopes_and_every_name() -> None:
    data = bundled()
    text = render(data, "markdown")
    assert "do not edit, run `make build`" in text
    assert data.source.sha256 in text and f"`{data.dataset_version}`" in text
    for feature in data.features:
        assert feature.name in text
    for arrangement in data.arrangements:
        assert f"## {arrangement.name}" in text
        for item in [*arrangement.covers, *arrangement.excludes]:
            assert md(item.text) in text
    for step in data.page.hipaa_steps:
        assert f"**{md(step.title)}**" in text
    for where in [*data.page.phi_locations, *data.page.schema_restrictions]:
        assert f"- {md(where)}\n" in text
    assert "Allowed: 24 of 30 features (2 qualified: Structured outputs, Tool search)." in text


def test_hostile_cells_are_inert_exact_and_keep_the_table_whole(tmp_path: Path) -> None:
    data = hostile(bundled())
    assert rules.check(data) == []
    text = render(data, "markdown")
    assert_table_is_the_dataset(text, data)
    assert footnotes(text) == {n.number: n.text for n in data.footnotes}
    for raw in ("<script>", "<img", "<!-- comment", "[l](http", "`code`", "**bold**", "| # heading", "&amp;"):
        assert not re.search(r"(?<!\\)" + re.escape(raw), text), f"{raw!r} reached the page as markup"
    assert "{{ data.source }}" in text and "{% include 'x' %}" in text, "template markers in data must stay verbatim"
    invisible = [c for c in text if unicodedata.category(c) in {"Cc", "Cf"} and c != "\n"]
    assert invisible == [], "a control or bidi character reached the page raw"
    run = lint(tmp_path, text, "--set", "plugins.md033.allowed_elements=!--,br")
    assert run.returncode == 0, run.stdout + run.stderr


def test_template_markers_in_data_are_text_not_template() -> None:
    base = bundled()
    feature = base.features[0].model_copy(update={"name": "{{ data.source.sha256 }}", "details": "{% for x in y %}"})
    text = render(base.model_copy(update={"features": [feature, *base.features[1:]]}), "markdown")
    assert "| \\{\\{ data.source.sha256 \\}\\} |" not in text
    assert "| {{ data.source.sha256 }} |" in text and "| {% for x in y %} |" in text


def test_names_link_only_to_plain_http_urls() -> None:
    base = bundled()
    urls = ["https://docs.example/web-search", "javascript:alert(1)", "https://x.example/a)(b", "https://x.example/<s>"]
    features = [f.model_copy(update={"doc_url": url}) for f, url in zip(base.features, urls, strict=False)]
    data = base.model_copy(update={"features": [*features, *base.features[len(urls) :]]})
    rows = table(render(data, "markdown"))[1]
    assert rows[0][0] == "[Messages API](https://docs.example/web-search)"
    assert [row[0] for row in rows[1:4]] == ["Token counting", "Web search", "Web fetch"]
    assert_table_is_the_dataset(
        render(data.model_copy(update={"features": data.features[1:]}), "markdown"),
        data.model_copy(update={"features": data.features[1:]}),
    )


def test_zdr_only_page_without_footnotes_lints_and_reparses(tmp_path: Path) -> None:
    data = zdr_only(bundled())
    text = render(data, "markdown")
    assert_table_is_the_dataset(text, data)
    assert "[^" not in text and "HIPAA eligible" not in text
    run = lint(tmp_path, text)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize(
    "value",
    [
        *PAYLOADS,
        "",
        " ",
        "\n",
        "a\nb",
        "\u202e",
        "\ufeff",
        "\u2028",
        "-",
        "+ x",
        "1) x",
        "snake_case",
        "a__b",
        "_x_",
        "x_",
        "C# #",
        "#",
        "&amp;",
        "& x",
        "x &#41;",
        "é_é",
    ],
)
def test_escaping_reads_back_as_the_value(value: str) -> None:
    cell = split_row(f"| {md(value)} |")
    assert len(cell) == 1 and inline_text(cell[0]) == value
