"""dist/ changes all at once or not at all, even when the publisher is killed; runs never interleave."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

from scraper.publish.atomic import locked, publish
from tests.killing import run_and_kill

REPO = Path(__file__).resolve().parent.parent


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def version(tag: str) -> dict[str, str]:
    files = {f"history/{n}.json": f'{{"n": {n}}}\n' for n in range(3)}
    files |= {name: f"{name} {tag}\n" * 200 for name in ("retention.json", "retention.md", "CHANGELOG.md")}
    return files


def test_publish_writes_only_what_changed_and_keeps_the_rest(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    assert publish(dist, {"a.txt": "1\n", "b/c.txt": "2\n"}) == ["a.txt", "b/c.txt"]
    (dist / "kept.txt").write_text("mine\n")
    assert publish(dist, {"a.txt": "1\n", "b/c.txt": "3\n"}) == ["b/c.txt"]
    assert tree(dist) == {"a.txt": b"1\n", "b/c.txt": b"3\n", "kept.txt": b"mine\n"}
    assert publish(dist, {"a.txt": "1\n"}) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".dist.")] == []


def test_a_second_run_waits_for_the_lock(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    done = threading.Event()

    def other_run() -> None:
        publish(dist, {"a.txt": "other\n"})
        done.set()

    with locked(dist):
        thread = threading.Thread(target=other_run)
        thread.start()
        assert not done.wait(0.3)
    thread.join(5)
    assert done.is_set() and (dist / "a.txt").read_text() == "other\n"


def test_the_lock_serialises_many_runs_and_leaves_no_lock_file(tmp_path: Path) -> None:
    """Each holder removes the lock file before releasing it; waiters that woke on the removed
    file must lock afresh, so no two runs ever hold the lock at once."""
    dist = tmp_path / "dist"
    counter = tmp_path / "count"
    counter.write_text("0")

    def run() -> None:
        with locked(dist):
            seen = int(counter.read_text())
            time.sleep(0.005)
            counter.write_text(str(seen + 1))

    threads = [threading.Thread(target=run) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert counter.read_text() == "12"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["count"]


CHILD = """
import sys, json
from pathlib import Path
from scraper.publish.atomic import publish
dist, old, new = Path(sys.argv[1]), json.loads(sys.argv[2]), json.loads(sys.argv[3])
print("ready", flush=True)
while True:
    publish(dist, new)
    publish(dist, old)
"""


def test_sigkill_at_random_points_leaves_dist_wholly_old_or_wholly_new(tmp_path: Path) -> None:
    import json

    old, new = version("old"), version("new")
    dist = tmp_path / "dist"
    publish(dist, old)
    states = [tree(dist)]
    publish(dist, new)
    states.append(tree(dist))
    rng = random.Random(20261124)
    for _ in range(200):
        run_and_kill(CHILD, [str(dist), json.dumps(old), json.dumps(new)], rng, 0, 0.02)
        assert tree(dist) in states
    publish(dist, old)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".dist.")] == []
