"""Faults: the process killed mid-ingest, two ingests at once, a dead or read-only store,
a full disk during export. After each, the store is whole and nothing is lost."""

from __future__ import annotations

import errno
import json
import os
import signal
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.robustness.conftest import start_cli, wait_until
from tests.robustness.generate import make_corpus
from tests.sources.httpserver import LocalHTTPServer
from tests.sources.pages import rss_feed

CORPUS_PAGES = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return make_corpus(tmp_path_factory.mktemp("corpus") / "pages", CORPUS_PAGES)


@pytest.fixture(scope="module")
def clean_claims(
    prefect_harness: None, corpus: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> Counter[str]:
    """Claims per page location after one undisturbed run over the whole corpus."""
    from corpus.store import ClaimStore
    from flows.ingest import ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('clean') / 'clean.db'}"
    report = ingest([str(corpus[0].parent)], db_url=url, batch_size=5)
    assert report.new == CORPUS_PAGES and not report.failed
    with ClaimStore(url) as store:
        return Counter(c.location for c in store.claims())


def _assert_whole(url: str, expected: Counter[str]) -> None:
    """Every page stored once, its claims exactly those of a clean run, no duplicates."""
    from corpus.store import ClaimStore

    with ClaimStore(url) as store:
        assert store.check() == []
        counts = store.counts()
        claims = store.claims()
        locations = [a.location for a in store.load_articles(store.article_ids())]
    assert sorted(locations) == sorted(expected), "pages lost or stored twice"
    assert counts.article_versions == counts.articles == len(expected)
    assert Counter(c.location for c in claims) == expected
    keys = Counter((c.location, c.start, c.end, c.metric, c.subject) for c in claims)
    assert not [k for k, n in keys.items() if n > 1], "duplicate claims"
    result = CliRunner().invoke(_app(), ["--db", url, "doctor"])
    assert result.exit_code == 0 and "store is consistent" in result.stderr, result.output


def _app():
    from flows.cli import app

    return app


def _sqlite_articles(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_robustness_faults_sigkill_mid_ingest_then_resume(
    api_url: str, corpus: list[Path], clean_claims: Counter[str], tmp_path: Path
) -> None:
    from flows.ingest import ingest

    db = tmp_path / "killed.db"
    url = f"sqlite:///{db}"
    proc = start_cli(
        ["--db", url, "--quiet", "ingest", "--batch-size", "2", str(corpus[0].parent)], api_url
    )

    def six_stored() -> bool:
        assert proc.poll() is None, f"ingest ended before the kill: {proc.communicate()}"
        return _sqlite_articles(db) >= 6

    wait_until(six_stored, "six stored articles", pause=0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    stored_at_kill = _sqlite_articles(db)
    assert 6 <= stored_at_kill < CORPUS_PAGES, "the kill came too late to prove anything"

    from corpus.store import ClaimStore

    with ClaimStore(url) as store:
        assert store.check() == [], "the kill left a half-written article or orphan claims"
    doctor = CliRunner().invoke(_app(), ["--db", url, "doctor"])
    assert doctor.exit_code == 0, doctor.output

    report = ingest([str(corpus[0].parent)], db_url=url, batch_size=5)
    assert report.new == CORPUS_PAGES - stored_at_kill and not report.failed
    assert report.unchanged == stored_at_kill
    _assert_whole(url, clean_claims)


def _run_two_at_once(url: str, corpus: list[Path], api_url: str, gate_dir: Path) -> None:
    first = [str(p) for p in corpus[:24]]
    second = [str(p) for p in corpus[12:]]
    gate = gate_dir / "go"
    procs = [
        start_cli(
            ["--db", url, "--quiet", "ingest", "--batch-size", "1", *paths], api_url, (gate, name)
        )
        for name, paths in (("first", first), ("second", second))
    ]

    def both_ready() -> bool:
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        return len(list(gate_dir.glob("go.ready.*"))) >= 2

    wait_until(both_ready, "the CLI processes to start")
    gate.touch()
    for proc in procs:
        _out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err[-2000:]
        assert "ingest:" in err
    _assert_runs_overlapped(url)


def _assert_runs_overlapped(url: str) -> None:
    """Both runs were recorded, and one started before the other finished."""
    from sqlalchemy import select

    from corpus.store import ClaimStore
    from corpus.store.tables import IngestRunRow

    with ClaimStore(url) as store, store.engine.connect() as conn:
        runs = conn.execute(select(IngestRunRow.started_at, IngestRunRow.finished_at)).all()
    assert len(runs) == 2 and all(finished for _start, finished in runs)
    assert max(start for start, _f in runs) < min(finished for _s, finished in runs), runs


@pytest.mark.slow
def test_robustness_faults_two_ingests_at_once_sqlite(
    api_url: str, corpus: list[Path], clean_claims: Counter[str], tmp_path: Path
) -> None:
    from corpus.store import ClaimStore

    url = f"sqlite:///{tmp_path / 'shared.db'}"
    with ClaimStore(url):  # migrate first, as a deployment does
        pass
    _run_two_at_once(url, corpus, api_url, tmp_path)
    _assert_whole(url, clean_claims)


@pytest.mark.slow
@pytest.mark.postgres
def test_robustness_faults_two_ingests_at_once_postgresql(
    api_url: str, corpus: list[Path], clean_claims: Counter[str], pg_url: str, tmp_path: Path
) -> None:
    from corpus.store import ClaimStore

    with ClaimStore(pg_url):  # migrate first, as a deployment does
        pass
    _run_two_at_once(pg_url, corpus, api_url, tmp_path)
    _assert_whole(pg_url, clean_claims)


@pytest.fixture
def feed_site(tmp_path: Path):
    with LocalHTTPServer() as server:
        html = (
            "<html><head><title>新模型</title></head>"
            "<body><p>参数规模达到1200亿。</p></body></html>"
        )
        server.route(
            "/a.html",
            body=html.encode(),
            etag='"v1"',
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        server.route(
            "/feed.xml",
            body=rss_feed("f", [("a", server.url("/a.html"))]),
            headers={"Content-Type": "application/rss+xml"},
        )
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[settings]\ntimeout = 0.5\ndeadline = 2\nstate_dir = "{tmp_path / "state"}"\n\n'
            f'[[source]]\nname = "feed"\nkind = "feed"\nurl = "{server.url("/feed.xml")}"\n'
            "local = true\n",
            encoding="utf-8",
        )
        yield server, sources


def _read_only_url(tmp_path: Path) -> tuple[str, Path]:
    from corpus.store import ClaimStore

    db = tmp_path / "ro.db"
    with ClaimStore(f"sqlite:///{db}"):
        pass
    return f"sqlite:///file:{db}?mode=ro&uri=true", db


@pytest.mark.parametrize("store", ["unreachable", "read-only"])
def test_robustness_faults_store_unusable_clear_error_nothing_written(
    prefect_harness: None, feed_site, tmp_path: Path, store: str
) -> None:
    server, sources = feed_site
    if store == "unreachable":
        url, db = "postgresql+psycopg://nobody@127.0.0.1:9/none", None  # port 9: closed
    else:
        url, db = _read_only_url(tmp_path)
        before = db.read_bytes()
    result = CliRunner().invoke(
        _app(), ["--db", url, "--quiet", "ingest", "--sources", str(sources), "feed"]
    )
    assert result.exit_code != 0
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1, result.stderr[-2000:]
    assert (
        ("refused" in errors[0] or "connect" in errors[0])
        if db is None
        else ("readonly" in errors[0] or "read-only" in errors[0])
    ), errors
    assert not (tmp_path / "state" / "http-validators.json").exists(), "feed state advanced"
    assert server.hits["/a.html"] == 0
    if db is not None:
        assert db.read_bytes() == before


def test_robustness_faults_validators_only_after_store(
    prefect_harness: None, feed_site, tmp_path: Path, db_url: str
) -> None:
    """Control for the test above: with a working store the validators are written."""
    server, sources = feed_site
    result = CliRunner().invoke(
        _app(), ["--db", db_url, "--quiet", "ingest", "--sources", str(sources), "feed"]
    )
    assert result.exit_code == 0, result.output
    state = json.loads((tmp_path / "state" / "http-validators.json").read_text(encoding="utf-8"))
    assert state[server.url("/a.html")]["etag"] == '"v1"'


class _FullDisk:
    """A file object whose writes fail with ENOSPC after ``room`` characters."""

    def __init__(self, handle, room: int) -> None:
        self._handle, self._room = handle, room

    def write(self, text: str) -> int:
        if len(text) > self._room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(text)
        return self._handle.write(text)

    def __getattr__(self, name: str):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_robustness_faults_disk_full_export_keeps_old_file(
    prefect_harness: None,
    corpus: list[Path],
    tmp_path: Path,
    db_url: str,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    import corpus.export as export_module
    from flows.ingest import ingest

    ingest([str(p) for p in corpus[:2]], db_url=db_url)
    out = tmp_path / "out" / f"claims.{fmt}"
    out.parent.mkdir()
    ok = CliRunner().invoke(
        _app(), ["--db", db_url, "--quiet", "export", "-f", fmt, "-o", str(out)]
    )
    assert ok.exit_code == 0, ok.output
    old = out.read_bytes()
    assert len(old) > 1000

    real_fdopen = os.fdopen
    monkeypatch.setattr(
        export_module.os, "fdopen", lambda *a, **k: _FullDisk(real_fdopen(*a, **k), 500)
    )
    ingest([str(p) for p in corpus[2:4]], db_url=db_url)
    full = CliRunner().invoke(
        _app(), ["--db", db_url, "--quiet", "export", "-f", fmt, "-o", str(out)]
    )
    assert full.exit_code != 0
    assert f"export to {out} failed" in full.stderr and "No space left" in full.stderr
    assert out.read_bytes() == old, "the old export was damaged"
    assert [p.name for p in out.parent.iterdir()] == [out.name], "a temp file was left behind"
