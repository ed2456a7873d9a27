"""Fetching the page unattended: bounded in time and size, polite, and never led elsewhere.

One total deadline covers every attempt, redirect, wait and read (each socket operation gets
only the time left). 5xx and 429 are retried with exponential backoff, honouring Retry-After
up to a cap. A conditional GET (ETag / Last-Modified from the last publish) makes an unchanged
page cost a 304. The decoded body is capped (a gzip bomb stops at the cap). Redirects must
stay on the same host; only https is fetched, except plain http to a loopback address so the
job can be tested. Built on http.client (stdlib), whose socket is public, so every read can be
given exactly the time left. Every failure is one line naming the URL, exit 3.
"""

from __future__ import annotations

import http.client
import json
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from email.message import Message
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from scraper.errors import Exit, fail
from scraper.source import DEFAULT_MAX_BYTES, Source, from_bytes

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
MAX_REDIRECTS = 5
USER_AGENT = "retention-check/1"

ACCEPT = "text/markdown, text/html;q=0.9, text/plain;q=0.8"
CHUNK = 64 * 1024


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date), None if absent."""
    if not value:
        return None
    if value.strip().isdecimal():  # not `²`, which float() refuses
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _decoder(encoding: str | None, url: str) -> zlib._Decompress | None:
    name = (encoding or "identity").strip().lower()
    if name in ("identity", ""):
        return None
    if name in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if name == "deflate":
        return zlib.decompressobj()
    raise fail("fetch", f"unsupported Content-Encoding {name!r}", url, Exit.FETCH_FAILED)


def read_body(
    response: http.client.HTTPResponse,
    conn: http.client.HTTPConnection,
    left: Callable[[], float],
    max_bytes: int,
    url: str,
) -> bytes:
    """The decoded body, refused past `max_bytes`; every read gets only the time left."""
    decoder = _decoder(response.getheader("Content-Encoding"), url)
    out = bytearray()
    while True:
        if left() <= 0:
            raise TimeoutError("deadline passed while reading the body")
        if conn.sock is not None:
            conn.sock.settimeout(left())
        chunk = response.read(CHUNK)
        if not chunk:
            break
        out += decoder.decompress(chunk, max_bytes + 1 - len(out)) if decoder else chunk
        if len(out) > max_bytes:
            raise fail("fetch", f"body over the {max_bytes}-byte cap (--max-bytes)", url, Exit.FETCH_FAILED)
    if decoder is not None:
        out += decoder.flush()
    if len(out) > max_bytes:
        raise fail("fetch", f"body over the {max_bytes}-byte cap (--max-bytes)", url, Exit.FETCH_FAILED)
    return bytes(out)


@dataclass(frozen=True)
class Validators:
    """What the server said identifies the copy last published: sent back as a conditional GET."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None

    def text(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"

    @classmethod
    def read(cls, path: Path) -> Validators | None:
        try:
            value = json.loads(path.read_text(encoding="utf-8"))
            return cls(str(value["url"]), value.get("etag"), value.get("last_modified"), value.get("sha256"))
        except (OSError, ValueError, KeyError, TypeError):
            return None


@dataclass(frozen=True)
class Limits:
    deadline: float = 60.0
    max_bytes: int = DEFAULT_MAX_BYTES
    retries: int = 4
    backoff: float = 1.0
    max_retry_after: float = 30.0


@dataclass(frozen=True)
class Fetched:
    """The page, or None when the server answered 304 Not Modified."""

    source: Source | None
    validators: Validators


class Clock:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()


def check_url(url: str, host: str | None = None) -> None:
    """Refuse what the job must not fetch: not https (loopback http excepted), or another host.

    The URL the user gave (`host` None) is a usage error when refused (exit 2); a redirect's
    target is a failed fetch (exit 3)."""
    code = Exit.BAD_INPUT if host is None else Exit.FETCH_FAILED
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
    except ValueError as err:
        raise fail("url", f"malformed URL ({err})", url, code) from None
    if parts.scheme not in ("http", "https") or not hostname:
        raise fail("url", "not an http(s) URL", url, code)
    if parts.scheme == "http" and hostname not in LOOPBACK:
        raise fail("url", "plain http is refused (https only, except to a loopback address)", url, code)
    if host is not None and hostname != host:
        raise fail("fetch", f"redirect to another host ({hostname}) refused", url, code)


def fetch(url: str, validators: Validators | None = None, limits: Limits | None = None) -> Fetched:
    """GET `url` within `limits`; raises RetentionError (exit 3) naming the URL on any failure."""
    limits = limits or Limits()
    check_url(url)
    clock, current, attempt, redirects = Clock(limits.deadline), url, 0, 0
    while True:
        try:
            status, headers, body = _get(current, _conditional(url, validators), clock, limits)
        except (OSError, http.client.HTTPException) as err:
            if clock.left() <= 0:
                raise fail(
                    "fetch", f"no answer within the {limits.deadline:g}s deadline", url, Exit.FETCH_FAILED
                ) from None
            attempt = _wait(url, attempt, limits, clock, None, f"{type(err).__name__}: {err}")
            continue
        if status in (301, 302, 303, 307, 308):
            redirects += 1
            current = _redirect(current, headers, redirects)
        elif status == 304:
            return Fetched(None, validators or Validators(url))
        elif status == 429 or status >= 500:
            attempt = _wait(url, attempt, limits, clock, headers.get("Retry-After"), f"HTTP {status}")
        elif status != 200:
            raise fail("fetch", f"HTTP {status}", current, Exit.FETCH_FAILED)
        else:
            return _fetched(url, current, headers, body, limits)


def _conditional(url: str, validators: Validators | None) -> dict[str, str]:
    if validators is None or validators.url != url:
        return {}
    headers = {"If-None-Match": validators.etag} if validators.etag else {}
    return headers | ({"If-Modified-Since": validators.last_modified} if validators.last_modified else {})


def _redirect(current: str, headers: Message, count: int) -> str:
    location = headers.get("Location")
    if not location or count > MAX_REDIRECTS:
        raise fail("fetch", "redirect without a Location, or too many redirects", current, Exit.FETCH_FAILED)
    target = urljoin(current, location)
    check_url(target, urlsplit(current).hostname)
    return target


def _wait(url: str, attempt: int, limits: Limits, clock: Clock, asked: str | None, why: str) -> int:
    """Sleep before the next attempt, or fail when out of attempts or out of time."""
    asked_delay = retry_after(asked)
    delay = min(limits.backoff * 2**attempt if asked_delay is None else asked_delay, limits.max_retry_after)
    if attempt >= limits.retries:
        raise fail("fetch", f"{why}, still after {attempt + 1} attempts", url, Exit.FETCH_FAILED)
    if delay >= clock.left():
        raise fail(
            "fetch",
            f"{why}; retrying in {delay:g}s would pass the {limits.deadline:g}s deadline",
            url,
            Exit.FETCH_FAILED,
        )
    reason = "as Retry-After asks" if asked_delay is not None else "backing off"
    sys.stderr.write(
        f"retention: {url}: {why}; waiting {delay:g}s ({reason}) before attempt {attempt + 2} of "
        f"{limits.retries + 1}, {clock.left():.0f}s left of the {limits.deadline:g}s deadline\n"
    )
    time.sleep(delay)
    return attempt + 1


def _get(url: str, extra: dict[str, str], clock: Clock, limits: Limits) -> tuple[int, Message, bytes]:
    parts = urlsplit(url)
    if clock.left() <= 0:
        raise TimeoutError("deadline passed")
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = kind(parts.hostname or "", parts.port, timeout=clock.left())
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate", **extra}
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        if response.status != 200:
            return response.status, response.msg, b""
        return 200, response.msg, read_body(response, conn, clock.left, limits.max_bytes, url)
    finally:
        conn.close()


def _fetched(url: str, final: str, headers: Message, body: bytes, limits: Limits) -> Fetched:
    kind = headers.get("Content-Type")
    source = from_bytes(body, final, url=url, max_bytes=limits.max_bytes, content_type=kind)
    return Fetched(source, Validators(url, headers.get("ETag"), headers.get("Last-Modified"), source.sha256))
