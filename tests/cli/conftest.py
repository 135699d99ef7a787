"""Fixtures of the CLI tests: a store of the bundled samples built without Prefect, and
a runner that gives stdout and stderr apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "corpus" / "samples"


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory, extractor) -> str:
    """A SQLite store of corpus/samples, filled with the extractor and the store's own
    ``save`` (no Prefect: the reading commands are tested against it)."""
    from corpus.documents import SourceItem
    from corpus.files import read_file
    from corpus.store import ClaimStore

    url = f"sqlite:///{tmp_path_factory.mktemp('cli-store') / 'claims.db'}"
    with ClaimStore(url) as store:
        for path in sorted(SAMPLES.iterdir()):
            doc = read_file(SourceItem(location=str(path), kind="file"))
            store.save(doc, extractor.extract(doc.raw, source_name=str(path)))
        assert store.counts().claims > 100
    return url


@pytest.fixture
def cli():
    """``cli(*args)``: the aiclaims app run in-process; the result has .stdout/.stderr."""
    from flows.cli import app

    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input)

    return invoke


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]
