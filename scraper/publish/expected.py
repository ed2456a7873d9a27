"""The fields every copy of the page states, so that a first build can miss none of them.

The plausibility gates compare a new dataset with the published one; a first build (an empty
dist/) has nothing to compare with, and a converter that dropped the FAQ or the summary
(readability, trafilatura) would publish the loss as the page's truth. Every English copy of
the page since March 2026 states the fields below (the HIPAA ones since the HIPAA column came),
so an empty one is a part of the page that was not read, not a page without it. The same list
names, on `retention compile`, what a dataset lacks.
"""

from __future__ import annotations

import re

from schema.diff_fields import ARRANGEMENT_FIELDS, PAGE_FIELDS, arrangement_field, filled
from schema.models import Dataset

# every page field is stated by every copy; these only when it has a HIPAA column: the steps,
# the PHI guidance, the 400 error
WITH_HIPAA = ("hipaa_steps", "phi_locations", "phi_excluded_fields", "schema_restrictions", "error_example")
EVERY_PAGE = tuple(name for name in PAGE_FIELDS if name not in WITH_HIPAA)
# every copy says what ZDR and HIPAA readiness are called, cover and exclude (a new column's
# arrangement may not have its sections yet, so only these two are expected)
ARRANGEMENTS = ("zdr", "hipaa")


def unstated(data: Dataset) -> list[str]:
    """JSON paths of the fields every copy of the page states that `data` leaves empty: the page
    fields (those of every page, then the HIPAA ones), the arrangements' fields, then parts read
    without their body (a FAQ question with no answer, a HIPAA step with no text)."""
    ids = {a.id for a in data.arrangements}
    names = [*EVERY_PAGE, *(WITH_HIPAA if "hipaa" in ids else ())]
    missing = [f"page.{name}" for name in names if not filled(getattr(data.page, name))]
    missing += [
        f"arrangements.{arr.id}.{name}"
        for arr in data.arrangements
        if arr.id in ARRANGEMENTS
        for name in ARRANGEMENT_FIELDS
        if not filled(arrangement_field(arr, name))
    ]
    missing += [f"page.faq[{i}].answer" for i, q in enumerate(data.page.faq) if not any(a.strip() for a in q.answer)]
    missing += [f"page.hipaa_steps[{i}].text" for i, s in enumerate(data.page.hipaa_steps) if not s.text.strip()]
    if data.source.format != "text" and data.features and not any(f.doc_url for f in data.features):
        missing.append("features[].doc_url")  # every copy links its rows; a text dump keeps no links
    return missing


def refused_when(path: str) -> str:
    """When `retention build` refuses (without --accept) a dataset that leaves the field at
    `path` (one of `unstated`'s) empty. A whole field: on a first build, and where the published
    version has it (the gate compares whole fields with the published version's). A part of one
    (`page.faq[0].answer`): only on a first build, since later the field it belongs to is not empty.
    The rows' doc links (`features[].doc_url`) are compared with the published ones (gates.links_dropped)."""
    return "on a first build" if _PART.search(path) else "where the published version has it, and on a first build"


_PART = re.compile(r"\[\d+\]")
