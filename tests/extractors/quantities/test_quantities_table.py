"""Own table of Chinese quantity forms met in AI news, including negatives."""

from __future__ import annotations

import math

import pytest

from extractors.quantities import find_quantities, parse_chinese_number

# (sentence, quantity text, value, unit, qualifier)
POSITIVE = [
    ("模型拥有6710亿参数", "6710亿参数", 6.71e11, "params", "exact"),
    ("激活参数为370亿", "370亿", 3.7e10, None, "exact"),
    ("共有370亿参数被激活", "370亿参数", 3.7e10, "params", "exact"),
    ("在14.8万亿条标记上训练", "14.8万亿条标记", 1.48e13, "tokens", "exact"),
    ("训练数据达14.8万亿tokens", "14.8万亿tokens", 1.48e13, "tokens", "exact"),
    # a round magnitude with no digit counts users and downloads
    ("上线一周即破千万下载量", "千万", 1e7, "count", "more_than"),
    ("豆包的用户数已突破亿", "亿", 1e8, "count", "more_than"),
    # a figure restated in brackets: both take the unit after the bracket
    ("训练数据达36万亿(36T)tokens", "36万亿", 3.6e13, "tokens", "exact"),
    ("训练数据达36万亿(36T)tokens", "36T", 3.6e13, "tokens", "exact"),
    ("模型拥有6710亿（671B）参数", "6710亿", 6.71e11, "params", "exact"),
    ("上下文长度为128K tokens", "128K tokens", 128e3, "tokens", "exact"),
    ("使用2048块H800", "2048块", 2048, "count", "exact"),
    ("部署了2048个GPU", "2048个", 2048, "count", "exact"),
    ("采购了一万张显卡", "一万张", 1e4, "count", "exact"),
    ("共消耗278.8万GPU小时", "278.8万GPU小时", 2.788e6, "gpu_hours", "exact"),
    ("用了278.8万H800 GPU小时", "278.8万H800 GPU小时", 2.788e6, "gpu_hours", "exact"),
    ("训练成本仅为557万美元", "557万美元", 5.57e6, "USD", "exact"),
    ("投资1090亿美元", "1090亿美元", 1.09e11, "USD", "exact"),
    ("融资5亿元人民币", "5亿元人民币", 5e8, "CNY", "exact"),
    ("估值达到300亿美金", "300亿美金", 3e10, "USD", "exact"),
    ("售价$20", "$20", 20, "USD", "exact"),
    ("报价US$1.5", "US$1.5", 1.5, "USD", "exact"),
    ("价格¥300", "¥300", 300, "CNY", "exact"),
    ("价格￥300", "￥300", 300, "CNY", "exact"),
    ("收入80亿港元", "80亿港元", 8e9, "HKD", "exact"),
    # P and E for PFLOPS and EFLOPS where the clause speaks of 算力
    ("可承载算力约5000P", "5000P", 5e18, "FLOPS", "approx"),
    ("承载算力可达3万P", "3万P", 3e19, "FLOPS", "exact"),
    ("规划承载2500P算力", "2500P", 2.5e18, "FLOPS", "exact"),
    ("FP8算力达到8E FLOPS", "8E FLOPS", 8e18, "FLOPS", "exact"),
    ("营收2.5万亿新台币", "2.5万亿新台币", 2.5e12, "TWD", "exact"),
    ("台积电营收6000亿台币", "6000亿台币", 6e11, "TWD", "exact"),
    ("罚款5亿欧元", "5亿欧元", 5e8, "EUR", "exact"),
    ("投资1万亿日元", "1万亿日元", 1e12, "JPY", "exact"),
    ("投入3万亿韩元", "3万亿韩元", 3e12, "KRW", "exact"),
    ("获得2亿英镑", "2亿英镑", 2e8, "GBP", "exact"),
    ("花了123元1角1分", "123元1角1分", 123.11, "CNY", "exact"),
    ("两美元又三美分", "两美元又三美分", 2.03, "USD", "exact"),
    # 元/千 with the tokens left out, in a sentence about API calls, is per thousand tokens
    ("API调用价格降至0.0008元/千——即低于行业价格", "0.0008元/千", 0.8, "CNY/Mtok", "exact"),
    ("猪肉批发价0.5元/千", "0.5元", 0.5, "CNY", "exact"),
    # a lower-case w after a pay or money word is 万; elsewhere it stays watts
    ("应届生年薪50w起步", "50w", 5e5, None, "exact"),
    ("待遇在150-200w(现金)", "150-200w", 1.5e6, None, "range"),
    ("估值超过100w美元", "100w美元", 1e6, "USD", "more_than"),
    ("这款充电器支持65w快充", "65w", 65, "W", "exact"),
    ("单卡功耗700W", "700W", 700, "W", "exact"),
    ("输出价格2.19美元/百万tokens", "2.19美元/百万tokens", 2.19, "USD/Mtok", "exact"),
    ("输入0.14美元每百万tokens", "0.14美元每百万tokens", 0.14, "USD/Mtok", "exact"),
    ("每千tokens 0.002美元/千tokens", "0.002美元/千tokens", 2.0, "USD/Mtok", "exact"),
    ("1元/百万tokens", "1元/百万tokens", 1, "CNY/Mtok", "exact"),
    ("用55天完成训练", "55天", 55, "days", "exact"),
    ("耗时两个月", "两个月", 60.88, "days", "exact"),
    ("历时3周", "3周", 21, "days", "exact"),
    ("只用了36小时", "36小时", 1.5, "days", "exact"),
    ("研发了3年", "3年", 1095.75, "days", "exact"),
    ("一年半后", "一年半", 547.875, "days", "exact"),
    ("带宽为900GB/s", "900GB/s", 900, "GB/s", "exact"),
    ("带宽高达3.35TB/s", "3.35TB/s", 3350, "GB/s", "up_to"),
    ("显存80GB", "80GB", 80, "GB", "exact"),
    ("容量1.5TB", "1.5TB", 1500, "GB", "exact"),
    ("算力989 TFLOPS", "989 TFLOPS", 989e12, "FLOPS", "exact"),
    ("达到1.98 PFLOPS", "1.98 PFLOPS", 1.98e15, "FLOPS", "exact"),
    ("总算力10 EFLOPS", "10 EFLOPS", 1e19, "FLOPS", "exact"),
    ("功耗700W", "700W", 700, "W", "exact"),
    ("功耗1.2kW", "1.2kW", 1200, "W", "exact"),
    ("数据中心耗电100MW", "100MW", 1e8, "W", "exact"),
    ("耗电1吉瓦", "1吉瓦", 1e9, "W", "exact"),
    ("峰值负荷150兆瓦", "150兆瓦", 1.5e8, "W", "exact"),
    ("季度营收新台币1,500亿元", "1,500亿元", 1.5e11, "TWD", "exact"),
    ("募得港币80亿元", "80亿元", 8e9, "HKD", "exact"),
    ("储能站装机二十兆瓦", "二十兆瓦", 2e7, "W", "exact"),
    ("每秒18万千万亿次浮点运算", "18万千万亿次浮点运算", 1.8e20, "FLOPS", "exact"),
    ("解码成本不到4毛钱", "4毛钱", 0.4, "CNY", "less_than"),
    ("持续利用率98.7%", "98.7%", 98.7, "%", "exact"),
    ("占比１５.６％", "１５.６％", 15.6, "%", "exact"),
    ("提升百分之三十五", "百分之三十五", 35, "%", "exact"),
    ("份额近三成", "三成", 30, "%", "approx"),
    ("提升了20个百分点", "20个百分点", 20, "pp", "exact"),
    ("下降3.5个百分点", "3.5个百分点", 3.5, "pp", "exact"),
    ("错误率千分之一", "千分之一", 0.1, "%", "exact"),
    ("成本只有十分之一", "十分之一", 10, "%", "exact"),
    ("成本仅为1/11", "1/11", 100 / 11, "%", "exact"),
    ("只要三十分之一", "三十分之一", 100 / 30, "%", "exact"),
    ("速度快3倍", "3倍", 3, "x", "exact"),
    ("营收翻番", "翻番", 2, "x", "exact"),
    ("收入翻了两番", "翻了两番", 4, "x", "exact"),
    ("成本约400GB/s", "400GB/s", 400, "GB/s", "approx"),
    ("大约5000块GPU", "5000块", 5000, "count", "approx"),
    ("将近1万名员工", "1万名", 1e4, "count", "approx"),
    ("1000人左右", "1000人", 1000, "count", "approx"),
    ("500万美元上下", "500万美元", 5e6, "USD", "approx"),
    ("超过100万用户", "100万", 1e6, None, "more_than"),
    ("逾50亿美元", "50亿美元", 5e9, "USD", "more_than"),
    ("用户超1亿", "1亿", 1e8, None, "more_than"),
    ("下载量130万+", "130万", 1.3e6, None, "more_than"),
    ("一千多万元", "一千多万元", 1e7, "CNY", "more_than"),
    ("十余万人", "十余万人", 1e5, "count", "more_than"),
    ("三十几万元", "三十几万元", 3e5, "CNY", "more_than"),
    ("500余万", "500余万", 5e6, None, "more_than"),
    ("至少1000块GPU", "1000块", 1000, "count", "at_least"),
    ("不少于10亿元", "10亿元", 1e9, "CNY", "at_least"),
    ("不到600万美元", "600万美元", 6e6, "USD", "less_than"),
    ("不足5%", "5%", 5, "%", "less_than"),
    ("低于1美元", "1美元", 1, "USD", "less_than"),
    ("少于100人", "100人", 100, "count", "less_than"),
    ("至多8块", "8块", 8, "count", "at_most"),
    ("最多128K", "128K", 128e3, None, "at_most"),
    ("不超过50亿元", "50亿元", 5e9, "CNY", "at_most"),
    ("高达900GB/s", "900GB/s", 900, "GB/s", "up_to"),
    ("最高10万元", "10万元", 1e5, "CNY", "up_to"),
    ("月薪10万元以上", "10万元", 1e5, "CNY", "at_least"),
    ("一百三十万", "一百三十万", 1.3e6, None, "exact"),
    ("两千零四十八", "两千零四十八", 2048, None, "exact"),
    ("共十四", "十四", 14, None, "exact"),
    ("规模二十万亿", "二十万亿", 2e13, None, "exact"),
    ("一万五千亿", "一万五千亿", 1.5e12, None, "exact"),
    ("1,234.56万", "1,234.56万", 12345600, None, "exact"),
    ("5.78亿", "5.78亿", 5.78e8, None, "exact"),
    ("三兆", "三兆", 3e12, None, "exact"),
    ("兩千萬", "兩千萬", 2e7, None, "exact"),
    ("十億", "十億", 1e9, None, "exact"),
    ("共５０００", "５０００", 5000, None, "exact"),
    ("共142,087人", "142,087人", 142087, "count", "exact"),
    ("671B参数", "671B参数", 671e9, "params", "exact"),
    ("70B", "70B", 70e9, None, "exact"),
    ("三点五亿", "三点五亿", 3.5e8, None, "exact"),
    ("零点五", "零点五", 0.5, None, "exact"),
    ("负三十二", "负三十二", -32, None, "exact"),
    ("-3.9%", "-3.9%", -3.9, "%", "exact"),
    ("1.5万", "1.5万", 1.5e4, None, "exact"),
    ("二〇二四个", "二〇二四个", 2024, "count", "exact"),
    ("七十八万五佰零六", "七十八万五佰零六", 780506, None, "exact"),
    ("10 万", "10 万", 1e5, None, "exact"),
    ("九折优惠", "九折", 90, "%", "exact"),
    ("打五五折", "五五折", 55, "%", "exact"),
    ("有一个模型", "一个", 1, "count", "exact"),
    ("H800 80GB显存", "80GB", 80, "GB", "exact"),
    # the start of a change takes the unit of where it went ("从3亿到40亿美元的估值跃迁")
    ("估值从3亿到40亿美元的跃迁", "3亿", 3e8, "USD", "exact"),
    # a score after a benchmark's name (two digits and a decimal part) is no version of it
    ("GSM8K 94.39", "94.39", 94.39, None, "exact"),
    # a number closed by 万 or 亿 is no part of a name, whatever Latin word follows
    ("以5998万MAU位居第一", "5998万", 5.998e7, None, "exact"),
    ("发布了3款模型", "3款", 3, "count", "exact"),
    ("200家企业", "200家", 200, "count", "exact"),
    ("5位科学家", "5位", 5, "count", "exact"),
    ("每秒60 tokens/s", "60 tokens/s", 60, "tokens/s", "exact"),
    ("速度达到3000 tokens/秒", "3000 tokens/秒", 3000, "tokens/s", "exact"),
    ("7亿周活跃用户", "7亿", 7e8, None, "exact"),
    # a week's count before another word is still weeks (周活跃, 周年 are not)
    ("花4周训练而成", "4周", 28, "days", "exact"),
    # 千 opening a unit word after a Chinese numeral is the unit's, not a multiplier
    ("平均能耗会达到二十五千瓦", "二十五千瓦", 25000, "W", "exact"),
    # a price per million input tokens
    ("价格为1元/百万输入tokens", "1元/百万输入tokens", 1, "CNY/Mtok", "exact"),
    # units before digits with no digit of their own belong to a per-phrase
    ("成本低至每百万1.15美元", "1.15美元", 1.15, "USD", "exact"),
    ("每千2.5元", "2.5元", 2.5, "CNY", "exact"),
]

# (sentence, quantity text, low, high, unit)
RANGES = [
    ("成本在600万美元到630万美元之间", "600万美元到630万美元", 6e6, 6.3e6, "USD"),
    ("600万到630万美元", "600万到630万美元", 6e6, 6.3e6, "USD"),
    ("增长5%-8%", "5%-8%", 5, 8, "%"),
    ("增长5%~8%", "5%~8%", 5, 8, "%"),
    ("五六百万美元", "五六百万美元", 5e6, 6e6, "USD"),
    ("3-5万元", "3-5万元", 3e4, 5e4, "CNY"),
    ("2-3小时", "2-3小时", 2 / 24, 3 / 24, "days"),
    ("二三十个百分点", "二三十个百分点", 20, 30, "pp"),
    ("10至20块GPU", "10至20块", 10, 20, "count"),
    ("三四十万人", "三四十万人", 3e5, 4e5, "count"),
]

# (sentence, a piece of it that must not be inside any quantity)
NEGATIVE = [
    ("这是一些模型", "一"),
    ("大家一起努力", "一"),
    ("统一的接口", "一"),
    ("唯一的选择", "一"),
    ("万一失败了", "万一"),
    ("千万不要下载盗版软件", "千万"),
    ("一直在增长", "一"),
    ("排名第一", "一"),
    ("第3名", "3"),
    ("英伟达H800芯片", "800"),
    ("OpenAI的GPT-4o模型", "4"),
    ("Meta的Llama 3模型", "3"),
    ("在AIME 2024上", "2024"),
    ("MATH-500测试", "500"),
    ("台积电N3工艺", "3"),
    ("Qwen2.5-Max", "2.5"),
    ("A100显卡", "100"),
    ("o1模型", "1"),
    ("DeepSeek-V3发布", "3"),
    ("DeepSeek-R1推理", "1"),
    ("25th百分位", "25"),
    ("90th percentile", "90"),
    ("联系电话13812345678", "13812345678"),
    ("电话010-12345678", "12345678"),
    ("2024年10月7日发布", "2024"),
    ("2024年10月7日发布", "10"),
    ("2024年10月7日发布", "7"),
    ("2021年", "2021"),
    ("2023年5月", "5"),
    ("2025-03-27 17:30:47", "2025"),
    ("2025-03-27 17:30:47", "03"),
    ("2025-03-27 17:30:47", "27"),
    ("2025-03-27 17:30:47", "17"),
    ("2025-03-27 17:30:47", "47"),
    ("17:30开会", "30"),
    ("二〇二四年", "二〇二四"),
    ("晚上8点", "8"),
    ("截至上午9时40分暂报228元", "40"),
    ("支持1080P视频", "1080"),
    ("算力提升，新款显卡支持1080P视频", "1080"),
    ("这十分重要", "十"),
    ("千万不要", "千万"),
    ("四川的公司", "四"),
    ("陆地上", "陆"),
    ("收拾房间", "拾"),
    ("入伍", "伍"),
    ("访问 https://example.com/a?x=30%25", "30"),
    ("全球最大的公司之一", "一"),
    ("2020-2024年", "2020"),
    ("90年代", "90"),
]

PARSE = [
    ("6710亿", 6.71e11),
    ("14.8万亿", 1.48e13),
    ("一百三十万", 1.3e6),
    ("两千零四十八", 2048),
    ("十四", 14),
    ("二十万亿", 2e13),
    ("一万五千亿", 1.5e12),
    ("1,234.56万", 12345600),
    ("5.78亿", 5.78e8),
    ("三兆", 3e12),
    ("兩萬", 2e4),
    ("五億", 5e8),
    ("５０００", 5000),
    ("１５.６", 15.6),
    ("一万三", 13000),
    ("四亿五千六百四十二万零一十五", 456420015),
    ("负三分之一", -1 / 3),
    ("一些", None),
    ("万", None),
    ("百万1.15", None),  # Arabic digits after bare units: a number of their own
    ("千1", None),
    ("2兆1,865.23億", 2186523000000),  # a decimal section after a digit and its unit
    ("", None),
]


def _find(sentence: str, text: str):
    return [q for q in find_quantities(sentence) if q.text == text]


@pytest.mark.parametrize(("sentence", "text", "value", "unit", "qualifier"), POSITIVE)
def test_quantities_table_reads_form(sentence, text, value, unit, qualifier) -> None:
    found = _find(sentence, text)
    assert found, find_quantities(sentence)
    q = found[0]
    assert math.isclose(q.value, value, rel_tol=1e-6), q
    assert (q.unit, q.qualifier) == (unit, qualifier), q
    assert sentence[q.start : q.end] == q.text


@pytest.mark.parametrize(("sentence", "text", "low", "high", "unit"), RANGES)
def test_quantities_table_reads_range(sentence, text, low, high, unit) -> None:
    found = _find(sentence, text)
    assert found, find_quantities(sentence)
    q = found[0]
    assert math.isclose(q.value, low, rel_tol=1e-6), q
    assert q.value_max is not None and math.isclose(q.value_max, high, rel_tol=1e-6), q
    assert (q.unit, q.qualifier) == (unit, "range"), q


@pytest.mark.parametrize(("sentence", "piece"), NEGATIVE)
def test_quantities_table_skips_non_quantity(sentence, piece) -> None:
    at = sentence.index(piece)
    overlapping = [q for q in find_quantities(sentence) if q.start < at + len(piece) and q.end > at]
    assert not overlapping


@pytest.mark.parametrize(("numeral", "value"), PARSE)
def test_quantities_parse_chinese_number(numeral, value) -> None:
    got = parse_chinese_number(numeral)
    if value is None:
        assert got is None
    else:
        assert got is not None and math.isclose(got, value, rel_tol=1e-9)


def test_quantities_kinds() -> None:
    kinds = {
        q.text: q.kind
        for q in find_quantities(
            "2048块，557万美元，98.7%，20个百分点，十分之一，55天，80GB，370亿"
        )
    }
    assert kinds == {
        "2048块": "count",
        "557万美元": "money",
        "98.7%": "percent",
        "20个百分点": "percentage_points",
        "十分之一": "fraction",
        "55天": "duration",
        "80GB": "dimension",
        "370亿": "number",
    }
