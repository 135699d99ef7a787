"""Table-driven tests of extractors.dates."""

from __future__ import annotations

from datetime import date

import pytest

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
