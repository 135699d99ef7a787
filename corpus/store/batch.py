"""Saving a batch of pages in one transaction, with a few statements per batch, not per page.

This is the store's one way to save pages (``ClaimStore.save`` is a batch of one). The
outcome per page is what saving it alone would give, in order: a page may be the
duplicate or the next version of one earlier in the same batch. Rows go in with
SQLAlchemy Core (no ORM unit of work), each table's rows of the batch in one statement
(new articles and their extractions with RETURNING, in order).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, inspect, select, update

from corpus.documents import SourceDocument, utc_now
from corpus.store.file_states import chunks, record_file_states
from corpus.store.models import SaveResult, SaveStatus
from corpus.store.queries import norm_key
from corpus.store.tables import ArticleAliasRow, ArticleRow, ClaimRow, ExtractionRow, SourceRow
from extractors.models import Extraction

ARTICLES = ArticleRow.__table__
ALIASES = ArticleAliasRow.__table__
EXTRACTIONS = ExtractionRow.__table__
CLAIMS = ClaimRow.__table__
SOURCES = SourceRow.__table__
#: Claim attribute names that differ from their column's (``start`` is ``char_start``).
CLAIM_COLUMNS = {
    attr.key: attr.columns[0].key
    for attr in inspect(ClaimRow).column_attrs
    if attr.key != attr.columns[0].key
}

#: A page to save: its document and the extraction (None: its content is stored already).
Page = tuple[SourceDocument, Extraction | None]


@dataclass
class _NewArticle:
    """An article of this batch not inserted yet; ``id`` is set once it is."""

    row: dict[str, Any]
    extraction: Extraction
    id: int | None = None


ArticleRef = int | _NewArticle


@dataclass
class _Batch:
    """What the store holds of the batch's hashes and keys, kept up to date while saving,
    and the rows waiting to be inserted."""

    by_hash: dict[str, tuple[ArticleRef, str]]  # content hash -> (article, doc key)
    aliases: set[tuple[int, str]]  # (article id, or id() of a new one; doc key)
    latest: dict[str, tuple[ArticleRef, int]]  # doc key -> (newest article, its version)
    sources: dict[str, int]  # source name -> id
    pending: list[_NewArticle] = field(default_factory=list)
    new_aliases: list[tuple[ArticleRef, dict[str, Any]]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    states: dict[str, dict[str, Any]] = field(default_factory=dict)
    unresolved: list[tuple[SaveResult, _NewArticle]] = field(default_factory=list)

    def result(self, status: SaveStatus, article: ArticleRef, claims: int = 0) -> SaveResult:
        """A page's result; its article id is filled in once a new article is inserted."""
        if isinstance(article, int):
            return SaveResult(status=status, article_id=article, claims_added=claims)
        result = SaveResult(status=status, article_id=0, claims_added=claims)
        self.unresolved.append((result, article))
        return result


def save_pages(conn: Connection, pages: Sequence[Page]) -> list[SaveResult | None]:
    """Save ``pages`` on ``conn`` (inside the caller's transaction); None for a page
    without extraction whose content is not stored (the caller must extract it)."""
    keys = [doc.url or doc.location for doc, _ in pages]
    hashes = [doc.content_hash for doc, _ in pages]
    batch = _load(conn, keys, hashes, pages)
    results = [
        _save_one(conn, batch, doc, extraction, key, content_hash)
        for (doc, extraction), key, content_hash in zip(pages, keys, hashes, strict=True)
    ]
    _flush(conn, batch)
    if batch.new_aliases:
        rows = [{**row, "article_id": _id(ref)} for ref, row in batch.new_aliases]
        conn.execute(insert(ALIASES), rows)
    if batch.claims:
        conn.execute(insert(CLAIMS), batch.claims)
    record_file_states(conn, list(batch.states.values()))
    return results


def _load(conn: Connection, keys: list[str], hashes: list[str], pages: Sequence[Page]) -> _Batch:
    by_hash: dict[str, tuple[ArticleRef, str]] = {}
    for chunk in chunks(list(dict.fromkeys(hashes))):
        query = select(ARTICLES.c.content_hash, ARTICLES.c.id, ARTICLES.c.doc_key)
        rows = conn.execute(query.where(ARTICLES.c.content_hash.in_(chunk)))
        by_hash.update((h, (i, k)) for h, i, k in rows)
    aliases: set[tuple[int, str]] = set()
    latest: dict[str, tuple[ArticleRef, int]] = {}
    for chunk in chunks(list(dict.fromkeys(keys))):
        query = select(ALIASES.c.article_id, ALIASES.c.doc_key).where(ALIASES.c.doc_key.in_(chunk))
        aliases.update((i, k) for i, k in conn.execute(query))
        versions = select(ARTICLES.c.doc_key, ARTICLES.c.id, ARTICLES.c.version)
        for key, article_id, version in conn.execute(versions.where(ARTICLES.c.doc_key.in_(chunk))):
            if key not in latest or version > latest[key][1]:
                latest[key] = (article_id, version)
    names = list({doc.source_name for doc, _ in pages if doc.source_name})
    sources: dict[str, int] = {}
    if names:
        query = select(SOURCES.c.name, SOURCES.c.id).where(SOURCES.c.name.in_(names))
        sources.update((n, i) for n, i in conn.execute(query))
    return _Batch(by_hash=by_hash, aliases=aliases, latest=latest, sources=sources)


def _save_one(
    conn: Connection,
    batch: _Batch,
    doc: SourceDocument,
    extraction: Extraction | None,
    key: str,
    content_hash: str,
) -> SaveResult | None:
    same = batch.by_hash.get(content_hash)
    if same is not None:
        result = _known_content(batch, doc, key, same)
    elif extraction is None:
        return None
    else:
        result = _new_article(conn, batch, doc, extraction, key, content_hash)
    if doc.file_signature and doc.url is None:
        batch.states[key] = {
            "location": key,
            "signature": doc.file_signature,
            "content_hash": content_hash,
            "seen_at": utc_now(),
        }
    return result


def _known_content(
    batch: _Batch, doc: SourceDocument, key: str, same: tuple[ArticleRef, str]
) -> SaveResult:
    article, own_key = same
    alias_key = (id(article) if isinstance(article, _NewArticle) else article, key)
    if own_key == key or alias_key in batch.aliases:
        return batch.result("unchanged", article)
    batch.aliases.add(alias_key)
    alias = {
        "doc_key": key,
        "location": doc.location,
        "url": doc.url,
        "source_name": doc.source_name,
        "seen_at": utc_now(),
    }
    batch.new_aliases.append((article, alias))
    return batch.result("duplicate", article)


def _new_article(
    conn: Connection,
    batch: _Batch,
    doc: SourceDocument,
    extraction: Extraction,
    key: str,
    content_hash: str,
) -> SaveResult:
    meta = extraction.article
    previous = batch.latest.get(key)
    previous_id: int | None = None
    if previous is not None:
        if isinstance(previous[0], _NewArticle):  # the previous version is in this batch
            _flush(conn, batch)
        previous_id = _id(previous[0])
        conn.execute(update(ARTICLES).where(ARTICLES.c.id == previous_id).values(current=False))
        stale = update(CLAIMS).where(CLAIMS.c.article_id == previous_id).values(current=False)
        conn.execute(stale)
        for claim in batch.claims:  # not inserted yet if the previous version is in this batch
            if claim["article_id"] == previous_id:
                claim["current"] = False
    version = 1 if previous is None else previous[1] + 1
    row = {
        "content_hash": content_hash,
        "doc_key": key,
        "url": doc.url,
        "location": doc.location,
        "site": doc.site or meta.site,
        "source_id": _source_id(conn, batch, doc),
        "source_name": doc.source_name,
        "title": meta.title,
        "author": meta.author,
        "published_at": meta.published_at,
        "fetched_at": doc.fetched_at,
        "ingested_at": utc_now(),
        "text": meta.text,
        "raw": doc.raw,
        "encoding": doc.encoding,
        "etag": doc.etag,
        "last_modified": doc.last_modified,
        "version": version,
        "supersedes_id": previous_id,
        "current": True,
    }
    article = _NewArticle(row=row, extraction=extraction)
    batch.pending.append(article)
    batch.by_hash[content_hash] = (article, key)
    batch.latest[key] = (article, version)
    return batch.result("new" if previous is None else "updated", article, len(extraction.claims))


def _flush(conn: Connection, batch: _Batch) -> None:
    """Insert the pending articles and their extractions; their claims wait for the end."""
    pending, batch.pending = batch.pending, []
    if not pending:
        return
    ids = _insert_returning_ids(conn, ARTICLES, [article.row for article in pending])
    now = utc_now()
    extraction_rows = []
    for article, article_id in zip(pending, ids, strict=True):
        article.id = article_id
        extraction_rows.append(
            {
                "article_id": article_id,
                "extractor_version": article.extraction.extractor_version,
                "text": None,  # the claims' offsets refer to the article's own text
                "claim_count": len(article.extraction.claims),
                "created_at": now,
            }
        )
    extraction_ids = _insert_returning_ids(conn, EXTRACTIONS, extraction_rows)
    for article, extraction_id in zip(pending, extraction_ids, strict=True):
        assert article.id is not None
        rows = claim_rows(article.extraction, article.id, extraction_id, current=True)
        batch.claims.extend(_column_keys(row) for row in rows)
    for result, ref in batch.unresolved:
        if ref.id is not None:
            result.article_id = ref.id
    batch.unresolved = [(result, ref) for result, ref in batch.unresolved if ref.id is None]


def _insert_returning_ids(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(conn.execute(statement, rows).scalars())


def _id(article: ArticleRef) -> int:
    if isinstance(article, int):
        return article
    assert article.id is not None, "article not inserted yet"
    return article.id


def claim_rows(
    extraction: Extraction, article_id: int, extraction_id: int, *, current: bool
) -> list[dict[str, Any]]:
    """The claims of one extraction as rows keyed by ``ClaimRow`` attribute names."""
    now = utc_now()
    return [
        {
            **claim.model_dump(),
            "article_id": article_id,
            "extraction_id": extraction_id,
            "subject_key": norm_key(claim.subject),
            "object_key": norm_key(claim.object),
            "extractor_version": extraction.extractor_version,
            "current": current,
            "created_at": now,
        }
        for claim in extraction.claims
    ]


def _column_keys(row: dict[str, Any]) -> dict[str, Any]:
    for attribute, column in CLAIM_COLUMNS.items():
        row[column] = row.pop(attribute)
    return row


def _source_id(conn: Connection, batch: _Batch, doc: SourceDocument) -> int | None:
    name = doc.source_name
    if not name:
        return None
    if name not in batch.sources:
        kind = "url" if doc.url else "file"
        inserted = conn.execute(insert(SOURCES), {"name": name, "kind": kind})
        assert inserted.inserted_primary_key is not None
        batch.sources[name] = int(inserted.inserted_primary_key[0])
    return batch.sources[name]
