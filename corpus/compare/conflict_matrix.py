"""Conflicts among many claims at once: ``conflicts.disagree`` for every pair of distinct
values in one numpy pass, then the source-level rules as array operations.

A key reported by two thousand articles has a few hundred distinct values (money converted
at each month's rate), so tens of thousands of value pairs; judged one by one in Python
that takes a second, as arrays a few milliseconds. The rules are those of
``corpus.compare.conflicts`` (a test holds the two to the same answers):

- values: ``D[s, t]`` says values ``s`` and ``t`` disagree (gap beyond the tolerance, not
  one rounded from the other, not dated to different dates of one precision);
- positions: sources giving the same set of values; a position whose own values disagree
  is ambiguous and set against no one;
- two positions disagree when no value of one agrees with any of the other, and count as
  many pairs as they have sources from different articles;
- lines: each pair of values two disagreeing positions give, merged by what a line shows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from corpus.compare.conflicts import (
    APPROX_WIDENING,
    LOWER_BOUNDS,
    ROUNDING_CAP,
    UPPER_BOUNDS,
    Signature,
    Source,
    ValueKey,
    conflict_side,
    signature_of,
    significant_step,
    source_of,
)
from corpus.compare.models import Conflict, ConflictSide, TimelineEntry
from corpus.compare.periods import parse_as_of


class _Values:
    """The distinct values (signatures) of some claims, as arrays."""

    def __init__(self, entries: Sequence[TimelineEntry]) -> None:
        self.index: dict[Signature, int] = {}
        self.example: list[TimelineEntry] = []
        for entry in entries:  # the latest claim of each signature represents it
            i = self.index.setdefault(signature_of(entry), len(self.index))
            if i == len(self.example):
                self.example.append(entry)
            else:
                self.example[i] = entry
        rows = [self._row(e) for e in self.example]
        (lo, hi, value, approx, point, step, dated, day, precision) = zip(*rows, strict=True)
        self.lo, self.hi = np.array(lo), np.array(hi)
        self.value, self.step = np.array(value), np.array(step)
        self.approx, self.point = np.array(approx), np.array(point)
        self.dated, self.day, self.precision = np.array(dated), np.array(day), np.array(precision)

    @staticmethod
    def _row(e: TimelineEntry) -> tuple[float, float, float, bool, bool, float, bool, str, str]:
        q = e.qualifier
        if q in LOWER_BOUNDS:
            lo, hi = e.value, math.inf
        elif q in UPPER_BOUNDS:
            lo, hi = -math.inf, e.value
        elif e.value_max is not None:
            lo, hi = min(e.value, e.value_max), max(e.value, e.value_max)
        else:
            lo = hi = e.value
        point = q in ("exact", "approx") and e.value_max is None
        when = parse_as_of(e.as_of)
        precision = when.precision if when else ("?" + (e.as_of or ""))  # unreadable: its own
        return (lo, hi, e.value, q == "approx", point, significant_step(e.value),
                bool(e.as_of), e.as_of or "", precision)  # fmt: skip

    def gaps(self) -> np.ndarray:
        """``relative_gap`` of every pair: interval distance over the larger facing end."""
        lo, hi = self.lo, self.hi
        above = lo[None, :] > hi[:, None]  # t lies above s
        below = lo[:, None] > hi[None, :]
        with np.errstate(invalid="ignore"):
            near = np.where(above, hi[:, None], np.where(below, hi[None, :], 0.0))
            far = np.where(above, lo[None, :], np.where(below, lo[:, None], 0.0))
            scale = np.maximum(np.abs(near), np.abs(far))
            gap = np.where(
                (above | below) & (scale > 0), (far - near) / np.where(scale > 0, scale, 1), 0
            )
        return np.nan_to_num(gap, nan=0.0)

    def disagreement(self, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
        """(D, G): which pairs disagree, and their gaps."""
        gap = self.gaps()
        allowed = tolerance * np.where(
            self.approx[:, None] | self.approx[None, :], APPROX_WIDENING, 1.0
        )
        v, step = self.value, self.step
        rounds = (step[None, :] > step[:, None]) & (
            np.abs(v[:, None] - v[None, :]) <= step[None, :] / 2 * (1 + 1e-9)
        )  # s written with fewer digits is t: rounds[s, t] means s rounds to t
        rounded = (
            self.point[:, None] & self.point[None, :] & (gap <= ROUNDING_CAP) & (rounds | rounds.T)
        )
        both_dated = self.dated[:, None] & self.dated[None, :]
        apart = both_dated & (self.day[:, None] != self.day[None, :])
        guard = apart & (
            (self.precision[:, None] == self.precision[None, :])
            | np.char.startswith(self.precision, "?")[:, None]
            | np.char.startswith(self.precision, "?")[None, :]
        )
        return (gap > allowed) & ~rounded & ~guard, gap


class _Positions:
    """Sources grouped by the set of values they give.

    ``member_p``/``member_s`` list (position, value) memberships sorted by position, so a
    value-by-value matrix reduces to a position-by-position one with ``reduceat``.
    """

    def __init__(self, entries: Sequence[TimelineEntry], values: _Values) -> None:
        by_source: dict[Source, list[TimelineEntry]] = {}
        for entry in entries:
            by_source.setdefault(source_of(entry), []).append(entry)
        keys: dict[frozenset[int], int] = {}
        self.sources: list[dict[Source, list[TimelineEntry]]] = []
        self.articles: list[dict[int, int]] = []
        for source, said in by_source.items():
            key = frozenset(values.index[signature_of(e)] for e in said)
            p = keys.setdefault(key, len(keys))
            if p == len(self.sources):
                self.sources.append({})
                self.articles.append({})
            self.sources[p][source] = said
            self.articles[p][source[0]] = self.articles[p].get(source[0], 0) + 1
        memberships = sorted((p, s) for key, p in keys.items() for s in key)
        self.member_p = np.array([p for p, _ in memberships], dtype=int)
        self.member_s = np.array([s for _, s in memberships], dtype=int)
        self.starts = np.flatnonzero(np.r_[True, self.member_p[1:] != self.member_p[:-1]])
        self.count = len(keys)

    def any_pair(self, by_value: np.ndarray) -> np.ndarray:
        """Position-by-position: does any value of one stand in ``by_value`` to any of the other."""
        spread = by_value[self.member_s[:, None], self.member_s[None, :]]
        rows = np.logical_or.reduceat(spread, self.starts, axis=0)
        return np.logical_or.reduceat(rows, self.starts, axis=1)

    def cross_article_pairs(self) -> np.ndarray:
        """Pairs of sources between two positions, from different articles."""
        sources = np.array([sum(counts.values()) for counts in self.articles], dtype=float)
        pairs = np.outer(sources, sources)
        seen: dict[int, list[tuple[int, int]]] = {}
        for p, counts in enumerate(self.articles):
            for article, n in counts.items():
                seen.setdefault(article, []).append((p, n))
        for shared in seen.values():  # an article quoting parties in several positions
            for p, n in shared:
                for q, k in shared:
                    pairs[p, q] -= n * k
        return pairs

    def holding(self, wanted: np.ndarray) -> np.ndarray:
        """Which positions give one of the ``wanted`` values (a boolean mask over values)."""
        held = np.zeros(self.count, dtype=bool)
        held[self.member_p[wanted[self.member_s]]] = True
        return held


def _value_keys(values: _Values) -> tuple[np.ndarray, list[ValueKey]]:
    """The line value each signature shows (signatures differing in as_of show alike)."""
    keys: dict[ValueKey, int] = {}
    column = [keys.setdefault(sig[:3], len(keys)) for sig in values.index]  # type: ignore[misc]
    return np.array(column, dtype=int), list(keys)


def _line_support(positions: _Positions, weight: np.ndarray, key_of: np.ndarray, n: int):
    """Source pairs behind each pair of line values (n x n, symmetric)."""
    spread = weight[positions.member_p[:, None], positions.member_p[None, :]]
    keys = key_of[positions.member_s]
    cells = (keys[:, None] * n + keys[None, :]).ravel()
    return np.bincount(cells, weights=spread.ravel(), minlength=n * n).reshape(n, n)


def find_conflicts(
    entries: Sequence[TimelineEntry], tolerance: float, *, limit: int | None = None
) -> tuple[list[Conflict], int]:
    """The conflict lines among ``entries`` (one key, period and role), largest gap first,
    at most ``limit``; and how many there are in all. See ``conflicts.find_conflicts``."""
    if not entries:
        return [], 0
    values = _Values(entries)
    disagree, gap = values.disagreement(tolerance)
    positions = _Positions(entries, values)
    ambiguous = np.diagonal(positions.any_pair(disagree))
    pairs = positions.cross_article_pairs()
    valid = ~positions.any_pair(~disagree) & (pairs > 0)
    valid &= ~ambiguous[:, None] & ~ambiguous[None, :]
    weight = np.where(valid, pairs, 0.0)
    key_of, shown_as = _value_keys(values)
    support = _line_support(positions, weight, key_of, len(shown_as))
    order = sorted(range(len(shown_as)), key=lambda i: _order_key(shown_as[i]))
    rank = np.empty(len(order), dtype=int)
    rank[order] = np.arange(len(order))
    first = np.unique(key_of, return_index=True)[1]  # a signature showing each line value
    lines = np.argwhere((support > 0) & (rank[:, None] < rank[None, :]))
    line_gaps = gap[first[lines[:, 0]], first[lines[:, 1]]] if len(lines) else np.array([])
    ranked = lines[np.argsort(-line_gaps, kind="stable")]
    shown = ranked if limit is None else ranked[:limit]
    conflicts = []
    for low, high in shown:
        a = _side(values, positions, weight, key_of, low, high)
        b = _side(values, positions, weight, key_of, high, low)
        if b.claim_id < a.claim_id:
            a, b = b, a
        line_gap = float(gap[first[low], first[high]])
        conflicts.append(Conflict(a=a, b=b, gap=line_gap, pairs=int(support[low, high])))
    return conflicts, len(lines)


def _order_key(key: ValueKey) -> tuple[float, float, str]:
    value, value_max, qualifier = key
    return (value, -math.inf if value_max is None else value_max, qualifier)


def _side(
    values: _Values,
    positions: _Positions,
    weight: np.ndarray,
    key_of: np.ndarray,
    mine: int,
    theirs: int,
) -> ConflictSide:
    """The claims saying line value ``mine`` from sources set against one saying ``theirs``
    (a source of another article)."""
    theirs_held = positions.holding(key_of == theirs)
    wanted = set(np.flatnonzero(key_of == mine).tolist())
    claims = []
    for p in np.flatnonzero(positions.holding(key_of == mine)):
        opposite = np.flatnonzero(theirs_held & (weight[p] > 0))
        articles = {a for q in opposite for a in positions.articles[q]}
        for (article, _), said in positions.sources[p].items():
            if articles - {article}:
                claims += [e for e in said if values.index[signature_of(e)] in wanted]
    return conflict_side(claims)
