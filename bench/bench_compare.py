"""Time ``compare`` for one claim key over a 100,000-claim SQLite store.

Run: ``.venv/bin/python bench/bench_compare.py [--claims N]``. Builds a temp
store with bulk inserts (not ``save``, to be quick), then times compare() for a
typical key and for a heavily reported one (2 % of all claims, about 1,900, with a
few hundred distinct values once yuan are converted at each month's rate), and
prints the medians against the target of 200 ms for one key. Sentences are a few
real-looking ones, so the reading of each claim's role (forecast, change) is timed too.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert
from sqlalchemy.orm import Session

from corpus.compare import compare
from corpus.store import ClaimFilter, ClaimStore, norm_key
from corpus.store.tables import ArticleRow, ClaimRow, ExtractionRow

METRICS = ["training_cost", "parameters", "gpu_count", "funding", "valuation", "revenue"]
UNITS = {"parameters": "params", "gpu_count": "count"}
SITES = [f"site{i}.example.cn" for i in range(40)]
CLAIMS_PER_ARTICLE = 10
HOT = ("DeepSeek-V3", "training_cost")
TARGET_MS = 200.0
SENTENCES = [
    "据介绍，该模型的训练成本约为{text}，远低于同类模型。",
    "分析师预计，明年这一数字将达到{text}。",
    "受此影响，其市值一天内蒸发{text}。",
    "价格从每百万tokens {text}下调至1元，降幅80%。",
]


def _claim(rng: random.Random, article_id: int, subject: str, metric: str) -> dict[str, object]:
    value = rng.choice([5.57e6, 5.6e6, 6e6, 1.2e7]) * rng.choice([1, 1, 1, 10])
    unit = UNITS.get(metric, rng.choice(["USD", "USD", "CNY"]))
    text = f"{value / 1e4:g}万"
    sentence = rng.choice(SENTENCES).format(text=text)
    return {
        "article_id": article_id, "extraction_id": article_id, "subject": subject,
        "subject_key": norm_key(subject), "subject_type": "model", "metric": metric,
        "value": value, "value_max": None, "unit": unit,
        "qualifier": rng.choice(["exact", "exact", "approx", "more_than"]), "text": text,
        "start": 0, "end": len(text), "sentence": sentence, "as_of": None, "attribution": None,
        "object": None, "object_key": "", "confidence": 0.8, "extractor_version": "bench",
        "current": True, "created_at": datetime.now(UTC),
    }  # fmt: skip


def populate(store: ClaimStore, n_claims: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    subjects = [f"Model-{i}" for i in range(800)]
    n_articles = n_claims // CLAIMS_PER_ARTICLE
    start, now = datetime(2023, 1, 1, tzinfo=UTC), datetime.now(UTC)
    articles, extractions, claims = [], [], []
    for a in range(1, n_articles + 1):
        articles.append({
            "id": a, "content_hash": f"{a:064x}", "doc_key": f"https://x/{a}",
            "url": f"https://x/{a}", "location": f"https://x/{a}", "site": rng.choice(SITES),
            "title": f"t{a}", "published_at": start + timedelta(hours=a), "ingested_at": now,
            "text": "x", "raw": "x", "version": 1, "current": True,
        })  # fmt: skip
        extractions.append(
            {"id": a, "article_id": a, "extractor_version": "bench", "claim_count": 10}
        )
        for _ in range(CLAIMS_PER_ARTICLE):
            if rng.random() < 0.02:
                claims.append(_claim(rng, a, *HOT))
            else:
                claims.append(_claim(rng, a, rng.choice(subjects), rng.choice(METRICS)))
    with Session(store.engine) as session, session.begin():
        session.execute(insert(ArticleRow), articles)
        session.execute(insert(ExtractionRow), extractions)
        session.execute(insert(ClaimRow), claims)


def time_compare(store: ClaimStore, flt: ClaimFilter, runs: int = 15) -> tuple[float, int]:
    """Median milliseconds of compare(flt), and how many claims it compared."""
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        timelines = compare(store, flt, currency="USD")
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings), sum(len(t.entries) for t in timelines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = ClaimStore(f"sqlite:///{Path(tmp) / 'bench.db'}")
        began = time.perf_counter()
        populate(store, args.claims)
        print(f"stored {store.counts().claims} claims in {time.perf_counter() - began:.1f} s")
        for label, flt in [
            ("typical key", ClaimFilter(subject="Model-42", metric="training_cost")),
            ("hot key", ClaimFilter(subject=HOT[0], metric=HOT[1])),
        ]:
            ms, n = time_compare(store, flt)
            verdict = "under" if ms < TARGET_MS else "OVER"
            print(f"compare {label} ({n} claims): median {ms:.1f} ms ({verdict} {TARGET_MS:g} ms)")
        store.close()


if __name__ == "__main__":
    main()
