"""`aiclaims server start|status|stop`: one Prefect server in the background, reused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.cli.conftest import REPO, SAMPLES


def _aiclaims(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=300,
    )  # fmt: skip


@pytest.mark.slow
def test_cli_server_started_once_then_reused_by_ingest(tmp_path: Path, prefect_home: Path) -> None:
    from flows.runtime import TEMPORARY_SERVER_NOTE
    from flows.server import free_port, process_running

    env = {**os.environ, "PREFECT_HOME": str(prefect_home)}
    env.pop("PREFECT_API_URL", None)
    db = f"sqlite:///{tmp_path / 'claims.db'}"
    started = _aiclaims(env, "server", "start", "--port", str(free_port()))
    try:
        assert started.returncode == 0, started.stderr
        state = prefect_home / "aiclaims" / "server.json"
        assert state.exists()
        status = _aiclaims(env, "server", "status")
        assert status.returncode == 0 and "running at http://127.0.0.1:" in status.stderr
        api = status.stderr.split("running at ", 1)[1].split()[0]

        ingest = _aiclaims(env, "--db", db, "ingest", str(sorted(SAMPLES.iterdir())[0]))
        assert ingest.returncode == 0, ingest.stderr[-2000:]
        assert "ingest: 1 new" in ingest.stderr
        assert TEMPORARY_SERVER_NOTE not in ingest.stderr
        runs = httpx.post(f"{api}/flow_runs/filter", json={}, timeout=10).json()
        assert [run["name"] for run in runs], "the ingest's flow run is not on the server"
        assert {run["state_type"] for run in runs} == {"COMPLETED"}
        pid = int(json.loads(state.read_text())["pid"])
    finally:
        stopped = _aiclaims(env, "server", "stop")
    assert stopped.returncode == 0 and "stopped the server" in stopped.stderr
    assert not state.exists()
    assert not process_running(pid), "the server outlived `aiclaims server stop`"
