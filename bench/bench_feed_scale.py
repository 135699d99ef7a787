"""A long feed through the ingest flow (issue 19, scale): peak memory and time.

``python bench/bench_feed_scale.py --items 2000 --kb 100`` serves a feed of that many
items (distinct pages of about that size) from 127.0.0.1, in a process of its own, and
ingests it into a fresh SQLite store; prints the report counts, the wall time, and the
peak resident memory of the flow's process and of the extraction worker (sampled every
0.2 s).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def serve(items: int, kb: int, ports: multiprocessing.Queue, stop: multiprocessing.Event) -> None:
    """The feed and its pages, served until ``stop`` is set."""
    from tests.robustness.generate import ARTICLE, html_page
    from tests.sources.httpserver import LocalHTTPServer
    from tests.sources.pages import rss_feed

    filler = "<p>" + "业内人士认为这一进展值得关注。" * (kb * 1024 // 48) + "</p>"
    with LocalHTTPServer() as site:
        links = []
        for n in range(items):
            body = html_page(f"第{n}号", ARTICLE.replace("某", f"第{n}号")) + filler
            site.route(f"/n/{n}.html", body=body.encode(), headers={"Content-Type": "text/html"})
            links.append((f"第{n}号", site.url(f"/n/{n}.html")))
        feed = rss_feed("长", links)
        site.route("/feed.xml", body=feed, headers={"Content-Type": "application/rss+xml"})
        served = sum(len(r.body) for r in site.routes.values())
        ports.put((site.port, served))
        stop.wait()


def _is_pool_worker(process: psutil.Process) -> bool:
    """An extraction worker (a ``spawn`` child), not Prefect's temporary server."""
    try:
        return any("spawn_main" in part for part in process.cmdline())
    except psutil.Error:
        return False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--kb", type=int, default=100)
    args = parser.parse_args()

    from flows.ingest import ingest
    from flows.runtime import apply_default_env

    apply_default_env()
    me = psutil.Process()
    peaks = {"flow": 0, "workers": 0}
    done = threading.Event()
    context = multiprocessing.get_context("spawn")
    ports, stop = context.Queue(), context.Event()
    server = context.Process(target=serve, args=(args.items, args.kb, ports, stop), daemon=True)
    server.start()
    port, served = ports.get(timeout=600)

    def sample() -> None:
        while not done.wait(0.2):
            peaks["flow"] = max(peaks["flow"], me.memory_info().rss)
            workers = [c for c in me.children() if c.pid != server.pid and _is_pool_worker(c)]
            peaks["workers"] = max(peaks["workers"], sum(c.memory_info().rss for c in workers))

    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources.toml"
        sources.write_text(
            f'[settings]\nmax_bytes = {4 * 1024 * 1024}\n\n[[source]]\nname = "long"\n'
            f'kind = "feed"\nurl = "http://127.0.0.1:{port}/feed.xml"\nlocal = true\n',
            encoding="utf-8",
        )
        threading.Thread(target=sample, daemon=True).start()
        start = time.perf_counter()
        report = ingest(["long"], db_url=f"sqlite:///{tmp}/scale.db", sources_file=str(sources))
        seconds = time.perf_counter() - start
        done.set()
    stop.set()
    print(
        f"{args.items} items, {served / 1e6:.0f} MB served: {report.new} new, "
        f"{len(report.failed)} failed in {seconds:.0f} s; peak RSS: flow process "
        f"{peaks['flow'] / 1e6:.0f} MB, extraction worker {peaks['workers'] / 1e6:.0f} MB"
    )


if __name__ == "__main__":
    main()
