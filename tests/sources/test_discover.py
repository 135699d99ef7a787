"""discover(): feeds, known URLs, folders, URL lists, hostile and broken feeds."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from corpus.fetch import Fetcher, TransientFetchError
from corpus.sources import SourceSpec, discover, read_item
from corpus.sources.feeds import parse_feed

from .conftest import page_text
from .httpserver import LocalHTTPServer
from .pages import PNG_BYTES, atom_feed, billion_laughs, external_entity, rss_feed

FEED_ITEM_PATHS = [
    "/a/utf8.html",
    "/a/gbk-header.html",
    "/a/gbk-meta.html",
    "/a/big5.html",
    "/a/gb18030-header.html",
]


def feed_spec(server: LocalHTTPServer, path: str = "/feed.xml") -> SourceSpec:
    return SourceSpec(name="测试源", kind="feed", url=server.url(path), site="测试站", local=True)


def test_discover_feed_lists_http_items_and_skips_other_schemes(
    server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    found = discover(feed_spec(server), fetcher=fetcher)
    assert [item.location for item in found.items] == [server.url(p) for p in FEED_ITEM_PATHS]
    assert all(item.site == "测试站" and item.local_hosts == ["127.0.0.1"] for item in found.items)
    assert found.items[0].title_hint == "统一码页面"
    assert found.items[0].published_hint is not None
    reasons = sorted(s.reason for s in found.skipped)
    assert reasons == [
        f"feed 测试源: link scheme {scheme!r} is not http(s)"
        for scheme in ("file", "ftp", "javascript")
    ]
    # feedparser normalises file:///etc/passwd to file://etc/passwd; the scheme is what counts
    assert sorted(s.location.split(":")[0] for s in found.skipped) == ["file", "ftp", "javascript"]


def test_discover_then_read_every_feed_item(server: LocalHTTPServer, fetcher: Fetcher) -> None:
    found = discover(feed_spec(server), fetcher=fetcher)
    documents = [read_item(item, fetcher=fetcher) for item in found.items]
    assert [d.raw for d in documents] == [page_text(p) for p in FEED_ITEM_PATHS]
    assert all(d.source_name == "测试源" for d in documents)


def test_discover_drops_known_urls_without_downloading_them(
    server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    stored = {server.url("/a/utf8.html"), server.url("/a/big5.html")}
    asked: list[str] = []

    def known_urls(urls: Iterable[str]) -> set[str]:
        urls = list(urls)
        asked.extend(urls)
        return stored & set(urls)

    server.reset()
    found = discover(feed_spec(server), fetcher=fetcher, known_urls=known_urls)
    assert len(asked) == len(FEED_ITEM_PATHS)
    assert found.known == 2
    assert {i.location for i in found.items} == {server.url(p) for p in FEED_ITEM_PATHS} - stored
    assert set(server.hits) == {"/feed.xml"}  # only the feed itself was downloaded


HOSTILE_FEEDS = [
    ("bomb", billion_laughs(), "declares XML entities"),
    ("xxe", external_entity("file:///etc/hostname"), "declares XML entities"),
    ("html", b"<html><body><p>not a feed</p></body></html>", "not a valid RSS/Atom document"),
    ("broken", b'<?xml version="1.0"?><rss><channel><item><title>x</ti', "not a valid RSS/Atom"),
    ("binary", PNG_BYTES, "not a valid RSS/Atom document"),
]


@pytest.mark.parametrize(("name", "data", "reason"), HOSTILE_FEEDS)
def test_discover_hostile_or_malformed_feed_is_one_skip(
    server: LocalHTTPServer, fetcher: Fetcher, name: str, data: bytes, reason: str
) -> None:
    path = f"/hostile/{name}.xml"
    server.route(path, body=data, headers={"Content-Type": "application/xml"})
    found = discover(feed_spec(server, path), fetcher=fetcher)
    assert found.items == []
    [skip] = found.skipped
    assert skip.location == server.url(path)
    assert reason in skip.reason and "测试源" in skip.reason and "\n" not in skip.reason


def test_feedparser_itself_neither_expands_nor_fetches_entities() -> None:
    """Without our entity screen feedparser is still safe (defence in depth, not reliance)."""
    import feedparser

    result = feedparser.parse(billion_laughs())
    assert len(result.feed.get("title", "")) < 100
    leaked = feedparser.parse(external_entity(f"file://{Path(__file__).resolve()}"))
    assert "feedparser" not in leaked.feed.get("title", "")


def test_discover_recoverable_feed_keeps_its_items(tmp_path: Path) -> None:
    data = rss_feed("频道", [("一", "http://example.invalid/1")]).replace(
        b"</channel>", b"<junk>&nbsp;</channel>"
    )
    path = tmp_path / "feed.rss"
    path.write_bytes(data)
    found = discover(SourceSpec(name="f", kind="feed", file=path))
    assert [i.location for i in found.items] == ["http://example.invalid/1"]


def test_discover_atom_file_with_relative_links(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_bytes(atom_feed("频道", [("一", "http://example.invalid/1"), ("二", "/2")]))
    found = discover(SourceSpec(name="f", kind="feed", file=path))
    assert [i.location for i in found.items] == ["http://example.invalid/1"]
    assert "no link" in found.skipped[0].reason or "scheme" in found.skipped[0].reason


def test_discover_feed_transient_failure_raises(server: LocalHTTPServer, fetcher: Fetcher) -> None:
    with pytest.raises(TransientFetchError):
        discover(feed_spec(server, "/a/unavailable.html"), fetcher=fetcher)


def test_discover_dead_feed_is_skipped(server: LocalHTTPServer, fetcher: Fetcher) -> None:
    found = discover(feed_spec(server, "/a/missing.html"), fetcher=fetcher)
    assert "HTTP 404" in found.skipped[0].reason


def test_discover_folder_lists_sorted_files_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.html", "a.html", "sub/c.html", ".hidden.html", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("文本", encoding="utf-8")
    found = discover(SourceSpec(name="d", kind="folder", path=tmp_path, glob="**/*.html"))
    assert [Path(i.location).relative_to(tmp_path).as_posix() for i in found.items] == [
        "a.html",
        "b.html",
        "sub/c.html",
    ]
    assert all(i.kind == "file" and i.source_name == "d" for i in found.items)


def test_discover_folder_missing_path_is_skipped(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    found = discover(SourceSpec(name="d", kind="folder", path=missing))
    assert found.items == []
    assert found.skipped[0].message() == f"skipped {missing}: folder source d: path does not exist"


def test_discover_urls_from_list_and_file(tmp_path: Path) -> None:
    urls_file = tmp_path / "urls.txt"
    urls_file.write_text(
        "# 我的列表\nhttp://example.invalid/2\n\nftp://example.invalid/x\nhttp://example.invalid/1\n",
        encoding="utf-8",
    )
    spec = SourceSpec(name="u", kind="urls", urls=["http://example.invalid/1"], urls_file=urls_file)
    found = discover(spec, known_urls=lambda urls: {"http://example.invalid/2"})
    assert [i.location for i in found.items] == ["http://example.invalid/1"]
    assert found.known == 1
    assert found.skipped[0].location == "ftp://example.invalid/x"


def test_discover_urls_recheck_keeps_known_urls() -> None:
    spec = SourceSpec(name="u", kind="urls", urls=["http://example.invalid/1"], recheck=True)
    found = discover(spec, known_urls=lambda urls: set(urls))
    assert [i.location for i in found.items] == ["http://example.invalid/1"]


def test_discover_cli_url_that_is_a_feed_lists_its_items(
    server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    server.route(
        "/channel", body=server.routes["/feed.xml"].body, headers={"Content-Type": "text/xml"}
    )
    spec = SourceSpec(
        name="cli", kind="urls", urls=[server.url("/channel")], detect_feed=True, local=True
    )
    found = discover(spec, fetcher=fetcher)
    assert [i.location for i in found.items] == [server.url(p) for p in FEED_ITEM_PATHS]
    page = SourceSpec(
        name="cli", kind="urls", urls=[server.url("/a/utf8.html")], detect_feed=True, local=True
    )
    assert [i.location for i in discover(page, fetcher=fetcher).items] == [
        server.url("/a/utf8.html")
    ]


def test_parse_feed_rejects_entities_even_in_utf16() -> None:
    data = (
        billion_laughs()
        .decode()
        .replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-16"?>')
    )
    from corpus.fetch import SkipError

    with pytest.raises(SkipError, match="declares XML entities"):
        parse_feed(data.encode("utf-16"), name="f", location="f.xml")
