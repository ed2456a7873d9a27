"""Writing dist/: every file is written beside its target, flushed, then renamed into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` so that a reader sees the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def publish(dist: Path, files: dict[str, str]) -> list[str]:
    """Write the files whose content changed; return their names (sorted)."""
    changed = []
    for name in sorted(files):
        target = dist / name
        if target.exists() and target.read_text(encoding="utf-8") == files[name]:
            continue
        changed.append(name)
    for name in changed:
        write_atomic(dist / name, files[name])
    return changed
