"""General cue and linking rules (claims-0.2.0): one behaviour per case, own sentences."""

from __future__ import annotations

import pytest

from extractors.pipeline import Extractor
from tests.extractors.claims.rows import Row, rows
from tests.extractors.claims.rows import expected as expected_rows

RULE_CASES: list[tuple[str, list[Row]]] = [
    # a common English term the article repeats (Robotaxi) names no one
    (
        "小马智行第一季度总收入为1020万美元。其中Robotaxi业务收入为150万美元，Robotaxi车队规模持续扩大，Robotaxi订单增长明显。",
        [
            ("Pony.ai", "revenue", 1.02e7, "USD", None),
            ("Pony.ai", "revenue", 1.5e6, "USD", None),
        ],
    ),
    # a figure describing the name after it, a space after 的; the name a verb of besting
    # reaches past a few words is a comparator, not what the next figure is about
    (
        "某实验室发布了新模型Orion-2，以更少的参数超越了上一代万亿参数级的 Orion-1，"
        "在MMLU基准测试中得分达到 87.8 分。",
        [
            ("Orion-1", "parameters", 1e12, "params", None),
            ("Orion-2", "benchmark_score", 87.8, "points", "MMLU"),
        ],
    ),
    # 浪潮 alone is a wave, not Inspur
    ("在模型轻量化浪潮席卷全球之际，这款仅90亿参数的模型表现出色。", []),
    # a paragraph cut off after a comma is prose, not a line of verse
    (
        "英伟达本季营收达到570亿美元，同比增长62%。其中数据中心业务收入为512亿美元，",
        [
            ("NVIDIA", "revenue", 5.7e10, "USD", None),
            ("NVIDIA", "revenue", 5.12e10, "USD", None),
        ],
    ),
    # earlier figures a claim is compared with, the second listed after the first
    (
        "某AI服务器厂商云栈科技本季营收为80亿美元，高于2025会计年度第一季的50亿美元，以及2024会计年度第二季的40亿美元。",
        [
            ("云栈科技", "revenue", 8e9, "USD", None),
            ("云栈科技", "revenue", 5e9, "USD", None),
            ("云栈科技", "revenue", 4e9, "USD", None),
        ],
    ),
    # figures given in turn for a list whose members are each named after their owner
    (
        "其中,字节旗下的豆包、百度旗下的文心一言以及月之暗面旗下的Kimi,月活用户分别为2000万、1400万、600万。",
        [
            ("Doubao", "user_count", 2e7, "count", None),
            ("文心一言", "user_count", 1.4e7, "count", None),
            ("Kimi", "user_count", 6e6, "count", None),
        ],
    ),
    # a GPU word after a count, past a gloss in brackets
    (
        "英伟达将向日本企业供应12万张人工智能（AI）用高性能图形处理器（GPU）。",
        [("NVIDIA", "gpu_count", 1.2e5, "count", None)],
    ),
    # robots and self-driving are the field's too: a firm found by its shape alone is an
    # actor where the sentence names them
    (
        "人形机器人公司云迹行(02888.HK)宣布完成新股配售，募资约3亿港元。",
        [("云迹行", "funding", 3e8, "HKD", None)],
    ),
    (
        "自动驾驶公司驭远科技近日宣布完成B轮融资，金额达5亿元。",
        [("驭远科技", "funding", 5e8, "CNY", None)],
    ),
    # a per-Mtok phrase before several amounts makes each of them a price
    (
        "Qwen2.5-Max每百万输入tokens收费2.4元（标准）或1.2元（夜间），每百万输出tokens收费9.6元。",
        [
            ("Qwen2.5-Max", "api_price", 2.4, "CNY/Mtok", "input (standard)"),
            ("Qwen2.5-Max", "api_price", 1.2, "CNY/Mtok", "input (off-peak)"),
            ("Qwen2.5-Max", "api_price", 9.6, "CNY/Mtok", "output"),
        ],
    ),
    # "每百万" right before an amount, tokens named before it: a price per million tokens
    (
        "Kimi K2的输入tokens成本低至每百万1.15美元。",
        [("Kimi K2", "api_price", 1.15, "USD/Mtok", "input")],
    ),
    # tokens handled each day are a daily token volume
    (
        "Gemini模型透过API每天处理超过70亿个token。",
        [("Gemini", "daily_tokens", 7e9, "tokens", None)],
    ),
    # a tier word between a family and its version is part of the name
    (
        "Claude Opus 4的输出价格为每百万tokens 75美元。",
        [("Claude Opus 4", "api_price", 75, "USD/Mtok", "output")],
    ),
    # a percentage near a benchmark name is a score on it
    (
        "Claude 3.5 Sonnet在GPQA上取得65.0%。",
        [("Claude 3.5 Sonnet", "benchmark_score", 65.0, "%", "GPQA")],
    ),
    # the name a firm receives an investment from is the investor, not the one funded
    (
        "月之暗面近日斩获阿里超10亿美元巨额投资。",
        [("Moonshot AI", "funding", 1e9, "USD", None)],
    ),
    ("智谱获得了来自腾讯的5亿元战略投资。", [("Zhipu AI", "funding", 5e8, "CNY", None)]),
    # a figure's conversion in brackets does not stand between it and its cue
    (
        "OpenAI传出将以1500亿美元(约合10700亿元人民币)估值寻求65亿美元(约合462亿元人民币)融资。",
        [
            ("OpenAI", "valuation", 1.5e11, "USD", None),
            ("OpenAI", "valuation", 1.07e12, "CNY", None),
            ("OpenAI", "funding", 6.5e9, "USD", None),
            ("OpenAI", "funding", 4.62e10, "CNY", None),
        ],
    ),
    # an investor's part of a round
    ("这轮融资中，软银出资20亿美元。", [("SoftBank", "funding", 2e9, "USD", None)]),
    # money put into data centres is capital expenditure
    (
        "亚马逊计划投入约1000亿美元建设新的数据中心。",
        [("Amazon", "capex", 1e11, "USD", None)],
    ),
    # people using a product are its users; the product follows the verb
    ("每月有超过3亿人使用Gemini。", [("Gemini", "user_count", 3e8, "count", None)]),
    # an increment of users is not a user count
    ("Claude上线当天新增了50万用户。", []),
    # a size per second is a bandwidth
    ("B200的显存带宽为每秒8TB。", [("B200", "memory_bandwidth", 8000, "GB/s", None)]),
    # a cut in price is a cost reduction
    (
        "GLM-4-Air的调用价格下调至0.5元/百万tokens，降幅达90%。",
        [
            ("GLM-4-Air", "api_price", 0.5, "CNY/Mtok", None),
            ("GLM-4-Air", "cost_reduction", 90, "%", None),
        ],
    ),
    # money put in "用于" building compute is capex; money raised "用于" a purpose is not
    (
        "百度表示未来两年将投入超过1,200亿元用于建设智算中心等基础设施。",
        [("Baidu", "capex", 1.2e11, "CNY", None)],
    ),
    (
        "智谱此次募资80亿元，其中24亿元用于建设数据中心。",
        [("Zhipu AI", "funding", 8e9, "CNY", None)],
    ),
    # a word that makes a figure no claim (股价) does not reach past the figure's own word
    # in a phrase of its own
    (
        "英伟达股价再创历史新高、市值突破4万亿美元。",
        [("NVIDIA", "market_cap", 4e12, "USD", None)],
    ),
    # a budget for chips is money spent on hardware; 字节 is ByteDance's short name
    (
        "报道称，字节的AI芯片预算约为850亿元人民币。",
        [("ByteDance", "hardware_cost", 8.5e10, "CNY", None)],
    ),
    # a metric framed as the sentence's topic (在…方面) is what its figures measure
    (
        "在毛利率方面，MiniMax在2023年、2024年和2025年前三季度分别是-24.7%、12.2%和23.3%。",
        [
            ("MiniMax", "profit_margin", -24.7, "%", None),
            ("MiniMax", "profit_margin", 12.2, "%", None),
            ("MiniMax", "profit_margin", 23.3, "%", None),
        ],
    ),
    # a chip named in words with spaces between a count and GPU still makes it a GPU count
    (
        "微软的新数据中心将使用7000 Blackwell GB300 GPUs。",
        [("Microsoft", "gpu_count", 7000, "count", "Blackwell")],
    ),
    # "X架构的N": X's, with the word for what X is between it and 的
    (
        "Blackwell今年出货量有望超过前代Hopper架构的130万颗出货量。",
        [("Hopper", "chip_output", 1.3e6, "count", None)],
    ),
    # English words for a metric count as its Chinese ones do
    (
        "Anthropic的ARR已突破50亿美元。",
        [("Anthropic", "revenue", 5e9, "USD", None)],
    ),
    # tokens handled per second are a throughput
    (
        "DeepSeek-V3每秒可处理近200万个词元。",
        [("DeepSeek-V3", "throughput", 2e6, "tokens/s", None)],
    ),
    # kinds of chips counted (5款芯片) are no GPUs
    ("燧原科技自研迭代了四代架构5款云端AI芯片。", []),
    # a section's number heading a line is no figure
    ("第一部分\n1.1 摩尔线程GPU的核心架构概述\n摩尔线程的GPU基于自主架构。", []),
    # a figure describing the name after it, past a currency note in brackets
    (
        "随着摩尔线程上市，累计亏损逾63亿元(人民币,下同)的壁仞科技也冲刺港股。",
        [("Biren Technology", "net_loss", 6.3e9, "CNY", None)],
    ),
    # a product line's capitals before a part number are part of the chip's name, and a
    # product named as an example (产品如X) is no comparator
    (
        "摩尔线程的旗舰产品如MTT S80显卡，显存带宽高达512GB/s。",
        [("MTT S80", "memory_bandwidth", 512, "GB/s", None)],
    ),
    ("AMD MI300X的显存带宽为5.3TB/s。", [("MI300X", "memory_bandwidth", 5300, "GB/s", None)]),
    # a three-digit series number after a Latin word is part of the name; an amount is not
    (
        "华为发布新一代超节点。Atlas 950超节点支持8192张昇腾卡。",
        [("Atlas 950", "gpu_count", 8192, "count", None)],
    ),
    ("Meta 60亿美元的资本开支计划已经公布。", [("Meta", "capex", 6e9, "USD", None)]),
    # a demonstrative and a kind word (该超级电脑) stand for the last name of that kind, a
    # shape-found name included; a firm between a count and the parts counted makes the
    # parts; a Latin word after numbers (9 Petaflops) is a unit, no name
    (
        "星河二号（Xinghe2）是专为AI打造的超级电脑。该超级电脑由9,072颗英特尔CPU及2,016个"
        "英伟达GPU组成，具备9 Petaflops的算力（Petaflops指每秒1000兆次浮点运算）。"
        "星河二号将在2026年底提升至16 Petaflops。",
        [
            ("Xinghe2", "gpu_count", 2016, "count", None),
            ("Xinghe2", "compute_performance", 9e15, "FLOPS", None),
            ("Xinghe2", "compute_performance", 1.6e16, "FLOPS", None),
        ],
    ),
    # a coined name with a Latin tail, set in quotation marks and then used without them,
    # is a product: its figures are not its parent firm's
    (
        "快手今年「星画 AI」业务表现亮眼。星画 AI 第二季度收入超2.5亿元，"
        "快手凭借星画 AI 打开了新局面。",
        [("星画 AI", "revenue", 2.5e8, "CNY", None)],
    ),
    # a model's Chinese name the gazetteer knows alone takes a letter version
    (
        "腾讯发布混元T1正式版。混元T1在数学测试中得分87.2分。",
        [("混元T1", "benchmark_score", 87.2, "points", None)],
    ),
    # spending on inference is its cost, and a name between 在 and 上 is where it runs
    (
        "OpenAI今年在微软云上的推理支出已飙升至约36.5亿美元。",
        [("OpenAI", "inference_cost", 3.65e9, "USD", None)],
    ),
    # throughput per accelerator, and tokens decoded each second
    (
        "Step-3模型发布。Step-3每秒可以解码4039个Token，平均解码吞吐达到了3910token/GPU/秒。",
        [
            ("Step-3", "throughput", 4039, "tokens/s", None),
            ("Step-3", "throughput", 3910, "tokens/s", None),
        ],
    ),
    # figures given in turn after 分别为 are each measured by the word before 分别, and
    # are of the benchmarks named before them, in turn
    (
        "Seed1.5-Thinking发布。该模型在AIME、Codeforces和GPQA等测试中均表现出色，"
        "得分分别为86.7、55.0和77.3。",
        [
            ("Seed1.5-Thinking", "benchmark_score", 86.7, "points", "AIME"),
            ("Seed1.5-Thinking", "benchmark_score", 55.0, "points", "Codeforces"),
            ("Seed1.5-Thinking", "benchmark_score", 77.3, "points", "GPQA"),
        ],
    ),
    # figures given in turn after a verb (分别拥有) share the word after the list, and
    # belong to the names before 分别, in turn; the next list's word is not theirs
    (
        "寒武纪和摩尔线程分别拥有1.5%及2.1%的市场份额，净利润分别为3亿元、-2亿元。",
        [
            ("Cambricon", "market_share", 1.5, "%", None),
            ("Moore Threads", "market_share", 2.1, "%", None),
            ("Cambricon", "profit", 3e8, "CNY", None),
            ("Moore Threads", "net_loss", 2e8, "CNY", None),
        ],
    ),
    # a name more than a hundred characters back in one run of text (a table flattened
    # into cells) is no longer what a figure is about: the article's topic is
    (
        "英伟达公布了第四财季财报。分析师推测OpenAI合作潜在长期收入 未来多年累计 第三方预测 "
        "数字来源 具体含义 时间框架 性质 订单储备 芯片订单总额 官方公布 制造承诺 生产计划 "
        "未来四年 官方公布 项目合作 作为技术合作伙伴参与 长期合作项目 指标 数据 同比增长 "
        "备注 总收入 历史新高 季度数据 业务分布 区域分布 游戏业务 数据中心业务收入达到1152亿美元。",
        [("NVIDIA", "revenue", 1.152e11, "USD", None)],
    ),
    # a facility named by its kind: the words before the kind back to a function word
    # are its name; words that only sort facilities (公共, 高性能) name none
    (
        "记者调研甘肃庆阳的星源华创绿色智算中心。该智算中心算力超2万PFLOPS。",
        [("星源华创绿色智算中心", "compute_performance", 2e19, "FLOPS", None)],
    ),
    ("部分公共智算中心利用率不高，全国已建成的高性能智算中心算力规模达到90EFLOPS。", []),
    # a quoted word the article calls a plan or a project is what its figures are about
    (
        "软银与OpenAI共同推进“天穹”计划。“天穹”计划将在三年内实现近7吉瓦的算力容量。",
        [("天穹", "power", 7e9, "W", None)],
    ),
    # cards counted (N卡) are accelerators: a GPU count
    (
        "华为发布Atlas 960超节点。Atlas 960超节点最大可支持15488卡。",
        [("Atlas 960", "gpu_count", 15488, "count", None)],
    ),
    # a kind of business before a stock code is the tail of the name, and the article
    # goes on with the name's stem; a number glued inside a chip's name is no count
    (
        "自动驾驶芯片商星河机器人（09877.HK）上市一年。星河上半年营收12.3亿元，其征程6芯片已量产。",
        [("星河机器人", "revenue", 1.23e9, "CNY", None)],
    ),
    # a kind of actor (AI应用) is no one actor: not the article's topic either
    ("ChatGPT发布了新版本。\nAI 应用增长提速，下载量翻倍至38亿次。", []),
    # a name in brackets right after another is a gloss on it, not the figure's subject
    (
        "在最新榜单中，Qwen3-Max-Thinking (通义千问,闭源):60.61分。",
        [("Qwen3-Max-Thinking", "benchmark_score", 60.61, "points", None)],
    ),
    # a rise in percent is no level; a model size loaded is a kind of model
    ("百度百舸平台可使算力利用率提升40%以上。", []),
    (
        "昆仑芯R200集成32GB显存，可完整加载700亿参数模型。",
        [("R200", "memory_capacity", 32, "GB", None)],
    ),
    # people who leave are no headcount; a whole market's figure is no actor's
    ("ChatGPT发布近3年来，至少有50名员工离开OpenAI。", []),
    (
        "报告显示：\n全球 IAP 收入同比增 10.6% 至 1670 亿美元。ChatGPT以34亿美元IAP收入位列第一。",
        [("ChatGPT", "revenue", 3.4e9, "USD", None)],
    ),
    # the level a growth reached is measured by the word before the growth
    (
        "豆包的MAU环比增长20.56%，达到1.72亿。",
        [("Doubao", "user_count", 1.72e8, "count", None)],
    ),
    # a loss of market value is not a market cap
    ("英伟达市值一天蒸发了4000亿美元。", []),
    # a per-unit denominator is no total
    ("Qwen2.5每处理1万亿个token要消耗大量算力。", []),
    # characters are not tokens
    ("Kimi支持30万字的上下文。", []),
    # counts with a classifier can still be parameters
    (
        "DeepSeek-V2擁有2,360億個參數。",
        [("DeepSeek-V2", "parameters", 2.36e11, "params", None)],
    ),
    # the outlet somebody speaks to is not the subject
    (
        "一位分析师对路透社表示，OpenAI今年营收约为40亿美元。",
        [("OpenAI", "revenue", 4e9, "USD", None)],
    ),
    # a score in 分 is a benchmark score of the model it is said of, with no scoring word
    (
        "Qwen3-Max在数学推理任务中获得80.87分，与另一款模型并列第一。",
        [("Qwen3-Max", "benchmark_score", 80.87, "points", None)],
    ),
    # ... but a gap between two scores is no score
    ("Qwen3-Max与GPT-5的差距在4分左右。", []),
    # a word after a list of "name(figure)" items says what each figure measures
    (
        "上个月豆包(1.7亿)、DeepSeek(8156万)和Kimi(3000万)的月活都在增长。",
        [
            ("Doubao", "user_count", 1.7e8, "count", None),
            ("DeepSeek", "user_count", 8.156e7, "count", None),
            ("Kimi", "user_count", 3e7, "count", None),
        ],
    ),
    # ... as does a word before it, and each figure is its own item's, not the group's
    (
        "估值最高的三家公司是月之暗面（33亿美元）、智谱（30亿美元）、百川智能（27亿美元）。",
        [
            ("Moonshot AI", "valuation", 3.3e9, "USD", None),
            ("Zhipu AI", "valuation", 3e9, "USD", None),
            ("百川智能", "valuation", 2.7e9, "USD", None),
        ],
    ),
]

PASSAGE_CASES: list[tuple[str, list[Row]]] = [
    # comma clauses opening with a name and an amount say what the first clause said
    (
        "据统计,豆包月活大致在1.72亿,Kimi约3286万,文心一言约2100万。",
        [
            ("Doubao", "user_count", 1.72e8, "count", None),
            ("Kimi", "user_count", 3.286e7, "count", None),
            ("文心一言", "user_count", 2.1e7, "count", None),
        ],
    ),
    # an adverb and a change's starting point between the cue and the count; the change's
    # end after a comma, "到了"
    (
        "Kimi上线了新功能。用户数也从年初的3000万，增长到了4500万。",
        [
            ("Kimi", "user_count", 3e7, "count", None),
            ("Kimi", "user_count", 4.5e7, "count", None),
        ],
    ),
    # a clause after a semicolon opening with a name and its amount says what the one
    # before said (its own name), when it has no cue of its own
    (
        "广达单月营收2308.35亿元、年增61.92%；英业达618.13亿元、年增34.84%亦创同期新高。",
        [
            ("Quanta", "revenue", 2.30835e11, "CNY", None),
            ("Inventec", "revenue", 6.1813e10, "CNY", None),
        ],
    ),
    # ... but not one naming no one first
    (
        "广达单月营收2308.35亿元；另有618.13亿元来自其他业务。",
        [("Quanta", "revenue", 2.30835e11, "CNY", None)],
    ),
    # a two-word Latin name the article repeats is the name, not its last word
    (
        "美国云服务商Nebula Cloud计划投资5亿美元建设AI数据中心。Nebula Cloud表示，该中心"
        "功率为16MW。Nebula Cloud已在日本运营两座数据中心。",
        [
            ("Nebula Cloud", "capex", 5e8, "USD", None),
            ("Nebula Cloud", "power", 1.6e7, "W", None),
        ],
    ),
    # a bare version after its family takes the edition word after it too
    (
        "Kimi发布了K2 Thinking模型。K2 Thinking的上下文窗口为256k。",
        [("Kimi K2 Thinking", "context_length", 256000, "tokens", None)],
    ),
    # a typed pronoun opening a later clause (公司) refers back; the firm counted by the head
    (
        "了解OpenAI，首先要知道它的发展速度。我刚加入时，公司才1000多人。",
        [("OpenAI", "headcount", 1000, "count", None)],
    ),
    # the bulleted lines under a heading are about what the heading names
    (
        "Claude Code定价说明\n\nClaude Sonnet 4具体定价\n\n  • 输入tokens:$3 / MTok\n"
        "  • 输出tokens:$15 / MTok",
        [
            ("Claude Sonnet 4", "api_price", 3, "USD/Mtok", "input"),
            ("Claude Sonnet 4", "api_price", 15, "USD/Mtok", "output"),
        ],
    ),
    # a list item headed by a Latin name and a colon is that name's
    (
        "AI应用月活榜单出炉。\n- xMate：AI陪伴应用，月活跃用户达到296万\n"
        "- Music AI：月活跃用户达到471万",
        [
            ("xMate", "user_count", 2.96e6, "count", None),
            ("Music AI", "user_count", 4.71e6, "count", None),
        ],
    ),
    # ... and a figure after 达到 in a sentence naming another actor restates nothing
    (
        "DeepSeek的月活跃用户为1.31亿。具体高增长产品案例: - xMate:MAU环比增长4408.66%,达到296万。",
        [("DeepSeek", "user_count", 1.31e8, "count", None)],
    ),
    # a bare figure after a restating word repeats the last count of the paragraph
    (
        "Claude的月活跃用户为1亿；到年底这一数字已达到1.5亿。",
        [
            ("Claude", "user_count", 1e8, "count", None),
            ("Claude", "user_count", 1.5e8, "count", None),
        ],
    ),
    # a model a second one is based on is not its subject
    (
        "QwQ-32B基于Qwen2.5-32B训练而来，因此同样拥有320亿参数。",
        [("QwQ-32B", "parameters", 3.2e10, "params", None)],
    ),
    # the lines a colon introduces ("具体如下:") carry its topic, not the article's
    (
        "谷歌今天更新了Gemini系列。谷歌表示新模型更便宜，谷歌还公布了定价。\n"
        "Gemini 2.5 Pro 的定价分为两档，具体如下:\n"
        "当输入不超过20万Token时，输入价格是 1.25美元/百万Token。\n"
        "当输入超过20万Token时，输入价格是 2.5美元/百万Token。",
        [
            ("Gemini 2.5 Pro", "api_price", 1.25, "USD/Mtok", "input"),
            ("Gemini 2.5 Pro", "api_price", 2.5, "USD/Mtok", "input"),
        ],
    ),
    # a leading time phrase does not hide a typed pronoun
    (
        "微软发布了新的报告。今年5月，该公司披露了一个由5万块H100组成的集群。",
        [("Microsoft", "gpu_count", 5e4, "count", "H100")],
    ),
]


@pytest.mark.parametrize("text,expected", RULE_CASES)
def test_claims_general_cues(extractor: Extractor, text: str, expected: list[Row]) -> None:
    assert rows(extractor, text) == expected_rows(expected)


@pytest.mark.parametrize("text,expected", PASSAGE_CASES)
def test_claims_general_linking(extractor: Extractor, text: str, expected: list[Row]) -> None:
    assert rows(extractor, text) == expected_rows(expected)
