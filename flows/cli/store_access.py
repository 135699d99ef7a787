"""Opening the store from a command: reading commands never create one.

A mistyped ``--db sqlite:///no/such/dir/x.db`` given to ``compare`` is an error
naming the file, not a new empty store in new folders; a store written by an older
aiclaims is an error too (``aiclaims db upgrade`` migrates it). Commands that write
(``ingest``, ``run``) create and migrate the store as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from flows.cli.errors import SetupError

if TYPE_CHECKING:
    from corpus.store import ClaimStore


def store_url(url: str | None) -> str:
    """The URL the store is at: ``--db``, else ``$AICLAIMS_DB``, else the default."""
    from corpus.settings import default_db_url, normalise_db_url

    return normalise_db_url(url) if url else default_db_url()


def display_url(url: str | None) -> str:
    """The store URL to show: its password hidden."""
    from sqlalchemy.engine import make_url

    return make_url(store_url(url)).render_as_string(hide_password=True)


def sqlite_file(url: str) -> Path | None:
    """The database file of a SQLite URL (None: another backend, or in memory)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if not database or database == ":memory:":
        return None
    if database.startswith("file:"):  # a URI filename: file:/path?mode=ro
        database = database[len("file:") :]
    return Path(database).expanduser()


def open_existing_store(url: str | None) -> ClaimStore:
    """The store at ``url`` for reading; SetupError when it does not exist or is not
    at this aiclaims' schema (nothing is created or migrated)."""
    from corpus.store import ClaimStore, SchemaOutOfDateError, SchemaTooNewError

    resolved = store_url(url)
    path = sqlite_file(resolved)
    if path is not None and not path.is_file():
        raise SetupError(
            f"no store at {path}",
            "check --db (or AICLAIMS_DB), or create the store with `aiclaims ingest` "
            "or `aiclaims run`",
        )
    try:
        return ClaimStore(resolved, create=False)
    except SchemaTooNewError as err:
        raise SetupError(str(err).split(":")[0], "use the newer aiclaims that wrote it") from err
    except SchemaOutOfDateError as err:
        raise SetupError(str(err).split(":")[0], "run `aiclaims db upgrade`") from err
