"""Shared helpers: compile text in-process, run the CLI, read the corpus copies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from schema.models import Dataset
from scraper import source
from scraper.cli import main
from scraper.compiler import compile_source

TESTS = Path(__file__).resolve().parent
CORPUS = TESTS / "corpus"
GOLDEN = TESTS / "golden"
BUNDLED = CORPUS / "en-text-2026-04.txt"
MDX_MARCH = CORPUS / "en-mdx-2026-03.md"
MD_MAY = CORPUS / "en-mintlify-md-2026-05-04.md"


def compile_text(text: str, origin: str = "page.txt") -> Dataset:
    return compile_source(source.from_bytes(text.encode("utf-8"), origin))


@dataclass
class Run:
    code: int
    out: str
    err: str


CliRun = Callable[..., Run]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> CliRun:
    """Run `retention ARGS...` in-process; returns exit code and captured output."""

    def run(*args: str) -> Run:
        code = main(list(args))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def _profiles() -> None:
    """`ci` (default, derandomized) runs in `make test`; `fuzz` is the long run of `make fuzz`."""
    import os

    from hypothesis import HealthCheck, settings

    quiet = [HealthCheck.too_slow, HealthCheck.data_too_large]
    settings.register_profile("ci", max_examples=150, derandomize=True, deadline=None, suppress_health_check=quiet)
    settings.register_profile("fuzz", max_examples=100_000, deadline=None, suppress_health_check=quiet)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


_profiles()
