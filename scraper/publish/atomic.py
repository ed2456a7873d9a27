"""Publishing dist/ all at once: a complete new tree is built beside it, verified, then swapped in.

A reader (or a crash) sees the whole old dist/ or the whole new one, never a mix. A lock file
beside dist/ keeps two runs from interleaving and is removed when released (a run killed
while holding it leaves it, and the next run removes it); temporary trees left by a killed run
are removed by the next one.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scraper.publish.swap import exchange


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def write_atomic(path: Path, text: str) -> None:
    """Replace one file so that a reader sees the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.fchmod(fd, 0o644)
    os.close(fd)
    try:
        _write(Path(tmp), text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_LOCAL = threading.local()  # the dist/ folders this thread holds the lock of


def _acquire(path: Path) -> int:
    """Open and lock `path`, retrying until the file locked is still the one at `path` (a run
    that held it removes it before unlocking, so a waiter may wake up on a deleted file)."""
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)


@contextmanager
def locked(dist: Path) -> Iterator[None]:
    """Hold the exclusive lock of `dist` (a `.NAME.lock` file beside it, removed when released,
    so no lock file is left in the user's folder); re-entrant within a thread, so a caller can
    hold it across read, plan and publish."""
    held: set[Path] = _LOCAL.__dict__.setdefault("held", set())
    key = dist.resolve()
    if key in held:
        yield
        return
    dist.parent.mkdir(parents=True, exist_ok=True)
    path = dist.parent / f".{dist.name}.lock"
    fd = _acquire(path)
    held.add(key)
    try:
        yield
    finally:
        held.discard(key)
        path.unlink(missing_ok=True)  # before unlocking: a waiter then sees its file is gone
        os.close(fd)


def _recover(dist: Path) -> None:
    """Undo what a killed run left: restore dist/ if it died between two renames, drop temp trees."""
    olds = sorted(dist.parent.glob(f".{dist.name}.old-*"))
    if not dist.exists() and olds:
        os.rename(olds.pop(), dist)
    for stale in olds + sorted(dist.parent.glob(f".{dist.name}.new-*")):
        shutil.rmtree(stale, ignore_errors=True)


def _changed(dist: Path, files: dict[str, str]) -> list[str]:
    changed = []
    for name in sorted(files):
        target = dist / name
        if not (target.is_file() and target.read_bytes() == files[name].encode("utf-8")):
            changed.append(name)
    return changed


def _stage(dist: Path, files: dict[str, str], changed: list[str]) -> Path:
    stage = Path(tempfile.mkdtemp(prefix=f".{dist.name}.new-", dir=dist.parent))
    os.chmod(stage, 0o755)
    if dist.is_dir():
        shutil.copytree(dist, stage, dirs_exist_ok=True)
    for name in changed:
        _write(stage / name, files[name])
    if _changed(stage, files):
        raise OSError(f"staged tree {stage} does not hold what was written")
    return stage


def _swap_in(stage: Path, dist: Path) -> None:
    if not dist.exists():
        os.rename(stage, dist)
    elif exchange(stage, dist):
        shutil.rmtree(stage)
    else:  # no atomic exchange here: two renames, the narrowest window we can get
        old = dist.parent / f".{dist.name}.old-{os.getpid()}"
        os.rename(dist, old)
        os.rename(stage, dist)
        shutil.rmtree(old)


def publish(dist: Path, files: dict[str, str]) -> list[str]:
    """Make `dist` hold `files` (other files kept); return the names that changed, sorted."""
    with locked(dist):
        _recover(dist)
        changed = _changed(dist, files)
        if not changed:
            return []
        stage = _stage(dist, files, changed)
        try:
            _swap_in(stage, dist)
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        return changed
