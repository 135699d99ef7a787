"""Cleaning removes only what it identifies as furniture: every body paragraph stays.

Pages here are made of our own sentences in the shapes real pages showed: no
headline, a subheading before the body, an editor line mid-article, related
lists with dates or read counts, a `date` header glued to the first line,
labelled dates and datelines.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.cleaning import clean_page, clean_page_simplified, site_of_source
from extractors.cleaning.text_page import NO_BODY

PARAGRAPHS = [
    "某芯片公司在招股书中披露，其去年的营业收入为4.38亿元，较前一年增长了三倍有余。",
    "公司表示，研发投入仍然很高，上半年的研发费用达到了7.1亿元，占营收的比重超过一半。",
    "分析人士认为，随着新一代产品交付，该公司的亏损有望在两年内明显收窄，但竞争仍很激烈。",
    "该模型的参数规模为720亿，上下文长度为128K，训练用了大约18万亿个词元的数据。",
    "據公司公告，上季營收達到新台幣1.2兆元，年增三成，主要來自人工智慧伺服器的出貨。",
]
FURNITURE = [
    ["首页 新闻 科技 财经 汽车 体育"],
    ["相关阅读", "· 某公司发布新款手机 2024-05-14 08:12", "· 某地楼市成交回暖 2024-05-15 09:30"],
    ["热门排行", "1 某球队客场取胜 阅读 12.6万", "2 某品牌新车上市 阅读 9.8万"],
    ["分享至", "0"],
    ["Copyright © 2024 某某网 All Rights Reserved"],
]

SHAPES = [
    # (page, paragraphs that must all be in the body)
    ("\n".join(["算力从哪里来？", PARAGRAPHS[0], PARAGRAPHS[1]]), PARAGRAPHS[:2]),
    ("\n".join([PARAGRAPHS[0], "编辑|张三", PARAGRAPHS[1], PARAGRAPHS[2]]), PARAGRAPHS[:3]),
    ("\n".join([PARAGRAPHS[0], "文|李四", PARAGRAPHS[2]]), [PARAGRAPHS[0], PARAGRAPHS[2]]),
    ("\n".join([PARAGRAPHS[3], "图：发布会现场", PARAGRAPHS[1]]), [PARAGRAPHS[3], PARAGRAPHS[1]]),
    (" date 2025-10-09 " + PARAGRAPHS[4] + "\n" + PARAGRAPHS[2], [PARAGRAPHS[4], PARAGRAPHS[2]]),
    (
        "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], "相关新闻", "某地天气转晴 2024-05-16 14:20"]),
        PARAGRAPHS[:2],
    ),
    (
        "\n".join([PARAGRAPHS[1], "以发行价测算，公司本次发行后市值将达537亿元，值得注意的是"]),
        [PARAGRAPHS[1]],
    ),
    # a dump cut off mid-sentence: its short last line is the article's, not furniture
    (
        "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], '这个参数仅为130亿的 "']),
        [PARAGRAPHS[0], PARAGRAPHS[1], "这个参数仅为130亿的"],
    ),
    # a table set as lines of figures split by spaces (no bars) is content
    (
        "\n".join(
            [
                "某招聘平台发布AI岗位薪资报告",
                "岗位 月薪 年薪",
                "大模型算法工程师 5.2万 62.4万",
                "AI产品经理 3.1万 37.2万",
                "职级 年薪美元 换算万元",
                "入门级 $90K-$115K 65-83万",
                "资深级 $160K-$250K 116-182万",
                PARAGRAPHS[2],
            ]
        ),
        ["大模型算法工程师 5.2万 62.4万", "入门级 $90K-$115K 65-83万", PARAGRAPHS[2]],
    ),
]


@pytest.mark.parametrize("page,kept", SHAPES)
def test_cleaning_keeps_every_body_paragraph(page: str, kept: list[str]) -> None:
    body = clean_page(page).text
    for paragraph in kept:
        assert paragraph in body


def test_cleaning_drops_identified_story_lists() -> None:
    page = "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], *FURNITURE[1], *FURNITURE[2]])
    body = clean_page(page).text
    assert "某地楼市" not in body and "阅读 12.6万" not in body


def test_cleaning_cut_off_last_line_is_no_title() -> None:
    page = "\n".join(
        [
            PARAGRAPHS[0],
            PARAGRAPHS[1],
            "以发行价测算，公司本次发行后总市值将达537亿元，值得注意的是",
        ]
    )
    assert clean_page(page).title != "以发行价测算，公司本次发行后总市值将达537亿元，值得注意的是"


@pytest.mark.parametrize(
    "table",
    [
        "| 指标 | 大模型 | 小模型 |\n| 总参数量 | 117B | 21B |\n| 激活参数 | 5.1B | 3.6B |",
        # rows without outer bars, figures with their units: no navigation bar
        "指标 | 大模型 | 小模型\n总参数量 | 117B | 21B\n激活参数 | 5.1B | 3.6B",
    ],
)
def test_cleaning_keeps_table_rows_of_figures_with_units(table: str) -> None:
    body = clean_page("\n".join([PARAGRAPHS[0], table, PARAGRAPHS[1]])).text
    assert "总参数量 | 117B | 21B" in body and "激活参数 | 5.1B | 3.6B" in body


# A "label value" spec list with its separators lost, and a score table flattened into
# runs of figures, between a section heading and the next: content, kept whole.
SPEC_BLOCKS = [
    (
        [
            "2. 模型概述",
            "架构混合专家模型",
            "总参数量2千亿",
            "激活参数量120亿",
            "注意力头数量48",
            "词表大小15万",
            "上下文长度25万6千",
            "激活函数SwiGLU",
            "层数 (含全连接层)48",
            "注意力隐藏层维度6144",
            "专家总数256",
            "单token选用专家数8",
            "共享专家数量1",
            "注意力机制多层注意力",
        ],
        ["总参数量2千亿", "激活参数量120亿", "上下文长度25万6千"],
    ),
    (
        [
            "3. 评估结果",
            "BenchmarkNova-2Model-BModel-C",
            "Coding Tasks",
            "SWE-bench Verified",
            "(Agentless Coding)",
            "Single Patch48.236.139.0",
            "SWE-bench Verified",
            "(Agentic Coding)",
            "Single Attempt (Acc)61.538.234.1",
        ],
        ["Single Patch48.236.139.0", "Single Attempt (Acc)61.538.234.1"],
    ),
]


@pytest.mark.parametrize(("block", "kept"), SPEC_BLOCKS)
def test_cleaning_keeps_spec_lists_and_flattened_score_rows(block: list[str], kept) -> None:
    body = clean_page("\n".join([PARAGRAPHS[0], *block, PARAGRAPHS[1]])).text.split("\n")
    assert all(line in body for line in kept)


@pytest.mark.parametrize(
    "tail",
    [
        ["目前全市的整体算力已达每秒3000千万亿次浮点运算"],
        # a section heading between the body and the line cut short
        ["算力基建", "目前全市的整体算力已达每秒3000千万亿次浮点运算"],
    ],
)
def test_cleaning_keeps_a_cut_off_last_line(tail: list[str]) -> None:
    body = clean_page("\n".join([PARAGRAPHS[0], PARAGRAPHS[1], *tail])).text
    assert body.endswith(tail[-1])


NOT_HEADLINES = [
    "一、算力从哪里来",  # a numbered section of the body
    "（二）融资与估值",
    "3. 训练成本对比",
    "第一部分 市场格局",
    "6月5日，星辰智能发布新一代模型，短短两天内：",  # a line opening a list
    "星辰智能在演讲中对比了两款加速卡,分享了新芯片的性能参数情况,",  # a clause, cut off
]


@pytest.mark.parametrize("line", NOT_HEADLINES)
def test_cleaning_sections_and_list_openers_are_no_title(line: str) -> None:
    page = "\n".join([line, PARAGRAPHS[0], PARAGRAPHS[1]])
    assert clean_page(page).title != line


TZ = timezone(timedelta(hours=8))
DATES = [
    (" date 2025-10-09 " + PARAGRAPHS[0], datetime(2025, 10, 9, tzinfo=TZ)),
    ("发布日期: 2026年02月20日\n" + PARAGRAPHS[0], datetime(2026, 2, 20, tzinfo=TZ)),
    ("更新時間:09:46 2025-01-28\n" + PARAGRAPHS[4], datetime(2025, 1, 28, 9, 46, tzinfo=TZ)),
    ("【本报讯】2025年8月4日，" + PARAGRAPHS[0], datetime(2025, 8, 4, tzinfo=TZ)),
    ("【某某时报2023年06月14日讯】" + PARAGRAPHS[0], datetime(2023, 6, 14, tzinfo=TZ)),
    ("(2025.12.2,新加坡)" + PARAGRAPHS[0], datetime(2025, 12, 2, tzinfo=TZ)),
    # a time between the bars of a byline, with the site and a comment count
    (
        "星辰智能发布新一代芯片\n"
        "www.example.net | 2025-04-13 08:56:11  某某时报 | 0条评论 | 查看/发表评论\n"
        + PARAGRAPHS[0],
        datetime(2025, 4, 13, 8, 56, 11, tzinfo=TZ),
    ),
    # a byline with its read count and the poster's IP location beside the date
    (
        "星辰智能发布新一代芯片\n某某通讯社 2381浏览 2025-03-07 IP属地: 北京\n" + PARAGRAPHS[0],
        datetime(2025, 3, 7, tzinfo=TZ),
    ),
    ("日期:2022/01/30\n" + PARAGRAPHS[1], datetime(2022, 1, 30, tzinfo=TZ)),
    ("某某周刊Published on 2026-05-14\n" + PARAGRAPHS[2], datetime(2026, 5, 14, tzinfo=TZ)),
    # a deadline is no label of the page's date
    ("申请截止日期:2026-03-01\n" + PARAGRAPHS[1], None),
    ("2024-11-03\n" + PARAGRAPHS[1], datetime(2024, 11, 3, tzinfo=TZ)),
    ("某某科技观察\nAnnaJul 28, 2025\n" + PARAGRAPHS[3], datetime(2025, 7, 28, tzinfo=TZ)),
    (
        "AI伺服器出貨暢旺\n2025-01-28\n更新時間:09:46 2025-01-28\n" + PARAGRAPHS[4],
        datetime(2025, 1, 28, 9, 46, tzinfo=TZ),
    ),
    # a labelled date among the page's last lines
    (
        "\n".join(PARAGRAPHS + [f"第{n}段：星辰科技的新品细节还在公布之中。" for n in range(16)])
        + "\n信息发布日期:2026年2月4日",
        datetime(2026, 2, 4, tzinfo=TZ),
    ),
    (PARAGRAPHS[1], None),
]


@pytest.mark.parametrize("page,published", DATES)
def test_cleaning_finds_the_page_own_date(page: str, published: datetime | None) -> None:
    assert clean_page(page).published_at == published


def test_cleaning_date_header_leaves_its_line_in_the_body() -> None:
    body = clean_page(" date 2026-01-20 " + PARAGRAPHS[3] + "\n" + PARAGRAPHS[1]).text
    assert body.startswith(PARAGRAPHS[3])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(range(len(PARAGRAPHS))), min_size=1, max_size=5, unique=True),
    st.lists(st.sampled_from(range(len(FURNITURE))), max_size=4),
    st.randoms(use_true_random=False),
)
def test_cleaning_property_body_paragraphs_survive_furniture(body_ids, furniture_ids, rnd) -> None:
    """Body paragraphs in order, furniture blocks dropped in at random places: every body
    paragraph is in the cleaned body."""
    blocks: list[list[str]] = [[PARAGRAPHS[i]] for i in body_ids]
    for f in furniture_ids:
        blocks.insert(rnd.randint(0, len(blocks)), FURNITURE[f])
    page = "\n".join(line for block in blocks for line in block)
    body = clean_page(page).text
    for i in body_ids:
        assert PARAGRAPHS[i] in body


HTML_DATED_PARAGRAPH = """<html><head><title>页</title></head><body><nav>首页 | 科技</nav>
<article><h1>芯片公司市值创新高</h1>
<p>这家芯片公司近年来在人工智能芯片市场上占据主导地位，数据中心业务增长迅速。</p>
<p>据统计，英伟达市值于2024年1月8日收盘时达到1.2万亿美元，在全球上市公司中排名第五。</p>
<p>分析人士指出，随着各大云厂商加大资本开支，订单能见度已经延伸到明年下半年。</p>
</article><footer>版权所有</footer></body></html>"""

HTML_SHORT_ARTICLE = """<html><head><title>短文</title></head><body>
<article><p>文|张三</p><p>2024-05-01 10:00</p></article>
<div class="content">
<p>某大模型公司宣布完成新一轮融资，金额为10亿元人民币，投后估值达到200亿元，投资方包括多家机构。</p>
<p>公司表示，所融资金将主要用于模型研发和算力采购，预计年内推出新一代模型，参数规模将达到万亿级别。</p></div>
</body></html>"""


def test_cleaning_html_keeps_a_dated_paragraph_and_its_claim(extractor) -> None:
    extraction = extractor.extract(HTML_DATED_PARAGRAPH)
    assert "2024年1月8日收盘时达到1.2万亿美元" in extraction.article.text
    assert ("NVIDIA", "market_cap", 1.2e12) in {
        (c.subject, c.metric, c.value) for c in extraction.claims
    }


def test_cleaning_html_short_article_with_byline_keeps_the_text() -> None:
    body = clean_page(HTML_SHORT_ARTICLE, source_name="page.html").text
    assert "金额为10亿元人民币" in body and "参数规模将达到万亿级别" in body


@pytest.mark.parametrize(
    "source,site",
    [
        ("https://www.example.com/news/1.html", "example.com"),
        ("http://m.example.com.tw/a", "m.example.com.tw"),
        ("tech-feed", "tech-feed"),
        ("pages/article.txt", None),
        ("article.html", None),
        (None, None),
    ],
)
def test_cleaning_site_of_source(source: str | None, site: str | None) -> None:
    """A URL names its host as the site, a source its name; a file path no site."""
    assert site_of_source(source) == site
    assert clean_page(PARAGRAPHS[0], source_name=source).site == site


HEADLINE_CASES = [
    # a headline shown again under a label: the label's line is no headline
    (
        [
            "AI人工智慧台股:拆解星辰科技財報:看懂營收背後的真相",
            "台股:拆解星辰科技財報:看懂營收背後的真相",
        ],
        "台股:拆解星辰科技財報:看懂營收背後的真相",
    ),
    # of two headline-shaped lines, the one the byline follows is the article's
    (
        [
            "2026房市高唱碎心戀！專家：蛋白區恐跌一成",
            "單季新高 星辰科技財報日賺逾五億",
            "某某報／ 記者王小明／台北報導",
        ],
        "單季新高 星辰科技財報日賺逾五億",
    ),
    # a headline in English may be long; an English sentence (a widget's line) is none
    (
        [
            "Xinghe AI surged 85% on its first day of trading in Hong Kong, giving its early "
            "backers a fortune, analysts say",
            "某某財經",
            "2026.01.09 09:07",
            "I'm a bot, I can summarize articles.",
        ],
        "Xinghe AI surged 85% on its first day of trading in Hong Kong, giving its early "
        "backers a fortune, analysts say",
    ),
    # a site's banner over the headline: the line right above the article's time heads it
    (
        [
            "学习大模型的前沿技术与行业应用场景",
            "星辰科技推出最强的人工智能芯片",
            "发布日期:2024-05-17 06:48:51",
        ],
        "星辰科技推出最强的人工智能芯片",
    ),
    # a breadcrumb ending in the headline is no title: the headline under it is
    (
        [
            "首页 > 科技笔记 > 星辰科技半年营收翻倍",
            "星辰科技半年营收翻倍",
            "发布时间:2025-07-24 16:16:08",
        ],
        "星辰科技半年营收翻倍",
    ),
]


@pytest.mark.parametrize(("head", "title"), HEADLINE_CASES)
def test_cleaning_headline_among_banners(head: list[str], title: str) -> None:
    page = "\n".join([*head, PARAGRAPHS[0], PARAGRAPHS[1]])
    assert clean_page(page).title == title


HEADLINE_BODIES = [
    # a plain-text page: the headline line, a byline, then the article
    (
        "\n".join(["星辰智能获30亿元B轮融资 估值升至200亿元", "记者 王小明", *PARAGRAPHS[:2]]),
        "星辰智能获30亿元B轮融资 估值升至200亿元",
    ),
    # an HTML page: the <h1> headline above the paragraphs
    (
        "<html><head><title>星辰智能获30亿元B轮融资 | 某某网</title></head><body>"
        "<h1>星辰智能获30亿元B轮融资</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3])
        + "</body></html>",
        "星辰智能获30亿元B轮融资",
    ),
    # a body whose first paragraph is the headline already holds it once
    ("\n".join(["星辰智能获30亿元B轮融资", *PARAGRAPHS[:2]]), "星辰智能获30亿元B轮融资"),
    # a headline the page prints again inside the article is still there once
    (
        "\n".join(
            [
                "星辰智能获30亿元B轮融资",
                "记者 王小明",
                PARAGRAPHS[0],
                "星辰智能获30亿元B轮融资",
                PARAGRAPHS[1],
            ]
        ),
        "星辰智能获30亿元B轮融资",
    ),
]


@pytest.mark.parametrize(("page", "headline"), HEADLINE_BODIES)
def test_cleaning_body_opens_with_the_headline(page: str, headline: str) -> None:
    """Headlines carry claims, so the body that claims index opens with it, once."""
    article = clean_page(page)
    lines = article.text.split("\n")
    assert article.title == headline
    assert lines[0] == headline and headline not in lines[1:]
    assert PARAGRAPHS[0] in lines and PARAGRAPHS[1] in lines


def test_cleaning_headline_claim_is_found(extractor) -> None:
    """A figure only the headline gives is a claim, its offsets in the body."""
    page = "\n".join(["星辰智能获30亿元B轮融资", "记者 王小明", *PARAGRAPHS[1:3]])
    extraction = extractor.extract(page)
    found = [c for c in extraction.claims if c.metric == "funding"]
    assert [(c.value, c.unit) for c in found] == [(3e9, "CNY")]
    assert extraction.article.text[found[0].start : found[0].end] == "30亿元"


LEAD = (
    "某大模型公司今天宣布完成新一轮融资，金额为10亿元人民币。公司同时公布了用户数字：每周活跃"
    "用户已达9000万，一年前仅为2000万。分析人士认为这一增长在行业中并不多见。"
)
LONG_LEAD = (
    "某电脑制造商今天公布截至六月底的季度业绩：当季营收同比增长二成至一千亿元，创下同期新高；"
    "净利润同比增长二成，达二十亿元，盈利能力显著增强，为新财年开了一个好头。"
)
REPEATS = [
    # a lead shown above the article, then again as its first paragraph: kept once
    ([LEAD, LEAD, PARAGRAPHS[2]], [LEAD, PARAGRAPHS[2]]),
    # ... also when the lead is one long sentence, its clauses joined by semicolons
    ([LONG_LEAD, LONG_LEAD, PARAGRAPHS[2]], [LONG_LEAD, PARAGRAPHS[2]]),
    # a short line printed twice (a list's headline) is still furniture
    (
        [PARAGRAPHS[0], "某品牌新车上市", PARAGRAPHS[1], "某品牌新车上市"],
        [PARAGRAPHS[0], PARAGRAPHS[1]],
    ),
]


@pytest.mark.parametrize(("lines", "body"), REPEATS)
def test_cleaning_paragraph_printed_twice_is_kept_once(lines: list[str], body: list[str]) -> None:
    assert clean_page("\n".join(lines)).text.split("\n") == body


def test_cleaning_headline_over_no_paragraph_keeps_the_text_with_a_warning() -> None:
    """A headline over furniture only is no article the cleaner can find: the page's text
    is kept whole, and the cleaning says so."""
    page = "\n".join(["星辰智能获30亿元B轮融资", "记者 王小明", *FURNITURE[0]])
    cleaned = clean_page_simplified(page)
    assert cleaned.article.title == "星辰智能获30亿元B轮融资" and cleaned.warning == NO_BODY
    assert cleaned.article.text.split("\n")[0] == "星辰智能获30亿元B轮融资"


FETCHED = datetime(2025, 3, 20, 12, 30, tzinfo=UTC)  # 20:30 in Beijing
RELATIVE_TIMES = [
    ("3小时前 来源：某某网", datetime(2025, 3, 20, 17, 30, tzinfo=TZ)),
    ("25分钟前", datetime(2025, 3, 20, 20, 5, tzinfo=TZ)),
    ("2天前 某某科技", datetime(2025, 3, 18, 20, 30, tzinfo=TZ)),
    ("昨天 10:20 某某网", datetime(2025, 3, 19, 10, 20, tzinfo=TZ)),
    ("剛剛", datetime(2025, 3, 20, 20, 30, tzinfo=TZ)),
]


@pytest.mark.parametrize(("line", "published"), RELATIVE_TIMES)
def test_cleaning_relative_time_counts_back_from_the_fetch(line: str, published: datetime) -> None:
    """A header's "3小时前" is read against the moment the page was fetched, and not at
    all when that moment is unknown."""
    page = "\n".join(["星辰智能获30亿元B轮融资", line, PARAGRAPHS[0], PARAGRAPHS[1]])
    assert clean_page(page, fetched_at=FETCHED).published_at == published
    assert clean_page(page).published_at is None


def test_cleaning_relative_times_of_a_related_list_are_not_the_article_s() -> None:
    lines = ["星辰智能获30亿元B轮融资", PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]]
    page = "\n".join([*lines, "相关阅读", "某地楼市成交回暖 3小时前", "某球队客场取胜 5小时前"])
    assert clean_page(page, fetched_at=FETCHED).published_at is None


def test_cleaning_page_of_furniture_only_keeps_its_text_with_a_warning() -> None:
    """A page with text where nothing reads as an article is kept whole (each line once)
    and the cleaning says so; a page with an article says nothing."""
    page = "\n".join([*FURNITURE[0], *FURNITURE[3], *FURNITURE[0], *FURNITURE[4]])
    cleaned = clean_page_simplified(page)
    assert cleaned.warning == NO_BODY
    assert cleaned.article.text.split("\n") == [*FURNITURE[0], *FURNITURE[3], *FURNITURE[4]]
    assert clean_page_simplified("\n".join([*FURNITURE[0], *PARAGRAPHS[:2]])).warning is None
    assert clean_page_simplified("0\n12\n-").article.text == ""  # no words: nothing to keep


def test_cleaning_rss_item_saved_as_a_page_keeps_its_cdata_paragraphs() -> None:
    """An RSS item saved as a page wraps its HTML in CDATA, cut off with the page: an
    HTML parser would drop it as a bogus comment."""
    page = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        "<title><![CDATA[星辰智能发布新模型]]></title><description><![CDATA["
        f'<p dir="auto">{PARAGRAPHS[0]}（<a href="https://example.com">https://example.com</a>）'
        f'</p>\n<p dir="auto">{PARAGRAPHS[1]}'
    )
    article = clean_page(page)
    assert PARAGRAPHS[0] in article.text and PARAGRAPHS[1] in article.text
    assert article.title == "星辰智能发布新模型"  # (the XML declaration hid the <title>)
