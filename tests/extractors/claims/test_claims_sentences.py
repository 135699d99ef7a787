"""Single sentences and short passages -> claims (subject, metric, value, unit, object)."""

from __future__ import annotations

import pytest

from extractors.models import Article
from extractors.pipeline import Extractor
from tests.extractors.claims.rows import Row, rows
from tests.extractors.claims.rows import expected as expected_rows

# Own sentences, one behaviour each; expected rows are the full claim set of the text.
CASES: list[tuple[str, list[Row]]] = [
    ("智谱发布的GLM-4拥有1300亿参数。", [("GLM-4", "parameters", 1.3e11, "params", None)]),
    (
        "Mistral公布的新模型激活参数为390亿，总参数达到1410亿参数。",
        [
            ("Mistral AI", "active_parameters", 3.9e10, "params", None),
            ("Mistral AI", "parameters", 1.41e11, "params", None),
        ],
    ),
    (
        "微软为训练新模型部署了25000块A100 GPU。",
        [("Microsoft", "gpu_count", 25000, "count", "A100")],
    ),
    (
        "Anthropic完成了40亿美元融资，投后估值达到615亿美元。",
        [
            ("Anthropic", "funding", 4e9, "USD", None),
            ("Anthropic", "valuation", 6.15e10, "USD", None),
        ],
    ),
    ("英伟达的市值约为3.3万亿美元。", [("NVIDIA", "market_cap", 3.3e12, "USD", None)]),
    (
        "Claude的训练花费远高于Gemini的3000万美元。",
        [("Gemini", "training_cost", 3e7, "USD", None)],
    ),
    ("苏姿丰的个人身家已达到10亿美元。", [("Lisa Su", "net_worth", 1e9, "USD", None)]),
    ("B200提供高达8000GB/s的显存带宽。", [("B200", "memory_bandwidth", 8000, "GB/s", None)]),
    # negatives: dates, read counts, names with digits, unrelated topics, share prices
    ("2024年3月18日，百度召开发布会。", []),
    ("往期回顾：30万+阅读量", []),
    ("GPT-4o和Llama 3都支持多语言。", []),
    ("这家面馆每天卖出3000碗面，收入约2万元。", []),
    ("英伟达股价收于135美元。", []),
]

SHAPE_CASES: list[tuple[str, list[Row]]] = [
    (
        "Qwen2.5-Max的训练数据超过20万亿个token。",
        [("Qwen2.5-Max", "training_tokens", 2e13, "tokens", None)],
    ),
    (
        "Yi-Lightning的训练成本约为300万美元。",
        [("Yi-Lightning", "training_cost", 3e6, "USD", None)],
    ),
    ("xAI在训练Grok 3时动用了10万块H100。", [("Grok 3", "gpu_count", 1e5, "count", "H100")]),
]

PASSAGE_CASES: list[tuple[str, list[Row]]] = [
    # a bare version inherits the family named before it
    (
        "深度求索近日发布了新版本。V2的参数总量为2360亿参数。",
        [("DeepSeek-V2", "parameters", 2.36e11, "params", None)],
    ),
    # pronoun carry-over to the previous sentence's topic
    (
        "H20是英伟达为中国市场推出的芯片。它配备96GB显存，提供4000GB/s的显存带宽。",
        [
            ("H20", "memory_capacity", 96, "GB", None),
            ("H20", "memory_bandwidth", 4000, "GB/s", None),
        ],
    ),
    # a typed pronoun picks the latest topic of its type
    (
        "阿里云发布了Qwen2.5。该模型的上下文长度为128000个token。",
        [("Qwen2.5", "context_length", 128000, "tokens", None)],
    ),
    # traditional script
    (
        "輝達的市值達到3兆美元。",
        [("NVIDIA", "market_cap", 3e12, "USD", None)],
    ),
    (
        "台積電去年營收約900億美元。",
        [("TSMC", "revenue", 9e10, "USD", None)],
    ),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_claims_single_sentence(extractor: Extractor, text: str, expected: list[Row]) -> None:
    assert rows(extractor, text) == expected_rows(expected)


@pytest.mark.parametrize("text,expected", SHAPE_CASES)
def test_claims_shape_names(extractor: Extractor, text: str, expected: list[Row]) -> None:
    assert rows(extractor, text) == expected_rows(expected)


@pytest.mark.parametrize("text,expected", PASSAGE_CASES)
def test_claims_context(extractor: Extractor, text: str, expected: list[Row]) -> None:
    assert rows(extractor, text) == expected_rows(expected)


def test_claims_offsets_and_provenance(extractor: Extractor) -> None:
    text = "据路透社报道，2024年OpenAI的营收约为37亿美元。"
    (claim,) = extractor.extract_body(Article(text=text))
    assert text[claim.start : claim.end] == claim.text
    assert claim.sentence in text
    assert (claim.subject, claim.attribution, claim.as_of) == ("OpenAI", "Reuters", "2024")
    assert claim.qualifier == "approx"
