"""The semantic rules of schema/rules.py as located problems, raised together."""

from __future__ import annotations

from schema import rules
from schema.models import Dataset
from scraper.errors import Problem, RetentionError, at


def locate(finding: rules.Finding, origin: str, in_source: bool) -> Problem:
    """A rule finding as a located problem: page line:col when compiling, JSON path otherwise."""
    if in_source and finding.span is not None:
        where = at(origin, finding.span.line, finding.span.col)
    else:
        where = f"{origin}: {finding.path}"
    return Problem(finding.rule, finding.message, where)


def check(dataset: Dataset, origin: str, in_source: bool) -> None:
    """Raise RetentionError listing every rule the dataset breaks."""
    problems = [locate(f, origin, in_source) for f in rules.check(dataset)]
    if problems:
        raise RetentionError(problems)
