"""Fixtures of the robustness suite: PostgreSQL from tests/store, helpers to inspect a store."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.store.conftest import pg_admin_url, pg_url  # noqa: F401  (fixtures, re-exported)

REPO = Path(__file__).resolve().parents[2]


def stored_articles(url: str) -> list:
    """Every current article of the store at ``url``."""
    from corpus.store import ClaimStore

    with ClaimStore(url) as store:
        return store.load_articles(store.article_ids())


def cli_env(api_url: str | None = None) -> dict[str, str]:
    """Environment for a CLI subprocess: the session's Prefect API when there is one."""
    env = {k: v for k, v in os.environ.items() if k not in ("AICLAIMS_DB", "PREFECT_API_URL")}
    env["PYTHONPATH"] = str(REPO)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def wait_until(done: Callable[[], bool], what: str, pause: float = 0.02) -> None:
    """Poll ``done()`` until it holds. Not a timing check: a guard against a hang,
    failing (after two minutes: far beyond any loaded machine) with ``what`` waited for."""
    give_up = time.monotonic() + HANG_GUARD_SECONDS
    while not done():
        if time.monotonic() > give_up:
            pytest.fail(f"still waiting for {what} after {HANG_GUARD_SECONDS:.0f} s")
        time.sleep(pause)


HANG_GUARD_SECONDS = 120.0

#: Runs the CLI once a gate file exists, its heavy imports done first: two processes
#: started together then run their flows together instead of one start-up apart.
GATED_CLI = """
import pathlib, sys, time
import corpus.store, extractors.pipeline, flows.cli, flows.ingest
from extractors import DEFAULT_BACKEND
from flows.pages import budgeted_extractor
budgeted_extractor(DEFAULT_BACKEND).warm()  # before the gate: both runs start work at once
gate, name = pathlib.Path(sys.argv[1]), sys.argv[2]


def wait_for(done, what):
    deadline = time.monotonic() + 120
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"gate: timed out waiting for {what}")
        time.sleep(0.01)


start_run = corpus.store.ClaimStore.start_run


def start_run_together(self, kind, params):
    # Both runs record their start, then go on together: they overlap by construction.
    run_id = start_run(self, kind, params)
    pathlib.Path(f"{gate}.started.{name}").touch()
    wait_for(lambda: len(list(gate.parent.glob(gate.name + ".started.*"))) >= 2, "the other run")
    return run_id


corpus.store.ClaimStore.start_run = start_run_together
pathlib.Path(f"{gate}.ready.{name}").touch()
wait_for(gate.exists, "the gate")
sys.argv = ["aiclaims", *sys.argv[3:]]
flows.cli.main()
"""


def start_cli(
    args: list[str], api_url: str | None = None, gate: tuple[Path, str] | None = None
) -> subprocess.Popen[str]:
    """``python -m flows.cli ARGS`` in its own process group (so it can be killed whole).

    With ``gate=(path, name)`` the CLI is imported, touches ``path.ready.name`` and
    waits for ``path`` to exist before it runs; its ingest run, once recorded as
    started, waits for the other gated run to start too.
    """
    command = ["-m", "flows.cli"] if gate is None else ["-c", GATED_CLI, str(gate[0]), gate[1]]
    return subprocess.Popen(
        [sys.executable, *command, *args],
        cwd=REPO,
        env=cli_env(api_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


@pytest.fixture
def api_url(prefect_harness: None) -> str:
    """The URL of the session's temporary Prefect API, for CLI subprocesses to share."""
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    assert url, "the Prefect test harness sets an API URL"
    return str(url)
