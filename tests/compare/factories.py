"""Stored claims built by hand, for comparison tests that need no store."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import count

from corpus.compare import TimelineEntry
from corpus.store.models import StoredClaim

_IDS = count(1)
SEEN = datetime(2026, 1, 1, tzinfo=UTC)


def published(day: str | None) -> datetime | None:
    """An article's publication time at noon of ``day`` in China (UTC+8)."""
    return datetime.fromisoformat(f"{day}T12:00:00+08:00") if day else None


def stored(
    value: float,
    *,
    article: int,
    day: str | None = "2025-01-28",
    subject: str = "DeepSeek-V3",
    metric: str = "training_cost",
    unit: str = "USD",
    qualifier: str = "exact",
    value_max: float | None = None,
    as_of: str | None = None,
    attribution: str | None = None,
    obj: str | None = None,
    text: str = "",
    sentence: str = "",
    site: str | None = None,
) -> StoredClaim:
    """A current claim of ``article`` (its id), published on ``day``."""
    claim_id = next(_IDS)
    text = text or f"{value:g}"
    return StoredClaim(
        id=claim_id, article_id=article, extractor_version="test", current=True,
        site=site or f"site{article}.example.cn", location=f"/a/{article}",
        published_at=published(day), first_seen=SEEN, subject=subject, subject_type="model",
        metric=metric, value=value, value_max=value_max, unit=unit, qualifier=qualifier,  # type: ignore[arg-type]
        text=text, start=0, end=len(text), sentence=sentence or text, as_of=as_of,
        attribution=attribution, object=obj,
    )  # fmt: skip


def entry(claim: StoredClaim) -> TimelineEntry:
    """The claim as a timeline entry, unconverted."""
    from corpus.compare.timeline import to_entry
    from corpus.rates import default_rates

    return to_entry(claim, None, default_rates())
