"""Cue words of the metric table met on real pages (own sentences; one word per case)."""

from __future__ import annotations

import pytest

from extractors.pipeline import Extractor
from tests.extractors.claims.rows import Row, rows
from tests.extractors.claims.rows import expected as expected_rows

CUE_CASES: list[tuple[str, list[Row]]] = [
    # what users spend on an app is its revenue, before or after the amount
    ("Kimi上线一年，移动应用消费者支出突破2亿美元。", [("Kimi", "revenue", 2e8, "USD", None)]),
    ("豆包上线两年达成5亿美元消费额。", [("Doubao", "revenue", 5e8, "USD", None)]),
    # what a firm spends on AI as a whole, or on training and inference, is its capex
    ("腾讯明年的AI相关投入最高将达900亿元。", [("Tencent", "capex", 9e10, "CNY", None)]),
    (
        "今年百度将投入200亿元用于大模型的训练和推理。",
        [("Baidu", "capex", 2e10, "CNY", None)],
    ),
    # a cut by so much, said of a cost or a price ...
    ("新模型发布后，Orion-3的推理成本再降40%。", [("Orion-3", "cost_reduction", 40, "%", None)]),
    # ... but a price cut to a level names the level, not the cut
    ("新模型发布后，Orion-3的价格降至40%。", []),
    # a share of tasks solved is a benchmark score
    ("Orion-3以 65.2% 的解决率位居榜首。", [("Orion-3", "benchmark_score", 65.2, "%", None)]),
    # tokens handled in a single day
    (
        "月之暗面宣布单日处理量超2万亿tokens。",
        [("Moonshot AI", "daily_tokens", 2e12, "tokens", None)],
    ),
    # pay in shares per head is pay; a share offering's size is money raised
    (
        "据披露，Anthropic人均股权报酬约为90万美元。",
        [("Anthropic", "annual_compensation", 9e5, "USD", None)],
    ),
    ("商汤对应发行规模约12.5亿港元。", [("SenseTime", "funding", 1.25e9, "HKD", None)]),
    # figures in turn after 分别以, their word after the list
    (
        "寒武纪与摩尔线程分别以9%、12.2%的市场份额位列前二。",
        [
            ("Cambricon", "market_share", 9, "%", None),
            ("Moore Threads", "market_share", 12.2, "%", None),
        ],
    ),
    # monthly users in English letters right after the amount
    ("Kimi以3600万MAU位居第三。", [("Kimi", "user_count", 3.6e7, "count", None)]),
    # both ends of a change share the word after them
    (
        "月之暗面在两年内完成了从3亿到40亿美元的估值跃迁。",
        [
            ("Moonshot AI", "valuation", 3e8, "USD", None),
            ("Moonshot AI", "valuation", 4e9, "USD", None),
        ],
    ),
    # a product named with its maker's model family is one name (Claude Code)
    ("Claude Code 的年化收入预估约达1.3亿美元。", [("Claude Code", "revenue", 1.3e8, "USD", None)]),
    # a handful of GPUs (a server's, a package's dies) is a configuration, not a fleet
    ("英伟达的这款服务器搭载8块H100 GPU。", []),
    # a firm's R&D staff counted by the head
    ("优必选的研发人员共有736人。", [("UBTech Robotics", "headcount", 736, "count", None)]),
    # a share of a market, 占 right before it
    ("据统计，英伟达占全球GPU市场的90%以上。", [("NVIDIA", "market_share", 90, "%", None)]),
    (
        "根据最新的市场调查数据，在全球AI服务器代工市场中，富士康约占40%。",
        [("Foxconn", "market_share", 40, "%", None)],
    ),
    # GPUs brought in by the piece, the GPU word further on
    (
        "三星电子将各引进5万张，这批GPU将用于建设AI工厂。",
        [("Samsung Electronics", "gpu_count", 5e4, "count", None)],
    ),
    # a size in billions before an edition word is a parameter count; 语境 is context
    (
        "某实验室的新模型Orion-2迎来了 65B 的高性能版,语境窗口长度增至 16K。",
        [
            ("Orion-2", "parameters", 6.5e10, "params", None),
            ("Orion-2", "context_length", 16000, "tokens", None),
        ],
    ),
    # ... but a class of models compared with is no claim
    ("Orion-2在数学测试中超过多数13B级别模型。", []),
    # 營業利益, Taiwan's word for operating profit, is a profit, not revenue
    ("SK海力士去年AI記憶體營業利益達30兆韓元。", [("SK Hynix", "profit", 3e13, "KRW", None)]),
    # 市佔 without 率 is a market share
    ("SK海力士在HBM市場拿下約60%營收市佔。", [("SK Hynix", "market_share", 60, "%", None)]),
    # the most a model reads at once is its context length ...
    (
        "Gemini 2.5 Pro的最大输入Token为200万。",
        [("Gemini 2.5 Pro", "context_length", 2e6, "tokens", None)],
    ),
    # ... the most it writes at once is no metric of the contract
    (
        "Gemini 2.5 Pro的最大输入Token为200万，最大输出Token为6万。",
        [("Gemini 2.5 Pro", "context_length", 2e6, "tokens", None)],
    ),
    # money spent to buy servers is a hardware cost
    (
        "星海通信（6088）今天公告斥资3亿元，向供应商购置AI服务器。",
        [("星海通信", "hardware_cost", 3e8, "CNY", None)],
    ),
    # money put into building a 运算中心 is capital expenditure
    (
        "星海通信（6088）拟投资不超过10亿元，在台中打造AI运算中心。",
        [("星海通信", "capex", 1e9, "CNY", None)],
    ),
    # a firm's 年收入 is its revenue, people's their pay
    ("Midjourney的年收入已超过2亿美元。", [("Midjourney", "revenue", 2e8, "USD", None)]),
    (
        "OpenAI的研究员年收入可达100万美元。",
        [("OpenAI", "annual_compensation", 1e6, "USD", None)],
    ),
    # a loss written with a minus sign is recorded by its size
    ("AI芯片公司爱芯元智2024年净亏损为-4.62亿元。", [("Axera", "net_loss", 4.62e8, "CNY", None)]),
    # ... and so is each loss of a list given in turn
    (
        "爱芯元智的经调整净利润同期分别为-4.44亿元、-5.42亿元。",
        [("Axera", "net_loss", 4.44e8, "CNY", None), ("Axera", "net_loss", 5.42e8, "CNY", None)],
    ),
    # KW, written in capitals, is kilowatts
    ("英伟达GB200机柜的功耗接近130KW。", [("GB200", "power", 1.3e5, "W", None)]),
    # a figure restated in brackets takes the unit after the bracket, and the cue after it
    # reaches the figure across the bracket
    (
        "Qwen3-Max使用了20万亿（20T）Token进行训练。",
        [("Qwen3-Max", "training_tokens", 2e13, "tokens", None)],
    ),
]


@pytest.mark.parametrize("text,expected", CUE_CASES)
def test_claims_cue_words(extractor: Extractor, text: str, expected: list[Row]) -> None:
    assert rows(extractor, text) == expected_rows(expected)
