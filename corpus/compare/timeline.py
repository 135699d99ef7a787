"""Group stored claims into timelines: one per (subject, metric, object, unit), split by period.

Within a period (the key of comparison is (subject, metric, object, period)) sources are
compared: outliers set apart, conflicts found, a consensus taken. Across the periods of a
moving quantity the consensus changes over time; that is a timeline, not a conflict.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime

from corpus.compare.conflicts import find_conflicts
from corpus.compare.models import (
    Conflict,
    Consensus,
    Conversion,
    Outlier,
    PeriodChange,
    PeriodSummary,
    Spread,
    Timeline,
    TimelineEntry,
)
from corpus.compare.outliers import find_outliers, is_spike
from corpus.compare.periods import When, assign_periods, period_label
from corpus.compare.roles import COMPARED_ROLES, claim_role
from corpus.rates import FxTable, UnknownRateError, parse_when
from corpus.store.models import StoredClaim
from corpus.store.queries import norm_key
from extractors.metric_table import MetricSpec, MetricTable, metric_table

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
        role=claim_role(claim.sentence, claim.text, claim.qualifier),
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
    """Median over sites of each site's latest value (a range counts as its midpoint).

    A site's latest article gives its value; an article giving several, its first (the lead
    figure: "400亿美元融资" before the "首期100亿美元" it is paid in).
    """
    latest: dict[str, TimelineEntry] = {}
    for entry in sorted(entries, key=_when):
        known = latest.get(entry.origin)
        if known is None or known.article_id != entry.article_id:
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


def _outlier(entry: TimelineEntry, factor: float, others: Sequence[TimelineEntry]) -> Outlier:
    return Outlier(
        claim_id=entry.claim_id,
        value=entry.value,
        value_max=entry.value_max,
        qualifier=entry.qualifier,
        text=entry.text,
        sentence=entry.sentence,
        origin=entry.origin,
        published_at=entry.published_at,
        period=entry.period,
        factor=factor,
        others=consensus_of(others).value,
    )


class _Period:
    """The comparison of one (key, period): outliers set apart, conflicts, consensus.

    Reported values and forecasts are compared each among themselves; stated changes are not
    compared. A period of no known date of a moving quantity is not compared at all.
    """

    def __init__(
        self,
        when: When | None,
        entries: list[TimelineEntry],
        tolerance: float,
        compared: bool,
        limit: int | None,
    ) -> None:
        self.when = when
        self.entries = entries
        self.comparable: list[TimelineEntry] = []
        self.outliers: list[Outlier] = []
        self.conflicts: list[Conflict] = []
        self.conflicts_total = 0
        for role in COMPARED_ROLES if compared else ():
            self._compare([e for e in entries if e.role == role], tolerance, limit)
        values = [e for e in self.comparable if e.role == "value"] or self.comparable
        self.consensus = consensus_of(values) if values else None
        self.reported = values

    def _compare(self, group: list[TimelineEntry], tolerance: float, limit: int | None) -> None:
        found = find_outliers(group)
        for entry in group:
            entry.outlier = found.get(entry.claim_id)
        kept = [e for e in group if e.outlier is None]
        self.outliers += [_outlier(e, found[e.claim_id], kept) for e in group if e.outlier]
        self.comparable += kept
        if len({e.article_id for e in kept}) > 1:
            conflicts, total = find_conflicts(kept, tolerance, limit=limit)
            self.conflicts_total += total
            for conflict in conflicts:
                conflict.period = period_label(self.when)
                conflict.role = group[0].role
            self.conflicts += conflicts

    def set_apart(self, factor: float, others: list[TimelineEntry]) -> None:
        """This period's values as outliers over time (see ``_mark_spikes``)."""
        for entry in self.reported:
            entry.outlier = factor
            self.outliers.append(_outlier(entry, factor, others))
        self.comparable = [e for e in self.comparable if e.outlier is None]
        self.reported, self.consensus = [], None
        self.conflicts, self.conflicts_total = [], 0

    def summary(self) -> PeriodSummary:
        return PeriodSummary(
            period=period_label(self.when),
            start=self.when.start if self.when else None,
            end=self.when.end if self.when else None,
            reports=len(self.entries),
            sources=len({e.article_id for e in self.entries}),
            consensus=self.consensus,
            spread=spread_of(self.reported) if self.reported else None,
            conflicts_total=self.conflicts_total,
        )


def _period_order(when: When | None) -> tuple[int, date, date]:
    return (1, date.max, date.max) if when is None else (0, when.middle, when.start)


def _split_by_period(
    spec: MetricSpec, entries: list[TimelineEntry], tolerance: float, limit: int | None
) -> list[_Period]:
    """The key's periods, dated ones by their middle, the undated last."""
    whens = assign_periods(spec, [(e.as_of, e.published_at) for e in entries])
    members: dict[When | None, list[TimelineEntry]] = {}
    for entry, when in zip(entries, whens, strict=True):
        entry.period = period_label(when)
        members.setdefault(when, []).append(entry)
    ordered = sorted(members, key=_period_order)
    # A moving quantity with no date at all holds for no known period: shown, never compared.
    return [
        _Period(
            when,
            members[when],
            tolerance,
            compared=when is not None or not spec.moving,
            limit=limit,
        )
        for when in ordered
    ]


def _contains(outer: When, inner: When) -> bool:
    return outer != inner and outer.start <= inner.start and inner.end <= outer.end


def _steps(periods: list[_Period]) -> list[_Period]:
    """The dated periods a trend runs through: those with a consensus and not containing
    another of the key's periods (a year-only "2024" spans the days reported within it)."""
    dated = [p.when for p in periods if p.when is not None]
    return [
        p
        for p in periods
        if p.when is not None
        and p.consensus is not None
        and not any(_contains(p.when, other) for other in dated)
    ]


def _mark_spikes(periods: list[_Period]) -> None:
    """Set apart a one-source period that jumps away from both neighbours (a moving quantity's
    2亿 → 100万 → 3亿: more likely a wrongly linked figure than a change)."""
    steps = _steps(periods)
    for before, middle, after in zip(steps, steps[1:], steps[2:], strict=False):
        if not (before.consensus and middle.consensus and after.consensus):
            continue  # a neighbour was itself set apart
        if len({e.article_id for e in middle.reported}) != 1:
            continue
        jump = is_spike(before.consensus.value, middle.consensus.value, after.consensus.value)
        if jump is not None:
            middle.set_apart(jump, before.reported + after.reported)


def _changes(periods: list[_Period]) -> list[PeriodChange]:
    """Consensus moves between consecutive steps of the trend."""
    steps = _steps(periods)
    changes = []
    for earlier, later in itertools.pairwise(steps):
        assert earlier.consensus and later.consensus and earlier.when and later.when
        before, after = earlier.consensus.value, later.consensus.value
        changes.append(
            PeriodChange(
                from_period=earlier.when.label,
                to_period=later.when.label,
                before=before,
                after=after,
                change=(after - before) / abs(before) if before else None,
            )
        )
    return changes


def _timeline(
    pairs: list[tuple[TimelineEntry, StoredClaim]],
    spec: MetricSpec,
    unit: str,
    tolerance: float,
    max_conflicts: int | None,
) -> Timeline:
    entries = sorted((entry for entry, _ in pairs), key=_when)
    entries.sort(key=lambda e: e.published_at is None)  # undated last, stable otherwise
    periods = _split_by_period(spec, entries, tolerance, max_conflicts)
    if spec.moving:
        _mark_spikes(periods)
    conflicts = sorted((c for p in periods for c in p.conflicts), key=lambda c: -c.gap)
    current = next(
        (p for p in reversed(periods) if p.when is not None and p.consensus is not None),
        next((p for p in periods if p.consensus is not None), None),
    )
    shown = current.reported if current is not None else entries
    return Timeline(
        subject=_most_common(c.subject for _, c in pairs) or entries[0].subject,
        metric=spec.name,
        object=_most_common(c.object for _, c in pairs),
        unit=unit,
        kind=spec.kind,
        grain=spec.grain,
        label=spec.display,
        tolerance=tolerance,
        entries=entries,
        spread=spread_of(shown),
        consensus=consensus_of(shown),
        conflicts=conflicts if max_conflicts is None else conflicts[:max_conflicts],
        conflicts_total=sum(p.conflicts_total for p in periods),
        periods=[p.summary() for p in periods],
        changes=_changes(periods) if spec.moving else [],
        outliers=[o for p in periods for o in p.outliers],
    )


def build_timelines(
    claims: Iterable[StoredClaim],
    *,
    tolerance: float | None = None,
    currency: str | None,
    rates: FxTable,
    max_conflicts: int | None = MAX_CONFLICTS,
    table: MetricTable | None = None,
) -> list[Timeline]:
    """Timelines of ``claims``, one per (subject, metric, object, unit) key.

    ``tolerance`` None takes each metric's own from the metric table. Each timeline keeps at
    most ``max_conflicts`` conflicts (largest gaps) and counts all.
    """
    table = table or metric_table()
    groups: dict[GroupKey, list[tuple[TimelineEntry, StoredClaim]]] = {}
    for claim in claims:
        entry = to_entry(claim, currency, rates)
        groups.setdefault(group_key(entry, claim), []).append((entry, claim))
    timelines = []
    for (_subject, metric, _object, unit), pairs in groups.items():
        spec = table.spec(metric)
        allowed = spec.tolerance if tolerance is None else tolerance
        timelines.append(_timeline(pairs, spec, unit, allowed, max_conflicts))
    timelines.sort(key=lambda t: (t.subject, t.metric, t.object or "", t.unit))
    return timelines
