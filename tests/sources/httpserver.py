"""A small threaded HTTP server on 127.0.0.1 for tests (only loopback traffic).

Usage::

    with LocalHTTPServer() as server:
        server.route("/a.html", body=b"...", headers={"Content-Type": "text/html"})
        server.route("/flaky", body=b"ok", fail_first=2)
        url = server.url("/a.html")

Routes can answer late (``delay``), fail a number of times first (``fail_first``),
drip an endless body (``drip``), omit Content-Length (``send_length=False``),
redirect (``status=302, headers={"Location": ...}``) and honour validators
(``etag``/``last_modified`` → 304 on a matching conditional request).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    fail_first: int = 0
    drip: float | None = None
    send_length: bool = True
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class SeenRequest:
    path: str
    headers: dict[str, str]


class LocalHTTPServer:
    """Serves registered routes; records hits and request headers per path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[SeenRequest] = []
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def route(self, path: str, **options: object) -> Route:
        self.routes[path] = Route(**options)  # type: ignore[arg-type]
        return self.routes[path]

    def reset(self) -> None:
        with self._lock:
            self.hits.clear()
            self.requests.clear()
            self.max_active = 0

    def __enter__(self) -> LocalHTTPServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # quiet
                return

            def do_GET(self) -> None:
                owner._serve(self)

        return Handler

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self._lock:
            self.hits[path] += 1
            hit = self.hits[path]
            self.requests.append(SeenRequest(path, dict(handler.headers.items())))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            # (the client gave up, as the tests intend)
            self._answer(handler, self.routes.get(path), hit)

    def _answer(self, handler: BaseHTTPRequestHandler, route: Route | None, hit: int) -> None:
        if route is None:
            self._send(handler, 404, b"not here", {"Content-Type": "text/plain"})
            return
        # Requests count as active until their answer starts: once it is written the
        # client may send the next one before this thread is done with the socket.
        with self._lock:
            self.active += 1
            self.max_active = max(self.max_active, self.active)
        try:
            if route.delay:
                self._stopping.wait(route.delay)
        finally:
            with self._lock:
                self.active -= 1
        if hit <= route.fail_first:
            self._send(handler, 500, b"try later", {"Content-Type": "text/plain"})
            return
        if self._not_modified(handler, route):
            self._send(handler, 304, b"", self._validator_headers(route))
            return
        headers = {**route.headers, **self._validator_headers(route)}
        if route.drip is not None:
            self._drip(handler, route, headers)
            return
        self._send(handler, route.status, route.body, headers, route.send_length)

    @staticmethod
    def _validator_headers(route: Route) -> dict[str, str]:
        headers = {}
        if route.etag:
            headers["ETag"] = route.etag
        if route.last_modified:
            headers["Last-Modified"] = route.last_modified
        return headers

    @staticmethod
    def _not_modified(handler: BaseHTTPRequestHandler, route: Route) -> bool:
        tag = handler.headers.get("If-None-Match")
        since = handler.headers.get("If-Modified-Since")
        if route.etag and tag:
            return tag == route.etag
        return bool(route.last_modified and since == route.last_modified)

    @staticmethod
    def _send(
        handler: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        headers: dict[str, str],
        send_length: bool = True,
    ) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        if send_length:
            handler.send_header("Content-Length", str(len(body)))
        handler.send_header("Connection", "close")
        handler.end_headers()
        if body and status != 304:
            handler.wfile.write(body)

    def _drip(self, handler: BaseHTTPRequestHandler, route: Route, headers: dict[str, str]) -> None:
        """Headers at once, then a few bytes every ``route.drip`` seconds, without end."""
        handler.send_response(200)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Connection", "close")
        handler.end_headers()
        started = time.monotonic()
        while not self._stopping.is_set() and time.monotonic() - started < 30:
            handler.wfile.write(route.body or b"<p>...</p>\n")
            handler.wfile.flush()
            self._stopping.wait(route.drip or 0.05)
