"""Session-wide test set-up: Prefect offline in a temp home, paths to shared data."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Prefect reads these at import: set them before any test module imports prefect.
_PREFECT_HOME = tempfile.mkdtemp(prefix="aiclaims-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.pop("PREFECT_API_URL", None)
os.environ.pop("AICLAIMS_DB", None)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the checkout; tests that need it skip where it is absent."""
    if not (SHARED / "CLAIMS.md").exists():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect API for the whole session, heartbeat off.

    Starting Prefect's server costs seconds; tests that run flows share it.
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with (
        prefect_test_harness(server_startup_timeout=90),
        temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}),
    ):
        _copy_prefect_db(PREFECT_DB_TEMPLATE)  # migrated, and no flow has run on it yet
        yield


#: The harness's Prefect database as it started: migrated to head, with no runs.
PREFECT_DB_TEMPLATE = Path(_PREFECT_HOME) / "migrated-prefect.db"


def _copy_prefect_db(target: Path) -> None:
    """Copy the harness's live SQLite database (the backup API: consistent while in use)."""
    import sqlite3

    from prefect.settings import PREFECT_SERVER_DATABASE_CONNECTION_URL
    from sqlalchemy.engine import make_url

    source = make_url(PREFECT_SERVER_DATABASE_CONNECTION_URL.value()).database
    assert source, "the Prefect test harness runs on a SQLite file"
    live, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        live.backup(copy)
    finally:
        copy.close()
        live.close()


@pytest.fixture
def prefect_home(tmp_path: Path, prefect_harness: None) -> Path:
    """A fresh ``PREFECT_HOME`` for a Prefect server or CLI process of the test's own.

    It holds a database already migrated (a copy of the harness's as it started): a
    server on a new home would first spend seconds on Prefect's migrations.
    """
    home = tmp_path / "prefect-home"
    home.mkdir()
    shutil.copyfile(PREFECT_DB_TEMPLATE, home / "prefect.db")
    return home


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh SQLite store per test."""
    return f"sqlite:///{tmp_path / 'claims.db'}"


@pytest.fixture(scope="session")
def extractor():
    """One extractor for the session (building it loads data files and the segmenter)."""
    from extractors.pipeline import Extractor

    return Extractor(backend="rjieba")
