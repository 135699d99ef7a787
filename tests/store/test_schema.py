"""The migrations build exactly the schema the ORM tables describe, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from corpus.store import ClaimStore, current_revisions, head_revision
from corpus.store.tables import Base


def test_schema_migrations_match_tables(store: ClaimStore) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_schema_is_at_head_and_reopening_is_harmless(store: ClaimStore) -> None:
    assert current_revisions(store.engine) == (head_revision(),)
    ClaimStore(store.url).close()
    assert current_revisions(store.engine) == (head_revision(),)
