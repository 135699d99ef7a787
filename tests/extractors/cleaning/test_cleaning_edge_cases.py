"""clean_page on awkward input: empty, broken or nested HTML, scripts only,
Windows newlines, full-width spaces."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.cleaning import clean_page
from extractors.cleaning.html_page import looks_like_html

PAGES = Path(__file__).parent / "pages"

PARAGRAPH = "某研究团队发布了一个新的开源模型，参数量为700亿，训练使用了1024张加速卡，历时约40天。"

EMPTY_INPUTS = ["", "   ", "\n\r\n\t", "\u3000\u3000\n"]


@pytest.mark.parametrize("raw", EMPTY_INPUTS)
def test_cleaning_empty_input_gives_empty_article(raw: str) -> None:
    article = clean_page(raw)
    assert article.text == ""
    assert article.title is None and article.published_at is None


ODD_HTML = [
    (
        "nested",
        "<html><body>"
        + "<div>" * 3000
        + f"<p>{PARAGRAPH}</p>"
        + "</div>" * 3000
        + "</body></html>",
    ),
    ("unclosed", f"<html><body><div><p>{PARAGRAPH}<p>第二段，估值达到50亿元。<div><span>"),
    ("no_body_tag", f"<p>{PARAGRAPH}</p><p>另一段落也属于正文，说明了更多细节。</p><div>x</div>"),
]


@pytest.mark.parametrize(("name", "raw"), ODD_HTML, ids=[n for n, _ in ODD_HTML])
def test_cleaning_odd_html_still_yields_body(name: str, raw: str) -> None:
    article = clean_page(raw)
    assert PARAGRAPH in article.text
    assert "<" not in article.text


SCRIPT_ONLY = [
    "<html><head><script>var a = 1;</script></head><body><script>init()</script></body></html>",
    "<!DOCTYPE html><html><body><noscript>请启用JavaScript</noscript><script src='a.js'></script>",
]


@pytest.mark.parametrize("raw", SCRIPT_ONLY)
def test_cleaning_script_only_page_gives_empty_text(raw: str) -> None:
    article = clean_page(raw)
    assert "init()" not in article.text and "var a" not in article.text


def test_cleaning_windows_newlines_and_fullwidth_spaces_change_nothing() -> None:
    raw = (PAGES / "sina_like.txt").read_text(encoding="utf-8")
    messy = "\r\n".join("\u3000\u3000" + line + " \t" for line in raw.split("\n"))
    assert clean_page(messy) == clean_page(raw)


def test_cleaning_keeps_chinese_characters_and_script_untouched() -> None:
    raw = (PAGES / "udn_like.html").read_text(encoding="utf-8")
    article = clean_page(raw)
    assert "臺" not in article.text and "輝達" in article.text and "辉达" not in article.text


def test_cleaning_source_name_fills_missing_site() -> None:
    raw = f"一个没有站点标记的页面标题\n{PARAGRAPH}\n"
    assert clean_page(raw, source_name="某订阅源").site == "某订阅源"
    assert clean_page(raw).site is None


def test_cleaning_default_tz_applies_to_naive_times() -> None:
    raw = f"一个没有站点标记的页面标题\n2025-03-01 10:00\n{PARAGRAPH}\n"
    article = clean_page(raw, default_tz="+09:00")
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2025-03-01T10:00:00+09:00"


HTML_DETECTION = [
    ("<!DOCTYPE html><html><body>x</body></html>", True),
    ("<div><p>正文</p><a href='/'>首页</a></div>", True),
    ("网易首页 > 网易号 > 正文\n标题\n正文段落。", False),
    ("比较 a<b 与 c>d 的大小，这不是网页。", False),
]


@pytest.mark.parametrize(("raw", "expected"), HTML_DETECTION)
def test_cleaning_detects_html_versus_text_dump(raw: str, expected: bool) -> None:
    assert looks_like_html(raw) is expected


def test_cleaning_date_only_header_gives_midnight() -> None:
    raw = f"一个只有日期的页面标题\n2025年03月02日 某某网\n{PARAGRAPH}\n"
    article = clean_page(raw)
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2025-03-02T00:00:00+08:00"
    assert article.text == f"一个只有日期的页面标题\n{PARAGRAPH}"


# Pages whose first lines are no headline, or a headline of Latin words with few Chinese
# characters: (page lines, the title the cleaner must give).
HEADLINE_CASES = [
    # a headline mostly of Latin words beats a long list item below it
    (
        [
            "Gemma 4 上线",
            "• 新版本支持更长的上下文窗口，开发者可在本地部署并进行微调，社区反响热烈 3",
            PARAGRAPH,
        ],
        "Gemma 4 上线",
    ),
    # a list item is never the headline, nor a bracketed aside
    (
        [
            "• 新版本支持更长的上下文窗口，开发者可在本地部署并进行微调，社区反响热烈 3",
            "(更多关于模型评测的内容)",
            PARAGRAPH,
        ],
        None,
    ),
    # who reports is no headline
    (["极客前沿报道", "极客前沿编辑部", PARAGRAPH], None),
    # a repost's original headline stands for the headline when the page shows none
    (["(原标题:某厂商第三季度营收持平，亏损扩大)", PARAGRAPH], "某厂商第三季度营收持平，亏损扩大"),
    # a headline right under a breadcrumb that follows a long menu of short lines
    (
        [
            *[f"栏目{n} 子栏目{n}" for n in range(18)],
            "社区 » 开源",
            "某开源项目一周增长五倍",
            PARAGRAPH,
        ],
        "某开源项目一周增长五倍",
    ),
    # a headline printed twice (the page's title, then the article's heading) beats a
    # message line of the page above it, and the body keeps it once
    (
        [
            "贴文复制成功(包含文章链接)!",
            "某实验室超级电脑启用，百万GPU同时开训",
            "某实验室超级电脑启用，百万GPU同时开训",
            PARAGRAPH,
        ],
        "某实验室超级电脑启用，百万GPU同时开训",
    ),
    # a byline of several labelled names is no headline
    (["文:林一 编辑:王二", PARAGRAPH], None),
    # a platform's tag after the headline is no part of it
    (["某实验室开源新模型，推理成本降一半 原创", PARAGRAPH], "某实验室开源新模型，推理成本降一半"),
]


@pytest.mark.parametrize(("lines", "title"), HEADLINE_CASES)
def test_cleaning_headline_shapes(lines: list[str], title: str | None) -> None:
    article = clean_page("\n".join(lines))
    assert article.title == title
    assert PARAGRAPH in article.text


def test_cleaning_time_after_its_label_in_a_byline() -> None:
    """A byline may carry the page's time after its label, further along the line than a
    bare timestamp line allows."""
    page = "\n".join(
        [
            "某实验室开源新模型",
            "IP属地 中国北京 编辑:张明远 李华生 校对:王小明 时间:2025-03-02 10:20:00",
            PARAGRAPH,
        ]
    )
    article = clean_page(page)
    assert article.published_at is not None
    assert article.published_at.isoformat().startswith("2025-03-02T10:20")
    assert PARAGRAPH in article.text


def test_cleaning_keeps_a_table_split_by_spaces_at_the_end() -> None:
    """A header of short words split by spaces looks like a navigation bar; over rows of
    amounts split the same way it heads a table, and the rows stay in the body."""
    rows = ["总营收 312亿元 -7% 略超预期", "云业务 42亿元 +33% 增速加快"]
    page = "\n".join([PARAGRAPH, "核心数据概览", "业务板块 本季数据 同比增速 核心亮点", *rows])
    article = clean_page(page)
    assert all(row in article.text for row in rows)


PINYIN_GLOSS_CASES = [
    # (a body line as printed, the line in the cleaned body)
    ("公司營(yíng)收為3.2億元，同比增長(zhǎng)15%。", "公司營收為3.2億元，同比增長15%。"),
    ("该公司净(jìng)利润为负，亏损（kuī）扩大。", "该公司净利润为负，亏损扩大。"),
    # glosses in English or letters without a tone mark are the article's own words
    ("团队带头人(leader)共有三位。", "团队带头人(leader)共有三位。"),
    ("新模型(MoE)的参数为千亿级别，推理成本较低。", "新模型(MoE)的参数为千亿级别，推理成本较低。"),
]


@pytest.mark.parametrize(("line", "cleaned"), PINYIN_GLOSS_CASES)
def test_cleaning_drops_pinyin_glosses_from_the_body_not_the_title(line: str, cleaned: str) -> None:
    title = "某公司財(cái)報(bào)出爐"
    article = clean_page(f"{title}\n{line}\n{PARAGRAPH}\n")
    assert article.title == title
    assert cleaned in article.text.split("\n")


def test_cleaning_site_day_under_a_slogan_is_not_the_articles_time() -> None:
    """A site's slogan over the site's day ("…星期二") is no headline: the line over the
    article's labelled time is, and that time is the article's."""
    page = "\n".join(
        [
            "关注全球时事|洞察国际风云",
            "2025-03-18 17:24 星期二",
            "算力热度持续攀升，如何扩容？",
            "时间:2025-09-05 12:48 来源:某某社",
            PARAGRAPH,
        ]
    )
    article = clean_page(page)
    assert article.title == "算力热度持续攀升，如何扩容？"
    assert article.published_at is not None
    assert article.published_at.isoformat() == "2025-09-05T12:48:00+08:00"
