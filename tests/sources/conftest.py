"""Fixtures: one loopback HTTP server with sample pages for the whole session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.fetch import Fetcher

from .httpserver import LocalHTTPServer
from .pages import PNG_BYTES, SIMPLIFIED_PARAGRAPHS, TRADITIONAL_PARAGRAPHS, article_html, rss_feed

TEST_CAP = 64 * 1024
HTML = "text/html"
PRIVATE_TARGET = "http://10.255.255.1:9/admin"

GOOD_PAGES = {
    # path: (encoding the page is written in, Content-Type header, meta charset)
    "/a/utf8.html": ("utf-8", f"{HTML}; charset=utf-8", "utf-8"),
    "/a/gbk-header.html": ("gbk", f"{HTML}; charset=gbk", None),
    "/a/gbk-meta.html": ("gbk", HTML, "gbk"),
    "/a/gb18030-header.html": ("gb18030", f"{HTML}; charset=GB18030", None),
    "/a/big5.html": ("big5", HTML, None),
}


def page_text(path: str) -> str:
    """The article each good page carries (the Big5 one is in traditional characters)."""
    encoding, _type, meta = GOOD_PAGES[path]
    paragraphs = TRADITIONAL_PARAGRAPHS if encoding == "big5" else SIMPLIFIED_PARAGRAPHS
    return article_html(f"测试页 {path}" if encoding != "big5" else "測試頁", paragraphs, meta)


def _add_routes(server: LocalHTTPServer) -> None:
    for path, (encoding, content_type, _meta) in GOOD_PAGES.items():
        body = page_text(path).encode(encoding)
        server.route(path, body=body, headers={"Content-Type": content_type})
    html = {"Content-Type": f"{HTML}; charset=utf-8"}
    utf8_body = page_text("/a/utf8.html").encode()
    server.route("/a/slow.html", body=utf8_body, headers=html, delay=3.0)
    server.route("/a/drip.html", headers=html, drip=0.05)
    server.route("/a/missing.html", status=404, body=b"gone", headers=html)
    server.route("/a/gone.html", status=410, body=b"gone", headers=html)
    server.route("/a/moved.html", status=302, headers={"Location": "/a/utf8.html"})
    server.route("/a/huge.html", body=b"<p>" + b"x" * (TEST_CAP * 3) + b"</p>", headers=html)
    server.route(
        "/a/huge-nolength.html",
        body=b"<p>" + b"y" * (TEST_CAP * 3),
        headers=html,
        send_length=False,
    )
    server.route("/a/image.png", body=PNG_BYTES, headers={"Content-Type": "image/png"})
    server.route("/a/disguised.html", body=PNG_BYTES, headers=html)
    server.route("/a/empty.html", body=b"", headers=html)
    server.route("/a/to-private.html", status=302, headers={"Location": PRIVATE_TARGET})
    localhost = server.url("/a/utf8.html", "localhost")
    server.route("/a/to-localhost.html", status=302, headers={"Location": localhost})
    server.route("/a/to-file.html", status=302, headers={"Location": "file:///etc/passwd"})
    server.route("/a/loop.html", status=302, headers={"Location": "/a/loop.html"})
    server.route("/a/unavailable.html", status=503, body=b"busy", headers=html)
    server.route("/a/throttled.html", status=429, body=b"slow down", headers=html)
    server.route(
        "/feed.xml",
        body=rss_feed(
            "测试频道",
            [
                ("统一码页面", server.url("/a/utf8.html")),
                ("国标页面", server.url("/a/gbk-header.html")),
                ("元标签页面", server.url("/a/gbk-meta.html")),
                ("繁体页面", server.url("/a/big5.html")),
                ("相对链接", "/a/gb18030-header.html"),
                ("本地文件", "file:///etc/passwd"),
                ("脚本", "javascript:alert(1)"),
                ("文件服务", "ftp://example.invalid/a.html"),
                ("重复", server.url("/a/utf8.html")),
            ],
        ),
        headers={"Content-Type": "application/rss+xml"},
    )


@pytest.fixture(scope="session")
def server() -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer() as running:
        _add_routes(running)
        yield running


@pytest.fixture
def fetcher(tmp_path: Path) -> Iterator[Fetcher]:
    """Short timeouts and a small cap so dead pages fail fast."""
    with Fetcher(timeout=0.5, deadline=1.0, max_bytes=TEST_CAP, state_dir=tmp_path / "state") as f:
        yield f
