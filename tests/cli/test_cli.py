"""End-to-end tests through the ``aiclaims`` command line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app

COMMANDS = [
    [], ["run"], ["ingest"], ["extract"], ["export"], ["compare"], ["changes"],
    ["schema"], ["reextract"], ["serve"], ["report"], ["doctor"], ["sources"], ["sources", "check"],
    ["subjects"], ["metrics"], ["sites"], ["server"], ["server", "start"], ["server", "stop"],
    ["server", "status"], ["db"], ["db", "upgrade"], ["db", "status"], ["score"],
]  # fmt: skip
GROUPS = (["sources"], ["server"], ["db"])

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "aiclaims")
def test_cli_every_command_has_help(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    if command and command not in GROUPS:
        assert "Example" in result.output


def test_cli_extract_seed_prints_contract_jsonl(shared: Path) -> None:
    seeds = sorted((shared / "seeds").glob("*.txt"))
    out = subprocess.run(
        [sys.executable, "-m", "flows.cli", "extract", *map(str, seeds)],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = out.stdout.strip().splitlines()
    assert len(lines) == len(seeds)
    record = json.loads(lines[0])
    assert set(record) == {"source", "article", "claims"}
    assert set(record["article"]) == {"title", "published_at", "author", "site", "text"}
    gold = json.loads(next((shared / "gold").glob("*.json")).read_text(encoding="utf-8"))
    assert record["article"]["title"] == gold["article"]["title"]
    assert record["article"]["published_at"].startswith(gold["article"]["published_at"][:16])
    body = record["article"]["text"]
    assert record["claims"], "no claims found on the seed"
    for claim in record["claims"]:
        assert body[claim["start"] : claim["end"]] == claim["text"]


def _bad_inputs(tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    missing = tmp_path / "missing.html"
    return [str(empty), str(binary), str(missing)], {
        "empty": empty.name,
        "binary": binary.name,
        "missing": missing.name,
    }


def test_cli_extract_reports_bad_files_and_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    bad, names = _bad_inputs(tmp_path)
    good = sorted(SAMPLES.iterdir())[0]
    result = runner.invoke(app, ["extract", *bad, str(good)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [line["source"] for line in lines] == [str(good)]
    for name in names.values():
        assert sum(name in line for line in result.stderr.splitlines()) == 1, result.stderr


def test_cli_ingest_twice_adds_nothing_and_skips_bad_files(
    runner: CliRunner, tmp_path: Path, db_url: str, prefect_harness: None
) -> None:
    bad, names = _bad_inputs(tmp_path)
    goods = [str(p) for p in sorted(SAMPLES.iterdir())[:3]]
    first = runner.invoke(app, ["--db", db_url, "ingest", *goods, *bad])
    assert first.exit_code == 1, first.output  # the missing file is an input that failed
    for name in names.values():
        assert name in first.stderr
    assert "ingest: 3 new" in first.stderr and "2 skipped, 1 sources failed" in first.stderr

    from corpus.store import ClaimStore

    store = ClaimStore(db_url)
    counts = store.counts()
    store.close()
    assert counts.articles == 3 and counts.claims > 0

    second = runner.invoke(app, ["--db", db_url, "ingest", *goods, *bad[:2]])
    assert second.exit_code == 0, second.output  # bad pages are skipped, the run went through
    assert "ingest: 0 new, 3 unchanged" in second.stderr
    store = ClaimStore(db_url)
    assert store.counts().claims == counts.claims
    store.close()


def _table_rows(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("│")]


def test_cli_run_twice_keeps_claim_count(tmp_path: Path, prefect_home: Path) -> None:
    """The README's main job, as a user runs it: a real process, the bundled corpus, no
    Prefect server (the temporary one's cost is announced); the second run shows the
    whole stored table again, not only what it added (nothing)."""
    from flows.runtime import TEMPORARY_SERVER_NOTE

    env = {**os.environ, "AICLAIMS_DB": f"sqlite:///{tmp_path / 'run.db'}"}
    for setting in ("PREFECT_API_URL", "PREFECT_LOGGING_LEVEL"):  # as on a user's machine
        env.pop(setting, None)
    env["PREFECT_HOME"] = str(prefect_home)
    outputs = []
    for quiet in ([], ["--quiet"]):
        proc = subprocess.run(
            [sys.executable, "-m", "flows.cli", *quiet, "run"],
            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr[-3000:]
        outputs.append(proc)
    assert "Claims per subject and metric" in outputs[0].stdout
    assert TEMPORARY_SERVER_NOTE in outputs[0].stderr
    assert TEMPORARY_SERVER_NOTE not in outputs[1].stderr, "--quiet: no notes"
    for proc in outputs:
        assert "Flow run" not in proc.stderr and " INFO " not in proc.stderr, proc.stderr
    assert "ingest: 0 new" in outputs[1].stderr and " 0 claims added" in outputs[1].stderr
    assert _table_rows(outputs[1].stdout) == _table_rows(outputs[0].stdout) != []
    log = prefect_home / "aiclaims" / "prefect.log"
    assert "Finished in state Completed" in log.read_text(encoding="utf-8")

    from corpus.store import ClaimStore

    store = ClaimStore(env["AICLAIMS_DB"])
    try:
        assert store.counts().articles == len(list(SAMPLES.iterdir()))
        assert f"{store.counts().claims} claims stored" in outputs[1].stdout
    finally:
        store.close()


def test_cli_compare_deepseek_v3_training_cost_on_bundled_corpus(
    runner: CliRunner, db_url: str, prefect_harness: None
) -> None:
    """The bundled corpus reports V3's training cost differently; compare shows each report
    (whether they conflict is the comparison's business: tests/compare)."""
    ingested = runner.invoke(app, ["--db", db_url, "ingest", str(SAMPLES)])
    assert ingested.exit_code == 0, ingested.output
    args = ["--db", db_url, "compare", "--subject", "DeepSeek-V3", "--metric", "training_cost"]
    as_json = runner.invoke(app, [*args, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    (timeline,) = json.loads(as_json.stdout)
    entries = timeline["entries"]
    assert len({e["article_id"] for e in entries}) >= 3
    dates = [e["published_at"] for e in entries]
    assert dates == sorted(dates)
    assert len({e["value"] for e in entries}) >= 2, "the samples disagree on the cost"
    table = runner.invoke(app, args)
    assert table.exit_code == 0, table.output
    assert bool(re.search(r"conflict \(\d+% apart\)", table.stdout)) == bool(timeline["conflicts"])
    for entry in entries:
        assert entry["published_at"][:10] in table.stdout
