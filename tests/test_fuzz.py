"""Mutated copies of the real pages: compiling either gives a valid dataset or a located refusal.

Nothing else may escape: any other exception is a bug. `make fuzz` runs the long profile.
"""

from __future__ import annotations

import contextlib

from hypothesis import given
from hypothesis import strategies as st

from schema import rules
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
