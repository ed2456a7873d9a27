"""Copies of the page in other languages: read in their own words, rows keyed to English ids.

Every real copy (tests/corpus/id-*, zh-CN-*) is compiled against the English copy of its era:
each row must carry the English feature's id and the status the copy states, or the copy is
refused in one line; never a guessed id or a wrong status.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from schema.models import Dataset
from scraper import source
from scraper.compiler import compile_source
from scraper.localize.match import keyed
from tests import html_render
from tests.conftest import CORPUS, CliRun

ERAS = [  # (copy, English copy of its era, English ids the copy lacks, (id, arrangement) statuses that differ)
    ("id-mdx-2026-03-27.md", "en-mdx-2026-03.md", set(), set()),
    ("id-mdx-2026-04-10.md", "en-mdx-2026-04-26.md", {"advisor_tool"}, {("tool_search", "zdr")}),
    ("id-mdx-2026-06-28.md", "en-mdx-2026-06-undated.md", set(), set()),
    ("id-mdx-2026-07-24.md", "en-mdx-2026-07-undated.md", set(), set()),
    ("zh-CN-mdx-2026-09-undated.md", "en-md-2026-09-26.md", set(), set()),
]


def english(name: str) -> Dataset:
    return compile_source(source.read(CORPUS / name))


def localized(path: Path, era: str, **changes: str) -> Dataset:
    page = source.read(path)
    for old, new in changes.items():
        page = source.from_bytes(page.text.replace(old, new).encode("utf-8"), str(path))
    return compile_source(page, lambda data, copy: keyed(data, english(era), era, copy))


@pytest.mark.parametrize(("copy", "era", "lacks", "differs"), ERAS)
def test_every_row_gets_the_english_id_and_the_status_the_copy_states(
    copy: str, era: str, lacks: set[str], differs: set[tuple[str, str]]
) -> None:
    data, eng = localized(CORPUS / copy, era), english(era)
    assert data.source.locale == copy.split("-mdx")[0]
    # these copies list their rows in the English copy's order (matching does not use it)
    assert [f.id for f in data.features] == [f.id for f in eng.features if f.id not in lacks]
    by_id = {f.id: f for f in eng.features}
    for row in data.features:
        for arr, cell in row.eligibility.items():
            ours = by_id[row.id].eligibility[arr]
            assert (cell.status == ours.status) != ((row.id, arr) in differs), (row.name, arr)
    assert {a.id for a in data.arrangements} == {a.id for a in eng.arrangements}


def test_localized_names_and_details_are_kept_verbatim() -> None:
    data = localized(CORPUS / "zh-CN-mdx-2026-09-undated.md", "en-md-2026-09-26.md")
    rows = {f.id: f for f in data.features}
    assert rows["web_search"].name == "网页搜索"
    assert rows["claude_managed_agents"].endpoints[2].path == "/v1/environments"  # `、` between endpoints
    advisor = rows["advisor_tool"].endpoints[0].requires
    assert advisor is not None and (advisor.kind, advisor.name) == ("tool", "advisor")  # （带 `advisor` 工具）
    assert rows["structured_outputs"].eligibility["zdr"].status == "qualified"  # 是（有条件）
    assert data.arrangements[0].column == "ZDR 资格"


def test_status_variants_of_one_language_read_the_same() -> None:
    march = localized(CORPUS / "id-mdx-2026-03-27.md", "en-mdx-2026-03.md")  # Ya (berkualifikasi)
    june = localized(CORPUS / "id-mdx-2026-06-28.md", "en-mdx-2026-06-undated.md")  # Ya (dengan kualifikasi)
    for data in (march, june):
        assert {f.id: f for f in data.features}["structured_outputs"].eligibility["zdr"].status == "qualified"
    flattened = {f.id: f for f in june.features}["web_fetch"].eligibility["zdr"]  # `<Eligible>Ya</Eligible>1 2`
    assert (flattened.status, flattened.footnotes) == ("yes", [1, 2])


def test_a_copy_mixing_english_words_into_headers_and_cells_reads() -> None:
    mixed = {
        "| Fitur | Endpoint | Memenuhi syarat ZDR | Memenuhi syarat HIPAA |": "| Feature | Endpoint | ZDR eligible | Memenuhi syarat HIPAA |",
        "(dengan alat `web_search`) | <Eligible>Ya</Eligible>": "(with `web_search` tool) | Yes",
        '<Eligible status="qualified">Ya (berkualifikasi)</Eligible> | <Eligible>Ya</Eligible><sup>3</sup>': "Yes (qualified) | Ya<sup>3</sup>",
    }
    data = localized(CORPUS / "id-mdx-2026-04-10.md", "en-mdx-2026-04-26.md", **mixed)
    rows = {f.id: f for f in data.features}
    assert data.source.locale == "id" and len(rows) == 29
    assert rows["web_search"].eligibility["zdr"].status == "yes"
    assert rows["web_search"].endpoints[0].requires is not None
    assert rows["structured_outputs"].eligibility["zdr"].status == "qualified"
    assert rows["structured_outputs"].eligibility["hipaa"].footnotes == [3]


def test_a_row_without_its_empty_details_cell_reads_in_the_copys_words() -> None:
    dropped = {  # html2text leaves an empty last cell out: the row ends at its last status
        '<Eligible status="no">Tidak</Eligible> | Retensi 29 hari; penyimpanan async diperlukan. Lihat [Pemrosesan batch](/docs/id/build-with-claude/batch-processing#data-retention). |': '<Eligible status="no">Tidak</Eligible> |',
    }
    data = localized(CORPUS / "id-mdx-2026-04-10.md", "en-mdx-2026-04-26.md", **dropped)
    batch = {f.id: f for f in data.features}["batch_processing"]
    assert batch.eligibility["hipaa"].status == "no" and batch.details is None


def test_an_unknown_status_word_is_refused_naming_it(cli: CliRun, tmp_path: Path) -> None:
    text = (CORPUS / "zh-CN-mdx-2026-09-undated.md").read_text(encoding="utf-8")
    page = tmp_path / "zh.md"
    page.write_text(text.replace("<Eligible>是</Eligible>", "<Eligible>大概</Eligible>", 1), encoding="utf-8")
    run = cli("compile", str(page), "--english", str(CORPUS / "en-md-2026-09-26.md"))
    assert run.code == 2 and run.out == ""
    assert run.err.count("\n") == 1 and "'大概'" in run.err and f"{page}:170:" in run.err


def test_a_language_without_vocabulary_is_refused_naming_it_and_where_to_add_it(cli: CliRun, tmp_path: Path) -> None:
    page = tmp_path / "de.md"
    page.write_bytes((CORPUS / "id-mdx-2026-04-10.md").read_bytes().replace(b"/docs/id/build", b"/docs/de/build", 1))
    run = cli("compile", str(page), "--english", str(CORPUS / "en-mdx-2026-04-26.md"))
    assert run.code == 2 and run.err.count("\n") == 1
    assert "'de'" in run.err and "scraper/vocabulary.py" in run.err and "Traceback" not in run.err


def test_the_locale_comes_from_html_lang_url_or_the_option(cli: CliRun, tmp_path: Path) -> None:
    body = html_render.render((CORPUS / "id-mdx-2026-04-10.md").read_text(encoding="utf-8"))
    era = str(CORPUS / "en-mdx-2026-04-26.md")
    (tmp_path / "id.html").write_text(body.replace('lang="en"', 'lang="id"'), encoding="utf-8")
    assert '"locale": "id"' in cli("compile", str(tmp_path / "id.html"), "--english", era).out
    told = cli("compile", str(tmp_path / "id.html"), "--english", era, "--url", "https://x.test/docs/zh-TW/p")
    assert told.code == 2 and "'zh-TW'" in told.err
    assert '"locale": "id"' in cli("compile", str(tmp_path / "id.html"), "--english", era, "--locale", "id").out


def test_a_row_matching_no_english_feature_is_refused_never_given_an_id(cli: CliRun, tmp_path: Path) -> None:
    page = tmp_path / "id.md"
    text = (CORPUS / "id-mdx-2026-07-24.md").read_text(encoding="utf-8")
    page.write_text(
        text.replace("/docs/id/build-with-claude/effort", "/docs/id/build-with-claude/usaha"), encoding="utf-8"
    )
    run = cli("compile", str(page), "--english", str(CORPUS / "en-mdx-2026-07-undated.md"))
    assert run.code == 2 and run.out == ""
    assert run.err.count("\n") == 1 and "'Effort'" in run.err and f"{page}:191:" in run.err


def test_an_english_side_without_doc_links_is_refused(cli: CliRun) -> None:
    run = cli("compile", str(CORPUS / "id-mdx-2026-04-10.md"), "--english", str(CORPUS / "en-text-2026-04.txt"))
    assert run.code == 2 and "no doc links" in run.err and run.err.count("\n") == 1


def test_a_legend_defining_a_word_not_in_the_vocabulary_is_refused_naming_it(cli: CliRun, tmp_path: Path) -> None:
    page = tmp_path / "id.md"
    text = (CORPUS / "id-mdx-2026-07-24.md").read_text(encoding="utf-8")
    page.write_text(text.replace("* **Tidak:** Fitur", "* **Belum:** Fitur"), encoding="utf-8")
    run = cli("compile", str(page), "--english", str(CORPUS / "en-mdx-2026-07-undated.md"))
    assert run.code == 2 and run.err.count("\n") == 1 and "'Belum'" in run.err and f"{page}:173:" in run.err


def test_only_a_locale_shaped_docs_segment_names_a_language(cli: CliRun) -> None:
    page = str(CORPUS / "en-mdx-2026-07-undated.md")
    run = cli("compile", page, "--url", "https://docs.example.test/docs/api/retention")
    assert run.code == 0 and '"locale"' not in run.out  # English: locale left out


def test_a_copy_naming_no_language_with_english_headers_and_translated_cells_reads(cli: CliRun, tmp_path: Path) -> None:
    text = (CORPUS / "id-mdx-2026-04-10.md").read_text(encoding="utf-8")
    text = text.replace("url: https://platform.claude.com/docs/id/build-with-claude/api-and-data-retention\n", "")
    assert "url:" not in text.split("---")[1]  # nothing names the language
    header = "| Fitur | Endpoint | Memenuhi syarat ZDR | Memenuhi syarat HIPAA | Detail |"
    page = tmp_path / "copy.md"
    page.write_text(text.replace(header, "| Feature | Endpoint | ZDR eligible | HIPAA eligible | Details |"), encoding="utf-8")
    run = cli("compile", str(page), "--english", str(CORPUS / "en-mdx-2026-04-26.md"))
    assert run.code == 0 and '"locale": "id"' in run.out and '"id": "tool_search"' in run.out


def test_another_table_on_a_copy_naming_no_language_does_not_hide_its_language(cli: CliRun, tmp_path: Path) -> None:
    text = (CORPUS / "id-mdx-2026-04-10.md").read_text(encoding="utf-8")
    text = text.replace("url: https://platform.claude.com/docs/id/build-with-claude/api-and-data-retention\n", "")
    header = "| Fitur | Endpoint | Memenuhi syarat ZDR | Memenuhi syarat HIPAA | Detail |"
    other = "| Wilayah | Kode | Zona | Catatan |\n| - | - | - | - |\n| Eropa | eu | Frankfurt | - |\n\n"
    page = tmp_path / "copy.md"
    english_header = "| Feature | Endpoint | ZDR eligible | HIPAA eligible | Details |"
    page.write_text(text.replace(header, other + english_header), encoding="utf-8")
    run = cli("compile", str(page), "--english", str(CORPUS / "en-mdx-2026-04-26.md"))
    assert run.code == 0 and '"locale": "id"' in run.out and '"id": "tool_search"' in run.out


def test_a_copy_whose_converter_dropped_every_link_is_refused_in_one_line(cli: CliRun, tmp_path: Path) -> None:
    """html2text `ignore_links`, markdownify `strip=['a']`: no row can be matched by its doc link."""
    import re

    page = tmp_path / "id.md"
    text = (CORPUS / "id-mdx-2026-07-24.md").read_text(encoding="utf-8")
    page.write_text(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text), encoding="utf-8")
    run = cli("compile", str(page), "--english", str(CORPUS / "en-mdx-2026-07-undated.md"))
    assert run.code == 2 and run.out == ""
    assert run.err.count("\n") == 1 and "no doc links" in run.err and f"{page}:" in run.err


@pytest.mark.parametrize("form", ["md", "html"])
def test_a_copy_in_a_language_without_words_is_refused_at_its_table_naming_its_columns(
    cli: CliRun, tmp_path: Path, form: str
) -> None:
    """A French copy: no vocabulary reads it, and the one line says where its table is and what to do."""
    text = (CORPUS / "en-mdx-2026-06-undated.md").read_text(encoding="utf-8")
    french = "| Fonctionnalité | Point de terminaison | Éligible ZDR | Éligible HIPAA | Détails |"
    text = text.replace("| Feature | Endpoint | ZDR eligible | HIPAA eligible | Details |", french)
    text = text.replace("<Eligible>Yes</Eligible>", "<Eligible>Oui</Eligible>")
    page = tmp_path / f"page.{form}"
    page.write_text(html_render.render(text) if form == "html" else text, encoding="utf-8")
    run = cli("compile", str(page))
    assert run.code == 2 and run.out == ""
    (line,) = run.err.splitlines()
    assert f"{page}:" in line and f"{page}:1:1" not in line  # at the table, not at the top
    assert "'Fonctionnalité | Point de terminaison | Éligible ZDR | Éligible HIPAA | Détails'" in line
    assert "--locale en|id|zh-CN" in line
