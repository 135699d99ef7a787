"""Prefect tasks of aiclaims: thin wrappers that call corpus/ and extractors/.

Tasks take and return plain data (paths, URLs, pydantic models) and open
their own store from a URL, so they run the same in threads or on Dask
workers. Work is batched: Prefect costs tens of milliseconds per task run.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from prefect import get_run_logger, task
from prefect.exceptions import MissingContextError
from pydantic import BaseModel

from corpus.documents import SkippedInput, SourceDocument, SourceItem
from corpus.runs import RunReport
from extractors.models import Extraction

if TYPE_CHECKING:
    from extractors.pipeline import Extractor


def log_warning(message: str) -> None:
    """Log through the run logger inside a run, else through the module logger."""
    try:
        get_run_logger().warning(message)
    except MissingContextError:
        import logging

        logging.getLogger("aiclaims").warning(message)


@lru_cache(maxsize=4)
def extractor_for(backend: str) -> Extractor:
    """One extractor per process and backend: building it loads the dictionaries."""
    from extractors.pipeline import Extractor

    return Extractor(backend=backend)


def _transient(task, task_run, state) -> bool:
    """Retry a fetch only when it failed for a reason that may pass (5xx, timeout)."""
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
    spec_json: str, db_url: str | None
) -> tuple[list[SourceItem], list[SkippedInput]]:
    """List what a source holds that is not stored yet (feeds: by URL, no download)."""
    from corpus.sources import SourceSpec, discover
    from corpus.store import ClaimStore

    spec = SourceSpec.model_validate_json(spec_json)
    store = ClaimStore(db_url)
    try:
        found = discover(spec, known_urls=store.known_urls)
    finally:
        store.close()
    return found.items, found.skipped


@task(name="read-files")
def read_files(items: Sequence[SourceItem], max_bytes: int) -> list[SourceDocument | SkippedInput]:
    """Read and decode a batch of local files; a bad file becomes a skip, not a failure."""
    from corpus.sources import SkipError, read_item

    out: list[SourceDocument | SkippedInput] = []
    for item in items:
        try:
            out.append(read_item(item, max_bytes=max_bytes))
        except SkipError as err:
            out.append(err.skipped)
    return out


@task(
    name="fetch-url",
    retries=3,
    retry_delay_seconds=[0.5, 2, 5],
    retry_condition_fn=_transient,
)
def fetch_url(item: SourceItem, max_bytes: int) -> SourceDocument | SkippedInput:
    """Download one URL; 5xx and time-outs are retried by Prefect, the rest skipped."""
    from corpus.sources import SkipError, read_item

    try:
        return read_item(item, max_bytes=max_bytes)
    except SkipError as err:
        return err.skipped


class Extracted(BaseModel):
    """A page and what the extractor made of it, on its way to the store."""

    doc: SourceDocument
    extraction: Extraction


Outcome = Extracted | SkippedInput


def extract_documents(docs: Sequence[SourceDocument | SkippedInput], backend: str) -> list[Outcome]:
    """Run the extractor over decoded pages; skips from earlier stages pass through."""
    extractor = extractor_for(backend)
    out: list[Outcome] = []
    for doc in docs:
        if isinstance(doc, SkippedInput):
            out.append(doc)
            continue
        try:
            extraction = extractor.extract(doc.raw, source_name=doc.location)
        except Exception as err:  # a bug on one page must not sink the batch
            out.append(
                SkippedInput(
                    location=doc.location, reason=f"extractor error: {err!r}", stage="extract"
                )
            )
            continue
        if doc.site:
            extraction.article.site = doc.site
        if not extraction.article.text.strip():
            out.append(
                SkippedInput(location=doc.location, reason="no article text found", stage="extract")
            )
            continue
        out.append(Extracted(doc=doc, extraction=extraction))
    return out


@task(name="extract-batch")
def extract_batch(docs: Sequence[SourceDocument | SkippedInput], backend: str) -> list[Outcome]:
    """Clean and extract claims from a batch of pages (CPU only; safe on Dask workers)."""
    return extract_documents(docs, backend)


def store_outcomes(db_url: str | None, outcomes: Sequence[Outcome]) -> RunReport:
    """Store each extracted article with its claims, one transaction per article."""
    from corpus.store import ClaimStore

    report = RunReport()
    store = ClaimStore(db_url)
    try:
        for outcome in outcomes:
            if isinstance(outcome, SkippedInput):
                report.failed.append(outcome)
                continue
            saved = store.save(outcome.doc, outcome.extraction)
            setattr(report, saved.status, getattr(report, saved.status) + 1)
            report.claims_added += saved.claims_added
    finally:
        store.close()
    return report


@task(name="store-batch")
def store_batch(db_url: str | None, outcomes: Sequence[Outcome]) -> RunReport:
    """Store a batch of extracted articles; returns the batch's part of the run report."""
    return store_outcomes(db_url, outcomes)


@task(name="reextract-batch")
def reextract_batch(db_url: str | None, article_ids: Sequence[int], backend: str) -> RunReport:
    """Re-derive the claims of stored articles from their stored raw input."""
    from corpus.store import ClaimStore

    report = RunReport(kind="reextract")
    store = ClaimStore(db_url)
    extractor = extractor_for(backend)
    try:
        for article in store.load_articles(article_ids):
            try:
                extraction = extractor.extract(article.raw, source_name=article.location)
            except Exception as err:
                report.failed.append(
                    SkippedInput(
                        location=article.location,
                        reason=f"extractor error: {err!r}",
                        stage="extract",
                    )
                )
                continue
            if article.site:
                extraction.article.site = article.site
            added = store.save_reextraction(article.id, extraction)
            if added:
                report.updated += 1
                report.claims_added += added
            else:
                report.unchanged += 1
    finally:
        store.close()
    return report


@task(name="write-changes")
def write_changes(db_url: str | None, since_iso: str, path: str) -> str:
    """Write what changed in the store since a time as JSON; returns a one-line summary."""
    from datetime import datetime

    from corpus.compare import changes
    from corpus.export import write_json_atomic

    from corpus.store import ClaimStore

    store = ClaimStore(db_url)
    try:
        report = changes(store, datetime.fromisoformat(since_iso))
    finally:
        store.close()
    write_json_atomic(Path(path), report.model_dump(mode="json"))
    return report.summary()
