"""Compare what articles claimed about one thing over time."""

from __future__ import annotations

from corpus.compare.changes import changes
from corpus.compare.models import (
    ChangesReport,
    Conflict,
    ConflictSide,
    Consensus,
    ConsensusMove,
    Conversion,
    KeyedConflict,
    Outlier,
    PeriodChange,
    PeriodSummary,
    Spread,
    Timeline,
    TimelineEntry,
    TimelineKey,
)
from corpus.compare.timeline import build_timelines
from corpus.rates import FxTable, default_rates
from corpus.store import ClaimFilter, ClaimStore


def compare(
    store: ClaimStore,
    flt: ClaimFilter,
    *,
    tolerance: float | None = None,
    currency: str | None = None,
    conflicts_only: bool = False,
    rates: FxTable | None = None,
) -> list[Timeline]:
    """Timelines of the current claims matching ``flt``, one per (subject, metric, object, unit).

    Each is split into periods (the metric table says which metrics move over time and at
    what grain); conflicts are disagreements within a period, beyond ``tolerance`` (None:
    each metric's own, from the metric table).

    With ``currency`` (e.g. ``"USD"``), money in other currencies is converted
    with the dated rate nearest each claim's as_of/publication date, and each
    converted entry says which rate it used; without it, each currency is its
    own timeline.
    """
    timelines = build_timelines(
        store.claims(flt),
        tolerance=tolerance,
        currency=currency,
        rates=rates or default_rates(),
    )
    if conflicts_only:
        return [t for t in timelines if t.conflicts]
    return timelines


__all__ = [
    "ChangesReport",
    "Conflict",
    "ConflictSide",
    "Consensus",
    "ConsensusMove",
    "Conversion",
    "KeyedConflict",
    "Outlier",
    "PeriodChange",
    "PeriodSummary",
    "Spread",
    "Timeline",
    "TimelineEntry",
    "TimelineKey",
    "changes",
    "compare",
]
