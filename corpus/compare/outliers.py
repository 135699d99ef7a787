"""Values one source alone gives, far from what every other source says: check the extraction.

A figure 18 times every other report of the same key (GPT-4's training cost linked to
DeepSeek-V3) is more likely a wrongly linked number than a dispute between outlets. It is
shown with its sentence as "check this extraction", and left out of conflicts and consensus.

An entry is an outlier when no other source's value lies within ``OUTLIER_FACTOR`` of it,
while the other sources back each other up: at least ``MIN_BACKING`` of them have a value
within that factor of another source's. Without such backing (two sources, or all far apart)
there is no telling which one is off, and a gap stays a conflict.

Over time, a moving quantity's period reported by one source alone whose value jumps more
than ``OUTLIER_FACTOR`` away from both neighbouring periods, while those agree with each
other (weekly users 2亿, then 100万, then 3亿), is set apart the same way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from corpus.compare.models import TimelineEntry

OUTLIER_FACTOR = 5.0
MIN_BACKING = 2


def _point(entry: TimelineEntry) -> float:
    if entry.value_max is not None:
        return (entry.value + entry.value_max) / 2
    return entry.value


def value_ratio(x: float, y: float) -> float:
    """How many times larger the larger value is (inf across signs or with a zero)."""
    if x <= 0 or y <= 0:
        return 1.0 if x == y else math.inf
    return max(x, y) / min(x, y)


def is_spike(before: float, value: float, after: float) -> float | None:
    """How far ``value`` jumps away from two neighbours in time that agree with each other
    (2亿 → 100万 → 3亿), or None when it does not."""
    jump = min(value_ratio(value, before), value_ratio(value, after))
    if value_ratio(before, after) <= OUTLIER_FACTOR < jump < math.inf:
        return jump
    return None


def _nearest_ratios(entries: Sequence[TimelineEntry]) -> dict[int, float]:
    """For each claim, the smallest ratio between its value and another article's.

    Positive values are compared in sorted order (the nearest in ratio is the next value
    another article gives, below or above), so the cost is about n log n, not n squared.
    """
    articles: dict[float, set[int]] = {}
    for entry in entries:
        articles.setdefault(_point(entry), set()).add(entry.article_id)
    positive = sorted(v for v in articles if v > 0)
    rank = {v: i for i, v in enumerate(positive)}
    nearest: dict[int, float] = {}
    for entry in entries:
        value = _point(entry)
        if articles[value] - {entry.article_id}:
            nearest[entry.claim_id] = 1.0  # another article says the same
        elif value > 0:
            own = {entry.article_id}
            i = rank[value]
            below = next((v for v in reversed(positive[:i]) if articles[v] - own), None)
            above = next((v for v in positive[i + 1 :] if articles[v] - own), None)
            near = [value_ratio(value, v) for v in (below, above) if v is not None]
            nearest[entry.claim_id] = min(near, default=math.inf)
        else:
            nearest[entry.claim_id] = math.inf
    return nearest


def find_outliers(entries: Sequence[TimelineEntry]) -> dict[int, float]:
    """Outlying claims of one key and period: claim id -> factor to the nearest other source."""
    nearest = _nearest_ratios(entries)
    backing = {e.article_id for e in entries if nearest[e.claim_id] <= OUTLIER_FACTOR}
    if len(backing) < MIN_BACKING:
        return {}
    return {
        claim_id: factor
        for claim_id, factor in nearest.items()
        if OUTLIER_FACTOR < factor < math.inf
    }


__all__ = ["MIN_BACKING", "OUTLIER_FACTOR", "find_outliers", "is_spike", "value_ratio"]
