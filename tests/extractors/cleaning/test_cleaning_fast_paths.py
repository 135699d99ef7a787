"""The cleaner's shortcuts give exactly the answers of the plain computations they replace.

Each shortcut (literal tries, batched script conversion, per-page
scans, cheap pre-checks) is compared with the straightforward version on
hand-picked lines and on generated text.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.chinese_script import simplified_lines, to_simplified
from extractors.cleaning.lines import (
    date_line,
    rows_matching,
    timestamp_in,
    timestamp_lines,
)
from extractors.cleaning.markers import load_markers
from extractors.cleaning.pattern_sets import literal_trie
from extractors.dates import FULLWIDTH_FORMS, TIMESTAMP_RE, ascii_digits

MARKER_DATA = tomllib.loads(
    resources.files("extractors").joinpath("data", "cleaning_markers.toml").read_text("utf-8")
)

LINES = [
    "",
    "2.3万阅读",
    "阅读 1.2万",
    "共有 128 粉丝 · 12 获赞",
    "1024篇文章",
    "该模型拥有6710亿参数，训练成本仅为557万美元，使用了2048块H800显卡。",
    "分享至",
    "3 分享",
    "+关注",
    "关注",
    "已关注",
    "发布时间：2025-03-28 10:00",
    "发布于 北京",
    "图片来源：网络",
    "原标题：某公司发布新模型",
    "作者：张三",
    "NOTICE: 本文仅供参考",
    "Disclaimer: for reference only",
    "责任编辑：李四",
    "相关阅读",
    "12 条评论",
    "打开APP阅读全文",
    "进入关怀版",
    "科技要闻",
    "返回顶部",
    "——《论语》",
    "据报道，相关阅读量已超过10万，粉丝数持续增长。",
    "他说：关注度很高，阅读量达到1000",
    "數據顯示，該模型的訓練成本為557萬美元。",
    "２０２５－０３－２８　１０：００",
    "２０２５年３月２８日 上午９时３０分 来源：某某网",
    "2025年03月20日 某某网",
    "12345 678",
]


TRIE_WORDS = [["网易", "网易号", "网易新闻", "163.com", "a", "ab", "abc", "b.c"], ["x"], []]


@pytest.mark.parametrize("words", TRIE_WORDS)
@pytest.mark.parametrize("text", ["", "网易号首页", "网", "xyz", "zzab", "b-c", "b.c", "163xcom"])
def test_pattern_sets_literal_trie_finds_any_word(words: list[str], text: str) -> None:
    trie = literal_trie(words)
    found = bool(trie) and re.search(trie, text) is not None
    assert found == any(w in text for w in words)


def _naive_site(text: str) -> str | None:
    """The documented rule: the longest marker found in the text names the site."""
    for marker, name in load_markers().sites.markers:
        if marker.lower() in text.lower():
            return name
    return None


SITE_TEXTS = [
    "",
    "网易首页 > 科技 > 网易号",
    "本文来自网易新闻客户端",
    "来源：新浪科技",
    "新浪网 新浪首页",
    "SINA.COM.CN",
    "www.163.com 版权所有",
    "聯合新聞網",
    "该模型拥有6710亿参数，训练成本仅为557万美元。",
    "BBC News 中文",
]


@pytest.mark.parametrize("text", SITE_TEXTS)
def test_markers_site_table_finds_longest_marker(text: str) -> None:
    assert load_markers().sites.find(text) == _naive_site(text)


CHANNEL_CASES = [("网易", True), ("网易号", False), ("某某未知网", False)]


@pytest.mark.parametrize(("name", "refined"), CHANNEL_CASES)
def test_markers_site_table_knows_which_names_have_channels(name: str, refined: bool) -> None:
    assert load_markers().sites.has_channel(name) == refined


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="网易号新浪科技财经首页搜狐腾讯163.comSINAsina 中文BBCNews>", max_size=24))
def test_markers_site_table_finds_longest_marker_on_generated_text(text: str) -> None:
    assert load_markers().sites.find(text) == _naive_site(text)


SIMPLIFIED_PAGES = [
    [],
    ["abc", "123"],
    LINES[1:],
    [
        "數據顯示，該模型的訓練成本為557萬美元。",
        "瞭解更多：臺灣、香港",
        "𠀀𠀁 extension B",
        "乾隆年間",
    ],
    ["简体中文不变", "", "混合 繁體 text"],
]


@pytest.mark.parametrize("lines", SIMPLIFIED_PAGES)
def test_simplified_lines_equal_line_by_line_conversion(lines: list[str]) -> None:
    assert simplified_lines(lines).lines == [to_simplified(line) for line in lines]


def test_dates_fullwidth_forms_cover_every_character_ascii_digits_changes() -> None:
    probe = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    converted = ascii_digits(probe)
    assert len(converted) == len(probe)
    changed = [a for a, b in zip(probe, converted, strict=True) if a != b]
    assert changed and all(FULLWIDTH_FORMS.fullmatch(ch) for ch in changed)


def _plain_timestamp_in(line: str) -> re.Match[str] | None:
    for m in TIMESTAMP_RE.finditer(ascii_digits(line)):
        if m["hour"] is not None:
            return m
    return None


@pytest.mark.parametrize("line", LINES)
def test_lines_timestamp_checks_agree_with_plain_search(line: str) -> None:
    fast, plain = timestamp_in(line), _plain_timestamp_in(line)
    assert (fast and fast.span()) == (plain and plain.span())
    assert (fast and fast.groupdict()) == (plain and plain.groupdict())
    plain_date = TIMESTAMP_RE.search(ascii_digits(line))
    date = date_line(line)
    if date is not None:
        assert plain_date is not None and date.span() == plain_date.span()


def test_lines_timestamp_lines_of_a_page() -> None:
    stamps = timestamp_lines(LINES)
    for line, stamp in zip(LINES, stamps, strict=True):
        plain = _plain_timestamp_in(line)
        is_stamp_line = plain is not None and len(line) - len(plain[0]) <= 24
        assert (stamp is not None) == is_stamp_line
        assert stamp is None or stamp.span() == plain.span()


ROWS_CASES = [
    (r"\d\d\d\d", ["a", "2025 and 2026", "", "x1234", "12 34"], [1, 3]),
    (r"网易", ["网易", "网易网易", "网", "易", "首页网易"], [0, 1, 4]),
    (r"z", [], []),
]


@pytest.mark.parametrize(("pattern", "lines", "rows"), ROWS_CASES)
def test_lines_rows_matching(pattern: str, lines: list[str], rows: list[int]) -> None:
    assert rows_matching(re.compile(pattern), lines) == rows


STAMP_ALPHABET = "0123456789０１２３４５６７８９ -/.:：／－．年月日号时時分秒上午下午T+Z来源网"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=STAMP_ALPHABET, max_size=32))
def test_lines_timestamp_checks_agree_with_plain_search_on_generated_lines(line: str) -> None:
    fast, plain = timestamp_in(line), _plain_timestamp_in(line)
    assert (fast and fast.span()) == (plain and plain.span())
    date, plain_date = date_line(line), TIMESTAMP_RE.search(ascii_digits(line))
    assert date is None or (plain_date is not None and date.span() == plain_date.span())
    if plain_date is not None and plain_date["hour"] is None:
        assert (date is None) == (len(line) - len(plain_date[0]) > 16)
