"""What the guards and qualifier readers of the quantity finder say, case by case."""

from __future__ import annotations

import re

import pytest

from extractors.quantities.guards import is_date_or_time, is_word_not_number
from extractors.quantities.qualifiers import qualifier_after, qualifier_before

_DATES_OR_TIMES = [
    ("2024年", True),
    ("2024财年", True),
    ("2024-03-05", True),
    ("2024 - 2025年", True),
    ("3月", True),
    ("个3月", False),  # 3个月 is a duration
    ("13月", False),
    ("15日", True),
    ("32日", False),
    ("8点", True),
    ("25点", False),
    ("8点5", False),
    ("90年代", True),
    ("2025-3-7", True),
    ("17:30", True),
    ("9：05", True),
    ("13812345678", True),
    ("010-12345678", True),
    ("1234567890123456", True),
    ("1.5月", False),
    ("3.0日", False),
    ("2024", False),
    ("5000万", False),
]


@pytest.mark.parametrize(("text", "expected"), _DATES_OR_TIMES)
def test_quantities_is_date_or_time(text: str, expected: bool) -> None:
    m = re.search(r"[0-9]+(?:\.[0-9]+)?", text)
    assert m is not None
    assert is_date_or_time(text, m.start(), m.end(), m.group(), float(m.group())) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("约5", "approx"),
        ("大约 5", "approx"),
        ("超过5", "more_than"),
        ("高超5", None),  # 高超 is no 超
        ("将近5", "approx"),
        ("不到5", "less_than"),
        ("5", None),
    ],
)
def test_quantities_qualifier_before(text: str, expected: str | None) -> None:
    assert qualifier_before(text, len(text) - 1) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5左右", ("approx", 3)),
        ("5 以上", ("at_least", 4)),
        ("5多", ("more_than", 2)),
        ("5多亿", None),  # 多 of the numeral, not a qualifier
        ("5+", ("more_than", 2)),
        ("5个", None),
    ],
)
def test_quantities_qualifier_after(text: str, expected: tuple[str, int] | None) -> None:
    assert qualifier_after(text, 1) == expected


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("一些", 0, True),
        ("统一", 1, True),
        ("第一", 1, True),
        ("四川", 0, True),
        ("唯一", 1, True),
        ("一个", 0, False),
        ("三家", 0, False),
        ("一", 0, False),
    ],
)
def test_quantities_word_not_number(text: str, at: int, expected: bool) -> None:
    assert is_word_not_number(text, at, at + 1, text[at]) is expected
