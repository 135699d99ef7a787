"""Group stored claims into timelines: one per key and unit, with spread and consensus."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from corpus.compare.conflicts import find_conflicts
from corpus.compare.models import Consensus, Conversion, Spread, Timeline, TimelineEntry
from corpus.rates import FxTable, UnknownRateError, parse_when
from corpus.store.models import StoredClaim
from corpus.store.queries import norm_key

GroupKey = tuple[str, str, str, str]  # subject key, metric, object key, unit
_OLDEST = datetime.min.replace(tzinfo=UTC)
#: Conflicts kept per timeline by default (the largest gaps); all are counted.
MAX_CONFLICTS = 50


def group_key(entry: TimelineEntry, claim: StoredClaim) -> GroupKey:
    return (norm_key(claim.subject), claim.metric, norm_key(claim.object), entry.unit)


def _split_money_unit(unit: str) -> tuple[str, str]:
    """``USD/Mtok`` -> (``USD``, ``/Mtok``); ``CNY`` -> (``CNY``, ``""``)."""
    head, sep, tail = unit.partition("/")
    return head, sep + tail


def to_entry(claim: StoredClaim, currency: str | None, rates: FxTable) -> TimelineEntry:
    """A claim as a timeline entry, its money converted to ``currency`` when asked."""
    entry = TimelineEntry(
        claim_id=claim.id,
        article_id=claim.article_id,
        subject=claim.subject,
        value=claim.value,
        value_max=claim.value_max,
        unit=claim.unit,
        qualifier=claim.qualifier,
        text=claim.text,
        sentence=claim.sentence,
        as_of=claim.as_of,
        attribution=claim.attribution,
        confidence=claim.confidence,
        site=claim.site,
        source_name=claim.source_name,
        published_at=claim.published_at,
        first_seen=claim.first_seen,
        title=claim.title,
        url=claim.url,
        location=claim.location,
    )
    if currency is None:
        return entry
    code, suffix = _split_money_unit(claim.unit)
    target = currency.upper()
    if code == target or not rates.is_currency(code):
        return entry
    dated_by = claim.as_of if parse_when(claim.as_of) else None
    if dated_by is None and claim.published_at is not None:
        dated_by = claim.published_at.date().isoformat()
    try:
        rate = rates.rate(code, target, dated_by)
    except UnknownRateError:
        return entry
    entry.conversion = Conversion(
        original_value=claim.value,
        original_value_max=claim.value_max,
        original_unit=claim.unit,
        rate=rate,
        dated_by=dated_by,
    )
    entry.value = claim.value * rate.rate
    entry.value_max = None if claim.value_max is None else claim.value_max * rate.rate
    entry.unit = target + suffix
    return entry


def _point(entry: TimelineEntry) -> float:
    """One number for an entry: a range's midpoint, else its value."""
    if entry.qualifier == "range" and entry.value_max is not None:
        return (entry.value + entry.value_max) / 2
    return entry.value


def _when(entry: TimelineEntry) -> tuple[datetime, int]:
    return (entry.published_at or _OLDEST, entry.claim_id)


def consensus_of(entries: Sequence[TimelineEntry]) -> Consensus:
    latest: dict[str, TimelineEntry] = {}
    for entry in sorted(entries, key=_when):
        latest[entry.origin] = entry
    per_site = {origin: _point(entry) for origin, entry in latest.items()}
    return Consensus(
        value=statistics.median(per_site.values()), sites=len(per_site), per_site=per_site
    )


def spread_of(entries: Sequence[TimelineEntry]) -> Spread:
    low = min(e.value if e.value_max is None else min(e.value, e.value_max) for e in entries)
    high = max(e.value if e.value_max is None else max(e.value, e.value_max) for e in entries)
    return Spread(min=low, max=high, ratio=high / low if low > 0 else None)


def _most_common(names: Iterable[str | None]) -> str | None:
    counted = Counter(n for n in names if n)
    return counted.most_common(1)[0][0] if counted else None


def build_timelines(
    claims: Iterable[StoredClaim],
    *,
    tolerance: float,
    currency: str | None,
    rates: FxTable,
    max_conflicts: int | None = MAX_CONFLICTS,
) -> list[Timeline]:
    """Timelines of ``claims``, one per (subject, metric, object, unit) key.

    Each keeps at most ``max_conflicts`` conflicts (largest gaps) and counts all.
    """
    groups: dict[GroupKey, list[tuple[TimelineEntry, StoredClaim]]] = {}
    for claim in claims:
        entry = to_entry(claim, currency, rates)
        groups.setdefault(group_key(entry, claim), []).append((entry, claim))
    timelines = []
    for (_subject, metric, _object, unit), pairs in groups.items():
        entries = sorted((entry for entry, _ in pairs), key=_when)
        entries.sort(key=lambda e: e.published_at is None)  # undated last, stable otherwise
        conflicts, conflicts_total = find_conflicts(entries, tolerance, limit=max_conflicts)
        timelines.append(
            Timeline(
                subject=_most_common(c.subject for _, c in pairs) or _subject,
                metric=metric,
                object=_most_common(c.object for _, c in pairs),
                unit=unit,
                entries=entries,
                spread=spread_of(entries),
                consensus=consensus_of(entries),
                conflicts=conflicts,
                conflicts_total=conflicts_total,
            )
        )
    timelines.sort(key=lambda t: (t.subject, t.metric, t.object or "", t.unit))
    return timelines
