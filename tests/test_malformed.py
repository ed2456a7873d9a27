"""A table of malformed, hostile and implausible inputs given to `retention build` over a good dist/.

Each must end with the contract's exit code, one located line per problem, no traceback, and
dist/ byte-identical to before.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests import dumps, html_render, md_table
from tests.conftest import BUNDLED, MD_MAY, MDX_MARCH

REPO = Path(__file__).resolve().parent.parent
TEXT = BUNDLED.read_text(encoding="utf-8")
LINES = TEXT.splitlines()
HEADER = "FeatureEndpointZDR eligibleHIPAA eligibleDetails"


def sub(old: str, new: str) -> bytes:
    assert old in TEXT, old
    return TEXT.replace(old, new, 1).encode("utf-8")


def lines(keep: Callable[[int], bool]) -> bytes:
    return ("\n".join(line for i, line in enumerate(LINES, 1) if keep(i)) + "\n").encode("utf-8")


MAY_MD = MD_MAY.read_text(encoding="utf-8")
ENTITIES = (
    '<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
)
LAUGHS = (
    f'<?xml version="1.0"?>\n<!DOCTYPE html [{ENTITIES}]>\n<html><body><h1>T</h1><p>&c;</p></body></html>\n'.encode()
)
XXE = b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<html><body><h1>T</h1><p>&x;</p></body></html>\n'
DEEP_HTML = ("<html><body><h1>T</h1>" + "<div>" * 100_000 + "x" + "</div>" * 100_000 + "</body></html>\n").encode()
HALF = lines(lambda i: not (283 <= i <= 290 or 302 <= i <= 308))


def md(old: str, new: str) -> bytes:
    assert old in MAY_MD, old
    return MAY_MD.replace(old, new, 1).encode("utf-8")


MAY_HTML = html_render.render(MAY_MD)
BATCH = "Batch processing/v1/messages/batchesNoNo29-day"


def html_row(attribute: str) -> bytes:
    return MAY_HTML.replace("<tr><td>", f"<tr {attribute}><td>", 1).encode()


def zdr_only_dump() -> bytes:
    columns, rows, notes = md_table.read(MDX_MARCH.read_text(encoding="utf-8"))
    return dumps.dump(columns, rows, notes).encode("utf-8")


def flip_statuses() -> bytes:
    out = []
    for line in LINES:
        if "/v1/" in line and "NoNo" not in line:
            line = line.replace("YesYes", "NoNo", 1)
        out.append(line)
    return ("\n".join(out) + "\n").encode("utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    code: int
    message: str
    args: tuple[str, ...] = field(default=())


CASES = [
    Case("empty", b"", 2, "empty"),
    Case("whitespace only", b"  \n\n\t\n", 2, "empty"),
    Case("binary", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, 2, "not UTF-8"),
    Case("latin-1", "Caf\xe9 page".encode("latin-1"), 2, "not UTF-8"),
    Case("NUL byte", sub("Citations", "Cita\x00tions"), 2, "NUL"),
    Case("UTF-16", TEXT.encode("utf-16"), 2, "not UTF-8"),
    Case("over the size cap", TEXT.encode("utf-8"), 2, "cap", ("--max-bytes", "10000")),
    Case("12 MB text node", b"x" * (12 * 1024 * 1024), 2, "cap"),
    Case(
        "truncated mid-table",
        lines(lambda i: i <= 246),
        2,
        "'Limitations and exclusions' listed under 'On this page' is not in the article",
    ),
    Case("truncated inside a row", TEXT[: TEXT.index("Token counting") + 30].encode(), 2, ""),
    Case("no table", sub(HEADER, "Feature table"), 2, "no table with the page's columns"),
    Case("header without rows", lines(lambda i: i <= 244), 2, ""),
    Case("row missing a status", sub("Citations/v1/messagesYesYes", "Citations/v1/messagesYes"), 2, ":290:"),
    Case("row missing its endpoint", sub("Effort/v1/messages (with effort)YesYes", "EffortYesYes"), 2, ":292:"),
    Case(
        "unknown status word",
        sub("Effort/v1/messages (with effort)YesYes", "Effort/v1/messages (with effort)PerhapsYes"),
        2,
        "unknown status",
    ),
    Case(
        "mark without footnote",
        sub("(with web_fetch tool)Yes1 2No", "(with web_fetch tool)Yes1 5No"),
        2,
        "footnote mark 5",
    ),
    Case(
        "huge mark",
        sub("(with web_fetch tool)Yes1 2No", "(with web_fetch tool)Yes1 99999999999999999999No"),
        2,
        "footnote mark",
    ),
    Case("footnote never cited", sub("Yes (qualified)Yes3", "Yes (qualified)Yes"), 2, "never cited"),
    Case("duplicate feature", sub("Citations/v1/messages", "Effort/v1/messages"), 2, "used 2 times"),
    Case(
        "two tables",
        sub(
            "\n    Limitations and exclusions\n",
            "\n    " + HEADER + "\n    Extra/v1/extraYesYesMore.\n\n    Limitations and exclusions\n",
        ),
        2,
        "2 feature eligibility tables",
    ),
    Case("fragment left over", TEXT.encode() + b"\n    No\n", 2, "left over"),
    Case("cut row's tail missing", lines(lambda i: i <= 278), 2, "cut"),
    Case("bidi control in a name", sub("Citations/v1/", "Cita\u202etions/v1/"), 2, "U+202E"),
    Case("zero-width space in details", sub("Source attribution", "Source\u200b attribution"), 2, "U+200B"),
    Case("endpoint outside /v1/", sub("Files API/v1/filesNoNo", "Files API/v2/filesNoNo"), 2, ""),
    Case("header without eligible columns", sub(HEADER, "FeatureEndpointDetails"), 2, "no table with the page's columns"),
    Case("header of nothing but 'eligible'", sub(HEADER, "FeatureEndpoint" + "eligible" * 3000), 2, ""),
    Case(
        "100 000-deep nesting",
        ("Title\n\nSummary\n\nWas this page helpful?\n\n" + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
        2,
        "no table with the page's columns",
    ),
    Case("one 1 MB line", ("y" * 1_000_000 + "\n").encode(), 2, "no table with the page's columns"),
    Case("only site chrome", b"Loading...\n    \xe2\x80\xa2 Build\n    Search...\n", 2, "no table with the page's columns"),
    Case("a dataset instead of a page", b'{"schema_version": "1.0.0"}\n', 2, ""),
    Case(
        "a 20 000-character cell",
        sub("Source attribution", "Source attribution" + "z" * 20_000),
        2,
        "over the limit of 10000",
    ),
    Case(
        "2 000 rows",
        sub(
            "    MCP connector/",
            "".join(f"    Row {n}/v1/messagesYesYesMore.\n" for n in range(2000)) + "    MCP connector/",
        ),
        2,
        "over the limit of 1000",
    ),
    Case("billion laughs", LAUGHS, 2, "DOCTYPE declares entities"),
    Case("external entity", XXE, 2, "DOCTYPE declares entities"),
    Case("100 000-deep HTML nesting", DEEP_HTML, 2, "no table with the page's columns"),
    Case("Markdown table row missing a cell", MAY_MD.replace("| `/v1/files` | ", "| ", 1).encode(), 2, ":167:"),
    Case(
        "Markdown unknown status",
        MAY_MD.replace("<Eligible>Yes</Eligible>", "<Eligible>Sometimes</Eligible>", 1).encode(),
        2,
        "status",
    ),
    # glued dumps that read two ways: refused naming both readings (exit 4; --accept chooses)
    Case("mark glued to digit-led details", sub(BATCH, BATCH.replace("29", "129")), 4, "reads two ways"),
    Case("mark glued to an acronym", sub(BATCH, BATCH.replace("29-day", "2FA")), 4, "mark 2 + details 'FA"),
    Case("second mark glued to digits", sub(BATCH, BATCH.replace("29", "1 229")), 4, "marks 1 2 + details '29-day"),
    Case("mark 3 glued to digits", sub(BATCH, BATCH.replace("29", "329")), 4, "mark 3 + details '29-day"),
    # superscript digits are marks in every front end
    Case("superscript mark without footnote", sub("Yes1 2No", "Yes\u2077No"), 2, "footnote mark 7"),
    Case("superscript in a feature name", sub("Citations/v1/", "Citations\u00b9/v1/"), 2, "superscript mark"),
    Case("superscript in details", sub("Source attribution", "Source\u00b2 attribution"), 2, "superscript mark"),
    Case(
        "Markdown superscript without footnote",
        md("| <Eligible>Yes</Eligible> | Standard API", "| <Eligible>Yes</Eligible>\u2079 | Standard API"),
        2,
        "footnote mark 9",
    ),
    # text is what it looks like
    Case(
        "zero-width space in a tool name",
        sub("(with code_execution tool)", "(with code\u200b_execution tool)"),
        2,
        "U+200B",
    ),
    Case(
        "Cyrillic letter in a tool name",
        sub("(with code_execution tool)", "(with cod\u0435_execution tool)"),
        2,
        "U+0435",
    ),
    Case("fullwidth letter in a parameter", sub("(with effort)", "(with \uff45ffort)"), 2, "look-alike"),
    Case("bidi override in a parameter", sub("(with effort)", "(with eff\u202eort)"), 2, "U+202E"),
    Case("zero-width joiner in a header name", sub("(with speed", "(with sp\u200deed"), 2, "U+200D"),
    Case("zero-width space in a column header", sub(HEADER, HEADER.replace("ZDR", "ZD\u200bR")), 2, ":244:20:"),
    Case("Greek letters in a column header", sub(HEADER, HEADER.replace("HIPAA", "HIP\u0391\u0391")), 2, "U+0391"),
    Case("Cyrillic letter in a feature name", sub("Citations/v1/", "Cit\u0430tions/v1/"), 2, "look-alike"),
    Case("zero-width space in an endpoint", sub("/v1/files", "/v1/fi\u200bles"), 2, ""),
    Case("zero-width joiner in a status word", sub("messagesYesYesSource", "messagesYe\u200dsYesSource"), 2, "status"),
    Case(
        "Cyrillic o in a status word", sub("Files API/v1/filesNoNo", "Files API/v1/filesN\u043eNo"), 2, "unknown status"
    ),
    Case(
        "Markdown zero-width in a tool name",
        md("(with `web_search` tool)", "(with `web\u200bsearch` tool)"),
        2,
        "U+200B",
    ),
    # a status attribute contradicting its word
    Case(
        "status attribute says no, word says Yes",
        md("| <Eligible>Yes</Eligible> | Standard API", '| <Eligible status="no">Yes</Eligible> | Standard API'),
        2,
        "contradicts its word 'Yes'",
    ),
    Case(
        "status attribute says qualified, word says No",
        md('<Eligible status="no">No</Eligible>', '<Eligible status="qualified">No</Eligible>'),
        2,
        "contradicts its word 'No'",
    ),
    # hidden rows never become data silently
    Case("HTML row hidden", html_row("hidden"), 2, "<tr> hidden from readers"),
    Case(
        "Markdown hidden status",
        md(
            "| <Eligible>Yes</Eligible> | Standard API",
            "| <span hidden>No</span><Eligible>Yes</Eligible> | Standard API",
        ),
        2,
        "hidden from readers",
    ),
    Case(
        "Markdown display:none block",
        md("## Feature eligibility", '<div style="display: none">Extra</div>\n\n## Feature eligibility'),
        2,
        "hidden from readers",
    ),
    Case("HTML row aria-hidden", html_row('aria-hidden="true"'), 2, "<tr> hidden from readers"),
    Case("HTML row display:none", html_row('style="display:none"'), 2, "<tr> hidden from readers"),
    Case("implausible: half the rows gone", HALF, 4, "shrank from 30 to 15"),
    Case("implausible: the HIPAA column gone", zdr_only_dump(), 4, "column(s) gone: HIPAA eligible"),
    Case("implausible: most statuses flipped", flip_statuses(), 4, "statuses changed at once"),
]


def run_build(dist: Path, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "scraper", "build", str(page), "--dist", str(dist), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, check=False)


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def good_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("good") / "dist"
    assert run_build(dist, BUNDLED, "--accept").returncode == 0  # the dump lost its FAQ
    return dist


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_input_is_refused_cleanly(case: Case, good_dist: Path, tmp_path: Path) -> None:
    page = tmp_path / "page"  # no suffix: the form is sniffed from the content
    page.write_bytes(case.data)
    before = snapshot(good_dist)
    done = run_build(good_dist, page, *case.args)
    assert_refused(done, case.code, case.message, str(page))
    assert snapshot(good_dist) == before


def assert_refused(done: subprocess.CompletedProcess[str], code: int, message: str, where: str) -> None:
    """The contract's code, one located line per problem naming `where`, no traceback, no output."""
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr and message in done.stderr, done.stderr
    for line in done.stderr.splitlines():
        assert line.startswith("retention: error: ") and len(line) < 2000
        assert where in line or "<stdin>" in line, line  # every problem names where
    assert done.stdout == ""


def test_there_are_at_least_sixty_cases() -> None:
    assert len(CASES) + len(DIST_CASES) >= 60


def test_accept_publishes_what_a_gate_held_back(good_dist: Path, tmp_path: Path) -> None:
    page, dist = tmp_path / "page.txt", tmp_path / "dist"
    page.write_bytes(HALF)
    shutil.copytree(good_dist, dist)
    done = run_build(dist, page, "--accept")
    assert done.returncode == 0, done.stderr
    assert "published dataset 2.0.0" in done.stdout  # features removed: a major change
    assert snapshot(dist) != snapshot(good_dist)


def _edit_json(name: str, edit: Callable[[dict[str, Any]], object]) -> Callable[[Path], None]:
    def apply(dist: Path) -> None:
        data = json.loads((dist / name).read_text(encoding="utf-8"))
        edit(data)
        (dist / name).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")

    return apply


def _replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(dist: Path) -> None:
        text = (dist / name).read_text(encoding="utf-8")
        assert old in text
        (dist / name).write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def apply(dist: Path) -> None:
        (dist / name).write_bytes(data)

    return apply


def _unlink(name: str) -> Callable[[Path], None]:
    return lambda dist: (dist / name).unlink()


@dataclass(frozen=True)
class DistCase:
    """A published dist/ damaged by hand or by a bad disk; `named` is the file the error names."""

    name: str
    damage: Callable[[Path], None]
    named: str
    message: str


DIST_CASES = [
    DistCase(
        "5 000-digit integer",
        _replace("retention.json", '"line": ', '"line": ' + "9" * 5000),
        "retention.json",
        "digits",
    ),
    DistCase(
        "100 000-deep nesting",
        _write("retention.json", b"[" * 100_000 + b"]" * 100_000),
        "retention.json",
        "nested too deeply",
    ),
    DistCase(
        "a feature without its hipaa status",
        _edit_json("retention.json", lambda d: d["features"][0]["eligibility"].pop("hipaa")),
        "retention.json",
        "no status for 'hipaa'",
    ),
    DistCase("retention.json not UTF-8", _write("retention.json", b"\xff\xfe{}"), "retention.json", ""),
    DistCase("manifest not JSON", _write("history/manifest.json", b"{nope"), "history/manifest.json", "manifest"),
    DistCase("manifest deleted", _unlink("history/manifest.json"), "history/manifest.json", "missing"),
    DistCase(
        "history file deleted", _unlink("history/1.0.0.json"), "history/manifest.json", "its history file is missing"
    ),
    DistCase(
        "history file edited",
        _edit_json("history/1.0.0.json", lambda d: d["features"][0].update(details="Never said.")),
        "history/1.0.0.json",
        "sha256",
    ),
    DistCase(
        "version set by hand",
        _replace("retention.json", '"dataset_version": "1.0.0"', '"dataset_version": "3.0.0"'),
        "retention.json",
        "3.0.0",
    ),
    DistCase("CHANGELOG section gone", _replace("CHANGELOG.md", "## 1.0.0", "## 1"), "CHANGELOG.md", "lists versions"),
]


@pytest.mark.parametrize("case", DIST_CASES, ids=[c.name for c in DIST_CASES])
def test_a_damaged_dist_is_refused_cleanly(case: DistCase, good_dist: Path, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    shutil.copytree(good_dist, dist)
    case.damage(dist)
    before = snapshot(dist)
    done = run_build(dist, BUNDLED)
    assert_refused(done, 2, case.message, str(dist))
    assert str(dist / case.named) in done.stderr
    assert snapshot(dist) == before
