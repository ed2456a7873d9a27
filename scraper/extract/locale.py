"""The language a copy of the page is in, and so the vocabulary it is read with.

Evidence, strongest first: `--locale`; the copy's URL (`/docs/<locale>/...`, from `--url`, a
fetch or the front matter); the `lang` of HTML. A copy that says nothing of its language is
read in the first vocabulary whose words its table header and status cells use (English first). A language
without vocabulary is refused, naming it and where to add one: never read in another's words.
"""

from __future__ import annotations

import re

from scraper.document import Document
from scraper.errors import fail
from scraper.source import Source
from scraper.vocabulary import ENGLISH, LOCALES, WHERE, Vocabulary, known

LOCALE_CODE = r"[a-z]{2}(?:[-_](?:[A-Za-z]{2}|[A-Za-z]{4}))?"  # id, zh-CN, pt-BR, zh-Hant
_DOCS = re.compile(rf"/docs/({LOCALE_CODE})/")


def from_url(url: str | None) -> str | None:
    """`https://…/docs/zh-CN/manage-claude/…` -> `zh-CN`; None when the URL names none."""
    match = _DOCS.search(url or "")
    return match.group(1) if match else None


def declared(source: Source, doc: Document) -> tuple[str, str] | None:
    """The locale the copy or the command states, and where it was read from."""
    if source.locale:
        return source.locale, "--locale"
    for url in (source.url, doc.source_url):
        code = from_url(url)
        if code:
            return code, f"its URL {url}"
    if doc.lang:
        return doc.lang, "its HTML lang"
    return None


def vocabulary_for(source: Source, doc: Document) -> Vocabulary:
    """The vocabulary to read `doc` with; a language without one is refused (exit 2)."""
    found = declared(source, doc)
    if found is None:
        return sniffed(doc)
    code, why = found
    words = known(code)
    if words is None:
        raise fail(
            "locale",
            f"the page is in {code!r} (from {why}), a language without vocabulary: add one to {WHERE}",
            f"{source.origin}:1:1",
        )
    return words


def sniffed(doc: Document) -> Vocabulary:
    """For a copy that names no language: the first vocabulary (English first) whose words read
    its table header and every status cell; else the first that reads the header (whose
    problems are then reported); else English."""
    from scraper.extract import eligibility_tables, has_table, status_and_marks

    readers = [v for v in LOCALES.values() if has_table(doc, v)]
    for words in readers:
        statuses = [c for t in eligibility_tables(doc, words) for r in t.rows for c in r.cells[2:-1]]
        if all(status_and_marks(c, words)[0] is not None for c in statuses):
            return words
    return readers[0] if readers else ENGLISH
