"""Prefect tasks of aiclaims: thin wrappers that call corpus/ and extractors/.

Tasks take and return plain data (paths, URLs, JSON strings, pydantic models)
and open their own store from a URL, so they run the same in threads or on
Dask workers. Work is batched: Prefect costs tens of milliseconds per task run,
more when its inputs are large (it walks them looking for futures), so the
ingest tasks take paths or pages and return counts, never extractions. Tasks
that carry pages have no cache policy: Prefect would otherwise hash every input
to compute a cache key it never uses here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from prefect import task
from prefect.cache_policies import NO_CACHE

from corpus.documents import SkippedInput, SourceDocument, SourceItem
from corpus.runs import RunReport
from flows.pages import Read, Unchanged, extract_one, extractor_for, ingest_pages, read_files

if TYPE_CHECKING:
    from corpus.fetch import Fetcher


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
) -> tuple[list[SourceItem], list[SkippedInput], int]:
    """List what a source holds, less what is stored: feed items already stored are
    dropped without download, files unchanged since stored (same signature) unread.
    Returns the items left, the skips, and how many files were unchanged."""
    from corpus.files import file_signature
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
        files = [item for item in found.items if item.kind == "file"]
        signatures = [
            (item.location, file_signature(item.location, item.encoding)) for item in files
        ]
        unchanged = store.unchanged_files((loc, sig) for loc, sig in signatures if sig)
    items = [item for item in found.items if item.location not in unchanged]
    return items, found.skipped, len(found.items) - len(items)


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


@task(name="ingest-files", cache_policy=NO_CACHE)
def ingest_files(
    items: Sequence[SourceItem], max_bytes: int, db_url: str | None, backend: str, batch_size: int
) -> RunReport:
    """Read, extract and store local files ``batch_size`` at a time (one transaction,
    and at most ``batch_size`` pages in memory, each); returns their part of the report.
    """
    from corpus.store import ClaimStore

    report = RunReport()
    with ClaimStore(db_url) as store:
        for start in range(0, len(items), batch_size):
            docs = read_files(items[start : start + batch_size], max_bytes)
            report.merge(ingest_pages(store, docs, backend))
    return report


@task(name="ingest-fetched", cache_policy=NO_CACHE)
def ingest_fetched(
    docs: Sequence[Read], db_url: str | None, backend: str, settings_json: str | None = None
) -> RunReport:
    """Extract and store a batch of downloaded pages (one transaction); their HTTP
    validators are remembered only once the page is stored."""
    from corpus.store import ClaimStore

    def remember(doc: SourceDocument) -> None:
        fetcher_for(settings_json).remember(doc.url or doc.location, doc.etag, doc.last_modified)

    with ClaimStore(db_url) as store:
        return ingest_pages(store, docs, backend, remember)


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
