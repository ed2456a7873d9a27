"""Plausibility gates refuse (exit 4) what looks like a broken scrape rather than a changed page."""

from __future__ import annotations

import pytest

from schema.models import Dataset, Eligibility
from scraper.dataset_io import loads
from scraper.errors import Exit, RetentionError
from scraper.publish import gates
from tests.conftest import GOLDEN

OLD = loads((GOLDEN / "bundled.json").read_text(encoding="utf-8"), "golden")


def with_features(data: Dataset, count: int) -> Dataset:
    return data.model_copy(update={"features": data.features[:count]})


def flipped(data: Dataset, count: int) -> Dataset:
    flip = {"yes": "no", "no": "yes", "qualified": "no"}
    features = []
    for i, feature in enumerate(data.features):
        if i < count:
            elig = {
                a: Eligibility(status=flip[e.status], footnotes=e.footnotes) for a, e in feature.eligibility.items()
            }
            feature = feature.model_copy(update={"eligibility": elig})
        features.append(feature)
    return data.model_copy(update={"features": features})


def refusal(new: Dataset) -> str:
    with pytest.raises(RetentionError) as caught:
        gates.check(OLD, new, "dist/retention.json")
    assert caught.value.code == Exit.REFUSED
    return str(caught.value)


def test_the_same_data_passes() -> None:
    gates.check(OLD, OLD, "dist")
    gates.check(None, with_features(OLD, 1), "dist")


def test_row_count_drop_over_a_fifth_is_refused_but_a_small_drop_is_not() -> None:
    gates.check(OLD, with_features(OLD, 24), "dist")  # 20% fewer: allowed
    assert "shrank from 30 to 23" in refusal(with_features(OLD, 23))


def test_an_arrangement_column_gone_is_refused() -> None:
    zdr_only = OLD.model_copy(update={"arrangements": OLD.arrangements[:1]})
    assert "HIPAA eligible" in refusal(zdr_only)


def test_more_than_half_the_statuses_changing_is_refused() -> None:
    gates.check(OLD, flipped(OLD, 15), "dist")  # 30 of 60
    assert "statuses changed at once" in refusal(flipped(OLD, 16))


def test_footnote_collapse_is_refused() -> None:
    assert "footnotes fell from 3 to 0" in refusal(OLD.model_copy(update={"footnotes": []}))
    gates.check(OLD, OLD.model_copy(update={"footnotes": OLD.footnotes[:2]}), "dist")


def test_a_page_field_gone_empty_is_refused_naming_it() -> None:
    page = OLD.page.model_copy(update={"schema_restrictions": [], "phi_locations": []})
    message = refusal(OLD.model_copy(update={"page": page}))
    assert "page.schema_restrictions" in message and "page.phi_locations" in message
    shorter = OLD.page.model_copy(update={"schema_restrictions": OLD.page.schema_restrictions[:1]})
    gates.check(OLD, OLD.model_copy(update={"page": shorter}), "dist")
