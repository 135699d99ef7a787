"""When sources disagree: qualifiers, rounding, dates, and who counts as a source."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.compare.conflicts import disagree, find_conflicts, rounds_to, significant_step
from tests.compare.factories import entry, stored

STEP_CASES = [(6e6, 1e6), (5.576e6, 1e3), (2048, 1), (3009999999999.9995, 1e10), (0.14, 0.01)]


@pytest.mark.parametrize(("value", "step"), STEP_CASES)
def test_conflicts_significant_step(value: float, step: float) -> None:
    assert significant_step(value) == pytest.approx(step)


ROUNDS_CASES = [
    (5.576e6, 6e6, True),  # 557.6万 written 600万
    (5.33e6, 6e6, False),  # 533万 rounds to 500万
    (2048, 2000, True),
    (6e6, 5.576e6, False),  # the round one is not written more precisely
    (5e8, 6e8, False),  # same precision: neither rounds the other
]


@pytest.mark.parametrize(("precise", "rounded", "expected"), ROUNDS_CASES)
def test_conflicts_rounds_to(precise: float, rounded: float, expected: bool) -> None:
    assert rounds_to(precise, rounded) is expected


def _pair(
    first: tuple[float, str, str | None], second: tuple[float, str, str | None]
) -> float | None:
    (v1, q1, d1), (v2, q2, d2) = first, second
    a = entry(stored(v1, article=1, qualifier=q1, as_of=d1))
    b = entry(stored(v2, article=2, qualifier=q2, as_of=d2))
    return disagree(a, b, 0.05)


# (first (value, qualifier, as_of), second, disagree?)
DISAGREE_CASES = [
    ((5.576e6, "exact", None), (6e6, "exact", None), False),  # rounded: 7% apart
    ((5.33e6, "exact", None), (6e6, "exact", None), True),  # 11%, not a rounding
    ((100, "exact", None), (110, "exact", None), True),  # 9%: beyond what rounding covers
    ((5.576e6, "approx", None), (6e6, "exact", None), False),  # 约 doubles the tolerance
    ((6e6, "less_than", None), (5.576e6, "exact", None), False),  # 不到600万
    ((1.3e6, "more_than", None), (1.0e6, "exact", None), True),
    ((3e12, "exact", "2024-06-05"), (3.34e12, "exact", "2024-06-18"), None),  # dated apart
    ((5e12, "exact", "2025-Q4"), (1.046e12, "exact", "2025-12"), True),  # 12月 is in Q4
]


@pytest.mark.parametrize(("first", "second", "expected"), DISAGREE_CASES)
def test_conflicts_disagree(first: tuple, second: tuple, expected: bool | None) -> None:
    gap = _pair(first, second)
    assert (gap is not None) is bool(expected)


def _lines(claims: list) -> set[tuple[float, float]]:
    conflicts, total = find_conflicts([entry(c) for c in claims], 0.05)
    assert total == len(conflicts)
    return {tuple(sorted((c.a.value, c.b.value))) for c in conflicts}  # type: ignore[misc]


def test_conflicts_an_article_giving_the_total_and_a_part_agrees_with_the_total() -> None:
    claims = [stored(5.576e6, article=1), stored(5.33e6, article=1), stored(6e6, article=2)]
    assert _lines(claims) == set()


def test_conflicts_a_source_whose_own_values_disagree_is_set_against_no_one() -> None:
    """Tranches and totals in one article (100亿 and 400亿) cannot be told apart."""
    claims = [stored(1e10, article=1), stored(4e10, article=1), stored(8.3e9, article=2)]
    assert _lines(claims) == set()


def test_conflicts_each_quoted_party_is_a_source_but_never_against_its_own_article() -> None:
    """Article 2 quotes SemiAnalysis (1万 H100) and Wang (5万): both hold against article 1."""
    quoted = stored(1e4, article=2, attribution="SemiAnalysis", metric="gpu_count", unit="count")
    own = stored(5e4, article=2, metric="gpu_count", unit="count")
    other = stored(5e4, article=1, metric="gpu_count", unit="count")
    conflicts, _ = find_conflicts([entry(c) for c in (other, quoted, own)], 0.05)
    (line,) = conflicts
    assert {line.a.value, line.b.value} == {1e4, 5e4}
    assert quoted.id in line.a.claim_ids + line.b.claim_ids
    assert own.id not in line.a.claim_ids + line.b.claim_ids  # agrees with article 1
    alone, _ = find_conflicts([entry(c) for c in (quoted, own)], 0.05)
    assert alone == []  # one article's two parties are not set against each other


def test_conflicts_are_listed_once_with_every_source() -> None:
    said = [stored(6e6, article=a, site=f"s{a}") for a in (1, 2, 3)]
    odd = stored(1.6e7, article=4, site="s4")
    conflicts, total = find_conflicts([entry(c) for c in [*said, odd]], 0.05)
    assert total == 1
    (line,) = conflicts
    sides = {line.a.value: line.a, line.b.value: line.b}
    assert sides[6e6].origins == ["s1", "s2", "s3"] and sides[1.6e7].origins == ["s4"]
    assert line.pairs == 3 and line.gap == pytest.approx(1 - 6 / 16)


def test_conflicts_limit_keeps_the_largest_gaps_and_counts_all() -> None:
    claims = [stored(v, article=i) for i, v in enumerate([100, 150, 400, 1000, 5000])]
    conflicts, total = find_conflicts([entry(c) for c in claims], 0.05, limit=2)
    assert total == 10
    assert [(c.a.value, c.b.value) for c in conflicts] == [(100, 5000), (150, 5000)]


VALUES = st.sampled_from([100.0, 104.0, 110.0, 120.0, 557.6, 600.0, 2048.0, 2000.0, 5000.0])
QUALIFIERS = st.sampled_from(["exact", "approx", "more_than", "less_than", "up_to", "range"])
AS_OF = st.sampled_from([None, None, "2024", "2025", "2025-03", "2025-Q1"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(VALUES, QUALIFIERS, AS_OF), min_size=2, max_size=7))
def test_conflicts_all_pairs_at_once_match_the_pairwise_rule(
    said: list[tuple[float, str, str | None]],
) -> None:
    """With one claim per article, a line is listed exactly for each pair ``disagree`` flags."""
    entries = []
    for article, (value, qualifier, as_of) in enumerate(said):
        value_max = value * 1.05 if qualifier == "range" else None
        fields = {"qualifier": qualifier, "value_max": value_max, "as_of": as_of}
        entries.append(entry(stored(value, article=article, **fields)))  # type: ignore[arg-type]
    conflicts, total = find_conflicts(entries, 0.05)
    found = {frozenset((c.a.claim_id, c.b.claim_id)) for c in conflicts}
    shown = {
        frozenset((a.claim_id, b.claim_id))
        for i, a in enumerate(entries)
        for b in entries[i + 1 :]
        if disagree(a, b, 0.05) is not None
    }
    keys = {(e.value, e.value_max, e.qualifier) for e in entries}
    if len(keys) == len(entries):  # one claim per shown value: lines are claim pairs
        assert found == shown
    assert (total == 0) == (not shown)
