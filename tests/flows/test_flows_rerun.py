"""Re-running the ingest flow: unchanged files are not even read, changed ones are."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


def _aged_copy(tmp_path: Path) -> Path:
    """The sample pages, copied and dated a minute back (old enough to trust a signature)."""
    folder = tmp_path / "pages"
    shutil.copytree(SAMPLES, folder)
    past = time.time() - 60
    for path in folder.iterdir():
        os.utime(path, (past, past))
    return folder


def test_flows_rerun_skips_unchanged_files_unread(
    prefect_harness: None, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpus import files
    from flows.ingest import ingest

    monkeypatch.setattr(files, "RACY_NS", 0)  # the copies' ctime is now
    folder = _aged_copy(tmp_path)
    first = ingest([str(folder)], db_url=db_url, batch_size=3)
    assert first.new == len(list(folder.iterdir())) and not first.failed

    def no_reading(*_args: object, **_kwargs: object) -> None:
        pytest.fail("an unchanged file was read again")

    with monkeypatch.context() as patch:
        patch.setattr(files, "_read_checked", no_reading)
        again = ingest([str(folder)], db_url=db_url, batch_size=3)
    assert (again.new, again.unchanged, again.claims_added, again.failed) == (0, first.new, 0, [])

    changed = sorted(folder.iterdir())[0]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n<p>另据报道，该模型拥有6710亿参数。</p>\n",
        encoding="utf-8",
    )
    touched = sorted(folder.iterdir())[1]
    os.utime(touched)  # new times, same content: read again, still unchanged
    third = ingest([str(folder)], db_url=db_url, batch_size=3)
    assert (third.new, third.updated, third.unchanged) == (0, 1, first.new - 1)
    assert third.claims_added > 0 and not third.failed
