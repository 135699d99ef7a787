"""Variant names, precision tokens, funding instalments and cue additions (claims-0.3.0).

One general behaviour per case, in own sentences (none taken from an article).
"""

from __future__ import annotations

import pytest

from extractors.pipeline import Extractor
from tests.extractors.claims.rows import Row, rows
from tests.extractors.claims.rows import expected as expected_rows

NAME_CASES: list[tuple[str, list[Row]]] = [
    # an edition name after a product in the same sentence is that product's edition
    (
        "火山引擎推出豆包视觉模型Lite-4k版，输入价格为0.3元/百万tokens。",
        [("Doubao Lite-4k", "api_price", 0.3, "CNY/Mtok", "input")],
    ),
    # a second edition in the sentence keeps the product of the first
    (
        "豆包Pro-4k版输入价格为0.8元/百万tokens，支持长文本的Pro-256k版为5元/百万tokens。",
        [
            ("Doubao Pro-4k", "api_price", 0.8, "CNY/Mtok", "input"),
            ("Doubao Pro-256k", "api_price", 5, "CNY/Mtok", "input"),
        ],
    ),
    # capitalised Latin words glued to a known family name one member of it
    (
        "腾讯混元Turbo模型的上下文长度为32K。",
        [("混元Turbo", "context_length", 32000, "tokens", None)],
    ),
    # ... also after a space, and named after the figure it is described by
    (
        "华为发布了参数规模达1350亿的新模型盘古 Ultra，训练在自家集群上完成。",
        [("Pangu Ultra", "parameters", 1.35e11, "params", None)],
    ),
    # a generic word after the family is no member
    (
        "豆包 App 的月活跃用户数超过1亿。",
        [("Doubao", "user_count", 1e8, "count", None)],
    ),
    # capitalised words hyphenated into a model's part name no model
    (
        "阶跃星辰发布新模型Step-X。该模型采用Attention-FFN分离架构，每百万token价格低至输入1元。",
        [("Step-X", "api_price", 1, "CNY/Mtok", "input")],
    ),
    # a size followed by 版本 is a variant of the model just named
    (
        "Qwen2.5系列中，72B版本在超过18万亿tokens上完成预训练。",
        [("Qwen2.5 72B", "training_tokens", 1.8e13, "tokens", None)],
    ),
    # a size written after a versioned name is part of the name, not a quantity
    (
        "阿里训练Qwen 2.5 72B共使用了180万GPU小时。",
        [("Qwen 2.5 72B", "training_gpu_hours", 1.8e6, "gpu_hours", None)],
    ),
    # a capitalised word after a versioned name belongs to the name
    (
        "Gemini 2.5 Flash的上下文长度为100万tokens。",
        [("Gemini 2.5 Flash", "context_length", 1e6, "tokens", None)],
    ),
    # a stem the text gave a dotted version also takes a letter version: nearest name wins
    (
        "文心4.5已经上线。文心X1的价格为每百万输入tokens 2元。",
        [("文心X1", "api_price", 2, "CNY/Mtok", "input")],
    ),
    # a gazetteer stem with a plain number, written in traditional script
    (
        "昇騰910的FP16算力為256 TFLOPS。",
        [("昇腾910", "compute_performance", 2.56e14, "FLOPS", None)],
    ),
    # number formats are never subjects
    ("在FP8精度下，算力可达2000 TFLOPS。", []),
    # 合资 in 合资公司 is not an organization
    (
        "甲骨文宣布成立合资公司，计划投资300亿美元建设数据中心。",
        [("Oracle", "capex", 3e10, "USD", None)],
    ),
    # a known organization plus an organization suffix is that organization
    ("阿里云智能集团的收入为50亿元。", [("Alibaba Cloud", "revenue", 5e9, "CNY", None)]),
]

CUE_CASES: list[tuple[str, list[Row]]] = [
    # instalments of a round are funding
    (
        "MiniMax宣布完成新一轮融资，首期到账5亿美元，其余3亿美元将在年内到位。",
        [("MiniMax", "funding", 5e8, "USD", None), ("MiniMax", "funding", 3e8, "USD", None)],
    ),
    # a growth rate is not a level
    (
        "英伟达数据中心收入为300亿美元，同比增长150%。",
        [("NVIDIA", "revenue", 3e10, "USD", None)],
    ),
    # 純益 (traditional for net profit) is profit
    ("台積電第一季稅後純益約新台幣3000億元。", [("TSMC", "profit", 3e11, "TWD", None)]),
    # 啟用 parameters are active parameters
    (
        "Qwen3-235B每次推論啟用220億個參數。",
        [("Qwen3-235B", "active_parameters", 2.2e10, "params", None)],
    ),
    # money converting GPU hours is the training cost
    (
        "GLM-4训练共消耗100万GPU小时，折合约200万美元。",
        [
            ("GLM-4", "training_gpu_hours", 1e6, "gpu_hours", None),
            ("GLM-4", "training_cost", 2e6, "USD", None),
        ],
    ),
    # a price cut to a share of the old price is a relative cost
    ("Kimi k1.5模型的API价格降至原价的40%。", [("Kimi k1.5", "relative_cost", 40, "%", None)]),
    # the model after 仅为 is the comparator, not the subject
    (
        "百度称其价格仅为GPT-4o的3%。",
        [("Baidu", "relative_cost", 3, "%", "GPT-4o")],
    ),
]

PASSAGE_CASES: list[tuple[str, list[Row]]] = [
    # the rest of a round after an investor's share belongs to the company raising it
    (
        "月之暗面完成新一轮融资。腾讯将出资5亿美元，其余3亿美元由其他机构提供。",
        [
            ("Tencent", "funding", 5e8, "USD", None),
            ("Moonshot AI", "funding", 3e8, "USD", None),
        ],
    ),
    # a typed pronoun later in the sentence carries the earlier company
    (
        "智谱发布了新模型。\n\n外界流传的“1亿元”只是训练阶段的算力费用，并非这家公司的全部投入。",
        [("Zhipu AI", "training_cost", 1e8, "CNY", None)],
    ),
    # an organization's training figure goes to its only model named in the text
    (
        "深度求索推出了DeepSeek-V2。\n\n传闻中的“500万美元”只是预训练阶段的算力费用，并非这家公司的全部投入。",
        [("DeepSeek-V2", "training_cost", 5e6, "USD", None)],
    ),
    # the company people are poached from is not the subject
    (
        "Meta为了从谷歌挖角研究员，开出的年薪高达5000万美元。",
        [("Meta", "annual_compensation", 5e7, "USD", None)],
    ),
]


@pytest.mark.parametrize("text,expected", NAME_CASES)
def test_claims_variants_name_subjects(
    extractor: Extractor, text: str, expected: list[Row]
) -> None:
    assert rows(extractor, text) == expected_rows(expected)


@pytest.mark.parametrize("text,expected", CUE_CASES)
def test_claims_variants_cues(extractor: Extractor, text: str, expected: list[Row]) -> None:
    assert rows(extractor, text) == expected_rows(expected)


@pytest.mark.parametrize("text,expected", PASSAGE_CASES)
def test_claims_variants_rounds_and_carry(
    extractor: Extractor, text: str, expected: list[Row]
) -> None:
    assert rows(extractor, text) == expected_rows(expected)
