"""``aiclaims db``: the store's schema (Alembic migrations)."""

from __future__ import annotations

import typer

from flows.cli.errors import EXIT_FAILED, SetupError
from flows.cli.state import note, state

db_app = typer.Typer(help="The store's schema.", no_args_is_help=True)


def _existing_revisions(url: str) -> tuple[str, ...]:
    """The schema revisions of the store at ``url``; SetupError when there is no store."""
    from corpus.store import current_revisions
    from corpus.store.engine import make_engine
    from flows.cli.store_access import sqlite_file

    path = sqlite_file(url)
    if path is not None and not path.is_file():
        raise SetupError(f"no store at {path}", "check --db (or AICLAIMS_DB)")
    engine = make_engine(url)
    try:
        return current_revisions(engine)
    finally:
        engine.dispose()


@db_app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Migrate an existing store to this aiclaims' schema (reading commands refuse an
    older one; `ingest` migrates on its own).

    Example: aiclaims db upgrade --db sqlite:///claims.db
    """
    from corpus.store import ClaimStore, current_revisions
    from flows.cli.store_access import display_url, store_url

    url = store_url(state(ctx).db_url)
    before = _existing_revisions(url)
    with ClaimStore(url, create=True) as store:
        after = current_revisions(store.engine)
    if before == after:
        note(f"{display_url(url)} is already at schema {', '.join(after)}")
    else:
        was = ", ".join(before) or "none"
        note(f"{display_url(url)} upgraded from schema {was} to {', '.join(after)}")


@db_app.command("status")
def status(ctx: typer.Context) -> None:
    """Print the store's schema revision and the one this aiclaims needs (exit status 1
    when they differ).

    Example: aiclaims db status
    """
    from corpus.store import head_revision
    from flows.cli.store_access import display_url, store_url

    url = store_url(state(ctx).db_url)
    have = _existing_revisions(url)
    head = head_revision()
    note(f"{display_url(url)}: schema {', '.join(have) or 'none'}; this aiclaims needs {head}")
    if have != (head,):
        raise typer.Exit(EXIT_FAILED)
