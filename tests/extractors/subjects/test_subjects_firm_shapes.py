"""Firms the gazetteer does not know, found by the shape of the text around them
(own sentences; one behaviour per case)."""

from __future__ import annotations

import pytest

from extractors.pipeline import Extractor
from tests.extractors.claims.rows import Row, rows
from tests.extractors.claims.rows import expected as expected_rows

FIRM_CASES: list[tuple[str, list[Row]]] = [
    # a firm the article says is one ("是一家…公司"), wherever else it is named
    (
        "星原是一家IC设计公司，专注AI芯片。星原第三季营收为29.6亿元，毛利率为43.2%。",
        [
            ("星原", "revenue", 2.96e9, "CNY", None),
            ("星原", "profit_margin", 43.2, "%", None),
        ],
    ),
    # a Taiwan listing's code, a space before its bracket
    (
        "和碩科 (市:2999)第三季AI伺服器電源營收達 120 億元。",
        [("和碩科", "revenue", 1.2e10, "TWD", None)],
    ),
    # a firm named right before a Taiwanese news day, and a margin's change in points left out
    (
        "散熱大廠冠鈺今(12)日公布財報，受惠AI伺服器需求，單季營收達80億元，毛利率年增1.2個百分點。",
        [("冠鈺", "revenue", 8e9, "TWD", None)],
    ),
    # ... but not a person named so
    ("張明遠今(12)日表示，AI伺服器訂單今年營收可達80億元。", []),
    # a registered name: its distinctive words, without the place or word before them
    (
        "该项目由北京云图慧科信息技术有限公司承建，云图慧科今年AI服务器营收达5亿元。",
        [("云图慧科", "revenue", 5e8, "CNY", None)],
    ),
    # ... but a kind of firm registered so names none
    ("其拟于香港联合交易所有限公司上市，AI业务收入达5亿元。", []),
    # a firm glossed with its Latin name in brackets
    (
        "激光雷达厂商中，背靠大疆的星途跃迁(StarLeap)港股上市前估值已达130亿港元。",
        [("星途跃迁", "valuation", 1.3e10, "HKD", None)],
    ),
    (
        "3月1日，星途跃迁(StarLeap Robotics)宣布完成超5亿元A轮融资，用于人形机器人研发。",
        [("星途跃迁", "funding", 5e8, "CNY", None)],
    ),
    # ... not a term glossed so, nor a machine with a number, nor a person after a title
    (
        "月活跃用户(Monthly Active Users)在AI应用中突破3亿。",
        [],
    ),
    (
        "公司首席财务长艾米·霍德(Amy Hood)表示，AI基础设施投入今年达800亿美元。",
        [],
    ),
    # a firm named right before its funding round
    (
        "年底，灵枢智行B轮融资达到8亿元，用于具身智能模型训练。",
        [("灵枢智行", "funding", 8e8, "CNY", None)],
    ),
    # ... not a phrase ending in a particle before it
    (
        "7月，某大模型企业宣布完成50亿元人民币的A轮融资，投后估值达到200亿元。",
        [],
    ),
    # a code that names its market makes the word before it a name, even a verb (联想),
    # and a known firm's name without its suffix (联想集团) is that firm
    (
        "联想(00992.HK)上半年人工智能相关收入达到120亿美元。",
        [("Lenovo", "revenue", 1.2e10, "USD", None)],
    ),
    # the market after a colon ("NYSE:") is a stock code too, and a name the segmenter
    # cut in two before it is joined again
    (
        "星河有道(NYSE:XHYD)第一季度AI订阅服务营收7000万元。",
        [("星河有道", "revenue", 7e7, "CNY", None)],
    ),
    # ... and so is a verb before it, when the article goes on using the two together
    (
        "开门问问（02999.HK）今年AI业务总收入2亿元。\n开门问问表示，AI解决方案收入增长很快。",
        [("开门问问", "revenue", 2e8, "CNY", None)],
    ),
    # ... but a frequent common noun before the name is no part of it
    (
        "人工智能企业星图（0123）今年收入增长至12亿元。",
        [("星图", "revenue", 1.2e9, "CNY", None)],
    ),
    # the firm named right before a titled person's title is an organization
    (
        "星海通信首席执行官王磊表示，星海通信去年AI业务营收达到80亿元。",
        [("星海通信", "revenue", 8e9, "CNY", None)],
    ),
    # ... whatever the person then does ("对外表示")
    (
        "星海通信董事长王磊对外表示，星海通信今年AI业务营收达到80亿元。",
        [("星海通信", "revenue", 8e9, "CNY", None)],
    ),
    # a known firm goes by its full English name (三星电子 is Samsung Electronics)
    (
        "三星电子去年营业利益为40兆韩元，其中AI存储芯片贡献最大。",
        [("Samsung Electronics", "profit", 4e13, "KRW", None)],
    ),
    # ... unless it is a generic word
    ("公司创始人王磊表示，AI业务营收达到80亿元。", []),
    # a firm named once with 公司 and then often without it is that firm without it
    (
        "北辰公司是一家AI应用企业。\n北辰上半年总收入18亿元。\n北辰的付费订阅用户达到1500万。",
        [
            ("北辰", "revenue", 1.8e9, "CNY", None),
            ("北辰", "user_count", 1.5e7, "count", None),
        ],
    ),
    # a word the dictionary holds before 公司 says what kind of firm; glossed in English,
    # it is a term
    (
        "多家激光雷达公司今年营收增长。激光雷达(LiDAR)作为自动驾驶的眼睛，激光雷达市场超过50%的份额"
        "由中国厂商包揽。",
        [],
    ),
    # a field's name ending like a firm's (具身智能, embodied AI) is no firm
    ("具身智能今年一级市场融资达到150亿元，大模型公司估值上涨。", []),
    # ... unless the word is a common noun ("人形机器人公司" ... "机器人行业")
    ("人形机器人公司的竞争加剧。\n机器人行业今年融资达到70亿元。\n机器人需求旺盛。", []),
    # a Latin name the article repeats is a firm's where only a firm stands (a listing, a
    # market value); yen written 日圓 are yen
    (
        "AI新創Veltrix決定啟動IPO。Veltrix東京掛牌後市值約1,200億日圓。Veltrix的客戶遍及亞洲。",
        [("Veltrix", "market_cap", 1.2e11, "JPY", None)],
    ),
    # a demonstrative before "<word>公司" makes the word a description, and a market's
    # name before 智能 is no firm: the firm named before stays the topic
    (
        "自动驾驶公司星驰科技今日在港股上市。这家明星公司的收入从2022年的3000万元增至4亿元。",
        [
            ("星驰科技", "revenue", 3e7, "CNY", None),
            ("星驰科技", "revenue", 4e8, "CNY", None),
        ],
    ),
    # a firm nothing knows, named again and again where a firm stands (opening clauses
    # before what it does, once before its revenue); lidar is the self-driving field's
    (
        "日前，激光雷达厂商星驰聚创交出第三季度成绩单。星驰聚创第三季度营收3.5亿元，"
        "同比持平。与此同时，星驰聚创的毛利率为21.5%。",
        [
            ("星驰聚创", "revenue", 3.5e8, "CNY", None),
            ("星驰聚创", "profit_margin", 21.5, "%", None),
        ],
    ),
    # ... but a phrase ending in a common word, said as often, is none
    (
        "AI芯片需求旺盛。云计算业务的收入为3.5亿元，云计算业务的毛利率为21.5%，"
        "云计算业务营收增长较快。",
        [],
    ),
    # ... nor a person the article titles: the figure stays with the firm
    (
        "火山引擎总裁谭明宣布，谭明表示大模型调用量大增。谭明的团队营收为3亿元。",
        [("Volcano Engine", "revenue", 3e8, "CNY", None)],
    ),
    # a Hong Kong stock code and 港仙 place a traditional-script article in Hong Kong: a
    # bare 元 is the Hong Kong dollar
    (
        "聯想（00992.HK）上半年人工智能收入392.82億元，每股派中期息8.5港仙。",
        [("Lenovo", "revenue", 3.9282e10, "HKD", None)],
    ),
]


@pytest.mark.parametrize("text,expected", FIRM_CASES)
def test_firms_found_by_shape(extractor: Extractor, text: str, expected: list[Row]) -> None:
    assert rows(extractor, text) == expected_rows(expected)


# Firms the gazetteer knows by their full name only: the short name that is also a common
# word ("地平线", horizon) names the firm where the article named it in full first.
KNOWN_CASES: list[tuple[str, list[Row]]] = [
    ("宇树科技去年营收17亿元。", [("Unitree Robotics", "revenue", 1.7e9, "CNY", None)]),
    (
        "地平线机器人（09660.HK）上半年营收15亿元。地平线的AI芯片出货量达到400万颗。",
        [
            ("Horizon Robotics", "revenue", 1.5e9, "CNY", None),
            ("Horizon Robotics", "chip_output", 4e6, "count", None),
        ],
    ),
    ("地平线以外的云层里，AI芯片出货量达到400万颗。", []),
    # ... and by its Hong Kong spelling (機械人 for 機器人), whose last word names no firm
    (
        "地平線機械人今日上市，募資凈額約49.7億港元。",
        [("Horizon Robotics", "funding", 4.97e9, "HKD", None)],
    ),
]


@pytest.mark.parametrize("text,expected", KNOWN_CASES)
def test_firms_known_by_full_name(extractor: Extractor, text: str, expected: list[Row]) -> None:
    assert rows(extractor, text) == expected_rows(expected)
