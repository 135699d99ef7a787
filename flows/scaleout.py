"""Scale-out of the ingest flow's tasks on Dask, through Prefect's Dask task runner.

Work is handed out in tasks of whole batches; on Dask each task runs on one worker
process, so a run must have at least as many tasks as workers to use them all:
``pages_per_task`` sizes them. Dask's own INFO lines (a dozen per worker) stay off
the console unless ``-v`` (see ``flows.runtime.QUIET_CONSOLE_ENV``).
"""

from __future__ import annotations

import logging
from math import ceil
from typing import Any

#: Batch size on Dask when none is given: small enough that a few dozen pages still
#: make a task per worker, large enough that a transaction carries several pages.
DASK_BATCH = 5
#: Tasks per worker: two, so a worker that finishes early takes another.
TASKS_PER_WORKER = 2


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
            "silence_logs": logging.ERROR,
        }
    )


def pages_per_task(total: int, batch_size: int, workers: int) -> tuple[int, int]:
    """(batch size, pages per task) so ``total`` pages make at least ``TASKS_PER_WORKER``
    tasks per worker when there are enough pages: the batch shrinks to fit, a task
    holds whole batches. 20 pages on 2 workers: batches of 5, one per task."""
    if total <= 0 or workers <= 1:
        return batch_size, batch_size
    per_task = max(1, ceil(total / (workers * TASKS_PER_WORKER)))
    batch = min(batch_size, per_task)
    return batch, batch * max(1, per_task // batch)
