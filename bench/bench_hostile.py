"""Timings and memory of hostile inputs (issue 19): run ``python bench/bench_hostile.py``.

- extract of 120 kB (UTF-8) of unpunctuated claim text, and of 450 kB;
- extract of a 240 kB page holding 40,000 attributes on one tag;
- extract of a sentence with 30,000 dates;
- one fetch's peak memory (tracemalloc) for a stacked gzip bomb and a page near the cap;
- how long after its deadline a server trickling header lines is cut.
"""

from __future__ import annotations

import gzip
import socket
import sys
import threading
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CLAIM_RUN = "深度求索训练成本为557万美元"


def _timed(label: str, work) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = work()
    print(f"{label}: {time.perf_counter() - start:.2f} s ({result})")


def extraction() -> None:
    from extractors.pipeline import Extractor
    from tests.robustness.generate import ARTICLE, html_page

    extractor = Extractor(backend="rjieba")
    extractor.extract(html_page("标题", ARTICLE))  # warm: trafilatura imported
    for size in (120_000, 450_000):
        text = CLAIM_RUN * (size // len(CLAIM_RUN.encode()))
        _timed(
            f"extract {len(text.encode()) / 1000:.0f} kB unpunctuated claim text",
            lambda text=text: f"{len(extractor.extract(text).claims)} claims",
        )
    attributes = " ".join(f"a{n:x}" for n in range(40_000))
    page = html_page("标题", ARTICLE).replace("<article>", f"<article><div {attributes}>")
    page += "<!--" + "x" * max(0, 240_000 - len(page.encode()) - 7) + "-->"
    _timed(
        f"extract {len(page.encode()) / 1000:.0f} kB page with 40k attributes on one tag",
        lambda: f"body kept: {'1200亿' in extractor.extract(page).article.text}",
    )
    dates = "深度求索在" + "2024年1月2日、" * 30_000 + "训练成本为557万美元。"
    _timed(
        "extract 30,000 dates in one sentence",
        lambda: f"{len(extractor.extract(dates).claims)} claims",
    )


def fetch_memory() -> None:
    from corpus.fetch import Fetcher, SkipError
    from tests.sources.httpserver import LocalHTTPServer

    cap = 4 * 1024 * 1024
    bomb = gzip.compress(gzip.compress(b"<p>" + b"a" * cap * 100))
    near = ("<p>" + "训练成本" * (cap // 13) + "</p>").encode()
    with LocalHTTPServer() as site, Fetcher(timeout=5, max_bytes=cap) as fetcher:
        site.route("/bomb.html", body=bomb, headers={"Content-Encoding": "gzip, gzip"})
        site.route("/near.html", body=near, headers={"Content-Type": "text/html"})
        for path, what in (
            ("/bomb.html", f"gzip,gzip bomb of {len(bomb)} bytes"),
            ("/near.html", f"page of {len(near)} bytes"),
        ):
            tracemalloc.start()
            try:
                fetcher.fetch(site.url(path), local_hosts={"127.0.0.1"})
                outcome = "fetched"
            except SkipError as error:
                outcome = error.skipped.reason
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(f"fetch {what}: peak {peak / cap:.2f}x max_bytes ({outcome})")


def trickle() -> None:
    from corpus.fetch import Fetcher, SkipError

    server = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        conn, _ = server.accept()
        conn.recv(4096)
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        try:
            for n in range(600):
                time.sleep(1)
                conn.sendall(f"X-{n}: x\r\n".encode())
        except OSError:
            return

    threading.Thread(target=serve, daemon=True).start()
    url = f"http://127.0.0.1:{server.getsockname()[1]}/"
    with Fetcher(timeout=10, deadline=5) as fetcher:
        start = time.perf_counter()
        try:
            fetcher.fetch(url, local_hosts={"127.0.0.1"})
        except SkipError as error:
            print(
                f"trickling server (a header line a second, read timeout 10 s, deadline 5 s): "
                f"cut after {time.perf_counter() - start:.2f} s ({error.skipped.reason})"
            )


if __name__ == "__main__":
    extraction()
    fetch_memory()
    trickle()
