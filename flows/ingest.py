"""The ingest flow: sources -> read/fetch -> clean + extract -> store, with a run report."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from math import ceil
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger
from prefect.futures import PrefectFuture

from corpus.documents import SkippedInput, SourceDocument, SourceItem
from corpus.errors import UsageError
from corpus.files import DEFAULT_MAX_BYTES
from corpus.runs import RunReport
from extractors import DEFAULT_BACKEND
from flows.pages import DEFAULT_PAGE_BUDGET, Outcome, Read, store_outcomes, unexpected
from flows.progress import report_progress
from flows.tasks import (
    discover_items,
    extract_fetched,
    extract_files,
    fetch_url,
    fetcher_for,
    write_changes,
    write_html_report,
)

DEFAULT_BATCH = 25
#: Tasks under way at once, each holding at most one task's pages; finished ones are
#: stored by the flow and dropped (with their pages).
IN_FLIGHT = 4
#: Local files are handed out in about this many tasks (Prefect costs ~30 ms a task)...
FILE_TASKS = 16
#: ...of at most this many pages each, whole batches (their outcomes come back to the
#: flow at once, so this bounds the pages held per task).
MAX_TASK_PAGES = 100
#: Batches of URLs being downloaded at once (each URL is a task, retried on its own).
FETCH_WINDOW = 2


class _Progress:
    """Merges each stored batch into the run report and logs the progress."""

    def __init__(self, logger: Any, report: RunReport, total: int) -> None:
        self.logger, self.report, self.total, self.done = logger, report, total, 0

    def add(self, part: RunReport) -> None:
        self.report.merge(part)
        self.done += part.seen
        report_progress(self.logger, min(self.done, self.total), self.total)


def in_flight_tasks(workers: int = 1) -> int:
    """Extraction tasks under way at once: on Dask, where each task has a process of its
    own, ``IN_FLIGHT`` or two per worker if more; two on the default thread pool, where
    pages are extracted in a worker process one at a time (see
    ``flows.pages.BudgetedExtractor``): one task's pages are read or stored while the
    other's are extracted."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ThreadPoolTaskRunner

    context = FlowRunContext.get()
    runner = context.task_runner if context else None
    if isinstance(runner, ThreadPoolTaskRunner):
        return 2
    return max(IN_FLIGHT, 2 * workers)


def batched(items: Sequence[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def task_pages(total: int, batch_size: int, tasks: int = FILE_TASKS) -> int:
    """Files per ingest task: whole batches, about ``tasks`` tasks, at most
    ``MAX_TASK_PAGES`` pages (one batch at least)."""
    batches = ceil(total / batch_size)
    per_task = min(ceil(batches / tasks), MAX_TASK_PAGES // batch_size)
    return batch_size * max(1, per_task)


def check_options(batch_size: int, max_bytes: int | None, page_budget: float | None) -> None:
    """Refuse option values that would make a run do nothing or fail half-way."""
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise UsageError(f"batch size must be a whole number of at least 1 (got {batch_size!r})")
    if max_bytes is not None and max_bytes < 1:
        raise UsageError(f"size cap must be at least 1 byte (got {max_bytes!r})")
    if page_budget is not None and not page_budget > 0:
        raise UsageError(f"page time budget must be more than 0 s (got {page_budget!r})")


def check_setup(
    db_url: str | None = None,
    sources_file: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    max_bytes: int | None = None,
    page_budget: float | None = None,
) -> None:
    """Everything the ingest flow would refuse before it starts (options, the sources
    file, the store), checked without Prefect: a front end calls this first so that a
    usage or set-up error is one line (``UsageError``), not a failed flow run."""
    from corpus.sources import load_sources
    from corpus.store import ClaimStore

    check_options(batch_size, max_bytes, page_budget)
    sources = load_sources(Path(sources_file)) if sources_file else None
    with ClaimStore(db_url or (sources.settings.database if sources else None)):
        pass


class _Writer:
    """The run's one writer: stores each batch's outcomes as they come back from the
    tasks, with a bounded number of tasks under way (their pages are dropped once
    stored, so memory does not grow with the number of pages)."""

    def __init__(self, store: Any, progress: _Progress, in_flight: int) -> None:
        self.store, self.progress, self.in_flight = store, progress, in_flight
        self.pending: deque[tuple[PrefectFuture[Any], Callable[[Any], None]]] = deque()

    def submit(self, future: PrefectFuture[Any], store_result: Callable[[Any], None]) -> None:
        self.pending.append((future, store_result))
        while len(self.pending) >= self.in_flight:
            self.store_next()

    def store_next(self) -> None:
        future, store_result = self.pending.popleft()
        store_result(future.result())

    def drain(self) -> None:
        while self.pending:
            self.store_next()

    def store_batch(self, outcomes: Sequence[Outcome], remember: Any = None) -> None:
        self.progress.add(store_outcomes(self.store, outcomes, remember))


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
    page_budget: float | None = None,
    allow_local: bool = False,
    workers: int = 1,
) -> RunReport:
    """Ingest files, folders, URLs or named sources into the claim store.

    Tasks read (or download) and extract pages; the flow is the run's one writer and
    stores each batch in one transaction as it comes back (a page the store refuses
    costs only itself), with a bounded number of tasks under way so that memory does
    not grow with the corpus. Files unchanged since stored are not even read; pages
    whose content is already stored under the same location are neither extracted
    nor written again. Every per-item failure is a skip in the report; a source of
    which nothing could be listed is a skip of scope "source" (``RunReport.exit_code``
    is then 1); only usage and set-up problems raise (``UsageError``).

    Returns (and stores) the run report. With ``changes_path``, what changed since
    the previous ingest run is logged and written there as JSON; with ``report_path``
    (or the sources file's), the HTML report is written after the run. With
    ``allow_local``, URLs given as inputs may be on this machine or network (their own
    hosts only; see ``corpus.sources.resolve_or_skip``). ``workers``: processes the task
    runner has (Dask), so that batches are sized to give each of them work.
    """
    from corpus.sources import load_sources
    from corpus.store import ClaimStore

    check_options(batch_size, max_bytes, page_budget)
    sources = load_sources(Path(sources_file)) if sources_file else None
    settings = sources.settings if sources else None
    db_url = db_url or (settings.database if settings else None)
    budget = page_budget or (settings.page_budget if settings else DEFAULT_PAGE_BUDGET)

    with ClaimStore(db_url) as store:
        previous = store.last_run("ingest")
        run_id = store.start_run("ingest", {"inputs": list(inputs), "sources_file": sources_file})
        report = RunReport(kind="ingest")
        try:
            _ingest_into(
                store,
                report,
                inputs,
                sources,
                batch_size,
                backend,
                max_bytes,
                budget,
                allow_local,
                workers,
            )
        except BaseException as error:  # a bug or an interrupt: the run is still closed
            reason = f"run stopped: {type(error).__name__}: {error}".splitlines()[0]
            report.failed.append(SkippedInput(location="ingest", reason=reason, scope="source"))
            store.finish_run(run_id, report)
            raise
        store.finish_run(run_id, report)
    _log_summary(report)
    _after_run(db_url, sources, report, previous, changes_path, report_path)
    return report


def _ingest_into(
    store: Any,
    report: RunReport,
    inputs: list[str],
    sources: Any,
    batch_size: int,
    backend: str,
    max_bytes: int | None,
    budget: float,
    allow_local: bool = False,
    workers: int = 1,
) -> None:
    """Discover every input, then extract and store its pages (see ``ingest``)."""
    from corpus.sources import resolve_or_skip
    from flows.scaleout import batch_for_workers, tasks_wanted

    logger = get_run_logger()
    db_url = store.url
    settings_json = sources.settings.model_dump_json() if sources else None
    cap = max_bytes or (sources.settings.max_bytes if sources else DEFAULT_MAX_BYTES)
    specs, unresolved = resolve_or_skip(list(inputs), sources, allow_local=allow_local)
    report.failed.extend(unresolved)

    file_groups: list[tuple[int, list[SourceItem]]] = []  # (size cap, files) per source
    url_items: list[tuple[int, SourceItem]] = []
    for spec in specs:
        spec_cap = max_bytes or (sources.max_bytes_for(spec) if sources else cap)
        try:
            items, skipped, unchanged = discover_items(
                spec.model_dump_json(exclude_defaults=True), db_url, settings_json, spec_cap
            )
        except Exception as error:  # retries used up, or a failure nobody foresaw
            failed = unexpected(
                spec.url or str(spec.path or spec.file or spec.name), "discover", error
            )
            reason = f"source {spec.name}: {getattr(error, 'reason', None) or failed.reason}"
            report.failed.append(failed.model_copy(update={"reason": reason, "scope": "source"}))
            continue
        report.failed.extend(skipped)
        report.unchanged += unchanged
        file_groups.append((spec_cap, [i for i in items if i.kind == "file"]))
        url_items += [(spec_cap, i) for i in items if i.kind != "file"]

    total = sum(len(files) for _cap, files in file_groups) + len(url_items)
    report_progress(logger, 0, total)
    writer = _Writer(store, _Progress(logger, report, total), in_flight_tasks(workers))
    batch_size = batch_for_workers(total, batch_size, workers)
    per_task = task_pages(total, batch_size, tasks_wanted(workers, FILE_TASKS))

    def store_batches(batches: list[list[Outcome]]) -> None:
        for outcomes in batches:
            writer.store_batch(outcomes)

    for group_cap, files in file_groups:
        for chunk in batched(files, per_task):
            future = extract_files.submit(chunk, group_cap, db_url, backend, batch_size, budget)
            writer.submit(future, store_batches)

    def remember(doc: SourceDocument) -> None:
        fetcher_for(settings_json).remember(doc.url or doc.location, doc.etag, doc.last_modified)

    def store_fetched(outcomes: list[Outcome]) -> None:
        writer.store_batch(outcomes, remember)

    downloading: deque[list[tuple[SourceItem, PrefectFuture[Read]]]] = deque()
    for batch in batched(url_items, batch_size):
        futures = [
            (item, fetch_url.submit(item, item_cap, settings_json)) for item_cap, item in batch
        ]
        downloading.append(futures)
        if len(downloading) >= FETCH_WINDOW:
            docs = _downloaded(downloading.popleft())
            writer.submit(extract_fetched.submit(docs, db_url, backend, budget), store_fetched)
    while downloading:
        docs = _downloaded(downloading.popleft())
        writer.submit(extract_fetched.submit(docs, db_url, backend, budget), store_fetched)
    writer.drain()


def _downloaded(batch: list[tuple[SourceItem, PrefectFuture[Read]]]) -> list[Read]:
    """The pages of a batch of fetch tasks; a fetch whose retries are used up is a skip."""
    docs: list[Read] = []
    for item, future in batch:
        try:
            docs.append(future.result())
        except Exception as error:
            reason = (
                getattr(error, "reason", None) or unexpected(item.location, "fetch", error).reason
            )
            docs.append(SkippedInput(location=item.location, reason=reason, stage="fetch"))
    return docs


def _log_summary(report: RunReport) -> None:
    logger = get_run_logger()
    for skip in report.failed:
        logger.warning(skip.message())
    logger.info(
        "ingest: %d new, %d unchanged, %d updated, %d duplicate, %d failed, %d claims added",
        report.new,
        report.unchanged,
        report.updated,
        report.duplicate,
        len(report.failed),
        report.claims_added,
    )


def _after_run(
    db_url: str | None,
    sources: Any,
    report: RunReport,
    previous: Any,
    changes_path: str | None,
    report_path: str | None,
) -> None:
    """The changes file and the HTML report, when configured."""
    logger = get_run_logger()
    changes_path = changes_path or (sources.settings.changes_path if sources else None)
    if changes_path:
        since = (previous.finished_at or previous.started_at) if previous else report.started_at
        summary = write_changes(db_url, since.isoformat(), str(changes_path))
        logger.info("changes since %s: %s (written to %s)", since, summary, changes_path)
    report_path = report_path or (sources.settings.report_path if sources else None)
    if report_path:
        shown = write_html_report(db_url, str(report_path))
        logger.info("report of %d claims written to %s", shown, report_path)
