"""dist/retention_constants.py: standard library only, typed, exact, inert whatever the data holds."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from itertools import cycle
from pathlib import Path
from typing import Any

import pytest

from schema import rules
from schema.models import Dataset
from scraper import dataset_io
from scraper.errors import RetentionError
from scraper.render import outputs, render
from scraper.render.literal import check_module, py_literal
from tests.conftest import GOLDEN

REPO = Path(__file__).resolve().parent.parent
MODULE = "retention_constants.py"

PAYLOADS = [
    '"""; import os; os.system("touch pwned") """',
    "''' + __import__('os').system('touch pwned') + '''",
    "back\\slash \\\\ ends \\",
    "{{ 7*7 }} {% include 'x' %} {# note #} {{ data.source }}",
    "a | b || c \\| d",
    "<script>alert(1)</script> <img src=x onerror=alert(1)>",
    "**bold** _it_ `code` ``two`` [l](http://x) ![i](y) ~~s~~ $x$ &amp; &#x41; [^1]",
    "# heading",
    "- item",
    "12. twelve",
    "https://evil.example/x www.evil.example <https://x>",
    "  spaced  ",
    "<!-- comment --> <br> \\n \\u202e",
    "日本語 — ‘quotes’ 😀",
]
REFUSED = ["line\nbreak", "bidi \u202e reversed", "zero\u200bwidth", "tab\there", "nul\0"]


def bundled() -> Dataset:
    return dataset_io.load_dataset(GOLDEN / "bundled.json")


def hostile(base: Dataset) -> Dataset:
    """The bundled dataset with payloads in every text a feature, footnote and arrangement has.

    Names and details get only what validation accepts; footnotes and scopes (not covered by
    the clean-text rule) also get newlines and bidi controls.
    """
    features = [
        f.model_copy(update={"name": f"{f.name} {p}", "details": p})
        for f, p in zip(base.features, cycle(PAYLOADS), strict=False)
    ]
    footnotes = [
        n.model_copy(update={"text": f"{n.text} {p}\n\u202eend"})
        for n, p in zip(base.footnotes, PAYLOADS, strict=False)
    ]
    arrangements = [
        a.model_copy(
            update={
                "name": f"{a.name} {p}",
                "covers": [c.model_copy(update={"label": p, "text": f"{c.text}\n{p}"}) for c in a.covers],
            }
        )
        for a, p in zip(base.arrangements, PAYLOADS[3:], strict=False)
    ]
    return base.model_copy(update={"features": features, "footnotes": footnotes, "arrangements": arrangements})


PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import retention_constants as m
out = {
    "versions": [m.DATASET_VERSION, m.SCHEMA_VERSION, m.SOURCE_SHA256, m.SOURCE_URL],
    "arrangements": {a.id: [a.name, a.column] for a in m.ARRANGEMENTS.values()},
    "features": {
        fid: {
            "name": f.name, "details": f.details, "doc_url": f.doc_url,
            "endpoints": [[e.path, None if e.requires is None else [e.requires.kind, e.requires.name, e.requires.value]]
                          for e in f.endpoints],
            "status": {a: m.status(fid, a) for a in m.ARRANGEMENTS},
            "footnotes": {a: list(e.footnotes) for a, e in f.eligibility.items()},
        }
        for fid, f in m.FEATURES.items()
    },
    "footnotes": {str(n): [x.text, [list(p) for p in x.applies_to]] for n, x in m.FOOTNOTES.items()},
    "allowed": {a: sorted(ids) for a, ids in m.ALLOWED.items()},
    "modules": sorted(
        k for k in sys.modules if k.split(".")[0] not in (*sys.stdlib_module_names, "__main__", "retention_constants")
    ),
}
print(json.dumps(out))
"""


def expected(data: Dataset) -> dict[str, Any]:
    """What the module must say, read straight from the dataset."""
    return {
        "versions": [data.dataset_version, data.schema_version, data.source.sha256, data.source.url],
        "arrangements": {a.id: [a.name, a.column] for a in data.arrangements},
        "features": {
            f.id: {
                "name": f.name,
                "details": f.details,
                "doc_url": f.doc_url,
                "endpoints": [
                    [e.path, None if e.requires is None else [e.requires.kind, e.requires.name, e.requires.value]]
                    for e in f.endpoints
                ],
                "status": {a.id: f.eligibility[a.id].status for a in data.arrangements},
                "footnotes": {a.id: f.eligibility[a.id].footnotes for a in data.arrangements},
            }
            for f in data.features
        },
        "footnotes": {str(n.number): [n.text, [list(p) for p in n.applies_to]] for n in data.footnotes},
        "allowed": {
            a.id: sorted(f.id for f in data.features if f.eligibility[a.id].status != "no") for a in data.arrangements
        },
        "modules": [],
    }


def zdr_only(base: Dataset) -> Dataset:
    """The older shape of the page: one arrangement, no footnotes."""
    features = [
        f.model_copy(update={"eligibility": {"zdr": f.eligibility["zdr"].model_copy(update={"footnotes": []})}})
        for f in base.features
    ]
    return base.model_copy(update={"arrangements": base.arrangements[:1], "features": features, "footnotes": []})


def import_isolated(folder: Path) -> dict[str, Any]:
    """Import the module with no site-packages and no bytecode writing; return what it holds."""
    run = subprocess.run(
        [sys.executable, "-I", "-S", "-B", "-c", PROBE, str(folder)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    result: dict[str, Any] = json.loads(run.stdout)
    return result


def write_module(folder: Path, data: Dataset) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / MODULE
    path.write_text(render(data, "python"), encoding="utf-8")
    return path


def test_bundled_copy_matches_golden_module() -> None:
    """If this fails after a deliberate change, run `make golden` and review the diff."""
    assert render(bundled(), "python") == (GOLDEN / MODULE).read_text(encoding="utf-8")


def test_published_module_is_rendered_from_the_published_dataset() -> None:
    published = dataset_io.load_dataset(REPO / "dist" / "retention.json")
    assert (REPO / "dist" / MODULE).read_text(encoding="utf-8") == outputs(published)[MODULE]


def test_rendering_is_byte_identical_every_time() -> None:
    data = bundled()
    assert render(data, "python") == render(data.model_copy(deep=True), "python")
    reloaded = dataset_io.loads(dataset_io.dumps(data), "again.json")
    assert render(reloaded, "python") == render(data, "python")


def test_module_agrees_with_the_json_for_every_feature_and_arrangement(tmp_path: Path) -> None:
    data = bundled()
    write_module(tmp_path, data)
    assert import_isolated(tmp_path) == expected(data)


def test_an_older_zdr_only_table_without_footnotes_renders_too(tmp_path: Path) -> None:
    data = zdr_only(bundled())
    assert rules.check(data) == []
    write_module(tmp_path, data)
    assert import_isolated(tmp_path) == expected(data)


def test_hostile_text_is_carried_exactly_and_never_run(tmp_path: Path) -> None:
    data = hostile(bundled())
    assert rules.check(data) == []
    write_module(tmp_path / "m", data)
    assert import_isolated(tmp_path / "m") == expected(data)
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == [MODULE], "importing created a file"
    assert not list(tmp_path.rglob("pwned"))


def test_data_literals_are_ascii_so_nothing_can_hide_in_them() -> None:
    text = render(hostile(bundled()), "python")
    rest = text.split("\n", 1)[1]
    assert rest.isascii(), "a data literal carries a raw non-ASCII character"
    assert "\u202e" not in text


@pytest.mark.parametrize("payload", REFUSED)
def test_invisible_characters_in_names_are_refused_by_validation(payload: str) -> None:
    base = bundled()
    feature = base.features[0].model_copy(update={"name": f"Messages {payload}"})
    data = base.model_copy(update={"features": [feature, *base.features[1:]]})
    findings = rules.check(data)
    assert [f.rule for f in findings] == ["clean-text"] and findings[0].path == "features[0].name"


def test_nul_and_lone_surrogates_anywhere_are_refused_before_rendering() -> None:
    base = bundled()
    for bad in ("\0", "\ud800"):
        note = base.footnotes[0].model_copy(update={"text": f"a{bad}b"})
        data = base.model_copy(update={"footnotes": [note, *base.footnotes[1:]]})
        with pytest.raises(RetentionError, match=r"footnotes\[0\]\.text"):
            render(data, "python")


def test_generated_module_passes_mypy_strict_and_ruff(tmp_path: Path) -> None:
    for name, data in (("bundled", bundled()), ("hostile", hostile(bundled())), ("zdr-only", zdr_only(bundled()))):
        folder = tmp_path / name
        write_module(folder, data)
        checks = [
            [sys.executable, "-m", "mypy", "--strict", "--no-incremental", MODULE],
            [sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated", MODULE],
            [sys.executable, "-m", "ruff", "check", "--no-cache", "--config", str(REPO / "pyproject.toml"), MODULE],
        ]
        for command in checks:
            run = subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)
            assert run.returncode == 0, f"{name}: {' '.join(command[2:4])}\n{run.stdout}{run.stderr}"


def test_module_imports_only_the_standard_library() -> None:
    tree = ast.parse(render(bundled(), "python"))
    roots = {
        (alias.name if isinstance(node, ast.Import) else node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert roots and roots <= set(sys.stdlib_module_names)


def test_status_names_what_is_known_when_asked_about_the_unknown(tmp_path: Path) -> None:
    write_module(tmp_path, bundled())
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import retention_constants as m\n"
        "for args in (('teleport', 'zdr'), ('web_search', 'fedramp')):\n"
        "    try:\n        m.status(*args)\n    except KeyError as e:\n        print(e.args[0])\n"
    )
    run = subprocess.run(
        [sys.executable, "-I", "-S", "-B", "-c", script, str(tmp_path)], capture_output=True, text=True, check=True
    )
    feature_error, arrangement_error = run.stdout.splitlines()
    assert "'teleport'" in feature_error and "web_search" in feature_error and "messages_api" in feature_error
    assert "'fedramp'" in arrangement_error and "zdr, hipaa" in arrangement_error


@pytest.mark.parametrize(
    "source",
    [
        "import requests\n",
        "from yaml import safe_load\n",
        "from . import sibling\n",
        "X = eval('1')\n",
        "open('f', 'w')\n",
        "def f(:\n",
    ],
)
def test_the_check_refuses_what_a_generated_module_must_never_hold(source: str) -> None:
    with pytest.raises(RetentionError):
        check_module(source, MODULE)


@pytest.mark.parametrize(
    "value", [None, True, 0, -3, "", "x", "'\"\\\n\u202e", "word " * 40, "\U0001f600" * 30, [1, 2], [("a", "b")], []]
)
def test_literals_read_back_as_the_value_at_any_indent(value: object) -> None:
    want = tuple(value) if isinstance(value, list) else value
    for indent in (0, 12, 40, 100):
        assert ast.literal_eval(py_literal(value, indent)) == want


def test_literal_refuses_types_it_does_not_know() -> None:
    with pytest.raises(TypeError):
        py_literal(1.5)
