"""Finding dates is linear in their number: 30,000 dates in one sentence (issue: hostile input)."""

from __future__ import annotations

from extractors.dates import find_dates
from tests.robustness.test_robustness_parser import function_calls


def test_dates_many_in_one_sentence_all_found() -> None:
    text = "，".join(["2024年3月5日"] * 3000)
    assert len(find_dates(text)) == 3000


def test_dates_work_is_linear_in_their_number() -> None:
    small = "，".join(["2024年3月5日"] * 1000)
    large = "，".join(["2024年3月5日"] * 4000)
    assert function_calls(find_dates, large) <= 6 * function_calls(find_dates, small)
