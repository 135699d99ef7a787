"""Hostile servers: bombs, trickled headers, rebinding names, credentials, local hosts."""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator

import pytest

from corpus.documents import SourceItem
from corpus.fetch import Fetcher, SkipError
from corpus.fetch.addresses import IPAddress
from corpus.sources import read_item

from .httpserver import LocalHTTPServer

CAP = 256 * 1024
LOOPBACK = ipaddress.ip_address("127.0.0.1")
HTML = {"Content-Type": "text/html"}


@pytest.fixture
def site() -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer() as server:
        yield server


def _local(fetcher: Fetcher, url: str, **options: object):  # type: ignore[no-untyped-def]
    return fetcher.fetch(url, local_hosts={"127.0.0.1"}, **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("layers", [2, 3])
def test_fetch_stacked_gzip_bomb_is_cut_within_twice_the_cap(
    site: LocalHTTPServer, layers: int
) -> None:
    body = b"<p>" + b"a" * (CAP * 400)  # 100 MiB once inflated
    for _ in range(layers):
        body = gzip.compress(body)
    encoding = ", ".join(["gzip"] * layers)
    site.route("/bomb.html", body=body, headers={**HTML, "Content-Encoding": encoding})
    assert len(body) < 20_000
    with Fetcher(timeout=2, max_bytes=CAP) as fetcher:
        tracemalloc.start()
        try:
            with pytest.raises(SkipError, match="too large"):
                _local(fetcher, site.url("/bomb.html"))
            _size, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak <= 2 * CAP, f"peak {peak} bytes for a cap of {CAP}"


def test_fetch_deflate_and_gzip_layers_are_undone(site: LocalHTTPServer) -> None:
    page = "<p>训练成本557万美元</p>".encode() * 50
    raw_deflate = zlib.compressobj(wbits=-15)
    deflated = raw_deflate.compress(gzip.compress(page)) + raw_deflate.flush()
    site.route("/layers.html", body=deflated, headers={**HTML, "Content-Encoding": "gzip, deflate"})
    with Fetcher(timeout=2, max_bytes=CAP) as fetcher:
        assert _local(fetcher, site.url("/layers.html")).body == page


def test_fetch_unknown_content_encoding_is_a_skip(site: LocalHTTPServer) -> None:
    site.route("/br.html", body=b"\x0b\x02\x80hi", headers={**HTML, "Content-Encoding": "br"})
    with Fetcher(timeout=2) as fetcher, pytest.raises(SkipError, match="content encoding 'br'"):
        _local(fetcher, site.url("/br.html"))


def test_fetch_charset_zlib_header_does_not_decompress(site: LocalHTTPServer) -> None:
    text = "深度求索训练成本为557万美元。" * 20_000
    site.route(
        "/zlib.html", body=text.encode(), headers={"Content-Type": "text/html; charset=zlib"}
    )
    item = SourceItem(location=site.url("/zlib.html"), kind="url", local_hosts=["127.0.0.1"])
    with Fetcher(timeout=2, max_bytes=4 * 1024 * 1024) as fetcher:
        doc = read_item(item, fetcher=fetcher)
    assert doc.raw == text and doc.encoding == "utf-8"


class _TricklingServer:
    """Answers every connection with a status line, then one header line every
    ``pause`` seconds, never ending the headers."""

    def __init__(self, pause: float = 0.2) -> None:
        self.pause = pause
        self.lines_sent = 0
        self._stop = threading.Event()
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}/slow.html"

    def __enter__(self) -> _TricklingServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._socket.close()

    def _serve(self) -> None:
        try:
            conn, _ = self._socket.accept()
        except OSError:
            return
        with conn:
            conn.recv(4096)
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                while not self._stop.wait(self.pause):
                    conn.sendall(f"X-Line-{self.lines_sent}: x\r\n".encode())
                    self.lines_sent += 1
            except OSError:
                return


def test_fetch_trickled_headers_are_cut_at_the_deadline() -> None:
    deadline = 1.0
    with _TricklingServer(pause=0.1) as server, Fetcher(timeout=5, deadline=deadline) as fetcher:
        with pytest.raises(SkipError, match="deadline"):
            fetcher.fetch(server.url, local_hosts={"127.0.0.1"})
        sent_at_cut = server.lines_sent
        time.sleep(0.5)
    # each header line came sooner than the 5 s read timeout: only the deadline cut it,
    # and it cut the connection (the server could send no more after it)
    assert 0 < sent_at_cut <= server.lines_sent <= sent_at_cut + 1


class _Rebinding(Fetcher):
    """A name that resolves to the loopback address, deemed public here: the fetch must
    connect to the address it checked (the name itself does not resolve on this machine)."""

    def resolve_host(self, url: str, host: str, port: int) -> list[IPAddress]:
        self.resolved = getattr(self, "resolved", 0) + 1
        return [LOOPBACK] if host == "rebind.invalid" else super().resolve_host(url, host, port)

    def host_block_reason(self, host: str, addresses: list[IPAddress]) -> str | None:
        return None if host == "rebind.invalid" else super().host_block_reason(host, addresses)

    def peer_block_reason(self, address: IPAddress) -> str | None:
        return None


def test_fetch_connects_to_the_address_it_checked(site: LocalHTTPServer) -> None:
    site.route("/named.html", body=b"<p>ok</p>", headers=HTML)
    url = f"http://rebind.invalid:{site.port}/named.html"
    with _Rebinding(timeout=2) as fetcher:
        result = fetcher.fetch(url)
    assert result.status == 200 and result.body == b"<p>ok</p>"
    assert fetcher.resolved == 1  # one lookup, and the connection went where it said
    seen = [r for r in site.requests if r.path == "/named.html"][-1]
    assert seen.headers["Host"] == f"rebind.invalid:{site.port}"


def test_fetch_local_hosts_allow_only_those_hosts(site: LocalHTTPServer) -> None:
    site.route("/own.html", body=b"<p>own</p>", headers=HTML)
    to_other = site.url("/own.html", "localhost")
    site.route("/away.html", status=302, headers={"Location": to_other})
    with Fetcher(timeout=2) as fetcher:
        assert fetcher.fetch(site.url("/own.html"), local_hosts={"127.0.0.1"}).status == 200
        with pytest.raises(SkipError, match="refused loopback"):
            fetcher.fetch(site.url("/away.html"), local_hosts={"127.0.0.1"})
        with pytest.raises(SkipError, match="refused link-local"):
            fetcher.fetch("http://169.254.169.254/latest/", local_hosts={"127.0.0.1"})


def test_fetch_credentials_are_sent_but_never_kept(site: LocalHTTPServer, tmp_path) -> None:  # type: ignore[no-untyped-def]
    site.route("/private.html", body=b"<p>secret page</p>", headers=HTML, etag='"v1"')
    url = f"http://reader:s3cret@127.0.0.1:{site.port}/private.html"
    item = SourceItem(location=url, kind="url", local_hosts=["127.0.0.1"])
    with Fetcher(timeout=2, state_dir=tmp_path) as fetcher:
        doc = read_item(item, fetcher=fetcher)
        fetcher.remember(doc.url or doc.location, doc.etag, doc.last_modified)
    seen = [r for r in site.requests if r.path == "/private.html"][-1]
    assert seen.headers.get("Authorization", "").startswith("Basic ")
    assert "s3cret" not in doc.location and "s3cret" not in (doc.url or "")
    assert "s3cret" not in "".join(p.read_text() for p in tmp_path.iterdir())
