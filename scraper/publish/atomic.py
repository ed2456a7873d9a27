"""Publishing dist/ all at once: a complete new tree is built beside it, verified, then swapped in.

A reader (or a crash) sees the whole old dist/ or the whole new one, never a mix. A lock file
beside dist/ keeps two runs from interleaving and is removed when released (a run killed
while holding it leaves it, and the next run removes it); what a killed run left (a dist/ moved
aside between two renames, temporary trees) is repaired by the next one as soon as it holds the
lock, before it reads dist/. A dist/ that is a symbolic link is followed: its target is
published. A disk that is full, read-only or not ours ends in one line naming the path and the
cause (exit 5), with dist/ untouched and no temporary tree left.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scraper.errors import Exit, fail
from scraper.publish.swap import exchange

PUBLISHED: list[Path] = []  # dist/ folders this process swapped a new tree into (for SIGINT)
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


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
    key = target(dist)
    if key in held:
        yield
        return
    path = key.parent / f".{key.name}.lock"
    fd = _open_lock(key, path)
    if fd is None:  # a folder nobody may write to needs no lock: a publish there fails cleanly
        yield
        return
    held.add(key)
    try:
        _recover(key)
        yield
    finally:
        held.discard(key)
        with contextlib.suppress(OSError):  # a lock file left behind is harmless; never mask an error
            path.unlink(missing_ok=True)  # before unlocking: a waiter then sees its file is gone
        os.close(fd)


def _open_lock(dist: Path, path: Path) -> int | None:
    """The locked file descriptor of `path`; None where nobody may write (read-only, forbidden)."""
    try:
        dist.parent.mkdir(parents=True, exist_ok=True)
        return _acquire(path)
    except OSError as err:
        if err.errno in _READ_ONLY:
            return None
        raise cannot_write(err, dist) from None


def target(dist: Path) -> Path:
    """The folder really written: a symbolic link's target (followed, never replaced)."""
    return Path(os.path.realpath(dist)) if dist.is_symlink() else dist.absolute()


def cannot_write(err: OSError, dist: Path) -> Exception:
    """An OSError while publishing as the one-line failure the CLI prints (exit 5)."""
    where = err.filename or dist
    return fail("write", f"cannot publish {dist}: {cause(err)}; nothing was published", str(where), Exit.CANNOT_WRITE)


def cause(err: OSError) -> str:
    """What the system said, in words: `mkdir` on a file says "File exists", which misleads."""
    if err.errno == errno.EEXIST and err.filename and not Path(err.filename).is_dir():
        return "Not a directory (a file is in the way)"
    return err.strerror or str(err)


def _recover(dist: Path) -> None:
    """Undo what a killed run left: restore dist/ if it died between two renames (the old tree is
    whole: the new one was never in place), drop temp trees. Runs before dist/ is read."""
    olds = sorted(dist.parent.glob(f".{dist.name}.old-*"), key=lambda p: p.stat().st_mtime)
    try:
        if not dist.exists() and olds:
            os.rename(olds.pop(), dist)
        for stale in olds + sorted(dist.parent.glob(f".{dist.name}.new-*")):
            shutil.rmtree(stale, ignore_errors=True)
    except OSError as err:
        raise cannot_write(err, dist) from None


def _changed(dist: Path, files: dict[str, str]) -> list[str]:
    changed = []
    for name in sorted(files):
        target = dist / name
        if not (target.is_file() and target.read_bytes() == files[name].encode("utf-8")):
            changed.append(name)
    return changed


def _stage(dist: Path, files: dict[str, str], changed: list[str]) -> Path:
    stage = Path(tempfile.mkdtemp(prefix=f".{dist.name}.new-", dir=dist.parent))
    try:
        os.chmod(stage, 0o755)
        if dist.is_dir():
            shutil.copytree(dist, stage, dirs_exist_ok=True)
        for name in changed:
            _write(stage / name, files[name])
        if _changed(stage, files):
            raise OSError(errno.EIO, "the staged tree does not hold what was written", str(stage))
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return stage


def _swap_in(stage: Path, dist: Path) -> Path | None:
    """Put `stage` in place of `dist`; return the old tree, now to be removed (None if none)."""
    if not dist.exists():
        os.rename(stage, dist)
        return None
    if exchange(stage, dist):
        return stage  # holds the old tree now
    # no atomic exchange here: two renames, the narrowest window we can get
    old = dist.parent / f".{dist.name}.old-{os.getpid()}"
    os.rename(dist, old)
    try:
        os.rename(stage, dist)
    except BaseException:
        os.rename(old, dist)
        raise
    return old


@contextmanager
def _no_interrupt() -> Iterator[None]:
    """Hold SIGINT back (main thread) until the block is done; it is delivered right after."""
    main = threading.current_thread() is threading.main_thread()
    if main:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if main:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def publish(dist: Path, files: dict[str, str]) -> list[str]:
    """Make `dist` hold `files` (other files kept); return the names that changed, sorted."""
    real = target(dist)
    with locked(real):
        changed = _changed(real, files)
        if not changed:
            return []
        try:
            stage = _stage(real, files, changed)
        except OSError as err:
            raise cannot_write(err, dist) from None
        with _no_interrupt():  # published and recorded as published, or neither
            try:
                leftover = _swap_in(stage, real)
            except OSError as err:
                shutil.rmtree(stage, ignore_errors=True)
                raise cannot_write(err, dist) from None
            PUBLISHED.append(dist)
        if leftover is not None:
            shutil.rmtree(leftover, ignore_errors=True)
        return changed
