"""Hostile web sources through the ingest flow: bombs, trickles, other hosts of a local
source, credentials; and a long feed stored by one writer, page batches streamed to it."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.robustness.conftest import stored_articles
from tests.robustness.generate import ARTICLE, html_page
from tests.sources.httpserver import LocalHTTPServer
from tests.sources.pages import rss_feed
from tests.sources.test_fetch_hostile import _TricklingServer

CAP = 256 * 1024
HTML = {"Content-Type": "text/html"}


def _page(marker: str) -> bytes:
    return html_page(f"{marker}发布", ARTICLE.replace("某实验室", f"{marker}实验室")).encode()


@pytest.fixture
def site() -> Iterator[LocalHTTPServer]:
    with LocalHTTPServer() as server:
        yield server


def _sources(tmp_path: Path, feed_url: str) -> str:
    path = tmp_path / "sources.toml"
    path.write_text(
        f"[settings]\ntimeout = 5\ndeadline = 1.5\nmax_bytes = {CAP}\n\n"
        f'[[source]]\nname = "news"\nkind = "feed"\nurl = "{feed_url}"\nlocal = true\n',
        encoding="utf-8",
    )
    return str(path)


@pytest.mark.slow
def test_robustness_http_hostile_feed_items_cost_only_themselves(
    prefect_harness: None, site: LocalHTTPServer, tmp_path: Path, db_url: str
) -> None:
    from corpus.export import export_claims
    from corpus.store import ClaimStore
    from flows.ingest import ingest

    bomb = gzip.compress(gzip.compress(b"<p>" + b"a" * CAP * 400))
    site.route("/bomb.html", body=bomb, headers={**HTML, "Content-Encoding": "gzip, gzip"})
    site.route(
        "/zlib.html", body=_page("压缩声明"), headers={"Content-Type": "text/html; charset=zlib"}
    )
    site.route("/good.html", body=_page("正常"), headers=HTML)
    site.route("/secret.html", body=_page("私密"), headers=HTML)
    with _TricklingServer(pause=0.1) as trickle:
        items = [
            ("炸弹", site.url("/bomb.html")),
            ("压缩", site.url("/zlib.html")),
            ("正常", site.url("/good.html")),
            ("滴漏", trickle.url),
            ("别的主机", site.url("/good.html", "localhost")),
            ("元数据", "http://169.254.169.254/latest/meta-data/"),
            ("内网", "http://10.0.0.1/admin"),
            ("凭据", f"http://reader:s3cret@127.0.0.1:{site.port}/secret.html"),
        ]
        site.route(
            "/feed.xml",
            body=rss_feed("测试", items),
            headers={"Content-Type": "application/rss+xml"},
        )
        report = ingest(
            ["news"], db_url=db_url, sources_file=_sources(tmp_path, site.url("/feed.xml"))
        )

    reasons = {s.location: s.reason for s in report.failed}
    assert "too large" in reasons[site.url("/bomb.html")]
    assert "deadline" in reasons[trickle.url]
    assert "refused loopback" in reasons[site.url("/good.html", "localhost")]
    assert "refused link-local" in reasons["http://169.254.169.254/latest/meta-data/"]
    assert "refused private" in reasons["http://10.0.0.1/admin"]
    texts = {a.location: a.text for a in stored_articles(db_url)}
    assert "压缩声明实验室" in texts[site.url("/zlib.html")]
    assert "正常实验室" in texts[site.url("/good.html")]
    secret_url = site.url("/secret.html")
    assert "私密实验室" in texts[secret_url]
    assert report.new == 3 and report.exit_code == 0
    with ClaimStore(db_url) as store:
        out = tmp_path / "claims.json"
        export_claims(store, out=out)
        run = store.last_run("ingest")
    assert run is not None
    assert "s3cret" not in out.read_text(encoding="utf-8") + str(run.failed) + str(texts)


@pytest.mark.slow
def test_robustness_http_long_feed_is_stored_by_one_writer_as_it_streams(
    prefect_harness: None,
    site: LocalHTTPServer,
    tmp_path: Path,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from corpus.store import ClaimStore
    from flows import ingest as ingest_module

    count, batch = 60, 5
    items = []
    for n in range(count):
        site.route(f"/n/{n}.html", body=_page(f"第{n}号"), headers=HTML)
        items.append((f"第{n}号", site.url(f"/n/{n}.html")))
    site.route(
        "/feed.xml", body=rss_feed("长", items), headers={"Content-Type": "application/rss+xml"}
    )

    writers: set[int] = set()
    ahead: list[int] = []  # pages downloaded but not stored yet, at each store
    stored = 0
    real = ClaimStore.save_pages

    def save_pages(self, pages):  # type: ignore[no-untyped-def]
        nonlocal stored
        writers.add(threading.get_ident())
        fetched = sum(n for path, n in site.hits.items() if path.startswith("/n/"))
        ahead.append(fetched - stored)
        stored += len(pages)
        return real(self, pages)

    monkeypatch.setattr(ClaimStore, "save_pages", save_pages)
    report = ingest_module.ingest(
        ["news"],
        db_url=db_url,
        sources_file=_sources(tmp_path, site.url("/feed.xml")),
        batch_size=batch,
    )
    assert report.new == count and not report.failed
    assert len(writers) == 1, "every batch is stored by the flow's one writer"
    bound = (ingest_module.FETCH_WINDOW + ingest_module.IN_FLIGHT + 1) * batch
    assert max(ahead) <= bound < count, ahead  # pages are not all held before storing
