"""What changed since a moment: claims first seen since, consensus moves, new conflicts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from corpus.compare.models import (
    ChangesReport,
    Conflict,
    ConsensusMove,
    KeyedConflict,
    Timeline,
    TimelineKey,
)
from corpus.compare.timeline import build_timelines
from corpus.rates import FxTable, default_rates
from corpus.store import ClaimFilter, ClaimStore, StoredClaim, norm_key


def _key(t: Timeline) -> tuple[str, str, str, str]:
    return (norm_key(t.subject), t.metric, norm_key(t.object), t.unit)


def _conflict_signature(c: Conflict) -> tuple[str | None, frozenset[tuple[object, ...]]]:
    return c.period, frozenset((side.value, side.value_max, side.qualifier) for side in (c.a, c.b))


def _related_claims(store: ClaimStore, new: list[StoredClaim]) -> list[StoredClaim]:
    """All current claims sharing a (subject, metric, object) key with a new claim."""
    wanted = {(norm_key(c.subject), c.metric, norm_key(c.object)) for c in new}
    related: list[StoredClaim] = []
    for subject, metric in sorted({(s, m) for s, m, _ in wanted}):
        for claim in store.claims(ClaimFilter(subject=subject, metric=metric)):
            if (subject, metric, norm_key(claim.object)) in wanted:
                related.append(claim)
    return related


def _move(t: Timeline, before: float) -> ConsensusMove:
    after = t.consensus.value
    change = (after - before) / abs(before) if before else after - before
    return ConsensusMove(
        subject=t.subject,
        metric=t.metric,
        object=t.object,
        unit=t.unit,
        before=before,
        after=after,
        change=change,
    )


def changes(
    store: ClaimStore,
    since: datetime,
    *,
    tolerance: float | None = None,
    currency: str | None = None,
    rates: FxTable | None = None,
) -> ChangesReport:
    """Claims first seen at/after ``since`` and how they changed the picture.

    A key's consensus (of its latest period) "moved" when it differs by more than the
    tolerance (None: the metric's own) from the one over claims seen before ``since``.
    """
    rates = rates or default_rates()
    new = store.claims(ClaimFilter(seen_since=since))
    related = _related_claims(store, new) if new else []
    old = [c for c in related if c.first_seen < since]
    kwargs: dict[str, Any] = {
        "tolerance": tolerance,
        "currency": currency,
        "rates": rates,
        "max_conflicts": None,
    }
    before = {_key(t): t for t in build_timelines(old, **kwargs)}
    new_ids = {c.id for c in new}
    new_keys: list[TimelineKey] = []
    moved: list[ConsensusMove] = []
    new_conflicts: list[KeyedConflict] = []
    for t in build_timelines(related, **kwargs):
        key = TimelineKey(subject=t.subject, metric=t.metric, object=t.object, unit=t.unit)
        previous = before.get(_key(t))
        if previous is None:
            new_keys.append(key)
        else:
            then = previous.consensus.value
            allowed = t.tolerance * max(abs(then), abs(t.consensus.value))
            if abs(t.consensus.value - then) > allowed:
                moved.append(_move(t, then))
        known = {_conflict_signature(c) for c in previous.conflicts} if previous else set()
        for conflict in t.conflicts:
            sides = {*conflict.a.claim_ids, *conflict.b.claim_ids}
            is_new = bool(sides & new_ids)
            if is_new and _conflict_signature(conflict) not in known:
                new_conflicts.append(KeyedConflict(**key.model_dump(), conflict=conflict))
    return ChangesReport(
        since=since, new_claims=new, new_keys=new_keys, moved=moved, new_conflicts=new_conflicts
    )
