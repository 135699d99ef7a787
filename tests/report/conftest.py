"""One store of the bundled sample corpus, ingested once for all report tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None) -> str:
    """A SQLite store filled by the real ingest flow from corpus/samples."""
    from flows.ingest import ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('report-store') / 'claims.db'}"
    report = ingest([str(REPO / "corpus" / "samples")], db_url=url)
    assert report.new > 0 and report.claims_added > 0
    return url


@pytest.fixture(scope="session")
def sample_report(sample_db: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report page of the sample store, written once."""
    from corpus.report import write_report
    from corpus.store import ClaimStore

    out = tmp_path_factory.mktemp("report-page") / "report.html"
    with ClaimStore(sample_db) as store:
        assert write_report(store, out, title="aiclaims: sample corpus") > 0
    return out
