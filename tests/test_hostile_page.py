"""A page whose cells carry code and template payloads builds with them inert and verbatim."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from scraper import source
from tests.conftest import BUNDLED, CliRun

PAYLOAD = (
    '{{ 7*7 }} {% raw %} """; import os; os.system("touch PWNED") # \'\'\' \\ | '
    "<script>alert(1)</script> `x` *y* _z_ [l](http://e)"
)
NAME = "Cit|ations {{x}}"


def hostile_page() -> str:
    text = BUNDLED.read_text(encoding="utf-8")
    return text.replace("Source attribution uses the standard Messages API.", PAYLOAD).replace(
        "Citations/v1/", NAME + "/v1/"
    )


def test_a_markdown_looking_cell_does_not_make_a_dump_markdown() -> None:
    assert source.sniff(hostile_page()) == "text"


def test_payloads_are_published_inert_and_verbatim(cli: CliRun, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(hostile_page(), encoding="utf-8")
    dist = tmp_path / "dist"
    assert cli("build", str(page), "--dist", str(dist), "--accept").code == 0  # the dump lost its FAQ
    published = json.loads((dist / "retention.json").read_text(encoding="utf-8"))
    feature = next(f for f in published["features"] if f["name"] == NAME)
    assert feature["details"] == PAYLOAD
    program = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import retention_constants as rc; "
        "f = next(f for f in rc.FEATURES.values() if f.name.startswith('Cit')); print(json.dumps([f.name, f.details]))"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-B", "-c", program, str(dist)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == [NAME, PAYLOAD]
    assert not (tmp_path / "PWNED").exists()
    markdown = (dist / "retention.md").read_text(encoding="utf-8")
    assert "Cit\\|ations {{x}}" in markdown and "\\<script\\>" in markdown
