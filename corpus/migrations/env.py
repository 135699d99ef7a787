"""Alembic environment of the claim store.

Run from code (``corpus.store.schema``), which hands over an open connection
in ``config.attributes["connection"]``; SQLite gets batch mode so that later
revisions can alter tables.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from corpus.settings import default_db_url, normalise_db_url
from corpus.store.tables import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # Two processes opening a fresh database must not migrate it twice.
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(74201)")
        context.run_migrations()


def run_migrations_offline() -> None:
    url = normalise_db_url(config.get_main_option("sqlalchemy.url") or default_db_url())
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = normalise_db_url(config.get_main_option("sqlalchemy.url") or default_db_url())
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.begin() as conn:
        _run(conn)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
