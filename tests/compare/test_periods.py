"""The period a value holds for: as_of or the article's day, at the metric's grain."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from corpus.compare.periods import assign_periods, news_day, parse_as_of, period_label
from extractors.metric_table import metric_table
from tests.compare.factories import published

AS_OF_CASES = [
    ("2024-06-05", date(2024, 6, 5), date(2024, 6, 5), "day", "2024-06-05"),
    ("2024-06", date(2024, 6, 1), date(2024, 6, 30), "month", "2024-06"),
    ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30), "quarter", "2025-Q3"),
    ("2026-H2", date(2026, 7, 1), date(2026, 12, 31), "half", "2026-H2"),
    ("2024", date(2024, 1, 1), date(2024, 12, 31), "year", "2024"),
    ("2024-2-29", date(2024, 2, 29), date(2024, 2, 29), "day", "2024-02-29"),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "label"), AS_OF_CASES)
def test_periods_parse_as_of(text: str, start: date, end: date, precision: str, label: str) -> None:
    when = parse_as_of(text)
    assert when is not None
    assert (when.start, when.end, when.precision, when.label) == (start, end, precision, label)


@pytest.mark.parametrize("text", [None, "", "去年", "2023-02-30", "Q3"])
def test_periods_parse_as_of_refuses_what_is_no_date(text: str | None) -> None:
    assert parse_as_of(text) is None


def test_periods_news_day_is_the_day_in_china() -> None:
    assert news_day(datetime.fromisoformat("2024-06-18T22:32:00+00:00")) == date(2024, 6, 19)
    assert news_day(datetime(2024, 6, 18, 22, 32)) == date(2024, 6, 18)  # naive: as given


def _labels(metric: str, claims: list[tuple[str | None, str | None]]) -> list[str | None]:
    spec = metric_table().spec(metric)
    dated = [(as_of, published(day)) for as_of, day in claims]
    return [period_label(p) for p in assign_periods(spec, dated)]


# (metric, [(as_of, published day)], expected periods)
PERIOD_CASES = [
    # market value moves day by day: the day it held, a coarser as_of kept as it is
    (
        "market_cap",
        [("2024-06-05", "2024-06-06"), (None, "2024-06-19"), ("2024", "2024-06-06")],
        ["2024-06-05", "2024-06-19", "2024"],
    ),
    # revenue by quarter: a month falls in its quarter, a year stays a year
    (
        "revenue",
        [
            ("2025-12", "2026-01-09"),
            ("2025-Q4", "2026-01-15"),
            (None, "2024-06-05"),
            ("2025", None),
        ],
        ["2025-Q4", "2025-Q4", "2024-Q2", "2025"],
    ),
    # a funding round: reports of one round within weeks of each other (named by its first
    # month), the next round months later apart, even when months lie only 31 days apart
    (
        "funding",
        [
            ("2025-03-31", "2025-04-01"),
            (None, "2025-04-01"),
            (None, "2025-08-04"),
            (None, "2025-10-27"),
            ("2025", "2025-04-01"),
        ],
        ["2025-03", "2025-03", "2025-08", "2025-10", "2025"],
    ),
    # a moving quantity with no date at all: no period
    ("user_count", [(None, None), ("2024-08", None)], [None, "2024-08"]),
    # an event: no period unless dated; undated reports join the only dated period
    ("training_cost", [(None, "2025-01-28"), ("2024-12", "2024-12-27")], ["2024-12", "2024-12"]),
    ("training_cost", [(None, "2025-01-28"), (None, "2024-12-27")], [None, None]),
    # ... but not when there are two: a company's GPUs in March and at the year's end
    (
        "gpu_count",
        [("2024-03", "2024-07-24"), ("2024", "2024-07-24"), (None, "2024-09-04")],
        ["2024-03", "2024", None],
    ),
]


@pytest.mark.parametrize(("metric", "claims", "expected"), PERIOD_CASES)
def test_periods_assign_by_grain(
    metric: str, claims: list[tuple[str | None, str | None]], expected: list[str | None]
) -> None:
    assert _labels(metric, claims) == expected
