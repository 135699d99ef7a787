"""Claims from tables: a row's label and a column's header say what a number measures."""

from __future__ import annotations

import pytest

from extractors.claims.tables import find_tables
from extractors.models import Article
from extractors.pipeline import Extractor
from tests.extractors.claims.rows import Row
from tests.extractors.claims.rows import expected as expected_rows

LEADERBOARD = """某评测机构发布了最新的大模型中文能力榜单，共有十余个AI模型参评。
排名 | 模型 | 机构 | 总分 | 理解 | 推理 |
1 | GPT-4o | OpenAI | 88.5 | 90.1 | 86.0 |
2 | Qwen2.5-Max | 阿里巴巴 | 85.2 | 87.3 | 83.1 |
3 | 星河大模型 | 某公司 | 80.4 | 81.0 | 79.8 |
4 | 阿里云百炼助手 | 阿里巴巴 | 78.1 | 79.0 | 77.2 |
榜单显示，国内模型与海外模型的差距正在缩小。"""

FINANCIALS = """英伟达公布了最新一季的财报，AI芯片需求强劲，数据中心业务继续领跑。
| 指标 | 本季 | 同比增长 |
|---|---|---|
| 营收 | $570.1 亿 | 62% |
| 数据中心营收 | $512 亿 | 66% |
| 净利润 | $319 亿 | 65% |
分析师认为，AI算力需求仍在扩张。"""

# a growth column beside a notes column: the notes' words (净利率, 份额) are not the
# growth figure's cue, and a growth rate is no claim
NOTED = """英伟达公布了最新一季的财报，AI芯片需求强劲，数据中心业务继续领跑。
| 指标 | 本季 | 同比增长 | 备注 |
| 营收 | $570.1 亿 | 62% | 持续创历史新高 |
| 净利润 | $319 亿 | 65% | 净利率约 56% |
| 游戏业务营收 | $43 亿 | 30% | 大份额稳增长 |
分析师认为，AI算力需求仍在扩张。"""

# a word in brackets qualifies its column's figures: 参数规模(激活) is the active count
SIZES = """星河实验室开源了新一代模型系列，覆盖从边缘设备到数据中心的多种规模。
模型名称 | 参数规模(激活) | 总参数量 | 架构类型 |
Xinghe-MoE-30B | 30B | 300B | 混合专家 |
Xinghe-Dense-1B | 1B | 1B | 稠密 |
该系列均以Apache 2.0协议发布。"""

# a model card pasted with its English headers
CARD = """星河实验室公布了新模型系列的规格。
| Models | Layers | Total Params | Activated Params | Context Length |
| Xinghe-2-MoE | 48 | 300B | 30B | 128K |
| Xinghe-2-Dense | 28 | 8B | 8B | 32K |
该系列模型将陆续开源。"""

PRICES = """阿里云百炼平台公布了GLM-4.5系列模型的调用价格，按输入Token数阶梯计费。
模型名称 | 输入Token数 | 输入成本(每千Token) | 输出成本(每千Token) |
glm-4.5 | 0-32K | 0.003元 | 0.014元 |
glm-4.5-air | 0-32K | 0.0008元 | 0.006元 |
以上价格均为大模型推理服务的标准价格。"""

# a model's name cell spanning its tier rows: the second tier starts one column in
MERGED_TIERS = """某云平台公布了星河模型的调用价格，按输入Token数阶梯计费。
模型名称 | 输入 Token 数 | 输入成本(每千Token) | 输出成本(每千Token) |
xinghe-2 | 0-32K | 0.003元 | 0.014元 |
32K-96K | 0.004元 | 0.016元 |
以上价格均为大模型推理服务的标准价格。"""

TIERS = """某云平台公布了星河模型的调用价格，输入越长单价越高，按大模型推理服务计费。
模型名称 | 输入成本(每千Token) |
xinghe-2 | 0.002元 |
32K-128K | 0.005元 |
以上为大模型推理的标准价格。"""

# the price unit said over the table; a name cell naming maker and model is the model's
CAPTIONED_PRICES = """某平台公布了付费模型的调用价格。
付费模型(价格:元/M tokens)
| 模型 ID | 输入价 | 输出价 |
|---|---|---|
zhipu-ai/GLM-4.5 | 3.00 | 12.00 |
qwen-ai/Qwen3-Max | 6.00 | 24.00 |"""

# amounts with a qualifier, a range or a note in brackets in their cells
NOTED_AMOUNTS = """几家科技巨头公布了今年的资本开支指引，AI基础设施是投入重点。
| 公司 | 2025年资本开支指引 | 主要投入 |
|---|---|---|
| Microsoft | 800亿–1,000亿美元(财年结束) | 数据中心 |
| Meta | 约700亿美元(由650亿美元上调) | AI模型 |"""

CASES: list[tuple[str, list[Row]]] = [
    (
        NOTED_AMOUNTS,
        [
            ("Microsoft", "capex", 8e10, "USD", "2025年资本开支指引"),
            ("Meta", "capex", 7e10, "USD", "2025年资本开支指引"),
        ],
    ),
    (
        CAPTIONED_PRICES,
        [
            ("GLM-4.5", "api_price", 3, "CNY/Mtok", "输入价"),
            ("GLM-4.5", "api_price", 12, "CNY/Mtok", "输出价"),
            ("Qwen3-Max", "api_price", 6, "CNY/Mtok", "输入价"),
            ("Qwen3-Max", "api_price", 24, "CNY/Mtok", "输出价"),
        ],
    ),
    (
        LEADERBOARD,
        [
            ("GPT-4o", "benchmark_score", 88.5, "points", "总分"),
            ("GPT-4o", "benchmark_score", 90.1, "points", "理解"),
            ("GPT-4o", "benchmark_score", 86.0, "points", "推理"),
            ("Qwen2.5-Max", "benchmark_score", 85.2, "points", "总分"),
            ("Qwen2.5-Max", "benchmark_score", 87.3, "points", "理解"),
            ("Qwen2.5-Max", "benchmark_score", 83.1, "points", "推理"),
            ("星河大模型", "benchmark_score", 80.4, "points", "总分"),
            ("星河大模型", "benchmark_score", 81.0, "points", "理解"),
            ("星河大模型", "benchmark_score", 79.8, "points", "推理"),
            # a model's name holding a firm's (阿里云) is still the model's
            ("阿里云百炼助手", "benchmark_score", 78.1, "points", "总分"),
            ("阿里云百炼助手", "benchmark_score", 79.0, "points", "理解"),
            ("阿里云百炼助手", "benchmark_score", 77.2, "points", "推理"),
        ],
    ),
    (
        FINANCIALS,
        [
            ("NVIDIA", "revenue", 5.701e10, "USD", None),
            ("NVIDIA", "revenue", 5.12e10, "USD", None),
            ("NVIDIA", "profit", 3.19e10, "USD", None),
        ],
    ),
    (
        NOTED,
        [
            ("NVIDIA", "revenue", 5.701e10, "USD", None),
            ("NVIDIA", "profit", 3.19e10, "USD", None),
            ("NVIDIA", "profit_margin", 56.0, "%", None),
            ("NVIDIA", "revenue", 4.3e9, "USD", None),
        ],
    ),
    (
        PRICES,
        [
            ("glm-4.5", "api_price", 3.0, "CNY/Mtok", "输入成本(每千Token)"),
            ("glm-4.5", "api_price", 14.0, "CNY/Mtok", "输出成本(每千Token)"),
            ("glm-4.5-air", "api_price", 0.8, "CNY/Mtok", "输入成本(每千Token)"),
            ("glm-4.5-air", "api_price", 6.0, "CNY/Mtok", "输出成本(每千Token)"),
        ],
    ),
    (
        SIZES,
        [
            ("Xinghe-MoE-30B", "active_parameters", 3e10, "params", "参数规模(激活)"),
            ("Xinghe-MoE-30B", "parameters", 3e11, "params", "总参数量"),
            ("Xinghe-Dense-1B", "active_parameters", 1e9, "params", "参数规模(激活)"),
            ("Xinghe-Dense-1B", "parameters", 1e9, "params", "总参数量"),
        ],
    ),
    (
        CARD,
        [
            ("Xinghe-2-MoE", "parameters", 3e11, "params", "Total Params"),
            ("Xinghe-2-MoE", "active_parameters", 3e10, "params", "Activated Params"),
            ("Xinghe-2-MoE", "context_length", 128000, "tokens", "Context Length"),
            ("Xinghe-2-Dense", "parameters", 8e9, "params", "Total Params"),
            ("Xinghe-2-Dense", "active_parameters", 8e9, "params", "Activated Params"),
            ("Xinghe-2-Dense", "context_length", 32000, "tokens", "Context Length"),
        ],
    ),
    (
        MERGED_TIERS,
        [
            ("xinghe-2", "api_price", 3.0, "CNY/Mtok", "输入成本(每千Token)"),
            ("xinghe-2", "api_price", 14.0, "CNY/Mtok", "输出成本(每千Token)"),
            ("xinghe-2", "api_price", 4.0, "CNY/Mtok", "输入成本(每千Token)"),
            ("xinghe-2", "api_price", 16.0, "CNY/Mtok", "输出成本(每千Token)"),
        ],
    ),
    (
        # a tier row names a size range, not a model: its price is the model's above
        TIERS,
        [
            ("xinghe-2", "api_price", 2.0, "CNY/Mtok", "输入成本(每千Token)"),
            ("xinghe-2", "api_price", 5.0, "CNY/Mtok", "输入成本(每千Token)"),
        ],
    ),
]


@pytest.mark.parametrize(
    "text,expected",
    CASES,
    ids=[
        "noted amounts",
        "captioned prices",
        "leaderboard",
        "financials",
        "notes column",
        "prices",
        "sizes",
        "model card",
        "merged tiers",
        "price tiers",
    ],
)
def test_claims_tables(extractor: Extractor, text: str, expected: list[Row]) -> None:
    claims = extractor.extract_body(Article(text=text))
    found = {(c.subject, c.metric, round(c.value, 3), c.unit, c.object) for c in claims}
    assert sorted(found, key=str) == expected_rows(expected)


@pytest.mark.parametrize(
    "text,tables,rows",
    [
        (LEADERBOARD, 1, 4),
        (FINANCIALS, 1, 3),
        ("a | b\n普通的一行文字", 0, 0),
        ("总分 | 得分\n", 0, 0),
    ],
)
def test_tables_found(text: str, tables: int, rows: int) -> None:
    found = find_tables(text)
    assert len(found) == tables
    assert sum(len(t.rows) for t in found) == rows


DECLARED = """这家AI公司披露了近三年的财务数据，收入增长迅速，研发投入持续加大。
| 期间 | 营收(万美元) | 同比增速 |
|---|---|---|
| 2023年 | 346 | - |
| 2024年 | 3052 | +782.1% |"""

SECTION = """英伟达公布了AI芯片业务的季度业绩。
(以百万美元计,每股收益除外)本季度 上季度
收入$22,103$18,120
运营费用$3,176$2,983"""


def test_claims_table_column_declares_its_unit(extractor: Extractor) -> None:
    claims = extractor.extract_body(Article(title="MiniMax披露财务数据", text=DECLARED))
    found = {(c.subject, c.metric, round(c.value), c.unit) for c in claims}
    assert found == {
        ("MiniMax", "revenue", 3460000, "USD"),
        ("MiniMax", "revenue", 30520000, "USD"),
    }


def test_claims_section_declares_the_scale_of_its_amounts(extractor: Extractor) -> None:
    claims = extractor.extract_body(Article(text=SECTION))
    values = {(c.metric, round(c.value)) for c in claims}
    assert ("revenue", 22_103_000_000) in values
    assert ("operating_cost", 3_176_000_000) in values


BOXED = """寒武纪公布了AI芯片业务的主营构成，云端产品线贡献了绝大部分收入。
┌────────┬─────┬─────┬───┐
|项目名称 |营业收入( |营业利润( |毛利率|
| |万元) |万元) |(%) |
├────────┼─────┼─────┼───┤
|云端产品线 | 286970.27| 160721.16| 56.01|
└────────┴─────┴─────┴───┘"""


def test_claims_boxed_table_with_a_wrapped_header(extractor: Extractor) -> None:
    """Box rules neither split the table nor end the body; a header wrapped over two
    rows names each column whole, with its unit ("营业收入(万元)", "毛利率(%)")."""
    article = extractor.extract(BOXED).article
    assert "|云端产品线 | 286970.27|" in article.text
    claims = extractor.extract_body(article)
    found = {(c.subject, c.metric, round(c.value), c.unit) for c in claims}
    assert found == {
        ("Cambricon", "revenue", 2869702700, "CNY"),
        ("Cambricon", "profit", 1607211600, "CNY"),
        ("Cambricon", "profit_margin", 56, "%"),
    }
