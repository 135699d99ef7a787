"""Progress of a flow run, carried on its log records so any front end can show it.

The flow logs ``report_progress(...)`` through Prefect's run logger; the log
record carries the counts under ``PROGRESS_KEY``. The CLI attaches a handler
that turns those records into a rich progress bar; elsewhere they are
ordinary log lines.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

PROGRESS_KEY = "aiclaims_progress"
RUN_LOGGER = "prefect.flow_runs"


def report_progress(logger: Any, done: int, total: int, what: str = "articles") -> None:
    """Log ``done`` of ``total`` with the counts attached for progress displays."""
    logger.info("%s: %d of %d done", what, done, total, extra={PROGRESS_KEY: (done, total, what)})


class _ProgressHandler(logging.Handler):
    def __init__(self, progress: Any) -> None:
        super().__init__(level=logging.DEBUG)
        self.progress = progress
        self.task_id: Any = None

    def emit(self, record: logging.LogRecord) -> None:
        counts = getattr(record, PROGRESS_KEY, None)
        if counts is None:
            return
        done, total, what = counts
        if self.task_id is None:
            self.task_id = self.progress.add_task(what, total=total)
        self.progress.update(self.task_id, completed=done, total=total, description=what)


@contextmanager
def progress_bar(console: Any) -> Iterator[None]:
    """Show the progress records of flow runs in this process as a rich progress bar."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        handler = _ProgressHandler(progress)
        logger = logging.getLogger(RUN_LOGGER)
        level = logger.level
        if logger.getEffectiveLevel() > logging.INFO:  # progress records are INFO
            logger.setLevel(logging.INFO)
        logger.addHandler(handler)
        try:
            yield
        finally:
            logger.removeHandler(handler)
            logger.setLevel(level)
