"""Claim queries: filters translated to SQL, rows to StoredClaim."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, select

from corpus.store.models import ClaimFilter, StoredClaim
from corpus.store.tables import ArticleRow, ClaimRow

_KEY_NOISE = re.compile(r"[\s\-_\u2010-\u2015\u00b7]+")


def norm_key(name: str | None) -> str:
    """The grouping form of a subject or object name: case, spaces and hyphens ignored."""
    if not name:
        return ""
    return _KEY_NOISE.sub("", name).casefold()


CLAIM_COLUMNS = (
    ClaimRow.id,
    ClaimRow.article_id,
    ClaimRow.subject,
    ClaimRow.subject_type,
    ClaimRow.metric,
    ClaimRow.value,
    ClaimRow.value_max,
    ClaimRow.unit,
    ClaimRow.qualifier,
    ClaimRow.text,
    ClaimRow.start.label("start"),
    ClaimRow.end.label("end"),
    ClaimRow.sentence,
    ClaimRow.as_of,
    ClaimRow.attribution,
    ClaimRow.object,
    ClaimRow.confidence,
    ClaimRow.extractor_version,
    ClaimRow.current,
    ArticleRow.site,
    ArticleRow.source_name,
    ArticleRow.url,
    ArticleRow.location,
    ArticleRow.title,
    ArticleRow.published_at,
    ArticleRow.ingested_at.label("first_seen"),
)


def day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def claims_query(flt: ClaimFilter | None, *, current_only: bool = True) -> Select[*tuple[Any, ...]]:
    """SELECT of claims joined to their articles, filtered in SQL, oldest first."""
    query = select(*CLAIM_COLUMNS).join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
    if current_only:
        query = query.where(ClaimRow.current.is_(True))
    flt = flt or ClaimFilter()
    if flt.subject is not None:
        query = query.where(ClaimRow.subject_key == norm_key(flt.subject))
    if flt.metric is not None:
        query = query.where(ClaimRow.metric == flt.metric)
    if flt.object is not None:
        query = query.where(ClaimRow.object_key == norm_key(flt.object))
    if flt.unit is not None:
        query = query.where(ClaimRow.unit == flt.unit)
    if flt.site is not None:
        query = query.where(ArticleRow.site == flt.site)
    if flt.source_name is not None:
        query = query.where(ArticleRow.source_name == flt.source_name)
    if flt.since is not None:
        query = query.where(ArticleRow.published_at >= day_start(flt.since))
    if flt.until is not None:
        query = query.where(ArticleRow.published_at < day_start(flt.until + timedelta(days=1)))
    if flt.seen_since is not None:
        query = query.where(ArticleRow.ingested_at >= flt.seen_since)
    return query.order_by(ArticleRow.published_at.asc().nulls_last(), ClaimRow.id)


def to_stored_claim(row: Any) -> StoredClaim:
    """A result row of ``claims_query`` as a StoredClaim (validating is faster than construct)."""
    return StoredClaim.model_validate(row._asdict())
