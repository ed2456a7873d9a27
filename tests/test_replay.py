"""`make history`: the manifest's copies published in order, and a manifest that says anything
the copies do not (bytes, dates, gates) refused with the entry named."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from scraper.publish.replay import main
from tests.conftest import BUNDLED, MD_MAY, MDX_MARCH


def _entry(order: int, path: Path, form: str, date: str | None, accept: Any = None) -> dict[str, Any]:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return {"order": order, "file": path.name, "form": form, "sha256": digest, "date": date, "url": None, "accept": accept}


def _manifest(folder: Path, *entries: dict[str, Any]) -> Path:
    folder.mkdir(exist_ok=True)
    for source in (MDX_MARCH, BUNDLED, MD_MAY):
        shutil.copyfile(source, folder / source.name)
    path = folder / "manifest.json"
    path.write_text(json.dumps({"copies": list(entries)}), encoding="utf-8")
    return path


def _replay(manifest: Path, dist: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main([str(manifest), "--dist", str(dist)])
    return code, capsys.readouterr().err


def test_copies_are_published_in_order_with_their_own_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    march, may = _entry(1, MDX_MARCH, "markdown", None), _entry(2, MD_MAY, "markdown", "2026-05-04")
    code, err = _replay(_manifest(tmp_path / "sources", march, may), tmp_path / "dist", capsys)
    assert code == 0, err
    history = json.loads((tmp_path / "dist" / "history" / "manifest.json").read_text(encoding="utf-8"))
    assert [(e["file"], e["date"]) for e in history.values()] == [(MDX_MARCH.name, None), (MD_MAY.name, "2026-05-04")]
    assert json.loads((tmp_path / "dist" / "retention.json").read_text(encoding="utf-8"))["source"]["date"] == "2026-05-04"


def test_a_gate_the_manifest_does_not_accept_stops_the_replay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The April dump lost the FAQ and, being text, the rows' links: without an accept for
    exactly those gates, nothing passes them."""
    march, april = _entry(1, MDX_MARCH, "markdown", None), _entry(2, BUNDLED, "text", None)
    code, err = _replay(_manifest(tmp_path / "sources", march, april), tmp_path / "dist", capsys)
    assert code == 4 and "page.faq" in err and "29 of 29 rows lost their doc link" in err and BUNDLED.name in err
    faq = "page field(s) filled before and empty now: page.faq"
    links = "29 of 29 rows lost their doc link (more than 20%)"
    april = _entry(2, BUNDLED, "text", None, {"gates": [faq], "why": "the dump lost the FAQ"})
    code, err = _replay(_manifest(tmp_path / "sources", march, april), tmp_path / "dist1", capsys)
    assert code == 4 and links in err
    accepted = {"gates": [links, faq], "why": "the dump lost the FAQ and keeps no links"}
    april = _entry(2, BUNDLED, "text", None, accepted)
    code, err = _replay(_manifest(tmp_path / "sources", march, april), tmp_path / "dist2", capsys)
    assert code == 0, err
    entry = json.loads((tmp_path / "dist2" / "history" / "manifest.json").read_text(encoding="utf-8"))["2.0.0"]
    assert entry["accepted"] == f"{links}; {faq} (the dump lost the FAQ and keeps no links)"
    log = (tmp_path / "dist2" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"Published past a plausibility gate: {links}; {faq}" in log
    assert "- Messages API: doc link gone" in log


def test_an_accept_no_gate_needs_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stale = {"gates": ["footnotes fell from 3 to 0"], "why": "was needed once"}
    march, may = _entry(1, MDX_MARCH, "markdown", None), _entry(2, MD_MAY, "markdown", "2026-05-04", stale)
    code, err = _replay(_manifest(tmp_path / "sources", march, may), tmp_path / "dist", capsys)
    assert code == 2 and "sources/manifest.json: copies[1].accept" in err and "footnotes fell from 3 to 0" in err
    assert not (tmp_path / "dist" / "history" / "2.0.0.json").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"date": "2026-05-05"}, "the copy says 2026-05-04"),
        ({"date": None}, "the copy says 2026-05-04"),
        ({"sha256": "0" * 64}, "not the copy as found"),
        ({"accept": {"gates": ["x"]}}, "accept.why"),
        ({"form": "pdf"}, "form 'pdf'"),
        ({"order": 3}, "in order 1, 2, 3"),
    ],
)
def test_a_manifest_that_misstates_a_copy_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: dict[str, Any], message: str
) -> None:
    march, may = _entry(1, MDX_MARCH, "markdown", None), _entry(2, MD_MAY, "markdown", "2026-05-04") | change
    code, err = _replay(_manifest(tmp_path / "sources", march, may), tmp_path / "dist", capsys)
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "dist" / "history" / "2.0.0.json").exists()


def test_the_history_is_replayed_into_an_empty_folder_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = _manifest(tmp_path / "sources", _entry(1, MDX_MARCH, "markdown", None))
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "retention.json").write_text("{}")
    code, err = _replay(manifest, tmp_path / "dist", capsys)
    assert code == 2 and "empty or missing folder" in err
    assert (tmp_path / "dist" / "retention.json").read_text() == "{}"


def test_a_reader_that_leaves_early_does_not_stop_the_replay(tmp_path: Path) -> None:
    """`make history | head -1`: the pipe closes after the first line; the replay finishes quietly."""
    import subprocess
    import sys

    march, may = _entry(1, MDX_MARCH, "markdown", None), _entry(2, MD_MAY, "markdown", "2026-05-04")
    manifest, dist = _manifest(tmp_path / "sources", march, may), tmp_path / "dist"
    argv = [sys.executable, "-m", "scraper.publish.replay", str(manifest), "--dist", str(dist)]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        first = run.stdout.readline()
        run.stdout.close()  # the reader leaves
        err = run.stderr.read().decode()
    assert first and run.returncode == 0 and "Traceback" not in err, err
    history = json.loads((dist / "history" / "manifest.json").read_text(encoding="utf-8"))
    assert len(history) == 2
