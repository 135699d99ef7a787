"""Initial claim store: sources, articles (+aliases), extractions, claims, ingest runs.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.UniqueConstraint("name", name="uq_sources_name"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("doc_key", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("site", sa.String),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id", name="fk_articles_source")),
        sa.Column("source_name", sa.String),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("published_at", TS),
        sa.Column("fetched_at", TS),
        sa.Column("ingested_at", TS, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("encoding", sa.String),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column(
            "supersedes_id", sa.Integer, sa.ForeignKey("articles.id", name="fk_articles_supersedes")
        ),
        sa.Column("current", sa.Boolean, nullable=False),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
        sa.UniqueConstraint("doc_key", "version", name="uq_articles_doc_key_version"),
    )
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_index("ix_articles_location", "articles", ["location"])
    op.create_index("ix_articles_published_at", "articles", ["published_at"])
    op.create_index("ix_articles_ingested_at", "articles", ["ingested_at"])

    op.create_table(
        "article_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id", name="fk_aliases_article", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("doc_key", sa.Text, nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("source_name", sa.String),
        sa.Column("seen_at", TS, nullable=False),
        sa.UniqueConstraint("article_id", "doc_key", name="uq_article_aliases_article_doc_key"),
    )
    op.create_index("ix_article_aliases_doc_key", "article_aliases", ["doc_key"])
    op.create_index("ix_article_aliases_url", "article_aliases", ["url"])

    op.create_table(
        "extractions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id", name="fk_extractions_article", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("extractor_version", sa.String, nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("claim_count", sa.Integer, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint(
            "article_id", "extractor_version", name="uq_extractions_article_version"
        ),
    )

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id", name="fk_claims_article", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "extraction_id",
            sa.Integer,
            sa.ForeignKey("extractions.id", name="fk_claims_extraction", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("subject_key", sa.Text, nullable=False),
        sa.Column("subject_type", sa.String(20), nullable=False),
        sa.Column("metric", sa.String, nullable=False),
        sa.Column("value", sa.Double, nullable=False),
        sa.Column("value_max", sa.Double),
        sa.Column("unit", sa.String, nullable=False),
        sa.Column("qualifier", sa.String(20), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("char_start", sa.Integer, nullable=False),
        sa.Column("char_end", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("as_of", sa.String),
        sa.Column("attribution", sa.Text),
        sa.Column("object", sa.Text),
        sa.Column("object_key", sa.Text, nullable=False),
        sa.Column("confidence", sa.Double, nullable=False),
        sa.Column("extractor_version", sa.String, nullable=False),
        sa.Column("current", sa.Boolean, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_claims_key", "claims", ["subject_key", "metric", "object_key"])
    op.create_index("ix_claims_metric", "claims", ["metric"])
    op.create_index("ix_claims_article_current", "claims", ["article_id", "current"])

    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS),
        sa.Column("params", sa.JSON, nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.Column("errors", sa.JSON, nullable=False),
    )
    op.create_index("ix_ingest_runs_kind_started", "ingest_runs", ["kind", "started_at"])


def downgrade() -> None:
    op.drop_table("ingest_runs")
    op.drop_table("claims")
    op.drop_table("extractions")
    op.drop_table("article_aliases")
    op.drop_table("articles")
    op.drop_table("sources")
