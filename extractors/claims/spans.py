"""Offset lookups over the mentions, quantities and dates of one body.

All three are spans of the body in one shape (:class:`CharSpan`): ``start`` and ``end``
character offsets and the ``text`` between them.

Claim building asks, for every sentence and every number, which spans lie inside a
sentence or overlap a number. Scanning every span each time is quadratic in the body
length; these indexes sort the spans once and answer with a binary search. Results keep
the input order, so callers see exactly what a linear filter would give them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import attrgetter
from typing import Generic, Protocol, TypeVar

from extractors.dates import DateMention
from extractors.models import Quantity
from extractors.subjects import Mention


class CharSpan(Protocol):
    """What every span of a body shows: ``text == body[start:end]``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...


T = TypeVar("T", bound=CharSpan)


class SpanIndex(Generic[T]):
    """Items with a ``(start, end)`` span, searchable by offset."""

    def __init__(self, items: Sequence[T], starts: list[int], ends: list[int]) -> None:
        """``starts[i]`` and ``ends[i]`` are the offsets of ``items[i]``."""
        self._items = items
        self._order = sorted(range(len(items)), key=starts.__getitem__)  # positions by start
        self._starts = [starts[i] for i in self._order]
        self._ends = [ends[i] for i in self._order]
        # The largest end among the first k spans (by start): overlap tests in one bisect.
        self._max_ends = list(accumulate(self._ends, max))

    def within(self, lo: int, hi: int) -> list[T]:
        """Items with ``lo <= start`` and ``end <= hi``, in input order."""
        first, last = bisect_left(self._starts, lo), bisect_right(self._starts, hi)
        picked = sorted(self._order[k] for k in range(first, last) if self._ends[k] <= hi)
        return [self._items[i] for i in picked]

    def overlaps(self, lo: int, hi: int) -> bool:
        """Whether any item has ``start < hi`` and ``lo < end``."""
        count = bisect_left(self._starts, hi)
        return count > 0 and self._max_ends[count - 1] > lo

    def starts_between(self, lo: int, hi: int) -> bool:
        """Whether any item starts at an offset in ``[lo, hi]``."""
        return bisect_right(self._starts, hi) > bisect_left(self._starts, lo)


@dataclass(frozen=True)
class BodySpans:
    """The span indexes claim building needs for one body."""

    mentions: SpanIndex[Mention]
    chips: SpanIndex[Mention]
    quantities: SpanIndex[Quantity]
    dates: SpanIndex[DateMention]

    @classmethod
    def of(
        cls,
        mentions: Sequence[Mention],
        quantities: Sequence[Quantity],
        dates: Sequence[DateMention],
    ) -> BodySpans:
        chips = [m for m in mentions if m.type == "chip"]
        return cls(
            mentions=_by_attributes(mentions),
            chips=_by_attributes(chips),
            quantities=_by_attributes(quantities),
            dates=_by_attributes(dates),
        )


_start, _end = attrgetter("start"), attrgetter("end")


def _by_attributes(items: Sequence[T]) -> SpanIndex[T]:
    """The index of spans by their ``start`` and ``end``."""
    return SpanIndex(items, list(map(_start, items)), list(map(_end, items)))
