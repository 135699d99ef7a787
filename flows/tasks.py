"""Prefect tasks of aiclaims: thin wrappers that call corpus/ and extractors/.

Tasks take and return plain data (paths, URLs, JSON strings, pydantic models)
and open their own store from a URL, so they run the same in threads or on
Dask workers. The ingest and re-extract tasks only *read* the store: they hand
their pages' outcomes back to the flow, the run's one writer (several writers
of one SQLite file wait on each other's locks until they time out). Work is
batched: Prefect costs tens of milliseconds per task run, more when its inputs
are large (it walks them looking for futures). No task has a cache policy:
Prefect would otherwise hash every input, and persist the pages it returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from prefect import task
from prefect.cache_policies import NO_CACHE

from corpus.documents import SkippedInput, SourceItem
from extractors.models import Extraction
from flows.pages import (
    DEFAULT_PAGE_BUDGET,
    Outcome,
    Read,
    Unchanged,
    budgeted_extractor,
    extractor_for,  # noqa: F401  (re-exported: one extractor per process, for callers here)
    fetch_moment,
    prepare_pages,
    read_files,
    unexpected,
)

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


@task(
    name="discover",
    retries=2,
    retry_delay_seconds=[1, 5],
    retry_condition_fn=_transient,
    cache_policy=NO_CACHE,
)
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
    cache_policy=NO_CACHE,
)
def fetch_url(item: SourceItem, max_bytes: int, settings_json: str | None) -> Read:
    """Download one URL; 5xx and time-outs are retried by Prefect, the rest skipped."""
    from corpus.sources import NotModified, SkipError, TransientFetchError, read_item

    try:
        return read_item(item, fetcher=fetcher_for(settings_json), max_bytes=max_bytes)
    except SkipError as err:
        return err.skipped
    except NotModified:
        return Unchanged(location=item.public_location)
    except TransientFetchError:
        raise  # retried; once retries are used up, the flow records the skip
    except Exception as err:
        return unexpected(item.public_location, "fetch", err)


@task(name="extract-files", cache_policy=NO_CACHE)
def extract_files(
    items: Sequence[SourceItem],
    max_bytes: int,
    db_url: str | None,
    backend: str,
    batch_size: int,
    page_budget: float = DEFAULT_PAGE_BUDGET,
) -> list[list[Outcome]]:
    """Read and extract local files, ``batch_size`` at a time; one list of outcomes per
    batch, for the flow to store (pages whose content is stored are not extracted)."""
    from corpus.store import ClaimStore

    extractor = budgeted_extractor(backend, page_budget)
    batches = []
    with ClaimStore(db_url) as store:
        for start in range(0, len(items), batch_size):
            docs = read_files(items[start : start + batch_size], max_bytes)
            batches.append(prepare_pages(store, docs, extractor))
    return batches


@task(name="extract-fetched", cache_policy=NO_CACHE)
def extract_fetched(
    docs: Sequence[Read], db_url: str | None, backend: str, page_budget: float = DEFAULT_PAGE_BUDGET
) -> list[Outcome]:
    """Extract a batch of downloaded pages (pages whose content is stored are not)."""
    from corpus.store import ClaimStore

    with ClaimStore(db_url) as store:
        return prepare_pages(store, docs, budgeted_extractor(backend, page_budget))


@task(name="reextract-batch", cache_policy=NO_CACHE)
def reextract_batch(
    db_url: str | None,
    article_ids: Sequence[int],
    backend: str,
    page_budget: float = DEFAULT_PAGE_BUDGET,
) -> list[tuple[int, Extraction | SkippedInput]]:
    """Re-derive the claims of stored articles from their stored raw input; returns
    (article id, extraction or skip) for the flow to store."""
    from corpus.store import ClaimStore

    extractor = budgeted_extractor(backend, page_budget)
    with ClaimStore(db_url) as store:
        articles = store.load_articles(article_ids)
    return [
        (
            article.id,
            extractor.extract(
                article.raw,
                article.location,
                article.site,
                fetch_moment(article.url, article.fetched_at),
            ),
        )
        for article in articles
    ]


@task(name="write-changes", cache_policy=NO_CACHE)
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


@task(name="write-report", cache_policy=NO_CACHE)
def write_html_report(db_url: str | None, path: str) -> int:
    """Write the HTML report of the store (after a run, when configured)."""
    from corpus.report import write_report
    from corpus.store import ClaimStore

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with ClaimStore(db_url) as store:
        return write_report(store, target)
