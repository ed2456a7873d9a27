"""The data contract: the canonical dataset compiled from the "API and data retention" page.

Pure models, no I/O. `extra="forbid"` and frozen everywhere: an unknown key is an error, and a
loaded dataset cannot be changed by accident.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from schema.span import Span

SCHEMA_VERSION = "1.0.0"

Status = Literal["yes", "qualified", "no"]
Bound = Literal["exact", "up_to", "until_deleted"]
RequirementKind = Literal["tool", "parameter", "source", "header", "other"]
SourceFormat = Literal["text", "html", "markdown"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Model):
    url: str | None
    format: SourceFormat
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str
    locale: str = Field(default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

    @model_serializer(mode="wrap")
    def _english_unsaid(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """The page's language; left out when English, so English datasets keep their bytes."""
        data: dict[str, Any] = handler(self)
        if data.get("locale") == "en":
            del data["locale"]
        return data


class ScopeItem(Model):
    """One bullet of what an arrangement covers or excludes: `label: text`."""

    label: str | None
    text: str


class Arrangement(Model):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    column: str
    covers: list[ScopeItem]
    excludes: list[ScopeItem]


class Requirement(Model):
    """What the endpoint cell says the request must carry: `(with web_search tool)`."""

    kind: RequirementKind
    name: str
    value: str | None


class Endpoint(Model):
    path: str
    requires: Requirement | None


class Eligibility(Model):
    status: Status
    footnotes: list[int]


class Retention(Model):
    """A retention period read from the details: ISO 8601 duration, or None until deleted."""

    duration: str | None
    bound: Bound
    phrase: str


class Feature(Model):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    doc_url: str | None
    endpoints: list[Endpoint]
    eligibility: dict[str, Eligibility]
    details: str | None
    retention: Retention | None
    span: Span


class Footnote(Model):
    number: int = Field(ge=0)
    text: str
    applies_to: list[tuple[str, str]]
    span: Span


class Link(Model):
    text: str
    url: str | None


class Step(Model):
    title: str
    text: str


class Question(Model):
    question: str
    answer: list[str]


class Block(Model):
    """A block of a section as data: a paragraph, a list, steps or code."""

    kind: Literal["paragraph", "list", "steps", "code", "table", "question"]
    text: str | None = None
    items: list[str] | None = None


class Section(Model):
    id: str
    title: str
    blocks: list[Block]


class Page(Model):
    """The page beyond the table, as data."""

    description: str | None
    hipaa_steps: list[Step]
    phi_locations: list[str]
    phi_excluded_fields: str | None
    schema_restrictions: list[str]
    error_example: dict[str, Any] | None
    limitations: list[Section]
    policy_violation_retention: Retention | None
    faq: list[Question]
    related_resources: list[Link]
    sections: list[Section]


class Dataset(Model):
    schema_version: str
    dataset_version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    source: Source
    arrangements: list[Arrangement]
    features: list[Feature]
    footnotes: list[Footnote]
    page: Page
