"""Kill a Python child at a random moment once it says it is ready (tests of what a kill leaves)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_and_kill(script: str, args: list[str], rng: random.Random, low: float, high: float) -> None:
    """Run `script` (which prints "ready" first) with `args`, SIGKILL it after a random delay."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
    )
    assert child.stdout is not None and child.stdout.readline() == b"ready\n"
    time.sleep(rng.uniform(low, high))
    child.send_signal(signal.SIGKILL)
    child.wait()
