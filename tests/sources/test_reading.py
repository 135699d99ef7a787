"""read_item over a loopback server and over files: decoded pages, retries, skips."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.documents import SourceItem
from corpus.fetch import Fetcher, NotModified, SkipError, TransientFetchError
from corpus.sources import read_item

from .conftest import GOOD_PAGES, TEST_CAP, page_text
from .httpserver import LocalHTTPServer
from .pages import PNG_BYTES, SIMPLIFIED_PARAGRAPHS, TRADITIONAL_PARAGRAPHS


def url_item(server: LocalHTTPServer, path: str, **fields: object) -> SourceItem:
    return SourceItem(location=server.url(path), kind="url", local_hosts=["127.0.0.1"], **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", sorted(GOOD_PAGES))
def test_reading_decodes_each_good_page(
    server: LocalHTTPServer, fetcher: Fetcher, path: str
) -> None:
    document = read_item(url_item(server, path, source_name="t"), fetcher=fetcher)
    assert document.raw == page_text(path)
    assert document.url == server.url(path)
    assert document.source_name == "t"


def test_reading_big5_without_declaration_keeps_traditional_text(
    server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    document = read_item(url_item(server, "/a/big5.html"), fetcher=fetcher)
    assert TRADITIONAL_PARAGRAPHS[0] in document.raw
    assert document.encoding is not None and "big5" in document.encoding.replace("-", "")


def test_reading_flaky_page_is_transient_twice_then_succeeds(
    server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    server.route("/a/flaky.html", body=page_text("/a/utf8.html").encode(), fail_first=2)
    item = url_item(server, "/a/flaky.html")
    for _attempt in range(2):
        with pytest.raises(TransientFetchError, match="HTTP 500"):
            read_item(item, fetcher=fetcher)
    assert SIMPLIFIED_PARAGRAPHS[1] in read_item(item, fetcher=fetcher).raw


DEAD_PAGES = [
    ("/a/missing.html", SkipError, "HTTP 404"),
    ("/a/gone.html", SkipError, "HTTP 410"),
    ("/a/huge.html", SkipError, "too large"),
    ("/a/huge-nolength.html", SkipError, "too large"),
    ("/a/image.png", SkipError, "binary content (image/png)"),
    ("/a/disguised.html", SkipError, "binary"),
    ("/a/empty.html", SkipError, "empty"),
    ("/a/to-file.html", SkipError, "unsupported URL scheme 'file'"),
    ("/a/loop.html", SkipError, "redirects"),
    ("/a/slow.html", TransientFetchError, "timed out"),
    ("/a/unavailable.html", TransientFetchError, "HTTP 503"),
    ("/a/throttled.html", TransientFetchError, "HTTP 429"),
    ("/a/drip.html", SkipError, "deadline"),
]


@pytest.mark.parametrize(("path", "error", "reason"), DEAD_PAGES)
def test_reading_dead_pages_fail_clearly(
    server: LocalHTTPServer, fetcher: Fetcher, path: str, error: type[Exception], reason: str
) -> None:
    """Each dead page fails with its reason; for the slow and the dripping page that is
    the fetcher's time-out or overall deadline firing (no wall clock: a busy machine
    must not fail the test)."""
    with pytest.raises(error) as raised:
        read_item(url_item(server, path), fetcher=fetcher)
    assert reason in str(raised.value)
    assert server.url(path) in str(raised.value)
    if isinstance(raised.value, SkipError):
        assert raised.value.skipped.location == server.url(path)
        assert "\n" not in raised.value.skipped.message()


def test_reading_redirect_to_another_loopback_path(
    server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    document = read_item(url_item(server, "/a/moved.html"), fetcher=fetcher)
    assert document.url == server.url("/a/utf8.html")
    assert document.location == server.url("/a/moved.html")
    assert document.raw == page_text("/a/utf8.html")


def test_reading_conditional_request_gets_not_modified(
    server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    server.route("/a/etag.html", body=page_text("/a/utf8.html").encode(), etag='"v1"')
    item = url_item(server, "/a/etag.html")
    first = read_item(item, fetcher=fetcher)
    assert first.etag == '"v1"'
    assert read_item(item, fetcher=fetcher).raw == first.raw  # not remembered yet: full fetch
    fetcher.remember(first.url or first.location, first.etag, first.last_modified)
    with pytest.raises(NotModified):
        read_item(item, fetcher=fetcher)
    assert server.requests[-1].headers.get("If-None-Match") == '"v1"'


def test_reading_last_modified_survives_a_new_fetcher(
    server: LocalHTTPServer, tmp_path: Path
) -> None:
    stamp = "Wed, 05 Mar 2025 08:00:00 GMT"
    server.route("/a/lastmod.html", body=page_text("/a/utf8.html").encode(), last_modified=stamp)
    item = url_item(server, "/a/lastmod.html")
    with Fetcher(timeout=0.5, state_dir=tmp_path) as first_run:
        document = read_item(item, fetcher=first_run)
        first_run.remember(item.location, document.etag, document.last_modified)
    with Fetcher(timeout=0.5, state_dir=tmp_path) as second_run, pytest.raises(NotModified):
        read_item(item, fetcher=second_run)


def test_reading_source_encoding_overrides_a_wrong_header(
    server: LocalHTTPServer, fetcher: Fetcher
) -> None:
    body = page_text("/a/gbk-header.html").encode("gbk")
    server.route(
        "/a/wrong-header.html", body=body, headers={"Content-Type": "text/html; charset=utf-8"}
    )
    document = read_item(url_item(server, "/a/wrong-header.html", encoding="gbk"), fetcher=fetcher)
    assert SIMPLIFIED_PARAGRAPHS[0] in document.raw


FILE_CASES = [
    ("gbk.html", page_text("/a/gbk-meta.html").encode("gbk"), None, SIMPLIFIED_PARAGRAPHS[2]),
    (
        "plain.txt",
        "\n".join(SIMPLIFIED_PARAGRAPHS).encode("gb18030"),
        "gb18030",
        SIMPLIFIED_PARAGRAPHS[3],
    ),
    ("utf8.html", page_text("/a/utf8.html").encode(), None, SIMPLIFIED_PARAGRAPHS[0]),
]


@pytest.mark.parametrize(("name", "data", "encoding", "expected"), FILE_CASES)
def test_reading_files_decode(
    tmp_path: Path, name: str, data: bytes, encoding: str | None, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    document = read_item(SourceItem(location=str(path), kind="file", encoding=encoding))
    assert expected in document.raw
    assert document.url is None


BAD_FILES = [
    ("empty.html", b"", "empty file"),
    ("spaces.html", b"  \n\t \n", "empty"),
    ("picture.html", PNG_BYTES, "binary"),
    ("big.html", b"<p>" + b"z" * (TEST_CAP + 10), "too large"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES)
def test_reading_bad_files_are_skipped_with_the_file_named(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SkipError) as raised:
        read_item(SourceItem(location=str(path), kind="file"), max_bytes=TEST_CAP)
    message = raised.value.skipped.message()
    assert reason in message and str(path) in message and "\n" not in message


def test_reading_missing_file_is_skipped(tmp_path: Path) -> None:
    with pytest.raises(SkipError, match="file not found"):
        read_item(SourceItem(location=str(tmp_path / "nope.html"), kind="file"))
