"""Plausibility gates refuse (exit 4) what looks like a broken scrape rather than a changed page."""

from __future__ import annotations

from pathlib import Path

import pytest

from schema.models import Dataset, Eligibility
from scraper import source
from scraper.compiler import compile_source
from scraper.dataset_io import loads
from scraper.errors import Exit, RetentionError
from scraper.publish import gates
from tests.conftest import CORPUS, GOLDEN

OLD = loads((GOLDEN / "bundled.json").read_text(encoding="utf-8"), "golden")
# a copy that states every page field (the April dump, OLD, lost its FAQ)
WHOLE = compile_source(source.read(CORPUS / "en-md-2026-09-26.md"))


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
    gates.check(None, with_features(WHOLE, 1), "dist")


def test_row_count_drop_over_a_fifth_is_refused_but_a_small_drop_is_not() -> None:
    assert gates.rows_dropped(OLD, with_features(OLD, 24)) is None  # 20% fewer: allowed by this gate
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


def unlinked(data: Dataset, count: int) -> Dataset:
    """`data` with its first `count` rows' doc links dropped, as a converter that drops links does."""
    features = [f.model_copy(update={"doc_url": None}) if i < count else f for i, f in enumerate(data.features)]
    return data.model_copy(update={"features": features})


def test_rows_losing_their_doc_links_are_refused_but_a_few_are_not() -> None:
    assert gates.links_dropped(WHOLE, unlinked(WHOLE, 7)) is None  # 7 of 35: 20%, allowed
    with pytest.raises(RetentionError) as caught:
        gates.check(WHOLE, unlinked(WHOLE, 35), "dist/retention.json")
    assert "35 of 35 rows lost their doc link" in str(caught.value)
    assert gates.links_dropped(OLD, WHOLE) is None  # links coming back (the text dump had none) pass


def test_a_first_publish_without_any_doc_link_is_refused_unless_the_form_keeps_none() -> None:
    with pytest.raises(RetentionError) as caught:
        gates.check(None, unlinked(WHOLE, 35), "dist")
    assert caught.value.code == Exit.REFUSED and "are empty: features[].doc_url" in str(caught.value)
    assert gates.first_fields_unstated(OLD.model_copy(update={"page": WHOLE.page})) is None  # a text dump keeps no links


def test_a_row_the_preflight_table_names_cannot_vanish_silently() -> None:
    without = OLD.model_copy(update={"features": [f for f in OLD.features if f.id != "batch_processing"]})
    message = refusal(without)
    assert "preflight table" in message and "batch_processing (endpoint '/v1/messages/batches/**'" in message
    unnamed = OLD.model_copy(update={"features": [f for f in OLD.features if f.id != "messages_api"][:-1]})
    assert "mcp_connector" in refusal(unnamed)
    gates.check(None, WHOLE.model_copy(update={"features": WHOLE.features[:3]}), "dist")  # no published ids to lose
    renamed = [f.model_copy(update={"id": "batches", "former_ids": ["batch_processing"]}) if f.id == "batch_processing" else f for f in OLD.features]
    assert gates.preflight_ids_gone(OLD, OLD.model_copy(update={"features": renamed})) is None  # a rename explains it

def _drop_rows(page: str, keep: int = 3) -> str:
    """The page with all but `keep` rows of its eligibility table gone."""
    lines, kept = [], 0
    for line in page.splitlines(keepends=True):
        if line.startswith("|") and "/v1/" in line and "<sup>" not in line:
            kept += 1
            if kept > keep:
                continue
        lines.append(line)
    return "".join(lines)


def test_a_refused_page_is_never_rendered(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The gates run before any output is rendered: a refused page reaches no template."""
    from scraper.publish import build as builder

    page = CORPUS / "en-mintlify-md-2026-05-04.md"
    dist = tmp_path / "dist"
    builder.build(source.read(page), dist)
    rendered: list[str] = []

    def spy(data: Dataset) -> dict[str, str]:
        rendered.append(data.dataset_version)
        return {}

    monkeypatch.setattr(builder, "outputs", spy)
    shrunk = tmp_path / "shrunk.md"
    shrunk.write_text(_drop_rows(page.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(RetentionError) as info:
        builder.build(source.read(shrunk), dist)
    assert info.value.code == Exit.REFUSED and "shrank" in str(info.value) and rendered == []
