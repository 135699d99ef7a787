"""The re-extract flow: re-derive stored articles' claims with the current extractor."""

from __future__ import annotations

from collections import deque

from prefect import flow, get_run_logger
from prefect.futures import PrefectFuture

from corpus.documents import SkippedInput
from corpus.runs import RunReport
from extractors import DEFAULT_BACKEND
from extractors.models import Extraction
from flows.ingest import DEFAULT_BATCH, batched, check_options, in_flight_tasks
from flows.pages import DEFAULT_PAGE_BUDGET, unexpected
from flows.tasks import reextract_batch

Results = list[tuple[int, Extraction | SkippedInput]]


@flow(name="reextract", log_prints=False)
def reextract(
    db_url: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    backend: str = DEFAULT_BACKEND,
    page_budget: float = DEFAULT_PAGE_BUDGET,
) -> RunReport:
    """Re-extract every stored article from its stored raw input; nothing is fetched.

    Claims of earlier extractor versions are kept as history; running it twice
    with the same extractor adds nothing. Tasks extract (each page within the time
    budget); the flow is the run's one writer.
    """
    from corpus.store import ClaimStore

    check_options(batch_size, None, page_budget)
    report = RunReport(kind="reextract")
    with ClaimStore(db_url) as store:
        ids = store.article_ids()
        run_id = store.start_run("reextract", {"articles": len(ids)})
        try:
            pending: deque[PrefectFuture[Results]] = deque()
            in_flight = in_flight_tasks()
            for batch in batched(ids, batch_size):
                pending.append(reextract_batch.submit(store.url, batch, backend, page_budget))
                while len(pending) >= in_flight:
                    _store(store, pending.popleft().result(), report)
            while pending:
                _store(store, pending.popleft().result(), report)
        except BaseException as error:
            reason = f"run stopped: {type(error).__name__}: {error}".splitlines()[0]
            report.failed.append(SkippedInput(location="reextract", reason=reason, scope="source"))
            store.finish_run(run_id, report)
            raise
        store.finish_run(run_id, report)
    get_run_logger().info(
        "reextract: %d articles changed, %d unchanged, %d claims added",
        report.updated,
        report.unchanged,
        report.claims_added,
    )
    return report


def _store(store: object, results: Results, report: RunReport) -> None:
    """Save each article's new reading (its own transaction); a failure is its skip."""
    for article_id, extraction in results:
        if isinstance(extraction, SkippedInput):
            report.failed.append(extraction)
            continue
        try:
            added = store.save_reextraction(article_id, extraction)  # type: ignore[attr-defined]
        except Exception as error:
            report.failed.append(unexpected(f"article {article_id}", "store", error))
            continue
        if added:
            report.updated += 1
            report.claims_added += added
        else:
            report.unchanged += 1
