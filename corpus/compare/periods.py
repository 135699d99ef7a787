"""The period a claim's value holds for: its ``as_of``, else its article's date, at a grain.

A ``moving`` metric (market value, revenue, users) is compared only within one period: its
``as_of`` (``2024-06-05``, ``2024-06``, ``2025-Q3``, ``2026-H2``, ``2024``) cut to the metric's
grain, else the publication date cut to the grain. An ``as_of`` coarser than the grain keeps its
own precision (``2024`` stays a year for a day-grain metric: it is not any one day of it). A
funding round's reports (grain ``round``) are grouped by date: months close together are one
round.

An ``event`` fact has one value whatever the date of the report; only an explicit ``as_of``
tells two facts apart (a company's GPUs in March and at the year's end). Undated reports of an
event belong to its only dated period when there is exactly one.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Literal

from extractors.metric_table import MetricSpec

Precision = Literal["day", "month", "quarter", "half", "year"]
_COARSENESS: dict[str, int] = {"day": 0, "month": 1, "quarter": 2, "half": 3, "year": 4}
_AS_OF = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?|-?[Qq]([1-4])|-?[Hh]([12]))?(?![\d])")
#: Articles are dated by their day in China Standard Time (Beijing, Taipei and Hong Kong are
#: all UTC+8): an article published at 06:32 on 19 June there is of 19 June, not 18 June (UTC).
NEWS_TZ = timezone(timedelta(hours=8), "UTC+8")
#: Reports of one funding round: dates at most this far from the round's others.
ROUND_GAP = timedelta(days=45)


@dataclass(frozen=True, order=True)
class When:
    """A stretch of time named by a date mention, and how precise the mention was."""

    start: date
    end: date
    precision: Precision

    @property
    def middle(self) -> date:
        return self.start + (self.end - self.start) / 2

    @property
    def label(self) -> str:
        """``2024-06-05``, ``2024-06``, ``2024-Q2``, ``2024-H1``, ``2024``."""
        d = self.start
        if self.precision == "day":
            return d.isoformat()
        if self.precision == "month":
            return f"{d.year}-{d.month:02d}"
        if self.precision == "quarter":
            return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
        if self.precision == "half":
            return f"{d.year}-H{(d.month - 1) // 6 + 1}"
        return str(d.year)


def _months(year: int, first: int, count: int, precision: Precision) -> When:
    last = first + count - 1
    return When(
        date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]), precision
    )


def parse_as_of(text: str | None) -> When | None:
    """``2024-06-05``, ``2024-06``, ``2025-Q3``, ``2026-H2`` or ``2024``; None if not a date."""
    match = _AS_OF.match(text) if text else None
    if match is None:
        return None
    year_s, month, day, quarter, half = match.groups()
    year = int(year_s)
    try:
        if day is not None:
            d = date(year, int(month), int(day))
            return When(d, d, "day")
        if month is not None:
            return _months(year, int(month), 1, "month")
    except ValueError:
        return None
    if quarter is not None:
        return _months(year, 3 * int(quarter) - 2, 3, "quarter")
    if half is not None:
        return _months(year, 6 * int(half) - 5, 6, "half")
    return _months(year, 1, 12, "year")


def at_precision(when: When, precision: Precision) -> When:
    """``when`` widened to ``precision``; a mention already that coarse (or coarser) as it is."""
    if _COARSENESS[when.precision] >= _COARSENESS[precision]:
        return when
    d = when.start
    if precision == "day":
        return When(d, d, "day")
    if precision == "month":
        return _months(d.year, d.month, 1, "month")
    if precision == "quarter":
        return _months(d.year, 3 * ((d.month - 1) // 3) + 1, 3, "quarter")
    if precision == "half":
        return _months(d.year, 6 * ((d.month - 1) // 6) + 1, 6, "half")
    return _months(d.year, 1, 12, "year")


def news_day(moment: datetime) -> date:
    """The calendar day of a publication time where the news was published (UTC+8)."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(NEWS_TZ).date()


def claim_date(as_of: str | None, published_at: datetime | None) -> When | None:
    """When a reported value held: its ``as_of``, else the day its article was published."""
    parsed = parse_as_of(as_of)
    if parsed is not None:
        return parsed
    if published_at is not None:
        day = news_day(published_at)
        return When(day, day, "day")
    return None


def _cluster_rounds(dates: list[When | None]) -> list[When | None]:
    """Dates of a month or finer lying close together become one round, named by its first
    month; coarser dates (a year) stay as they are."""
    fine = sorted({d for d in dates if d is not None and d.precision in ("day", "month")})
    merged: dict[When, When] = {}
    group: list[When] = []
    for when in [*fine, None]:
        if when is not None and (not group or when.start - max(g.end for g in group) <= ROUND_GAP):
            group.append(when)
            continue
        if group:
            first = at_precision(group[0], "month")
            whole = When(first.start, max(g.end for g in group), "month")
            merged.update({g: whole for g in group})
        group = [when] if when is not None else []
    return [None if d is None else merged.get(d, d) for d in dates]


def _event_periods(dates: list[When | None]) -> list[When | None]:
    dated = {d for d in dates if d is not None}
    if len(dated) == 1:
        (only,) = dated
        return [only] * len(dates)
    return dates


def assign_periods(
    spec: MetricSpec, dates: Sequence[tuple[str | None, datetime | None]]
) -> list[When | None]:
    """The period of each claim of one key, given each claim's (as_of, published_at)."""
    if not spec.moving or spec.grain is None:
        return _event_periods([parse_as_of(as_of) for as_of, _ in dates])
    dates_held = [claim_date(as_of, published) for as_of, published in dates]
    if spec.grain == "round":
        return _cluster_rounds(dates_held)
    return [None if when is None else at_precision(when, spec.grain) for when in dates_held]


def period_label(when: When | None) -> str | None:
    """The period's name; a round spanning months is named by its first month."""
    return None if when is None else when.label


__all__ = [
    "NEWS_TZ",
    "ROUND_GAP",
    "When",
    "assign_periods",
    "at_precision",
    "claim_date",
    "news_day",
    "parse_as_of",
    "period_label",
]
