"""CSV cells, and the Dask split of a run into tasks."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from flows.cli.csv_output import cell
from flows.scaleout import pages_per_task

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
    # total, batch, workers -> (batch, pages per task)
    (20, 25, 2, (5, 5)),  # the case: 4 tasks for 2 workers, not 1
    (20, 25, 1, (25, 25)),
    (1000, 25, 2, (25, 250)),
    (3, 25, 4, (1, 1)),
    (0, 25, 2, (25, 25)),
    (100, 10, 4, (10, 10)),
]


@pytest.mark.parametrize(("total", "batch", "workers", "expected"), SPLITS)
def test_cli_formats_tasks_cover_the_workers(
    total: int, batch: int, workers: int, expected: tuple[int, int]
) -> None:
    size, per_task = pages_per_task(total, batch, workers)
    assert (size, per_task) == expected
    if total >= workers:
        assert -(-total // per_task) >= workers, "fewer tasks than workers"
    assert per_task % size == 0, "tasks hold whole batches"
