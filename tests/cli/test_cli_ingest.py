"""`aiclaims ingest` as cron jobs use it: exit statuses, --strict, inputs, set-up errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.documents import SkippedInput
from corpus.runs import RunReport
from flows.cli.ingest_cmds import ingest_exit_code, read_input_lines
from tests.cli.conftest import REPO, SAMPLES, error_lines

ITEM = SkippedInput(location="a.txt", reason="empty file")
SOURCE = SkippedInput(location="feed", reason="connection failed", scope="source")
EXIT_CODES = [
    # (report fields, strict, exit status)
    ({"new": 2}, False, 0),
    ({"new": 2, "failed": [ITEM]}, False, 0),
    ({"new": 2, "failed": [ITEM]}, True, 1),
    ({"unchanged": 3}, True, 0),
    ({"failed": [ITEM]}, False, 1),  # every input skipped
    ({"new": 2, "failed": [SOURCE]}, False, 1),
    ({"new": 2, "failed": [SOURCE]}, True, 1),
    ({}, False, 0),  # nothing new to do is no failure
]


@pytest.mark.parametrize(("fields", "strict", "code"), EXIT_CODES)
def test_cli_ingest_exit_status(fields: dict, strict: bool, code: int) -> None:
    assert ingest_exit_code(RunReport(**fields), strict=strict) == code


def test_cli_ingest_input_lines_from_stdin() -> None:
    lines = ["a.html\n", "\n", "  # a comment\n", " https://x.org/b \n"]
    assert read_input_lines(lines) == ["a.html", "https://x.org/b"]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for page in sorted(SAMPLES.iterdir())[:2]:
        shutil.copy(page, folder / page.name)
    return folder


@pytest.fixture
def dead_feed():
    """A feed URL that answers 404 (a feed taken down)."""
    from tests.sources.httpserver import LocalHTTPServer

    with LocalHTTPServer() as server:
        server.route("/rss.xml", status=404, body=b"gone")
        yield server.url("/rss.xml")


def test_cli_ingest_dead_feed_and_good_folder(
    cli, prefect_harness: None, tmp_path: Path, news: Path, db_url: str, dead_feed: str
) -> None:
    """`--sources F` alone: every source; the dead ones (a feed taken down, a server
    that refuses connections) fail the run (exit 1) and are named with their reason,
    the folder's claims are stored."""
    from corpus.store import ClaimStore
    from flows.server import free_port

    refused = f"http://127.0.0.1:{free_port()}/rss.xml"
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "saved"\nkind = "folder"\npath = "{news}"\n\n'
        f'[[source]]\nname = "dead-feed"\nkind = "feed"\nurl = "{dead_feed}"\nlocal = true\n\n'
        f'[[source]]\nname = "no-server"\nkind = "feed"\nurl = "{refused}"\nlocal = true\n',
        encoding="utf-8",
    )
    result = cli("--db", db_url, "ingest", "--sources", str(sources))
    assert result.exit_code == 1, result.output
    assert "2 new" in result.stderr and "2 sources failed" in result.stderr
    failed = [line.strip() for line in result.stderr.splitlines() if "failed http" in line]
    assert len(failed) == 2, result.stderr
    (gone,) = [line for line in failed if dead_feed in line]
    (down,) = [line for line in failed if refused in line]
    assert "404" in gone
    assert "source no-server: connection failed" in down and "unexpected" not in down, down
    with ClaimStore(db_url) as store:
        stored = {a.location for a in store.load_articles(store.article_ids())}
        assert stored == {str(p) for p in news.iterdir()}
        assert store.counts().claims > 0
    again = cli("--db", db_url, "ingest", "--sources", str(sources), "saved")
    assert again.exit_code == 0, again.output
    assert "0 new, 2 unchanged" in again.stderr


def test_cli_ingest_strict_fails_on_a_skip(
    cli, prefect_harness: None, tmp_path: Path, news: Path, db_url: str
) -> None:
    (news / "empty.txt").write_text("")
    relaxed = cli("--db", db_url, "ingest", str(news))
    assert relaxed.exit_code == 0, relaxed.output
    assert "1 skipped" in relaxed.stderr and "empty.txt" in relaxed.stderr
    strict = cli("--db", db_url, "ingest", "--strict", str(news))
    assert strict.exit_code == 1, strict.output


def test_cli_ingest_every_input_skipped_is_a_failure(
    cli, prefect_harness: None, tmp_path: Path, db_url: str
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "x.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = cli("--db", db_url, "ingest", str(empty), str(binary))
    assert result.exit_code == 1, result.output
    assert "0 new" in result.stderr and "2 skipped" in result.stderr


def test_cli_ingest_inputs_from_stdin(cli, prefect_harness: None, news: Path, db_url: str) -> None:
    listing = "".join(f"{path}\n" for path in sorted(news.iterdir()))
    result = cli("--db", db_url, "ingest", "-", input=listing)
    assert result.exit_code == 0, result.output
    assert "ingest: 2 new" in result.stderr


def test_cli_ingest_nothing_to_ingest_is_a_usage_error(cli, tmp_path: Path, db_url: str) -> None:
    result = cli("--db", db_url, "ingest")
    assert result.exit_code == 2
    (line,) = error_lines(result.stderr)
    assert "nothing to ingest" in line and "--sources" in line
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    none = cli("--db", db_url, "ingest", "--sources", str(empty))
    assert none.exit_code == 2 and "names no source" in none.stderr


def test_cli_ingest_loopback_refusal_hints_local(cli, prefect_harness: None, db_url: str) -> None:
    from tests.sources.httpserver import LocalHTTPServer

    page = sorted(SAMPLES.glob("*.html"))[0].read_bytes()
    with LocalHTTPServer() as server:
        server.route("/a.html", body=page, headers={"Content-Type": "text/html; charset=utf-8"})
        refused = cli("--db", db_url, "ingest", server.url("/a.html"))
        assert server.hits["/a.html"] == 0
        allowed = cli("--db", db_url, "ingest", "--allow-local", server.url("/a.html"))
        assert server.hits["/a.html"] >= 1
    assert refused.exit_code == 1, refused.output
    (line,) = [ln for ln in refused.stderr.splitlines() if "/a.html" in ln]
    assert "local = true" in line and "--allow-local" in line
    assert allowed.exit_code == 0, allowed.output
    assert "ingest: 1 new" in allowed.stderr


BLOCK_LXML_CLEAN = """
import sys
sys.modules["lxml.html.clean"] = None  # as if lxml_html_clean were not installed
sys.modules["lxml_html_clean"] = None
sys.argv = ["aiclaims", *sys.argv[1:]]
from flows.cli import main
main()
"""


def test_cli_ingest_missing_html_cleaner_is_a_setup_error(tmp_path: Path) -> None:
    """lxml without lxml_html_clean: exit 2 with the fix, before any page is read."""
    page = sorted(SAMPLES.glob("*.html"))[0]
    db = tmp_path / "claims.db"
    outcomes = {}
    for command in (["extract", str(page)], ["--db", f"sqlite:///{db}", "ingest", str(page)]):
        proc = subprocess.run(
            [sys.executable, "-c", BLOCK_LXML_CLEAN, *command],
            capture_output=True, text=True, cwd=REPO, timeout=300,
        )  # fmt: skip
        outcomes[command[0]] = proc
        assert proc.returncode == 2, proc.stderr[-2000:]
        (line,) = error_lines(proc.stderr)
        assert "lxml.html.clean" in line and "fix: pip install 'lxml_html_clean'" in line, line
        assert "Traceback" not in proc.stderr
    assert outcomes["extract"].stdout == ""
    assert not db.exists(), "the run started although the extractor cannot work"


def test_cli_ingest_unreachable_local_api_is_a_setup_error(tmp_path: Path) -> None:
    import os

    from flows.server import free_port

    env = {**os.environ, "PREFECT_API_URL": f"http://127.0.0.1:{free_port()}/api"}
    db = tmp_path / "claims.db"
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", "--db", f"sqlite:///{db}", "ingest", str(SAMPLES)],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 2, proc.stderr[-2000:]
    (line,) = error_lines(proc.stderr)
    assert "does not answer" in line and "aiclaims server start" in line
    assert not db.exists()
