"""`aiclaims extract` on folders and on stdin."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli.conftest import SAMPLES


def test_cli_extract_folder_lists_its_files_in_order(cli, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    pages = sorted(SAMPLES.iterdir())[:3]
    shutil.copy(pages[0], folder / "b.txt")
    shutil.copy(pages[1], folder / "sub" / "a.html")
    shutil.copy(pages[2], folder / ".hidden.txt")
    result = cli("extract", str(folder), str(pages[2]))
    assert result.exit_code == 0, result.output
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [str(folder / "b.txt"), str(folder / "sub" / "a.html"), str(pages[2])]


def test_cli_extract_stdin_gives_the_same_claims_as_the_file(cli) -> None:
    page = sorted(SAMPLES.glob("*.html"))[0]
    from_file = json.loads(cli("extract", str(page)).stdout)
    from_stdin = cli("extract", "-", input=page.read_bytes().decode("utf-8"))
    assert from_stdin.exit_code == 0, from_stdin.output
    record = json.loads(from_stdin.stdout)
    assert record["source"] == "-"
    assert record["claims"] and record["claims"] == from_file["claims"]
    assert record["article"] == from_file["article"]


def test_cli_extract_nothing_readable_exits_1(cli, tmp_path: Path) -> None:
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    assert cli("extract", str(empty_folder)).exit_code == 1
    (tmp_path / "empty.txt").write_text("")
    result = cli("extract", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1 and result.stdout == ""
    assert "empty.txt" in result.stderr and "missing.txt" in result.stderr


def test_cli_extract_a_page_that_fails_is_skipped_not_fatal(cli, tmp_path: Path) -> None:
    """A page the extractor refuses (text over its limit) is named on stderr; the pages
    after it are still printed, and the exit status is 0."""
    from extractors.pipeline import MAX_TEXT_CHARS

    huge = tmp_path / "huge.txt"
    huge.write_text("英伟达市值达到3万亿美元。" * (MAX_TEXT_CHARS // 12 + 1), encoding="utf-8")
    page = sorted(SAMPLES.glob("*.txt"))[0]
    result = cli("extract", str(huge), str(page))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(page)]
    (skip,) = [line for line in result.stderr.splitlines() if "huge.txt" in line]
    assert "too long" in skip
