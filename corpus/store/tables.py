"""ORM tables of the claim store.

The schema itself is created and changed only by the Alembic revisions in
``corpus/migrations``; these classes describe it for queries (and for
``alembic revision --autogenerate`` when the schema changes).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Dialect,
    Double,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes on every backend.

    PostgreSQL keeps ``timestamptz``; SQLite has no time zones, so values are
    stored as naive UTC and made aware again on the way out. Naive input is
    taken to be UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of the store's tables."""


class SourceRow(Base):
    """A named source (a feed, a site list, a folder) articles came from."""

    __tablename__ = "sources"
    __table_args__ = (UniqueConstraint("name", name="uq_sources_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    kind: Mapped[str] = mapped_column(String, default="file")


class ArticleRow(Base):
    """One version of one page: raw input, cleaned text and provenance.

    ``doc_key`` is the page's identity (its URL, else its location); a page
    whose content changed gets a new row with ``version + 1`` that
    ``supersedes_id`` the previous one, and only the newest is ``current``.
    """

    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("content_hash", name="uq_articles_content_hash"),
        UniqueConstraint("doc_key", "version", name="uq_articles_doc_key_version"),
        Index("ix_articles_url", "url"),
        Index("ix_articles_location", "location"),
        Index("ix_articles_published_at", "published_at"),
        Index("ix_articles_ingested_at", "ingested_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    doc_key: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str] = mapped_column(Text)
    site: Mapped[str | None] = mapped_column(String)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    source_name: Mapped[str | None] = mapped_column(String)
    title: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    fetched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    text: Mapped[str] = mapped_column(Text, default="")
    raw: Mapped[str] = mapped_column(Text)
    encoding: Mapped[str | None] = mapped_column(String)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"))
    current: Mapped[bool] = mapped_column(Boolean, default=True)


class ArticleAliasRow(Base):
    """Another location/URL where the same content (same hash) was found."""

    __tablename__ = "article_aliases"
    __table_args__ = (
        UniqueConstraint("article_id", "doc_key", name="uq_article_aliases_article_doc_key"),
        Index("ix_article_aliases_doc_key", "doc_key"),
        Index("ix_article_aliases_url", "url"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    doc_key: Mapped[str] = mapped_column(Text)
    location: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    source_name: Mapped[str | None] = mapped_column(String)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class ExtractionRow(Base):
    """One extractor version's reading of one article version.

    ``text`` is the cleaned text the claims' offsets refer to when it differs
    from ``articles.text`` (a newer cleaner may cut the page differently).
    """

    __tablename__ = "extractions"
    __table_args__ = (
        UniqueConstraint("article_id", "extractor_version", name="uq_extractions_article_version"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    extractor_version: Mapped[str] = mapped_column(String)
    text: Mapped[str | None] = mapped_column(Text)
    claim_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class ClaimRow(Base):
    """One claim (CLAIMS.md fields) as read by one extractor version.

    ``subject_key``/``object_key`` are the normalised names compare groups by
    (case, spaces and hyphens ignored).
    """

    __tablename__ = "claims"
    __table_args__ = (
        Index("ix_claims_key", "subject_key", "metric", "object_key"),
        Index("ix_claims_metric", "metric"),
        Index("ix_claims_article_current", "article_id", "current"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    extraction_id: Mapped[int] = mapped_column(ForeignKey("extractions.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(Text)
    subject_key: Mapped[str] = mapped_column(Text)
    subject_type: Mapped[str] = mapped_column(String(20))
    metric: Mapped[str] = mapped_column(String)
    value: Mapped[float] = mapped_column(Double)
    value_max: Mapped[float | None] = mapped_column(Double)
    unit: Mapped[str] = mapped_column(String)
    qualifier: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column("char_start", Integer)
    end: Mapped[int] = mapped_column("char_end", Integer)
    sentence: Mapped[str] = mapped_column(Text)
    as_of: Mapped[str | None] = mapped_column(String)
    attribution: Mapped[str | None] = mapped_column(Text)
    object: Mapped[str | None] = mapped_column(Text)
    object_key: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[float] = mapped_column(Double)
    extractor_version: Mapped[str] = mapped_column(String)
    current: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class IngestRunRow(Base):
    """One ingest or re-extract run: parameters, counts and failures (JSON)."""

    __tablename__ = "ingest_runs"
    __table_args__ = (Index("ix_ingest_runs_kind_started", "kind", "started_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    errors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    warnings: Mapped[list[Any] | None] = mapped_column(JSON, default=list)


class FileStateRow(Base):
    """The signature a local file had when its content (``content_hash``) was stored
    under its location: a re-run finds an unchanged file without reading it."""

    __tablename__ = "file_states"

    location: Mapped[str] = mapped_column(Text, primary_key=True)
    signature: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
