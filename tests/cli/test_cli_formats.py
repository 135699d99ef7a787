"""CSV cells, and the split of a run into tasks for the workers (Dask)."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from flows.cli.csv_output import cell
from flows.scaleout import batch_for_workers
from tests.cli.conftest import SAMPLES

CELLS = [
    (None, ""),
    (3009999999999.9995, "3010000000000"),
    (0.05, "0.05"),
    (5576000.0, "5576000"),
    (7, "7"),
    (True, "True"),
    ('英伟达, "NVIDIA"', '英伟达, "NVIDIA"'),
    (datetime(2025, 1, 2, 3, 4, tzinfo=UTC), "2025-01-02T03:04:00+00:00"),
    (date(2025, 1, 2), "2025-01-02"),
    (["a", "网易"], '["a", "网易"]'),
    ({"k": 1}, '{"k": 1}'),
]


@pytest.mark.parametrize(("value", "text"), CELLS, ids=[repr(v) for v, _ in CELLS])
def test_cli_formats_csv_cell(value: object, text: str) -> None:
    assert cell(value) == text


SPLITS = [
    # total pages, batch size, workers -> batch size
    (20, 25, 2, 5),  # the case: four batches for 2 workers, not one
    (20, 25, 1, 25),
    (1000, 25, 2, 25),
    (3, 25, 4, 1),
    (0, 25, 2, 25),
    (100, 10, 4, 10),
]


@pytest.mark.parametrize(("total", "batch", "workers", "expected"), SPLITS)
def test_cli_formats_batches_cover_the_workers(
    total: int, batch: int, workers: int, expected: int
) -> None:
    size = batch_for_workers(total, batch, workers)
    assert size == expected
    if total >= workers > 1:
        assert -(-total // size) >= workers, "fewer batches than workers"


def _extract_tasks(flow_run_id: object, expected: int) -> int:
    """The flow run's extract tasks as the Prefect server records them. Task runs reach the
    server as events, a moment after the flow returns: the count is read again until it
    reaches ``expected`` or stops changing for a while (then a short count fails)."""
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    runs = FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
    count = 0
    with get_client(sync_client=True) as client:
        for _ in range(_TASK_READS):
            tasks = client.read_task_runs(flow_run_filter=runs)
            count = sum(task.name.startswith("extract-files") for task in tasks)
            if count >= expected:
                break
            time.sleep(_TASK_READ_PAUSE)
    return count


_TASK_READS = 30
_TASK_READ_PAUSE = 0.5  # seconds


def test_cli_formats_ingest_splits_a_small_run_for_its_workers(
    prefect_harness: None, tmp_path: Path
) -> None:
    """13 pages: one task for one worker (default batches of 25), four for two workers
    (batches of 4), and the same claims stored either way."""
    from corpus.store import ClaimStore
    from flows.ingest import ingest

    pages = len(list(SAMPLES.iterdir()))
    claims = []
    for workers, tasks in ((1, 1), (2, 4)):
        db_url = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        state = ingest([str(SAMPLES)], db_url=db_url, workers=workers, return_state=True)
        assert state.result().new == pages
        assert _extract_tasks(state.state_details.flow_run_id, tasks) == tasks
        with ClaimStore(db_url) as store:
            claims.append(sorted((c.location, c.start, c.metric) for c in store.claims()))
    assert claims[0] == claims[1] != []
