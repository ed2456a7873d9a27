"""The page's words, declared once, as data: every front end and the extractor read them here.

Column titles, status words, the endpoint grammar, qualifier templates, section roles and the
text dump's markers. Adding a word for a new column, or a language, is a change to this data
only. Endpoint paths and code stay English in every copy of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ENDPOINT_PREFIX = "/v1/"
ENDPOINT_PATH = r"/v1/[a-z0-9_\-/{}]*"  # lowercase path segments, `{id}` placeholders
ENDPOINT_SEPARATORS = (" / ", ", ", " and ", " or ")


@dataclass(frozen=True)
class Vocabulary:
    """The words one language's copy of the page uses."""

    locale: str
    feature_column: str
    endpoint_column: str
    eligible_suffix: str  # an arrangement's column is "<name><suffix>": "ZDR eligible"
    details_columns: tuple[str, ...]
    statuses: dict[str, str]  # the word as written -> yes / qualified / no
    scope_heading_suffix: str  # "Zero data retention (ZDR) scope"
    covers_heading: str  # a regex; group 1 names the arrangement
    excludes_heading: str
    qualifiers: tuple[tuple[str, str], ...]  # (regex over "(with ...)", requirement kind)
    section_roles: dict[str, str] = field(default_factory=dict)  # heading word -> page field
    dump_article_marker: str = ""  # the line before a text dump's article
    dump_toc_marker: str = ""

    def status(self, word: str) -> str | None:
        """yes / qualified / no for a status word (case and spacing as a reader ignores them)."""
        return self._folded().get(" ".join(word.split()).lower())

    def _folded(self) -> dict[str, str]:
        return {" ".join(k.split()).lower(): v for k, v in self.statuses.items()}

    def status_regex(self) -> re.Pattern[str]:
        """Every status word, longest first, so `Yes (qualified)` is not read as `Yes`."""
        words = sorted(self.statuses, key=len, reverse=True)
        return re.compile("|".join(re.escape(w) for w in words))

    def arrangement_prefix(self, column: str) -> str | None:
        """`ZDR eligible` -> `ZDR`; None when the column is not an arrangement's."""
        suffix = self.eligible_suffix.lower()
        if column.lower().endswith(suffix) and len(column) > len(suffix):
            return column[: -len(suffix)].strip()
        return None


ENGLISH = Vocabulary(
    locale="en",
    feature_column="Feature",
    endpoint_column="Endpoint",
    eligible_suffix=" eligible",
    details_columns=("Details", "Data retention details"),
    statuses={"Yes (qualified)": "qualified", "Yes": "yes", "No": "no", "qualified": "qualified"},
    scope_heading_suffix=" scope",
    covers_heading=r"What (.+?) covers",
    excludes_heading=r"What (.+?) does not cover",
    qualifiers=(
        (r"with (\S+) tool", "tool"),
        (r"with (\S+) toolset(?: or tool)?", "tool"),  # "browser toolset", "computer toolset or tool"
        (r"with (\S+) source", "source"),
        (r"with (\S+) header", "header"),
        (r'with ([A-Za-z0-9_.\-]+):\s*"?([^"]*)"?', "parameter"),
        (r"with ([A-Za-z0-9_.\-]+)", "parameter"),
    ),
    section_roles={
        "limitations": "limitations",
        "question": "faq",
        "related": "related_resources",
        "phi": "phi",
        "policy violation": "policy_violation",
    },
    dump_article_marker="Was this page helpful?",
    dump_toc_marker="On this page",
)

LOCALES: dict[str, Vocabulary] = {"en": ENGLISH}

# Unicode superscript digits (`Yes¹ ²`) are footnote marks in every front end, never text.
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")
