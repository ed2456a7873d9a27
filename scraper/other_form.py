"""A page given in the wrong form (`--input-format html` on a Markdown file): one line saying the
form it does read as, instead of the problems the wrong front end found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from scraper.errors import Problem, RetentionError
from scraper.source import Format, Source

FORMS: tuple[Format, ...] = ("markdown", "html", "text")


def diagnose(source: Source, refused: RetentionError, read: Callable[[Source], object]) -> Problem | None:
    """The one-line refusal for a page whose form was given and that was refused, when another
    form reads it (`read`: the compiler's parse and extract) without a problem; None otherwise
    (its own problems stand)."""
    if source.how != "given":
        return None
    for form in FORMS:
        if form != source.format and _reads(read, replace(source, format=form, how="tried")):
            first = refused.problems[0]
            said = first.message.split(";")[0]  # what went wrong, without the hints that follow it
            message = (
                f"the page does not read as {source.format} (given; {_count(refused)}: {first.kind}: {said});"
                f" it reads as {form}: use --input-format {form}"
            )
            return Problem("form", message, first.where)
    return None


def _count(refused: RetentionError) -> str:
    many = len(refused.problems)
    return "1 problem" if many == 1 else f"{many} problems, the first"


def _reads(read: Callable[[Source], object], source: Source) -> bool:
    try:
        read(source)
    except RetentionError:
        return False
    return True
