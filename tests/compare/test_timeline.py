"""Timelines: disagreement within a period, change across periods, outliers set apart."""

from __future__ import annotations

import pytest

from corpus.compare import Timeline
from corpus.compare.timeline import build_timelines
from corpus.rates import default_rates
from corpus.store.models import StoredClaim
from tests.compare.factories import stored


def _timelines(claims: list[StoredClaim], **kwargs: object) -> list[Timeline]:
    return build_timelines(claims, currency=None, rates=default_rates(), **kwargs)  # type: ignore[arg-type]


def _one(claims: list[StoredClaim], **kwargs: object) -> Timeline:
    (timeline,) = _timelines(claims, **kwargs)
    return timeline


def cap(value: float, article: int, day: str, **fields: object) -> StoredClaim:
    return stored(value, article=article, day=day, subject="NVIDIA", metric="market_cap", **fields)  # type: ignore[arg-type]


def test_timeline_a_moving_quantity_on_different_days_is_a_change_not_a_conflict() -> None:
    t = _one([cap(3.01e12, 1, "2024-06-06", as_of="2024-06-05"), cap(3.34e12, 2, "2024-06-19"),
              cap(2.9e12, 3, "2025-01-28")])  # fmt: skip
    assert (t.kind, t.grain, t.label) == ("moving", "day", "市值")
    assert t.conflicts == [] and t.conflicts_total == 0
    assert [p.period for p in t.periods] == ["2024-06-05", "2024-06-19", "2025-01-28"]
    steps = [(c.from_period, c.to_period, round(c.change or 0, 3)) for c in t.changes]
    assert steps == [("2024-06-05", "2024-06-19", 0.11), ("2024-06-19", "2025-01-28", -0.132)]
    assert t.consensus.value == 2.9e12  # the latest period's


def test_timeline_two_sources_apart_on_one_day_conflict_with_the_period_named() -> None:
    t = _one([cap(3.34e12, 1, "2024-06-19"), cap(2.5e12, 2, "2024-06-19"),
              cap(3e12, 3, "2024-06-05")])  # fmt: skip
    (conflict,) = t.conflicts
    assert conflict.period == "2024-06-19" and {conflict.a.value, conflict.b.value} == {
        3.34e12,
        2.5e12,
    }


def test_timeline_a_year_only_as_of_is_shown_but_not_a_step_of_the_trend() -> None:
    t = _one([cap(1.2e12, 1, "2024-06-06", as_of="2024"), cap(3e12, 1, "2024-06-06",
              as_of="2024-06-05"), cap(3.34e12, 2, "2024-06-19")])  # fmt: skip
    assert {p.period for p in t.periods} == {"2024", "2024-06-05", "2024-06-19"}
    assert [(c.from_period, c.to_period) for c in t.changes] == [("2024-06-05", "2024-06-19")]


def test_timeline_from_a_to_b_is_a_change_not_a_range_claim() -> None:
    sentence = "从1万亿美元到2万亿美元，这家公司用了约9个月。"
    span = cap(1e12, 1, "2024-06-06", qualifier="range", value_max=2e12,
               text="1万亿美元到2万亿美元", sentence=sentence)  # fmt: skip
    t = _one([span, cap(3.01e12, 2, "2024-06-06")])
    (first, second) = sorted(t.entries, key=lambda e: e.value)
    assert first.role == "change_span" and second.role == "value"
    assert t.conflicts == [] and t.consensus.value == 3.01e12


def test_timeline_an_event_fact_compares_reports_of_any_date() -> None:
    t = _one([stored(5.576e6, article=1, day="2024-12-27", qualifier="approx"),
              stored(6e6, article=2, day="2025-01-28", qualifier="less_than"),
              stored(1.6e7, article=3, day="2025-02-02")])  # fmt: skip
    assert t.kind == "event" and [p.period for p in t.periods] == [None]
    assert {(c.a.value, c.b.value) for c in t.conflicts} == {(5.576e6, 1.6e7), (6e6, 1.6e7)}


def test_timeline_one_source_far_from_every_other_is_to_check_not_a_conflict() -> None:
    """GPT-4's training cost (1亿) linked to DeepSeek-V3, among four reports of 557万-600万."""
    reports = [stored(v, article=i) for i, v in enumerate([5.576e6, 6e6, 5.6e6, 6e6])]
    wrong = stored(1e8, article=9, qualifier="more_than", text="1亿美元",
                   sentence="GPT-4的训练花费超过1亿美元。")  # fmt: skip
    t = _one([*reports, wrong])
    assert t.conflicts == []
    (outlier,) = t.outliers
    assert outlier.claim_id == wrong.id and outlier.factor == pytest.approx(1e8 / 6e6)
    assert outlier.sentence == "GPT-4的训练花费超过1亿美元。"
    assert t.consensus.sites == 4


def test_timeline_two_sources_far_apart_stay_a_conflict() -> None:
    t = _one([stored(3.8e11, article=1, metric="valuation", day="2026-02-13"),
              stored(3.8e10, article=2, metric="valuation", day="2026-02-12")])  # fmt: skip
    assert t.outliers == [] and t.conflicts_total == 1


def test_timeline_a_one_source_spike_over_time_is_set_apart() -> None:
    """Weekly users 2亿, then 100万 (paid enterprise users, linked as users), then 3亿."""
    users = dict(subject="ChatGPT", metric="user_count", unit="count")
    t = _one([stored(2e8, article=1, day="2025-04-01", as_of="2024-08", **users),  # type: ignore[arg-type]
              stored(1e6, article=2, day="2024-10-03", qualifier="more_than", **users),  # type: ignore[arg-type]
              stored(3e8, article=1, day="2025-04-01", as_of="2024-12", **users)])  # type: ignore[arg-type]  # fmt: skip
    assert [o.value for o in t.outliers] == [1e6]
    assert [(c.from_period, c.to_period) for c in t.changes] == [("2024-08", "2024-12")]


def test_timeline_forecasts_are_compared_with_forecasts_only() -> None:
    rev = dict(subject="OpenAI", metric="revenue")
    actual = stored(2e10, article=1, day="2026-02-28", as_of="2025", **rev)  # type: ignore[arg-type]
    forecast = stored(1.27e10, article=2, day="2026-02-24", as_of="2025", qualifier="approx",
                      text="127亿美元",
                      sentence="营收预计约为127亿美元。", **rev)  # type: ignore[arg-type]  # fmt: skip
    other = stored(1.16e10, article=3, day="2024-10-03", as_of="2025", text="116亿美元",
                   sentence="公司预计2025年营收将增长至116亿美元。", **rev)  # type: ignore[arg-type]  # fmt: skip
    t = _one([actual, forecast, other])
    assert t.conflicts == []  # 127 and 116 agree within 约's tolerance; 200 is not a forecast
    far = stored(3e10, article=4, day="2025-01-01", as_of="2025", text="300亿美元",
                 sentence="分析师预计营收300亿美元。", **rev)  # type: ignore[arg-type]  # fmt: skip
    t = _one([actual, forecast, other, far])
    assert t.conflicts and {c.role for c in t.conflicts} == {"projection"}


def test_timeline_a_moving_quantity_with_no_date_is_not_compared() -> None:
    users = dict(subject="Kimi", metric="user_count", unit="count", day=None)
    t = _one([stored(3.6e7, article=1, **users), stored(1e7, article=2, **users)])  # type: ignore[arg-type]
    assert t.conflicts == [] and t.periods[0].period is None


def test_timeline_a_tolerance_given_applies_to_every_metric() -> None:
    claims = [stored(v, article=i, metric="valuation") for i, v in enumerate([3.3e9, 3e9])]
    assert _one(claims).conflicts == []  # 9%: within valuation's own 10%
    assert _one(claims, tolerance=0.05).conflicts_total == 1
    assert _one(claims).tolerance == 0.1
