"""Scale-out of the ingest flow's tasks on Dask, through Prefect's Dask task runner.

Work is handed out in tasks of whole batches; on Dask each task runs on one worker
process, so a run must have at least as many tasks as workers to use them all: the
ingest flow, told how many workers there are, shrinks its batches to fit
(``batch_for_workers``). Dask's own INFO lines (a dozen per worker) stay off the
console unless ``-v`` (see ``flows.runtime.QUIET_CONSOLE_ENV``).
"""

from __future__ import annotations

import logging
from math import ceil
from typing import Any

#: Batches per worker, at least: two, so a worker that finishes early takes another.
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
            # a worker's heartbeat may race the scheduler's shutdown at the end of every
            # run and log it as an ERROR; a worker that really fails fails its task, which
            # the run report names
            "silence_logs": logging.CRITICAL,
        }
    )


def batch_for_workers(total: int, batch_size: int, workers: int) -> int:
    """The batch size that gives ``workers`` at least ``TASKS_PER_WORKER`` batches each
    of ``total`` pages, when there are enough pages (never more than ``batch_size``).
    20 pages, batches of 25, 2 workers: batches of 5, four of them."""
    if total <= 0 or workers <= 1:
        return batch_size
    return max(1, min(batch_size, ceil(total / (workers * TASKS_PER_WORKER))))


def tasks_wanted(workers: int, at_least: int) -> int:
    """How many tasks to split a run into: ``at_least``, more when the workers need it."""
    return max(at_least, workers * TASKS_PER_WORKER)
