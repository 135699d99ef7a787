"""Scheduled ingestion through a real Prefect server, and scale-out on a local Dask cluster."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"


def _stored_articles(db_url: str) -> int:
    from corpus.store import ClaimStore

    try:
        store = ClaimStore(db_url, create=False)
    except Exception:
        return 0
    try:
        return store.counts().articles
    except Exception:
        return 0
    finally:
        store.close()


@pytest.mark.slow
def test_serve_scheduled_run_stores_claims(tmp_path: Path) -> None:
    """`aiclaims serve --start-server`: a real `prefect server`, an interval schedule, a run."""
    from flows.server import free_port

    folder = tmp_path / "news"
    folder.mkdir()
    for page in sorted(SAMPLES.iterdir())[:2]:
        shutil.copy(page, folder / page.name)
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "local-news"\nkind = "folder"\npath = "{folder}"\nschedule = "10s"\n',
        encoding="utf-8",
    )
    db_url = f"sqlite:///{tmp_path / 'served.db'}"
    changes = tmp_path / "changes.json"
    env = {
        **os.environ,
        "AICLAIMS_DB": db_url,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
    }
    env.pop("PREFECT_API_URL", None)
    cmd = [sys.executable, "-m", "flows.cli", "serve", "--sources", str(sources)]
    cmd += ["--start-server", "--port", str(free_port()), "--changes", str(changes)]
    proc = subprocess.Popen(
        cmd,
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            if _stored_articles(db_url) == 2 and changes.exists():
                break
            time.sleep(2)
        assert proc.poll() is None, proc.stdout.read().decode(errors="replace")[-3000:]
        assert _stored_articles(db_url) == 2, "no scheduled run stored the folder's articles"
        assert changes.exists(), "the scheduled run wrote no changes file"
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    leftover = subprocess.run(
        ["pgrep", "-f", f"prefect-home.*|{tmp_path}"], capture_output=True, text=True
    )
    assert str(tmp_path) not in leftover.stdout


@pytest.mark.slow
def test_serve_dask_runner_stores_same_claims(prefect_harness: None, tmp_path: Path) -> None:
    """Ingest on a local Dask cluster stores exactly what the default runner stores."""
    from corpus.store import ClaimStore
    from flows.ingest import ingest
    from flows.scaleout import dask_task_runner

    def stored(db_url: str) -> list[tuple]:
        store = ClaimStore(db_url)
        try:
            return sorted(
                (c.title or "", c.subject, c.metric, c.value, c.unit, c.start, c.end)
                for c in store.claims()
            )
        finally:
            store.close()

    default_db = f"sqlite:///{tmp_path / 'default.db'}"
    dask_db = f"sqlite:///{tmp_path / 'dask.db'}"
    ingest([str(SAMPLES)], db_url=default_db, batch_size=3)
    on_dask = ingest.with_options(task_runner=dask_task_runner("local", workers=2))
    report = on_dask([str(SAMPLES)], db_url=dask_db, batch_size=3)
    assert report.new == len(list(SAMPLES.iterdir()))
    assert stored(dask_db) == stored(default_db) != []


def test_serve_deployments_follow_the_sources_file(tmp_path: Path) -> None:
    """One deployment per scheduled source, with its interval or cron, changes next to export."""
    from flows.serve import build_deployments

    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[settings]\nexport_dir = "out"\n\n'
        f'[[source]]\nname = "a"\nkind = "folder"\npath = "{SAMPLES}"\nschedule = "30m"\n\n'
        f'[[source]]\nname = "b"\nkind = "folder"\npath = "{SAMPLES}"\nschedule = "0 * * * *"\n\n'
        f'[[source]]\nname = "c"\nkind = "folder"\npath = "{SAMPLES}"\n',
        encoding="utf-8",
    )
    deployments = build_deployments(sources, db_url="sqlite:///x.db")
    assert [d.name for d in deployments] == ["ingest-a", "ingest-b"]
    interval, cron = (d.schedules[0].schedule for d in deployments)
    assert interval.interval.total_seconds() == 1800
    assert cron.cron == "0 * * * *"
    params = deployments[0].parameters
    assert params["inputs"] == ["a"] and params["db_url"] == "sqlite:///x.db"
    assert params["changes_path"] == str((tmp_path / "out" / "changes.json").resolve())
