"""Throughput benchmark of aiclaims (issue 7): segmenter, extractor, processes, ingest.

    .venv/bin/python bench/bench_pipeline.py [--mb 20] [--runs 3] [--backend jieba]

Generates a corpus (bench/make_corpus.py), then runs each step in its own
process (so peak RSS is that step's own) and prints medians and ratios to
bare jieba. Writes the figures to bench/out/bench_pipeline.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extractors import DEFAULT_BACKEND

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.is_file())


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step_jieba(corpus: Path, backend: str) -> dict:
    import jieba

    jieba.initialize()
    size = 0
    start = time.perf_counter()
    for path in corpus_files(corpus):
        text = path.read_text(encoding="utf-8")
        size += len(text.encode("utf-8"))
        jieba.lcut(text)
    return {"seconds": time.perf_counter() - start, "bytes": size}


def step_extract(corpus: Path, backend: str) -> dict:
    from extractors.pipeline import Extractor

    extractor = Extractor(backend=backend)
    extractor.extract("预热：DeepSeek-V3拥有6710亿参数。")
    size = claims = pages = 0
    start = time.perf_counter()
    for path in corpus_files(corpus):
        text = path.read_text(encoding="utf-8")
        size += len(text.encode("utf-8"))
        claims += len(extractor.extract(text).claims)
        pages += 1
    return {"seconds": time.perf_counter() - start, "bytes": size, "pages": pages, "claims": claims}


def _extract_paths(paths: list[str], backend: str) -> int:
    """Runs on a Dask worker: one extractor per worker process (cached)."""
    from flows.tasks import extractor_for

    extractor = extractor_for(backend)
    return sum(len(extractor.extract(Path(p).read_text(encoding="utf-8")).claims) for p in paths)


def step_extract2(corpus: Path, backend: str) -> dict:
    from dask.distributed import Client, LocalCluster

    files = [str(p) for p in corpus_files(corpus)]
    size = sum(Path(p).stat().st_size for p in files)
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)
    with cluster, Client(cluster) as client:
        client.run(lambda: _extract_paths([], backend))  # build the extractors
        warm = client.map(_extract_paths, [[files[0]], [files[1]]], [backend] * 2, pure=False)
        client.gather(warm)
        batches = [files[i : i + 50] for i in range(0, len(files), 50)]
        start = time.perf_counter()
        futures = client.map(_extract_paths, batches, [backend] * len(batches), pure=False)
        claims = sum(client.gather(futures))
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "bytes": size, "pages": len(files), "claims": claims}


def step_ingest(corpus: Path, backend: str) -> dict:
    """Two ingests of the corpus into a fresh SQLite store (after a warm-up flow run)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    from flows.ingest import ingest
    from flows.runtime import apply_default_env

    apply_default_env()
    files = corpus_files(corpus)
    with (
        tempfile.TemporaryDirectory() as tmp,
        temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}),
    ):
        db_url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        warm_start = time.perf_counter()
        ingest([str(files[0])], db_url=f"sqlite:///{Path(tmp) / 'warm.db'}", backend=backend)
        warmup = time.perf_counter() - warm_start
        start = time.perf_counter()
        first = ingest([str(corpus)], db_url=db_url, backend=backend, batch_size=50)
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        second = ingest([str(corpus)], db_url=db_url, backend=backend, batch_size=50)
        second_s = time.perf_counter() - start
    return {
        "seconds": first_s,
        "rerun_seconds": second_s,
        "warmup_seconds": warmup,
        "pages": len(files),
        "new": first.new,
        "rerun_new": second.new,
        "claims": first.claims_added,
    }


STEPS = {
    "jieba": step_jieba,
    "extract": step_extract,
    "extract2": step_extract2,
    "ingest": step_ingest,
}


def run_step(step: str, corpus: Path, backend: str) -> dict:
    """Run one step in a fresh process; returns its figures and peak RSS."""
    cmd = [sys.executable, __file__, "--step", step, "--corpus", str(corpus)]
    out = subprocess.run(
        [*cmd, "--backend", backend], capture_output=True, text=True, cwd=REPO, check=False
    )
    if out.returncode != 0:
        raise SystemExit(f"step {step} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def median_of(step: str, corpus: Path, backend: str, runs: int) -> dict:
    results = [run_step(step, corpus, backend) for _ in range(runs)]
    best = dict(results[0])
    for key in ("seconds", "rerun_seconds", "peak_rss_mb"):
        if key in best:
            best[key] = statistics.median(r[key] for r in results)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--backend", default=DEFAULT_BACKEND)
    parser.add_argument("--corpus", type=Path, default=REPO / "bench" / "out" / "corpus")
    parser.add_argument("--step", choices=sorted(STEPS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        figures = STEPS[args.step](args.corpus, args.backend)
        figures["peak_rss_mb"] = peak_rss_mb()
        print(json.dumps(figures))
        return

    from bench.make_corpus import make_corpus

    paths = make_corpus(args.corpus, args.mb)
    mb = sum(p.stat().st_size for p in paths) / 2**20
    print(f"corpus: {len(paths)} pages, {mb:.1f} MB; backend {args.backend}; {args.runs} runs")
    jieba_r = median_of("jieba", args.corpus, args.backend, args.runs)
    extract_r = median_of("extract", args.corpus, args.backend, args.runs)
    extract2_r = median_of("extract2", args.corpus, args.backend, args.runs)
    ingest_r = median_of("ingest", args.corpus, args.backend, max(1, args.runs - 1))

    base = mb / jieba_r["seconds"]
    rows = [
        ("1 bare jieba.lcut", base, None, jieba_r["peak_rss_mb"]),
        ("2 extractor, 1 process", mb / extract_r["seconds"],
         len(paths) / extract_r["seconds"], extract_r["peak_rss_mb"]),
        ("3 extractor, 2 processes (Dask)", mb / extract2_r["seconds"],
         len(paths) / extract2_r["seconds"], None),
        ("4 ingest via Prefect to SQLite", mb / ingest_r["seconds"],
         len(paths) / ingest_r["seconds"], ingest_r["peak_rss_mb"]),
    ]  # fmt: skip
    print(f"{'step':36} {'MB/s':>8} {'pages/s':>9} {'x jieba':>8} {'peak RSS MB':>12}")
    for name, mbps, pps, rss in rows:
        pages = f"{pps:9.1f}" if pps else " " * 9
        rss_text = f"{rss:12.0f}" if rss else " " * 12
        print(f"{name:36} {mbps:8.2f} {pages} {mbps / base:8.2f} {rss_text}")
    rerun_share = ingest_r["rerun_seconds"] / ingest_r["seconds"]
    print(
        f"5 re-ingest, nothing new: {ingest_r['rerun_seconds']:.2f} s = {rerun_share:.1%} of first"
    )
    print(
        f"ratios: extractor/jieba {rows[1][1] / base:.2f} (target >= 0.8); "
        f"2 proc/1 proc {rows[2][1] / rows[1][1]:.2f} (>= 1.7); "
        f"ingest/extractor {rows[3][1] / rows[1][1]:.2f} (>= 0.6); rerun {rerun_share:.1%} (< 5%)"
    )
    out = REPO / "bench" / "out" / f"bench_pipeline_{args.backend}.json"
    out.write_text(
        json.dumps(
            {"corpus_mb": mb, "pages": len(paths), "backend": args.backend,
             "jieba": jieba_r, "extract": extract_r, "extract2": extract2_r, "ingest": ingest_r},
            indent=2,
        ),
        encoding="utf-8",
    )  # fmt: skip
    print(f"figures written to {out}")


if __name__ == "__main__":
    main()
