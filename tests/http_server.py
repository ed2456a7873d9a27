"""A real HTTP server on 127.0.0.1 for the fetch and check tests: scripted replies, then a page.

Replies queued with `then()` are served in order, one per request (a hang, a 503, a redirect,
…); when the queue is empty the current `page` is served with an ETag, answering 304 to a
matching If-None-Match, as a real documentation server does.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    hang: float = 0.0
    hang_after_body: float = 0.0


@dataclass
class Server:
    port: int = 0
    replies: list[Reply] = field(default_factory=list)
    page: bytes | None = None
    content_type: str = "text/plain; charset=utf-8"
    seen: list[dict[str, str]] = field(default_factory=list)
    pages: dict[str, bytes] = field(default_factory=dict)  # by path, served as Markdown (other languages)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str = "/docs/api-and-data-retention", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def then(self, *replies: Reply) -> Server:
        self.replies.extend(replies)
        return self

    def next_reply(self, headers: dict[str, str]) -> Reply:
        if self.replies:
            return self.replies.pop(0)
        if self.page is None:
            return Reply(404, b"no page")
        etag = '"' + hashlib.sha256(self.page).hexdigest()[:16] + '"'
        if headers.get("If-None-Match") == etag:
            return Reply(304, headers={"ETag": etag})
        return Reply(200, self.page, {"ETag": etag, "Content-Type": self.content_type})


def _handler(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            headers = {k: v for k, v in self.headers.items()}
            server.seen.append({"path": self.path, **headers})
            page = server.pages.get(self.path)
            markdown = {"Content-Type": "text/markdown; charset=utf-8"}
            reply = Reply(200, page, markdown) if page is not None else server.next_reply(headers)
            if reply.hang and server.stop.wait(reply.hang):
                return
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if "Content-Length" not in reply.headers:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
            self.wfile.flush()
            server.stop.wait(reply.hang_after_body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serving() -> Iterator[Server]:
    """A Server listening on 127.0.0.1 (a free port) until the block ends."""
    state = Server()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stop.set()
        httpd.shutdown()
        httpd.server_close()
