"""Progress of an ingest reaches a rich progress bar through the run's log records."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


def test_progress_bar_follows_ingest_batches(prefect_harness: None, db_url: str) -> None:
    from flows.ingest import ingest
    from flows.progress import progress_bar

    pages = sorted(SAMPLES.iterdir())[:4]
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with progress_bar(console):
        report = ingest([str(p) for p in pages], db_url=db_url, batch_size=2)
    assert report.new == 4
    assert "4/4" in out.getvalue()


def test_progress_state_off_when_quiet_or_not_a_terminal() -> None:
    from flows.cli.state import CliState

    assert not CliState(quiet=True).show_progress
    assert not CliState(quiet=False).show_progress  # pytest's stderr is not a terminal
