"""Table-driven checks of clean_page on portal-style pages written for these tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from extractors.cleaning import clean_page

PAGES = Path(__file__).parent / "pages"


@dataclass(frozen=True)
class PageCase:
    file: str
    title: str | None
    published_at: str | None  # ISO with offset, compared to the minute
    author: str | None
    site: str | None
    contains: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    first_line: str | None = None
    last_line: str | None = None
    source_name: str | None = None


CASES = [
    PageCase(
        "kr36_like.html",
        title="星河智算完成8亿元B轮融资，加码推理芯片研发",
        published_at="2025-02-14T09:26+08:00",
        author="林晓岚",
        site="36氪",
        contains=("8亿元人民币B轮融资", "每秒1200个token"),
        excludes=("相关推荐", "价格下调三成", "Copyright", "快讯", "登录", "window.__STATE__"),
        first_line="36氪获悉",
        last_line="投资方认为",
    ),
    PageCase(
        "udn_like.html",
        title="輝達新款AI晶片交貨加速 台積電先進封裝產能再擴",
        published_at="2025-01-22T18:05+08:00",
        author="陳怡君",
        site="联合新闻网",
        contains=("約3.5萬片提升至7萬片", "新台幣2000億元"),
        excludes=("延伸閱讀", "記憶體價格連三季上漲", "著作權所有", "首頁"),
        first_line="供應鏈消息指出",
        last_line="法人分析",
    ),
    PageCase(
        "sina_like.txt",
        title="国产大模型价格战升级：多家厂商宣布API降价超过八成",
        published_at="2025-03-12T16:40+08:00",
        author=None,
        site="新浪科技",
        contains=("0.8元", "不足40%提高到65%左右"),
        excludes=("原标题", "责任编辑", "相关阅读", "推理优化服务", "2025年03月10日", "扫描"),
        first_line="新浪科技讯",
        last_line="分析人士认为",
    ),
    PageCase(
        "sohu_like.txt",
        title="算力租赁市场观察：一张H100的月租金半年跌了四成",
        published_at="2025-02-26T21:08+08:00",
        author="数智前沿观察",
        site="搜狐号",
        contains=("回落约四成", "已经达到35%"),
        excludes=("发布于", "返回搜狐", "平台声明", "阅读 (1234)", "数智前沿观察"),
        first_line="去年下半年",
        last_line="不过也有业内人士表示",
    ),
    PageCase(
        "netease_like.txt",
        title="开源模型下载量突破十亿次，社区生态进入新阶段",
        published_at="2025-01-16T08:30+08:00",
        author="算法小站",
        site="网易号",
        contains=("社区数据", "企业的选择", "约45%"),
        excludes=(
            "分享至",
            "往期经典回顾",
            "特别声明",
            "相关推荐",
            "国产服务器",
            "2025-01-15",
            "文章数",
            "科技要闻",
            "折叠屏",
            "无障碍浏览",
        ),
        last_line="越来越多的企业",
    ),
    PageCase(
        "citation_title.txt",
        title="芯片出口新规落地 多家厂商调整产品线",
        published_at="2025-01-08T07:15+08:00",
        author="王海涛",
        site=None,
        contains=("两成左右",),
        excludes=("资料来源", "记者：王海涛"),
        first_line="美国商务部",
    ),
    PageCase(
        "citation_no_title.txt",
        title=None,  # a page without a headline has no title, not its first paragraph
        published_at=None,
        author=None,
        site="路透社来源",
        source_name="路透社来源",
        contains=("约12%", "100兆瓦"),
        excludes=("资料来源",),
        first_line="研究机构的最新报告称",
    ),
    PageCase(
        "portal_generic.txt",
        title="某大模型公司发布年度技术报告 披露训练集群规模",
        published_at="2025-03-20T10:00+08:00",
        author="张三",
        site="第一财经",
        contains=("达到52%", "30亿元"),
        excludes=("字号", "热门文章", "某芯片公司股价大涨", "2025-03-19", "首页"),
        first_line="某大模型公司今日发布",
        last_line="公司表示",
    ),
    PageCase(
        "wechat_like.txt",
        title="这家初创公司用300张卡训出了一个好模型",
        published_at="2025-03-21T18:30+08:00",
        author="前沿算力说",
        site=None,
        contains=("不到200万元",),
        excludes=("原创", "专注算力与芯片", "阅读原文", "微信扫一扫", "预览时标签不可点"),
        first_line="在很多人看来",
        last_line="这一结果引发了",
    ),
    PageCase(
        "thepaper_like.txt",
        title="研究显示：生成式AI应用的日活用户一年增长三倍",
        published_at="2025-03-22T09:15+08:00",
        author="王五",
        site="澎湃新闻",
        contains=("达到1.2亿",),
        excludes=("来源：澎湃新闻", "记者 王五"),
        first_line="一份最新发布的行业研究显示",
    ),
]


def _minute(value: str | None) -> str | None:
    return None if value is None else datetime.fromisoformat(value).isoformat(timespec="minutes")


@pytest.fixture(scope="module", params=CASES, ids=[c.file for c in CASES])
def cleaned(request):
    case: PageCase = request.param
    raw = (PAGES / case.file).read_text(encoding="utf-8")
    return case, clean_page(raw, source_name=case.source_name)


def test_cleaning_title_is_the_articles_own(cleaned) -> None:
    case, article = cleaned
    assert article.title == case.title


def test_cleaning_published_at_is_the_articles_own(cleaned) -> None:
    case, article = cleaned
    got = article.published_at.isoformat(timespec="minutes") if article.published_at else None
    assert got == _minute(case.published_at)


def test_cleaning_author_and_site(cleaned) -> None:
    case, article = cleaned
    assert (article.author, article.site) == (case.author, case.site)


def test_cleaning_body_keeps_article_text(cleaned) -> None:
    case, article = cleaned
    for snippet in case.contains:
        assert snippet in article.text
    lines = article.text.split("\n")
    if article.title:  # the body opens with the headline, then the article's text
        assert lines[0] == article.title
        lines = lines[1:]
    if case.first_line:
        assert lines[0].startswith(case.first_line)
    if case.last_line:
        assert lines[-1].startswith(case.last_line)


def test_cleaning_body_drops_page_furniture(cleaned) -> None:
    case, article = cleaned
    for snippet in case.excludes:
        assert snippet not in article.text
    assert "\n\n" not in article.text
    assert all(line == line.strip() for line in article.text.split("\n"))
