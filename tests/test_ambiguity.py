"""Glued text dumps that read two ways are named, never guessed; the published version decides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schema.models import Dataset
from scraper import source
from scraper.compiler import compile_source
from scraper.errors import RetentionError
from scraper.frontends.text.ambiguity import Evidence
from tests import forms_compile as forms
from tests.conftest import BUNDLED, CORPUS, MD_MAY, CliRun, compile_text

TEXT = BUNDLED.read_text(encoding="utf-8")
BATCH = "Batch processing/v1/messages/batchesNoNo"


def page(details: str) -> str:
    assert BATCH + "29-day retention" in TEXT
    return TEXT.replace(BATCH + "29-day retention", BATCH + details, 1)


def batch(data: Dataset) -> tuple[list[int], str | None]:
    (f,) = [f for f in data.features if f.id == "batch_processing"]
    return f.eligibility["hipaa"].footnotes, f.details


def compile_with(text: str, evidence: Evidence | None) -> Dataset:
    return compile_source(source.from_bytes(text.encode("utf-8"), "page.txt"), evidence=evidence)


@pytest.mark.parametrize(
    ("glued", "readings"),
    [
        ("129-day retention", ["no mark + details '129-day retention", "mark 1 + details '29-day retention"]),
        ("329-day retention", ["no mark + details '329-day retention", "mark 3 + details '29-day retention"]),
        ("2FA secrets retention", ["no mark + details '2FA secrets retention", "mark 2 + details 'FA secrets"]),
        ("1 229-day retention", ["mark 1 + details '229-day", "marks 1 2 + details '29-day"]),
    ],
)
def test_two_readings_without_evidence_are_refused_naming_both(glued: str, readings: list[str]) -> None:
    with pytest.raises(RetentionError) as caught:
        compile_text(page(glued))
    (problem,) = caught.value.problems
    assert caught.value.code == 4 and problem.kind == "ambiguous"
    assert problem.where == f"page.txt:303:{47 if glued.startswith('1 ') else 45}"  # where the digits start
    for reading in readings:
        assert reading in problem.message, problem.message


@pytest.mark.parametrize(
    ("glued", "marks", "details"),
    [
        ("29-day retention", [], "29-day retention"),  # a mark before one digit is not considered
        ("1 29-day retention", [1], "29-day retention"),  # separated: no doubt
        ("3Your data", [3], "Your data"),  # a capitalised word cannot begin with digits
        ("45-day retention", [], "45-day retention"),  # 4 is no footnote
        ("¹29-day retention", [1], "29-day retention"),  # superscript digits are marks
        ("¹ ³2FA secrets", [1, 3], "2FA secrets"),
    ],
)
def test_one_reading_is_read_exactly(glued: str, marks: list[int], details: str) -> None:
    got_marks, got_details = batch(compile_text(page(glued)))
    assert got_marks == marks and (got_details or "").startswith(details)


def test_the_published_version_confirms_the_unchanged_reading() -> None:
    published = compile_text(page("1 29-day retention"))
    ambiguous = page("129-day retention")
    assert batch(compile_with(ambiguous, Evidence.of(published))) == ([1], batch(published)[1])
    unmarked = compile_text(TEXT)  # published without the mark: neither reading reproduces it
    with pytest.raises(RetentionError):
        compile_with(ambiguous, Evidence.of(unmarked))


def test_the_published_version_confirms_an_acronym() -> None:
    published = compile_text(page("1 29-day retention"))
    details = "2FA secrets; async storage required. See Batch processing."
    with_2fa = published.model_copy(
        update={"features": [f.model_copy(update={"details": details}) for f in published.features]}
    )
    assert batch(compile_with(page("1 2FA secrets"), Evidence.of(with_2fa))) == ([1], details)


def test_build_refuses_then_accept_publishes_and_records_the_choice(cli: CliRun, tmp_path: Path) -> None:
    dist, ambiguous = tmp_path / "dist", tmp_path / "page.txt"
    assert cli("build", str(BUNDLED), "--dist", str(dist), "--accept").code == 0  # the dump lost its FAQ
    ambiguous.write_text(page("129-day retention"), encoding="utf-8")
    before = (dist / "retention.json").read_bytes()
    refused = cli("build", str(ambiguous), "--dist", str(dist))
    assert refused.code == 4 and f"{ambiguous}:303:45: ambiguous: row 'Batch processing' reads two ways" in refused.err
    assert (dist / "retention.json").read_bytes() == before
    accepted = cli("build", str(ambiguous), "--dist", str(dist), "--accept")
    assert accepted.code == 0, accepted.err
    manifest = json.loads((dist / "history" / "manifest.json").read_text(encoding="utf-8"))
    (why,) = manifest[list(manifest)[-1]]["readings"]
    assert why.startswith(f"{ambiguous}:303:45: row 'Batch processing' read as no mark + details '129-day")
    assert batch(json_dataset(dist)) == ([], "129-day retention; async storage required. See Batch processing.")
    again = cli("build", str(ambiguous), "--dist", str(dist))  # now the published version decides
    assert again.code == 0 and "unchanged" in again.out, again.err


def json_dataset(dist: Path) -> Dataset:
    return Dataset.model_validate_json((dist / "retention.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("form", ["markdown", "html", "text"])
def test_superscript_digits_are_marks_in_every_front_end(form: str) -> None:
    may = MD_MAY.read_text(encoding="utf-8")
    row = "| <Eligible>Yes</Eligible> | <Eligible>Yes</Eligible> | Standard API calls"
    assert row in may
    marked = may.replace(row, row.replace("</Eligible> | Standard", "</Eligible>\u00b9 \u00b3 | Standard"), 1)
    plain = {"markdown": forms.markdown, "html": forms.html, "text": forms.dump}[form]
    (messages, *_) = plain(marked).features
    assert messages.eligibility["hipaa"].footnotes == [1, 3]
    assert messages.details == "Standard API calls for generating Claude responses."


def test_accept_settles_an_ambiguous_reading_when_localized_copies_are_built(cli: CliRun, tmp_path: Path) -> None:
    dist, ambiguous = tmp_path / "dist", tmp_path / "page.txt"
    assert cli("build", str(BUNDLED), "--dist", str(dist), "--accept").code == 0  # the dump lost its FAQ
    ambiguous.write_text(page("129-day retention"), encoding="utf-8")
    keyed = tmp_path / "zh-CN.json"  # a keyed copy: a text dump has no doc links to match a page copy by
    english = str(CORPUS / "en-md-2026-09-26.md")
    assert cli("compile", str(CORPUS / "zh-CN-mdx-2026-09-undated.md"), "--english", english, "-o", str(keyed)).code == 0
    copy = ("--localized", str(keyed))
    accepted = cli("build", str(ambiguous), "--dist", str(dist), "--accept", *copy)
    assert accepted.code == 0, accepted.err
    assert batch(json_dataset(dist)) == ([], "129-day retention; async storage required. See Batch processing.")
