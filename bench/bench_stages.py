"""Where the extractor's time goes: seconds per stage over a bench corpus.

    .venv/bin/python bench/bench_stages.py [--mb 4] [--passes 3] [--backend rjieba]

The guide keeps a speed-up only where it gives >= 1.2x for its stage; this prints
each stage's median over ``--passes`` passes (one process, after a warm-up page),
so a change is measured on its own stage: cleaning (the page into a body and its
simplified copy, plus the logo's owner), then the extractor's stages in order.
Bare ``jieba.lcut`` over the same bodies is timed alongside as the yardstick.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import jieba  # noqa: E402

from extractors import DEFAULT_BACKEND  # noqa: E402
from extractors.chinese_script import to_simplified  # noqa: E402
from extractors.cleaning import clean_page_simplified  # noqa: E402
from extractors.pipeline import Document, Extractor  # noqa: E402
from extractors.subjects.owner import page_owner  # noqa: E402


def one_pass(extractor: Extractor, pages: list[str]) -> dict[str, float]:
    """Seconds per stage over every page (and bare jieba over the bodies)."""
    seconds: dict[str, float] = defaultdict(float)
    for raw in pages:
        start = time.perf_counter()
        article, simple, _ = clean_page_simplified(raw)
        owner = page_owner(raw, extractor.gazetteer)
        seconds["cleaning"] += time.perf_counter() - start
        if not article.text.strip():
            continue
        doc = Document(article, simple if simple is not None else to_simplified(article.text))
        doc.owner = owner
        for name, stage in extractor.stages.items():
            start = time.perf_counter()
            stage(doc)
            seconds[name] += time.perf_counter() - start
        start = time.perf_counter()
        jieba.lcut(article.text)
        seconds["bare jieba"] += time.perf_counter() - start
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--backend", default=DEFAULT_BACKEND)
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args()

    from bench.make_corpus import make_corpus

    corpus = args.corpus or REPO / "bench" / "out" / f"corpus_{args.mb:g}mb"
    paths = sorted(corpus.iterdir()) if corpus.is_dir() else make_corpus(corpus, args.mb)
    pages = [p.read_text(encoding="utf-8") for p in paths]
    jieba.initialize()
    extractor = Extractor(backend=args.backend)
    one_pass(extractor, pages[:3])  # warm-up: lazy imports and caches
    passes = [one_pass(extractor, pages) for _ in range(args.passes)]
    names = list(passes[0])
    medians = {name: statistics.median(p[name] for p in passes) for name in names}
    total = sum(v for k, v in medians.items() if k != "bare jieba")
    print(f"{len(pages)} pages, {args.passes} passes, backend {args.backend}")
    for name in names:
        share = "" if name == "bare jieba" else f"{medians[name] / total:6.1%}"
        print(f"{name:12} {medians[name]:7.2f} s {share}")
    ratio = medians["bare jieba"] / total
    print(f"{'extractor':12} {total:7.2f} s; bare jieba / extractor {ratio:.2f}")


if __name__ == "__main__":
    main()
