"""The Prefect flows, run for real against a temporary Prefect API."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


def test_flows_ingest_reextract_export(prefect_harness: None, db_url: str, tmp_path: Path) -> None:
    from corpus.export import json_schema
    from corpus.store import ClaimStore
    from flows.export import export
    from flows.ingest import ingest
    from flows.reextract import reextract

    first = ingest([str(SAMPLES)], db_url=db_url, batch_size=4)
    assert first.new == len(list(SAMPLES.iterdir())) and not first.failed
    assert first.claims_added > 0

    again = ingest([str(SAMPLES)], db_url=db_url, batch_size=4)
    assert (again.new, again.claims_added) == (0, 0)
    assert again.unchanged == first.new

    redo = reextract(db_url=db_url)
    assert redo.claims_added == 0  # same extractor version: nothing to re-derive

    store = ClaimStore(db_url)
    try:
        assert store.last_run("ingest") is not None
        claims = store.counts().claims
        assert store.check() == []
    finally:
        store.close()

    out = tmp_path / "claims.json"
    written = export(db_url=db_url, fmt="json", out=str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, json_schema("claims"))
    assert written == claims


def test_flows_ingest_writes_changes_since_previous_run(
    prefect_harness: None, db_url: str, tmp_path: Path
) -> None:
    from flows.ingest import ingest

    pages = sorted(SAMPLES.iterdir())
    changes = tmp_path / "out" / "changes.json"
    ingest([str(pages[0])], db_url=db_url)
    ingest([str(pages[1])], db_url=db_url, changes_path=str(changes))
    report = json.loads(changes.read_text(encoding="utf-8"))
    assert report["new_claims"], "the second run's claims are new since the first run"
    assert {c["location"] for c in report["new_claims"]} == {str(pages[1])}


def test_flows_ingest_writes_report_when_configured(
    prefect_harness: None, db_url: str, tmp_path: Path
) -> None:
    from flows.ingest import ingest

    sources = tmp_path / "sources.toml"
    sources.write_text(
        '[settings]\nreport_path = "out/report.html"\n\n'
        f'[[source]]\nname = "samples"\nkind = "folder"\npath = "{SAMPLES}"\n',
        encoding="utf-8",
    )
    ingest(["samples"], db_url=db_url, sources_file=str(sources))
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<svg" in page and "DeepSeek-V3" in page
