"""Shapes real articles showed (issue: recall on real articles), in our own sentences.

Each row is one behaviour: English scale words, a Taiwan or Hong Kong article's bare 元,
a company named by its stock code, the article's topic for sentences that name no one,
short names an article declares, groups summed together, editions of a product,
and the metrics CLAIMS.md added (net_loss, operating_cost, chip_output, download_count,
daily_tokens).
"""

from __future__ import annotations

import pytest

from extractors.models import Article
from extractors.pipeline import Extractor
from extractors.quantities import find_quantities
from tests.extractors.claims.rows import Row, rows
from tests.extractors.claims.rows import expected as expected_rows

QUANTITY_CASES = [
    ("提供 355 billion 参数", "355 billion", 355e9, None),
    ("预训练约 15 trillion tokens", "15 trillion", 15e12, None),
    ("融资US$2.3 billion", "US$2.3 billion", 2.3e9, "USD"),
    ("营收1.2 billion美元", "1.2 billion美元", 1.2e9, "USD"),
    ("上调至 3 Million", "3 Million", 3e6, None),
    ("有 5 billionaires", "5", 5, None),
    ("测评得分88分", "88分", 88, "points"),
    ("总分 90.5 分", "90.5 分", 90.5, "points"),
]


MAGNITUDE_CASES = [
    # (text, quantity text, value, value_max, unit, qualifier)
    ("累计融资超百亿元", "百亿元", 1e10, None, "CNY", "more_than"),
    ("相关投资超过千亿元人民币", "千亿元人民币", 1e11, None, "CNY", "more_than"),
    ("计划部署百万卡集群", "百万", 1e6, None, None, "exact"),
    ("估值达数十亿美元", "数十亿美元", 2e9, 9e9, "USD", "range"),
    ("市值逼近万亿美金", "万亿美金", 1e12, None, "USD", "approx"),
    # before 参数, a round magnitude counts when a model's Latin name follows
    ("发布千亿参数闭源模型 Yi-Large", "千亿参数", 1e11, None, "params", "exact"),
    ("高达 5.3 TB / s 的带宽", "5.3 TB / s", 5300.0, None, "GB/s", "up_to"),
    ("总共 720petaflops", "720petaflops", 7.2e17, None, "FLOPS", "exact"),
    # tera-operations per second, an NPU's rating, are counted as FLOPS
    ("车载芯片算力为254 TOPS", "254 TOPS", 2.54e14, None, "FLOPS", "exact"),
    ("可提供 1,321 AI TOPS 表现", "1,321 AI TOPS", 1.321e15, None, "FLOPS", "exact"),
    # cents are hundredths of a dollar
    ("输入价格为15美分/百万Tokens", "15美分/百万Tokens", 0.15, None, "USD/Mtok", "exact"),
]
DIGIT_BY_DIGIT_CASES = [
    ("单季合并营收一点○五兆元", "一点○五兆元", 1.05e12, None),
    ("税后纯益五○五七点四亿元", "五○五七点四亿元", 5.0574e11, None),
    ("营收介于三四六亿至三五八亿美元", "三四六亿至三五八亿美元", 3.46e10, 3.58e10),
    ("身价增至一一八七亿美元", "一一八七亿美元", 1.187e11, None),
    ("营收12.345亿元", "12.345亿元", 1234500000.0, None),
    ("市值蒸发大约19点7兆元", "19点7兆元", 1.97e13, None),  # 点 as the decimal point
]


@pytest.mark.parametrize("text,quantity,value,value_max", DIGIT_BY_DIGIT_CASES)
def test_quantities_digit_by_digit_and_written_precision(text, quantity, value, value_max):
    """Digits read one by one ("三四六亿"), ○ as zero, values as written."""
    (q,) = find_quantities(text)
    assert (q.text, q.value, q.value_max) == (quantity, value, value_max)


NOT_MAGNITUDES = [
    "千万不要错过",
    "营收(万美元)",
    "以亿元计",
    "千亿参数大模型成为标配",
    "推出兆参数 AI 模型",
]


@pytest.mark.parametrize("text,quantity,value,value_max,unit,qualifier", MAGNITUDE_CASES)
def test_quantities_round_and_spaced_shapes(text, quantity, value, value_max, unit, qualifier):
    found = [(q.text, q.value, q.value_max, q.unit, q.qualifier) for q in find_quantities(text)]
    assert found == [(quantity, value, value_max, unit, qualifier)]


@pytest.mark.parametrize("text", NOT_MAGNITUDES)
def test_quantities_magnitude_words_that_are_no_amount(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize("text,quantity,value,unit", QUANTITY_CASES)
def test_quantities_english_scale_words(text: str, quantity: str, value: float, unit) -> None:
    found = find_quantities(text)
    assert [(q.text, q.value, q.unit) for q in found] == [(quantity, value, unit)]


CASES: list[tuple[str, list[Row]]] = [
    # a bare 元 in a Taiwan article is TWD; a company named with its stock code
    (
        "受惠AI伺服器出貨，代工大廠星創（3299）公告9月營收2034.37億元，台股表現強勁。",
        [("星創", "revenue", 2.03437e11, "TWD", None)],
    ),
    # the same company named again later, without its code
    (
        "散熱廠雙晟（3399）受惠AI伺服器需求。雙晟第三季營收45億元，創下新高，台股同步上揚。",
        [("雙晟", "revenue", 4.5e9, "TWD", None)],
    ),
    # a number before 兆 is an amount, not a version glued to the word before it
    (
        "受惠AI伺服器出貨，代工大廠星創（3299）第3季營收5678億元、前9月營收1.46兆元。",
        [("星創", "revenue", 5.678e11, "TWD", None), ("星創", "revenue", 1.46e12, "TWD", None)],
    ),
    # ... and in a Hong Kong article it is HKD
    (
        "這家港股上市的AI公司市值達到500億元，成為香港恒生科技指數的新成員，"
        "公司名為智算雲（2513.HK）。智算雲去年收入為12億元。",
        # (the index "恒生科技指數" is no firm: the article's topic is the listed company)
        [("智算雲", "market_cap", 5e10, "HKD", None), ("智算雲", "revenue", 1.2e9, "HKD", None)],
    ),
    # ... but a mainland article converted to traditional script keeps the yuan: its
    # market and reporting words (科創板, 同比, 歸母) outnumber the places'
    (
        "科創板上市的AI公司智算雲（688123）去年營收8.2億元，同比增長31%；歸母淨利潤為-3.1億元，"
        "虧損同比收窄。",
        [("智算雲", "revenue", 8.2e8, "CNY", None), ("智算雲", "net_loss", 3.1e8, "CNY", None)],
    ),
    # ... and so does one telling a mainland firm's results from Hong Kong, when its
    # mainland words are as many as Hong Kong's (科創板, 同比 against 港股, 港交所)
    (
        "科創板AI晶片公司星算芯（688321）擬再赴港股上市，去年營收12億元，同比增長40%，"
        "招股書已遞交港交所。",
        [("星算芯", "revenue", 1.2e9, "CNY", None)],
    ),
    # a currency declared for what follows (美元‧下同) holds for the bare 元 of its
    # sentence and after; a figure's word before 報 reports it, no share price is quoted
    (
        "寒武紀第三季營業收入報25.5億元(美元‧下同)，按年增長80%。"
        "寒武紀預計第四季營業收入約為30億元。",
        [
            ("Cambricon", "revenue", 2.55e9, "USD", None),
            ("Cambricon", "revenue", 3e9, "USD", None),
        ],
    ),
    # ... while a bare 報 before an amount still quotes a share price
    (
        "寒武紀收市報25.5元，市值為120億美元。",
        [("Cambricon", "market_cap", 1.2e10, "USD", None)],
    ),
    # an edition word in small letters (or after a hyphen) is part of the model's name
    (
        "新模型Orion-4 mini的输入价格为15美分/百万tokens，Orion-4 Flash-Lite为10美分/百万tokens。",
        [
            ("Orion-4 mini", "api_price", 0.15, "USD/Mtok", "input"),
            ("Orion-4 Flash-Lite", "api_price", 0.1, "USD/Mtok", "input"),
        ],
    ),
    (
        "DeepSeek-V3 lite的参数为160亿。",
        [("DeepSeek-V3 lite", "parameters", 1.6e10, "params", None)],
    ),
    # an investor subscribing through its vehicle puts money into the firm that raises it
    (
        "地平线机器人IPO引入基石投资者，其中阿里巴巴(09988.HK)"
        "通过Alisoft China Holding认购5000万美元的发售股份。",
        [("Horizon Robotics", "funding", 5e7, "USD", None)],
    ),
    # a list's items take their metric from the line that introduces the list, a
    # benchmark named by its shape ("-bench")
    (
        "两者在编程基准测试上表现各异。\nCode-bench测试(命令行操作能力):\n"
        "- Orion-5: 43.2%\n- Orion-4: 35.5%\n两者差距明显。",
        [
            ("Orion-5", "benchmark_score", 43.2, "%", None),
            ("Orion-4", "benchmark_score", 35.5, "%", None),
        ],
    ),
    # a year in brackets after a report's title names no company
    ("《智算产业发展研究报告(2024)》显示，国内市场规模达到2000亿元。", []),
    # a listed company's tail word joins its name unless the stem is known
    (
        "主要股東為騰訊控股(0700)，其AI業務收入達到50億港元。",
        [("Tencent", "revenue", 5e9, "HKD", None)],
    ),
    # losses, operating costs, output, downloads, daily tokens
    (
        "寒武纪去年净亏损8.5亿元，运营成本为3.2亿元。",
        [
            ("Cambricon", "net_loss", 8.5e8, "CNY", None),
            ("Cambricon", "operating_cost", 3.2e8, "CNY", None),
        ],
    ),
    (
        "华为今年昇腾芯片的出货量预计达到40万颗。",
        [("Huawei", "chip_output", 4e5, "count", None)],
    ),
    (
        "DeepSeek应用的日下载量一度突破388万。",
        [("DeepSeek", "download_count", 3.88e6, "count", None)],
    ),
    (
        "豆包大模型日均Tokens调用量已突破30万亿。",
        [("Doubao", "daily_tokens", 3e13, "tokens", None)],
    ),
    # a model's daily calls are its daily tokens (as the press reports them) ...
    (
        "豆包今年增长很快。截至今年9月，该大模型的日均调用量已突破40万亿次。",
        [("Doubao", "daily_tokens", 4e13, "tokens", None)],
    ),
    # ... but a service's calls a day are no tokens
    ("豆包的搜索接口日均调用量超过15亿次。", []),
    # a move of the share price is no claim, whatever share (份额) the sentence names
    ("MI300X是AMD抢友商AI份额的大杀器，然而发布之后，AMD股价跌了3.6%。", []),
    # firms of the AI supply chain and its customers are known names (拼多多 is PDD); the
    # average cost of a hire (人才成本平均…) is pay
    (
        "发力大模型的拼多多也开始招兵买马，大模型职位年薪最高将近130万元。",
        [("PDD", "annual_compensation", 1.3e6, "CNY", "max")],
    ),
    (
        "vivo副总裁称，vivo大模型团队的人才成本平均税后为100万元。",
        [("vivo", "annual_compensation", 1e6, "CNY", "mean")],
    ),
    # a multiple of growth is no speed-up; an IPO's gain per winning lot is no profit
    (
        "OpenAI宣布，ChatGPT本周即将达到每周7亿活跃用户，较去年同期增长超过四倍，用户增长呈现加速态势。",
        [("ChatGPT", "user_count", 7e8, "count", None)],
    ),
    ("按今日沐曦股份开盘价计算，中一签盈利可达29.77万元。", []),
    # chips ordered by the piece are a GPU count; servers bought by 台 are not chips
    (
        "字节跳动2025年订单20万颗，主要用于AI算力卡的部署。",
        [("ByteDance", "gpu_count", 2e5, "count", None)],
    ),
    ("某公司采购了100台搭载H20芯片的服务器。", []),
    # names listed together with a word handing the figure to each (均, 都, 各): a claim
    # for each of them; investors' shares (各投入) stay the round's
    (
        "DeepSeek-V3和Qwen2.5-Max均采用了混合专家架构，两者的上下文长度均为128K。",
        [
            ("DeepSeek-V3", "context_length", 128000.0, "tokens", None),
            ("Qwen2.5-Max", "context_length", 128000.0, "tokens", None),
        ],
    ),
    (
        "OpenAI和Anthropic的估值都超过了1000亿美元。",
        [
            ("OpenAI", "valuation", 1e11, "USD", None),
            ("Anthropic", "valuation", 1e11, "USD", None),
        ],
    ),
    # a counted group the article never lists, and groups of a kind, are named as written
    (
        "受AI算力需求推动，全球前三大云厂商今年的资本支出合计将超过2000亿美元。",
        [("全球前三大云厂商", "capex", 2e11, "USD", None)],
    ),
    # hyperscalers named as a kind are a group subject
    (
        "分析师预计，明年超大规模企业资本支出将增长24%至近5500亿美元，英伟达将受益。",
        [("超大规模企业", "capex", 5.5e11, "USD", None)],
    ),
    # a group described by its leading members ("主要…业者") sums a figure too
    (
        "AI芯片需求强劲，全球主要半导体业者今年合计营收将超过5000亿美元。",
        [("全球主要半导体业者", "revenue", 5e11, "USD", None)],
    ),
    (
        "在这次大模型评测中，国内模型的平均成绩为65.9分，国外模型为69.4分。",
        [
            ("国内模型", "benchmark_score", 65.9, "points", None),
            ("国外模型", "benchmark_score", 69.4, "points", None),
        ],
    ),
    # a word after another figure is that nearer figure's, unless the two are set against
    # each other (A VS B(周活))
    (
        "GLM-4.5从 355 B 中使用 32 B 活跃参数。",
        [("GLM-4.5", "active_parameters", 3.2e10, "params", None)],
    ),
    (
        "截至三季度，豆包已确立领先优势：1.55亿 VS 8156万(周活)。",
        [("Doubao", "user_count", 1.55e8, "count", None)],
    ),
    # a score or a share past 100 % is a misread (a table's cells run together); a margin
    # on cost may pass 100 %
    ("在基准测试中，GLM-4.5在MATH 50098.2 %的成绩领先。", []),
    ("DeepSeek称其理论成本利润率为545%。", [("DeepSeek", "profit_margin", 545.0, "%", None)]),
    # a package's dies (parts named as such, or counted beside its interposer) are no GPUs
    (
        "AMD发布MI300X加速卡\nAMD表示，MI300X的中介层总共包括28个芯片，其中包括4个有源芯片，"
        "每个有源芯片都有2个计算芯片。",
        [],
    ),
    (
        "xAI的Colossus集群部署了10万块H100芯片。",
        [("Colossus", "gpu_count", 1e5, "count", "H100")],
    ),
    # a link's bandwidth named right after the figure is no memory bandwidth
    ("昇腾910C通过3D封装实现500GB/s片间互联，良率提升至40%。", []),
    (
        "H200的HBM3e显存带宽为4.8TB/s，NVLink互联带宽为900GB/s。",
        [("H200", "memory_bandwidth", 4800.0, "GB/s", None)],
    ),
    # a change in points said by its direction alone (向上, as translated statements put it)
    # is no level
    (
        "英伟达本季毛利率为76.0%，较上季向上 2.0 个百分点。",
        [("NVIDIA", "profit_margin", 76.0, "%", None)],
    ),
    # pay without 元 is in the article's currency (年薪50万, 待遇在150-200w); a bracketed
    # 现金 says how it is paid, it is no cash holding
    (
        "字节跳动为顶尖AI人才开出的年薪50万起步，待遇在150-200w(现金)。",
        [
            ("ByteDance", "annual_compensation", 5e5, "CNY", None),
            ("ByteDance", "annual_compensation", 1.5e6, "CNY", None),
        ],
    ),
    ("截至去年底，智谱AI账上有76亿元现金。", []),
    # a product named right after 大模型 is a model where it stands: "该模型" takes it
    (
        "月之暗面今天发布了开源大模型 Kimi K3。该模型的预训练数据达到20万亿token。",
        [("Kimi K3", "training_tokens", 2e13, "tokens", None)],
    ),
    # monthly active users
    ("Kimi的月活一度高达3600万。", [("Kimi", "user_count", 3.6e7, "count", None)]),
    # the number comes first and describes the name after 的
    (
        "该系列包含80亿参数规模的Llama3.1-8B和700亿参数规模的Llama3.1-70B。",
        [
            ("Llama3.1-8B", "parameters", 8e9, "params", None),
            ("Llama3.1-70B", "parameters", 7e10, "params", None),
        ],
    ),
    # ... or right after the word for a model, without 的; the firm named first is not it
    (
        "快手今天开源 32B 参数模型 Orion-Dev-32B。",
        [("Orion-Dev-32B", "parameters", 3.2e10, "params", None)],
    ),
    # no name before the number: the one right after it
    (
        "凭借1.2万亿参数，Kimi K2登上了开源榜首。",
        [("Kimi K2", "parameters", 1.2e12, "params", None)],
    ),
    # ... unless that name has a figure of its own in its clause: the article's topic
    # (the headline's) has the first; a score reached in a named benchmark test
    (
        "Orion-5 問世\n• 在 OSWorld 基准测试达到 61.4%，领先对手，四个月前 Orion-4 仅为 42.2%。",
        [("Orion-5", "benchmark_score", 61.4, "%", None)],
    ),
    # a figure in brackets after a name is that name's
    (
        "HBM市场份额方面，三星落后于SK海力士(62%)和美光(21%)。",
        [
            ("SK Hynix", "market_share", 62.0, "%", None),
            ("Micron", "market_share", 21.0, "%", None),
        ],
    ),
    # a nickname in quotation marks is a likeness, not the topic
    (
        "被誉为“中国版英伟达”的GPU企业摩尔线程启动上市，计划募资80亿元。",
        [("Moore Threads", "funding", 8e9, "CNY", None)],
    ),
    # investors listed with 等 are not what the next sentence is about
    (
        "摩尔线程成立于2020年。投资方包括红杉中国、腾讯、字节跳动等机构。"
        "财务数据显示，公司2024年营业收入为4.38亿元。",
        [("Moore Threads", "revenue", 4.38e8, "CNY", None)],
    ),
    # a share price, even with its currency declared for what follows, is no funding;
    # the declared currency holds for the 元 after it
    (
        "摩爾線程的AI晶片發行價為每股人民幣(下同)114.28元，預計募集資金總額80億元，台股關注。",
        [("Moore Threads", "funding", 8e9, "CNY", None)],
    ),
    # a share price near 市值 is no market value
    (
        "摩尔线程股价盘中最高触及688元，市值一度超过2700亿元。",
        [("Moore Threads", "market_cap", 2.7e11, "CNY", None)],
    ),
    # (an amount no one's pay can be: the firm's revenue)
    ("OpenAI今年的年收入将突破200亿美元。", [("OpenAI", "revenue", 2e10, "USD", None)]),
    # a negative profit is a loss
    ("寒武纪2024年净利润为-3.46亿元。", [("Cambricon", "net_loss", 3.46e8, "CNY", None)]),
    # 令牌 is a token: a price per million of them
    (
        "Kimi K2每百万输入令牌 0.15 美元，每百万输出令牌 2.50 美元。",
        [
            ("Kimi K2", "api_price", 0.15, "USD/Mtok", "input"),
            ("Kimi K2", "api_price", 2.5, "USD/Mtok", "output"),
        ],
    ),
    # the currency a page declares for what follows, inside the brackets
    (
        "寒武纪的净亏损约為1.22億元(人民幣,下同)，台股AI概念股同步走高。",
        [("Cambricon", "net_loss", 1.22e8, "CNY", None)],
    ),
    # a market value lost is no market value
    ("輝達股價驟跌17%，市值狂瀉5890億美元。", []),
    # CAPEX spelled in Latin letters
    (
        "Meta 年 CAPEX 上调至 720 亿美元，强化 AI 基础设施。",
        [("Meta", "capex", 7.2e10, "USD", None)],
    ),
    # a short name the article declares for a firm it named in full
    (
        "星辰智算科技股份有限公司（以下简称“星辰智算”，688999.SH）今日登陆科创板。"
        "招股书显示，星辰智算2024年营业收入为6.2亿元，主要来自AI芯片销售。",
        [("星辰智算", "revenue", 6.2e8, "CNY", None)],
    ),
    # ... but a period declared the same way names no one
    (
        "2023年至2025年（以下简称“报告期”），公司AI芯片业务发展迅速。报告期营业收入合计达到10亿元。",
        [],
    ),
    # a figure summed over names listed together is the group's
    (
        "微软和谷歌今年在AI数据中心上的资本开支合计将超过1500亿美元。",
        [("Microsoft, Google", "capex", 1.5e11, "USD", None)],
    ),
    # three or more names leading the clause together: the group's figure
    (
        "亚马逊、谷歌、微软和Meta宣布今年资本支出将达到6600亿美元，用于AI数据中心。",
        [("Amazon, Google, Microsoft, Meta", "capex", 6.6e11, "USD", None)],
    ),
    # a counted group noun stands for the names the article listed that many of
    (
        "微软、谷歌和亚马逊都在扩建AI算力。这三家公司今年资本支出将超过2000亿美元。",
        [("Microsoft, Google, Amazon", "capex", 2e11, "USD", None)],
    ),
    # ... also when a member carries a gloss in brackets, and "N大X巨头" names no firm
    (
        "三大云巨头——亚马逊、Alphabet（谷歌母公司）和微软——都在扩建AI算力。"
        "三家公司的资本开支合计约4200亿美元。",
        [("Amazon, Google, Microsoft", "capex", 4.2e11, "USD", None)],
    ),
    # ... but 分别 hands each figure to its own name, in order
    (
        "谷歌和微软都在扩建AI算力，两家公司今年的资本开支分别为850亿美元和800亿美元。",
        [("Google", "capex", 8.5e10, "USD", None), ("Microsoft", "capex", 8e10, "USD", None)],
    ),
    # an edition in lower case, and one opening the next sentence, take the product before
    (
        "字节的豆包大模型推出 pro-128k 版，推理输入价格为 0.005 元/千 tokens。"
        "mini 版为 0.0002 元/千 tokens。",
        [
            ("Doubao pro-128k", "api_price", 5.0, "CNY/Mtok", "input"),
            ("Doubao mini", "api_price", 0.2, "CNY/Mtok", None),
        ],
    ),
    # a model a release is said to approach is a comparator, not the subject
    (
        "某公司推出 Nova-2 模型，性能逼近 GPT-4o，API 价格每百万 tokens 输入 3 元。",
        [("Nova-2", "api_price", 3.0, "CNY/Mtok", "input")],
    ),
    # a round amount after a money word is in the article's currency
    (
        "做大模型的创业公司深言科技，最新估值200亿，成为行业新晋独角兽。",
        [("深言科技", "valuation", 2e10, "CNY", None)],
    ),
    # ... unless the article writes that amount with its currency elsewhere
    (
        "深言科技上市首日市值超200亿\n深言科技在港交所挂牌，首日市值突破200亿港元，成为AI新贵。",
        [
            ("深言科技", "market_cap", 2e10, "HKD", None),
            ("深言科技", "market_cap", 2e10, "HKD", None),
        ],
    ),
    # a currency noted after the first amount (人民幣,下同) holds for it and what follows,
    # even in a Hong Kong article; a descriptor before 公司 (製藥公司) is no name
    (
        "港股新股：內地AI製藥公司晶元科技遞表，集團於2022年至2024年錄得虧損淨額分別約為"
        "1.5億元(人民幣,下同)、2.4億元。香港投資者關注。",
        [
            ("晶元科技", "net_loss", 1.5e8, "CNY", None),
            ("晶元科技", "net_loss", 2.4e8, "CNY", None),
        ],
    ),
    # ... and for the amounts of its sentence written before it; 本港 writes from Hong Kong
    (
        "於本港上市的AI企業晶元科技上半年收入按年增30%至12.5億元；經調整虧損淨額3.1億元"
        "（人民幣，下同）。",
        [
            ("晶元科技", "revenue", 1.25e9, "CNY", None),
            ("晶元科技", "net_loss", 3.1e8, "CNY", None),
        ],
    ),
    # a listed company's name ends in 股份
    (
        "国产GPU企业星河股份今日上市，星河股份2024年营业收入为9.3亿元，主要来自AI芯片。",
        [("星河股份", "revenue", 9.3e8, "CNY", None)],
    ),
    # a benchmark's total in points (N分); a gap between two scores is none
    (
        "在年度中文大模型基准测评中，Nova-2 总分 88.5 分，位居榜首，与第二名有 6.2 分的差距。",
        [("Nova-2", "benchmark_score", 88.5, "points", None)],
    ),
    # a person's 身价 is their net worth, beside the firm's market value
    (
        "星辰科技创始人张明的身价增至120亿美元，星辰科技市值达到800亿美元，位居AI芯片股前列。",
        [
            ("张明", "net_worth", 1.2e10, "USD", None),
            ("星辰科技", "market_cap", 8e10, "USD", None),
        ],
    ),
    # a Chinese versioned name keeps its hyphenated edition
    (
        "阿里云发布通义千问3.5-14B-Instruct模型，该模型以140亿参数实现了长文本处理。",
        [("Qwen3.5-14B-Instruct", "parameters", 1.4e10, "params", None)],
    ),
    # a cue right after one number describes that number, not the next
    (
        "据统计，豆包以1.59亿月活用户和3447万月均下载量，成为AI助手市场的双料冠军。",
        [
            ("Doubao", "user_count", 1.59e8, "count", None),
            ("Doubao", "download_count", 3.447e7, "count", None),
        ],
    ),
    # a figure dropped (a loss of worth) takes its bracketed conversion with it
    (
        "受AI芯片股下跌拖累，星辰科技市值蒸发300亿美元（约合人民币2100亿元），"
        "公司去年营收为80亿美元（约合人民币560亿元）。",
        [("星辰科技", "revenue", 8e9, "USD", None), ("星辰科技", "revenue", 5.6e10, "CNY", None)],
    ),
    # the architecture a chip is built on (采用X架构) is not the chip
    (
        "英伟达H30芯片采用Blackwell架构，配备141GB显存，FP16算力达到900 TFLOPS。",
        [
            ("H30", "memory_capacity", 141.0, "GB", None),
            ("H30", "compute_performance", 9e14, "FLOPS", None),
        ],
    ),
    # a business segment's amount is its revenue
    (
        "星辰科技发布AI芯片财报。其中云计算和汽车业务分别为7.6亿美元和5.9亿美元。",
        [("星辰科技", "revenue", 7.6e8, "USD", None), ("星辰科技", "revenue", 5.9e8, "USD", None)],
    ),
    # a size of the kind of model a chip runs is no model's; a named model's stays, and a
    # model said to be N times another is measured against it
    (
        "星辰X1加速卡容量达到192GB，单卡就可以运行400亿参数大模型。"
        "Nova-3的规模是Nova-2的10倍，拥有1.2万亿参数。Nova-2是一个1200亿参数的模型。",
        [
            ("Nova-3", "parameters", 1.2e12, "params", None),
            ("Nova-2", "parameters", 1.2e11, "params", None),
        ],
    ),
    # a firm leading a round (主导的) is its investor
    (
        "星辰智能上周完成80亿美元AI融资。这笔投资是软银主导的400亿美元超大规模融资的一部分。",
        [("星辰智能", "funding", 8e9, "USD", None), ("星辰智能", "funding", 4e10, "USD", None)],
    ),
    # a cue right before a later number is that number's, not the earlier one's
    (
        "Nova-3是一种混合专家模型，拥有1万亿参数及32亿激活参数。",
        [
            ("Nova-3", "parameters", 1e12, "params", None),
            ("Nova-3", "active_parameters", 3.2e9, "params", None),
        ],
    ),
    # an amount of change is no level; the level a change reaches is
    (
        "星辰科技市值单日暴增1130亿美元，市值增至3.3万亿美元，AI芯片营收较上年同期增加80亿美元。",
        [("星辰科技", "market_cap", 3.3e12, "USD", None)],
    ),
    # a numbered successor of a known product is a product (power fits it)
    (
        "xAI的AI训练集群Colossus 2刚突破1GW门槛，目标是2GW。",
        [("Colossus 2", "power", 1e9, "W", None), ("Colossus 2", "power", 2e9, "W", None)],
    ),
    # gigabytes of a chip are its memory, with no word to say so
    (
        "AMD面向AI训练的加速卡包括MI250X(128 GB)和MI300X(192 GB)。",
        [
            ("MI250X", "memory_capacity", 128.0, "GB", None),
            ("MI300X", "memory_capacity", 192.0, "GB", None),
        ],
    ),
    # a chip named inside the unit of GPU hours does not make the figure part of a name
    (
        "Nova-3的训练效率很高，仅需278.8万H800 GPU小时完成训练。",
        [("Nova-3", "training_gpu_hours", 2.788e6, "gpu_hours", None)],
    ),
    # a family's name, a space and a dotted version name that version
    (
        "在年度中文大模型基准测评中，通义千问 2.5 总分 80.5 分。",
        [("Qwen2.5", "benchmark_score", 80.5, "points", None)],
    ),
    # time taken, in a sentence about training, is the training's duration
    (
        "Nova-3的预训练阶段使用了约266.4万GPU小时，耗时约55天。",
        [
            ("Nova-3", "training_gpu_hours", 2.664e6, "gpu_hours", None),
            ("Nova-3", "training_duration", 55.0, "days", None),
        ],
    ),
    # chips made are output, not a GPU count; a day's trading and money lost are no claims
    (
        "星辰科技预计将生产出65万颗星辰X1 AI芯片。星辰科技当日成交额153亿元，"
        "另有高达80亿美元的潜在收入损失。",
        [("星辰科技", "chip_output", 6.5e5, "count", None)],
    ),
    # a maker's name and capitalised words name its product (not "Counterpoint Research",
    # not "NVIDIA GPU")
    (
        "谷歌表示，AI搜索功能Google AI Mode已拥有7500万每日活跃用户。"
        "据Counterpoint Research统计，NVIDIA GPU的AI芯片市场份额达到80%。",
        [
            ("Google AI Mode", "user_count", 7.5e7, "count", None),
            ("NVIDIA", "market_share", 80.0, "%", None),
        ],
    ),
    # ... and with a number, even a generic word makes a product line
    (
        "本地部署AI大模型，推荐NVIDIA RTX 4090(24GB显存)。",
        [("NVIDIA RTX 4090", "memory_capacity", 24.0, "GB", None)],
    ),
    # a Latin name right after the word for what it is: a firm after 平台, a product after 工具
    (
        "AI人才争夺战升温，在线约会平台Lumen正在招聘AI部门副总裁，开出年薪33万美元。"
        "OpenAI表示，旗下编程代理工具 Quill 每周用户约160万。",
        [
            ("Lumen", "annual_compensation", 3.3e5, "USD", None),
            ("Quill", "user_count", 1.6e6, "count", None),
        ],
    ),
    # an amount that names the figure as such restates the last claim, a line after it
    (
        "星辰智能计划筹集100亿美元。\n一旦完成，星辰智能的估值将升至800亿美元。\n"
        "而两天前，这一数字还停留在500亿美元。",
        [
            ("星辰智能", "funding", 1e10, "USD", None),
            ("星辰智能", "valuation", 8e10, "USD", None),
            ("星辰智能", "valuation", 5e10, "USD", None),
        ],
    ),
    # a Latin word the article keeps naming is an actor, though the gazetteer lacks it ...
    (
        "AI智能体新星Lumina宣布迁往新加坡。Lumina在4月获得7500万美元B轮融资，"
        "估值触及5亿美元。业内认为Lumina的出海之路并不平坦。",
        [
            ("Lumina", "funding", 7.5e7, "USD", None),
            ("Lumina", "valuation", 5e8, "USD", None),
        ],
    ),
    # ... but not an event or a part it names again and again
    (
        "在年度 DevDay 大会上，OpenAI宣布ChatGPT每周活跃用户达到8亿。DevDay 大会还发布了新模型。"
        "外界关注 DevDay 大会的更多消息。",
        [("ChatGPT", "user_count", 8e8, "count", None)],
    ),
    # a person named after a title is that person wherever else the name stands, and a
    # figure of theirs in an article about AI is a claim
    (
        "作为大模型创业公司，星辰智能的AI产品广受关注。最大受益者是公司创始人张明。"
        "张明持有星辰智能约25%的股权。以当前市值测算，其持股财富约为258亿元。",
        [("张明", "net_worth", 2.58e10, "CNY", None)],
    ),
    # money raised is funding; what part of it goes to (用于) is not
    (
        "星辰科技本次拟募资50亿元，其中30亿元用于投资AI芯片研发项目。",
        [("星辰科技", "funding", 5e9, "CNY", None)],
    ),
    # a chip maker counting its own chips speaks of the chips, or of the system they make up
    (
        "英伟达表示，训练一个万亿参数的模型过去需要9000个Hopper GPU。",
        [("Hopper", "gpu_count", 9000, "count", "Hopper")],
    ),
    (
        "英伟达用72颗Blackwell GPU组合成一台GB200 NVL72机柜。",
        [("GB200 NVL72", "gpu_count", 72, "count", "Blackwell")],
    ),
    # ... while the GPUs a firm uses stay that firm's
    (
        "xAI的超算连接了10万块英伟达H100 GPU。",
        [("xAI", "gpu_count", 1e5, "count", "H100")],
    ),
    # a counted group the article never lists by name is nobody's in particular
    (
        "星辰科技今日上市。星辰科技是一家AI公司。在港股上市的15家AI公司累计募资超过800亿港元。",
        [],
    ),
    # money put in, however it is named: a bare amount before 投资 is yuan, 国资 and
    # 集资额 are funding, and the names of a 由 phrase are the investors
    (
        "星辰智能今年频频融资。4月，星辰智能拿下了某产业基金的3亿追加投资。",
        [("星辰智能", "funding", 3e8, "CNY", None)],
    ),
    (
        "星辰智能再获由远景创投集团和海港集团的12亿元战略投资。",
        [("星辰智能", "funding", 1.2e9, "CNY", None)],
    ),
    ("星辰智能今年在三地签下15亿元国资。", [("星辰智能", "funding", 1.5e9, "CNY", None)]),
    (
        "星辰智能正与投行讨论以约4亿美元集资额赴港上市。",
        [("星辰智能", "funding", 4e8, "USD", None)],
    ),
    ("星辰智能的新模型有3亿用户投资理财。", [("星辰智能", "user_count", 3e8, "count", None)]),
    # a change from one figure to another: both are the same claim's
    (
        "豆包的付费用户数量从3月的120万增长至260万。",
        [
            ("Doubao", "user_count", 1.2e6, "count", None),
            ("Doubao", "user_count", 2.6e6, "count", None),
        ],
    ),
    (
        "数据显示，Kimi月活从一季度的1800万环比下降约20%至1440万。",
        [
            ("Kimi", "user_count", 1.8e7, "count", None),
            ("Kimi", "user_count", 1.44e7, "count", None),
        ],
    ),
    # ... or a count that later grew ("随后又翻倍至")
    (
        "Colossus集群在122天内完成首批10万块H100的部署，随后92天内又翻倍至20万块。",
        [
            ("Colossus", "gpu_count", 1e5, "count", "H100"),
            ("Colossus", "gpu_count", 2e5, "count", "H100"),
        ],
    ),
    # ... or the earlier figure a claim is compared with ("较2024年的60亿美元")
    (
        "OpenAI披露，2025年年度经常性营收突破200亿美元，较2024年的60亿美元大幅成长，"
        "但与同等市值的上市企业相比仍有差距。",
        [("OpenAI", "revenue", 2e10, "USD", None), ("OpenAI", "revenue", 6e9, "USD", None)],
    ),
    # ... a month's figure too ("相较于3月的1.94亿")
    (
        "5月，DeepSeek移动端月活跃用户规模为1.69亿，相较于3月的1.94亿规模有所回落。",
        [
            ("DeepSeek", "user_count", 1.69e8, "count", None),
            ("DeepSeek", "user_count", 1.94e8, "count", None),
        ],
    ),
    # ... or a part of it ("其中")
    (
        "Stargate计划在未来四年内向美国AI基础设施投资5000亿美元，其中1000亿美元立即启动。",
        [("Stargate", "capex", 5e11, "USD", None), ("Stargate", "capex", 1e11, "USD", None)],
    ),
    # ... but not a figure of the next clause
    (
        "Llama 3.1的上下文窗口从8K扩展到128K，支持的语言也增加到8种。",
        [
            ("Llama 3.1", "context_length", 8000, "tokens", None),
            ("Llama 3.1", "context_length", 128000, "tokens", None),
        ],
    ),
    # the compute of a training run as a bare count of operations
    (
        "据估算，训练GPT-4的FLOPs约为2.1e25。",
        [("GPT-4", "training_compute", 2.1e25, "FLOP", None)],
    ),
    ("该芯片的FLOPS约为2000。", []),
    # a firm's figure about a model (the GPUs of its training, its size) is its one
    # model's, when the article names just one of its family ...
    (
        "DeepSeek发布了DeepSeek V3。DeepSeek的训练集群使用了2048张H800 GPU。",
        [("DeepSeek-V3", "gpu_count", 2048, "count", "H800")],
    ),
    # ... and stays the firm's when it names two
    (
        "DeepSeek先后发布了DeepSeek V3和DeepSeek R1。DeepSeek的训练集群使用了2048张H800 GPU。",
        [("DeepSeek", "gpu_count", 2048, "count", "H800")],
    ),
    # a firm named as what drives the figure (带动, 受益于) is not the one reporting it
    (
        "广达受惠云端需求强劲，带动英伟达服务器GB200出货畅旺，公告9月营收1841亿元。",
        [("Quanta", "revenue", 1.841e11, "CNY", None)],
    ),
    (
        "受益于英伟达的强劲需求，台积电第三季营收达到7597亿元。",
        [("TSMC", "revenue", 7.597e11, "CNY", None)],
    ),
    (
        "英伟达带动AI服务器出货，公布第三季营收351亿美元。",
        [("NVIDIA", "revenue", 3.51e10, "USD", None)],
    ),
    # a family named as what a model is one of ("作为X系列中的…") is not the model
    (
        "阿里发布的Qwen2.5-7B-Instruct模型引起了广泛关注。作为Qwen2.5系列中的指令微调版本，"
        "该模型以70亿参数实现了多项超越同级的表现。",
        [("Qwen2.5-7B-Instruct", "parameters", 7e9, "params", None)],
    ),
    # a bare number right after a word of scoring is points; a name tested on
    # ("在X上得分") is the benchmark, not the model
    (
        "在12项基准测试中，GLM-4.5取得总体得分63.2，全球排名第三。",
        [("GLM-4.5", "benchmark_score", 63.2, "points", None)],
    ),
    (
        "在阿里公布的评测中，Qwen2.5-Max在Arena-Hard上得分89.4。",
        [("Qwen2.5-Max", "benchmark_score", 89.4, "points", None)],
    ),
    ("星辰智能在上海上市后市值达到300亿元。", [("星辰智能", "market_cap", 3e10, "CNY", None)]),
    # an investor's share of a round just reported is the raising firm's funding ...
    (
        "星辰智能完成新一轮融资，总额达20亿美元。本轮融资中，红杉与高瓴各投入5亿美元，腾讯则出资3亿美元。",
        [
            ("星辰智能", "funding", 2e9, "USD", None),
            ("星辰智能", "funding", 5e8, "USD", None),
            ("星辰智能", "funding", 3e8, "USD", None),
        ],
    ),
    (
        "OpenAI正式官宣完成资本结构重组，软银主导豪掷约410亿美元、押注AI未来。",
        [("SoftBank", "funding", 4.1e10, "USD", None)],
    ),
    # a firm that joins a round (入局) is an investor, not the one valued
    (
        "月之暗面完成新一轮融资，腾讯入局，估值达33亿美元。",
        [("Moonshot AI", "valuation", 3.3e9, "USD", None)],
    ),
    # ... while money put into another firm stays that firm's
    (
        "星辰智能完成新一轮融资，总额达20亿美元。另一家巨头谷歌也同意向Anthropic投资2亿美元。",
        [("星辰智能", "funding", 2e9, "USD", None), ("Anthropic", "funding", 2e8, "USD", None)],
    ),
    # market shares of devices shipped by the unit, in a text not about AI, are no claims
    ("第一名华为以4150万台的出货量称霸国内市场，占据了42%的市场份额。", []),
    # a family's parameter count is its one member of that size the article names
    (
        "阿里开源了Qwen2.5-7B-Instruct和Qwen2.5-72B-Instruct。测评显示，Qwen2.5以720亿参数领先。",
        [("Qwen2.5-72B-Instruct", "parameters", 7.2e10, "params", None)],
    ),
    # raised money parked or spent is no money raised
    (
        "星辰科技是一家AI芯片公司，登陆科创板，募资净额为38.99亿元，29亿元的理财额度占募资净额比例约74.4%。"
        "公司拟使用不超过12亿元的闲置募集资金进行现金管理。",
        [("星辰科技", "funding", 3.899e9, "CNY", None)],
    ),
    ("星辰科技是一家AI芯片公司，其募投项目中，新型GPU研发项目拟投入24.59亿元。", []),
    # the size of a whole market is no one firm's figure
    (
        "英伟达是AI芯片龙头，AI芯片市场规模今年将达到4000亿美元，英伟达营收为1300亿美元。",
        [("NVIDIA", "revenue", 1.3e11, "USD", None)],
    ),
    # a bracketed gloss (EPS) breaks no clause: the per-share figure stays no claim
    (
        "广达是AI服务器大厂，其税后净利高达120.7亿元，每股盈余(EPS)为3.13元。",
        [("Quanta", "profit", 1.207e10, "CNY", None)],
    ),
    # what a stake is worth is no valuation of the firm
    (
        "基金会持有的这部分股权，按OpenAI当前约5000亿美元估值，计算价值约1300亿美元。",
        [("OpenAI", "valuation", 5e11, "USD", None)],
    ),
    # money for infrastructure named after the amount is capex; an amount followed by
    # 投资 in a sentence that merely mentions infrastructure is an investment
    (
        "阿里巴巴正积极推动3800亿元人民币的AI基础设施建设。",
        [("Alibaba", "capex", 3.8e11, "CNY", None)],
    ),
    (
        "若软银此次300亿美元投资最终落地，也将为OpenAI的基础设施建设注入动力。",
        [("SoftBank", "funding", 3e10, "USD", None)],
    ),
    # a name a figure is levelled with (和X拉平) is a comparison, not the figure's owner
    (
        "MiniMax开源了MiniMax-M1。而且一次性把上下文窗口撑到 1 M，"
        "直接和当前的上下文之王Gemini拉平。",
        [("MiniMax-M1", "context_length", 1e6, "tokens", None)],
    ),
    # a MiniMax model named by its version alone, and what it costs to run for an hour
    (
        "MiniMax转向MoE架构。其最新发布的旗舰编程模型M2.5，连续工作一小时的成本仅为1美元。",
        [("MiniMax-M2.5", "inference_cost", 1, "USD", None)],
    ),
    # cash held and money put up to subscribe an IPO are no money raised or spent
    (
        "OpenAI获得大笔融资，截至去年底有76亿美元现金，今年运算支出将达160亿美元。",
        [("OpenAI", "operating_cost", 1.6e10, "USD", None)],
    ),
    ("MiniMax港股IPO孖展金额(融资保证金)超2533亿港元，公开发售超额认购1209倍。", []),
    # investing in a sentence about capital spending is capex
    ("谷歌CAPEX大增7成，全年投资上看850亿美元。", [("Google", "capex", 8.5e10, "USD", None)]),
    # a link's bandwidth is no memory bandwidth
    (
        "H20采用Hopper架构，芯片显存带宽达4.0 TB/s，NVLink互联技术达900GB/s。",
        [("H20", "memory_bandwidth", 4000, "GB/s", None)],
    ),
    # a count of versions is no parameter count
    (
        "Llama3.1系列模型包含3个不同参数规模的版本，分别是80亿参数规模的Llama3.1-8B和700亿参数规模的Llama3.1-70B。",
        [
            ("Llama3.1-8B", "parameters", 8e9, "params", None),
            ("Llama3.1-70B", "parameters", 7e10, "params", None),
        ],
    ),
    # a cue counted by the number before it ("万次下载") is that number's alone
    (
        "Qwen模型使阿里巴巴在开源生态中领先，目前已有超过2000万次下载和10万个衍生模型。",
        [("Alibaba", "download_count", 2e7, "count", None)],
    ),
    # a firm's own price cut
    (
        "如此激烈的竞争之下，阿里云也于今日发布了主力模型Qwen-Long，"
        "API输入价格从0.02元/千tokens降至0.0005元/千tokens，直降97%。",
        [
            ("Qwen-Long", "api_price", 20, "CNY/Mtok", "input"),
            ("Qwen-Long", "api_price", 0.5, "CNY/Mtok", "input"),
            ("Qwen-Long", "cost_reduction", 97, "%", None),
        ],
    ),
    # a product named as a model (豆包大模型) is what a later 该模型 stands for, two
    # paragraphs on
    (
        "火山引擎，想做AI时代的云。\n火山引擎发布了豆包大模型 1.8 版本。\n"
        "不过，最被市场关注的还是 token 调用量。\n"
        "截至今年12月，该模型的日均调用量已突破50万亿次。",
        [("Doubao", "daily_tokens", 5e13, "tokens", None)],
    ),
    # 该应用 stands for the last product named, two paragraphs on; what users spend in
    # it is its revenue
    (
        "夸克是一款AI搜索应用。\n另外，谷歌也在追赶。\n今年用户在该应用上的支出预计达3.5亿元。",
        [("Quark", "revenue", 3.5e8, "CNY", None)],
    ),
    # a firm found by its shape is an AI actor when its paragraph speaks of AI, though
    # not the sentence naming it; not when only another paragraph does
    (
        "具身智能赛道融资火热。开年以来，踏云动力(Tayun Robotics)宣布完成3亿元A轮融资。",
        [("踏云动力", "funding", 3e8, "CNY", None)],
    ),
    ("具身智能赛道融资火热。\n开年以来，踏云动力(Tayun Robotics)宣布完成3亿元A轮融资。", []),
    # a firm named by its registered name is named by its distinctive words, and the
    # topic of an article about AI is an AI actor though no sentence naming it says so
    (
        "8月15日，星云聚能科技有限公司发布中期业绩公告。\n"
        "集团上半年总收入达人民币3.2亿元，其中激光雷达收入2.1亿元，激光雷达销量同比增长。",
        [
            ("星云聚能", "revenue", 3.2e8, "CNY", None),
            ("星云聚能", "revenue", 2.1e8, "CNY", None),
        ],
    ),
    # a word right before a run of figures joined by list marks measures each of them,
    # the last one too, though another word stands a clause further back
    (
        "星河智芯是一家GPU公司。但盈利方面，2022年至2024年，星河智芯分别净亏损12.35亿元、"
        "11.07亿元和10.62亿元。",
        [
            ("星河智芯", "net_loss", 1.235e9, "CNY", None),
            ("星河智芯", "net_loss", 1.107e9, "CNY", None),
            ("星河智芯", "net_loss", 1.062e9, "CNY", None),
        ],
    ),
    # ... also when carried to a sentence after the one naming it
    (
        "8月15日，星云聚能科技有限公司发布中期业绩公告。上半年，集团毛利约1亿元。\n"
        "激光雷达销量大增，激光雷达业务向好。",
        [("星云聚能", "profit", 1e8, "CNY", None)],
    ),
    # a fall by a share, then the level it fell to: the level is the figure's
    # (a fall by an amount, "市值暴跌300亿", is no level)
    (
        "受需求放缓影响，SK海力士季度营业利润暴跌62%至2.3万亿韩元。",
        [("SK Hynix", "profit", 2.3e12, "KRW", None)],
    ),
    # cash a firm holds is no figure of the vocabulary, however its parts are listed
    (
        "星河智芯是一家AI芯片公司。期末，公司持有的银行存款、在手现金及理财产品投资之"
        "总结余为86.3亿元。",
        [],
    ),
    # a version of a known product has the product's users
    (
        "今年3月，可灵3.1模型发布，全球用户规模突破了3100万。",
        [("Kling AI", "user_count", 3.1e7, "count", None)],
    ),
    # a whole market's figure is no one firm's, the article's topic included
    ("SK海力士是HBM龙头。\n据市调机构统计，第二季全球 NAND 营收回升，总营收达到 186 亿美元。", []),
    # a name extending a benchmark's (AIME25) is a benchmark, not the model scored
    (
        "在GPQA上得分64.0%，在AIME25竞赛题中，Nova-7B的准确率达到72.1%。",
        [
            ("Nova-7B", "benchmark_score", 64.0, "%", "GPQA"),
            ("Nova-7B", "benchmark_score", 72.1, "%", "AIME25"),
        ],
    ),
    # the foundry whose process a chip uses is no subject of the chip's figures
    ("英伟达的H100芯片采用台积电 4nm 工艺，功耗为700W。", [("H100", "power", 700, "W", None)]),
    # 皆 hands the figure to each name listed, as 均 does
    (
        "月之暗面与智谱2024年的营收皆超过5亿元。",
        [("Moonshot AI", "revenue", 5e8, "CNY", None), ("Zhipu AI", "revenue", 5e8, "CNY", None)],
    ),
    # a firm cited for its own report states its own figures; another source's report
    # does not make the source the subject
    (
        "商汤是老牌AI公司。4月30日，据云从科技发布的2024年财报显示，全年总营收4.1亿元。",
        [("CloudWalk", "revenue", 4.1e8, "CNY", None)],
    ),
    (
        "据IDC发布的报告显示，商汤全年营收4.1亿元。",
        [("SenseTime", "revenue", 4.1e8, "CNY", None)],
    ),
    # "X的<word><figure>": X's figure, though X is what another is compared with
    (
        "相比Nova-5的输入1.5美元/百万Token，Gemini 3 Pro的价格还是高出不少。",
        [("Nova-5", "api_price", 1.5, "USD/Mtok", "input")],
    ),
    # a growth rate in brackets (yoy+13%) or a rise back (回升11%) is no margin
    (
        "星河智芯是一家AI芯片公司。三季度收入9.8亿元(yoy+24.7%)，毛利润4.1亿元(yoy+13%)，"
        "毛利率41.8%，较上一季度的35%大幅回升6.8%。",
        [
            ("星河智芯", "revenue", 9.8e8, "CNY", None),
            ("星河智芯", "profit", 4.1e8, "CNY", None),
            ("星河智芯", "profit_margin", 41.8, "%", None),
            ("星河智芯", "profit_margin", 35, "%", None),
        ],
    ),
    # a holder's stake and paper gain, and a write-down, are no figures of the firm
    (
        "寒武纪股价大涨，某游资持仓市值约60亿元，账面浮盈约35亿元。另一家AI公司资产减值达120亿元。",
        [],
    ),
    # figures compared with "上一季度" and "上年同期" restate the claim at those times
    (
        "寒武纪第三季度营收达12.35亿元，较上年同期的8.02亿元增长54%，较上一季度的10.07亿元"
        "增长23%。",
        [
            ("Cambricon", "revenue", 1.235e9, "CNY", None),
            ("Cambricon", "revenue", 8.02e8, "CNY", None),
            ("Cambricon", "revenue", 1.007e9, "CNY", None),
        ],
    ),
    # an architecture taken as the example (以X架构为例) is what the figures are about
    (
        "英伟达表示，以Hopper架构为例，其典型机架运行功率为10KW。",
        [("Hopper", "power", 1e4, "W", None)],
    ),
    # the models another is said to match or beat (不输, 秒杀), each one listed and each
    # one a firm owns, are what it is compared with; one that matches a model (对标 X 的 Y)
    # leaves Y the topic
    (
        "星海科技发布了新模型Nova-L，性能不输OpenAI的GPT-4和谷歌的Gemini Pro，"
        "训练成本却只有2600万美元。",
        [("Nova-L", "training_cost", 2.6e7, "USD", None)],
    ),
    (
        "Nova-0.5B性能秒杀同级的Qwen-3-0.6B、Llama 3.2、Gemma3，实现了 520 Token/s 的推理速度。",
        [("Nova-0.5B", "throughput", 520, "tokens/s", None)],
    ),
    (
        "其中，性能对标 GPT-4 的 Nova-Long 模型降幅最大，API 输入价格从 0.03 元/千 tokens 降至"
        " 0.0006 元/千 tokens。",
        [
            ("Nova-Long", "api_price", 30, "CNY/Mtok", "input"),
            ("Nova-Long", "api_price", 0.6, "CNY/Mtok", "input"),
        ],
    ),
    # money put into a named firm is its funding, whatever it will be spent on; money a
    # firm says it puts into its own compute centre (对外表示…投资) is its capex
    (
        "英伟达宣布将向Anthropic投资最多600亿美元，用于支撑其数据中心建设。",
        [("Anthropic", "funding", 6e10, "USD", None)],
    ),
    (
        "华硕董事长对外表示AI运算中心投资金额不超过30亿元。",
        [("ASUS", "capex", 3e9, "CNY", None)],
    ),
    # a count of layers (16层堆叠) is a part's make, not chips made
    ("当SK海力士今年初率先量产16层堆叠HBM3E时，存储芯片行业都屏住了呼吸。", []),
    # the model before (比上一代X) is what a speed-up is measured against
    (
        "深度求索表示，DeepSeek-V3的生成速度达到每秒60个token，比上一代DeepSeek-V2.5的"
        "每秒20个token提高了3倍。",
        [
            ("DeepSeek-V3", "throughput", 60, "tokens/s", None),
            ("DeepSeek-V2.5", "throughput", 20, "tokens/s", None),
            ("DeepSeek-V3", "speedup", 3, "x", "DeepSeek-V2.5"),
        ],
    ),
    # a person named after a title, right before his net worth (陈天石身价)
    (
        "寒武纪是AI芯片公司，AI芯片需求旺盛。以收盘价计算，寒武纪创始人陈天石身价超过1200亿元。",
        [("陈天石", "net_worth", 1.2e11, "CNY", None)],
    ),
    # gross profit (毛利) is a profit, its margin (毛利率) a margin
    (
        "星河智芯是一家AI芯片公司。2024年，公司录得毛利3157.2万元，毛利率为11.4%。",
        [
            ("星河智芯", "profit", 3.1572e7, "CNY", None),
            ("星河智芯", "profit_margin", 11.4, "%", None),
        ],
    ),
    # a firm's bill for pay is an operating cost, not anyone's pay (nor the revenue
    # it is set against)
    (
        "据披露，OpenAI上一年度的股权激励支出增至约 44 亿美元，比当年营收还高。",
        [("OpenAI", "operating_cost", 4.4e9, "USD", None)],
    ),
    # a model a new one is built on (基于前代模型 X) is not what the figures are of, nor
    # is any model listed after a comparator (如 A、B) what 该模型 stands for
    (
        "星海科技发布了 Nova-M2 模型。\n在多数任务上，Nova-M2 明显优于其他开源模型"
        "(如 Qwen3、DeepSeek-R1)。\n该模型基于前代模型 Nova-M1 开发，总参数规模为 3200亿。",
        [("Nova-M2", "parameters", 3.2e11, "params", None)],
    ),
    # a chip followed by a system's capitals and chip count is that system, one name;
    # a number format after a chip is no system
    (
        "英伟达的GB300 NVL72机柜推理算力达到1.1 EFLOPS。",
        [("GB300 NVL72", "compute_performance", 1.1e18, "FLOPS", None)],
    ),
    (
        "昇腾910C FP16算力为752TFLOPS。",
        [("Ascend 910C", "compute_performance", 7.52e14, "FLOPS", None)],
    ),
    # an article about a model names its editions as often as the model: together they
    # are what it is about, more than the firm that made them
    (
        "星海科技开源了 Nova-OSS 系列模型：\n- Nova-OSS-36B-Base\n- Nova-OSS-36B-Chat\n"
        "Nova-OSS-36B-Chat 适合对话，Nova-OSS-36B-Base 适合微调。星海科技表示，Nova-OSS "
        "还会更新，星海科技将继续投入。\n每个模型包含 360 亿参数。",
        [("Nova-OSS", "parameters", 3.6e10, "params", None)],
    ),
    # a count of CPUs joined to a count of GPUs is no GPU count
    (
        "英伟达的GB200 NVL72把36个CPU和72个GPU装进一个液冷机架。",
        [("GB200 NVL72", "gpu_count", 72, "count", None)],
    ),
    # a platform's developers are its users
    (
        "英伟达的护城河在于CUDA，CUDA多年来积累了400多万开发者。",
        [("CUDA", "user_count", 4e6, "count", None)],
    ),
    # a market value on the day's close is no share price
    (
        "据统计，英伟达市值于2024年1月8日收盘时达到1.2万亿美元。",
        [("NVIDIA", "market_cap", 1.2e12, "USD", None)],
    ),
    # a known stem takes a version with two edition letters, and a sibling edition
    # after a slash names both
    (
        "新品中，昇腾880ZX配备96GB显存，昇腾880ZX/QT的算力可达800TFLOPS。",
        [
            ("昇腾880ZX", "memory_capacity", 96, "GB", None),
            ("昇腾880ZX/QT", "compute_performance", 8e14, "FLOPS", None),
        ],
    ),
    # a word listed between number formats is one more format, not a chip
    (
        "昇腾910C支持FP16/XF24/BF16等多种格式，配备64GB显存。",
        [("Ascend 910C", "memory_capacity", 64, "GB", None)],
    ),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_claims_real_shapes(extractor: Extractor, text: str, expected: list[Row]) -> None:
    assert rows(extractor, text) == expected_rows(expected)


RESTATED_RANGES = [
    # a ceiling (上看, 最高) at the top of the article's range restates the range
    (
        "台積電今年資本支出上看420億美元\n台積電表示，今年資本支出預估為380億至420億美元。",
        [(3.8e10, 4.2e10, "range"), (3.8e10, 4.2e10, "range")],
    ),
    # a ceiling at another figure stays a ceiling
    (
        "台積電今年資本支出上看450億美元\n台積電表示，今年資本支出預估為380億至420億美元。",
        [(4.5e10, None, "up_to"), (3.8e10, 4.2e10, "range")],
    ),
]


@pytest.mark.parametrize("text,expected", RESTATED_RANGES)
def test_claims_ceiling_restating_a_range(extractor: Extractor, text: str, expected) -> None:
    claims = extractor.extract(text).claims
    assert [(c.value, c.value_max, c.qualifier) for c in claims if c.metric == "capex"] == expected


TOPIC_CASES = [
    # the headline names the company; the body's figures name no one
    (
        "摩尔线程冲刺科创板",
        "这家GPU公司计划募资80亿元，用于AI芯片研发。招股书显示，2024年营业收入为4.38亿元，亏损14.92亿元。",
        [
            ("Moore Threads", "funding", 8e9, "CNY", None),
            ("Moore Threads", "revenue", 4.38e8, "CNY", None),
            ("Moore Threads", "net_loss", 1.492e9, "CNY", None),
        ],
    ),
    # a headline naming no actor we know leaves the topic open
    (
        "一家芯片新贵冲刺上市",
        "招股书显示，2024年营业收入为4.38亿元，与摩尔线程相比仍有差距。摩尔线程成立于2020年。",
        [],
    ),
    # ... unless the body names one actor again and again (the "headline" a site's slogan)
    (
        "聚焦上市公司资讯",
        "星辰科技今日在港交所上市。星辰科技是一家AI芯片公司，星辰科技的产品用于大模型训练。"
        "分析人士认为星辰科技估值偏高，但星辰科技仍获得超额认购。截至收盘，总市值约800亿港元。",
        [("星辰科技", "market_cap", 8e10, "HKD", None)],
    ),
    # a likeness in the headline ("中国版X") is not what the article is about
    (
        "中国版OpenAI，拼命融钱",
        "星辰智能成立于2019年，专注大模型研发。星辰智能近日完成新一轮融资。\n"
        "据悉，本轮融资金额为30亿元。",
        [("星辰智能", "funding", 3e9, "CNY", None)],
    ),
    # no headline: the body's first-named actor, named again, is the topic
    (
        None,
        "MiniMax今日在港交所挂牌上市。MiniMax表示将加大研发投入。"
        "招股书显示，公司前九个月营收5344万美元。",
        [("MiniMax", "revenue", 5.344e7, "USD", None)],
    ),
    # a chip and its maker share the headline: the chip's figures go to the chip, the
    # money to the maker
    (
        "英伟达下调H20规格",
        "英伟达此次大幅调整了H20的配置，以符合出口管制要求。\n- 内存带宽从4TB/s降至2.5TB/s；\n"
        "- 预计这一产品线今年营收将达到50亿美元。",
        [
            ("H20", "memory_bandwidth", 4000.0, "GB/s", None),
            ("H20", "memory_bandwidth", 2500.0, "GB/s", None),
            ("NVIDIA", "revenue", 5e9, "USD", None),
        ],
    ),
    # a kind of actor ("传统模型") is nobody's in particular, not the topic
    (
        "通义千问2.5长文本实测",
        "Qwen2.5-7B-Instruct支持128K上下文。传统模型通常支持4K或8K token的上下文窗口。",
        [("Qwen2.5-7B-Instruct", "context_length", 128000, "tokens", None)],
    ),
    # ... while a group described by where its members are ("国内厂商", "韩国企业") is the
    # subject as written, as gold files name a group the article does not list
    (
        "星辰科技冲刺上市",
        "星辰科技是一家AI芯片公司。国内厂商的毛利率普遍在30%左右，星辰科技的毛利率为45%。",
        [
            ("国内厂商", "profit_margin", 30, "%", None),
            ("星辰科技", "profit_margin", 45, "%", None),
        ],
    ),
    # a chip's figure carried to its maker stays the chip's
    (
        "英伟达再次调整H20规格",
        "英伟达此次对H20的调整堪称精准：\n- 带宽与算力双降：FP16算力从296 TFLOPS砍至180 TFLOPS；\n"
        "- 英伟达预计今年营收将达到1300亿美元。",
        [
            ("H20", "compute_performance", 2.96e14, "FLOPS", None),
            ("H20", "compute_performance", 1.8e14, "FLOPS", None),
            ("NVIDIA", "revenue", 1.3e11, "USD", None),
        ],
    ),
    (
        "三星电子冲刺HBM市场",
        "三星电子近期通过了HBM3E认证。韩国企业在全球HBM市场中占据主导地位，市场份额合计近80%。",
        [("韩国企业", "market_share", 80, "%", None)],
    ),
    # one firm of a place ("一家中国公司") is no group; pay offered by firms is not theirs
    (
        "DeepSeek发布新模型",
        "如果一家中国公司能用H800训练出前沿模型，那么动辄数十亿美元的算力投入是否还有必要？",
        [],
    ),
    (
        "AI人才争夺战",
        "美国企业为了赢得AI人才，不惜开出90万美元的年薪。",
        [],
    ),
    # a figure a sentence compares with (仅次于X的N) is X's, not the topic's
    (
        "摩尔线程冲刺科创板",
        "摩尔线程预计募集资金80亿元，成为今年科创板最大规模IPO，仅次于华电新能181.71亿元的主板融资规模。",
        [("Moore Threads", "funding", 8e9, "CNY", None)],
    ),
    # ... also when a date and a description stand between (…的华电新能(融资额N))
    (
        "摩尔线程冲刺科创板",
        "摩尔线程预计募集资金80亿元，仅次于7月16日在上证主板上市的华电新能(融资额181.71亿元)。",
        [("Moore Threads", "funding", 8e9, "CNY", None)],
    ),
    # users' rate of use is no GPU utilisation
    ("DeepSeek用户流失", "DeepSeek的用户使用率从巅峰时期的7.5%下滑至3%。", []),
    # a name in quotation marks is a comparison, not the topic
    (
        None,
        "被誉为“中国版英伟达”的摩尔线程今日上市，英伟达则未置评。市场人士看好摩尔线程。"
        "财报显示，2024年营业收入为4.38亿元。",
        [("Moore Threads", "revenue", 4.38e8, "CNY", None)],
    ),
]


@pytest.mark.parametrize("title,text,expected", TOPIC_CASES)
def test_claims_article_topic(extractor: Extractor, title, text: str, expected) -> None:
    claims = extractor.extract_body(Article(title=title, text=text))
    found = sorted(
        {(c.subject, c.metric, round(c.value, 3), c.unit, c.object) for c in claims}, key=str
    )
    assert found == expected_rows(expected)


OWNER_PAGES = [
    # a firm's own statement names it only in its logo: the page is about that firm
    (
        "https://www.example.com/assets/nvdalogo2024.png\n首席财务官对第四季度业绩的评论\n"
        "(以百万美元计)第四季度第三季度\n收入$22,103$18,120\n营业收入$13,615$10,417\n"
        "净收入$12,285$9,243\n",
        [
            ("NVIDIA", "profit", 9.243e9, "USD", None),
            ("NVIDIA", "profit", 1.2285e10, "USD", None),
            # a statement's 营业收入 row under its 收入 row is operating income
            ("NVIDIA", "profit", 1.3615e10, "USD", None),
            ("NVIDIA", "profit", 1.0417e10, "USD", None),
            ("NVIDIA", "revenue", 1.812e10, "USD", None),
            ("NVIDIA", "revenue", 2.2103e10, "USD", None),
        ],
    ),
    # ... but a page naming its own actor is about that actor
    (
        "https://www.example.com/assets/nvdalogo2024.png\n星辰科技季度业绩\n"
        "星辰科技是一家AI芯片公司，第四季度收入为12亿元。\n",
        [("星辰科技", "revenue", 1.2e9, "CNY", None)],
    ),
]


@pytest.mark.parametrize("page,expected", OWNER_PAGES)
def test_claims_page_owner_named_by_its_logo(extractor: Extractor, page: str, expected) -> None:
    claims = extractor.extract(page).claims
    found = sorted(
        {(c.subject, c.metric, round(c.value, 3), c.unit, c.object) for c in claims}, key=str
    )
    assert found == expected_rows(expected)
