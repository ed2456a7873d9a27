"""The localized copies `retention check --locales id,zh-CN` fetches next to the English page:
`/docs/<locale>/...`, the English URL with its locale replaced."""

from __future__ import annotations

import re

from schema.models import Dataset
from scraper.errors import fail
from scraper.localize.sides import Report, compare

_EN = re.compile(r"/docs/en/")


def localized_url(english_url: str, locale: str) -> str:
    """`https://…/docs/en/manage-claude/api-and-data-retention` -> `…/docs/id/…`."""
    if not _EN.search(english_url):
        raise fail("usage", "--locales needs an English URL with /docs/en/ in it", english_url)
    return _EN.sub(f"/docs/{locale}/", english_url, count=1)


def codes(text: str) -> list[str]:
    """`id, zh-CN` -> ["id", "zh-CN"]."""
    return [c.strip() for c in text.split(",") if c.strip()]


def reports(locales: str, english_url: str, english: Dataset, deadline: float, max_bytes: int) -> dict[str, Report]:
    """Fetch each localized copy and compare it with `english` (the page just compiled)."""
    from scraper import fetch

    result = {}
    for locale in codes(locales):
        url = localized_url(english_url, locale)
        got = fetch.fetch(url, None, fetch.Limits(deadline=deadline, max_bytes=max_bytes))
        if got.source is None:
            raise fail("fetch", "the server answered 304 to a request without validators", url)
        result[locale] = compare(english, english_url, got.source)
    return result
