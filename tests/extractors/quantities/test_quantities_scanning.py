"""numeral_spots (lone numerals read without MASTER) gives the MASTER matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.quantities.candidates import read_plain
from extractors.quantities.guards import glued_before
from extractors.quantities.numerals import normalise
from extractors.quantities.patterns import MASTER, MASTER_NO_FRACTION
from extractors.quantities.scanning import master_matches, numeral_spots


def _spot_of(m: re.Match[str]) -> tuple:
    """What find_quantities reads of a MASTER match: span, kind and groups."""
    if m.lastgroup == "plain":
        return m.start(), m.end(), "plain", m.group("sym"), m.start("num"), m.group("num")
    return m.start(), m.end(), m.lastgroup, m.groupdict()


def _rejected(text: str, spot: tuple) -> bool:
    """A plain numeral without currency symbol glued to a name before it, after 第, or a
    month or day written without leading zero before 月, 日 or 号 (read_plain gives None)."""
    if spot[2] != "plain" or spot[3] is not None:
        return False
    start, numeral = spot[4], spot[5]
    return (
        glued_before(text, start)
        or text[start - 1 : start] == "第"
        or _month_or_day(text, start, numeral)
        or re.fullmatch("[百佰千仟万亿兆]+[几多余]?", numeral) is not None
    )


def _month_or_day(text: str, start: int, numeral: str) -> bool:
    if not (numeral.isascii() and numeral.isdigit()) or numeral[0] == "0":
        return False
    if re.search(r"\d\.\Z", text[:start]):
        return False  # the decimal part of another number
    after = text[start + len(numeral) : start + len(numeral) + 1]
    if after == "月":
        return int(numeral) <= 12 and text[start - 1 : start] != "个"
    return after in ("日", "号") and int(numeral) <= 31


def _same(text: str) -> None:
    got = []
    for start, numeral, m in numeral_spots(text):
        if m is None:  # a lone numeral: a "plain" match without a currency symbol
            assert numeral and text.startswith(numeral, start)
            got.append((start, start + len(numeral), "plain", None, start, numeral))
        else:
            assert numeral == "" and start == m.start()
            got.append(_spot_of(m))
    want = [_spot_of(m) for m in master_matches(text)]
    # numeral_spots passes over lone numerals glued to a name or after 第, and only those
    kept = [s for s in want if not _rejected(text, s)]
    for spot in want:
        if _rejected(text, spot):
            assert read_plain(text, spot[0], None, spot[4], spot[5]) is None, text
    assert [s for s in got if not _rejected(text, s)] == kept, text
    assert all(s in want for s in got), text


LONE_AND_NOT = [
    "2024年",
    "在2024年3月15日",
    "H800芯片",
    "GPT-4o和Qwen2.5",
    "第一",
    "一些人",
    "12.5%",
    "3万",
    "1.5万亿美元",
    "671B参数",
    "8Bx",
    "128K tokens",
    "1.2.3亿",
    "1.2.3",
    "5万 元",
    "3 万",
    "1,234亿",
    "1,234",
    "0.5",
    ".5",
    "3.",
    "3.k",
    "1e5",
    "2^10",
    "五分之一",
    "3分之1",
    "百分之五",
    "1又2分之1",
    "3/4",
    "1 3/4",
    "半成",
    "打对折",
    "翻了一番",
    "$20",
    "US$1.5",
    "¥300",
    "-5",
    "负5",
    "十余万",
    "三十几",
    "一千多万",
    "两千多",
    "二零二四年",
    "1" * 41 + "x",
    "1" * 40 + "x",
    "1." + "2" * 31,
    "1万万万万",
    "5万亿兆",
    "3.5兆瓦",
    "150兆瓦",
    "3点5",
    "三点五亿",
    "3 点",
    "1٣",
    "١23",
    "23١",
    "5分",
    "5 分之一",
    "5又",
    "10k",
    "10kg",
    "10 k",
    "2.5B",
    "2.5Bn",
    "3e",
    "3E8",
    "4,5",
    "12,345,678元",
    "99.9%的",
    "万",
    "亿元",
    "零",
    "〇",
    "R1的",
    "o3-mini",
    "V3.2版",
    "GPT-4o",
    "Qwen2.5-72B",
    "x_1",
    "a-1.5万",
    "a.2",
    "1.a2",
    "A100 GPU",
    "第2",
    "5 万",
    "5  万元",
    "5     万",
    "5 万 亿",
    "1.5 亿美元",
    "7 天",
    "3 k",
    "3  k",
    "3 .5",
    "12 3/4",
    "12 -3/4",
    "5 又四分之一",
    "5  分之一",
    "两千多年",
    "三十多万",
    "十余人",
    "百 万",
    "一 万",
    "两千多 万",
    "三十几 个",
    "五 分之一",
    "百分之 五",
    "一" * 41 + "个",
    "一" * 40 + "多个",
    "两千多多",
    "千万.5",
    "十 .5",
    "三 点五",
    "三点 五",
    "3 几万",
    "三十 多",
    "3 余",
    "五    五",
    "5    点五",
    "5    几",
    "三    多",
    "五     五",
    "1e5555年",
    "2^12345个",
    "3e55.5万",
    "第一名",
    "第2024",
    "第三十多",
    "第十 万",
    "第 一",
    "次第一",
    "2025年12月31日",
    "3月1号",
    "10月",
    "13月",
    "3个月",
    "12个月",
    "个12月",
    "0月",
    "01月",
    "32日",
    "30号",
    "31 日",
    "1.5月",
    "1.12月",
    "a12月",
    "第3日",
    "1" * 41 + "月",
    "百万输入",
    "千万级",
    "百多人",
    "万亿兆瓦",
    "百五十",
    "千万五",
    "万几",
    "十万",
    "亿" * 41,
]


@pytest.mark.parametrize("text", LONE_AND_NOT)
def test_quantities_numeral_spots_equal_master_matches(text: str) -> None:
    _same(normalise(text))
    _same(normalise("价格" + text + "，另"))


_ALPHABET = (
    "0123456789一二三四五六七八九十百千万亿兆佰仟零两点分之又多余几来约半对翻打折成"
    "%.,-/:^eEkKMBTbx年月日号元美$US¥块个GPU参数    \n，。١٣"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300))
def test_quantities_numeral_spots_equal_master_matches_random(text: str) -> None:
    _same(text)


def _dash_after_digit_matches(text: str) -> list[int]:
    """Where MASTER or MASTER_NO_FRACTION matches at a - after an ASCII digit or dot (the
    scan tries no match there)."""
    return [
        i
        for i in range(1, len(text))
        if text[i] == "-"
        and text[i - 1] in "0123456789."
        and (MASTER.match(text, i) or MASTER_NO_FRACTION.match(text, i))
    ]


@pytest.mark.parametrize(
    "text", ["2024-05-01", "3.-5", "1--5", "5-3/4", "1 -3/4", "2-百分之五", "7-五分之一", "1-$5"]
)
def test_quantities_no_match_at_dash_after_digit(text: str) -> None:
    assert _dash_after_digit_matches(text) == []
    assert _dash_after_digit_matches("价格" + text) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET + "-a/", max_size=120))
def test_quantities_no_match_at_dash_after_digit_random(text: str) -> None:
    assert _dash_after_digit_matches(text) == []
