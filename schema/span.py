"""Span: where a value was read (1-based line and column). The one span type of the project.

Front ends make thousands of spans, so this is a `value` class (frozen to the type checker, a
slots dataclass at run time: cheap to build, no pydantic import); pydantic validates it
wherever a dataset carries one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, TypeVar, dataclass_transform

from annotated_types import Ge

T = TypeVar("T")


@dataclass_transform(frozen_default=True)
def value(cls: type[T]) -> type[T]:
    """A value class: frozen as the type checker sees it (no assignment to a field type-checks),
    at run time a slots dataclass with field equality and hash. A frozen dataclass sets each field
    through `object.__setattr__` and builds four times slower; front ends build thousands."""
    return dataclass(slots=True, unsafe_hash=True)(cls)


@value
class Span:
    """Where a value was read: 1-based line and column of the source."""

    # read by pydantic, never mutated; a dataset holds plain Spans, whatever a front end made
    __pydantic_config__ = {"extra": "forbid", "revalidate_instances": "always"}  # noqa: RUF012

    line: Annotated[int, Ge(1)]
    col: Annotated[int, Ge(1)]


def span_at(text: str | bytes, index: int) -> Span:
    """The line and column of offset `index` in `text` (bytes count a column per byte): the one
    place offsets become places, so every message names them alike."""
    if isinstance(text, bytes):
        text = text.decode("latin-1")  # one character per byte: same offsets, same newlines
    return Span(text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1)
