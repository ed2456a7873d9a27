"""The data contract: the canonical dataset compiled from the "API and data retention" page.

Pure models, no I/O. `extra="forbid"` and frozen everywhere: an unknown key is an error, and a
loaded dataset cannot be changed by accident. Field descriptions say which values are stable
keys (consumers may pin them) and which are informational (may change in any version); they
are exported into schema/dataset.schema.json.
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


def _empty(value: list[Any]) -> bool:
    return not value


def former(description: str) -> Any:
    """A history list (former names, ids, numbers): empty by default and then left out of the
    JSON, so a dataset without renames keeps the bytes it had before these fields existed."""
    return Field(default_factory=list, exclude_if=_empty, description=description)


STABLE = "Stable key: assigned at first publish and kept for good (renames, rewording, reordering keep it)."
INFO = "Informational: may change in any version (a change is reported, usually as a patch)."


class Source(Model):
    """The copy of the page a dataset was compiled from. `date` is the day the copy itself
    states (front matter `fetched_at`), None for a copy that states none: never guessed."""

    url: str | None
    format: SourceFormat
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    title: str
    date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
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
    """A data-handling arrangement: one "<X> eligible" column of the table."""

    id: str = Field(pattern=r"^[a-z0-9_]+$", description=f"{STABLE} First derived from the column (`zdr`).")
    name: str = Field(description=f"{INFO} From the page's \"<name> scope\" heading, else the column's prefix.")
    column: str = Field(description=INFO)
    covers: list[ScopeItem]
    excludes: list[ScopeItem]
    former_names: list[str] = former("Names it had in earlier published versions, oldest first; absent when none.")
    former_columns: list[str] = former("Column titles it had before, oldest first; absent when none.")


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
    """One row of the feature eligibility table."""

    id: str = Field(
        pattern=r"^[a-z0-9_]+$",
        description=f"{STABLE} Derived from the name at the row's first publish (`web_search`).",
    )
    name: str = Field(description=f"{INFO} As written on the page; a rename keeps the id.")
    doc_url: str | None
    endpoints: list[Endpoint]
    eligibility: dict[str, Eligibility]
    details: str | None
    retention: Retention | None
    span: Span
    former_names: list[str] = former("Names the row had in earlier published versions, oldest first, as written.")
    former_ids: list[str] = former(
        "Ids it was published under before its current one (renames published before ids were kept); "
        "they mean this feature."
    )


class Footnote(Model):
    """A numbered footnote under the table; matched across versions by its text, then its number."""

    number: int = Field(ge=0, description="As the page numbers it; a renumbering is a patch (see former_numbers).")
    text: str
    applies_to: list[tuple[str, str]]
    span: Span
    former_numbers: list[int] = former("Numbers it had in earlier published versions, oldest first.")


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
    """The "API and data retention" page as data.

    Stable keys (pin them): `features[].id`, `arrangements[].id`, the eligibility keys (arrangement
    ids) and status words, `endpoints[].path` with `requires`. A feature or arrangement keeps its id
    through renames, rewording and reordering; its former names (and any former id) are listed
    beside it. Everything else (names, columns, details, footnote numbers and texts, page text,
    spans) is informational.

    `dataset_version` is semver, bumped by the most severe change since the previous version:
    major = code relying on the old data may need to change (a feature, arrangement or endpoint
    removed, eligibility narrowed, a page field that went empty); minor = new facts (additions,
    widenings, new requirements or retention periods); patch = wording (renames, reworded text,
    renumbered footnotes).
    """

    schema_version: str
    dataset_version: str = Field(
        pattern=r"^\d+\.\d+\.\d+$", description="Semver of the data: major, minor or patch as above."
    )
    source: Source
    arrangements: list[Arrangement]
    features: list[Feature]
    footnotes: list[Footnote]
    page: Page
