"""Scheduled ingestion through a real Prefect server, and scale-out on a local Dask cluster."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "corpus" / "samples"


def _stored(db_url: str) -> list[tuple]:
    from corpus.store import ClaimStore

    with ClaimStore(db_url) as store:
        return sorted(
            (c.title or "", c.subject, c.metric, c.value, c.unit, c.start, c.end)
            for c in store.claims()
        )


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


def _news(tmp_path: Path, pages: int = 2) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for page in sorted(SAMPLES.iterdir())[:pages]:
        shutil.copy(page, folder / page.name)
    return folder


def _sources(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_serve_deployments_follow_the_sources_file(tmp_path: Path) -> None:
    """One deployment per scheduled source, named and tagged by project, with its
    interval or cron, an absolute store and the changes folder next to the export."""
    from flows.serve import build_deployments, project_name

    sources = _sources(
        tmp_path,
        '[settings]\nexport_dir = "out"\n\n'
        f'[[source]]\nname = "a"\nkind = "folder"\npath = "{SAMPLES}"\nschedule = "30m"\n\n'
        f'[[source]]\nname = "b"\nkind = "folder"\npath = "{SAMPLES}"\nschedule = "0 * * * *"\n\n'
        f'[[source]]\nname = "c"\nkind = "folder"\npath = "{SAMPLES}"\n',
    )
    project = project_name(sources)
    assert project.startswith("sources-") and project == project_name(sources)
    deployments = build_deployments(sources, db_url="sqlite:///x.db")
    assert [d.name for d in deployments] == [f"{project}.a", f"{project}.b"]
    assert all(f"project:{project}" in d.tags for d in deployments)
    interval, cron = (d.schedules[0].schedule for d in deployments)
    assert interval.interval.total_seconds() == 1800
    assert cron.cron == "0 * * * *"
    params = deployments[0].parameters
    assert params["source"] == "a" and params["project"] == project
    assert params["db_url"] == f"sqlite:///{Path('x.db').resolve()}"
    assert params["sources_file"] == str(sources.resolve())
    assert params["changes_dir"] == str((tmp_path / "out" / "changes").resolve())


def test_serve_projects_of_two_folders_never_share_a_name(tmp_path: Path) -> None:
    from flows.serve import project_name

    first, second = tmp_path / "one" / "sources.toml", tmp_path / "two" / "sources.toml"
    assert project_name(first) != project_name(second)
    assert project_name(first, "My news!") == "My-news"


def test_serve_run_of_another_project_or_store_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.serve import SERVE_ENV, foreign_run, guard_value

    own = ("news-1234", "/srv/sources.toml", "sqlite:////srv/claims.db")
    monkeypatch.delenv(SERVE_ENV, raising=False)
    assert "not started by `aiclaims serve`" in (foreign_run(*own) or "")
    monkeypatch.setenv(SERVE_ENV, guard_value(*own))
    assert foreign_run(*own) is None
    other_db = foreign_run(own[0], own[1], "sqlite:////elsewhere/claims.db")
    assert other_db and "db url 'sqlite:////elsewhere/claims.db'" in other_db
    other_file = foreign_run(own[0], "/home/x/sources.toml", own[2])
    assert other_file and "sources file" in other_file


def test_serve_scheduled_run_refuses_before_writing(
    prefect_harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.serve import SERVE_ENV, ForeignRun, guard_value, scheduled_ingest

    news = _news(tmp_path, 1)
    sources = _sources(tmp_path, f'[[source]]\nname = "n"\nkind = "folder"\npath = "{news}"\n')
    db = tmp_path / "theirs.db"
    monkeypatch.setenv(SERVE_ENV, guard_value("p", str(sources), f"sqlite:///{tmp_path}/own.db"))
    with pytest.raises(ForeignRun, match="is not this serve's"):
        scheduled_ingest("n", "p", str(sources), f"sqlite:///{db}", str(tmp_path / "changes"))
    assert not db.exists() and not (tmp_path / "changes").exists()


def test_serve_each_run_keeps_its_changes(
    prefect_harness: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two runs: two changes files; latest.json is the last; the empty second run does
    not wipe the first's new claims; the sources file's changes_path gets a copy."""
    from flows.serve import LATEST, SERVE_ENV, guard_value, scheduled_ingest

    news = _news(tmp_path)
    sources = _sources(
        tmp_path,
        f'[settings]\nchanges_path = "last-changes.json"\n\n'
        f'[[source]]\nname = "n"\nkind = "folder"\npath = "{news}"\n',
    )
    db_url = f"sqlite:///{tmp_path / 'claims.db'}"
    changes = tmp_path / "changes"
    monkeypatch.setenv(SERVE_ENV, guard_value("p", str(sources), db_url))
    copy = str(tmp_path / "last-changes.json")
    for _ in range(2):
        scheduled_ingest("n", "p", str(sources), db_url, str(changes), latest_copy=copy)
    runs = sorted(p for p in changes.iterdir() if p.name != LATEST)
    assert len(runs) == 2 and all(p.name.endswith("-n.json") for p in runs)
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in runs)
    assert first["new_claims"] and not second["new_claims"]
    latest = (changes / LATEST).read_text(encoding="utf-8")
    assert latest == runs[1].read_text(encoding="utf-8")
    assert Path(copy).read_text(encoding="utf-8") == latest


def _project_deployments(api_url: str, project: str) -> list[str]:
    body = {"deployments": {"tags": {"all_": [f"project:{project}"]}}}
    answer = httpx.post(f"{api_url}/deployments/filter", json=body, timeout=10)
    answer.raise_for_status()
    return [d["name"] for d in answer.json()]


@pytest.mark.slow
def test_serve_scheduled_run_stores_claims_then_removes_its_deployments(
    tmp_path: Path, prefect_home: Path
) -> None:
    """`aiclaims serve` on a real `prefect server`: an interval schedule runs, stores the
    folder, writes latest.json; after SIGINT the project has no deployment left."""
    from flows.serve import project_name
    from flows.server import prefect_server

    news = _news(tmp_path)
    sources = _sources(
        tmp_path,
        f'[[source]]\nname = "local-news"\nkind = "folder"\npath = "{news}"\nschedule = "10s"\n',
    )
    db_url = f"sqlite:///{tmp_path / 'served.db'}"
    latest = tmp_path / "changes" / "latest.json"
    env = {
        **os.environ,
        "AICLAIMS_DB": db_url,
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
    }
    server_env = {"PREFECT_HOME": env["PREFECT_HOME"]}
    server_env["PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS"] = "2"
    with prefect_server(env=server_env) as api_url:
        env["PREFECT_API_URL"] = api_url
        proc = subprocess.Popen(
            [sys.executable, "-m", "flows.cli", "serve", "--sources", str(sources)],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline and proc.poll() is None:
                if _stored_articles(db_url) == 2 and latest.exists():
                    break
                time.sleep(2)
            assert proc.poll() is None, proc.stdout.read().decode(errors="replace")[-3000:]
            assert _stored_articles(db_url) == 2, "no scheduled run stored the folder's articles"
            assert json.loads(latest.read_text(encoding="utf-8"))["new_claims"]
            assert _project_deployments(api_url, project_name(sources))
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                output, _ = proc.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                output, _ = proc.communicate()
        assert _project_deployments(api_url, project_name(sources)) == [], output[-3000:]
    assert b"removed 1 deployments" in output


@pytest.mark.slow
def test_serve_dask_ingest_from_the_cli_is_quiet_and_stores_the_same(
    prefect_harness: None, tmp_path: Path, prefect_home: Path
) -> None:
    """`ingest --dask local` (no Prefect server: one is started for the workers) stores
    what the default runner stores, with no Dask or Prefect log lines on the console."""
    from flows.ingest import ingest

    default_db = f"sqlite:///{tmp_path / 'default.db'}"
    dask_db = f"sqlite:///{tmp_path / 'dask.db'}"
    ingest([str(SAMPLES)], db_url=default_db, batch_size=3)
    env = {**os.environ, "PREFECT_HOME": str(prefect_home)}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", "--db", dask_db, "ingest", "--dask", "local",
         "--workers", "2", str(SAMPLES)],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert f"ingest: {len(list(SAMPLES.iterdir()))} new" in proc.stderr
    noise = [ln for ln in proc.stderr.splitlines() if " INFO " in ln or "distributed." in ln]
    assert noise == [], noise[:5]
    assert _stored(dask_db) == _stored(default_db) != []
