"""Checks the hand-annotated gold set in tests/gold/ against its articles.

Every gold file must name an article that exists (in corpus/samples/ or
tests/gold_articles/), quote evidence that occurs in that article, and use the
metric vocabulary and base units of the claim contract (../shared/CLAIMS.md).
A metric outside the vocabulary is allowed only on an optional claim
(required=false): the scorer neither requires nor punishes it.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from eval.real.check_gold import FIXED_UNITS, QUALIFIERS
from extractors.models import CONTRACT_METRICS

REPO = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO / "tests" / "gold"
ARTICLE_DIRS = (REPO / "corpus" / "samples", REPO / "tests" / "gold_articles")
SAMPLES_DIR = REPO / "corpus" / "samples"


CURRENCY = re.compile(r"[A-Z]{3}")
PRICE_PER_MTOK = re.compile(r"[A-Z]{3}/Mtok")

# Base unit a required claim of each contract metric must carry ("CUR" = any currency code;
# "PRICE" = currency per million tokens). Percentage-point changes ("pp") fit any metric.
METRIC_UNITS = {
    "parameters": {"params"},
    "active_parameters": {"params"},
    "training_tokens": {"tokens"},
    "context_length": {"tokens"},
    "training_cost": {"CUR"},
    "inference_cost": {"CUR"},
    "training_gpu_hours": {"gpu_hours"},
    "training_duration": {"days"},
    "gpu_count": {"count"},
    "gpu_utilization": {"%"},
    "profit_margin": {"%"},
    "market_share": {"%"},
    "benchmark_score": {"%", "count", "points"},
    "relative_cost": {"%"},
    "cost_reduction": {"%"},
    "speedup": {"x"},
    "memory_bandwidth": {"GB/s"},
    "memory_capacity": {"GB"},
    "compute_performance": {"FLOPS"},
    "training_compute": {"FLOP"},
    "power": {"W"},
    "rd_investment": {"CUR"},
    "hardware_cost": {"CUR"},
    "capex": {"CUR"},
    "revenue": {"CUR"},
    "profit": {"CUR"},
    "funding": {"CUR"},
    "valuation": {"CUR"},
    "market_cap": {"CUR"},
    "net_worth": {"CUR"},
    "annual_compensation": {"CUR"},
    "api_price": {"PRICE"},
    "headcount": {"count"},
    "user_count": {"count"},
    "throughput": {"tokens/s"},
}

CLAIM_KEYS = {
    "subject",
    "metric",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "object",
    "as_of",
    "attribution",
    "evidence",
    "required",
}
ARTICLE_KEYS = {"title", "published_at", "author", "site"}

GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
SAMPLE_FILES = sorted(p for p in SAMPLES_DIR.iterdir() if p.suffix in {".txt", ".html"})
ARTICLE_FILES = sorted(
    p for d in ARTICLE_DIRS if d.is_dir() for p in d.iterdir() if p.suffix in {".txt", ".html"}
)


def unit_kind(unit: str) -> str | None:
    """Classify a unit: a fixed base unit, 'CUR' (currency code), 'PRICE' (per Mtok), or None."""
    if unit in FIXED_UNITS:
        return unit
    if PRICE_PER_MTOK.fullmatch(unit):
        return "PRICE"
    if CURRENCY.fullmatch(unit):
        return "CUR"
    return None


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def find_article(source: str) -> Path | None:
    for d in ARTICLE_DIRS:
        if (d / source).is_file():
            return d / source
    return None


def claims_of(path: Path) -> list[tuple[int, dict]]:
    return list(enumerate(load_gold(path)["claims"]))


def test_gold_files_cover_every_sample_and_held_out_articles() -> None:
    gold_stems = {p.stem for p in GOLD_FILES}
    missing = [p.name for p in ARTICLE_FILES if p.stem not in gold_stems]
    assert missing == []
    assert len(SAMPLE_FILES) >= 10
    assert len(GOLD_FILES) >= len(SAMPLE_FILES) + 3


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_files_article_header_matches_page(path: Path) -> None:
    gold = load_gold(path)
    assert set(gold) == {"source", "article", "claims"}
    assert Path(gold["source"]).stem == path.stem
    article = find_article(gold["source"])
    assert article is not None, f"{gold['source']} not in corpus/samples or tests/gold_articles"
    text = article.read_text(encoding="utf-8")
    meta = gold["article"]
    assert set(meta) == ARTICLE_KEYS
    assert all(isinstance(meta[k], str) and meta[k] for k in ARTICLE_KEYS)
    assert meta["title"] in text
    published = datetime.fromisoformat(meta["published_at"])
    assert published.utcoffset() is not None and published.utcoffset().total_seconds() == 8 * 3600
    assert meta["author"] in text
    assert gold["claims"], "a gold file must hold claims"


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem)
def test_gold_files_article_names_its_fact_sources(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").strip().splitlines()
    if path.suffix == ".html":
        assert lines[0].startswith("<!-- 事实来源:") and lines[0].endswith("-->")
    else:
        assert lines[-1].startswith("（资料来源：") and lines[-1].endswith("）")


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_files_claims_follow_contract(path: Path) -> None:
    text = find_article(load_gold(path)["source"]).read_text(encoding="utf-8")
    for i, claim in claims_of(path):
        where = f"{path.name} claim {i}"
        assert set(claim) <= CLAIM_KEYS, where
        assert {"subject", "metric", "value", "unit", "qualifier", "evidence", "required"} <= set(
            claim
        ), where
        assert isinstance(claim["subject"], list) and claim["subject"], where
        assert all(isinstance(s, str) and s for s in claim["subject"]), where
        assert isinstance(claim["value"], (int, float)) and not isinstance(claim["value"], bool)
        assert isinstance(claim["required"], bool), where
        assert claim["qualifier"] in QUALIFIERS, where
        if claim["qualifier"] == "range":
            assert claim.get("value_max", 0) > claim["value"], where
        kind = unit_kind(claim["unit"])
        assert kind is not None, f"{where}: unit {claim['unit']!r}"
        metric = claim["metric"]
        assert metric in CONTRACT_METRICS or claim["required"] is False, where
        if claim["required"] and kind != "pp":
            assert kind in METRIC_UNITS[metric], f"{where}: {metric} in {claim['unit']}"
        assert claim["evidence"] in text, f"{where}: evidence {claim['evidence']!r} not in article"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_files_required_claims_are_distinct(path: Path) -> None:
    keys = [
        (c["subject"][0], c["metric"], c["unit"], c["value"], c["evidence"])
        for _, c in claims_of(path)
    ]
    assert len(keys) == len(set(keys))
