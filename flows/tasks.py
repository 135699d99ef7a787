"""Prefect tasks of aiclaims: thin wrappers that call corpus/ and extractors/.

Tasks take and return plain data (paths, URLs, JSON strings, pydantic models)
and open their own store from a URL, so they run the same in threads or on
Dask workers. Work is batched: Prefect costs milliseconds per task run. Tasks
that carry pages have no cache policy: Prefect would otherwise hash every input
(whole pages and extractions) to compute a cache key it never uses here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from prefect import task
from prefect.cache_policies import NO_CACHE
from pydantic import BaseModel

from corpus.documents import SkippedInput, SourceDocument, SourceItem
from corpus.runs import RunReport
from extractors.models import Extraction
from extractors.pipeline import ArticleTooLong

if TYPE_CHECKING:
    from corpus.fetch import Fetcher
    from extractors.pipeline import Extractor


class Extracted(BaseModel):
    """A page and what the extractor made of it (None: its content is already stored)."""

    doc: SourceDocument
    extraction: Extraction | None = None


class Unchanged(BaseModel):
    """A page with nothing to do: a URL answering 304 Not Modified, or content already
    stored under the same location."""

    location: str


Outcome = Extracted | SkippedInput | Unchanged
Read = SourceDocument | SkippedInput | Unchanged


@lru_cache(maxsize=4)
def extractor_for(backend: str) -> Extractor:
    """One extractor per process and backend: building it loads the dictionaries."""
    from extractors.pipeline import Extractor

    return Extractor(backend=backend)


@lru_cache(maxsize=8)
def fetcher_for(settings_json: str | None) -> Fetcher:
    """One HTTP client per process and sources-file settings (per-host limits hold)."""
    from corpus.sources import Settings, make_fetcher, shared_fetcher

    if settings_json is None:
        return shared_fetcher()
    return make_fetcher(Settings.model_validate_json(settings_json))


def _transient(task, task_run, state) -> bool:
    """Retry only when the failure may pass (5xx, time-outs, connection errors)."""
    from corpus.sources import TransientFetchError

    try:
        state.result()
    except TransientFetchError:
        return True
    except Exception:
        return False
    return False


@task(name="discover", retries=2, retry_delay_seconds=[1, 5], retry_condition_fn=_transient)
def discover_items(
    spec_json: str, db_url: str | None, settings_json: str | None, max_bytes: int
) -> tuple[list[SourceItem], list[SkippedInput]]:
    """List what a source holds; feed items already stored are dropped without download."""
    from corpus.sources import SourceSpec, discover
    from corpus.store import ClaimStore

    spec = SourceSpec.model_validate_json(spec_json)
    with ClaimStore(db_url) as store:
        found = discover(
            spec,
            known_urls=store.known_urls,
            fetcher=fetcher_for(settings_json),
            max_bytes=max_bytes,
        )
    return found.items, found.skipped


def mark_known(db_url: str | None, docs: Sequence[Read]) -> list[Outcome | SourceDocument]:
    """Docs whose content is already stored need no extraction.

    Content stored under the same location becomes ``Unchanged`` (nothing to write);
    content stored elsewhere becomes ``Extracted(doc)`` without extraction (the store
    records the new location). A page with validators (ETag, Last-Modified) goes the
    second way so that they are remembered once stored.
    """
    from corpus.store import ClaimStore

    fresh = [d for d in docs if isinstance(d, SourceDocument)]
    if not fresh:
        return list(docs)
    with ClaimStore(db_url) as store:
        known = store.known_contents([d.content_hash for d in fresh])
        same = store.stored_as((d.content_hash, d.url or d.location) for d in fresh)
    return [_known_outcome(d, known, same) for d in docs]


def _known_outcome(
    doc: Read, known: set[str], same: set[tuple[str, str]]
) -> Outcome | SourceDocument:
    if not isinstance(doc, SourceDocument) or doc.content_hash not in known:
        return doc
    if (doc.content_hash, doc.url or doc.location) in same and not (doc.etag or doc.last_modified):
        return Unchanged(location=doc.location)
    return Extracted(doc=doc)


def read_files(
    items: Sequence[SourceItem], max_bytes: int, db_url: str | None
) -> list[Outcome | SourceDocument]:
    """Read and decode a batch of local files; a bad file becomes a skip, not a failure."""
    from corpus.sources import SkipError, read_item

    docs: list[Read] = []
    for item in items:
        try:
            docs.append(read_item(item, max_bytes=max_bytes))
        except SkipError as err:
            docs.append(err.skipped)
    return mark_known(db_url, docs)


@task(
    name="fetch-url",
    retries=3,
    retry_delay_seconds=[0.5, 2, 5],
    retry_condition_fn=_transient,
)
def fetch_url(item: SourceItem, max_bytes: int, settings_json: str | None) -> Read:
    """Download one URL; 5xx and time-outs are retried by Prefect, the rest skipped."""
    from corpus.sources import NotModified, SkipError, read_item

    try:
        return read_item(item, fetcher=fetcher_for(settings_json), max_bytes=max_bytes)
    except SkipError as err:
        return err.skipped
    except NotModified:
        return Unchanged(location=item.location)


@task(name="mark-known", cache_policy=NO_CACHE)
def mark_known_task(db_url: str | None, docs: Sequence[Read]) -> list[Outcome | SourceDocument]:
    """Mark fetched pages whose content is already stored (no extraction needed)."""
    return mark_known(db_url, docs)


def extract_one(
    extractor: Extractor, raw: str, location: str, site: str | None
) -> Extraction | SkippedInput:
    """Extract one page; a configured site name wins over the page's own. A failure on
    one page becomes its skip, so it never sinks the batch."""
    try:
        extraction = extractor.extract(raw, source_name=location)
    except ArticleTooLong as err:
        return SkippedInput(location=location, reason=str(err), stage="extract")
    except Exception as err:
        return SkippedInput(location=location, reason=f"extractor error: {err!r}", stage="extract")
    if site:
        extraction.article.site = site
    return extraction


def extract_documents(docs: Sequence[Outcome | SourceDocument], backend: str) -> list[Outcome]:
    """Run the extractor over new pages; everything else passes through."""
    extractor = extractor_for(backend)
    out: list[Outcome] = []
    for doc in docs:
        if not isinstance(doc, SourceDocument):
            out.append(doc)
            continue
        extraction = extract_one(extractor, doc.raw, doc.location, doc.site)
        if isinstance(extraction, SkippedInput):
            out.append(extraction)
            continue
        if not extraction.article.text.strip():
            reason = "no article text found"
            out.append(SkippedInput(location=doc.location, reason=reason, stage="extract"))
            continue
        out.append(Extracted(doc=doc, extraction=extraction))
    return out


@task(name="read-extract", cache_policy=NO_CACHE)
def read_extract_files(
    items: Sequence[SourceItem], max_bytes: int, db_url: str | None, backend: str
) -> list[Outcome]:
    """Read a batch of local files and extract the pages not stored yet (one task: the
    pages stay where they are read, and a re-run of known files costs one task less)."""
    return extract_documents(read_files(items, max_bytes, db_url), backend)


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch(docs: Sequence[Outcome | SourceDocument], backend: str) -> list[Outcome]:
    """Clean and extract claims from a batch of pages (CPU only; safe on Dask workers)."""
    return extract_documents(docs, backend)


def store_outcomes(
    db_url: str | None, outcomes: Sequence[Outcome], settings_json: str | None = None
) -> RunReport:
    """Store each extracted article with its claims, one transaction per article.

    (One transaction per batch, with a savepoint per article, measured no faster on
    SQLite in WAL mode: the cost is the rows, not the commits.)
    """
    from corpus.store import ClaimStore

    report = RunReport()
    pages = [o for o in outcomes if isinstance(o, Extracted)]
    for outcome in outcomes:
        if isinstance(outcome, SkippedInput):
            report.failed.append(outcome)
        elif isinstance(outcome, Unchanged):
            report.unchanged += 1
    if not pages:  # a re-run of known pages opens no store
        return report
    with ClaimStore(db_url) as store:
        for page in pages:
            _store_one(store, page, report, settings_json)
    return report


def _store_one(store, outcome: Extracted, report: RunReport, settings_json: str | None) -> None:
    doc = outcome.doc
    if outcome.extraction is None:
        saved = store.save_known(doc)
        if saved is None:  # the stored copy went away since the batch was read
            reason = "content vanished from the store during the run; run again"
            report.failed.append(SkippedInput(location=doc.location, reason=reason, stage="store"))
            return
    else:
        saved = store.save(doc, outcome.extraction)
    status: Literal["new", "unchanged", "updated", "duplicate"] = saved.status
    setattr(report, status, getattr(report, status) + 1)
    report.claims_added += saved.claims_added
    if doc.etag or doc.last_modified:  # only now that it is stored may a 304 skip it
        fetcher_for(settings_json).remember(doc.url or doc.location, doc.etag, doc.last_modified)


@task(name="store-batch", cache_policy=NO_CACHE)
def store_batch(
    db_url: str | None, outcomes: Sequence[Outcome], settings_json: str | None = None
) -> RunReport:
    """Store a batch of extracted articles; returns the batch's part of the run report."""
    return store_outcomes(db_url, outcomes, settings_json)


@task(name="reextract-batch", cache_policy=NO_CACHE)
def reextract_batch(db_url: str | None, article_ids: Sequence[int], backend: str) -> RunReport:
    """Re-derive the claims of stored articles from their stored raw input."""
    from corpus.store import ClaimStore

    report = RunReport(kind="reextract")
    extractor = extractor_for(backend)
    with ClaimStore(db_url) as store:
        for article in store.load_articles(article_ids):
            extraction = extract_one(extractor, article.raw, article.location, article.site)
            if isinstance(extraction, SkippedInput):
                report.failed.append(extraction)
                continue
            added = store.save_reextraction(article.id, extraction)
            if added:
                report.updated += 1
                report.claims_added += added
            else:
                report.unchanged += 1
    return report


@task(name="write-changes")
def write_changes(db_url: str | None, since_iso: str, path: str) -> str:
    """Write what changed in the store since a time as JSON; returns a one-line summary."""
    import json
    from datetime import datetime

    from corpus.compare import changes
    from corpus.export import write_atomic
    from corpus.store import ClaimStore

    with ClaimStore(db_url) as store:
        report = changes(store, datetime.fromisoformat(since_iso))
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2)
    write_atomic(target, [text, "\n"])
    return (
        f"{len(report.new_claims)} new claims, {len(report.new_keys)} new keys, "
        f"{len(report.moved)} consensus moves, {len(report.new_conflicts)} new conflicts"
    )


@task(name="write-report")
def write_html_report(db_url: str | None, path: str) -> int:
    """Write the HTML report of the store (after a run, when configured)."""
    from corpus.report import write_report
    from corpus.store import ClaimStore

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with ClaimStore(db_url) as store:
        return write_report(store, target)
