"""A fetch's overall deadline, enforced on the connection itself.

httpx's timeouts are per operation: a server that sends one header line a second
never trips a 10 s read timeout, and the headers arrive before any code of ours
runs again. The watchdog learns the connection's socket through httpcore's
``trace`` request extension and shuts it down when the deadline passes, wherever
the fetch is (TLS handshake, headers or body); the blocked read then fails at once.
"""

from __future__ import annotations

import socket
import threading
import time
from contextlib import suppress
from typing import Any

#: httpcore trace events whose return value is the connection's network stream.
_STREAM_EVENTS = frozenset({"connection.connect_tcp.complete", "connection.start_tls.complete"})


class Watchdog:
    """Cuts the connection(s) of one fetch at ``deadline`` (a ``time.monotonic`` value)."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.fired = False
        self._lock = threading.Lock()
        self._streams: list[Any] = []
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True

    def __enter__(self) -> Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def trace(self, event_name: str, info: dict[str, Any]) -> None:
        """httpcore's trace callback: keep each new connection's stream."""
        if event_name not in _STREAM_EVENTS:
            return
        stream = info.get("return_value")
        if stream is None:
            return
        with self._lock:
            self._streams.append(stream)
            if self.fired:
                _shut(stream)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for stream in self._streams:
                _shut(stream)


def _shut(stream: Any) -> None:
    sock = stream.get_extra_info("socket")
    if sock is not None:
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
