"""The footnote rules over a real copy's dataset: a footnote's `applies_to` must list exactly the
rows and columns whose marks cite it, and a footnote no mark cites is named."""

from __future__ import annotations

from schema import rules
from schema.models import Dataset
from scraper import source
from scraper.compiler import compile_source
from tests.conftest import BUNDLED


def _findings(data: Dataset) -> list[str]:
    return [f"{f.rule} {f.path}: {f.message}" for f in rules.check(data)]


def test_the_bundled_copy_keeps_the_footnote_rules() -> None:
    assert _findings(compile_source(source.read(BUNDLED))) == []


def test_an_applies_to_that_disagrees_with_the_marks_is_named() -> None:
    data = compile_source(source.read(BUNDLED))
    first, *rest = data.footnotes
    wrong = first.model_copy(update={"applies_to": [*first.applies_to, ("no_such_row", "zdr")]})
    found = _findings(data.model_copy(update={"footnotes": [wrong, *rest]}))
    assert found == [
        f"footnotes-cited footnotes[0].applies_to: footnote {first.number}: applies_to disagrees with the marks"
    ]


def test_a_footnote_no_mark_cites_is_named() -> None:
    data = compile_source(source.read(BUNDLED))
    number = max(n.number for n in data.footnotes) + 1
    extra = data.footnotes[0].model_copy(update={"number": number, "applies_to": []})
    found = _findings(data.model_copy(update={"footnotes": [*data.footnotes, extra]}))
    assert found == [f"footnotes-cited footnotes[{len(data.footnotes)}]: footnote {number} is never cited"]
