"""The ingest flow: sources -> read/fetch -> clean + extract -> store, with a run report."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger

from corpus.documents import SkippedInput, SourceItem
from corpus.runs import RunReport
from extractors import DEFAULT_BACKEND
from flows.progress import report_progress
from flows.tasks import (
    Read,
    discover_items,
    extract_batch,
    fetch_url,
    mark_known_task,
    read_files,
    store_batch,
    write_changes,
)

DEFAULT_BATCH = 25


def batched(items: Sequence[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


@flow(name="ingest", log_prints=False)
def ingest(
    inputs: list[str],
    db_url: str | None = None,
    sources_file: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    backend: str = DEFAULT_BACKEND,
    max_bytes: int | None = None,
    changes_path: str | None = None,
) -> RunReport:
    """Ingest files, folders, URLs or named sources into the claim store.

    Each batch of pages is read, extracted and stored by its own tasks; each
    article is stored in its own transaction, so a failure keeps what was
    already stored. Returns (and stores) the run report. With ``changes_path``,
    what changed since the previous ingest run is logged and written there as JSON.
    """
    from corpus.sources import load_sources, resolve_or_skip
    from corpus.store import ClaimStore

    logger = get_run_logger()
    sources = load_sources(Path(sources_file)) if sources_file else None
    settings_json = sources.settings.model_dump_json() if sources else None
    db_url = db_url or (sources.settings.database if sources else None)
    cap = max_bytes or (sources.settings.max_bytes if sources else 10 * 1024 * 1024)

    with ClaimStore(db_url) as store:
        previous = store.last_run("ingest")
        run_id = store.start_run("ingest", {"inputs": list(inputs), "sources_file": sources_file})
    report = RunReport(kind="ingest")
    specs, unresolved = resolve_or_skip(list(inputs), sources)
    report.failed.extend(unresolved)

    file_items: list[SourceItem] = []
    url_items: list[SourceItem] = []
    for spec in specs:
        spec_cap = sources.max_bytes_for(spec) if sources else cap
        items, skipped = discover_items(
            spec.model_dump_json(exclude_defaults=True), db_url, settings_json, spec_cap
        )
        report.failed.extend(skipped)
        for item in items:
            (file_items if item.kind == "file" else url_items).append(item)

    total = len(file_items) + len(url_items)
    report_progress(logger, 0, total)
    stored = []
    for batch in batched(file_items, batch_size):
        docs = read_files.submit(batch, cap, db_url)
        outcomes = extract_batch.submit(docs, backend)
        stored.append(store_batch.submit(db_url, outcomes, settings_json))

    fetched = [fetch_url.submit(item, cap, settings_json) for item in url_items]
    fetched_docs: list[Read] = []
    for item, future in zip(url_items, fetched, strict=True):
        try:
            fetched_docs.append(future.result())
        except Exception as err:  # retries used up
            fetched_docs.append(
                SkippedInput(location=item.location, reason=str(err), stage="fetch")
            )
    for batch in batched(fetched_docs, batch_size):
        outcomes = extract_batch.submit(mark_known_task.submit(db_url, batch), backend)
        stored.append(store_batch.submit(db_url, outcomes, settings_json))

    done = 0
    for future in stored:
        part = future.result()
        report.merge(part)
        done += part.seen
        report_progress(logger, min(done, total), total)

    for skip in report.failed:
        logger.warning(skip.message())
    with ClaimStore(db_url) as store:
        store.finish_run(run_id, report)
    logger.info(
        "ingest: %d new, %d unchanged, %d updated, %d duplicate, %d failed, %d claims added",
        report.new,
        report.unchanged,
        report.updated,
        report.duplicate,
        len(report.failed),
        report.claims_added,
    )
    changes_path = changes_path or (sources.settings.changes_path if sources else None)
    if changes_path:
        since = (previous.finished_at or previous.started_at) if previous else report.started_at
        summary = write_changes(db_url, since.isoformat(), str(changes_path))
        logger.info("changes since %s: %s (written to %s)", since, summary, changes_path)
    return report
