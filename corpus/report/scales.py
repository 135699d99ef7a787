"""Axes of the timeline charts: log or linear values, and dated time ticks."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

#: Values spanning more than this many orders of magnitude are drawn on a log axis.
LOG_SPAN_DECADES = 1.5


def use_log_scale(values: list[float]) -> bool:
    """Log axis when all values are positive and max/min exceeds 10**1.5 (about 32x)."""
    if not values or min(values) <= 0:
        return False
    return math.log10(max(values) / min(values)) > LOG_SPAN_DECADES


@dataclass(frozen=True)
class ValueAxis:
    """Maps values onto [0, 1] (0 = bottom) and says where to put ticks."""

    low: float
    high: float
    log: bool
    ticks: tuple[float, ...]

    def fraction(self, value: float) -> float:
        if self.log:
            value = max(value, self.low)
            lo, hi, v = math.log10(self.low), math.log10(self.high), math.log10(value)
        else:
            lo, hi, v = self.low, self.high, value
        return 0.5 if hi == lo else (v - lo) / (hi - lo)


def _nice_step(raw: float) -> float:
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def linear_axis(values: list[float], target_ticks: int = 5) -> ValueAxis:
    low, high = min(values), max(values)
    if low >= 0 and low <= high * 0.5:
        low = 0.0  # a positive series close to zero reads best from zero
    if high == low:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad if low != 0 else 0.0, high + pad
    step = _nice_step((high - low) / target_ticks)
    start = math.floor(low / step) * step
    end = math.ceil(high / step) * step
    count = round((end - start) / step)
    ticks = tuple(start + i * step for i in range(count + 1))
    return ValueAxis(low=start, high=end, log=False, ticks=ticks)


def log_axis(values: list[float]) -> ValueAxis:
    first = math.floor(math.log10(min(values)))
    last = math.ceil(math.log10(max(values)))
    if last == first:
        last += 1
    factors = (1, 2, 5) if last - first <= 2 else (1,)
    ticks = tuple(
        f * 10.0**k for k in range(first, last + 1) for f in factors if f * 10.0**k <= 10.0**last
    )
    return ValueAxis(low=10.0**first, high=10.0**last, log=True, ticks=ticks)


def value_axis(values: list[float]) -> ValueAxis:
    return log_axis(values) if use_log_scale(values) else linear_axis(values)


@dataclass(frozen=True)
class TimeAxis:
    start: datetime
    end: datetime
    ticks: tuple[tuple[datetime, str], ...]

    def fraction(self, when: datetime) -> float:
        span = (self.end - self.start).total_seconds()
        return 0.5 if span <= 0 else (when - self.start).total_seconds() / span


def _month_start(when: datetime, months_ahead: int = 0) -> datetime:
    index = when.year * 12 + when.month - 1 + months_ahead
    return datetime(index // 12, index % 12 + 1, 1, tzinfo=UTC)


def time_axis(moments: list[datetime], target_ticks: int = 6) -> TimeAxis:
    """A padded span around ``moments`` with month ticks (or day ticks for short spans).

    Every tick label carries its year (``2024-06``, ``2024-06-05``): a short span must not
    leave the reader guessing which year it is.
    """
    moments = [m if m.tzinfo else m.replace(tzinfo=UTC) for m in moments]
    first, last = min(moments), max(moments)
    pad = max((last - first) * 0.06, timedelta(days=10))
    start, end = first - pad, last + pad
    days = (end - start).days
    ticks: list[tuple[datetime, str]] = []
    if days < 75:
        step = max(1, -(-days // target_ticks))
        day = datetime(start.year, start.month, start.day, tzinfo=UTC) + timedelta(days=1)
        while day <= end:
            ticks.append((day, day.strftime("%Y-%m-%d")))
            day += timedelta(days=step)
        return TimeAxis(start=start, end=end, ticks=tuple(ticks))
    months = max(1, round(days / 30.4 / target_ticks))
    for preferred in (1, 2, 3, 6, 12, 24, 60):
        if preferred >= months:
            months = preferred
            break
    tick = _month_start(start, 1)
    while (tick.month - 1) % months:
        tick = _month_start(tick, 1)
    while tick <= end:
        ticks.append((tick, tick.strftime("%Y-%m")))
        tick = _month_start(tick, months)
    return TimeAxis(start=start, end=end, ticks=tuple(ticks))
