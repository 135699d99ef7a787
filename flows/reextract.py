"""The re-extract flow: re-derive stored articles' claims with the current extractor."""

from __future__ import annotations

from prefect import flow, get_run_logger

from corpus.runs import RunReport
from extractors import DEFAULT_BACKEND
from flows.ingest import DEFAULT_BATCH, batched
from flows.tasks import reextract_batch


@flow(name="reextract", log_prints=False)
def reextract(
    db_url: str | None = None, batch_size: int = DEFAULT_BATCH, backend: str = DEFAULT_BACKEND
) -> RunReport:
    """Re-extract every stored article from its stored raw input; nothing is fetched.

    Claims of earlier extractor versions are kept as history; running it twice
    with the same extractor adds nothing.
    """
    from corpus.store import ClaimStore

    store = ClaimStore(db_url)
    ids = store.article_ids()
    run_id = store.start_run("reextract", {"articles": len(ids)})
    store.close()
    report = RunReport(kind="reextract")
    futures = [reextract_batch.submit(db_url, batch, backend) for batch in batched(ids, batch_size)]
    for future in futures:
        report.merge(future.result())
    store = ClaimStore(db_url)
    try:
        store.finish_run(run_id, report)
    finally:
        store.close()
    get_run_logger().info(
        "reextract: %d articles changed, %d unchanged, %d claims added",
        report.updated,
        report.unchanged,
        report.claims_added,
    )
    return report
