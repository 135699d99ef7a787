"""compare/changes: ordering, spread, consensus, qualifier-aware conflicts, currencies."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from corpus.compare import TimelineEntry, changes, compare
from corpus.compare.conflicts import find_conflicts
from corpus.documents import utc_now
from corpus.store import ClaimFilter, ClaimStore
from tests.store.claim_factories import claim_in, page

NOW = datetime(2025, 1, 1, tzinfo=UTC)


def entry(
    value: float,
    qualifier: str = "exact",
    value_max: float | None = None,
    *,
    article_id: int = 0,
    as_of: str | None = None,
) -> TimelineEntry:
    return TimelineEntry(
        claim_id=article_id, article_id=article_id, subject="X", value=value,
        value_max=value_max, unit="USD", qualifier=qualifier, text="t", sentence="s",  # type: ignore[arg-type]
        as_of=as_of, confidence=0.9, first_seen=NOW, location=f"/{article_id}",
    )  # fmt: skip


# (first claim, second claim, conflict expected)
CONFLICT_CASES = [
    ((1.3e6, "more_than"), (1.5e6, "exact"), False),
    ((1.3e6, "more_than"), (1.0e6, "exact"), True),
    ((1.3e6, "at_least"), (1.29e6, "exact"), False),
    ((100, "exact"), (104, "exact"), False),
    ((100, "exact"), (110, "exact"), True),
    ((100, "approx"), (108, "exact"), False),
    ((100, "approx"), (115, "exact"), True),
    ((6e6, "range", 6.3e6), (6.2e6, "exact"), False),
    ((6e6, "range", 6.3e6), (6.25e6, "range", 7e6), False),
    ((6e6, "range", 6.3e6), (7e6, "exact"), True),
    ((100, "up_to"), (90, "exact"), False),
    ((100, "up_to"), (120, "exact"), True),
    ((100, "less_than"), (99, "exact"), False),
    ((100, "at_most"), (150, "more_than"), True),
    ((100, "less_than"), (100, "more_than"), False),
    ((-5e8, "exact"), (-6e8, "exact"), True),
]


@pytest.mark.parametrize("first,second,expected", CONFLICT_CASES)
def test_compare_conflicts_respect_qualifiers(first: tuple, second: tuple, expected: bool) -> None:
    entries = [entry(*first, article_id=1), entry(*second, article_id=2)]
    conflicts, total = find_conflicts(entries, tolerance=0.05)
    assert (bool(conflicts), total) == (expected, int(expected))


def test_compare_no_conflict_within_one_article_or_across_periods() -> None:
    same_article = [entry(100, article_id=1), entry(200, article_id=1)]
    assert find_conflicts(same_article, 0.05) == ([], 0)
    periods = [entry(100, article_id=1, as_of="2023"), entry(200, article_id=2, as_of="2024")]
    assert find_conflicts(periods, 0.05) == ([], 0)


def test_compare_conflicts_limit_keeps_largest_gaps() -> None:
    entries = [entry(v, article_id=i) for i, v in enumerate([100, 150, 400, 1000, 5000])]
    conflicts, total = find_conflicts(entries, 0.05, limit=2)
    assert total == 10
    assert [(c.a.value, c.b.value) for c in conflicts] == [(100, 5000), (150, 5000)]


def _cost(
    store: ClaimStore, site: str, published: str, quantity: str, value: float, **fields: object
) -> int:
    body = f"{site}消息：DeepSeek-V3训练成本为{quantity}，{published}。"
    claims = [claim_in(body, quantity, value=value, **fields)]
    doc, extraction = page(body, location=f"/{site}/{published}", url=f"https://{site}/{published}",
                           site=site, published=published, claims=claims)  # fmt: skip
    return store.save(doc, extraction).article_id


def _corpus(store: ClaimStore) -> None:
    _cost(store, "a.cn", "2025-01-05T08:00:00+08:00", "557万美元", 5.57e6)
    _cost(store, "b.cn", "2025-01-02T08:00:00+08:00", "610万美元", 6.1e6)
    _cost(store, "c.cn", "2025-01-10T08:00:00+08:00", "约560万美元", 5.6e6, qualifier="approx")
    _cost(store, "a.cn", "2025-02-01T08:00:00+08:00", "560万美元", 5.6e6)
    _cost(store, "d.cn", "2025-01-03T08:00:00+08:00", "4000万元", 4e7, unit="CNY")
    _cost(store, "d.cn", "2025-01-04T08:00:00+08:00", "3亿元", 3e8, unit="CNY", subject="Kimi")


def test_compare_orders_spreads_and_agrees(store: ClaimStore) -> None:
    _corpus(store)
    cny, usd = compare(store, ClaimFilter(subject="DeepSeek-V3", metric="training_cost"))
    assert (usd.unit, cny.unit) == ("USD", "CNY")
    assert [e.value for e in usd.entries] == [6.1e6, 5.57e6, 5.6e6, 5.6e6]
    assert [e.site for e in usd.entries] == ["b.cn", "a.cn", "c.cn", "a.cn"]
    assert (usd.spread.min, usd.spread.max) == (5.57e6, 6.1e6)
    assert usd.spread.ratio == pytest.approx(6.1e6 / 5.57e6)
    assert usd.consensus.sites == 3
    assert usd.consensus.per_site == {"a.cn": 5.6e6, "b.cn": 6.1e6, "c.cn": 5.6e6}
    assert usd.consensus.value == 5.6e6
    pairs = {(c.a.value, c.b.value) for c in usd.conflicts}
    assert pairs == {(5.57e6, 6.1e6), (6.1e6, 5.6e6)}
    assert all(c.a.qualifier == "exact" and c.b.qualifier == "exact" for c in usd.conflicts)
    assert cny.conflicts == [] and cny.entries[0].conversion is None


def test_compare_conflicts_only(store: ClaimStore) -> None:
    _corpus(store)
    timelines = compare(store, ClaimFilter(metric="training_cost"), conflicts_only=True)
    assert [(t.subject, t.unit) for t in timelines] == [("DeepSeek-V3", "USD")]
    assert compare(store, ClaimFilter(metric="training_cost"), tolerance=0.1) != []
    assert (
        compare(store, ClaimFilter(metric="training_cost"), tolerance=0.1, conflicts_only=True)
        == []
    )


def test_compare_converts_currency_and_names_the_rate(store: ClaimStore) -> None:
    _corpus(store)
    _cost(store, "e.cn", "2025-03-01T08:00:00+08:00", "4100万元", 4.1e7, unit="CNY", as_of="2024")
    (usd,) = compare(store, ClaimFilter(subject="DeepSeek-V3"), currency="USD")
    converted = [e for e in usd.entries if e.conversion is not None]
    assert [e.conversion.original_unit for e in converted] == ["CNY", "CNY"]  # type: ignore[union-attr]
    by_january, by_as_of = converted
    assert by_january.conversion.rate.period == "2025-01"  # type: ignore[union-attr]
    assert by_january.conversion.dated_by == "2025-01-03"  # type: ignore[union-attr]
    assert by_january.value == pytest.approx(4e7 / 7.31)
    assert by_as_of.conversion.rate.period == "2024"  # type: ignore[union-attr]
    assert by_as_of.value == pytest.approx(4.1e7 / 7.19)
    assert "fx_rates" in by_as_of.conversion.rate.source  # type: ignore[union-attr]
    assert usd.unit == "USD" and by_as_of.unit == "USD"


def test_compare_changes_since(store: ClaimStore) -> None:
    _cost(store, "a.cn", "2025-01-05T08:00:00+08:00", "557万美元", 5.57e6)
    since = utc_now()
    assert changes(store, since).new_claims == []
    _cost(store, "b.cn", "2025-01-06T08:00:00+08:00", "800万美元", 8e6)
    _cost(store, "b.cn", "2025-01-07T08:00:00+08:00", "2000亿", 2e11, metric="parameters",
          unit="params", subject="GPT-4o")  # fmt: skip
    report = changes(store, since)
    assert sorted(c.value for c in report.new_claims) == [8e6, 2e11]
    assert [(k.subject, k.metric) for k in report.new_keys] == [("GPT-4o", "parameters")]
    (move,) = report.moved
    assert (move.subject, move.before, move.after) == ("DeepSeek-V3", 5.57e6, (5.57e6 + 8e6) / 2)
    (new_conflict,) = report.new_conflicts
    assert {new_conflict.conflict.a.value, new_conflict.conflict.b.value} == {5.57e6, 8e6}
