"""Mutated copies of the real pages: compiling either gives a valid dataset or a located refusal.

Nothing else may escape: any other exception is a bug. `make fuzz` runs the long profile.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from schema import rules
from schema.diff import diff
from schema.models import Dataset, Feature
from scraper import compiler, source
from scraper.errors import RetentionError
from tests import html_render
from tests.conftest import BUNDLED, MD_MAY, MDX_MARCH

LINES = BUNDLED.read_text(encoding="utf-8").splitlines()
MARKDOWN = {"may": MD_MAY.read_text(encoding="utf-8"), "march": MDX_MARCH.read_text(encoding="utf-8")}
HTML = {name: html_render.render(text) for name, text in MARKDOWN.items()}
TABLE = [i for i, line in enumerate(LINES) if "/v1/" in line or line.strip().startswith(("Yes", "No"))]


@st.composite
def mutation(draw: st.DrawFn, lines: list[str]) -> list[str]:
    out = list(lines)
    kind = draw(st.sampled_from(["cut", "dup", "swap", "digit", "delete", "insert", "truncate", "blank"]))
    i = draw(st.integers(0, len(out) - 1))
    j = draw(st.integers(0, len(out) - 1))
    if kind == "cut":
        del out[min(i, j) : max(i, j) + 1]
    elif kind == "dup":
        out.insert(j, out[i])
    elif kind == "swap":
        out[i], out[j] = out[j], out[i]
    elif kind == "truncate":
        out = out[: max(i, 1)]
    elif kind == "blank":
        out.insert(i, "")
    else:
        line = out[i]
        at = draw(st.integers(0, len(line)))
        if kind == "digit":
            out[i] = line[:at] + draw(st.sampled_from("0123456789")) + line[at:]
        elif kind == "delete":
            out[i] = line[:at] + line[at + draw(st.integers(1, 5)) :]
        else:
            out[i] = line[:at] + draw(st.text(max_size=5)) + line[at:]
    return out


@st.composite
def table_mutation(draw: st.DrawFn) -> list[str]:
    """Mutations aimed at the table lines, where the parsing is hardest."""
    out = list(LINES)
    i = draw(st.sampled_from(TABLE))
    line = out[i]
    at = draw(st.integers(0, len(line)))
    edit = draw(st.sampled_from(["digit", "space", "delete", "status"]))
    insert = {"digit": draw(st.sampled_from("0123456789")), "space": " ", "delete": "", "status": "Yes"}[edit]
    cut = draw(st.integers(1, 4)) if edit == "delete" else 0
    out[i] = line[:at] + insert + line[at + cut :]
    return out


def check(text: str, fmt: source.Format | None = None) -> None:
    try:
        data = compiler.compile_source(source.from_bytes(text.encode("utf-8"), "fuzz", fmt))
    except RetentionError as err:
        assert err.problems and all(p.where for p in err.problems)
        return
    assert rules.check(data) == []


@given(st.lists(st.just(None), min_size=1, max_size=3).flatmap(lambda ops: mutation(LINES)))
def test_mutated_text_dump(lines: list[str]) -> None:
    check("\n".join(lines) + "\n")


@given(table_mutation())
def test_mutated_table_lines(lines: list[str]) -> None:
    check("\n".join(lines) + "\n")


@given(st.binary(max_size=2000))
def test_random_bytes(raw: bytes) -> None:
    with contextlib.suppress(RetentionError):
        compiler.compile_source(source.from_bytes(raw, "fuzz.bin"))


@given(st.sampled_from(sorted(MARKDOWN)).flatmap(lambda name: mutation(MARKDOWN[name].splitlines())))
def test_mutated_markdown(lines: list[str]) -> None:
    check("\n".join(lines) + "\n", "markdown")


@given(st.sampled_from(sorted(HTML)).flatmap(lambda name: mutation(HTML[name].splitlines())))
def test_mutated_html(lines: list[str]) -> None:
    check("\n".join(lines) + "\n", "html")


@given(st.binary(max_size=2000), st.sampled_from(["markdown", "html"]))
def test_random_bytes_per_front_end(raw: bytes, fmt: source.Format) -> None:
    with contextlib.suppress(RetentionError):
        compiler.compile_source(source.from_bytes(raw, "fuzz.bin", fmt))


# Mutations aimed at ambiguity: each must be read exactly or refused, never read the other way.
ORIGINAL = compiler.compile_source(source.from_bytes(BUNDLED.read_bytes(), "fuzz"))
LAST = ORIGINAL.arrangements[-1].id
ROWS = [
    (f, f.span.line - 1, LINES[f.span.line - 1].rindex(f.details))
    for f in ORIGINAL.features
    if f.details and LINES[f.span.line - 1].endswith(f.details)
]
NOTES = sorted(n.number for n in ORIGINAL.footnotes)


def _compiled(lines: list[str]) -> Dataset | None:
    try:
        return compiler.compile_source(source.from_bytes(("\n".join(lines) + "\n").encode("utf-8"), "fuzz"))
    except RetentionError as err:
        assert err.problems and all(p.where for p in err.problems)
        return None


def _row(data: Dataset, fid: str) -> tuple[list[int], str | None]:
    (f,) = [f for f in data.features if f.id == fid]
    return f.eligibility[LAST].footnotes, f.details


@given(st.sampled_from(ROWS), st.sampled_from(NOTES), st.booleans())
def test_a_mark_glued_before_the_details_is_read_as_a_mark_or_refused(
    row: tuple[Feature, int, int], mark: int, superscript: bool
) -> None:
    feature, i, at = row
    glued = str(mark).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")) if superscript else str(mark)
    lines = list(LINES)
    lines[i] = lines[i][:at] + glued + lines[i][at:]
    data = _compiled(lines)
    if data is not None:
        marks = feature.eligibility[LAST].footnotes
        assert _row(data, feature.id) == (sorted({*marks, mark}), feature.details)


@given(st.sampled_from(ROWS), st.text("0123456789", min_size=1, max_size=3))
def test_digits_glued_before_the_details_are_read_as_details_or_refused(
    row: tuple[Feature, int, int], digits: str
) -> None:
    feature, i, at = row
    lines = list(LINES)
    lines[i] = lines[i][:at] + digits + lines[i][at:]
    data = _compiled(lines)
    if data is None:
        return
    marks, details = _row(data, feature.id)
    as_details = (feature.eligibility[LAST].footnotes, digits + (feature.details or ""))
    # documented reading: digits glued to a capitalised word (`Yes3Your`) are a footnote mark
    as_mark = (sorted({*feature.eligibility[LAST].footnotes, int(digits)}), feature.details)
    capitalised = (feature.details or "")[:2].istitle()
    assert (marks, details) == as_details or (capitalised and (marks, details) == as_mark)


RENAMES = [str.upper, str.lower, lambda n: n.replace(" ", "-"), lambda n: n + ".", lambda n: n.replace(" ", "  ")]


@given(st.sampled_from([f for f in ORIGINAL.features if f.name in LINES[f.span.line - 1]]), st.sampled_from(RENAMES))
def test_a_rename_that_keeps_the_slug_is_reported(feature: Feature, rename: Callable[[str], str]) -> None:
    name = rename(feature.name)
    lines = list(LINES)
    i = feature.span.line - 1
    lines[i] = lines[i].replace(feature.name, name, 1)
    data = _compiled(lines)
    if data is None or name == feature.name:
        return
    renamed = [c for c in diff(ORIGINAL, data) if c.kind == "feature_renamed"]
    assert [(c.feature, c.old, c.new) for c in renamed] == [(feature.id, feature.name, name)]


def test_a_superscript_digit_is_no_step_number() -> None:
    """Fuzz regression: a paragraph `²` is a digit to str.isdigit() but not to int()."""
    check("# API and data retention\n\nSummary.\n\n²\n\nTitle\n\nBody.\n", "markdown")
