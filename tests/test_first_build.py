"""No page field silently lost, even when nothing was published before.

A first build has no published dataset to hold a loss against; the fields every copy of the page
states (summary, limitations, FAQ, related resources, and with a HIPAA column the steps, PHI
guidance, schema restrictions and the 400 error; what ZDR and HIPAA readiness are called, cover
and exclude) are the baseline instead. `build` and `check --publish` refuse (exit 4) a dataset
that leaves one empty, naming each; `compile` prints the dataset and names each on stderr.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper import source
from scraper.compiler import compile_source
from scraper.publish.expected import unstated
from tests.conftest import BUNDLED, CORPUS, CliRun
from tests.converters import output

ENGLISH = sorted(p.name for p in CORPUS.glob("en-*.md"))
READABILITY = output("en-mintlify-md-2026-05-04", "readability")
# what readability dropped from the May copy (the summary, related links, last FAQ answer and two
# step bodies), as the build names it
DROPPED = (
    "page.description",
    "page.related_resources",
    "page.faq[12].answer",
    "page.hipaa_steps[0].text",
    "page.hipaa_steps[2].text",
)


@pytest.mark.parametrize("name", ENGLISH)
def test_every_english_copy_states_every_expected_field(name: str) -> None:
    assert unstated(compile_source(source.read(CORPUS / name))) == []


def test_the_hipaa_fields_are_expected_only_with_a_hipaa_column() -> None:
    march = compile_source(source.read(CORPUS / "en-mdx-2026-03.md"))  # ZDR only: no steps, no PHI
    assert [a.id for a in march.arrangements] == ["zdr"] and not march.page.hipaa_steps
    assert unstated(march) == []


def test_a_first_build_refuses_what_a_converter_dropped_naming_each(cli: CliRun, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run = cli("build", str(READABILITY), "--dist", str(dist))
    assert run.code == 4 and run.err.count("\n") == 1 and "Traceback" not in run.err
    assert "a first publish" in run.err and all(path in run.err for path in DROPPED)
    assert not dist.exists() or not any(dist.iterdir())
    accepted = cli("build", str(READABILITY), "--dist", str(dist), "--accept")
    assert accepted.code == 0 and "published dataset 1.0.0" in accepted.out


def test_a_first_check_publish_refuses_it_too(cli: CliRun, tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    run = cli("check", str(READABILITY), "--dist", str(dist), "--publish")
    assert run.code == 4 and "page.related_resources" in run.err and "Traceback" not in run.err
    assert not (dist / "retention.json").exists()


def test_a_whole_copy_is_published_first_without_accept(cli: CliRun, tmp_path: Path) -> None:
    run = cli("build", str(CORPUS / "en-mdx-2026-07-undated.md"), "--dist", str(tmp_path / "dist"))
    assert run.code == 0, run.err


def test_compile_prints_the_dataset_and_names_each_empty_field(cli: CliRun) -> None:
    run = cli("compile", str(READABILITY))
    assert run.code == 0 and json.loads(run.out)["page"]["related_resources"] == []
    lines = run.err.splitlines()
    assert len(lines) == len(DROPPED)
    for line, path in zip(lines, DROPPED, strict=True):
        assert line.startswith(f"retention: warning: {READABILITY}: {path} is empty") and "--accept" in line


def test_compile_of_a_whole_copy_says_nothing_on_stderr(cli: CliRun) -> None:
    run = cli("compile", str(CORPUS / "en-md-2026-09-26.md"))
    assert run.code == 0 and run.err == ""


def test_the_april_dump_names_the_faq_it_lost(cli: CliRun) -> None:
    run = cli("compile", str(BUNDLED))
    assert run.code == 0 and run.err.splitlines() == [
        f"retention: warning: {BUNDLED}: page.faq is empty, though every copy of the page states it"
        " (dropped by a converter, or worded so that it was not read); `retention build` refuses it without"
        " --accept where the published version has it, and on a first build"
    ]
