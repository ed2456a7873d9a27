"""`make bench`: what a compile, a run and an import cost, next to what a user would pick instead.

Medians of repeated runs; prints ratios against the anchors and rewrites the table between the
`bench` markers in README.md. Targets live here, never in a timed test.
"""

from __future__ import annotations

import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from scraper import source
from scraper.compiler import compile_source
from tests import html_render
from tests.conftest import BUNDLED, CORPUS, GOLDEN

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
RETENTION = str(Path(PY).parent / "retention")
README = REPO / "README.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def median_ms(func: Callable[[], object], runs: int = 30, clock: Callable[[], float] = time.perf_counter) -> float:
    func()  # warm up: imports, caches
    times = []
    for _ in range(runs):
        start = clock()
        func()
        times.append(clock() - start)
    return statistics.median(times) * 1000


def cpu_ms(func: Callable[[], object], runs: int = 30) -> float:
    """Median CPU time of this process: in-process figures that other load on the machine does not skew."""
    return median_ms(func, runs, time.process_time)


def process_ms(argv: list[str], runs: int = 15, cwd: Path = REPO) -> float:
    return median_ms(lambda: subprocess.run(argv, cwd=cwd, capture_output=True, check=True), runs)


def pages() -> dict[str, tuple[str, bytes]]:
    """Each English corpus copy in its own form (the HTML renderings: html_rows)."""
    found = {"text: bundled April copy": ("text", BUNDLED.read_bytes())}
    for path in sorted(CORPUS.glob("en-*.md")):
        found[f"markdown: {path.name}"] = ("markdown", path.read_bytes())
    return found


def paired_cpu_ms(first: Callable[[], object], second: Callable[[], object], runs: int = 60) -> tuple[float, float]:
    """Median CPU times of two functions run turn about, so that a machine slowing down or
    speeding up during the run weighs on both alike: the ratio is what the target reads."""
    first(), second()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for func, into in ((first, times[0]), (second, times[1])):
            start = time.process_time()
            func()
            into.append(time.process_time() - start)
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


def compile_rows() -> list[tuple[str, float, str]]:
    """Text and Markdown compiles; HTML compiles are measured beside their anchor (html_rows)."""
    rows = []
    for name, (fmt, raw) in pages().items():
        ms = cpu_ms(lambda raw=raw, fmt=fmt: compile_source(source.from_bytes(raw, "bench", fmt)))  # type: ignore[misc]
        rows.append((f"in-process compile, {name}", ms, "≤ 5 ms"))
    return rows


def html_rows() -> list[tuple[str, float, str]]:
    """Each English copy's HTML rendering compiled, and read by pandas.read_html, turn about; a
    bare lxml parse of the May rendering."""
    import lxml.html
    import pandas

    rows = []
    rendered = {path.stem: html_render.render(path.read_text(encoding="utf-8")) for path in sorted(CORPUS.glob("en-*.md"))}
    for stem, html in rendered.items():
        raw = html.encode()
        ours, theirs = paired_cpu_ms(
            lambda raw=raw: compile_source(source.from_bytes(raw, "bench", "html")),  # type: ignore[misc]
            lambda html=html: pandas.read_html(io.StringIO(html)),  # type: ignore[misc]
        )
        rows.append((f"in-process compile, html: {stem}.html (rendered)", ours, "≤ pandas.read_html"))
        rows.append((f"anchor: pandas.read_html, {stem}.html", theirs, ""))
    may = rendered["en-mintlify-md-2026-05-04"]
    rows.append(("anchor: lxml.html.fromstring, same May HTML", cpu_ms(lambda: lxml.html.fromstring(may)), ""))
    return rows


def process_rows(dist: Path) -> list[tuple[str, float, str]]:
    floor = [PY, "-c", "import lxml.html, pydantic, jinja2, click, bs4"]
    rows = [
        (
            "whole process: retention compile (bundled copy)",
            process_ms([RETENTION, "compile", str(BUNDLED)]),
            "≤ 1.2× import floor",
        ),
        ("whole process: retention --help", process_ms([RETENTION, "--help"]), ""),
        ("anchor: import floor (lxml, pydantic, jinja2, click, bs4)", process_ms(floor), ""),
        ("anchor: python -c pass", process_ms([PY, "-c", "pass"]), ""),
    ]
    module = f"import sys; sys.path.insert(0, {str(dist)!r}); import retention_constants"
    bare = dist.parent / "no-bytecode"  # -B only stops writing: keep this copy free of __pycache__
    bare.mkdir(exist_ok=True)
    shutil.copy(dist / "retention_constants.py", bare)
    uncached = f"import sys; sys.path.insert(0, {str(bare)!r}); import retention_constants"
    rows += [
        (
            "import retention_constants (python -I -S, bytecode cached)",
            process_ms([PY, "-I", "-S", "-c", module]),
            "≤ 1.5× bare",
        ),
        (
            "import retention_constants (python -I -S -B, no bytecode cache)",
            process_ms([PY, "-I", "-S", "-B", "-c", uncached]),
            "",
        ),
        ("anchor: python -I -S -c pass", process_ms([PY, "-I", "-S", "-c", "pass"]), ""),
    ]
    return rows


def peak_rss_mb(dist: Path) -> float:
    code = (
        "import resource, subprocess, sys; "
        f"subprocess.run([{RETENTION!r}, 'build', {str(BUNDLED)!r}, '--dist', {str(dist / 'rss')!r}, '--accept'], check=True, "
        "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run([PY, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout) / 1024


def history_rows() -> list[tuple[str, float, str]]:
    from scraper.dataset_io import loads
    from scraper.publish import changelog

    base = loads((GOLDEN / "bundled.json").read_text(encoding="utf-8"), "golden")
    rows = []
    for count in (10, 100, 1000):
        entries = synthetic_history(base, count)
        ms = median_ms(lambda entries=entries: changelog.render(entries, {}), runs=3)  # type: ignore[misc]
        rows.append((f"changelog over {count} synthetic versions", ms, "≤ 2 s at 1 000, linear"))
    return rows


def synthetic_history(base: object, count: int) -> list[tuple[str, object]]:
    """`count` versions, each flipping one feature's HIPAA status from the version before."""
    from schema.models import Dataset, Eligibility

    assert isinstance(base, Dataset)
    entries: list[tuple[str, object]] = []
    data = base
    for n in range(count):
        feature = data.features[n % len(data.features)]
        cell = feature.eligibility["hipaa"]
        flipped = Eligibility(status="no" if cell.status != "no" else "yes", footnotes=cell.footnotes)
        changed = feature.model_copy(update={"eligibility": {**feature.eligibility, "hipaa": flipped}})
        features = [changed if f.id == feature.id else f for f in data.features]
        data = data.model_copy(update={"features": features, "dataset_version": f"1.{n}.0"})
        entries.append((f"1.{n}.0", data))
    return entries


def table(rows: list[tuple[str, float, str]], rss: float) -> str:
    lines = ["| measurement | median | target |", "|---|---:|---|"]
    lines += [f"| {name} | {ms:.2f} ms | {target} |" for name, ms, target in rows]
    lines.append(f"| peak RSS of `retention build` | {rss:.1f} MB | ≤ 60 MB |")
    return "\n".join(lines)


def ratios(rows: list[tuple[str, float, str]]) -> list[str]:
    value = {name: ms for name, ms, _ in rows}

    def get(prefix: str) -> float:
        return next(ms for name, ms in value.items() if name.startswith(prefix))

    html = [
        f"HTML compile / pandas.read_html, {stem}: "
        f"{get(f'in-process compile, html: {stem}') / get(f'anchor: pandas.read_html, {stem}'):.2f}× (target ≤ 1×)"
        for stem in (p.stem for p in sorted(CORPUS.glob("en-*.md")))
    ]
    return [
        f"compile / import floor: {get('whole process: retention compile') / get('anchor: import floor'):.2f}× (target ≤ 1.2×)",
        f"constants import / bare -I -S: {get('import retention_constants') / get('anchor: python -I -S'):.2f}× (target ≤ 1.5×)",
        *html,
    ]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        dist = Path(tmp) / "dist"
        subprocess.run([RETENTION, "build", str(BUNDLED), "--dist", str(dist), "--accept"], check=True, capture_output=True)
        rows = compile_rows() + html_rows() + process_rows(dist) + history_rows()
        rss = peak_rss_mb(Path(tmp))
    report = table(rows, rss) + "\n\n" + "\n".join(f"- {r}" for r in ratios(rows))
    print(report)
    text = README.read_text(encoding="utf-8")
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        README.write_text(head + BEGIN + "\n" + report + "\n" + END + rest.split(END, 1)[1], encoding="utf-8")
    print(json.dumps({"machine": sys.platform, "python": sys.version.split()[0]}))


if __name__ == "__main__":
    main()
