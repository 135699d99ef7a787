"""Dated exchange rates: date parsing and choice of the period used."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.rates import FxTable, UnknownRateError, default_rates, parse_when

WHEN_CASES = [
    ("2024-10-07", (date(2024, 10, 7), "day")),
    ("2024-10", (date(2024, 10, 15), "month")),
    ("2024", (date(2024, 7, 2), "year")),
    ("2024年", (date(2024, 7, 2), "year")),
    ("last year", None),
    (None, None),
]


@pytest.mark.parametrize("when,expected", WHEN_CASES)
def test_rates_parse_when(when: str | None, expected: object) -> None:
    assert parse_when(when) == expected


TABLE = FxTable(
    {"USD": {"2024": 1.0}, "CNY": {"2023": 7.0, "2024": 7.2, "2024-03": 7.1}, "EUR": {"2024": 0.9}},
    source="test table",
)

# (from, to, when, expected rate, expected period)
RATE_CASES = [
    ("CNY", "USD", "2024", 1 / 7.2, "2024"),
    ("CNY", "USD", "2024-03-20", 1 / 7.1, "2024-03"),
    ("CNY", "USD", "2024-11-01", 1 / 7.2, "2024"),
    ("CNY", "USD", "2022-01-01", 1 / 7.0, "2023"),
    ("USD", "CNY", None, 7.2, "2024"),
    ("EUR", "CNY", "2024", 7.2 / 0.9, "2024"),
    ("USD", "USD", "2024", 1.0, "-"),
]


@pytest.mark.parametrize("src,dst,when,rate,period", RATE_CASES)
def test_rates_pick_nearest_period(
    src: str, dst: str, when: str | None, rate: float, period: str
) -> None:
    found = TABLE.rate(src, dst, when)
    assert found.rate == pytest.approx(rate)
    assert found.period == period


def test_rates_unknown_currency() -> None:
    with pytest.raises(UnknownRateError):
        TABLE.rate("XYZ", "USD", "2024")


def test_rates_shipped_table_covers_main_currencies() -> None:
    table = default_rates()
    assert {"USD", "CNY", "HKD", "TWD", "EUR", "JPY", "KRW", "GBP"} <= table.currencies
    for year in ("2023", "2024", "2025"):
        assert 6.5 < 1 / table.rate("CNY", "USD", year).rate < 7.5
