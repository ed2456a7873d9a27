"""The diff returns records, the reporters word them: schema/ spells no sentence, and every kind
of change the diff can emit has its one wording in scraper/render/wording.py."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from schema.change import KINDS, Change
from schema.diff import diff
from scraper.render.wording import WORDING, messages
from tests.diff_pages import april, march, may

REPO = Path(__file__).resolve().parent.parent
DIFF_MODULES = sorted([*REPO.glob("schema/diff*.py"), REPO / "schema/change.py"])
# Two words in a row, or the typography of a sentence shown to a reader.
WORDING_LIKE = re.compile(r"[A-Za-z]\s+[A-Za-z]|[“”→…]")


def _spelled(path: Path) -> list[str]:
    """String literals (f-string parts too) other than docstrings and the messages of bugs raised."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))
        if isinstance(node, ast.Raise):
            skipped.update(id(n) for n in ast.walk(node))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped
    ]


def test_schema_diff_spells_no_message() -> None:
    found = [f"{p.relative_to(REPO)}: {s!r}" for p in DIFF_MODULES for s in _spelled(p) if WORDING_LIKE.search(s)]
    assert DIFF_MODULES and not found


def test_every_kind_the_diff_emits_has_one_wording() -> None:
    assert sorted(WORDING) == sorted(KINDS)
    with pytest.raises(ValueError, match="feature_moved"):
        Change("feature_moved", "patch")  # a kind the wording does not know cannot be emitted


def test_the_real_changes_are_worded() -> None:
    for old, new in [(march(), april()), (april(), march()), (april(), may()), (may(), march())]:
        changes = diff(old, new)
        said = messages(changes, old, new)
        assert changes and len(said) == len(changes) and all(s.strip() for s in said)
