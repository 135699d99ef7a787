"""`aiclaims changes` (dates as everywhere, table/json/csv) and `compare --format csv`."""

from __future__ import annotations

import csv
import io
import json

from tests.cli.conftest import error_lines


def _changes(cli, store: str, since: str, fmt: str):
    result = cli("--db", store, "changes", "--since", since, "--format", fmt)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cli_changes_since_a_span_finds_what_was_just_stored(cli, sample_store: str) -> None:
    """The sample store was filled moments ago: everything is new since 7d, nothing since
    next year; JSON, CSV and the table agree on the count."""
    from corpus.store import ClaimStore

    with ClaimStore(sample_store) as store:
        stored = len(store.claims())
    report = json.loads(_changes(cli, sample_store, "7d", "json"))
    assert len(report["new_claims"]) == stored
    rows = list(csv.DictReader(io.StringIO(_changes(cli, sample_store, "7d", "csv"))))
    assert [int(r["id"]) for r in rows] == [c["id"] for c in report["new_claims"]]
    table = _changes(cli, sample_store, "7d", "table")
    assert not table.lstrip().startswith("{"), "--format table printed JSON"
    assert f"{stored} new claims" in table and "New claims" in table and "NVIDIA" in table
    assert json.loads(_changes(cli, sample_store, "2099", "json"))["new_claims"] == []
    assert "0 new claims" in _changes(cli, sample_store, "2099", "table")


def test_cli_changes_month_form_and_bad_dates(cli, sample_store: str) -> None:
    report = json.loads(_changes(cli, sample_store, "2025-01", "json"))
    assert report["since"].startswith("2025-01-01T00:00:00")
    for bad in ("20250101", "2025/01", "last week"):
        result = cli("--db", sample_store, "changes", "--since", bad)
        assert result.exit_code == 2, (bad, result.output)
        (line,) = error_lines(result.stderr)
        assert f"'{bad}' is not a date" in line and "7d" in line
        assert result.stdout == ""


def test_cli_compare_csv_has_a_row_per_entry(cli, sample_store: str) -> None:
    args = ["--db", sample_store, "compare", "--subject", "英伟达"]
    as_csv = cli(*args, "--format", "csv")
    as_json = cli(*args, "--format", "json")
    assert as_csv.exit_code == as_json.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    timelines = json.loads(as_json.stdout)
    assert len(rows) == sum(len(t["entries"]) for t in timelines) > 0
    assert {r["key_subject"] for r in rows} == {"NVIDIA"}
    entries = [e["claim_id"] for t in timelines for e in t["entries"]]
    assert [int(r["claim_id"]) for r in rows] == entries
