"""API prices name the side of the bill they are for, so input and output prices never conflict."""

from __future__ import annotations

import pytest

from extractors.pipeline import Extractor

CASES = [
    (
        "零一万物宣布，Yi-Lightning每百万tokens输入仅1元，输出2元。",
        [(1.0, "input"), (2.0, "output")],
    ),
    (
        "DeepSeek-V3每百万输入tokens收费0.5元（缓存命中）或2元（缓存未命中），每百万输出tokens收费8元。",
        [(0.5, "input (cache hit)"), (2.0, "input (cache miss)"), (8.0, "output")],
    ),
    (
        "GPT-4o的API價格為每百萬輸入tokens 2.5美元、每百萬輸出tokens 10美元。",
        [(2.5, "input"), (10.0, "output")],
    ),
    ("Claude 3.5 Sonnet的API价格为每百万tokens 3美元。", [(3.0, None)]),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize("sentence,expected", CASES)
def test_claims_price_sides(extractor: Extractor, sentence: str, expected: list) -> None:
    prices = [c for c in extractor.extract(sentence).claims if c.metric == "api_price"]
    assert [(c.value, c.object) for c in prices] == expected
