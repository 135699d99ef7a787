"""Run warnings: pages stored with a warning (no article body found: kept whole).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("ingest_runs", sa.Column("warnings", sa.JSON))


def downgrade() -> None:
    op.drop_column("ingest_runs", "warnings")
