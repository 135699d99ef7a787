"""Schema revisions: run Alembic from code and refuse databases newer than the code."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

import corpus.migrations
from corpus.errors import UsageError
from corpus.store.engine import WRITE_LOCK

MIGRATIONS_DIR = Path(corpus.migrations.__file__).resolve().parent


class StoreError(UsageError, RuntimeError):
    """The store cannot be used: not a database, damaged, unreachable, read-only..."""


class SchemaError(StoreError):
    """The database schema cannot be used by this code."""


class SchemaTooNewError(SchemaError):
    """The database was migrated by a newer aiclaims than this one."""


class SchemaOutOfDateError(SchemaError):
    """The database needs ``upgrade`` and the store was opened with ``create=False``."""


def alembic_config(url: str | None = None) -> Config:
    """An Alembic config built in code: no alembic.ini needed at run time."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@lru_cache(maxsize=1)
def _scripts() -> ScriptDirectory:
    """The shipped migration scripts, read once per process (reading them costs ~10 ms)."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest revision this code knows."""
    head = _scripts().get_current_head()
    assert head is not None, "no migrations shipped"
    return head


def current_revisions(engine: Engine) -> tuple[str, ...]:
    """The revision(s) the database is stamped with; empty for a fresh database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_heads()


def ensure_known(engine: Engine) -> tuple[str, ...]:
    """The database's revisions; raise SchemaTooNewError if the code does not know one."""
    script = _scripts()
    revisions = current_revisions(engine)
    for revision in revisions:
        try:
            known = script.get_revision(revision)
        except CommandError:
            known = None
        if known is None:
            raise SchemaTooNewError(
                f"database schema revision {revision!r} is unknown to this aiclaims, whose "
                f"newest revision is {head_revision()!r}: the database was written by a newer "
                "version; upgrade aiclaims (or use another database)"
            )
    return revisions


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run ``alembic upgrade`` on ``engine`` in one transaction.

    A database already at the code's head costs one query: opening a store is
    then cheap enough for every task to open its own.
    """
    revisions = ensure_known(engine)
    if revision == "head" and revisions == (head_revision(),):
        return
    config = alembic_config()
    with engine.connect() as conn:
        # SQLite: take the write lock first, so a second process opening the same
        # new file waits and then finds the schema done (PostgreSQL: env.py locks).
        conn.execution_options(**{WRITE_LOCK: True})
        with conn.begin():
            config.attributes["connection"] = conn
            command.upgrade(config, revision)


def stamp(engine: Engine, revision: str) -> None:
    """Record ``revision`` in the database without running anything (tests, repairs)."""
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.stamp(config, revision, purge=True)


def require_head(engine: Engine) -> None:
    """Raise unless the database is at the code's head revision."""
    revisions = ensure_known(engine)
    head = head_revision()
    if revisions != (head,):
        have = ", ".join(revisions) or "none (empty database)"
        raise SchemaOutOfDateError(
            f"database schema revision is {have}, this aiclaims needs {head!r}: "
            "run `aiclaims db upgrade` or open the store with create=True"
        )
