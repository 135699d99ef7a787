"""Wall times of the CLI as a user meets them, against issue 20's targets.

Run: ``.venv/bin/python bench/bench_cli.py [--runs 5]``.

Times, each the best and the median of ``--runs`` fresh processes:
``extract ONE_FILE``; ``ingest ONE_FILE`` into a new store with a Prefect server that
``aiclaims server start`` left running; the same with no server (a temporary one);
``export -o``, ``compare`` and ``report`` on the store of the bundled samples.
Each run uses its own PREFECT_HOME, so the machine's Prefect state is not touched.
Targets: ``ingest ONE_FILE`` at most 3 s more than ``extract ONE_FILE`` with the server
running; ``export -o``, ``compare``, ``report`` at most 3 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "corpus" / "samples"
ONE_FILE = SAMPLES / "003_nvidia_3trillion.txt"


def _run(env: dict[str, str], *args: str) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=600,
    )  # fmt: skip
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"aiclaims {' '.join(args)} failed: {proc.stderr[-2000:]}")
    return took


def _times(label: str, runs: int, call: Callable[[int], float]) -> float:
    """Print the best and median of ``runs`` calls; returns the median."""
    taken = [call(i) for i in range(runs)]
    median = statistics.median(taken)
    print(f"{label:<44} best {min(taken):5.2f} s  median {median:5.2f} s")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="aiclaims-bench-cli-"))
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect-home")}
    for name in ("PREFECT_API_URL", "AICLAIMS_DB"):
        env.pop(name, None)
    store = f"sqlite:///{work / 'samples.db'}"
    _run(env, "--db", store, "--quiet", "run")  # also warms the file cache
    _run(env, "server", "start")
    try:
        extract = _times(
            "extract ONE_FILE", args.runs, lambda i: _run(env, "extract", str(ONE_FILE))
        )
        ingest = _times(
            "ingest ONE_FILE (aiclaims server running)",
            args.runs,
            lambda i: _run(
                env, "--db", f"sqlite:///{work / f'one-{i}.db'}", "ingest", str(ONE_FILE)
            ),
        )
        print(f"{'ingest - extract (target: at most 3 s)':<44} {ingest - extract:+5.2f} s")
        out = work / "claims.json"
        _times(
            "export -o (bundled store)",
            args.runs,
            lambda i: _run(env, "--db", store, "export", "-o", str(out)),
        )
        _times("compare (bundled store)", args.runs, lambda i: _run(env, "--db", store, "compare"))
        page = work / "report.html"
        _times(
            "report -o (bundled store)",
            args.runs,
            lambda i: _run(env, "--db", store, "report", "-o", str(page)),
        )
    finally:
        _run(env, "server", "stop")
    _times(
        "ingest ONE_FILE (no server: temporary one)",
        max(1, args.runs // 2),
        lambda i: _run(env, "--db", f"sqlite:///{work / f'tmp-{i}.db'}", "ingest", str(ONE_FILE)),
    )


if __name__ == "__main__":
    main()
