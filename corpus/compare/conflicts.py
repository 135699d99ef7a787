"""When two claimed values disagree, given their qualifiers.

Each claim stands for an interval of values it allows: an exact or approximate
value a point, ``more_than``/``at_least`` everything from the value up,
``less_than``/``at_most``/``up_to`` everything up to it, a range its two ends.
Two claims conflict when the gap between their intervals is larger than the
tolerance times the larger facing end; ``approx`` on either side doubles the
tolerance. So ``超过130万`` (more_than 1.3e6) agrees with 150万, and 约100 with 108.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from corpus.compare.models import Conflict, ConflictSide, TimelineEntry

LOWER_BOUNDS = frozenset({"more_than", "at_least"})
UPPER_BOUNDS = frozenset({"less_than", "at_most", "up_to"})
APPROX_WIDENING = 2.0


def interval(qualifier: str, value: float, value_max: float | None) -> tuple[float, float]:
    """The values a claim allows."""
    if qualifier in LOWER_BOUNDS:
        return value, math.inf
    if qualifier in UPPER_BOUNDS:
        return -math.inf, value
    if value_max is not None:
        return min(value, value_max), max(value, value_max)
    return value, value


def relative_gap(a: TimelineEntry, b: TimelineEntry) -> float:
    """Distance between the claims' intervals over the larger facing end (0 when they overlap)."""
    lo_a, hi_a = interval(a.qualifier, a.value, a.value_max)
    lo_b, hi_b = interval(b.qualifier, b.value, b.value_max)
    if lo_b > hi_a:
        near, far = hi_a, lo_b
    elif lo_a > hi_b:
        near, far = hi_b, lo_a
    else:
        return 0.0
    scale = max(abs(near), abs(far))
    return (far - near) / scale if scale else 0.0


def disagree(a: TimelineEntry, b: TimelineEntry, tolerance: float) -> float | None:
    """The relative gap if ``a`` and ``b`` conflict, else None.

    Claims about different periods (both with an ``as_of`` that differs) never conflict.
    """
    if a.as_of and b.as_of and a.as_of != b.as_of:
        return None
    widened = "approx" in (a.qualifier, b.qualifier)
    allowed = tolerance * (APPROX_WIDENING if widened else 1.0)
    gap = relative_gap(a, b)
    return gap if gap > allowed else None


def _side(entry: TimelineEntry) -> ConflictSide:
    return ConflictSide(
        claim_id=entry.claim_id,
        value=entry.value,
        value_max=entry.value_max,
        qualifier=entry.qualifier,
        text=entry.text,
        origin=entry.origin,
        published_at=entry.published_at,
    )


def _cross_article_pairs(first: Counter[int], second: Counter[int]) -> int:
    """Pairs of claims, one per group, from different articles (counters: claims per article)."""
    small, large = (first, second) if len(first) <= len(second) else (second, first)
    same = sum(n * large[article] for article, n in small.items() if article in large)
    return first.total() * second.total() - same


def find_conflicts(
    entries: Sequence[TimelineEntry], tolerance: float, *, limit: int | None = None
) -> tuple[list[Conflict], int]:
    """Conflicting pairs among ``entries``, one per pair of distinct claimed values,
    largest gap first, at most ``limit`` of them; and how many there are in all.

    Entries saying the same (value, value_max, qualifier, as_of) are grouped first,
    so the cost grows with the number of distinct values, not of claims. The
    latest claim of each group represents it.
    """
    groups: dict[tuple[object, ...], list[TimelineEntry]] = {}
    for entry in entries:
        signature = (entry.value, entry.value_max, entry.qualifier, entry.as_of)
        groups.setdefault(signature, []).append(entry)
    members = [(group[-1], Counter(e.article_id for e in group)) for group in groups.values()]
    found: list[tuple[float, int, TimelineEntry, TimelineEntry]] = []
    for i, (first, first_articles) in enumerate(members):
        for second, second_articles in members[i + 1 :]:
            gap = disagree(first, second, tolerance)
            if gap is None:
                continue
            pairs = _cross_article_pairs(first_articles, second_articles)
            if pairs:
                found.append((gap, pairs, first, second))
    found.sort(key=lambda f: -f[0])
    shown = found if limit is None else found[:limit]
    conflicts = []
    for gap, pairs, first, second in shown:
        a, b = sorted((first, second), key=lambda e: e.claim_id)
        conflicts.append(Conflict(a=_side(a), b=_side(b), gap=gap, pairs=pairs))
    return conflicts, len(found)
