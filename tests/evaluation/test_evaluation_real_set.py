"""The real-article gold files are well formed (their texts are not in git: CI has none)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from eval.real.check_gold import check_file
from eval.run_eval import split_of

REAL = Path(__file__).resolve().parents[2] / "eval" / "real"
GOLD_FILES = sorted((REAL / "gold").glob("*.json"))


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_real_gold_file_is_well_formed(path: Path) -> None:
    assert check_file(path, REAL / "texts") == []


def test_real_set_has_the_promised_breadth() -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLD_FILES]
    hosts = Counter(urlsplit(g["url"]).hostname.removeprefix("www.") for g in golds)
    features = Counter(f for g in golds for f in g.get("features", []))
    assert len(golds) >= 100
    assert len(hosts) >= 60 and max(hosts.values()) <= 2
    assert sum(g.get("language") == "zh-Hant" for g in golds) >= 25
    assert features["furniture"] >= 30 and features["no_title"] >= 20
    assert features["table"] >= 10 and features["no_ai"] >= 10


def test_real_set_split_is_fixed_by_the_url_hash() -> None:
    splits = Counter(split_of(p.stem) for p in GOLD_FILES)
    assert 0.6 <= splits["dev"] / len(GOLD_FILES) <= 0.8
    assert split_of("0000000000000007") == "test" and split_of("0000000000000006") == "dev"
