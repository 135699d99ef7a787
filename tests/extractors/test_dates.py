"""Table-driven tests of extractors.dates."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import dates
from extractors.dates import find_dates, parse_datetime

REF = date(2025, 3, 28)

# (text, reference, [(mention text, value, granularity), ...])
FIND_CASES = [
    ("2024年10月7日，该公司市值创新高", None, [("2024年10月7日", "2024-10-07", "day")]),
    ("该模型于2024年10月发布", None, [("2024年10月", "2024-10", "month")]),
    ("在 2021 年一共采购了一万张卡", None, [("2021 年", "2021", "year")]),
    ("他们在 2023 年 5 月拆分出新公司", None, [("2023 年 5 月", "2023-05", "month")]),
    ("截至2025-03-27收盘", None, [("2025-03-27", "2025-03-27", "day")]),
    ("2025/3/27 发布", None, [("2025/3/27", "2025-03-27", "day")]),
    ("2024年第三季度营收增长", None, [("2024年第三季度", "2024-Q3", "quarter")]),
    ("2024年Q4出货量", None, [("2024年Q4", "2024-Q4", "quarter")]),
    ("2024年上半年融资额", None, [("2024年上半年", "2024-H1", "half")]),
    ("二〇二四年十月七日", None, [("二〇二四年十月七日", "2024-10-07", "day")]),
    ("二〇二四年", None, [("二〇二四年", "2024", "year")]),
    ("２０２４年１０月", None, [("２０２４年１０月", "2024-10", "month")]),
    ("今年营收预计翻倍", REF, [("今年", "2025", "year")]),
    ("去年同期", REF, [("去年", "2024", "year")]),
    ("明年将量产", REF, [("明年", "2026", "year")]),
    ("今年3月推出", REF, [("今年3月", "2025-03", "month")]),
    ("去年10月7日", REF, [("去年10月7日", "2024-10-07", "day")]),
    ("上月出货量", REF, [("上月", "2025-02", "month")]),
    ("上个月出货量", date(2025, 1, 5), [("上个月", "2024-12", "month")]),
    ("3月27日晚间宣布", REF, [("3月27日", "2025-03-27", "day")]),
    ("今年营收预计翻倍", None, []),
    ("3月27日晚间宣布", None, []),
    ("在AIME 2024测试中得分79.8", None, []),
    ("拥有5000年历史", None, []),
    ("2024年13月", None, [("2024年", "2024", "year")]),
    (
        "2023年营收与2024年10月7日的市值",
        None,
        [
            ("2023年", "2023", "year"),
            ("2024年10月7日", "2024-10-07", "day"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "reference", "expected"), FIND_CASES)
def test_dates_find_dates(text: str, reference: date | None, expected: list) -> None:
    found = find_dates(text, reference=reference)
    assert [(d.text, d.value, d.granularity) for d in found] == expected
    for d in found:
        assert text[d.start : d.end] == d.text


# (input, default_tz, expected ISO or None)
PARSE_CASES = [
    ("2025-03-28 03:47:00", "+08:00", "2025-03-28T03:47:00+08:00"),
    ("2025-03-28 03:47", "+08:00", "2025-03-28T03:47:00+08:00"),
    ("2025/03/28 03:47", "+08:00", "2025-03-28T03:47:00+08:00"),
    ("2025年3月28日 03:47", "+08:00", "2025-03-28T03:47:00+08:00"),
    ("2025年03月28日 下午3:47", "+08:00", "2025-03-28T15:47:00+08:00"),
    ("2025年3月28日", "+08:00", "2025-03-28T00:00:00+08:00"),
    ("2025年08月15日,17时21分59秒 某某网", "+08:00", "2025-08-15T17:21:59+08:00"),
    ("2025-03-28T03:47:00+08:00", "+00:00", "2025-03-28T03:47:00+08:00"),
    ("2025-03-28T03:47:00Z", "+08:00", "2025-03-28T03:47:00+00:00"),
    ("2025-03-28T03:47:00.000+0800", "+00:00", "2025-03-28T03:47:00+08:00"),
    ("2025-03-28 03:47:00", "+09:00", "2025-03-28T03:47:00+09:00"),
    ("２０２５-０３-２８ ０３:４７", "+08:00", "2025-03-28T03:47:00+08:00"),
    ("发布时间：2025-03-28 03:47 来源：某网", "+08:00", "2025-03-28T03:47:00+08:00"),
    ("", "+08:00", None),
    ("没有时间", "+08:00", None),
    ("2025-02-30 10:00", "+08:00", None),
    ("2025-03-28T03:47:00+26:51", "+08:00", None),  # an impossible zone: no time, no error
    ("2025-03-28 03:47:00 -25:00", "+08:00", None),
]


@pytest.mark.parametrize(("text", "tz", "expected"), PARSE_CASES)
def test_dates_parse_datetime(text: str, tz: str, expected: str | None) -> None:
    parsed = parse_datetime(text, tz)
    assert (parsed.isoformat() if parsed else None) == expected


# The date patterns as written before each was made to open with a character class (and
# the texts the gates of find_dates let through), for the equivalence test below. What
# follows the year is the production pattern's own: only the year was reshaped.
_CN = dates._CN
_SMALL = dates._SMALL
_PLAIN_YEAR = rf"(?P<year>(?<![\d.])\d{{4}}(?!\d)|[{_CN}]{{4}}|今年|本年|去年|前年|明年|后年|後年)"
assert dates._DATE_RE.pattern.startswith(dates._YEAR)
_PLAIN_DATE_RE = re.compile(_PLAIN_YEAR + dates._DATE_RE.pattern.removeprefix(dates._YEAR))
_PLAIN_ISO_RE = re.compile(
    r"(?<![\d.])(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)"
)
_PLAIN_MONTH_DAY_RE = re.compile(rf"(?<![\d年.])(?P<month>{_SMALL})月(?P<day>{_SMALL})[日号號]")

_DATE_PIECES = [
    *"0123456789.-/ 年月日号第季度Q上下半份十一二三四〇两",
    "2024",
    "今年",
    "后年",
    "二〇二四",
]


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=14).map("".join))
def test_dates_patterns_match_as_plain_ones(text: str) -> None:
    assert _found(dates._DATE_RE, text) == _found(_PLAIN_DATE_RE, text)
    iso = _found(dates._ISO_RE, text)
    assert iso == _found(_PLAIN_ISO_RE, text)
    assert not iso or dates._ISO_MARK.search(text)
    assert _found(dates._MONTH_DAY_RE, text) == _found(_PLAIN_MONTH_DAY_RE, text)
    for pattern in (dates._DATE_RE, dates._MONTH_DAY_RE):  # matches hold date characters only
        assert all(dates._DATE_STRETCH.fullmatch(m.group()) for m in pattern.finditer(text))


_STRETCH_PIECES = [*_DATE_PIECES, "中", "。", "，", "a", "月27日", "去年10月7日"]


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.sampled_from(_STRETCH_PIECES), max_size=16).map("".join),
    st.sampled_from([None, REF]),
)
def test_dates_stretch_scan_same_as_whole_text(text: str, reference: date | None) -> None:
    """Scanning only the stretches of date characters holding a 年 (a 月) finds the dates
    a scan of the whole text finds."""
    fast = find_dates(text, reference=reference)
    whole = pytest.MonkeyPatch()
    whole.setattr(
        dates, "_matches_in_stretches", lambda pattern, text, _mark: pattern.finditer(text)
    )
    try:
        assert fast == find_dates(text, reference=reference)
    finally:
        whole.undo()
