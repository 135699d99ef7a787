"""Conventions every command follows: global options anywhere, --version, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from flows.cli.group import hoist_global_options
from tests.cli.conftest import error_lines

SHAPES = {"--db": True, "--quiet": False, "-q": False, "--verbose": False, "-v": False}
HOISTED = [
    (["compare", "--db", "X"], ["--db", "X", "compare"]),
    (["compare", "--db=X", "-q"], ["--db=X", "-q", "compare"]),
    (["--db", "X", "compare", "-v"], ["--db", "X", "-v", "compare"]),
    (["sources", "check", "f.toml", "--db", "X"], ["--db", "X", "sources", "check", "f.toml"]),
    (["ingest", "a", "--", "--db", "X"], ["ingest", "a", "--", "--db", "X"]),
    (["-q", "ingest", "--batch-size", "2", "a"], ["-q", "ingest", "--batch-size", "2", "a"]),
    (["extract", "-"], ["extract", "-"]),
    ([], []),
]


@pytest.mark.parametrize(("args", "expected"), HOISTED, ids=[" ".join(a) for a, _ in HOISTED])
def test_cli_conventions_global_options_move_before_the_command(
    args: list[str], expected: list[str]
) -> None:
    assert hoist_global_options(args, SHAPES) == expected


def test_cli_conventions_a_commands_own_option_stays() -> None:
    args = ["serve", "-q", "x"]
    assert hoist_global_options(args, SHAPES, own=lambda name: {"-q"}) == args


def test_cli_conventions_options_after_the_command_mean_the_same(cli, sample_store: str) -> None:
    args = ["--subject", "DeepSeek-V3", "--metric", "training_cost", "--format", "json"]
    before = cli("--db", sample_store, "compare", *args)
    after = cli("compare", *args, "--db", sample_store)
    assert before.exit_code == after.exit_code == 0, after.output
    assert json.loads(after.stdout) == json.loads(before.stdout) != []


def test_cli_conventions_version(cli) -> None:
    from importlib.metadata import version

    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"aiclaims {version('aiclaims')} ")
    assert cli("doctor", "--version").stdout == result.stdout


def test_cli_conventions_bad_option_value_is_one_line_exit_2(cli) -> None:
    result = cli("schema", "--kind", "foo")
    assert result.exit_code == 2
    (line,) = error_lines(result.stderr)
    assert "'foo' is not one of" in line and "aiclaims schema --help" in line
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_conventions_every_schema_kind_prints_a_schema(cli) -> None:
    for kind in ("claims", "comparison", "claim", "timeline"):
        result = cli("schema", "--kind", kind)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["$schema"].startswith("https://json-schema.org/")


def test_cli_conventions_unforeseen_error_is_one_line_traceback_with_v(
    cli, sample_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import corpus.compare

    def broken(*_args, **_kwargs):
        raise KeyError("boom\nsecond line")

    monkeypatch.setattr(corpus.compare, "compare", broken)
    plain = cli("--db", sample_store, "compare")
    assert plain.exit_code == 1
    assert error_lines(plain.stderr) == ["error: 'boom\\nsecond line' (-v shows the traceback)"]
    assert "Traceback" not in plain.stderr
    verbose = cli("-v", "--db", sample_store, "compare")
    assert verbose.exit_code == 1 and "Traceback" in verbose.stderr


def test_cli_conventions_no_traceback_from_a_real_process(tmp_path) -> None:
    """A store URL SQLAlchemy cannot parse, in a real process: one line, exit 2."""
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", "compare", "--db", "nosuchdriver://x/y"],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: "), proc.stderr
    assert "Traceback" not in proc.stderr
