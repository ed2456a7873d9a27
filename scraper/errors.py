"""Errors as values: a problem names what went wrong and where; exit codes are named."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Exit(enum.IntEnum):
    """Exit codes of the command-line contract."""

    OK = 0
    CHANGED = 1
    BAD_INPUT = 2
    FETCH_FAILED = 3
    REFUSED = 4
    CANNOT_WRITE = 5  # dist/ could not be written (disk full, read-only, permission): nothing published
    INTERRUPTED = 130  # SIGINT; the message says whether the version was published
    BUG = 70


@dataclass(frozen=True)
class Problem:
    """One located problem: `where` is `file:line:col`, a URL or a JSON path."""

    kind: str
    message: str
    where: str

    def __str__(self) -> str:
        return f"{self.where}: {self.kind}: {self.message}"


class RetentionError(Exception):
    """Raised with every problem found; the CLI prints one line each and exits with `code`."""

    def __init__(self, problems: list[Problem], code: Exit = Exit.BAD_INPUT) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems
        self.code = code


def at(origin: str, line: int, col: int) -> str:
    """The one spelling of a place in a file: `origin:line:col` (1-based)."""
    return f"{origin}:{line}:{col}"


def fail(kind: str, message: str, where: str, code: Exit = Exit.BAD_INPUT) -> RetentionError:
    """Build a single-problem error, ready to raise."""
    return RetentionError([Problem(kind, message, where)], code)


def report(exc: RetentionError) -> int:
    """Print each problem as one `retention: error:` line on stderr; the exit code to return."""
    import click

    for problem in exc.problems:
        click.echo(f"retention: error: {problem}", err=True)
    return exc.code
