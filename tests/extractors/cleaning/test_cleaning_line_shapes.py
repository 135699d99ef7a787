"""What the cleaner's line routines answer, as tables of inputs and expected outputs.

Line normalisation, page sniffing, timestamp and date lines, lone numbers and
citations, headline sizes, the site table, word scans, and the alignment check that
lets a page be converted to simplified script in one converter call.
"""

from __future__ import annotations

import pytest

from extractors.chinese_script import _aligned
from extractors.cleaning.html_page import looks_like_html
from extractors.cleaning.lines import (
    date_line,
    has_title_size,
    is_citation,
    is_lone_number,
    normalise_text,
    timestamp_line_match,
    timestamp_lines,
)
from extractors.cleaning.markers import load_markers
from extractors.cleaning.pattern_sets import word_scan
from extractors.dates import FULLWIDTH_FORMS, ascii_digits

NORMALISE_CASES = [
    ("", [""]),
    (" a  b ", ["a b"]),
    ("a \u200b b", ["a b"]),  # an invisible character between spaces
    ("a\u200eb", ["ab"]),  # a bidi mark
    ("\u00ad", [""]),  # a soft hyphen
    ("\u3000\u3000正文 内容", ["正文 内容"]),
    ("x\u00a0 \u2003y", ["x y"]),
    ("a\tb\r\nc\rd\u2028e", ["a b", "c", "d", "e"]),
]


@pytest.mark.parametrize(("raw", "lines"), NORMALISE_CASES)
def test_cleaning_normalise_text(raw: str, lines: list[str]) -> None:
    assert normalise_text(raw) == lines


SNIFF_CASES = [
    ("", False),
    ("<!DOCTYPE html><p>x", True),
    ("   \n<HTML lang=zh>", True),
    ("<?xml version='1.0'?>", True),
    ("\u0130<!doctype html>", False),  # 'İ' lowers to two characters, then the doctype
    ("<!doctype htm\u212a", False),  # the Kelvin sign lowers to an ASCII 'k', not 'l'
    ("<div><p>a</p></div>", True),  # closing tags count
    ("<p>a</p>", False),  # two tags, no doctype
    (" " * 5000 + "<html>", False),  # the doctype beyond the first 5,000 characters
    (" " * 4990 + "<html>", True),
    ("x" * 19990 + "<p><p><p>", True),
    ("x" * 19995 + "<p><p><p>", False),  # the third tag beyond the first 20,000
    ("正文<br>第二行<br>第三<br", True),
    ("正文<br>第二行<br", False),
]


@pytest.mark.parametrize(("raw", "html"), SNIFF_CASES)
def test_cleaning_looks_like_html(raw: str, html: bool) -> None:
    assert looks_like_html(raw) is html


# line, span of its date-with-time when it is a timestamp line, span of its date when it
# is a date line (a date without a time of day)
STAMP_CASES = [
    ("发布时间：2025-03-28 10:00", (5, 21), None),
    ("２０２５－０３－２８\u3000１０：００", (0, 16), None),
    ("２０２５年３月２８日 上午９时３０分 来源：某某网", (0, 17), None),
    ("2025-03-28 10:00 来源：某某网 作者：张三 责任编辑：李四 某某某", (0, 17), None),  # 24 more
    ("2025-03-28 10:00 来源：某某网 作者：张三 责任编辑：李四 某某某某", None, None),  # 25 more
    ("据报道，2025年3月28日10:00，该公司在北京发布了新一代大模型，参数规模超过万亿。", None, None),
    ("2025年03月20日 某某网", None, (0, 11)),
    ("2025-03-28", None, (0, 10)),
    ("12345 678", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("line", "stamp", "date"), STAMP_CASES)
def test_cleaning_timestamp_and_date_lines(
    line: str, stamp: tuple[int, int] | None, date: tuple[int, int] | None
) -> None:
    m, d = timestamp_line_match(line), date_line(line)
    assert (m and m.span()) == stamp
    assert (d and d.span()) == date
    assert [m and m.span() for m in timestamp_lines([line, "正文"])] == [stamp, None]


SHAPE_CASES = [
    # line, lone number, citation
    ("01", True, False),
    ("（三）", True, False),
    ("IV.", True, False),
    ("1234", False, False),
    ("（资料来源：某某）", False, True),
    ("(来源: 网易)", False, True),
    ("来源：网易", False, False),
    ("x（来源：a）", False, False),
]


@pytest.mark.parametrize(("line", "lone_number", "citation"), SHAPE_CASES)
def test_cleaning_lone_numbers_and_citations(line: str, lone_number: bool, citation: bool) -> None:
    assert is_lone_number(line) is lone_number
    assert is_citation(line) is citation


TITLE_SIZE_CASES = [
    ("新闻标题模型发布", True),
    ("模型发布", False),  # under six characters
    ("ab cd ef", True),  # three words
    ("ab cd", False),
    ("（三）新闻标题模型", True),
    ("A" * 101, False),
]


@pytest.mark.parametrize(("line", "expected"), TITLE_SIZE_CASES)
def test_cleaning_title_size(line: str, expected: bool) -> None:
    assert has_title_size(line) is expected


SITE_CASES = [
    ("", None),
    ("网易首页 > 科技 > 网易号", "网易"),
    ("本文来自网易新闻客户端", "网易"),
    ("来源：新浪科技", "新浪科技"),  # the longest marker wins
    ("新浪网 新浪首页", "新浪"),
    ("SINA.COM.CN", "新浪"),
    ("www.163.com 版权所有", "网易"),
    ("聯合新聞網", "联合新闻网"),
    ("该模型拥有6710亿参数。", None),
    ("BBC News 中文", "BBC中文"),
]


@pytest.mark.parametrize(("text", "site"), SITE_CASES)
def test_markers_site_table_finds_longest_marker(text: str, site: str | None) -> None:
    assert load_markers().sites.find(text) == site


CHANNEL_CASES = [("网易", True), ("网易号", False), ("某某未知网", False)]


@pytest.mark.parametrize(("name", "refined"), CHANNEL_CASES)
def test_markers_site_table_knows_which_names_have_channels(name: str, refined: bool) -> None:
    assert load_markers().sites.has_channel(name) == refined


WORD_SCAN_CASES = [
    (["网易", "网易号", "163.com"], "来自网易号首页", "网易号"),  # the longest word at a place
    (["网易", "163.com"], "163xcom", None),  # '.' is a dot
    (["a", "abc"], "zzab", "a"),
    (["x"], "", None),
]


@pytest.mark.parametrize(("words", "text", "found"), WORD_SCAN_CASES)
def test_pattern_sets_word_scan(words: list[str], text: str, found: str | None) -> None:
    scan = word_scan(set(words))
    assert scan is not None
    m = scan.search(text)
    assert (m and m[0]) == found


def test_pattern_sets_word_scan_without_words() -> None:
    assert word_scan(set()) is None and word_scan(None) is None


# a page's whole OpenCC conversion is kept when it is aligned with the page: same length,
# and only characters in the Han ranges changed
ALIGNED_CASES = [
    ("發展", "发展", True),
    ("abc", "abc", True),
    ("a發", "b发", False),  # a non-Han character changed
    ("發", "發展", False),  # a longer conversion
    ("\U00020000", "x", True),  # extension B is Han
    ("\uf900", "a", True),  # a compatibility ideograph is Han
    ("a", "\u3400", False),
    ("臺灣\n發展", "台湾\n发展", True),
    ("臺灣\n發展", "台湾发\n展", False),  # a line break moved
]


@pytest.mark.parametrize(("text", "converted", "aligned"), ALIGNED_CASES)
def test_chinese_script_aligned(text: str, converted: str, aligned: bool) -> None:
    assert _aligned(text, converted) is aligned


def test_dates_fullwidth_forms_cover_every_character_ascii_digits_changes() -> None:
    probe = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    converted = ascii_digits(probe)
    assert len(converted) == len(probe)
    changed = [a for a, b in zip(probe, converted, strict=True) if a != b]
    assert changed and all(FULLWIDTH_FORMS.fullmatch(ch) for ch in changed)
