"""Number formatting, safe links and the choice of a log axis."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.report.formatting import format_value, safe_href
from corpus.report.scales import log_axis, use_log_scale, value_axis

VALUE_CASES = [
    (5576000, "USD", "exact", None, "557.6万 USD"),
    (6.71e11, "params", "exact", None, "6710亿 params"),
    (3.29e12, "USD", "approx", None, "≈3.29万亿 USD"),
    (2048, "GPU", "exact", None, "2048 GPU"),
    (1e6, "count", "more_than", None, ">100万"),
    (5e6, "USD", "range", 6e6, "500万–600万 USD"),
    (0.14, "CNY/Mtok", "exact", None, "0.14 CNY/Mtok"),
    (98.7, "%", "at_most", None, "≤98.7 %"),
]


@pytest.mark.parametrize(("value", "unit", "qualifier", "value_max", "expected"), VALUE_CASES)
def test_format_value_reads_like_the_articles(
    value: float, unit: str, qualifier: str, value_max: float | None, expected: str
) -> None:
    assert format_value(value, unit, qualifier, value_max) == expected


HREF_CASES = [
    ("https://tech.example.cn/a?b=1", None, "https://tech.example.cn/a?b=1"),
    ("http://example.com/x", "saved/x.html", "http://example.com/x"),
    ("javascript:alert(1)", None, None),
    (" JaVaScRiPt:alert(1)", None, None),
    ("java\tscript:alert(1)", None, None),
    (None, "data:text/html,<script>alert(1)</script>", None),
    ("file:///etc/passwd", None, None),
    ("//evil.example/x", None, None),
    ("https:alert(1)", None, None),
    ("javascript:alert(1)", "corpus/samples/a b.txt", "corpus/samples/a%20b.txt"),
    (None, "dir/java script:x.txt", "dir/java%20script%3Ax.txt"),
]


@pytest.mark.parametrize(("url", "location", "expected"), HREF_CASES)
def test_safe_href_allows_only_web_and_relative_file_links(
    url: str | None, location: str | None, expected: str | None
) -> None:
    assert safe_href(url, location) == expected


def test_safe_href_makes_local_files_relative_to_the_report(tmp_path: Path) -> None:
    page = tmp_path / "out"
    assert safe_href(None, str(tmp_path / "pages" / "a.html"), page) == "../pages/a.html"


LOG_CASES = [
    ([1, 2, 3], False),
    ([1, 31], False),
    ([1, 32], True),
    ([0.1, 8], True),
    ([557.6e4, 16e8], True),
    ([0, 100], False),
    ([-5, 100], False),
    ([3e12, 3.34e12], False),
]


@pytest.mark.parametrize(("values", "log"), LOG_CASES)
def test_use_log_scale_beyond_one_and_a_half_decades(values: list[float], log: bool) -> None:
    assert use_log_scale(values) is log
    axis = value_axis(values)
    assert axis.log is log
    assert axis.low <= min(values) and axis.high >= max(values)


def test_log_axis_ticks_cover_the_values_in_order() -> None:
    axis = log_axis([0.1, 8])
    assert axis.ticks[0] == pytest.approx(0.1) and axis.ticks[-1] == pytest.approx(10)
    assert list(axis.ticks) == sorted(axis.ticks)
    assert axis.fraction(axis.low) == 0 and axis.fraction(axis.high) == 1


TIME_AXIS_CASES = [
    # a short span: day ticks, each with its year
    (["2024-06-05", "2024-06-19"], r"2024-\d\d-\d\d"),
    # a long one: month ticks, each with its year
    (["2024-06-05", "2025-01-28"], r"20\d\d-\d\d"),
]


@pytest.mark.parametrize(("days", "shape"), TIME_AXIS_CASES)
def test_time_axis_ticks_carry_the_year(days: list[str], shape: str) -> None:
    import re
    from datetime import UTC, datetime

    from corpus.report.scales import time_axis

    axis = time_axis([datetime.fromisoformat(d).replace(tzinfo=UTC) for d in days])
    assert len(axis.ticks) >= 2
    assert all(re.fullmatch(shape, label) for _, label in axis.ticks)


CHANGE_CASES = [(0.11, "+11%"), (-0.132, "−13%"), (5.06, "×6.06"), (None, "—"), (0.0, "+0%")]


@pytest.mark.parametrize(("change", "expected"), CHANGE_CASES)
def test_format_change_between_periods(change: float | None, expected: str) -> None:
    from corpus.report.formatting import format_change

    assert format_change(change) == expected


def test_format_date_is_the_day_in_china() -> None:
    from datetime import datetime

    from corpus.report.formatting import format_date

    assert format_date(datetime.fromisoformat("2024-06-18T22:32:00+00:00")) == "2024-06-19"
    assert format_date(None) == "未注明日期"
