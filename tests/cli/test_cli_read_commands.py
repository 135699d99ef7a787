"""Commands that only read the store: no Prefect, no store created, names by alias, CSV."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from tests.cli.conftest import REPO, error_lines

READ_COMMANDS = [
    ["compare", "--subject", "英伟达"],
    ["compare", "--format", "csv"],
    ["changes", "--since", "2024-01-01"],
    ["changes", "--since", "7d", "--format", "table"],
    ["export", "-f", "jsonl"],
    ["export", "-o", "{tmp}/claims.json"],
    ["export", "--compare", "-f", "csv", "-o", "{tmp}/timelines.csv"],
    ["report", "-o", "{tmp}/report.html"],
    ["doctor"],
    ["subjects"],
    ["metrics"],
    ["sites"],
    ["schema"],
]
#: Runs each command in one process, then says whether Prefect was ever imported.
PROBE = """
import json, sys
from flows.cli import app
codes = [app(json.loads(args), standalone_mode=False) for args in sys.argv[1:]]
print(json.dumps({"codes": codes, "prefect": "prefect" in sys.modules}))
"""


def test_cli_read_commands_never_import_prefect(sample_store: str, tmp_path: Path) -> None:
    calls = [
        json.dumps(["--db", sample_store, *(a.format(tmp=tmp_path) for a in args)])
        for args in READ_COMMANDS
    ]
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *calls],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    outcome = json.loads(proc.stdout.strip().splitlines()[-1])
    assert outcome == {"codes": [0] * len(READ_COMMANDS), "prefect": False}, proc.stderr[-3000:]
    assert json.loads((tmp_path / "claims.json").read_text(encoding="utf-8"))["count"] > 100
    assert "<svg" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_cli_read_commands_refuse_a_store_that_does_not_exist(cli, tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "dir" / "x.db"
    for args in (["compare"], ["export"], ["report", "-o", str(tmp_path / "r.html")], ["doctor"],
                 ["subjects"], ["changes", "--since", "2025"], ["reextract"]):  # fmt: skip
        result = cli("--db", f"sqlite:///{missing}", *args)
        assert result.exit_code == 2, (args, result.output)
        (line,) = error_lines(result.stderr)
        assert f"no store at {missing}" in line, line
    assert not (tmp_path / "no").exists(), "a reading command created folders"


def test_cli_read_commands_subject_by_any_alias(cli, sample_store: str) -> None:
    def timelines(subject: str) -> list[dict]:
        result = cli("--db", sample_store, "compare", "--subject", subject, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)

    canonical = timelines("NVIDIA")
    assert canonical, "the samples have NVIDIA claims"
    for alias in ("英伟达", "輝達", "nvidia"):
        assert timelines(alias) == canonical, alias


def test_cli_read_commands_metric_by_label(cli, sample_store: str) -> None:
    by_code = cli("--db", sample_store, "export", "-f", "jsonl", "--metric", "training_cost")
    by_label = cli("--db", sample_store, "export", "-f", "jsonl", "--metric", "训练成本")
    assert by_code.exit_code == by_label.exit_code == 0
    assert by_code.stdout == by_label.stdout and by_code.stdout.count("\n") >= 3


def test_cli_read_commands_lists_count_what_is_stored(cli, sample_store: str) -> None:
    from corpus.store import ClaimStore

    with ClaimStore(sample_store) as store:
        claims = store.claims()
    rows = {}
    for command in ("subjects", "metrics", "sites"):
        result = cli("--db", sample_store, command, "--format", "json")
        assert result.exit_code == 0, result.output
        rows[command] = {row["name"]: row for row in json.loads(result.stdout)}
    assert sum(r["claims"] for r in rows["subjects"].values()) == len(claims)
    assert rows["subjects"]["NVIDIA"]["claims"] == sum(c.subject == "NVIDIA" for c in claims)
    assert "英伟达" in rows["subjects"]["NVIDIA"]["aliases"]
    assert rows["metrics"]["training_cost"]["label"] == "训练成本"
    assert set(rows["sites"]) == {c.site or "?" for c in claims}
    counts = [row["claims"] for row in rows["metrics"].values()]
    assert counts == sorted(counts, reverse=True)
    table = cli("--db", sample_store, "subjects", "--metric", "training_cost")
    assert "DeepSeek-V3" in table.stdout and "OpenAI" not in table.stdout


def test_cli_read_commands_csv_export_matches_json(cli, sample_store: str, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    written = cli("--db", sample_store, "export", "-f", "csv", "-o", str(out), "--site", "36氪")
    assert written.exit_code == 0, written.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("\ufeff"), "spreadsheets need the BOM to read UTF-8"
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    as_json = cli("--db", sample_store, "export", "-f", "jsonl", "--site", "36氪")
    claims = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert len(rows) == len(claims) > 0
    for row, claim in zip(rows, claims, strict=True):
        assert row["id"] == str(claim["id"]) and row["text"] == claim["text"]
        assert float(row["value"]) == claim["value"] and row["subject"] == claim["subject"]
        assert row["sentence"] == claim["sentence"]
    assert f"wrote {len(rows)} claims to {out}" in written.stderr


def test_cli_read_commands_compare_csv_has_a_row_per_entry(cli, sample_store: str) -> None:
    result = cli(
        "--db", sample_store, "export", "--compare", "-f", "csv", "--metric", "training_cost"
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    timelines = json.loads(
        cli("--db", sample_store, "compare", "--metric", "training_cost", "-f", "json").stdout
    )
    assert len(rows) == sum(len(t["entries"]) for t in timelines) > 0
    assert {r["key_subject"] for r in rows} == {t["subject"] for t in timelines}
    assert all(r["metric"] == "training_cost" for r in rows)


def test_cli_read_commands_doctor_prints_readable_lines(cli, sample_store: str) -> None:
    result = cli("--db", sample_store, "doctor")
    assert result.exit_code == 0, result.output
    assert "environment: ok" in result.stderr
    assert "store is consistent" in result.stderr
    assert "{" not in result.stderr, "doctor printed a dict"
    assert "current claims" in result.stderr


def test_cli_read_commands_doctor_runs_sqlite_integrity_check(cli, tmp_path: Path) -> None:
    """A table row changed behind its index's back: pages fine, the file inconsistent."""
    import sqlite3

    from corpus.store import ClaimStore

    db = tmp_path / "broken.db"
    url = f"sqlite:///{db}"
    ClaimStore(url).close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("CREATE TABLE filler (x TEXT)")
        conn.executemany("INSERT INTO filler VALUES (?)", [(f"v{i:05d}" * 8,) for i in range(300)])
        conn.execute("CREATE INDEX filler_x ON filler (x)")
    conn.close()
    data = bytearray(db.read_bytes())
    at = data.index(b"v00042" * 8)  # the table's copy: written before the index's
    data[at : at + 48] = b"w00042" * 8
    db.write_bytes(bytes(data))
    result = cli("--db", url, "doctor")
    assert result.exit_code == 1, result.output
    assert "SQLite integrity check" in result.stderr and "filler_x" in result.stderr
    assert "store is consistent" not in result.stderr


def test_cli_read_commands_export_to_an_unusable_path_is_one_line(
    cli, sample_store: str, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = blocker / "claims.json"
    result = cli("--db", sample_store, "export", "-o", str(target))
    assert result.exit_code == 1
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"error: export to {target} failed: ") and "traceback" not in line
    assert blocker.read_text() == "not a folder"
