"""The Fetcher's guards: schemes, addresses, redirects, politeness, concurrency."""

from __future__ import annotations

import gzip
import ipaddress
from concurrent.futures import ThreadPoolExecutor

import pytest

from corpus.fetch import USER_AGENT, Fetcher, SkipError
from corpus.fetch.addresses import IPAddress, block_reason

from .conftest import PRIVATE_TARGET, TEST_CAP
from .httpserver import LocalHTTPServer

LOCAL = {"127.0.0.1", "localhost"}

ADDRESSES = [
    ("127.0.0.1", "loopback"),
    ("::1", "loopback"),
    ("10.1.2.3", "private"),
    ("172.16.0.9", "private"),
    ("192.168.1.1", "private"),
    ("169.254.169.254", "link-local"),
    ("fe80::1", "link-local"),
    ("fc00::5", "private"),
    ("::ffff:127.0.0.1", "loopback"),
    ("0.0.0.0", "unspecified"),
    ("224.0.0.1", "multicast"),
    ("100.64.0.1", "non-public"),
    ("8.8.8.8", None),
    ("2001:4860:4860::8888", None),
]


@pytest.mark.parametrize(("address", "label"), ADDRESSES)
def test_fetch_address_classification(address: str, label: str | None) -> None:
    reason = block_reason(ipaddress.ip_address(address))
    if label is None:
        assert reason is None
    else:
        assert reason is not None and reason.startswith(label)


class NumericLoopbackIsPublic(Fetcher):
    """Treats the host "127.0.0.1" (not "localhost") as public, to test redirects off it."""

    def host_block_reason(self, host: str, addresses: list[IPAddress]) -> str | None:
        return None if host == "127.0.0.1" else super().host_block_reason(host, addresses)

    def peer_block_reason(self, address: IPAddress) -> str | None:
        return None if str(address) == "127.0.0.1" else super().peer_block_reason(address)


def test_fetch_refuses_loopback_unless_local(server: LocalHTTPServer, fetcher: Fetcher) -> None:
    path = "/a/utf8.html"
    server.reset()
    with pytest.raises(SkipError, match=r"refused loopback address 127\.0\.0\.1.*not local"):
        fetcher.fetch(server.url(path))
    assert server.hits[path] == 0  # refused before any connection
    assert fetcher.fetch(server.url(path), local_hosts=LOCAL).status == 200


def test_fetch_refuses_redirect_to_private_address(server: LocalHTTPServer) -> None:
    with NumericLoopbackIsPublic(timeout=0.5) as fetcher, pytest.raises(SkipError) as raised:
        fetcher.fetch(server.url("/a/to-private.html"))
    assert f"private address 10.255.255.1 (redirect to {PRIVATE_TARGET})" in str(raised.value)


def test_fetch_redirect_to_loopback_refused_unless_local(server: LocalHTTPServer) -> None:
    url = server.url("/a/to-localhost.html")
    with NumericLoopbackIsPublic(timeout=0.5) as fetcher:
        with pytest.raises(SkipError, match=r"loopback address 127\.0\.0\.1 \(redirect to"):
            fetcher.fetch(url)
        result = fetcher.fetch(url, local_hosts=LOCAL)
    assert result.status == 200
    assert result.final_url == server.url("/a/utf8.html", "localhost")


NON_HTTP = [
    "file:///etc/passwd",
    "ftp://example.invalid/a.html",
    "javascript:alert(1)",
    "gopher://example.invalid/",
    "data:text/html,hi",
]


@pytest.mark.parametrize("url", NON_HTTP)
def test_fetch_refuses_non_http_schemes(fetcher: Fetcher, url: str) -> None:
    with pytest.raises(SkipError, match="unsupported URL scheme"):
        fetcher.fetch(url, local_hosts=LOCAL)


def test_fetch_sends_polite_user_agent(server: LocalHTTPServer, fetcher: Fetcher) -> None:
    server.route("/a/ua.html", body=b"<p>hi</p>", headers={"Content-Type": "text/html"})
    fetcher.fetch(server.url("/a/ua.html"), local_hosts=LOCAL)
    seen = [r for r in server.requests if r.path == "/a/ua.html"][-1]
    assert seen.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("aiclaims/") and "(+https://github.com/aiclaims)" in USER_AGENT


def test_fetch_limits_concurrency_per_host(server: LocalHTTPServer) -> None:
    server.route(
        "/a/wait.html", body=b"<p>ok</p>", headers={"Content-Type": "text/html"}, delay=0.15
    )
    server.reset()
    with Fetcher(timeout=2, per_host_concurrency=2) as fetcher, ThreadPoolExecutor(6) as pool:
        results = list(
            pool.map(
                lambda _: fetcher.fetch(server.url("/a/wait.html"), local_hosts=LOCAL),
                range(6),
            )
        )
    assert all(r.status == 200 for r in results)
    assert server.max_active == 2


def test_fetch_peek_truncates_instead_of_refusing(
    server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    result = fetcher.peek(server.url("/a/huge.html"), local_hosts=LOCAL, limit=100)
    assert result.truncated and len(result.body) == 100


def test_fetch_caps_decompressed_size(server: LocalHTTPServer, fetcher: Fetcher) -> None:
    bomb = gzip.compress(b"<p>" + b"a" * (TEST_CAP * 50))
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    server.route("/a/gzip-bomb.html", body=bomb, headers=headers)
    assert len(bomb) < TEST_CAP
    with pytest.raises(SkipError, match="too large"):
        fetcher.fetch(server.url("/a/gzip-bomb.html"), local_hosts=LOCAL)


class TrustsNamesOnly(Fetcher):
    """A check that is fooled: the peer check must still refuse."""

    def host_block_reason(self, host: str, addresses: list[IPAddress]) -> str | None:
        return None


def test_fetch_checks_the_connected_peer(server: LocalHTTPServer) -> None:
    with TrustsNamesOnly(timeout=0.5) as fetcher, pytest.raises(SkipError) as raised:
        fetcher.fetch(server.url("/a/utf8.html"))
    assert "refused loopback address 127.0.0.1 (connected peer)" in str(raised.value)
