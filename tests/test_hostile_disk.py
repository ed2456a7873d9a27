"""An unlucky operator's disk: full, read-only, not ours, missing, a symlink, a kill, a Ctrl-C.

Each ends in one line naming the path and the cause with a documented exit code (5: could not
write; 130: interrupted), no traceback, dist/ wholly old or wholly new and no temporary tree.
Running as root ignores permission bits, so faults are injected where the system would raise.
"""

from __future__ import annotations

import errno
import io
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scraper.publish import atomic, verify
from tests.conftest import BUNDLED, CliRun
from tests.killing import run_and_kill

REPO = Path(__file__).resolve().parent.parent
CHANGED = BUNDLED.read_text(encoding="utf-8").replace("Count tokens before", "Count the tokens before", 1)


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".new-" in p.name or ".old-" in p.name)


@pytest.fixture
def good(tmp_path: Path, cli: CliRun) -> Path:
    dist = tmp_path / "dist"
    assert cli("build", str(BUNDLED), "--dist", str(dist), "--accept").code == 0  # the dump lost its FAQ
    return dist


@pytest.fixture
def changed_page(tmp_path: Path) -> Path:
    page = tmp_path / "changed.txt"
    page.write_text(CHANGED, encoding="utf-8")
    return page


def refuse_writes(monkeypatch: pytest.MonkeyPatch, under: Path, code: int) -> None:
    """Make every write below `under` fail with `code`, as that file system would."""

    def guard(name: str, real: Callable[..., Any], writes: Callable[..., bool]) -> None:
        def fake(*args: Any, **kwargs: Any) -> Any:
            if writes(*args, **kwargs) and str(args[0]).startswith(str(under)):
                raise OSError(code, os.strerror(code), str(args[0]))
            return real(*args, **kwargs)

        monkeypatch.setattr(os if name != "open" else io, name, fake)

    guard("open", io.open, lambda path, mode="r", *a, **k: any(c in mode for c in "wax+"))
    for name in ("mkdir", "rename", "replace", "unlink", "rmdir"):
        guard(name, getattr(os, name), lambda *a, **k: True)


def assert_clean_failure(result: Any, code: int, path: Path, cause: str) -> None:
    assert result.code == code, result.err
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("retention: error: "), result.err
    assert str(path) in lines[0] and cause in lines[0], lines[0]


@pytest.mark.parametrize(
    ("code", "cause"),
    [
        (errno.ENOSPC, "No space left on device"),
        (errno.EROFS, "Read-only file system"),
        (errno.EACCES, "Permission denied"),
    ],
)
def test_a_disk_that_refuses_writes_fails_cleanly(
    code: int, cause: str, good: Path, changed_page: Path, cli: CliRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(good)
    refuse_writes(monkeypatch, good.parent, code)
    result = cli("build", str(changed_page), "--dist", str(good))
    assert_clean_failure(result, 5, good.parent, cause)
    monkeypatch.undo()
    assert tree(good) == before and leftovers(good.parent) == []


def test_a_full_disk_mid_copy_leaves_no_half_built_tree(
    good: Path, changed_page: Path, cli: CliRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(good)
    calls = []

    def full(path: Path, text: str) -> None:
        calls.append(path)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(atomic, "_write", full)
    assert_clean_failure(cli("build", str(changed_page), "--dist", str(good)), 5, good.parent, "No space left")
    assert calls and tree(good) == before and leftovers(good.parent) == []


def test_an_unchanged_build_on_a_read_only_disk_succeeds(
    good: Path, cli: CliRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    (good.parent / ".dist.lock").unlink(missing_ok=True)  # the lock file cannot be created there either
    refuse_writes(monkeypatch, good.parent, errno.EROFS)
    result = cli("build", str(BUNDLED), "--dist", str(good))
    assert result.code == 0 and "unchanged" in result.out, result.err
    assert cli("verify", "--dist", str(good)).code == 0


def test_a_dist_below_a_file_is_a_clean_failure(tmp_path: Path, cli: CliRun) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder\n")
    result = cli("build", str(BUNDLED), "--dist", str(blocker / "dist"), "--accept")
    assert_clean_failure(result, 5, blocker, "Not a directory")
    assert blocker.read_text() == "not a folder\n"


def test_a_symlinked_dist_is_followed_and_kept(tmp_path: Path, changed_page: Path, cli: CliRun) -> None:
    real = tmp_path / "real"
    link = tmp_path / "dist"
    link.symlink_to(real, target_is_directory=True)
    assert cli("build", str(BUNDLED), "--dist", str(link), "--accept").code == 0  # the dump lost its FAQ
    assert link.is_symlink() and (real / "retention.json").is_file()
    result = cli("build", str(changed_page), "--dist", str(link))
    assert result.code == 0 and "published dataset 1.0.1" in result.out, result.err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert tree(link) == tree(real) and cli("verify", "--dist", str(link)).code == 0
    assert leftovers(tmp_path) == []


def test_a_kill_between_the_two_renames_is_repaired_without_rewriting_history(
    good: Path, changed_page: Path, cli: CliRun
) -> None:
    before = tree(good)
    os.rename(good, good.parent / ".dist.old-4242")  # killed after the first rename
    (good.parent / ".dist.new-abc").mkdir()  # ... with the new tree still beside it
    (good.parent / ".dist.new-abc" / "retention.json").write_text("half\n")
    result = cli("build", str(changed_page), "--dist", str(good))
    assert result.code == 0 and "published dataset 1.0.1" in result.out, result.err
    after = tree(good)
    assert after["history/1.0.0.json"] == before["history/1.0.0.json"]
    assert verify.problems(good) == [] and leftovers(good.parent) == []


@pytest.mark.parametrize("step", ["staging", "after the swap"])
def test_an_interrupt_says_whether_the_version_was_published(
    step: str, good: Path, changed_page: Path, cli: CliRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree(good)
    monkeypatch.setattr(atomic, "PUBLISHED", [])

    def interrupt(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    if step == "staging":
        monkeypatch.setattr(atomic, "_write", interrupt)
    else:
        monkeypatch.setattr("scraper.publish.atomic.shutil.rmtree", interrupt)  # cleaning up the old tree
    result = cli("build", str(changed_page), "--dist", str(good))
    monkeypatch.undo()
    assert result.code == 130 and "Traceback" not in result.err
    if step == "staging":
        assert "nothing was published" in result.err and tree(good) == before
    else:
        assert "was published before the interrupt" in result.err and tree(good) != before
        assert verify.problems(good) == []


CHILD = """
import sys
from scraper.publish import atomic
from scraper.cli import main
atomic.exchange = lambda a, b: False  # the two-rename path
pages = sys.argv[2:]
print("ready", flush=True)
n = 0
while True:
    main(["build", pages[n % 2], "--dist", sys.argv[1], "--accept"])
    n += 1
"""


def test_kills_at_random_points_of_the_fallback_swap_never_rewrite_history(good: Path, changed_page: Path) -> None:
    rng = random.Random(20261130)
    seen: dict[str, bytes] = {}
    for _ in range(12):
        run_and_kill(CHILD, [str(good), str(changed_page), str(BUNDLED)], rng, 0.05, 0.8)
        with atomic.locked(good):  # the next run repairs first
            problems = verify.problems(good)
        assert problems == [], problems
        now = tree(good)
        for name, data in seen.items():
            assert now[name] == data, f"{name} was rewritten"
        seen |= {k: v for k, v in now.items() if k.startswith("history/") and k != "history/manifest.json"}
    assert leftovers(good.parent) == []


def test_an_output_file_that_cannot_be_written_is_exit_5(tmp_path: Path, cli: CliRun) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x\n")
    result = cli("compile", str(BUNDLED), "-o", str(blocker / "out.json"))
    assert_clean_failure(result, 5, blocker / "out.json", "Not a directory")
    assert leftovers(tmp_path) == [] and blocker.read_text() == "x\n"
