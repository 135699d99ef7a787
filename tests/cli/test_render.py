"""How the CLI writes values: the way Chinese articles and spec sheets write them."""

from __future__ import annotations

import pytest

from flows.cli.render import format_value

CASES = [
    (5570000, "USD", "557万 USD"),
    (671e9, "params", "6710亿 params"),
    (14.8e12, "tokens", "14.8万亿 tokens"),
    (2048, "count", "2048"),
    (50000, "count", "5万"),
    (98.7, "%", "98.7 %"),
    (1.5e8, "W", "150 MW"),
    (989e12, "FLOPS", "989 TFLOPS"),
    (900, "GB/s", "900 GB/s"),
    (0.5, None, "0.5"),
]


@pytest.mark.parametrize("value,unit,expected", CASES)
def test_render_format_value(value: float, unit: str | None, expected: str) -> None:
    assert format_value(value, unit) == expected
