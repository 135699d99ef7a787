"""Signatures of stored local files, so that a re-run finds unchanged files unread."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, select

from corpus.store.tables import ArticleRow, FileStateRow

ARTICLES = ArticleRow.__table__
FILE_STATES = FileStateRow.__table__
_CHUNK = 500


def chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def record_file_states(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert or replace file signatures (rows of ``file_states``, one per location)."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    statement = upsert(FILE_STATES)
    excluded = statement.excluded
    statement = statement.on_conflict_do_update(
        index_elements=[FILE_STATES.c.location],
        set_={
            "signature": excluded.signature,
            "content_hash": excluded.content_hash,
            "seen_at": excluded.seen_at,
        },
    )
    conn.execute(statement, list(rows))


def unchanged_files(conn: Connection, signatures: Iterable[tuple[str, str]]) -> set[str]:
    """Locations whose file signature is the one recorded when its content was stored
    (and that content is still stored)."""
    wanted = dict(signatures)
    found: set[str] = set()
    query = select(FILE_STATES.c.location, FILE_STATES.c.signature).join(
        ARTICLES, ARTICLES.c.content_hash == FILE_STATES.c.content_hash
    )
    for chunk in chunks(list(wanted)):
        for location, signature in conn.execute(query.where(FILE_STATES.c.location.in_(chunk))):
            if wanted[location] == signature:
                found.add(location)
    return found
