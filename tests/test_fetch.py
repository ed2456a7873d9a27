"""Fetching against a real HTTP server on 127.0.0.1: success, faults, and the limits that hold."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator
from email.utils import formatdate

import pytest

from scraper.errors import Exit, RetentionError
from scraper.fetch import Limits, Validators, fetch, retry_after
from scraper.source import hinted
from tests.conftest import BUNDLED
from tests.http_server import Reply, Server, serving

PAGE = BUNDLED.read_bytes()
FAST = Limits(deadline=5, backoff=0.01, max_retry_after=0.2)


@pytest.fixture
def server() -> Iterator[Server]:
    with serving() as state:
        yield state


def refused(
    url: str, limits: Limits = FAST, validators: Validators | None = None, code: Exit = Exit.FETCH_FAILED
) -> str:
    with pytest.raises(RetentionError) as info:
        fetch(url, validators, limits)
    assert info.value.code == code
    (problem,) = info.value.problems
    return str(problem)


def test_fetch_a_page_and_its_validators(server: Server) -> None:
    server.page = PAGE
    got = fetch(server.url(), None, FAST)
    assert got.source is not None and got.source.text.encode("utf-8") == PAGE
    assert got.source.format == "text" and got.source.url == server.url()
    assert got.validators.etag and got.validators.url == server.url()
    assert server.seen[0]["User-Agent"].startswith("retention")


def test_conditional_get_costs_a_304(server: Server) -> None:
    server.page = PAGE
    first = fetch(server.url(), None, FAST)
    again = fetch(server.url(), first.validators, FAST)
    assert again.source is None
    assert server.seen[1]["If-None-Match"] == first.validators.etag
    other = Validators("https://elsewhere.example/page", etag=first.validators.etag)
    assert fetch(server.url(), other, FAST).source is not None  # validators of another URL are not sent


def test_a_hang_stops_at_the_deadline(server: Server) -> None:
    server.then(Reply(hang=30), Reply(hang=30), Reply(hang=30))
    start = time.monotonic()
    message = refused(server.url(), Limits(deadline=0.6, backoff=0.01))
    assert time.monotonic() - start < 3
    assert server.url() in message and "deadline" in message


def test_a_slow_drip_body_stops_at_the_deadline(server: Server) -> None:
    promised = {"Content-Length": str(len(PAGE) + 10)}
    server.then(Reply(200, PAGE, promised, hang_after_body=30), *[Reply(hang=30)] * 5)
    start = time.monotonic()
    refused(server.url(), Limits(deadline=0.6, backoff=0.01))
    assert time.monotonic() - start < 3


def test_503_then_200_is_retried(server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    server.page = PAGE
    server.then(Reply(503, headers={"Retry-After": "0"}), Reply(429))
    got = fetch(server.url(), None, FAST)
    assert got.source is not None and len(server.seen) == 3
    waits = capsys.readouterr().err.splitlines()
    assert len(waits) == 2 and "HTTP 503; waiting 0s (as Retry-After asks) before attempt 2 of" in waits[0]
    assert "HTTP 429; waiting" in waits[1] and "(backing off) before attempt 3" in waits[1]


def test_retry_after_is_capped(server: Server) -> None:
    server.page = PAGE
    server.then(Reply(503, headers={"Retry-After": "3600"}))
    start = time.monotonic()
    assert fetch(server.url(), None, FAST).source is not None
    assert time.monotonic() - start < 2


def test_retry_after_past_the_deadline_fails_at_once(server: Server) -> None:
    server.then(Reply(503, headers={"Retry-After": "10"}))
    start = time.monotonic()
    message = refused(server.url(), Limits(deadline=1, max_retry_after=60))
    assert "deadline" in message and time.monotonic() - start < 1


def test_persistent_5xx_gives_up(server: Server) -> None:
    server.then(*[Reply(502)] * 10)
    message = refused(server.url(), Limits(deadline=5, retries=2, backoff=0.01))
    assert "HTTP 502" in message and "3 attempts" in message and len(server.seen) == 3


def test_other_status_fails(server: Server) -> None:
    assert "HTTP 404" in refused(server.url())


def test_oversized_body_is_refused(server: Server) -> None:
    server.page = PAGE
    assert "cap" in refused(server.url(), Limits(deadline=5, max_bytes=1000))


def test_gzip_is_decoded_and_a_bomb_stops_at_the_cap(server: Server) -> None:
    server.then(Reply(200, gzip.compress(PAGE), {"Content-Encoding": "gzip"}))
    got = fetch(server.url(), None, FAST)
    assert got.source is not None and got.source.text.encode("utf-8") == PAGE
    bomb = gzip.compress(b"a" * 20_000_000)
    assert len(bomb) < 100_000
    server.then(Reply(200, bomb, {"Content-Encoding": "gzip"}))
    assert "cap" in refused(server.url(), Limits(deadline=5, max_bytes=1_000_000))


def test_redirects_stay_on_the_same_host(server: Server) -> None:
    server.page = PAGE
    server.then(Reply(301, headers={"Location": "/docs/moved"}))
    got = fetch(server.url(), None, FAST)
    assert got.source is not None and server.seen[-1]["path"] == "/docs/moved"
    server.then(Reply(302, headers={"Location": server.url(host="localhost")}))
    message = refused(server.url())
    assert "another host" in message and "localhost" in message


@pytest.mark.parametrize(
    "url", ["http://example.com/page", "ftp://127.0.0.1/page", "file:///etc/passwd", "page", "https://[::1/page"]
)
def test_a_url_that_may_not_be_fetched_is_a_usage_error(url: str) -> None:
    assert url in refused(url, code=Exit.BAD_INPUT)


def test_format_from_content_type_or_url() -> None:
    assert hinted("https://h/p", "text/markdown; charset=utf-8") == "markdown"
    assert hinted("https://h/p.md", "text/html") == "html"
    assert hinted("https://h/docs/page.md?x=1", "text/plain") == "markdown"
    assert hinted("https://h/docs/page", None) is None


def test_retry_after_forms() -> None:
    assert retry_after("7") == 7.0
    assert retry_after(None) is None and retry_after("soon") is None and retry_after("²") is None
    later = retry_after(formatdate(time.time() + 60, usegmt=True))
    assert later is not None and 50 < later <= 60
