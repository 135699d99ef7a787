"""The ingest flow over a feed served from 127.0.0.1: new items, re-runs, retries, dead links."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.sources.httpserver import LocalHTTPServer
from tests.sources.pages import rss_feed

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
HTML = "text/html"


@pytest.fixture
def site() -> LocalHTTPServer:
    """Our own sample articles as a news site: two GBK-encoded, one flaky, dead links."""
    with LocalHTTPServer() as server:
        pages = sorted(SAMPLES.glob("*.html"))[:2] + sorted(SAMPLES.glob("*.txt"))[:2]
        items = []
        for n, page in enumerate(pages):
            text = page.read_text(encoding="utf-8")
            encoding = "gbk" if n % 2 == 0 else "utf-8"
            path = f"/news/{page.stem}.html"
            if page.suffix == ".txt":  # a plain page, as some sites serve them
                ctype = f"text/plain; charset={encoding}"
            else:
                ctype = f"{HTML}; charset={encoding}"
            body = text.encode("gb18030" if encoding == "gbk" else "utf-8")
            options = {"fail_first": 2} if n == 1 else {}
            server.route(path, body=body, headers={"Content-Type": ctype}, **options)
            items.append((page.stem, server.url(path)))
        server.route("/news/slow.html", body=b"<p>late</p>", headers={"Content-Type": HTML},
                     delay=3.0)  # fmt: skip
        server.route("/news/missing.html", status=404, body=b"gone")
        items += [("slow", server.url("/news/slow.html")),
                  ("missing", server.url("/news/missing.html"))]  # fmt: skip
        server.route("/feed.xml", body=rss_feed("AI news", items),
                     headers={"Content-Type": "application/rss+xml"})  # fmt: skip
        server.good = [url for name, url in items if name not in ("slow", "missing")]
        yield server


def _sources(tmp_path: Path, feed_url: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(
        "[settings]\ntimeout = 0.5\ndeadline = 2\n"
        f'state_dir = "{tmp_path / "state"}"\n\n'
        f'[[source]]\nname = "test-feed"\nkind = "feed"\nurl = "{feed_url}"\nlocal = true\n',
        encoding="utf-8",
    )
    return path


def test_flows_http_feed_ingest_retries_skips_and_reruns(
    prefect_harness: None, site: LocalHTTPServer, tmp_path: Path, db_url: str
) -> None:
    from corpus.store import ClaimStore
    from flows.ingest import ingest

    sources = str(_sources(tmp_path, site.url("/feed.xml")))
    first = ingest(["test-feed"], db_url=db_url, sources_file=sources)
    assert first.new == len(site.good)
    failed = {Path(f.location).name: f.reason for f in first.failed}
    assert set(failed) == {"slow.html", "missing.html"}, failed
    assert "404" in failed["missing.html"]
    retried = [urlsplit(url).path for url in site.good if site.hits[urlsplit(url).path] > 1]
    assert [site.hits[path] for path in retried] == [3]  # two 500s, then 200 through retries

    with ClaimStore(db_url) as store:
        counts = store.counts()
    assert counts.articles == len(site.good) and counts.claims > 0

    before = dict(site.hits)
    second = ingest(["test-feed"], db_url=db_url, sources_file=sources)
    assert second.new == 0 and second.claims_added == 0
    downloaded = {p for p, n in site.hits.items() if n > before.get(p, 0)}
    assert downloaded <= {"/feed.xml", "/news/slow.html", "/news/missing.html"}, downloaded
    with ClaimStore(db_url) as store:
        assert store.counts().claims == counts.claims


FRESH_PAGE = """星辰智能获30亿元B轮融资
3小时前 来源：某某科技网
星辰智能今天宣布完成30亿元B轮融资，投后估值达到200亿元，资金将用于大模型研发和算力采购。
公司表示，新一代大模型的参数规模为720亿，上下文长度为128K，预计年内向企业客户开放。
"""


def test_flows_http_relative_time_counts_back_from_the_fetch(
    prefect_harness: None, tmp_path: Path, db_url: str
) -> None:
    """A fresh story's "3小时前" is stored as the time three hours before the fetch."""
    from datetime import timedelta

    from corpus.store import ClaimStore
    from flows.ingest import ingest

    with LocalHTTPServer() as server:
        server.route("/news/fresh.html", body=FRESH_PAGE.encode("utf-8"),
                     headers={"Content-Type": "text/plain; charset=utf-8"})  # fmt: skip
        report = ingest([server.url("/news/fresh.html")], db_url=db_url, allow_local=True)
    assert report.new == 1, report.failed
    with ClaimStore(db_url) as store:
        [article] = store.load_articles(store.article_ids())
    assert article.fetched_at is not None and article.published_at is not None
    fetched = article.fetched_at.replace(microsecond=0)
    assert abs(fetched - timedelta(hours=3) - article.published_at) <= timedelta(seconds=1)
