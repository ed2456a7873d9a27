"""Same input, same bytes: the build does not depend on hash seed, time zone, locale or directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUNDLED

REPO = Path(__file__).resolve().parent.parent

ENVIRONMENTS = [
    {"PYTHONHASHSEED": "0", "TZ": "UTC", "LANG": "C", "LC_ALL": "C"},
    {"PYTHONHASHSEED": "12345", "TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"},
    {"PYTHONHASHSEED": "random", "TZ": "America/St_Johns", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"},
]


def build(tmp: Path, name: str, extra: dict[str, str]) -> dict[str, bytes]:
    workdir = tmp / name
    workdir.mkdir()
    env = {**os.environ, **extra, "PYTHONPATH": str(REPO)}
    subprocess.run(
        [sys.executable, "-m", "scraper", "build", str(BUNDLED), "--dist", "out", "--accept"],
        cwd=workdir,
        env=env,
        check=True,
        capture_output=True,
    )
    out = workdir / "out"
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_build_is_byte_identical_across_environments(tmp_path: Path) -> None:
    results = [build(tmp_path, f"run{i}", env) for i, env in enumerate(ENVIRONMENTS)]
    assert results[0], "the build wrote nothing"
    for other in results[1:]:
        assert other == results[0]
