"""Hostile and broken web sources through the ingest flow, served from 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.robustness.conftest import stored_articles
from tests.robustness.generate import ARTICLE, PNG, TRADITIONAL, html_page
from tests.sources.httpserver import LocalHTTPServer
from tests.sources.pages import billion_laughs, rss_feed

CAP = 64 * 1024
HTML = "text/html"

#: path: (text marker, body bytes, Content-Type) of pages that must be stored
GOOD = {
    "/p/utf8.html": ("统一实验室", "utf-8", f"{HTML}; charset=utf-8"),
    "/p/gbk-undeclared.html": ("国标实验室", "gbk", HTML),
    "/p/gb18030-undeclared.html": ("一八实验室", "gb18030", HTML),
    "/p/gbk-says-latin1.html": ("错标实验室", "gbk", f"{HTML}; charset=iso-8859-1"),
    "/p/gbk-says-utf8.html": ("误称实验室", "gbk", f"{HTML}; charset=utf-8"),
}
BIG5 = "/p/big5-undeclared.html"

#: path: (route options, words the skip reason must contain)
BAD = {
    "/p/image.png": ({"body": PNG, "headers": {"Content-Type": "image/png"}}, ("binary",)),
    "/p/png-as-html.html": ({"body": PNG, "headers": {"Content-Type": HTML}}, ("binary",)),
    "/p/empty.html": ({"body": b"", "headers": {"Content-Type": HTML}}, ("empty",)),
    "/p/blank.html": (
        {"body": b" \r\n\t " * 50, "headers": {"Content-Type": HTML}},
        ("empty",),
    ),
    "/p/huge.html": (
        {"body": b"<p>" + "大".encode() * CAP, "headers": {"Content-Type": HTML}},
        ("too large",),
    ),
    "/p/huge-undeclared.html": (
        {"body": b"<p>" + b"y" * CAP * 2, "headers": {"Content-Type": HTML}, "send_length": False},
        ("too large",),
    ),
    "/p/endless.html": ({"drip": 0.05, "headers": {"Content-Type": HTML}}, ("deadline",)),
    "/p/slow.html": (
        {"delay": 3.0, "body": b"<p>late</p>", "headers": {"Content-Type": HTML}},
        ("timed out",),
    ),
    "/p/scripts.html": (
        {
            "body": (
                "<html><body>"
                + "<script>var x='训练成本557万美元';</script>" * 300
                + "</body></html>"
            ).encode(),
            "headers": {"Content-Type": HTML},
        },
        ("no article text",),
    ),
}
FEED_BAD_LINKS = [
    ("本地", "file:///etc/passwd"),
    ("文件", "ftp://example.invalid/a"),
    ("脚本", "javascript:alert(1)"),
]


def _page(marker: str) -> str:
    return html_page(f"{marker}发布新模型", ARTICLE.replace("某实验室", marker))


@pytest.fixture
def site() -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer() as server:
        for path, (marker, encoding, ctype) in GOOD.items():
            server.route(path, body=_page(marker).encode(encoding), headers={"Content-Type": ctype})
        big5 = html_page("新創公司融資", TRADITIONAL + TRADITIONAL.replace("一家", "另一家"))
        server.route(BIG5, body=big5.encode("big5"), headers={"Content-Type": HTML})
        for path, (options, _words) in BAD.items():
            server.route(path, **options)
        links = [(p, server.url(p)) for p in [*GOOD, BIG5, *BAD]] + FEED_BAD_LINKS
        server.route(
            "/feed.xml",
            body=rss_feed("测试", links),
            headers={"Content-Type": "application/rss+xml"},
        )
        server.route(
            "/bomb.xml", body=billion_laughs(), headers={"Content-Type": "application/rss+xml"}
        )
        server.route(
            "/broken.xml",
            body=b'<?xml version="1.0"?><rss version="2.0"><channel><it',
            headers={"Content-Type": "application/rss+xml"},
        )
        yield server


def _sources(tmp_path: Path, server: LocalHTTPServer, extra: str = "") -> str:
    path = tmp_path / "sources.toml"
    feeds = "".join(
        f'[[source]]\nname = "{name}"\nkind = "feed"\nurl = "{server.url(p)}"\nlocal = true\n\n'
        for name, p in (("news", "/feed.xml"), ("bomb", "/bomb.xml"), ("broken", "/broken.xml"))
    )
    path.write_text(
        f"[settings]\ntimeout = 0.5\ndeadline = 2\nmax_bytes = {CAP}\n"
        f'state_dir = "{tmp_path / "state"}"\n\n{feeds}{extra}',
        encoding="utf-8",
    )
    return str(path)


@pytest.mark.slow
def test_robustness_http_feed_batch_skips_bad_pages_and_stores_good_ones(
    prefect_harness: None, site: LocalHTTPServer, tmp_path: Path, db_url: str
) -> None:
    from flows.ingest import ingest

    outside = (
        f'[[source]]\nname = "outside"\nkind = "urls"\nurls = ["{site.url("/p/utf8.html")}"]\n'
    )
    sources = _sources(tmp_path, site, outside)
    report = ingest(["news", "bomb", "broken", "outside"], db_url=db_url, sources_file=sources)

    reasons = {s.location: s.reason for s in report.failed}
    for path, (_options, words) in BAD.items():
        reason = reasons.get(site.url(path), "")
        assert all(w in reason for w in words), (path, reason, reasons)
    for _title, link in FEED_BAD_LINKS:
        scheme = link.split(":", 1)[0]
        assert any(f"scheme {scheme!r}" in r for r in reasons.values()), (scheme, reasons)
    assert "ENTITY" in reasons[site.url("/bomb.xml")]
    assert "not a valid RSS" in reasons[site.url("/broken.xml")]
    outside_url = site.url("/p/utf8.html")
    assert any(s.location == outside_url and "loopback" in s.reason for s in report.failed)

    texts = {a.location: a.text for a in stored_articles(db_url)}
    for path, (marker, _encoding, _ctype) in GOOD.items():
        assert marker in texts.get(site.url(path), ""), (path, reasons.get(site.url(path)))
    assert "新創公司" in texts.get(site.url(BIG5), "") or "新创公司" in texts.get(
        site.url(BIG5), ""
    )
    assert report.new == len(GOOD) + 1
    assert site.hits["/bomb.xml"] == 1 and site.hits["/broken.xml"] == 1


@pytest.fixture
def loopback_counts_as_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 plays a public site; other loopback names and private nets stay blocked."""
    from corpus.fetch import Fetcher

    original = Fetcher.host_block_reason

    def host_block_reason(self: Fetcher, host: str, addresses: list) -> str | None:
        return None if host == "127.0.0.1" else original(self, host, addresses)

    monkeypatch.setattr(Fetcher, "host_block_reason", host_block_reason)
    monkeypatch.setattr(Fetcher, "peer_block_reason", lambda self, address: None)


def test_robustness_http_redirects_to_loopback_or_private_refused_unless_local(
    prefect_harness: None,
    loopback_counts_as_public: None,
    site: LocalHTTPServer,
    tmp_path: Path,
    db_url: str,
) -> None:
    from flows.ingest import ingest

    to_localhost = site.url("/p/utf8.html", "localhost")
    site.route("/r/to-localhost.html", status=302, headers={"Location": to_localhost})
    site.route("/r/to-private.html", status=302, headers={"Location": "http://10.0.0.7/admin"})
    site.route("/r/to-file.html", status=302, headers={"Location": "file:///etc/passwd"})
    site.route("/r/to-good.html", status=301, headers={"Location": "/p/gbk-undeclared.html"})
    urls = ", ".join(
        f'"{site.url(p)}"'
        for p in (
            "/r/to-localhost.html",
            "/r/to-private.html",
            "/r/to-file.html",
            "/r/to-good.html",
        )
    )
    public = f'[[source]]\nname = "public"\nkind = "urls"\nurls = [{urls}]\n\n'
    local = f'[[source]]\nname = "mine"\nkind = "urls"\nlocal = true\nurls = ["{to_localhost}"]\n'
    report = ingest(
        ["public", "mine"], db_url=db_url, sources_file=_sources(tmp_path, site, public + local)
    )

    reasons = {s.location: s.reason for s in report.failed}
    assert "loopback" in reasons[site.url("/r/to-localhost.html")]
    assert "private" in reasons[site.url("/r/to-private.html")]
    assert "scheme 'file'" in reasons[site.url("/r/to-file.html")]
    assert all(
        "refused" in reasons[site.url(p)] for p in ("/r/to-localhost.html", "/r/to-private.html")
    )
    texts = {a.location: a.text for a in stored_articles(db_url)}
    assert "国标实验室" in texts[site.url("/r/to-good.html")]
    assert "统一实验室" in texts[to_localhost]  # the local source may reach loopback
    assert report.new == 2
