"""ClaimStore: articles and their claims in SQLite or PostgreSQL, transaction by transaction."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from corpus.documents import PageWarning, SkippedInput, SourceDocument, utc_now
from corpus.runs import RunReport
from corpus.settings import default_db_url, normalise_db_url
from corpus.store import batch, checks, file_states
from corpus.store.engine import WRITE_LOCK, make_engine
from corpus.store.models import (
    ClaimFilter,
    RunRecord,
    SaveFailed,
    SaveResult,
    StoreCounts,
    StoredArticle,
    StoredClaim,
)
from corpus.store.queries import claims_query, to_stored_claim
from corpus.store.schema import StoreError, require_head, upgrade
from corpus.store.tables import (
    ArticleAliasRow,
    ArticleRow,
    ClaimRow,
    ExtractionRow,
    IngestRunRow,
)
from extractors.models import Extraction

#: A write that lost a race on a unique constraint is retried this many times.
WRITE_ATTEMPTS = 3
_chunks = batch.chunks


class ClaimStore:
    """The claim store at ``url`` (default: ``corpus.settings.default_db_url()``).

    With ``create=True`` the schema is migrated to the code's head revision;
    a database migrated by a newer aiclaims raises ``SchemaTooNewError``.
    """

    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        self.url: str = normalise_db_url(url or default_db_url())
        try:
            self._engine = make_engine(self.url)
        except Exception as error:  # a malformed URL, an unknown driver, a folder not made
            raise StoreError(f"cannot use the store {self.url!r}: {_one_line(error)}") from error
        try:
            if create:
                upgrade(self._engine)
            else:
                require_head(self._engine)
        except DBAPIError as error:  # not a database, damaged, unreachable, read-only...
            self._engine.dispose()
            raise StoreError(f"cannot open the store: {_one_line(error.orig)}") from error
        except BaseException:
            self._engine.dispose()
            raise

    @property
    def engine(self) -> Engine:
        return self._engine

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    # -- sessions -------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One write transaction (SQLite: BEGIN IMMEDIATE), committed on success."""
        with self._engine.connect() as conn:
            conn.execution_options(**{WRITE_LOCK: True})
            with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                yield session

    @contextmanager
    def _read(self) -> Iterator[Session]:
        with Session(self._engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def _write_conn(self) -> Iterator[Connection]:
        """One write transaction on a bare connection (Core statements only)."""
        with self._engine.connect() as conn:
            conn.execution_options(**{WRITE_LOCK: True})
            with conn.begin():
                yield conn

    def _retrying(self, work: Any, *, core: bool = False) -> Any:
        """Run ``work(session)`` (``work(connection)`` with ``core``) in a write
        transaction, again if it lost a unique race."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self._write_conn() if core else self._write() as target:
                    return work(target)
            except IntegrityError:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    # -- saving ---------------------------------------------------------------

    def save(self, doc: SourceDocument, extraction: Extraction) -> SaveResult:
        """Store one page and its claims in one transaction: ``save_pages`` with a batch of
        one, except that a failure raises (nothing of the page is written). Idempotent
        (see ``SaveResult``)."""
        results: list[SaveResult | None] = self._retrying(
            lambda conn: batch.save_pages(conn, [(doc, extraction)]), core=True
        )
        assert results[0] is not None  # None only for a page without extraction
        return results[0]

    def save_pages(self, pages: Sequence[batch.Page]) -> list[SaveResult | SaveFailed | None]:
        """Save several pages (document, extraction or None if its content is stored)
        in one transaction; per page, the result ``save`` would give it alone, in order
        (None: no extraction, and the content is not stored; the caller must extract it).

        If the batch fails (not just a lost race), its pages are saved one transaction
        each, so that a bad page costs only itself: what was saved before it stays, and
        the page that fails on its own gets a ``SaveFailed`` with the reason. A stored
        local file's signature is recorded (see ``unchanged_files``).
        """
        if not pages:
            return []
        try:
            results: list[SaveResult | SaveFailed | None] = self._retrying(
                lambda conn: batch.save_pages(conn, pages), core=True
            )
            return results
        except Exception as error:
            if len(pages) == 1:
                return [SaveFailed(reason=_one_line(getattr(error, "orig", None) or error))]
        return [result for page in pages for result in self.save_pages([page])]

    def unchanged_files(self, signatures: Iterable[tuple[str, str]]) -> set[str]:
        """Which (location, signature) files are unchanged since their content was stored."""
        with self._engine.connect() as conn:
            return file_states.unchanged_files(conn, signatures)

    def _add_extraction(self, s: Session, article: ArticleRow, extraction: Extraction) -> int:
        """Record one extractor version's reading of ``article``; returns claims added."""
        now = utc_now()
        text = extraction.article.text
        row = ExtractionRow(
            article_id=article.id,
            extractor_version=extraction.extractor_version,
            text=None if text == article.text else text,
            claim_count=len(extraction.claims),
            created_at=now,
        )
        s.add(row)
        s.flush()
        rows = batch.claim_rows(extraction, article.id, row.id, current=article.current)
        if rows:
            s.execute(insert(ClaimRow), rows)
        return len(rows)

    def save_reextraction(self, article_id: int, extraction: Extraction) -> int:
        """Add a newer extractor's claims for a stored article; older ones stop being current.

        Idempotent: if this extractor version already read the article, nothing
        happens and 0 is returned. History is kept (``current=False`` rows).
        """
        added: int = self._retrying(lambda s: self._reextract(s, article_id, extraction))
        return added

    def _reextract(self, s: Session, article_id: int, extraction: Extraction) -> int:
        article = s.get(ArticleRow, article_id)
        if article is None:
            raise KeyError(f"no stored article with id {article_id}")
        done = s.scalar(
            select(ExtractionRow.id).where(
                ExtractionRow.article_id == article_id,
                ExtractionRow.extractor_version == extraction.extractor_version,
            )
        )
        if done is not None:
            return 0
        s.execute(update(ClaimRow).where(ClaimRow.article_id == article_id).values(current=False))
        meta = extraction.article
        for field in ("title", "author", "published_at"):
            if getattr(meta, field) is not None:
                setattr(article, field, getattr(meta, field))
        return self._add_extraction(s, article, extraction)

    # -- runs -----------------------------------------------------------------

    def start_run(self, kind: str, params: dict[str, Any]) -> int:
        def work(s: Session) -> int:
            run = IngestRunRow(kind=kind, started_at=utc_now(), params=params, counts={}, errors=[])
            s.add(run)
            s.flush()
            return run.id

        run_id: int = self._retrying(work)
        return run_id

    def finish_run(self, run_id: int, report: RunReport) -> None:
        """Store a run's counts and failures (location, reason, stage) as JSON."""
        counts = {
            "new": report.new,
            "unchanged": report.unchanged,
            "updated": report.updated,
            "duplicate": report.duplicate,
            "claims_added": report.claims_added,
            "failed_count": len(report.failed),
            "warning_count": len(report.warnings),
        }
        errors = [f.model_dump() for f in report.failed]
        warnings = [w.model_dump() for w in report.warnings]
        with self._write() as s:
            run = s.get(IngestRunRow, run_id)
            if run is None:
                raise KeyError(f"no run with id {run_id}")
            run.finished_at = report.finished_at or utc_now()
            run.counts = counts
            run.errors = errors
            run.warnings = warnings

    def last_run(self, kind: str = "ingest") -> RunRecord | None:
        with self._read() as s:
            run = s.scalar(
                select(IngestRunRow)
                .where(IngestRunRow.kind == kind)
                .order_by(IngestRunRow.started_at.desc(), IngestRunRow.id.desc())
                .limit(1)
            )
            if run is None:
                return None
            return RunRecord(
                id=run.id,
                kind=run.kind,
                started_at=run.started_at,
                finished_at=run.finished_at,
                params=run.params,
                counts=run.counts,
                failed=[SkippedInput.model_validate(e) for e in run.errors],
                warnings=[PageWarning.model_validate(w) for w in run.warnings or []],
            )

    # -- reading --------------------------------------------------------------

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """Which of ``urls`` are already stored (as URL or location, or as a duplicate's)."""
        wanted = list(dict.fromkeys(urls))
        known: set[str] = set()
        with self._read() as s:
            for chunk in _chunks(wanted):
                for column in (ArticleRow.url, ArticleRow.location):
                    known.update(s.scalars(select(column).where(column.in_(chunk))))
                for column in (ArticleAliasRow.url, ArticleAliasRow.location):
                    known.update(s.scalars(select(column).where(column.in_(chunk))))
        return known & set(wanted)

    def known_contents(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are already stored."""
        wanted = list(dict.fromkeys(hashes))
        known: set[str] = set()
        with self._read() as s:
            for chunk in _chunks(wanted):
                query = select(ArticleRow.content_hash).where(ArticleRow.content_hash.in_(chunk))
                known.update(s.scalars(query))
        return known

    def stored_as(self, pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        """Which (content hash, doc key) pairs are stored: that content under that key.

        The key is the article's own ``doc_key`` or one of its aliases'; such a page
        needs no extraction and no write on a re-run.
        """
        wanted = set(pairs)
        found: set[tuple[str, str]] = set()
        hashes = list(dict.fromkeys(h for h, _ in wanted))
        with self._read() as s:
            for chunk in _chunks(hashes):
                own = select(ArticleRow.content_hash, ArticleRow.doc_key)
                aliased = select(ArticleRow.content_hash, ArticleAliasRow.doc_key).join(
                    ArticleAliasRow, ArticleAliasRow.article_id == ArticleRow.id
                )
                for query in (own, aliased):
                    rows = s.execute(query.where(ArticleRow.content_hash.in_(chunk)))
                    found.update((h, k) for h, k in rows)
        return found & wanted

    def has_content(self, content_hash: str) -> bool:
        with self._read() as s:
            found = s.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == content_hash))
        return found is not None

    def article_ids(self) -> list[int]:
        """Ids of the current article versions, oldest first."""
        with self._read() as s:
            query = select(ArticleRow.id).where(ArticleRow.current.is_(True))
            return list(s.scalars(query.order_by(ArticleRow.id)))

    def load_articles(self, ids: Sequence[int]) -> list[StoredArticle]:
        """The articles with these ids, in the order asked (unknown ids are left out)."""
        found: dict[int, StoredArticle] = {}
        with self._read() as s:
            for chunk in _chunks(list(ids)):
                for row in s.scalars(select(ArticleRow).where(ArticleRow.id.in_(chunk))):
                    found[row.id] = StoredArticle(
                        id=row.id,
                        location=row.location,
                        url=row.url,
                        site=row.site,
                        source_name=row.source_name,
                        raw=row.raw,
                        content_hash=row.content_hash,
                        encoding=row.encoding,
                        fetched_at=row.fetched_at,
                        etag=row.etag,
                        last_modified=row.last_modified,
                        title=row.title,
                        published_at=row.published_at,
                        text=row.text,
                        version=row.version,
                    )
        return [found[i] for i in ids if i in found]

    def claims(
        self, flt: ClaimFilter | None = None, *, current_only: bool = True
    ) -> list[StoredClaim]:
        """Claims matching ``flt``, by publication time; only current readings by default."""
        with self._engine.connect() as conn:
            rows = conn.execute(claims_query(flt, current_only=current_only))
            return [to_stored_claim(row) for row in rows]

    def counts(self) -> StoreCounts:
        with self._read() as s:

            def count(*where: Any, table: Any = ClaimRow) -> int:
                return s.scalar(select(func.count()).select_from(table).where(*where)) or 0

            return StoreCounts(
                articles=count(ArticleRow.current.is_(True), table=ArticleRow),
                article_versions=count(table=ArticleRow),
                claims=count(ClaimRow.current.is_(True)),
                claim_rows=count(),
                runs=count(table=IngestRunRow),
            )

    def check(self) -> list[str]:
        """Problems, one line each; an empty list means the store is whole. On SQLite the
        file's own integrity check runs first (a damaged file is reported, not raised)."""
        with self._read() as s:
            damage = checks.file_integrity(s)
            if damage:
                return damage
            return checks.run_checks(s)


def _one_line(error: object) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
