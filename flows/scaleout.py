"""Scale-out of the ingest flow's tasks on Dask, through Prefect's Dask task runner."""

from __future__ import annotations

from typing import Any


def dask_task_runner(address: str | None = None, workers: int = 2) -> Any:
    """A DaskTaskRunner on an existing cluster (scheduler address) or a local one.

    ``address`` None or "local" starts a local cluster of ``workers`` processes,
    one thread each (the extractor is CPU-bound Python: processes, not threads).
    """
    from prefect_dask import DaskTaskRunner

    if address and address != "local":
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(
        cluster_kwargs={
            "n_workers": workers,
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": None,
        }
    )
