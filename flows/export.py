"""The export flow: write stored claims (or their comparison) as JSON or JSON Lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from prefect import flow, get_run_logger, task


@task(name="export-file")
def export_file(
    db_url: str | None,
    fmt: Literal["json", "jsonl"],
    out: str | None,
    filters: dict[str, Any],
    compare: bool,
) -> int:
    """Write the export atomically; returns the number of records written."""
    from corpus.export import export_claims, export_comparison
    from corpus.store import ClaimFilter, ClaimStore

    store = ClaimStore(db_url)
    try:
        flt = ClaimFilter(**filters)
        target = Path(out) if out else None
        if compare:
            return export_comparison(store, flt, fmt, target)
        return export_claims(store, flt, fmt, target)
    finally:
        store.close()


@flow(name="export", log_prints=False)
def export(
    db_url: str | None = None,
    fmt: Literal["json", "jsonl"] = "json",
    out: str | None = None,
    filters: dict[str, Any] | None = None,
    compare: bool = False,
) -> int:
    """Export the store's current claims (filtered) to a file, or stdout when ``out`` is None."""
    written = export_file(db_url, fmt, out, filters or {}, compare)
    get_run_logger().info("export: %d records to %s", written, out or "stdout")
    return written
