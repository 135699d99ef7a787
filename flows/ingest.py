"""The ingest flow: sources -> read/fetch -> clean + extract -> store, with a run report."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from math import ceil
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger
from prefect.futures import PrefectFuture

from corpus.documents import SkippedInput, SourceItem
from corpus.files import DEFAULT_MAX_BYTES
from corpus.runs import RunReport
from extractors import DEFAULT_BACKEND
from flows.pages import Read
from flows.progress import report_progress
from flows.tasks import (
    discover_items,
    fetch_url,
    ingest_fetched,
    ingest_files,
    write_changes,
    write_html_report,
)

DEFAULT_BATCH = 25
#: Tasks under way at once, each holding at most one batch of pages; finished ones
#: are dropped (with their pages).
IN_FLIGHT = 4
#: Local files are handed out in about this many tasks (Prefect costs ~30 ms a task)...
FILE_TASKS = 16
#: ...of at most this many pages each, whole batches (so progress is still reported).
MAX_TASK_PAGES = 500


class _Progress:
    """Merges each finished batch into the run report and logs the progress."""

    def __init__(self, logger: Any, report: RunReport, total: int) -> None:
        self.logger, self.report, self.total, self.done = logger, report, total, 0

    def add(self, part: RunReport) -> None:
        self.report.merge(part)
        self.done += part.seen
        report_progress(self.logger, min(self.done, self.total), self.total)


def _in_flight() -> int:
    """File tasks under way at once: ``IN_FLIGHT`` on Dask, where each task has a process
    of its own, one on the default thread pool, where the extractor's Python holds the
    GIL and a second thread only contends for it (measured: ingest 15-25 % slower with
    four threads than with one)."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ThreadPoolTaskRunner

    context = FlowRunContext.get()
    runner = context.task_runner if context else None
    return 1 if isinstance(runner, ThreadPoolTaskRunner) else IN_FLIGHT


def batched(items: Sequence[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def task_pages(total: int, batch_size: int) -> int:
    """Files per ingest task: whole batches, about ``FILE_TASKS`` tasks, at most
    ``MAX_TASK_PAGES`` pages (one batch at least)."""
    batches = ceil(total / batch_size)
    per_task = min(ceil(batches / FILE_TASKS), MAX_TASK_PAGES // batch_size)
    return batch_size * max(1, per_task)


@flow(name="ingest", log_prints=False)
def ingest(
    inputs: list[str],
    db_url: str | None = None,
    sources_file: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    backend: str = DEFAULT_BACKEND,
    max_bytes: int | None = None,
    changes_path: str | None = None,
    report_path: str | None = None,
) -> RunReport:
    """Ingest files, folders, URLs or named sources into the claim store.

    Local files go to a few tasks (see ``task_pages``) that read, extract and store
    them a batch at a time, with a bounded number of tasks under way (see
    ``_in_flight``; memory does not grow with the corpus). Each batch is stored in one
    transaction (should it fail, its pages are stored one by one), so a failure keeps
    what was already stored. Files unchanged since stored are not even read; pages whose content is
    already stored under the same location are neither extracted nor written again.
    Returns (and stores) the run report. With ``changes_path``,
    what changed since the previous ingest run is logged and written there as JSON;
    with ``report_path`` (or the sources file's), the HTML report is written after the run.
    """
    from corpus.sources import load_sources, resolve_or_skip
    from corpus.store import ClaimStore

    logger = get_run_logger()
    sources = load_sources(Path(sources_file)) if sources_file else None
    settings_json = sources.settings.model_dump_json() if sources else None
    db_url = db_url or (sources.settings.database if sources else None)
    cap = max_bytes or (sources.settings.max_bytes if sources else DEFAULT_MAX_BYTES)

    with ClaimStore(db_url) as store:
        previous = store.last_run("ingest")
        run_id = store.start_run("ingest", {"inputs": list(inputs), "sources_file": sources_file})
    report = RunReport(kind="ingest")
    specs, unresolved = resolve_or_skip(list(inputs), sources)
    report.failed.extend(unresolved)

    file_groups: list[tuple[int, list[SourceItem]]] = []  # (size cap, files) per source
    url_items: list[tuple[int, SourceItem]] = []
    for spec in specs:
        spec_cap = max_bytes or (sources.max_bytes_for(spec) if sources else cap)
        items, skipped, unchanged = discover_items(
            spec.model_dump_json(exclude_defaults=True), db_url, settings_json, spec_cap
        )
        report.failed.extend(skipped)
        report.unchanged += unchanged
        file_groups.append((spec_cap, [i for i in items if i.kind == "file"]))
        url_items += [(spec_cap, i) for i in items if i.kind != "file"]

    total = sum(len(files) for _cap, files in file_groups) + len(url_items)
    report_progress(logger, 0, total)
    progress = _Progress(logger, report, total)
    stored: deque[PrefectFuture[RunReport]] = deque()
    per_task = task_pages(total, batch_size)
    in_flight = _in_flight()
    file_tasks = (
        (group_cap, chunk) for group_cap, files in file_groups for chunk in batched(files, per_task)
    )
    for group_cap, chunk in file_tasks:
        stored.append(ingest_files.submit(chunk, group_cap, db_url, backend, batch_size))
        while len(stored) >= in_flight:  # bounded: memory stays flat in corpus size
            progress.add(stored.popleft().result())

    fetched = [fetch_url.submit(item, item_cap, settings_json) for item_cap, item in url_items]
    fetched_docs: list[Read] = []
    for (_cap, item), future in zip(url_items, fetched, strict=True):
        try:
            fetched_docs.append(future.result())
        except Exception as err:  # retries used up
            fetched_docs.append(
                SkippedInput(location=item.location, reason=str(err), stage="fetch")
            )
    for batch in batched(fetched_docs, batch_size):
        stored.append(ingest_fetched.submit(batch, db_url, backend, settings_json))

    while stored:
        progress.add(stored.popleft().result())

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
    report_path = report_path or (sources.settings.report_path if sources else None)
    if report_path:
        shown = write_html_report(db_url, str(report_path))
        logger.info("report of %d claims written to %s", shown, report_path)
    return report
