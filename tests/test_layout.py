"""The tree reads as the pipeline: imports only point down it, and nothing imports in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Stages, lowest first: a module may import its own stage or a lower one, never a higher one.
STAGES: list[tuple[str, ...]] = [
    ("schema",),
    ("scraper.errors", "scraper.vocabulary", "scraper.source", "scraper.document", "scraper.resources"),
    ("scraper.frontends",),
    ("scraper.extract",),
    ("scraper.validate", "scraper.other_form", "scraper.compiler", "scraper.dataset_io", "scraper.diff_input"),
    ("scraper.preflight", "scraper.render"),
    ("scraper.publish", "scraper.fetch", "scraper.localize"),
    ("scraper.cli", "scraper.__main__", "scraper"),
]


def _modules() -> dict[str, Path]:
    found = {}
    for path in [*REPO.glob("scraper/**/*.py"), *REPO.glob("schema/**/*.py")]:
        name = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        found[name] = path
    return found


def _imports(path: Path, known: dict[str, Path]) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                target = f"{node.module}.{alias.name}"
                out.add(target if target in known else node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m in known}


def _stage(module: str) -> int:
    for rank, prefixes in enumerate(STAGES):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES")


GRAPH = {name: _imports(path, _modules()) - {name} for name, path in _modules().items()}


def test_every_module_has_a_stage() -> None:
    for module in GRAPH:
        _stage(module)


def test_imports_only_point_down_the_pipeline() -> None:
    upward = [
        f"{m} imports {t}" for m, targets in GRAPH.items() for t in targets if _stage(t) > _stage(m) and t != "scraper"
    ]
    assert not upward


def test_no_import_cycles() -> None:
    done: set[str] = set()

    def visit(module: str, trail: tuple[str, ...]) -> None:
        assert module not in trail, " -> ".join((*trail[trail.index(module) :], module))
        if module in done:
            return
        for target in sorted(GRAPH[module]):
            visit(target, (*trail, module))
        done.add(module)

    for module in sorted(GRAPH):
        visit(module, ())


def test_every_stage_package_says_what_it_takes_and_gives() -> None:
    for package in REPO.glob("scraper/**/__init__.py"):
        doc = ast.get_docstring(ast.parse(package.read_text(encoding="utf-8"))) or ""
        assert len(doc.split()) >= 8, f"{package.relative_to(REPO)} needs a docstring: what the stage takes and gives"


def _strings(path: Path) -> list[str]:
    """The string literals of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
    ]


PAGE_WORDS = [
    "Yes (qualified)",
    "Was this page helpful",
    "On this page",
    "not expected to contain",
    "applies to",
    "What ",
    "Frequently asked",
    "Limitations",
    "Related resources",
]


def test_the_page_words_are_spelled_only_in_the_vocabulary() -> None:
    readers = [p for p in [*REPO.glob("scraper/**/*.py"), *REPO.glob("schema/*.py")] if p.name != "vocabulary.py"]
    spelled = [f"{p.relative_to(REPO)}: {w!r}" for p in readers for s in _strings(p) for w in PAGE_WORDS if w in s]
    suffix = [f"{p.relative_to(REPO)}: {s!r}" for p in readers for s in _strings(p) if s.endswith(" eligible")]
    assert not spelled and not suffix  # a column's " eligible" is the vocabulary's to strip


def test_every_page_field_has_one_registered_reader() -> None:
    from schema.models import Page
    from scraper.extract.page import FIELDS

    assert list(FIELDS) == list(Page.model_fields)
